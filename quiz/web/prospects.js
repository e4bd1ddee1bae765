/* The saved-prospects page: list with each prospect's history and outcomes (outcomes.js), compare,
   delete with undo, export, import, delete all, and the reader's own terms (settings.js); kept in step with every other tab through `storage` events (each
   change sets a localStorage key, store.js). The
   widget is the `[data-prospects]` element; every part the script touches is inside it. */

import { InputError } from "./errors.js";
import { boot, busy, counted, download, format, formatDate, message, required, shown, slot } from "./dom.js";
import { score, topConcerns } from "./scoring.js";
import { limitNames, onStoreChange, readStore, settingsOf, toMap, updateStore } from "./store.js";
import { clearStore, deleteProspect, deleteUnreadable, exportBody, instant, mergeImport, parseExport, restoreProspect, shownEntry } from "./archive.js";
import { mergeSettings, settingsForm, showSettings, writeSettings } from "./settings.js";
import { MAX_EVENTS, knownKinds, restoreEvent } from "./events.js";
import { outcomesRow, showOutcomes } from "./outcomes.js";
import { followUp } from "./followup.js";

const MAX_IMPORT_BYTES = 1024 * 1024;
// Rows shown at first, and added by each "Show more": thousands of rows would take seconds to lay
// out at every change, and nobody reads that far down without asking.
const ROWS_AT_ONCE = 50;

/**
 * Set up the saved-prospects page.
 * @param {Element} root the `[data-prospects]` element
 * @param {Object} data its JSON island (quiz/site/view.py)
 * @returns {Promise} resolved once the list shows what is stored
 */
function initProspects(root, data) {
  limitNames(data.nameMax, data.terms);
  knownKinds(data.outcomes);
  const template = required(root, "template[data-prospect-template]");
  const kinds = required(template.content, "[data-outcome-kind]");
  const page = {
    root: root, // aria-busy while the store is read or changed
    data: data,
    strings: data.strings,
    flagNames: new Map(data.flags.map((flag) => [flag.id, flag.name])),
    quizHref: required(template.content, '[data-slot="open"]').getAttribute("href"),
    parts: {
      status: required(root, "[data-prospects-status]"),
      undoRow: required(root, "[data-undo-row]"),
      empty: required(root, "[data-prospects-empty]"),
      listWrap: required(root, "[data-prospects-list-wrap]"),
      list: required(root, "[data-prospects-list]"),
      more: required(root, "[data-prospects-more]"),
      shownCount: required(root, "[data-prospects-shown]"),
      moreButton: required(root, '[data-action="show-more"]'),
      template: template,
      outcomesTemplate: required(template.content, "[data-outcomes-row]"),
      eventTemplate: required(template.content, "template[data-outcome-template]"),
      unreadable: required(root, "[data-unreadable]"),
      unreadableList: required(root, "[data-unreadable-list]"),
      unreadableTemplate: required(root, "template[data-unreadable-template]"),
      compareError: required(root, "[data-compare-error]"),
      comparison: required(root, "[data-comparison]"),
      importInput: required(root, 'input[type=file][data-action="import"]'),
      confirm: required(root, "[data-clear-confirm]"),
      export: required(root, '[data-action="export"]'),
      clearAll: required(root, '[data-action="clear-all"]'),
      fileSettingsRow: required(root, "[data-file-settings-row]"),
    },
    store: null,
    lines: [], // the reader's own lines, which decide walk-away for them (scoring.js)
    termKeys: Object.keys(data.terms).concat("signature"), // every key of the reader's terms
    fileSettings: null, // an import's settings that differ from the stored ones, to take instead
    shown: ROWS_AT_ONCE, // how many rows, newest first
    problem: "",
    deleted: null, // what undo needs: the last deleted prospect (its place, its tombstone's time) or event
    kindLabels: new Map([...kinds.querySelectorAll("option[value]:not([value=''])")].map((option) => [option.value, option.textContent])),
  };
  page.act = (edit, done) => change(page, edit, done);
  page.say = (text) => say(page, text);
  page.offerUndo = (deleted, text) => offerUndo(page, deleted, text);
  required(template.content, "[data-history]");
  const on = (action, handler, type) => required(root, '[data-action="' + action + '"]').addEventListener(type || "click", handler);
  on("undo", () => undo(page));
  on("show-more", () => showMore(page));
  on("compare", () => compare(page, true));
  on("export", () => exportAll(page));
  on("import", () => busy(root, importFile(page)), "change");
  on("clear-all", () => {
    page.parts.confirm.hidden = false;
    page.parts.confirm.focus();
  });
  on("clear-all-confirm", () => clearAll(page));
  on("use-file-settings", () => useFileSettings(page));
  on("clear-all-cancel", () => {
    page.parts.confirm.hidden = true;
    page.parts.clearAll.focus();
  });
  // Another tab saved, deleted, imported or cleared: show what is stored now.
  onStoreChange(() => refresh(page));
  root.querySelectorAll("[data-data-actions], [data-import-field], [data-clear-actions]").forEach((element) => (element.hidden = false));
  page.settings = settingsForm(page, (edit, done) => change(page, edit, done));
  return refresh(page);
}

