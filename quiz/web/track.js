/* The track record page: counts the saved prospects' outcomes (tally.js) into the table, the
   flag rows and the chart that the template wrote, and counts again when another tab changes the
   store. It only reads. The widget is the `[data-track]` element. */

import { boot, busy, message, required } from "./dom.js";
import { limitNames, onStoreChange, readStore, settingsOf } from "./store.js";
import { tally } from "./tally.js";

/**
 * Set up the track record page.
 * @param {Element} root the `[data-track]` element
 * @param {Object} data its JSON island (quiz/site/view.py)
 * @returns {Promise} resolved once the counts show what is stored
 */
function initTrack(root, data) {
  limitNames(data.nameMax, data.terms);
  onStoreChange(() => show(root, data));
  return show(root, data);
}

async function show(root, data) {
  const store = await busy(root, readStore());
  const problem = store.problem;
  required(root, "[data-track-status]").textContent = problem ? message(data.strings, problem[0], problem[1]) : "";
  const counts = tally(data, store.prospects, settingsOf(store.raw).lines);
  const saved = store.prospects.length;
  const decided = saved - counts.undecided;
  const totals = { "": decided };
  const put = (selector, value) => (required(root, selector).textContent = value);
  required(root, "[data-track-empty]").hidden = decided > 0;
  required(root, "[data-track-empty-none]").hidden = saved > 0;
  required(root, "[data-track-empty-undecided]").hidden = saved === 0;
  required(root, "[data-track-results]").hidden = decided === 0;
  put('[data-track-count="saved"]', saved);
  put('[data-track-count="decided"]', decided);
  put('[data-track-count="undecided"]', counts.undecided);
  const bands = Object.entries(counts.bands);
  // Every bar is drawn to one scale: the longest row fills its box.
  const longest = Math.max(1, ...bands.map(([, went]) => sum(went)));
  for (const [band, went] of bands) {
    for (const kind in went) {
      put('[data-track-band="' + band + '"][data-went="' + kind + '"]', went[kind]);
      totals[kind] = (totals[kind] || 0) + went[kind];
    }
    put('[data-track-total="' + band + '"]', sum(went));
    drawBar(required(root, '[data-track-bar="' + band + '"]'), went, longest);
  }
  for (const kind in totals) put('[data-track-total="' + kind + '"]', totals[kind]);
  for (const cell of root.querySelectorAll("[data-track-engagements]")) cell.textContent = totals[cell.getAttribute("data-track-engagements")];
  const flags = Object.entries(counts.flags);
  const widest = Math.max(1, ...flags.map(([, went]) => sum(went)));
  const rows = [];
  for (const [flag, went] of flags) {
    const row = required(root, '[data-track-flag="' + flag + '"]');
    for (const kind in went) {
      row.setAttribute("data-" + kind, went[kind]);
      required(row, '[data-slot="' + kind + '"]').textContent = went[kind];
    }
    const bar = required(root, '[data-track-flag-bar="' + flag + '"]');
    drawBar(bar, went, widest);
    rows.push([went.badly, row, bar]);
  }
  // The table and the chart: most often before an engagement that went badly first; ties keep
  // the quiz's order.
  rows.sort((a, b) => b[0] - a[0]);
  for (const [, row, bar] of rows) {
    row.parentNode.append(row);
    bar.parentNode.append(bar);
  }
}

/** A chart row: each part as wide as its count (none when 0), the bar as long as its total. */
function drawBar(row, went, longest) {
  required(row, ".crf-bars__bar").style.width = (100 * sum(went)) / longest + "%";
  for (const kind in went) {
    const part = required(row, '[data-part="' + kind + '"]');
    part.hidden = !went[kind];
    part.style.flexGrow = went[kind];
    required(row, '[data-slot="' + kind + '"]').textContent = went[kind];
  }
}

function sum(counts) {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

boot("data-track", initTrack);
