/* The reader's own settings on the prospects page: the "Your terms" form (the figures every draft
   states, the name they sign with, and their own lines, the answers that decide walk-away for
   them), and how an import's settings join these. They are kept with the saved prospects
   (store.js, settingsOf); what the quiz page does with them is result.js's and message.js's.
   Prospects page only. */

import { byAttribute, followFieldLink, format, required } from "./dom.js";
import { isPlainObject, settingsOf, validName, validTerm } from "./store.js";

const SIGNATURE = "signature";
const LINE = /^[a-z0-9-]+:[a-z0-9-]+$/; // an own line: "question:option"

/**
 * The form's parts and listeners.
 * @param {Object} page the prospects page's state (prospects.js)
 * @param {function(function(Object): *, function(*): void): Promise} change changes the store
 *   and shows it again, then calls its second argument (prospects.js, change)
 * @returns {Object} the form's state, for showSettings
 */
export function settingsForm(page, change) {
  const root = page.root;
  const form = required(root, "form[data-your-terms]");
  const errors = required(root, "[data-your-terms-errors]");
  const state = {
    form: form,
    heading: required(root, "#your-terms-title"),
    figures: required(form, "h3"),
    linesHeading: required(form, "#your-lines"),
    inputs: byAttribute(form, "data-your-term"),
    lines: byAttribute(form, "data-your-line"),
    groups: byAttribute(form, "data-lines-flag"), // a disclosure of own lines per flag
    problem: required(root, "[data-your-terms-problem]"),
    errors: errors,
    errorsHeading: required(errors, "[data-your-terms-errors-heading]"),
    errorItems: byAttribute(errors, "data-error-for"),
    saved: required(root, "[data-your-terms-saved]"),
    shown: null, // the stored settings the form shows, as JSON: a refresh refills it only when they change
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    save(page, state, change);
  });
  form.addEventListener("input", () => {
    state.saved.hidden = true;
    countLines(page, state, false);
  });
  state.errors.addEventListener("click", followFieldLink);
  form.hidden = false;
  return state;
}

/** Show what is stored: the form refilled when the stored settings changed (never while the
    reader types otherwise), and what could not be read, named. */
export function showSettings(page, state) {
  const raw = page.store.raw;
  const shown = JSON.stringify(raw.settings === undefined ? null : raw.settings);
  if (shown === state.shown) return;
  state.shown = shown;
  const settings = Object(raw.settings);
  const given = Object(settings.terms);
  const lines = readable(raw).lines;
  for (const [key, input] of state.inputs) {
    const value = given[key];
    // An unreadable value is shown as it is, to be corrected; an object cannot be shown.
    input.value = value === undefined || value === null || typeof value === "object" ? "" : String(value);
  }
  for (const [id, box] of state.lines) box.checked = lines.includes(id);
  countLines(page, state, true);
  const names = unreadable(state, raw);
  state.problem.textContent = names.length ? format(page.strings["prospects.terms.unreadable"], { names: names.join(", ") }) : "";
  state.problem.hidden = names.length === 0;
  showErrors(state, []);
}

/** Each flag's disclosure of own lines says how many are chosen in it; when the form shows what
    is stored (`open`), one that holds a chosen line opens, and none is closed under the reader. */
function countLines(page, state, open) {
  for (const group of state.groups.values()) {
    const chosen = group.querySelectorAll("[data-your-line]:checked").length;
    required(group, "[data-lines-count]").textContent = format(page.strings["prospects.lines.chosen"], { count: chosen });
    if (open && chosen) group.open = true;
  }
}

/** Check the form; save it, or show GOV.UK's error summary and the inline errors. */
function save(page, state, change) {
  const entered = read(state);
  showErrors(state, entered.wrong);
  state.saved.hidden = true;
  if (entered.wrong.length) {
    state.errorsHeading.focus();
    return;
  }
  change(
    (store) => {
      const known = new Set(state.lines.keys());
      // Own lines this page has no box for (a question since removed) stay as they were.
      const kept = readable(store.raw).lines.filter((id) => !known.has(id));
      writeSettings(store, { terms: entered.terms, lines: entered.lines.concat(kept) }, [...state.inputs.keys()]);
    },
    () => {
      state.saved.hidden = false;
      state.saved.focus();
    }
  );
}

/** What the form holds: the valid terms, the keys of the wrong ones, the own lines ticked. A
    figure may be typed with its unit or in full-width digits; an empty one is not set. */
function read(state) {
  const terms = {};
  const wrong = [];
  for (const [key, input] of state.inputs) {
    const text = input.value.normalize("NFKC").trim();
    if (key === SIGNATURE) {
      if (text && !validName(text)) wrong.push(key);
      else if (text) terms[key] = text;
      continue;
    }
    if (text === "") continue;
    const figure = text.replace(/\s*[^\d\s]+$/u, ""); // "30 %", "14 days"
    const value = /^\d{1,6}$/.test(figure) ? Number(figure) : NaN;
    if (validTerm(key, value)) terms[key] = value;
    else wrong.push(key);
  }
  const lines = [...state.lines].filter(([, box]) => box.checked).map(([id]) => id);
  return { terms: terms, lines: lines, wrong: wrong };
}

