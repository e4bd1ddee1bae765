/* The track record's counts, by the rule of quiz/track_record.py (its reference; tests hold the
   two together): each decided prospect's band at decision beside how it went, and the flags raised
   before the engagements that went well or badly. Touches no page. */

import { score, topConcerns } from "./scoring.js";
import { toMap } from "./store.js";
import { byDate, knownKinds, readableEvents } from "./events.js";

// How a decided prospect went, in the order the table shows it.
export const WENT = ["well", "badly", "open", "declined"];

/**
 * Count the track record of readable prospects.
 * @param {Object} data the page's island: the bands, flags and `outcomes`
 * @param {Array} prospects what readStore() read
 * @param {string[]} lines the reader's own lines
 * @returns {{bands: Object, flags: Object, undecided: number}} band -> went -> count;
 *   flag -> {badly, well}
 */
export function tally(data, prospects, lines) {
  knownKinds(data.outcomes);
  const kinds = new Map(data.outcomes.map((outcome) => [outcome.id, outcome]));
  const bands = {};
  const flags = {};
  for (const band in data.bands) bands[band] = Object.fromEntries(WENT.map((went) => [went, 0]));
  for (const flag of data.flags) flags[flag.id] = { badly: 0, well: 0 };
  let undecided = 0;
  for (const prospect of prospects) {
    const found = classify(data, kinds, prospect, lines);
    if (!found) {
      undecided++;
      continue;
    }
    bands[found[0]][found[1]]++;
    for (const flag of found[2]) flags[flag][found[1]]++;
  }
  return { bands: bands, flags: flags, undecided: undecided };
}

/** [band at decision, how it went, the flags raised before], or null when not decided yet. */
function classify(data, kinds, prospect, lines) {
  const events = byDate(readableEvents(prospect));
  const decision = events.find((event) => kinds.get(event.kind).decides);
  if (!decision) return null;
  const day = decision.date;
  const result = score(data, toMap(assessmentOn(prospect, day).answers), lines);
  if (kinds.get(decision.kind).decides !== "signed") return [result.band, "declined", []];
  const results = events.filter((event) => event.date >= day).map((event) => kinds.get(event.kind).went);
  const went = results.includes("badly") ? "badly" : results.includes("well") ? "well" : "open";
  return [result.band, went, went === "open" ? [] : topConcerns(data, result).map((flag) => flag.id)];
}

/** The assessment in effect on `day`: the newest saved on or before it (its calendar day in UTC),
    else the oldest; on a tie, the first of the current one and its history. */
function assessmentOn(prospect, day) {
  let newest = null;
  let oldest = null;
  for (const entry of [prospect].concat(prospect.history)) {
    const moment = Date.parse(entry.updated);
    if (new Date(moment).toISOString().slice(0, 10) <= day && (!newest || moment > newest[0])) newest = [moment, entry];
    if (!oldest || moment < oldest[0]) oldest = [moment, entry];
  }
  return (newest || oldest)[1];
}
