/* Saved prospects, and the reader's own settings, in this browser's IndexedDB: one namespaced,
   versioned value, read as untrusted. Every read and write is one IndexedDB transaction
   (transact()), which the browser runs one after another across every tab of the site, so no two
   changes ever cross. Used by the quiz page (save, re-assess) and the prospects page. Format:
   README.md, "Workspace test contract". A prospect's outcomes (format 4, `events`) are no concern
   of this module: it keeps them as they are, like any key it does not know, and a prospect's
   readability never depends on them. The pages that show them read them event by event
   (events.js), a module the quiz page does not load. */

import { InputError } from "./errors.js";

// Every key the site writes, in localStorage or sessionStorage, starts with this.
export const SITE_KEYS = "client-red-flags:";
// The database, its one object store, and the store's key for the prospects (a JSON text).
const DATABASE = "client-red-flags";
const OBJECTS = "store";
const STORE_KEY = SITE_KEYS + "prospects";
// localStorage: where versions before IndexedDB kept the prospects (read once and moved), and a
// value each change sets so that the other tabs' `storage` event tells them to read again.
const CHANGED = SITE_KEYS + "changed";
export const STORE_VERSION = 4; // formats 1 to 3 are read as 4, and written as 4
export const READ_VERSIONS = [1, 2, 3, STORE_VERSION]; // what a store or an export file may be
export const MAX_HISTORY = 10;
export const ID = /^p-[a-z0-9]{8,24}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?(?:Z|[+-]\d\d:\d\d)$/;

let opening = null;
let nameMax = 0; // the longest prospect name, from the page's island: limitNames()
let termLimits = {}; // each figure of the reader's terms: [lowest, highest], from the island

/** Take the longest prospect name (quiz/drafting.py's NAME_MAX, its one source) and the limits
    of the reader's terms (quiz/your_terms.py) from the page's island; every page that reads the
    store calls it first. */
export function limitNames(max, terms) {
  nameMax = max;
  termLimits = terms;
}

/** The site's database, opened once per page (again after a failure, after the browser closed
    it, or when a newer version of the site asks to upgrade it). Creating it moves in what a
    version before IndexedDB kept in localStorage, and removes that copy once the move is
    committed. */
function database() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const request = window.indexedDB.open(DATABASE, 1);
      let moved = null;
      // A new database: move in what versions before IndexedDB kept, once, in the upgrade's own
      // transaction, which no other tab's transaction can overlap or follow unseen.
      request.onupgradeneeded = () => {
        const objects = request.result.createObjectStore(OBJECTS);
        moved = legacyValue();
        if (moved !== null) objects.put(moved, STORE_KEY);
      };
      request.onsuccess = () => {
        const db = request.result; // the upgrade, if any, is committed
        if (moved !== null && legacyValue() === moved) window.localStorage.removeItem(STORE_KEY);
        db.onclose = () => (opening = null); // closed by the browser (site data cleared)
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        resolve(db);
      };
      // A database of a newer version is a newer version's store: read-only, as in storeOf().
      request.onerror = () => reject(request.error?.name === "VersionError" ? new InputError("reason.newer") : request.error);
    });
    opening.catch(() => (opening = null));
  }
  return opening;
}

/**
 * Run `work` on the stored value inside one readwrite transaction: it gets the value (null when
 * none) and the object store, and must finish synchronously.
 * @param {function(?*, IDBObjectStore): *} work
 * @returns {Promise<*>} what `work` returned, once committed
 * @throws {InputError} what `work` threw, or "reason.storage" when the browser refused
 */
export function transact(work) {
  let result;
  let failure = new InputError("reason.storage");
  return database().then(
    (db) =>
      new Promise((resolve, reject) => {
        const transaction = db.transaction(OBJECTS, "readwrite");
        const objects = transaction.objectStore(OBJECTS);
        const request = objects.get(STORE_KEY);
        request.onsuccess = () => {
          try {
            result = work(request.result ?? null, objects); // nothing stored yet: null
          } catch (error) {
            failure = error;
            transaction.abort();
          }
        };
        transaction.oncomplete = () => resolve(result);
        transaction.onabort = () => reject(failure);
      })
  ).catch((error) => {
    if (error === failure || error instanceof InputError) throw error;
    opening = null; // a connection closing under us: the next change opens it again
    throw failure;
  });
}