function showErrors(state, wrong) {
  for (const [key, input] of state.inputs) {
    const on = wrong.includes(key);
    const field = input.closest(".crf-field");
    field.classList.toggle("crf-field--error", on);
    required(field, ".crf-error-message").hidden = !on;
    input.setAttribute("aria-describedby", input.id + "-hint" + (on ? " " + input.id + "-error" : ""));
    if (on) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    state.errorItems.get(key).hidden = !on;
  }
  state.errors.hidden = wrong.length === 0;
}

/** The names of the stored settings that could not be read, as the page labels them. */
function unreadable(state, raw) {
  const settings = raw.settings;
  if (settings === undefined) return [];
  if (!isPlainObject(settings)) return [state.heading.textContent];
  const valid = settingsOf(raw);
  const names = [];
  if (settings.terms !== undefined && !isPlainObject(settings.terms)) names.push(state.figures.textContent);
  const given = Object(settings.terms);
  for (const [key, input] of state.inputs) {
    if (given[key] !== undefined && !(key in valid.terms)) names.push(input.labels[0].textContent.trim());
  }
  if (settings.lines !== undefined && !validLines(settings.lines)) names.push(state.linesHeading.textContent);
  return names;
}

/**
 * Write settings into a fresh store: each part given (`terms`, `lines`) replaces the stored one;
 * keys this version does not know, in the settings and in the terms, stay as they were.
 * @param {Object} store the store, inside updateStore
 * @param {{terms: ?Object, lines: ?string[]}} parts
 * @param {string[]} keys every key of the terms this version knows
 */
export function writeSettings(store, parts, keys) {
  const settings = isPlainObject(store.raw.settings) ? { ...store.raw.settings } : {};
  if (parts.terms) {
    const terms = isPlainObject(settings.terms) ? { ...settings.terms } : {};
    for (const key of keys) delete terms[key];
    settings.terms = { ...terms, ...parts.terms };
  }
  if (parts.lines) settings.lines = parts.lines;
  store.raw.settings = settings;
}

/**
 * Join an imported file's settings to this browser's, losing neither: a part (terms, own lines)
 * this browser does not have is taken from the file; where both have it and they differ, this
 * browser's stays and the file's is returned, for the reader to take instead.
 * @param {Object} store the store, inside updateStore
 * @param {*} given the file's `settings`, untrusted (undefined when it has none)
 * @param {string[]} keys every key of the terms this version knows
 * @returns {?{taken: boolean, same: boolean, differ: ?Object, unreadable: boolean}} null when the file has none
 */
export function mergeSettings(store, given, keys) {
  if (given === undefined) return null;
  const ours = readable(store.raw);
  const theirs = readable({ settings: given });
  const outcome = { taken: false, same: false, differ: null, unreadable: fileUnreadable(given, theirs, keys) };
  for (const part of ["terms", "lines"]) {
    const [file, here] = [canonical(theirs[part]), canonical(ours[part])];
    if (file === canonical(part === "terms" ? {} : [])) continue; // the file has none
    if (here === canonical(part === "terms" ? {} : [])) {
      writeSettings(store, { [part]: theirs[part] }, keys);
      outcome.taken = true;
    } else if (file === here) {
      outcome.same = true;
    } else {
      outcome.differ = { ...outcome.differ, [part]: theirs[part] };
    }
  }
  return outcome;
}

/** The reader's settings as store.js reads them (settingsOf), each own line a "question:option"
    (only those can ever match an answer): what this page shows, writes and takes from a file. */
function readable(raw) {
  const settings = settingsOf(raw);
  return { ...settings, lines: settings.lines.filter(validLine) };
}

function validLine(line) {
  return typeof line === "string" && LINE.test(line);
}

/** Whether stored own lines are a list of "question:option" and nothing else. */
function validLines(value) {
  return Array.isArray(value) && value.every(validLine);
}

/** A part of the settings as text that two equal parts share: terms by key, lines sorted. */
function canonical(part) {
  return JSON.stringify(Array.isArray(part) ? [...part].sort() : Object.entries(part).sort());
}

/** Whether the file's settings hold anything this version cannot read. */
function fileUnreadable(given, read, keys) {
  if (!isPlainObject(given)) return true;
  const terms = given.terms;
  if (terms !== undefined && !isPlainObject(terms)) return true;
  const bad = keys.some((key) => Object(terms)[key] !== undefined && !(key in read.terms));
  return bad || (given.lines !== undefined && !validLines(given.lines));
}
