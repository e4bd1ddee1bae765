/* A saved prospect's outcomes (format 4): what happened after screening, as dated events the
   reader records. How the pages that show them read them (untrusted, one event at a time), the
   changes the prospects page makes to them, each run inside updateStore() (store.js) on a fresh
   store, and how an imported file's events join ours without losing either side. No page
   access. The prospects page and the track record page only: the quiz page never reads an event,
   and store.js keeps `events` as it keeps any key it does not know.

   A well-formed event is used; anything else in a prospect's `events` (and an `events` that is
   not a list) is unreadable: kept exactly as it is, never rewritten, counted nowhere, until the
   reader deletes it (deleteUnreadableEvents). README.md, "Workspace test contract". */

import { isPlainObject, newId, validDate } from "./store.js";

export const MAX_EVENTS = 100; // the most a prospect holds, readable or not
export const MAX_NOTE = 280; // an outcome's note, in UTF-16 units
const EVENT_ID = /^e-[a-z0-9]{8,24}$/;

let kinds = []; // what an outcome may be, by id: knownKinds()

/** Take the kinds of outcome (quiz.yml's `outcomes`, from the page's island); a page that reads
    events calls it first. */
export function knownKinds(outcomes) {
  kinds = outcomes.map((outcome) => outcome.id);
}

/** Whether an untrusted value is an outcome: an id, a known kind, a real calendar day
    ("YYYY-MM-DD") and a note of at most MAX_NOTE units (may be empty); other keys are kept. */
export function validEvent(value) {
  return (
    isPlainObject(value) && typeof value.id === "string" && EVENT_ID.test(value.id) && kinds.includes(value.kind) &&
    typeof value.date === "string" && validDate(value.date + "T00:00:00Z") &&
    typeof value.note === "string" && value.note.length <= MAX_NOTE
  );
}

/**
 * A prospect's `events`, read as untrusted: the well-formed ones, in their order, and the rest as
 * they are. An event whose id an earlier readable one has is unreadable too (an id names one
 * event); an `events` that is not a list is one unreadable value (`list` false).
 * @returns {{readable: Array, unreadable: Array, list: boolean}}
 */
export function readEvents(events) {
  const read = { readable: [], unreadable: [], list: true };
  if (events === undefined) return read;
  if (!Array.isArray(events)) return { ...read, unreadable: [events], list: false };
  const seen = new Set();
  for (const event of events) {
    if (validEvent(event) && !seen.has(event.id)) {
      seen.add(event.id);
      read.readable.push(event);
    } else {
      read.unreadable.push(event);
    }
  }
  return read;
}

/** A saved prospect's well-formed outcomes, in the order recorded (for the track record page). */
export function readableEvents(prospect) {
  return readEvents(prospect.events).readable;
}

/** A new event id, "e-" and ten of [a-z0-9] (EVENT_ID). */
export function newEventId() {
  return "e-" + newId().slice(2);
}

/**
 * Record an event on a prospect, after every other (unreadable ones stay where they are).
 * @param {{kind: string, date: string, note: string}} fields
 * @returns {string|Object} the recorded event; "gone" when the prospect is no longer saved,
 *   "full" when it already holds MAX_EVENTS, "blocked" when its `events` is not a list
 */
export function addEvent(store, id, fields) {
  const prospect = find(store, id);
  if (!prospect) return "gone";
  const events = prospect.events || [];
  if (!Array.isArray(events)) return "blocked";
  if (events.length >= MAX_EVENTS) return "full";
  const event = { id: newEventId(), ...fields };
  prospect.events = events.concat(event);
  return event;
}

/**
 * Change an event's kind, date and note; keys this version does not know stay.
 * @returns {string|Object} the changed event; "gone" (no prospect) or "missing" (no such event,
 *   deleted in another tab)
 */
export function editEvent(store, id, eventId, fields) {
  const prospect = find(store, id);
  if (!prospect) return "gone";
  const index = indexOf(prospect, eventId);
  if (index < 0) return "missing";
  const events = prospect.events;
  events[index] = { ...events[index], ...fields };
  return events[index];
}

