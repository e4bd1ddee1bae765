/* A saved prospect's outcomes (format 4): what happened after screening, as dated events the
   reader records. The changes the prospects page makes to them, each run inside updateStore()
   (store.js) on a fresh store, and how an imported file's events join ours without losing
   either side. No page access. Prospects page only; the quiz page never changes an event. */

import { MAX_EVENTS, newId } from "./store.js";

/** A new event id, "e-" and ten of [a-z0-9] (store.js, EVENT_ID). */
export function newEventId() {
  return "e-" + newId().slice(2);
}

/**
 * Record an event on a prospect.
 * @param {{kind: string, date: string, note: string}} fields
 * @returns {string|Object} the recorded event; "gone" when the prospect is no longer saved,
 *   "full" when it already holds MAX_EVENTS
 */
export function addEvent(store, id, fields) {
  const prospect = find(store, id);
  if (!prospect) return "gone";
  const events = prospect.events || [];
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
  const events = prospect.events || [];
  const index = events.findIndex((event) => event.id === eventId);
  if (index < 0) return "missing";
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
  const index = prospect && prospect.events ? prospect.events.findIndex((event) => event.id === eventId) : -1;
  if (index < 0) return null;
  const [event] = prospect.events.splice(index, 1);
  return { id: id, event: event, index: index };
}

/**
 * Undo deleteEvent: the event back in its place, while its prospect is saved.
 * @returns {string} "restored", "back" (an import brought it back already), "gone" (the prospect
 *   is no longer saved) or "full"
 */
export function restoreEvent(store, deleted) {
  const prospect = find(store, deleted.id);
  if (!prospect) return "gone";
  const events = prospect.events || [];
  if (events.some((event) => event.id === deleted.event.id)) return "back";
  if (events.length >= MAX_EVENTS) return "full";
  events.splice(Math.min(deleted.index, events.length), 0, deleted.event);
  prospect.events = events;
  return "restored";
}

/**
 * Join a file's events to ours, by id, losing neither: an event only in the file is added; the
 * same id with other content keeps ours and adds the file's under a new id, unless an event of
 * that content is here already (kept by an earlier import). Ours stay first, in their order.
 * @returns {?{events: Array, added: number, both: number}} null when the joined list would hold
 *   more than MAX_EVENTS (the caller then keeps the file's prospect as a copy)
 */
export function mergeEvents(ours, theirs) {
  const events = (ours || []).slice();
  let added = 0;
  let both = 0;
  for (const event of theirs || []) {
    const same = events.find((kept) => kept.id === event.id);
    if (!same) {
      events.push(event);
      added += 1;
    } else if (!events.some((kept) => content(kept) === content(event))) {
      events.push({ ...event, id: newEventId() });
      both += 1;
    }
  }
  return events.length > MAX_EVENTS ? null : { events: events, added: added, both: both };
}

/** The events in the order they happened: by date, then in the order they were recorded. */
export function byDate(events) {
  return (events || []).slice().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** What an event says, without its id: every other key, in a fixed order. */
function content(event) {
  return JSON.stringify(Object.entries(event).filter(([key]) => key !== "id").sort());
}

function find(store, id) {
  return store.prospects.find((prospect) => prospect.id === id);
}