/** What a version before IndexedDB kept in localStorage, if anything. */
function legacyValue() {
  try {
    return window.localStorage.getItem(STORE_KEY);
  } catch (error) {
    return null;
  }
}

/**
 * Read the saved prospects, formats 1 to 3 as format 4. Nothing is ever dropped: unreadable entries
 * are kept aside and written back untouched, and so are keys this version does not know (in
 * `raw`); an unreadable value is moved to a backup key first; a value from a newer version is
 * opened read-only.
 * @returns {Promise<{raw: Object, prospects: Array, invalid: Array, reason: ?string, problem: ?Array}>}
 *   `reason` (a "reason." string key) says why the store is read-only; null when writable
 */
export function readStore() {
  return transact(storeOf).catch((error) => {
    if (!(error instanceof InputError)) throw error;
    return readOnly(storeOf(null), error.reason);
  });
}

/** The store a stored value holds (its JSON text, or what a newer version put there). */
export function storeOf(value, objects) {
  const store = { raw: {}, prospects: [], invalid: [], reason: null, problem: null };
  if (value === null) return store;
  let parsed = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      return setAside(store, value, objects);
    }
  }
  // The version decides before the shape. The one rule every format keeps: an object with a
  // number `version` at its top. A newer version's store, whatever else it holds, is opened
  // read-only: never moved, rewritten or removed by this version.
  if (isPlainObject(parsed) && typeof parsed.version === "number" && parsed.version > STORE_VERSION) {
    store.raw = parsed;
    store.prospects = Array.isArray(parsed.prospects) ? parsed.prospects.filter(validProspect) : [];
    return readOnly(store, "reason.newer");
  }
  if (!isPlainObject(parsed) || typeof parsed.version !== "number" || !Array.isArray(parsed.prospects)) {
    return setAside(store, value, objects);
  }
  store.raw = parsed;
  if (!READ_VERSIONS.includes(parsed.version)) return setAside(store, value, objects);
  const seen = new Set();
  for (const entry of parsed.prospects) {
    const prospect = parsed.version === 1 ? fromVersion1(entry) : entry;
    if (validProspect(prospect) && !seen.has(prospect.id)) {
      seen.add(prospect.id);
      store.prospects.push(prospect);
    } else {
      store.invalid.push(entry);
    }
  }
  if (store.invalid.length) store.problem = ["work.storage.skipped", { count: store.invalid.length }];
  return store;
}

/**
 * Change the saved prospects: read them, let `change` edit that store (its `prospects`, and
 * `raw` for other keys) and write it back, in one transaction; then tell the other tabs.
 * @param {function(Object): *} change
 * @returns {Promise<*>} what `change` returned, once stored
 * @throws {InputError} when the store is read-only or the browser refuses to store it
 */
export function updateStore(change) {
  return transact((value, objects) => {
    const store = storeOf(value, objects);
    if (store.reason) throw new InputError(store.reason);
    const result = change(store);
    let text;
    try {
      text = JSON.stringify({ ...store.raw, version: STORE_VERSION, prospects: store.prospects.concat(store.invalid) });
    } catch (error) {
      throw new InputError("reason.storage"); // nested too deeply to be written out
    }
    objects.put(text, STORE_KEY);
    return result;
  }).then((result) => {
    announce();
    return result;
  });
}

/** Tell the site's other tabs that the prospects changed (their `storage` event). */
export function announce() {
  try {
    window.localStorage.setItem(CHANGED, Date.now() + " " + Math.random());
  } catch (error) {
    // Without localStorage the other tabs show the change when next opened.
  }
}

/** Call `follow` whenever another tab changes what the site keeps: it announced a change, or
    the site's keys were cleared (a `storage` event for one of them, or for all at once). */
export function onStoreChange(follow) {
  window.addEventListener("storage", (event) => (event.key === null || event.key.startsWith(SITE_KEYS)) && follow());
}

/**
 * Record an assessment in a fresh store (it is this call's own copy, so it is changed in
 * place): the prospect `id` gets these answers and the ones they replace go first in its
 * history; the same answers again change only the name. A prospect no longer saved (deleted
 * meanwhile, or none) is saved as a new one, never brought back.
 * @returns {Object} the saved prospect
 */