/**
 * Delete an event.
 * @returns {?{id: string, event: Object, index: number}} what undo needs; null when it was no
 *   longer there
 */
export function deleteEvent(store, id, eventId) {
  const prospect = find(store, id);
  const index = prospect ? indexOf(prospect, eventId) : -1;
  if (index < 0) return null;
  const [event] = prospect.events.splice(index, 1);
  return { id: id, event: event, index: index };
}

/**
 * Undo deleteEvent: the event back in its place, while its prospect is saved.
 * @returns {string} "restored", "back" (an import brought it back already), "gone" (the prospect
 *   is no longer saved), "full" or "blocked" (its `events` is no longer a list)
 */
export function restoreEvent(store, deleted) {
  const prospect = find(store, deleted.id);
  if (!prospect) return "gone";
  if (indexOf(prospect, deleted.event.id) >= 0) return "back";
  const events = prospect.events || [];
  if (!Array.isArray(events)) return "blocked";
  if (events.length >= MAX_EVENTS) return "full";
  events.splice(Math.min(deleted.index, events.length), 0, deleted.event);
  prospect.events = events;
  return "restored";
}

/**
 * Delete a prospect's unreadable events that the page showed (their JSON text, `texts`), found
 * again in this transaction; the readable ones stay as they are. An `events` that is not a list
 * goes as a whole.
 * @returns {number} how many were deleted (0: deleted in another tab already)
 */
export function deleteUnreadableEvents(store, id, texts) {
  const prospect = find(store, id);
  if (!prospect) return 0;
  const read = readEvents(prospect.events);
  const gone = read.unreadable.filter((event) => texts.includes(shownEvent(event)));
  if (gone.length && !read.list) delete prospect.events;
  else if (gone.length) prospect.events = prospect.events.filter((event) => !gone.includes(event));
  return gone.length;
}

/** An unreadable event as JSON text, to find it again; null when it cannot be written out. */
export function shownEvent(event) {
  try {
    return JSON.stringify(event);
  } catch (error) {
    return null;
  }
}

/**
 * Join a file's readable events (`theirs`) to ours, by id, losing neither: an event only in the
 * file is added; the same id with other content keeps ours and adds the file's under a new id,
 * unless an event of that content is here already (kept by an earlier import). Ours stay first,
 * in their order, unreadable ones too; only our readable ones are matched.
 * @returns {?{events: *, added: number, both: number}} null when the joined list would hold more
 *   than MAX_EVENTS, or when the file adds to an `events` of ours that is not a list (the caller
 *   then keeps the file's prospect as a copy)
 */
export function mergeEvents(ours, theirs) {
  const read = readEvents(ours);
  const events = read.list ? (ours || []).slice() : ours;
  const readable = read.readable;
  let added = 0;
  let both = 0;
  for (const event of theirs) {
    let kept = event;
    if (readable.some((known) => known.id === event.id)) {
      if (readable.some((known) => content(known) === content(event))) continue;
      kept = { ...event, id: newEventId() };
      both += 1;
    } else {
      added += 1;
    }
    if (!read.list) return null;
    events.push(kept);
    readable.push(kept);
  }
  return read.list && events.length > MAX_EVENTS ? null : { events: events, added: added, both: both };
}

/** Readable events in the order they happened: by date, then in the order they were recorded. */
export function byDate(events) {
  return events.slice().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** What an event says, without its id: every other key, in a fixed order. */
function content(event) {
  return JSON.stringify(Object.entries(event).filter(([key]) => key !== "id").sort());
}

/** Where a prospect's readable event `eventId` is in its `events`; -1 when it has none such. */
function indexOf(prospect, eventId) {
  const event = readEvents(prospect.events).readable.find((known) => known.id === eventId);
  return event ? prospect.events.indexOf(event) : -1;
}

function find(store, id) {
  return store.prospects.find((prospect) => prospect.id === id);
}
