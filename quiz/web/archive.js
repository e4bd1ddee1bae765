/* What the prospects page does to the saved prospects besides showing them: delete with undo,
   delete everything, export (the reader's settings with them), and an import that cannot
   destroy. Each change runs inside
   updateStore() (store.js), in one transaction with the read of what is stored at that moment.
   Prospects page only. */

import { InputError } from "./errors.js";
import { ID, MAX_HISTORY, READ_VERSIONS, SITE_KEYS, STORE_VERSION, announce, clip, fromVersion1, isPlainObject, newId, sameAnswers, transact, validDate, validProspect } from "./store.js";
import { mergeEvents, readEvents } from "./events.js";

const EXPORT_FORMAT = "client-red-flags/prospects";
const TOMBSTONE_DAYS = 30;

/**
 * Delete a prospect, leaving a tombstone (its id and the time) so that only this deletion can
 * be undone, and only while nothing else has happened to it.
 * @returns {?{prospect: Object, index: number, at: string}} what undo needs; null when it was no longer there
 */
export function deleteProspect(store, id) {
  const index = store.prospects.findIndex((prospect) => prospect.id === id);
  if (index < 0) return null;
  const at = new Date().toISOString();
  const [prospect] = store.prospects.splice(index, 1);
  store.raw.deleted = { ...tombstones(store), [id]: at };
  return { prospect: prospect, index: index, at: at };
}

/**
 * Undo a deletion if its tombstone is still there: not after "delete all" (anywhere), nor once
 * an import brought the prospect back.
 * @returns {string} "restored", "back" (it is saved again already) or "gone"
 */
export function restoreProspect(store, deleted) {
  const id = deleted.prospect.id;
  const graves = tombstones(store);
  if (graves[id] !== deleted.at) return store.prospects.some((prospect) => prospect.id === id) ? "back" : "gone";
  delete graves[id];
  store.raw.deleted = graves;
  store.prospects.splice(Math.min(deleted.index, store.prospects.length), 0, deleted.prospect);
  return "restored";
}

/**
 * Delete one entry that could not be read: the first whose JSON text is `text` (null for one
 * nested too deeply to write out), wherever another tab's change has moved it.
 * @returns {boolean} whether it was still there
 */
export function deleteUnreadable(store, text) {
  const index = store.invalid.findIndex((entry) => shownEntry(entry) === text);
  if (index >= 0) store.invalid.splice(index, 1);
  return index >= 0;
}

/** An unreadable entry as JSON text, or null when it nests too deeply to be written out. */
export function shownEntry(entry) {
  return keepable(entry) ? JSON.stringify(entry) : null;
}

/** Delete every value this site keeps: the saved prospects and their backups (IndexedDB, and
    localStorage where older versions kept them), and this tab's draft of the quiz in
    sessionStorage (other tabs' drafts are theirs alone, and go when they close). The other tabs
    hear of it as the site's keys go.
    @returns {Promise} resolved once deleted */
export function clearStore() {
  const local = () => {
    announce();
    try {
      for (const storage of [window.localStorage, window.sessionStorage]) {
        const keys = [];
        for (let index = 0; index < storage.length; index += 1) {
          const key = storage.key(index);
          if (key.startsWith(SITE_KEYS)) keys.push(key);
        }
        keys.forEach((key) => storage.removeItem(key));
      }
    } catch (error) {
      // Storage switched off: the site keeps nothing there.
    }
  };
  // What localStorage holds goes even when the database cannot be opened (the copy of a version
  // before IndexedDB, this tab's draft); the failure is still said.
  return transact((value, objects) => objects.clear()).then(local, (error) => {
    local();
    throw error;
  });
}

// An entry kept "as it is" (unreadable, or from elsewhere) nests at most this deep and holds at
// most this many values: a prospect needs 5 levels and about 25,000 values at the most.
const MAX_KEPT_DEPTH = 16;
const MAX_KEPT_NODES = 50000;

/** Whether an untrusted value nests at most `depth` levels and holds at most MAX_KEPT_NODES
    values: what can be kept "as it is" and still be written out again (JSON.stringify recurses).
    Walked without recursion, so no value can overflow the stack here. */
function keepable(value, depth = MAX_KEPT_DEPTH) {
  const stack = [[value, 0]];
  let nodes = 0;
  while (stack.length) {
    const [current, level] = stack.pop();
    nodes += 1;
    if (level > depth || nodes > MAX_KEPT_NODES) return false;
    if (typeof current === "object" && current !== null) {
      for (const child of Object.values(current)) stack.push([child, level + 1]);
    }
  }
  return true;
}

/**
 * The export file's content, from what is stored now: every prospect, and the entries that
 * could not be read, as they are, but for any nested too deeply to be written out (only a store
 * changed by hand holds one: an import refuses them); the reader's settings as they are stored
 * (when they can be written out). A store from a newer version is exported as that version.
 */
export function exportBody(store) {
  const newer = store.reason === "reason.newer";
  return {
    format: EXPORT_FORMAT,
    version: newer ? store.raw.version : STORE_VERSION,
    exported: new Date().toISOString(),
    prospects: newer ? store.raw.prospects : store.prospects.concat(store.invalid.filter((entry) => keepable(entry))),
    settings: keepable(store.raw.settings) ? store.raw.settings : undefined, // none: left out
  };
}

/**
 * Read an untrusted export file (format 1 to 4). Entries that cannot be read are returned
 * apart, as they are, to be kept; only a file that is not an export at all is refused. The
 * reader's settings (format 3) come as they are, for settings.js's mergeSettings to read.
 * @returns {{prospects: Array, unreadable: Array, settings: *}}
 * @throws {InputError} when the file is not JSON, not an export, or from a newer version
 */