export function recordAssessment(store, id, name, answers) {
  const now = new Date().toISOString();
  const old = store.prospects.find((prospect) => prospect.id === id);
  if (!old) {
    const prospect = { id: newId(), name: name, created: now, updated: now, answers: answers, history: [] };
    store.prospects.push(prospect);
    return prospect;
  }
  if (!sameAnswers(old.answers, answers)) {
    old.history = [{ updated: old.updated, answers: old.answers }].concat(old.history).slice(0, MAX_HISTORY);
    old.updated = now;
    old.answers = answers;
  }
  old.name = name;
  return old;
}

/**
 * The reader's settings in a stored value, read as untrusted: the terms whose values are valid
 * (the others take the drafts' examples), the own lines (only those that are an answer's
 * "question:option" can ever match one), and whether every figure is the reader's own (`set`).
 * What is not valid stays stored as it is; the prospects page says so (settings.js).
 * @returns {{terms: Object, lines: Array, set: boolean}}
 */
export function settingsOf(raw) {
  const settings = Object(raw.settings);
  const given = Object(settings.terms);
  const terms = {};
  let set = true;
  for (const key in termLimits) {
    if (validTerm(key, given[key])) terms[key] = given[key];
    else set = false;
  }
  if (validName(given.signature)) terms.signature = given.signature;
  return { terms: terms, lines: Array.isArray(settings.lines) ? settings.lines : [], set: set };
}

/** Whether a figure of the reader's terms is a whole number within its limits. */
export function validTerm(key, value) {
  return value === (value | 0) && value >= termLimits[key][0] && value <= termLimits[key][1];
}

/** Whether an untrusted value is a well-formed saved prospect (format 2 and later). Its `events`
    (format 4) are not looked at: one damaged outcome never hides a whole client (events.js). */
export function validProspect(value) {
  return (
    validAssessment(value) && typeof value.id === "string" && ID.test(value.id) &&
    validName(value.name) && validDate(value.created) &&
    Array.isArray(value.history) && value.history.length <= MAX_HISTORY && value.history.every(validAssessment)
  );
}

export function sameAnswers(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

export function newId() {
  const bytes = new Uint8Array(10);
  window.crypto.getRandomValues(bytes);
  return "p-" + Array.from(bytes, (byte) => (byte % 36).toString(36)).join("");
}

export function toMap(answers) {
  return new Map(Object.entries(answers));
}

export function toObject(answers) {
  return Object.fromEntries(answers);
}

/** A format-1 entry as format 2: its `previous` answers become the first of its history. */
export function fromVersion1(entry) {
  if (!isPlainObject(entry)) return entry;
  const { previous, ...rest } = entry;
  return { ...rest, history: previous === null || previous === undefined ? [] : [previous] };
}

/** Move an unreadable value to a key of its own, in the same transaction, and say where. */
function setAside(store, value, objects) {
  const backup = STORE_KEY + ":damaged:" + Date.now();
  objects.put(value, backup);
  objects.delete(STORE_KEY);
  return { ...store, problem: ["work.storage.damaged", { key: backup }] };
}

/** A store this version may read but not change: a newer version's ("reason.newer"), or one the
    browser would not open ("reason.storage"). */
function readOnly(store, reason) {
  return { ...store, reason: reason, problem: reason === "reason.newer" ? ["work.storage.future", {}] : ["work.storage.error", { reason: reason }] };
}

export function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function validAssessment(value) {
  return isPlainObject(value) && validDate(value.updated) && validAnswers(value.answers);
}

/** ISO 8601 only (what toISOString() writes, or with an offset): never Date.parse's guesses,
    and a real calendar day (Date.parse moves 30 February to March; Python refuses it). */
export function validDate(value) {
  if (typeof value !== "string" || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) return false;
  const day = Date.parse(value.slice(0, 10)); // midnight UTC of its calendar day, rolled over if impossible
  return !Number.isNaN(day) && new Date(day).toISOString().startsWith(value.slice(0, 10));
}

function validAnswers(value) {
  if (!isPlainObject(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= 2000 &&
    entries.every(([key, option]) => key.length <= 64 && SLUG.test(key) && typeof option === "string" && option.length <= 64 && SLUG.test(option))
  );
}

/** The first `room` UTF-16 units of a name (what `length` and `maxlength` count), without
    splitting a character in two: an emoji cut in half is left out whole. */
export function clip(name, room) {
  const cut = name.slice(0, room);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

export function validName(value) {
  return typeof value === "string" && value.trim().length > 0 && value.length <= nameMax;
}
