/* Saved prospects in this browser's localStorage: one namespaced, versioned value, read as
   untrusted. Every write goes through updateStore(): read afresh, change, write, in one
   synchronous step, so no tab ever writes back a stale copy. Used by the quiz page (save,
   re-assess) and the prospects page. Format: README.md, "Workspace test contract". */

// Every key the site writes, in localStorage or sessionStorage, starts with this.
const SITE_KEYS = "client-red-flags:";
const STORE_KEY = SITE_KEYS + "prospects";
const STORE_VERSION = 2;
// MAX_NAME, the longest prospect name, is written into the bundle from quiz/drafting.py.
const MAX_HISTORY = 10;
const ID = /^p-[a-z0-9]{8,24}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?(?:Z|[+-]\d\d:\d\d)$/;

/**
 * Read the saved prospects, format 1 as format 2. Nothing is ever dropped: unreadable entries
 * are kept aside and written back untouched, and so are keys this version does not know (in
 * `raw`); an unreadable value is moved to a backup key first; a value from a newer version is
 * opened read-only.
 * @returns {{raw: Object, prospects: Array, invalid: Array, reason: ?string, problem: ?Array}}
 *   `reason` (a "reason." string key) says why the store is read-only; null when writable
 */
function readStore() {
  const store = { raw: {}, prospects: [], invalid: [], reason: null, problem: null };
  let raw;
  try {
    raw = window.localStorage.getItem(STORE_KEY);
  } catch (error) {
    return unavailable(store);
  }
  if (raw === null) return store;
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    return setAside(store, raw);
  }
  // The version decides before the shape. The one rule every format keeps: a JSON object with a
  // number `version` at its top. A newer version's store, whatever else it holds, is opened
  // read-only: never moved, rewritten or removed by this version.
  if (isPlainObject(parsed) && typeof parsed.version === "number" && parsed.version > STORE_VERSION) {
    store.raw = parsed;
    store.prospects = Array.isArray(parsed.prospects) ? parsed.prospects.filter(validProspect) : [];
    return { ...store, reason: "reason.newer", problem: ["work.storage.future", {}] };
  }
  if (!isPlainObject(parsed) || typeof parsed.version !== "number" || !Array.isArray(parsed.prospects)) {
    return setAside(store, raw);
  }
  store.raw = parsed;
  if (parsed.version !== STORE_VERSION && parsed.version !== 1) return setAside(store, raw);
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
 * Change the saved prospects: read them afresh, let `change` edit that store (its `prospects`,
 * and `raw` for other keys), write it back, all in one synchronous step.
 * @param {function(Object): *} change
 * @returns {*} what `change` returned
 * @throws {InputError} when the store is read-only or the browser refuses to store it
 */
function updateStore(change) {
  const store = readStore();
  if (store.reason) throw new InputError(store.reason);
  const result = change(store);
  try {
    window.localStorage.setItem(STORE_KEY, JSON.stringify({ ...store.raw, version: STORE_VERSION, prospects: store.prospects.concat(store.invalid) }));
  } catch (error) {
    throw new InputError("reason.storage");
  }
  return result;
}

/**
 * Record an assessment in a fresh store (it is this call's own copy, so it is changed in
 * place): the prospect `id` gets these answers and the ones they replace go first in its
 * history; the same answers again change only the name. A prospect no longer saved (deleted
 * meanwhile, or none) is saved as a new one, never brought back.
 * @returns {Object} the saved prospect
 */
function recordAssessment(store, id, name, answers) {
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

/** Whether an untrusted value is a well-formed saved prospect (format 2). */
function validProspect(value) {
  return (
    validAssessment(value) && typeof value.id === "string" && ID.test(value.id) &&
    validName(value.name) && validDate(value.created) &&
    Array.isArray(value.history) && value.history.length <= MAX_HISTORY && value.history.every(validAssessment)
  );
}

function sameAnswers(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function newId() {
  const bytes = new Uint8Array(10);
  window.crypto.getRandomValues(bytes);
  return "p-" + Array.from(bytes, (byte) => (byte % 36).toString(36)).join("");
}

function toMap(answers) {
  return new Map(Object.entries(answers));
}

function toObject(answers) {
  return Object.fromEntries(answers);
}

/** A format-1 entry as format 2: its `previous` answers become the first of its history. */
function fromVersion1(entry) {
  if (!isPlainObject(entry)) return entry;
  const { previous, ...rest } = entry;
  return { ...rest, history: previous === null || previous === undefined ? [] : [previous] };
}

function setAside(store, raw) {
  const backup = STORE_KEY + ":damaged:" + Date.now();
  try {
    window.localStorage.setItem(backup, raw);
    window.localStorage.removeItem(STORE_KEY);
  } catch (error) {
    return unavailable(store);
  }
  return { ...store, problem: ["work.storage.damaged", { key: backup }] };
}

function unavailable(store) {
  return { ...store, reason: "reason.storage", problem: ["work.storage.error", { reason: "reason.storage" }] };
}

function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function validAssessment(value) {
  return isPlainObject(value) && validDate(value.updated) && validAnswers(value.answers);
}

/** ISO 8601 only (what toISOString() writes, or with an offset): never Date.parse's guesses,
    and a real calendar day (Date.parse moves 30 February to March; Python refuses it). */
function validDate(value) {
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

function validName(value) {
  return typeof value === "string" && value.trim().length > 0 && value.length <= MAX_NAME;
}
