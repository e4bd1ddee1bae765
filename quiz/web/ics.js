/* A calendar file (RFC 5545, iCalendar) holding one all-day reminder: the text of the `.ics`
   file the prospects page offers for a follow-up or a payment due date (followup.js). Pure: no
   page, no clock and no randomness of its own (the caller gives the day, the time stamp and the
   id), so tests/js/ics.test.js checks it under Node. */

import { addDays } from "./dates.js";

const LIMIT = 75; // octets on a line, its line break not counted (RFC 5545, 3.1)

/**
 * The file's text: one VCALENDAR with one all-day VEVENT and its reminder, CRLF line endings,
 * every line folded at 75 octets.
 * @param {{uid: string, stamp: Date, date: string, summary: string, description: string,
 *   language: string}} event `date` is "YYYY-MM-DD", a real day (dates.js, `realDate`)
 * @returns {string}
 */
export function calendarText(event) {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Client Red Flags//Follow-up//" + event.language.toUpperCase(),
    "CALSCALE:GREGORIAN",
    "BEGIN:VEVENT",
    "UID:" + event.uid,
    "DTSTAMP:" + event.stamp.toISOString().replace(/[-:]|\.\d+/g, ""),
    "DTSTART;VALUE=DATE:" + event.date.replace(/-/g, ""),
    "DTEND;VALUE=DATE:" + addDays(event.date, 1).replace(/-/g, ""),
    "SUMMARY:" + escapeText(event.summary),
    "DESCRIPTION:" + escapeText(event.description),
    "TRANSP:TRANSPARENT", // a reminder, not a meeting: the day stays free
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    "DESCRIPTION:" + escapeText(event.summary),
    // 9:00 on the day itself (the day starts at 0:00 where the reader is): a follow-up is sent,
    // and a payment looked for, that day, so an alarm the evening before would come too soon.
    "TRIGGER;RELATED=START:PT9H",
    "END:VALARM",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** A TEXT value escaped (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks; other
    control characters, which a TEXT value cannot hold, are dropped. */
export function escapeText(text) {
  return text
    .replace(/\r\n?|\n/g, "\n")
    .replace(/[\\;,]/g, "\\$&")
    .replace(/\n/g, "\\n")
    .replace(/[\x00-\x08\x0a-\x1f\x7f]/g, "");
}

/** A content line folded (RFC 5545, 3.1): at most 75 octets of UTF-8 a line, each further line
    starting with a space, and never inside a character (Hangul takes three octets each). */
export function fold(line) {
  let out = "";
  let octets = 0;
  for (const character of line) {
    const code = character.codePointAt(0);
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > LIMIT) {
      out += "\r\n ";
      octets = 1;
    }
    out += character;
    octets += size;
  }
  return out;
}

/** A version-4 UUID from 16 random bytes, for the event's UID: no host in it (RFC 7986, 5.3),
    since a file made in the offline copy has none, and the address would say where it came from. */
export function uuid(bytes) {
  const b = Array.from(bytes);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = b.map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
}

/** The file's name: what and when, and the prospect's label only when the reader asked for it,
    in letters, digits, dots and dashes: "follow-up-2027-01-14.ics", "…-14-Lumen-Studio.ics". */
export function fileName(kind, date, label) {
  const trim = (text) => text.replace(/^[-.]+|[-.]+$/g, "");
  const words = trim((label || "").normalize("NFKC").replace(/[^\p{L}\p{N}._]+/gu, "-"));
  const tidy = trim(Array.from(words).slice(0, 40).join("")); // 40 characters, not half of one
  return [kind, date].concat(tidy || []).join("-") + ".ics";
}