/** Read the store again and show it; a new problem with it is said once. */
async function refresh(page) {
  page.store = await busy(page.root, readStore());
  const problem = page.store.problem ? message(page.strings, page.store.problem[0], page.store.problem[1]) : "";
  if (problem && problem !== page.problem) say(page, problem);
  page.problem = problem;
  page.lines = settingsOf(page.store.raw).lines;
  showSettings(page, page.settings);
  renderList(page);
  renderUnreadable(page);
  if (!page.parts.comparison.hidden) compare(page, false);
}

/**
 * Change the store (store.js, updateStore) and show the result; on failure say why.
 * @param {function(Object): *} edit the change
 * @param {function(*): void} done called with the change's result once it is stored
 * @param {string} [failure] the message key for a refusal
 * @returns {Promise} resolved once the result is shown
 */
async function change(page, edit, done, failure) {
  let result;
  try {
    result = await busy(page.root, updateStore(edit));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    say(page, message(page.strings, failure || "work.storage.error", { reason: error.reason }));
    return;
  }
  await refresh(page);
  done(result);
}

function say(page, text) {
  page.parts.status.textContent = text;
}

/** One row per prospect, newest first, as many as `page.shown`, each followed by its outcomes'
    row. Rows are kept by id, so a re-render keeps what a reader ticked, opened or typed. */
function renderList(page) {
  const { parts, strings } = page;
  const prospects = page.store.prospects
    .map((prospect) => [instant(prospect.updated), prospect])
    .sort((a, b) => b[0] - a[0])
    .map((pair) => pair[1]);
  const rows = new Map([...parts.list.querySelectorAll("[data-saved-prospect]")].map((row) => [row.getAttribute("data-id"), row]));
  // Walk the rows once, in order (an index into the live list would walk it again each time).
  let next = parts.list.firstElementChild;
  for (const prospect of prospects.slice(0, page.shown)) {
    const row = rows.get(prospect.id) || newRow(page, prospect.id);
    rows.delete(prospect.id);
    fillRow(page, row, prospect);
    for (const part of [row, row.outcomes]) {
      if (part === next) next = next.nextElementSibling;
      else parts.list.insertBefore(part, next);
    }
  }
  rows.forEach((row) => {
    row.remove();
    row.outcomes.remove();
  });
  const total = prospects.length;
  const shown = Math.min(total, page.shown);
  parts.more.hidden = shown === total;
  const number = (count) => count.toLocaleString(document.documentElement.lang || "en");
  parts.shownCount.textContent = format(strings["prospects.shown"], { shown: number(shown), total: number(total) });
  parts.moreButton.textContent = format(strings["prospects.more"], { count: number(Math.min(ROWS_AT_ONCE, total - shown)) });
  parts.empty.hidden = total > 0;
  parts.listWrap.hidden = total === 0;
  parts.export.disabled = total === 0 && page.store.invalid.length === 0 && page.store.raw.settings === undefined;
}

/** The next rows, and the reader taken to the first of them (its name, a row heading). */
function showMore(page) {
  const first = page.parts.list.querySelectorAll("[data-saved-prospect]").length;
  page.shown = first + ROWS_AT_ONCE;
  renderList(page);
  const row = page.parts.list.querySelectorAll("[data-saved-prospect]")[first];
  if (row) slot(row, "name").focus();
}

/** The entries that could not be read, each shown as its JSON text (cut short) with a button
    that deletes it. */
function renderUnreadable(page) {
  const { parts, strings } = page;
  const items = page.store.invalid.map((entry, index) => {
    const item = parts.unreadableTemplate.content.firstElementChild.cloneNode(true);
    const text = shownEntry(entry);
    slot(item, "entry").textContent = text === null ? strings["prospects.unreadable.deep"] : text.length > 160 ? text.slice(0, 160) + "…" : text;
    const button = required(item, '[data-action="delete-unreadable"]');
    button.setAttribute("aria-label", format(strings["prospects.unreadable.delete"], { number: index + 1 }));
    button.addEventListener("click", () =>
      change(page, (store) => deleteUnreadable(store, text), (deleted) => {
        say(page, strings[deleted ? "prospects.unreadable.deleted" : "prospects.unreadable.gone"]);
        // The button is gone with its entry: on to the next one, or to export.
        (parts.unreadableList.querySelector("button") || parts.export).focus();
      })
    );
    return item;
  });
  parts.unreadableList.replaceChildren(...items);
  parts.unreadable.hidden = items.length === 0;
}

