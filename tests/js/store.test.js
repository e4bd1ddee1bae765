/* The store's reading rules (store.js, storeOf): the version decides before the shape, nothing
   unreadable is dropped, formats 1 to 3 read as format 4, a prospect readable whatever its
   outcomes hold; its outcomes read one by one (events.js, readEvents) and the changes made to
   them, also by an import (archive.js, mergeImport), which keep the unreadable ones; the
   reader's settings read as untrusted (settingsOf) and joined on import (settings.js); and the
   pure helpers it saves with. */

import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";

import { STORE_VERSION, clip, limitNames, recordAssessment, settingsOf, storeOf, validDate, validProspect } from "../../quiz/web/store.js";
import { MAX_EVENTS, addEvent, byDate, deleteEvent, deleteUnreadableEvents, editEvent, knownKinds, mergeEvents, readEvents, readableEvents, restoreEvent, shownEvent, validEvent } from "../../quiz/web/events.js";
import { mergeImport } from "../../quiz/web/archive.js";
import { mergeSettings, writeSettings } from "../../quiz/web/settings.js";
import { cases } from "./cases.js";

const KEY = "client-red-flags:prospects";
const PROSPECT = { id: "p-aaaaaaaaaa", name: "Alpha", created: "2026-01-01T00:00:00.000Z", updated: "2026-01-02T00:00:00.000Z", answers: { "q-one": "yes" }, history: [] };

/** An object store that records what a read does to it. */
function objects() {
  const done = [];
  return { done: done, put: (value, key) => done.push(["put", key, value]), delete: (key) => done.push(["delete", key]) };
}

const NEWER = STORE_VERSION + 1;

beforeEach(() => {
  limitNames(cases.en.data.nameMax, cases.en.data.terms);
  knownKinds(cases.en.data.outcomes);
  globalThis.window = { crypto: globalThis.crypto };
});

test("a newer version's value of any shape is read-only and left where it is", () => {
  for (const value of [
    { version: NEWER, prospects: [PROSPECT] },
    { version: NEWER, prospects: { a: 1 } },
    { version: 99 },
    JSON.stringify({ version: NEWER, prospects: "anything" }),
  ]) {
    const store = objects();
    const read = storeOf(value, store);
    assert.equal(read.reason, "reason.newer");
    assert.deepEqual(store.done, []);
  }
  assert.deepEqual(storeOf({ version: NEWER, prospects: [PROSPECT, 7] }, objects()).prospects, [PROSPECT]);
});

test("an unreadable value is moved aside in the same transaction, never dropped", () => {
  for (const value of ["{not json", JSON.stringify({ prospects: [] }), JSON.stringify([1, 2]), JSON.stringify({ version: 2, prospects: {} })]) {
    const store = objects();
    const read = storeOf(value, store);
    const [put, removed] = store.done;
    assert.equal(put[0], "put");
    assert.match(put[1], /^client-red-flags:prospects:damaged:\d+$/);
    assert.equal(put[2], value);
    assert.deepEqual(removed, ["delete", KEY]);
    assert.equal(read.problem[0], "work.storage.damaged");
    assert.deepEqual(read.prospects, []);
  }
});

test("unreadable entries are kept as they are, beside the readable ones", () => {
  const odd = { id: "not an id", name: "<b>Odd</b>" };
  const long = { ...PROSPECT, id: "p-bbbbbbbbbb", name: "x".repeat(cases.en.data.nameMax + 1) };
  const read = storeOf(JSON.stringify({ version: 2, prospects: [PROSPECT, odd, long, PROSPECT], extra: 1 }), objects());
  assert.deepEqual(read.prospects, [PROSPECT]);
  assert.deepEqual(read.invalid, [odd, long, PROSPECT]); // a second copy of an id is not read twice
  assert.deepEqual(read.problem, ["work.storage.skipped", { count: 3 }]);
  assert.equal(read.raw.extra, 1); // keys this version does not know survive
});

test("format 1 is read as format 2, its previous answers first in the history", () => {
  const { history, ...rest } = PROSPECT;
  const previous = { updated: "2025-12-01T00:00:00.000Z", answers: { "q-one": "no" } };
  const read = storeOf(JSON.stringify({ version: 1, prospects: [{ ...rest, previous: previous }, { ...rest, id: "p-cccccccccc", previous: null }] }), objects());
  assert.deepEqual(read.prospects, [{ ...rest, history: [previous] }, { ...rest, id: "p-cccccccccc", history: [] }]);
});

