/* The calendar file of a follow-up (ics.js): RFC 5545's folding at 75 octets without splitting a
   character, TEXT escaping, real days only, the day after, the UID and the file's name. */

import assert from "node:assert/strict";
import { test } from "node:test";

import { addDays, realDate } from "../../quiz/web/dates.js";
import { calendarText, escapeText, fileName, fold, uuid } from "../../quiz/web/ics.js";

const octets = (text) => Buffer.byteLength(text, "utf8");
const unfold = (text) => text.replace(/\r\n /g, "");
const EVENT = {
  uid: "0b0c0c0c-1d70-4b8e-9f00-ffdd00b3261e",
  stamp: new Date("2027-01-07T10:15:30.123Z"),
  date: "2027-01-14",
  summary: "Follow up with Ada, Quill; & Co.\\",
  description: "Time to get back in touch.",
  language: "en",
};

test("every line of a file is at most 75 octets, ends in CRLF and unfolds to the whole line", () => {
  const long = "가".repeat(60) + "é😀x".repeat(30);
  const text = calendarText({ ...EVENT, summary: long, language: "ko" });
  assert.ok(text.endsWith("\r\n"));
  assert.doesNotMatch(text.replace(/\r\n/g, ""), /[\r\n]/);
  const lines = text.slice(0, -2).split("\r\n");
  for (const line of lines) assert.ok(octets(line) <= 75, line);
  assert.ok(lines.some((line) => line.startsWith(" ")), "a long line is folded");
  assert.ok(unfold(text).includes("\r\nSUMMARY:" + long + "\r\n"));
});

test("folding never splits a character, whatever its width in UTF-8", () => {
  for (const unit of ["a", "é", "가", "😀"]) {
    for (let prefix = 0; prefix < 5; prefix += 1) {
      const line = "SUMMARY:" + "x".repeat(prefix) + unit.repeat(80);
      const folded = fold(line);
      const parts = folded.split("\r\n");
      for (const [index, part] of parts.entries()) {
        assert.ok(octets(part) <= 75);
        // A full line: the next character would not have fitted.
        if (index < parts.length - 1) assert.ok(octets(part) + octets(unit) > 75, part);
        // Each part decodes back to itself: no character was cut in two.
        assert.equal(Buffer.from(part, "utf8").toString("utf8"), part);
      }
      assert.equal(unfold(folded), line);
    }
  }
  assert.equal(fold("SHORT:line"), "SHORT:line");
  assert.equal(fold("X".repeat(75)), "X".repeat(75));
  assert.equal(fold("X".repeat(76)), "X".repeat(75) + "\r\n X");
});

test("text escapes backslash, semicolon, comma and every line break, and drops other controls", () => {
  assert.equal(escapeText("a\\b;c,d"), "a\\\\b\\;c\\,d");
  assert.equal(escapeText("one\r\ntwo\nthree\rfour"), "one\\ntwo\\nthree\\nfour");
  assert.equal(escapeText("tab\there\u0000\u001b\u007f"), "tab\there");
  assert.equal(escapeText("가나, 다"), "가나\\, 다");
});

test("the event is all day, from the chosen day to the next, stamped in UTC, with a reminder at 9:00", () => {
  const lines = unfold(calendarText(EVENT)).split("\r\n");
  for (const expected of [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Client Red Flags//Follow-up//EN",
    "BEGIN:VEVENT",
    "UID:" + EVENT.uid,
    "DTSTAMP:20270107T101530Z",
    "DTSTART;VALUE=DATE:20270114",
    "DTEND;VALUE=DATE:20270115",
    "SUMMARY:Follow up with Ada\\, Quill\\; & Co.\\\\",
    "DESCRIPTION:Time to get back in touch.",
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    "TRIGGER;RELATED=START:PT9H",
    "END:VALARM",
    "END:VEVENT",
    "END:VCALENDAR",
  ]) {
    assert.ok(lines.includes(expected), expected);
  }
  assert.equal(lines.filter((line) => line === "BEGIN:VEVENT").length, 1);
  assert.equal(calendarText({ ...EVENT, date: "2027-12-31" }).match(/DTEND;VALUE=DATE:(\d+)/)[1], "20280101");
});

test("only real days are dates: month and day in range, leap years, four-digit years", () => {
  assert.equal(realDate("14", "1", "2027"), "2027-01-14");
  assert.equal(realDate(" 9 ", "09", "2027"), "2027-09-09");
  assert.equal(realDate("29", "2", "2028"), "2028-02-29");
  for (const [day, month, year] of [
    ["29", "2", "2027"],
    ["31", "4", "2027"],
    ["30", "2", "2028"],
    ["0", "1", "2027"],
    ["1", "13", "2027"],
    ["1", "0", "2027"],
    ["1", "1", "27"],
    ["1", "1", "999"],
    ["31", "12", "9999"], // no next day in four digits
    ["", "1", "2027"],
    ["1.5", "1", "2027"],
    ["1", "1", "2027a"],
    ["-1", "1", "2027"],
    ["1e1", "1", "2027"],
    ["１", "1", "2027"], // a full-width digit is not read as one here
  ]) {
    assert.equal(realDate(day, month, year), null, [day, month, year].join("/"));
  }
});

test("the day after, across months, years and 29 February", () => {
  assert.equal(addDays("2027-01-31", 1), "2027-02-01");
  assert.equal(addDays("2027-12-31", 1), "2028-01-01");
  assert.equal(addDays("2028-02-28", 1), "2028-02-29");
  assert.equal(addDays("2027-02-28", 1), "2027-03-01");
  assert.equal(addDays("2027-03-01", -1), "2027-02-28");
  assert.equal(addDays("2027-01-10", 7), "2027-01-17");
});

test("the UID is a version-4 UUID of the bytes given, with no host", () => {
  const id = uuid(new Uint8Array(16).fill(255));
  assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(uuid(new Uint8Array(16)), "00000000-0000-4000-8000-000000000000");
});

test("the file's name holds the prospect's label only when given, in letters, digits, dots and dashes", () => {
  assert.equal(fileName("follow-up", "2027-01-14", ""), "follow-up-2027-01-14.ics");
  assert.equal(fileName("payment-due", "2027-01-14"), "payment-due-2027-01-14.ics");
  assert.equal(fileName("follow-up", "2027-01-14", "Ada Quill"), "follow-up-2027-01-14-Ada-Quill.ics");
  assert.equal(fileName("follow-up", "2027-01-14", "  a/b\\c:d*e?\"<>|\n. "), "follow-up-2027-01-14-a-b-c-d-e.ics");
  assert.equal(fileName("follow-up", "2027-01-14", "..."), "follow-up-2027-01-14.ics");
  assert.equal(fileName("follow-up", "2027-01-14", "가".repeat(50)), "follow-up-2027-01-14-" + "가".repeat(40) + ".ics");
  assert.equal(fileName("follow-up", "2027-01-14", "Quill, Lovelace; 런던 지사 😀"), "follow-up-2027-01-14-Quill-Lovelace-런던-지사.ics");
  assert.equal(fileName("follow-up", "2027-01-14", "Ｓｔｕｄｉｏ ① "), "follow-up-2027-01-14-Studio-1.ics");
  assert.equal(fileName("follow-up", "2027-01-14", "x".repeat(39) + " yz"), "follow-up-2027-01-14-" + "x".repeat(39) + ".ics");
});
