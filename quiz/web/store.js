/* Saved prospects in this browser's localStorage: one namespaced, versioned value, read as
   untrusted. Used by the quiz page (save, re-assess) and the prospects page (list, import). */

const STORE_KEY = "client-red-flags:prospects";
const STORE_VERSION = 1;
const MAX_NAME = 120;
const ID = /^p-[a-z0-9]{8,24}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Read the saved prospects. Nothing readable is ever dropped: unreadable entries are kept
 * aside and written back untouched; an unreadable value is moved to a backup key first; a
 * store from a newer version is opened read-only.
 * @returns {{prospects: Array, invalid: Array, readOnly: boolean, problem: ?Array}}
 */
function readStore() {
  const store = { prospects: [], invalid: [], readOnly: false, problem: null };
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
  if (!isPlainObject(parsed) || typeof parsed.version !== "number" || !Array.isArray(parsed.prospects)) {
    return setAside(store, raw);
  }
  if (parsed.version > STORE_VERSION) {
    store.prospects = parsed.prospects.filter(validProspect);
    return { ...store, readOnly: true, problem: ["work.storage.future", {}] };
  }
  if (parsed.version !== STORE_VERSION) return setAside(store, raw);
  const seen = new Set();
  for (const entry of parsed.prospects) {
    if (validProspect(entry) && !seen.has(entry.id)) {
      seen.add(entry.id);
      store.prospects.push(entry);
    } else {
      store.invalid.push(entry);
    }
  }
  if (store.invalid.length) store.problem = ["work.storage.skipped", { count: store.invalid.length }];
  return store;
}

/** Write the prospects (and any entries kept aside) back; throws InputError when refused. */
function writeStore(store, prospects) {
  if (store.readOnly) throw new InputError("reason.storage");
  try {
    const value = { version: STORE_VERSION, prospects: prospects.concat(store.invalid) };
    window.localStorage.setItem(STORE_KEY, JSON.stringify(value));
  } catch (error) {
    throw new InputError("reason.storage");
  }
  store.prospects = prospects;
}

/** Whether an untrusted value is a well-formed saved prospect. */
function validProspect(value) {
  if (!isPlainObject(value)) return false;
  const previous = value.previous;
  return (
    typeof value.id === "string" && ID.test(value.id) &&
    validName(value.name) && validDate(value.created) && validDate(value.updated) &&
    validAnswers(value.answers) &&
    (previous === null || previous === undefined ||
      (isPlainObject(previous) && validDate(previous.updated) && validAnswers(previous.answers)))
  );
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
  return { ...store, readOnly: true, problem: ["work.storage.error", { reason: "reason.storage" }] };
}

function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function validDate(value) {
  return typeof value === "string" && value.length <= 40 && !Number.isNaN(Date.parse(value));
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