test("dates are ISO 8601 and real calendar days", () => {
  assert.ok(validDate("2026-03-01T10:00:00.000Z"));
  assert.ok(validDate("2026-03-01T10:00:00+09:00"));
  assert.ok(validDate("2024-02-29T00:00:00Z"));
  for (const date of ["2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "March 1, 2026", "2026-03-01", 20260301, null]) {
    assert.ok(!validDate(date), String(date));
  }
});

test("a new assessment puts the one it replaces first in the history, ten at most", () => {
  globalThis.window = { crypto: globalThis.crypto };
  const store = { prospects: [] };
  const saved = recordAssessment(store, null, "Alpha", { "q-one": "yes" });
  assert.match(saved.id, /^p-[0-9a-z]{10}$/);
  for (let round = 0; round < 12; round += 1) recordAssessment(store, saved.id, "Alpha", { "q-one": "answer-" + round });
  assert.equal(store.prospects.length, 1);
  assert.equal(saved.history.length, 10);
  assert.deepEqual(saved.history[0].answers, { "q-one": "answer-10" });
  const before = saved.history.length;
  recordAssessment(store, saved.id, "Alpha renamed", { "q-one": "answer-11" }); // the same answers again
  assert.equal(saved.history.length, before);
  assert.equal(saved.name, "Alpha renamed");
  assert.equal(recordAssessment(store, "p-gonegonegone", "Beta", {}).name, "Beta"); // never brought back
  assert.equal(store.prospects.length, 2);
});

test("a name is clipped without splitting a character in two", () => {
  assert.equal(clip("ab😀", 3), "ab");
  assert.equal(clip("ab😀", 4), "ab😀");
  assert.equal(clip("가나다", 2), "가나");
});

test("formats 2 and 3 are read alike, settings and all, and reading writes nothing", () => {
  const settings = { terms: { deposit: 40 }, lines: ["q-one:yes"], theme: "a key of a later version" };
  for (const version of [2, 3]) {
    const store = objects();
    const read = storeOf(JSON.stringify({ version: version, prospects: [PROSPECT], settings: settings }), store);
    assert.deepEqual([read.prospects, read.problem, read.raw.settings, store.done], [[PROSPECT], null, settings, []]);
  }
  assert.equal(storeOf(JSON.stringify({ version: 0, prospects: [] }), objects()).problem[0], "work.storage.damaged");
});

test("the reader's settings are read as untrusted: each valid value is used, nothing else", () => {
  const terms = { deposit: 40, "payment-days": 30, revisions: 3, rush: 50, signature: "Ada Lovelace" };
  assert.deepEqual(settingsOf({ settings: { terms: terms, lines: ["q-one:yes"] } }), { terms: terms, lines: ["q-one:yes"], set: true });
  const partial = settingsOf({ settings: { terms: { deposit: 40, signature: "Ada" } } });
  assert.deepEqual(partial, { terms: { deposit: 40, signature: "Ada" }, lines: [], set: false });
  const wrong = { deposit: 101, "payment-days": 0, revisions: 2.5, rush: "50", signature: "   " };
  assert.deepEqual(settingsOf({ settings: { terms: { ...wrong, revisions: 20 } } }).terms, { revisions: 20 });
  assert.deepEqual(settingsOf({ settings: { terms: { signature: "x".repeat(cases.en.data.nameMax + 1) } } }).terms, {});
  for (const settings of [undefined, null, 7, "terms", [1], { terms: [40], lines: "q-one:yes" }]) {
    assert.deepEqual(settingsOf({ settings: settings }), { terms: {}, lines: [], set: false }, JSON.stringify(settings));
  }
});

const KEYS = [...Object.keys(cases.en.data.terms), "signature"];

test("writing settings keeps the keys this version does not know", () => {
  const store = { raw: { settings: { theme: "kept", terms: { deposit: 10, tone: "kept too" }, lines: ["a:b"] } } };
  writeSettings(store, { terms: { rush: 25 } }, KEYS);
  assert.deepEqual(store.raw.settings, { theme: "kept", terms: { tone: "kept too", rush: 25 }, lines: ["a:b"] });
  writeSettings(store, { lines: ["c:d"] }, KEYS);
  assert.deepEqual(store.raw.settings.lines, ["c:d"]);
  const fresh = { raw: { settings: "unreadable" } };
  writeSettings(fresh, { terms: { deposit: 30 }, lines: [] }, KEYS);
  assert.deepEqual(fresh.raw.settings, { terms: { deposit: 30 }, lines: [] });
});

test("an import's settings fill what this browser lacks and never replace what it has", () => {
  const ours = { terms: { deposit: 30 }, lines: [] };
  const store = { raw: { settings: ours } };
  assert.equal(mergeSettings(store, undefined, KEYS), null);
  // Lines taken (there were none here); terms that differ stay ours and come back to offer.
  const outcome = mergeSettings(store, { terms: { deposit: 50 }, lines: ["q-one:yes"] }, KEYS);
  assert.deepEqual(outcome, { taken: true, same: false, differ: { terms: { deposit: 50 } }, unreadable: false });
  assert.deepEqual(store.raw.settings, { terms: { deposit: 30 }, lines: ["q-one:yes"] });
  // The same again: nothing changes; lines compare in any order.
  store.raw.settings.lines = ["q-two:no", "q-one:yes"];
  const again = mergeSettings(store, { terms: { deposit: 30 }, lines: ["q-one:yes", "q-two:no"] }, KEYS);
  assert.deepEqual(again, { taken: false, same: true, differ: null, unreadable: false });
  // What the file holds that cannot be read is said, and left out.
  const empty = { raw: {} };
  const odd = mergeSettings(empty, { terms: { deposit: 500, rush: 20 }, lines: 7 }, KEYS);
  assert.deepEqual(odd, { taken: true, same: false, differ: null, unreadable: true });
  assert.deepEqual(empty.raw.settings, { terms: { rush: 20 } });
});

test("own lines that are not a question's answer are left out, and said", () => {
  const store = { raw: {} };
  const outcome = mergeSettings(store, { lines: ["q-one:yes", 7, "Not an answer"] }, KEYS);
  assert.deepEqual(outcome, { taken: true, same: false, differ: null, unreadable: true });
  assert.deepEqual(store.raw.settings, { lines: ["q-one:yes"] });
});

// ------------------------------------------------------------------ outcomes (format 4)

const EVENT = { id: "e-aaaaaaaaaa", kind: "signed", date: "2026-03-01", note: "" };
const WITH_EVENTS = { ...PROSPECT, id: "p-eeeeeeeeee", events: [EVENT, { id: "e-bbbbbbbbbb", kind: "paid-late", date: "2026-02-28", note: "Late." }] };

test("the kinds of outcome come from the island, in quiz.yml's order", () => {
  assert.deepEqual(
    cases.en.data.outcomes.map((outcome) => outcome.id),
    ["signed", "declined", "chose-other", "paid-on-time", "would-again", "paid-late", "scope-unpaid", "dispute", "never-paid", "ended-early"]
  );
});

test("an outcome is an id, a known kind, a real calendar day and a short note", () => {
  assert.ok(validEvent(EVENT));
  assert.ok(validEvent({ ...EVENT, note: "x".repeat(280), mood: "a key of a later version" }));
  assert.ok(validEvent({ ...EVENT, date: "2024-02-29" }));
  for (const bad of [
    { ...EVENT, kind: "ghosted" },
    { ...EVENT, kind: undefined },
    { ...EVENT, date: "2026-02-31" },
    { ...EVENT, date: "2026-02-29" },
    { ...EVENT, date: "2026-03-01T00:00:00Z" },
    { ...EVENT, date: ["2026-03-01"] },
    { ...EVENT, date: 20260301 },
    { ...EVENT, note: "x".repeat(281) },
    { ...EVENT, note: "x".repeat(10000) },
    { ...EVENT, note: undefined },
    { ...EVENT, note: ["fine"] },
    { ...EVENT, id: "p-aaaaaaaaaa" },
    { ...EVENT, id: ["e-aaaaaaaaaa"] },
    { ...EVENT, id: "e-short" },
    null,
    "signed",
    [EVENT],
  ]) {
    assert.ok(!validEvent(bad), JSON.stringify(bad));
  }
});

test("a prospect is readable whatever its outcomes hold, and a write keeps them as they are", () => {
  const many = Array.from({ length: MAX_EVENTS + 1 }, (_, index) => ({ ...EVENT, id: "e-" + String(index).padStart(10, "0") }));
  for (const events of [[], many, { 0: EVENT }, "signed", null, [EVENT, { ...EVENT, kind: "ghosted" }]]) {
    const entry = { ...PROSPECT, id: "p-cccccccccc", events: events };
    assert.ok(validProspect(entry), JSON.stringify(events).slice(0, 60));
    const read = storeOf(JSON.stringify({ version: 4, prospects: [WITH_EVENTS, entry] }), objects());
    assert.deepEqual([read.prospects, read.invalid], [[WITH_EVENTS, entry], []]);
    // The quiz page's save, which never looks at them.
    recordAssessment(read, entry.id, "Alpha", { "q-one": "no" });
    assert.deepEqual(read.prospects[1].events, events);
  }
  limitNames(cases.en.data.nameMax, cases.en.data.terms);
  knownKinds([]); // the quiz page knows no kind of outcome: no prospect is unreadable for that
  assert.deepEqual(storeOf(JSON.stringify({ version: 4, prospects: [WITH_EVENTS] }), objects()).prospects, [WITH_EVENTS]);
});

test("outcomes are read one by one: the well-formed ones used, the rest kept as they are", () => {
  const ghost = { ...EVENT, id: "e-ghostghost", kind: "ghosted" };
  const twin = { ...EVENT, note: "The same id again." };
  const read = readEvents([ghost, EVENT, "noise", twin, WITH_EVENTS.events[1]]);
  assert.deepEqual(read, { readable: [EVENT, WITH_EVENTS.events[1]], unreadable: [ghost, "noise", twin], list: true });
  assert.deepEqual(readEvents(undefined), { readable: [], unreadable: [], list: true });
  for (const events of [null, "signed", { 0: EVENT }, 7]) {
    assert.deepEqual(readEvents(events), { readable: [], unreadable: [events], list: false });
  }
  assert.deepEqual(readableEvents({ ...PROSPECT, events: [ghost, EVENT] }), [EVENT]);
  assert.deepEqual(readableEvents(PROSPECT), []);
});

test("changes to readable outcomes leave the unreadable ones in place", () => {
  const ghost = { id: "e-ghostghost", kind: "ghosted", date: "2026-13-01", note: 7 };
  const twin = { ...EVENT, note: "The same id again." };
  const store = { prospects: [{ ...structuredClone(PROSPECT), events: [ghost, structuredClone(EVENT), twin] }] };
  const events = () => store.prospects[0].events;
  const added = addEvent(store, PROSPECT.id, { kind: "paid-late", date: "2026-05-01", note: "" });
  assert.deepEqual(events(), [ghost, EVENT, twin, added]);
  editEvent(store, PROSPECT.id, EVENT.id, { note: "Edited." });
  assert.deepEqual(events(), [ghost, { ...EVENT, note: "Edited." }, twin, added]); // never its twin
  assert.equal(editEvent(store, PROSPECT.id, ghost.id, { kind: "signed" }), "missing");
  const deleted = deleteEvent(store, PROSPECT.id, EVENT.id);
  assert.equal(deleted.index, 1);
  assert.deepEqual(events(), [ghost, twin, added]);
  // With the first gone, its twin reads as the one of that id: undo finds it "back".
  assert.equal(restoreEvent(store, deleted), "back");
  assert.equal(deleteEvent(store, PROSPECT.id, ghost.id), null);
  // Deleting the unreadable ones the page showed, by their text: the readable ones stay.
  assert.equal(deleteUnreadableEvents(store, PROSPECT.id, [shownEvent(ghost)]), 1);
  assert.deepEqual(events(), [twin, added]);
  assert.equal(deleteUnreadableEvents(store, PROSPECT.id, [shownEvent(ghost)]), 0);
  assert.equal(deleteUnreadableEvents(store, "p-gonegonegone", [shownEvent(ghost)]), 0);
});

test("outcomes that are not a list block a new one until deleted, as a whole", () => {
  const store = { prospects: [{ ...structuredClone(PROSPECT), events: { 0: EVENT } }] };
  assert.equal(addEvent(store, PROSPECT.id, { kind: "signed", date: "2026-03-01", note: "" }), "blocked");
  assert.equal(restoreEvent(store, { id: PROSPECT.id, event: EVENT, index: 0 }), "blocked");
  assert.equal(deleteEvent(store, PROSPECT.id, EVENT.id), null);
  assert.deepEqual(store.prospects[0].events, { 0: EVENT });
  assert.equal(deleteUnreadableEvents(store, PROSPECT.id, [shownEvent({ 0: EVENT })]), 1);
  assert.ok(!("events" in store.prospects[0]));
  assert.equal(addEvent(store, PROSPECT.id, { kind: "signed", date: "2026-03-01", note: "" }).kind, "signed");
});

test("formats 2 and 3 read as format 4: every prospect, none with outcomes, nothing written", () => {
  for (const version of [2, 3, 4]) {
    const store = objects();
    const read = storeOf(JSON.stringify({ version: version, prospects: [PROSPECT, WITH_EVENTS] }), store);
    assert.deepEqual([read.prospects, read.invalid, store.done], [[PROSPECT, WITH_EVENTS], [], []]);
  }
  assert.equal(STORE_VERSION, 4);
});

test("a re-assessment leaves a prospect's outcomes as they are", () => {
  const store = { prospects: [structuredClone(WITH_EVENTS)] };
  recordAssessment(store, WITH_EVENTS.id, "Alpha", { "q-one": "no" });
  assert.deepEqual(store.prospects[0].events, WITH_EVENTS.events);
});

test("outcomes are added, changed, deleted and restored in place", () => {
  const store = { prospects: [structuredClone(PROSPECT)] };
  const added = addEvent(store, PROSPECT.id, { kind: "signed", date: "2026-03-01", note: "Deposit paid." });
  assert.match(added.id, /^e-[0-9a-z]{10}$/);
  assert.ok(validEvent(added));
  assert.equal(addEvent(store, "p-gonegonegone", { kind: "signed", date: "2026-03-01", note: "" }), "gone");
  const second = addEvent(store, PROSPECT.id, { kind: "paid-late", date: "2026-05-01", note: "" });
  store.prospects[0].events[1].mood = "a key of a later version";
  assert.equal(editEvent(store, PROSPECT.id, second.id, { kind: "never-paid", date: "2026-06-01", note: "Gone quiet." }).mood, "a key of a later version");
  assert.equal(editEvent(store, PROSPECT.id, "e-nonenonenone", { kind: "signed", date: "2026-03-01", note: "" }), "missing");
  const deleted = deleteEvent(store, PROSPECT.id, added.id);
  assert.deepEqual([deleted.index, deleted.event], [0, added]);
  assert.equal(deleteEvent(store, PROSPECT.id, added.id), null);
  assert.equal(restoreEvent(store, deleted), "restored");
  assert.deepEqual(store.prospects[0].events.map((event) => event.id), [added.id, second.id]);
  assert.equal(restoreEvent(store, deleted), "back");
  assert.equal(restoreEvent({ prospects: [] }, deleted), "gone");
  store.prospects[0].events = Array.from({ length: MAX_EVENTS }, () => ({ ...EVENT }));
  assert.equal(addEvent(store, PROSPECT.id, EVENT), "full");
});

test("outcomes are listed in the order they happened: by date, then as recorded", () => {
  const events = [
    { ...EVENT, id: "e-3333333333", date: "2026-05-01" },
    { ...EVENT, id: "e-1111111111", date: "2026-01-01" },
    { ...EVENT, id: "e-4444444444", date: "2026-05-01" },
  ];
  assert.deepEqual(byDate(events).map((event) => event.id), ["e-1111111111", "e-3333333333", "e-4444444444"]);
});

test("a file's outcomes join ours by id: new ones added, a conflict kept twice, once", () => {
  const ours = [EVENT];
  const changed = { ...EVENT, note: "Signed after all." };
  const fresh = { ...EVENT, id: "e-ffffffffff", kind: "paid-on-time", date: "2026-04-01" };
  const merged = mergeEvents(ours, [EVENT, changed, fresh]);
  assert.equal(merged.events.length, 3);
  assert.deepEqual([merged.added, merged.both], [1, 1]);
  assert.deepEqual(merged.events[0], EVENT); // ours first, as they were, then the file's in order
  assert.deepEqual(merged.events[2], fresh);
  const kept = merged.events[1];
  assert.notEqual(kept.id, EVENT.id);
  assert.deepEqual({ ...kept, id: EVENT.id }, changed);
  // The same file again adds nothing: the conflict's copy is here already.
  assert.deepEqual(mergeEvents(merged.events, [EVENT, changed, fresh]), { events: merged.events, added: 0, both: 0 });
  assert.deepEqual(mergeEvents(undefined, []), { events: [], added: 0, both: 0 });
  // Our unreadable ones stay first, in place, and match nothing; ours not a list takes nothing.
  const ghost = { ...fresh, kind: "ghosted" };
  const joined = mergeEvents([ghost, EVENT], [fresh, EVENT]);
  assert.deepEqual(joined, { events: [ghost, EVENT, fresh], added: 1, both: 0 });
  assert.deepEqual(mergeEvents("damaged", []), { events: "damaged", added: 0, both: 0 });
  assert.equal(mergeEvents("damaged", [fresh]), null);
  const full = Array.from({ length: MAX_EVENTS }, (_, index) => ({ ...EVENT, id: "e-" + String(index).padStart(10, "0") }));
  assert.equal(mergeEvents(full, [fresh]), null);
});

test("an import merges outcomes wherever the file's prospect joins one here, and counts them", () => {
  const store = { raw: {}, prospects: [structuredClone(WITH_EVENTS)], invalid: [] };
  const theirs = { ...WITH_EVENTS, events: [{ ...EVENT, note: "Changed there." }, { ...EVENT, id: "e-cccccccccc", kind: "dispute", date: "2026-06-01" }] };
  const counts = mergeImport(store, { prospects: [theirs], unreadable: [] }, " (imported)", 120);
  assert.deepEqual(counts, { added: 0, updated: 0, both: 0, same: 1, unreadable: 0, outcomes: 1, "outcomes-both": 1, "outcomes-unreadable": 0 });
  assert.deepEqual(store.prospects.length, 1);
  assert.deepEqual(store.prospects[0].events.slice(0, 2), WITH_EVENTS.events);
  assert.deepEqual(store.prospects[0].events.length, 4);
  // A newer copy replaces ours and keeps our outcomes beside its own.
  const newer = { ...theirs, updated: "2026-02-01T00:00:00.000Z", answers: { "q-one": "no" }, history: [{ updated: PROSPECT.updated, answers: PROSPECT.answers }], events: [{ ...EVENT, id: "e-dddddddddd", kind: "paid-late" }] };
  const again = mergeImport(store, { prospects: [newer], unreadable: [] }, " (imported)", 120);
  assert.deepEqual([again.updated, again.outcomes], [1, 1]);
  assert.deepEqual(store.prospects[0].answers, { "q-one": "no" });
  assert.equal(store.prospects[0].events.length, 5);
  // The file's unreadable outcomes are left out, and counted; ours that are unreadable stay.
  const ghost = { ...EVENT, id: "e-ghostghost", kind: "ghosted" };
  store.prospects[0].events.push(ghost);
  const before = structuredClone(store.prospects[0].events);
  const damaged = { ...store.prospects[0], events: [ghost, "noise", { ...EVENT, id: "e-newnewnewn", kind: "dispute" }] };
  const third = mergeImport(store, { prospects: [damaged, { ...PROSPECT, id: "p-ffffffffff", events: { 0: EVENT } }], unreadable: [] }, " (imported)", 120);
  assert.deepEqual([third.same, third.added, third.outcomes, third["outcomes-unreadable"]], [1, 1, 1, 3]);
  assert.deepEqual(store.prospects[0].events.slice(0, -1), before);
  assert.equal(store.prospects[0].events.at(-1).id, "e-newnewnewn");
  assert.ok(!("events" in store.prospects[1])); // added without what could not be read
  // A prospect without outcomes on both sides gains no `events` key.
  const plain = { raw: {}, prospects: [structuredClone(PROSPECT)], invalid: [] };
  mergeImport(plain, { prospects: [{ ...PROSPECT, updated: "2026-02-01T00:00:00.000Z", history: [{ updated: PROSPECT.updated, answers: PROSPECT.answers }] }], unreadable: [] }, " (imported)", 120);
  assert.ok(!("events" in plain.prospects[0]));
});