export function parseExport(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError("reason.json");
  }
  if (!isPlainObject(parsed) || parsed.format !== EXPORT_FORMAT || typeof parsed.version !== "number" || !Array.isArray(parsed.prospects)) {
    throw new InputError("reason.format");
  }
  if (parsed.version > STORE_VERSION) throw new InputError("reason.version");
  if (!READ_VERSIONS.includes(parsed.version)) throw new InputError("reason.format");
  if (!keepable(parsed.settings)) throw new InputError("reason.deep");
  const file = { prospects: [], unreadable: [], settings: parsed.settings };
  for (const entry of parsed.prospects) {
    const prospect = parsed.version === 1 ? fromVersion1(entry) : entry;
    if (validProspect(prospect)) file.prospects.push(prospect);
    else if (keepable(entry)) file.unreadable.push(entry);
    else throw new InputError("reason.deep"); // kept, it could never be exported again
  }
  return file;
}

/**
 * Merge an import into a fresh store without destroying anything. By id: a new prospect is
 * added (even one deleted here: importing it is asking for it back); a copy whose history holds
 * ours is newer and replaces ours, which goes into its history; one that ours already holds is
 * already here; any other difference keeps both, the file's renamed with `suffix` and a new id.
 * Wherever the file's prospect joins one here (ours, or the copy an earlier import kept), its
 * readable outcomes join that one's (events.js, mergeEvents); were they too many, or could ours
 * not be read as a list, the file's is kept as a copy. The file's unreadable outcomes are left out,
 * and counted. Unreadable entries are kept as they are, once.
 * @returns {{added: number, updated: number, both: number, same: number, unreadable: number,
 *   outcomes: number, "outcomes-both": number, "outcomes-unreadable": number}}
 */
export function mergeImport(store, file, suffix, nameMax) {
  const counts = { added: 0, updated: 0, both: 0, same: 0, unreadable: file.unreadable.length, outcomes: 0, "outcomes-both": 0, "outcomes-unreadable": 0 };
  const graves = tombstones(store);
  // The file's events joined to `target`'s (changed in place); false when they would be too many.
  const join = (target, entry) => {
    const merged = mergeEvents(target.events, entry.events || []);
    if (!merged) return false;
    if (merged.added + merged.both > 0) target.events = merged.events;
    counts.outcomes += merged.added;
    counts["outcomes-both"] += merged.both;
    return true;
  };
  for (let entry of file.prospects) {
    const read = readEvents(entry.events);
    if (read.unreadable.length) {
      counts["outcomes-unreadable"] += read.unreadable.length;
      entry = { ...entry, events: read.readable };
      if (!read.readable.length) delete entry.events;
    }
    const index = store.prospects.findIndex((prospect) => prospect.id === entry.id);
    const ours = store.prospects[index];
    const name = clip(entry.name, nameMax - suffix.length) + suffix;
    const copy = store.prospects.find((prospect) => prospect.name === name && sameAssessment(prospect, entry));
    if (!ours && copy && join(copy, entry)) {
      counts.same += 1; // an earlier import kept it under a new id
    } else if (!ours && !copy) {
      store.prospects.push(entry);
      delete graves[entry.id];
      counts.added += 1;
    } else if (ours && (sameAssessment(ours, entry) ? ours.name === entry.name : ours.history.some((old) => sameAssessment(old, entry))) && join(ours, entry)) {
      counts.same += 1;
    } else if (ours && !sameAssessment(ours, entry) && entry.history.some((old) => sameAssessment(old, ours)) && join(ours, entry)) {
      store.prospects[index] = { ...ours, ...entry, history: mergeHistory(entry, ours), events: ours.events };
      if (ours.events === undefined) delete store.prospects[index].events;
      counts.updated += 1;
    } else if (copy && join(copy, entry)) {
      counts.same += 1; // its renamed copy is here from an earlier import
    } else {
      store.prospects.push({ ...entry, id: newId(), name: name });
      counts.both += 1;
    }
  }
  store.raw.deleted = graves;
  const kept = new Set(store.invalid.map((entry) => JSON.stringify(entry)));
  for (const entry of file.unreadable) {
    if (!kept.has(JSON.stringify(entry))) store.invalid.push(entry);
    kept.add(JSON.stringify(entry));
  }
  return counts;
}

/** Every assessment of a prospect, the current one first, then its history (newest first). */
function assessments(prospect) {
  return [{ updated: prospect.updated, answers: prospect.answers }].concat(prospect.history);
}

/** The instant of a date that validDate() accepted, in milliseconds, for ordering. */
export function instant(date) {
  return Date.parse(date);
}

/** The live tombstones of a store: deletions younger than TOMBSTONE_DAYS, by id. */
function tombstones(store) {
  const graves = {};
  const oldest = Date.now() - TOMBSTONE_DAYS * 86400000;
  const stored = isPlainObject(store.raw.deleted) ? store.raw.deleted : {};
  for (const [id, at] of Object.entries(stored)) {
    if (ID.test(id) && validDate(at) && instant(at) >= oldest) graves[id] = at;
  }
  return graves;
}

function sameAssessment(a, b) {
  return instant(a.updated) === instant(b.updated) && sameAnswers(a.answers, b.answers);
}

/** The history of `newer` after it replaces `older`: both histories and `older` itself, each
    assessment once, newest first, at most MAX_HISTORY. */
function mergeHistory(newer, older) {
  const merged = [];
  for (const entry of newer.history.concat(assessments(older))) {
    if (!merged.some((kept) => sameAssessment(kept, entry))) merged.push(entry);
  }
  merged.sort((a, b) => instant(b.updated) - instant(a.updated));
  return merged.filter((entry) => !sameAssessment(entry, newer)).slice(0, MAX_HISTORY);
}
