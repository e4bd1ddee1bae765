/* The store's reading rules (store.js, storeOf): the version decides before the shape, nothing
   unreadable is dropped, formats 1 and 2 read as format 3; the reader's settings read as
   untrusted (settingsOf) and joined on import (settings.js); and the pure helpers it saves with. */

import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";

import { STORE_VERSION, clip, limitNames, recordAssessment, settingsOf, storeOf, validDate } from "../../quiz/web/store.js";
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

beforeEach(() => limitNames(cases.en.data.nameMax, cases.en.data.terms));

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