function newRow(page, id) {
  const row = page.parts.template.content.firstElementChild.cloneNode(true);
  row.setAttribute("data-id", id);
  required(row, "[data-compare]").value = id;
  required(row, '[data-action="delete"]').addEventListener("click", () => remove(page, id));
  row.outcomes = outcomesRow(page, id);
  followUp(page, row.outcomes, id);
  return row;
}

function fillRow(page, row, prospect) {
  const strings = page.strings;
  const result = score(page.data, toMap(prospect.answers), page.lines);
  slot(row, "name").textContent = prospect.name;
  slot(row, "date").textContent = formatDate(prospect.updated);
  slot(row, "band").textContent = page.data.bands[result.band];
  slot(row, "score").textContent = shown(result.score, strings["result.score.unknown"]);
  slot(row, "open").setAttribute("href", page.quizHref + "#prospect=" + prospect.id);
  required(row, "[data-compare]").setAttribute("aria-label", format(strings["prospects.select.label"], { name: prospect.name }));
  const history = required(row, "[data-history]");
  history.hidden = prospect.history.length === 0;
  slot(row, "history-none").hidden = !history.hidden;
  slot(history, "history-summary").textContent = counted(strings, "prospects.history.summary", prospect.history.length);
  slot(history, "history-list").replaceChildren(...prospect.history.map((entry) => historyItem(page, entry)));
  showOutcomes(page, row.outcomes, prospect);
}

/** One earlier assessment: its date, verdict and score. */
function historyItem(page, entry) {
  const result = score(page.data, toMap(entry.answers), page.lines);
  const item = document.createElement("li");
  item.setAttribute("data-history-entry", entry.updated);
  item.setAttribute("data-band", result.band);
  item.setAttribute("data-score", shown(result.score, ""));
  item.textContent = format(page.strings["prospects.history.entry"], {
    date: formatDate(entry.updated),
    band: page.data.bands[result.band],
    score: shown(result.score, page.strings["result.score.unknown"]),
  });
  return item;
}

function remove(page, id) {
  change(page, (store) => deleteProspect(store, id), (deleted) => {
    if (!deleted) return; // another tab deleted it first; the list already shows that
    page.parts.comparison.hidden = true;
    offerUndo(page, deleted, format(page.strings["prospects.deleted"], { name: deleted.prospect.name }));
  });
}

/** Say what was deleted (a prospect, or one of its outcomes) and offer to undo it. */
function offerUndo(page, deleted, text) {
  page.deleted = deleted;
  say(page, text);
  page.parts.undoRow.hidden = false;
  page.parts.undoRow.querySelector("button").focus();
}

function undo(page) {
  const deleted = page.deleted;
  if (!deleted || page.undoing) return;
  page.undoing = true; // a second click waits for nothing: this one restores
  const event = "event" in deleted; // one of a prospect's outcomes (outcomes.js), or a prospect
  change(page, (store) => (event ? restoreEvent(store, deleted) : restoreProspect(store, deleted)), (outcome) => {
    const key = (event ? "prospects.outcome." : "prospects.") + (outcome === "restored" ? "restored" : "undo." + outcome);
    say(page, format(page.strings[key], { name: event ? deleted.name : deleted.prospect.name, outcome: deleted.text, max: MAX_EVENTS }));
    page.deleted = null;
    page.parts.undoRow.hidden = true;
  }).finally(() => (page.undoing = false));
}

/** A table of the two to four ticked prospects: band, score, each flag and the concerns. */
function compare(page, moveFocus) {
  const { parts, strings, data } = page;
  const ids = [...parts.list.querySelectorAll("[data-compare]:checked")].map((box) => box.value);
  parts.compareError.hidden = ids.length >= 2 && ids.length <= 4;
  if (!parts.compareError.hidden) {
    parts.comparison.hidden = true;
    if (!moveFocus) parts.compareError.hidden = true; // a prospect went away in another tab
    return;
  }
  const head = required(parts.comparison, "[data-compare-head]");
  const rows = parts.comparison.querySelectorAll("[data-compare-row]");
  head.replaceChildren(head.firstElementChild);
  for (const row of rows) row.replaceChildren(row.firstElementChild);
  for (const id of ids) {
    const prospect = page.store.prospects.find((candidate) => candidate.id === id);
    const result = score(data, toMap(prospect.answers), page.lines);
    const heading = document.createElement("th");
    heading.scope = "col";
    heading.textContent = prospect.name;
    head.appendChild(heading);
    const value = (number) => shown(number, strings["result.flag.unknown"]);
    const cells = { band: data.bands[result.band], score: value(result.score) };
    result.flags.forEach((flag) => (cells[flag.id] = value(flag.score)));
    cells.concerns = topConcerns(data, result).map((flag) => page.flagNames.get(flag.id)).join(", ") || "—";
    for (const row of rows) {
      const cell = document.createElement("td");
      cell.textContent = cells[row.getAttribute("data-compare-row")];
      row.appendChild(cell);
    }
  }
  parts.comparison.hidden = false;
  if (moveFocus) parts.comparison.focus();
}

/** Download what is stored at this moment, unreadable entries included. It never throws: what
    cannot be written out is left out and said. */
async function exportAll(page) {
  const store = await busy(page.root, readStore());
  if (store.reason && typeof store.raw.version !== "number") {
    say(page, page.strings["prospects.export.error"]); // the database could not be read at all
    return;
  }
  const body = exportBody(store);
  let text;
  try {
    text = JSON.stringify(body, null, 2);
  } catch (error) {
    say(page, page.strings["prospects.export.error"]);
    return;
  }
  const file = "client-red-flags-prospects-" + body.exported.slice(0, 10) + ".json";
  download(file, text, "application/json");
  const done = format(counted(page.strings, "prospects.export.done", store.prospects.length), { file: file });
  const kept = Array.isArray(body.prospects) ? body.prospects.length - store.prospects.length : 0; // unreadable ones
  const unreadable = kept > 0 ? " " + counted(page.strings, "prospects.export.unreadable", kept) : "";
  say(page, done + unreadable + (body.settings === undefined ? "" : " " + page.strings["prospects.export.settings"]));
}

async function importFile(page) {
  const input = page.parts.importInput;
  const strings = page.strings;
  const chosen = input.files[0];
  if (!chosen) return;
  try {
    if (chosen.size > MAX_IMPORT_BYTES) throw new InputError("reason.size");
    const file = parseExport(await chosen.text());
    const merge = (store) => ({ ...mergeImport(store, file, strings["prospects.import.suffix"], page.data.nameMax), settings: mergeSettings(store, file.settings, page.termKeys) });
    await change(page, merge, (counts) => {
      // The file's settings that differ from these wait for the reader to take them instead.
      page.fileSettings = counts.settings && counts.settings.differ;
      page.parts.fileSettingsRow.hidden = !page.fileSettings;
      say(page, importSummary(strings, counts));
    }, "prospects.import.error");
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    say(page, message(strings, "prospects.import.error", { reason: error.reason }));
  } finally {
    input.value = "";
  }
}

/** "Imported the file.", one sentence per kind of entry it held, then about the outcomes it added
    to prospects already here and those it left out, unreadable, and what became of its settings. */
function importSummary(strings, counts) {
  const kinds = ["added", "updated", "both", "same", "unreadable", "outcomes", "outcomes-both", "outcomes-unreadable"].filter((kind) => counts[kind] > 0);
  const settings = counts.settings || {};
  const said = ["differ", "taken", "same", "unreadable"].filter((kind) => settings[kind] && (kind !== "same" || !settings.differ));
  if (kinds.length === 0 && said.length === 0) return strings["prospects.import.empty"];
  return [strings["prospects.import.done"]]
    .concat(kinds.map((kind) => counted(strings, "prospects.import." + kind, counts[kind])))
    .concat(said.map((kind) => strings["prospects.import.settings." + kind]))
    .join(" ");
}

/** Take the settings of the last import instead of these, as the reader asked. */
function useFileSettings(page) {
  const settings = page.fileSettings;
  if (!settings) return;
  change(page, (store) => writeSettings(store, settings, page.termKeys), () => {
    page.fileSettings = null;
    page.parts.fileSettingsRow.hidden = true;
    say(page, page.strings["prospects.terms.used"]);
    page.settings.heading.focus();
  });
}

async function clearAll(page) {
  try {
    await busy(page.root, clearStore());
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    say(page, message(page.strings, "work.storage.error", { reason: error.reason }));
    return;
  }
  page.parts.confirm.hidden = true;
  page.parts.comparison.hidden = true;
  page.parts.undoRow.hidden = true;
  page.parts.fileSettingsRow.hidden = true;
  page.deleted = null;
  page.fileSettings = null;
  await refresh(page);
  say(page, page.strings["prospects.cleared"]);
}

boot("data-prospects", initProspects);
