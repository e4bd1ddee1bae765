/* A reminder in the reader's calendar, on each saved prospect (overrides/partials/follow-up.html):
   a follow-up or a payment due date, on a day the reader chooses, downloaded as a `.ics` file
   made here (ics.js) and sent nowhere. The prospect's name goes into the file only when the
   reader ticks the box for it. Prospects page only. */

import { download, format, required, slot } from "./dom.js";
import { addDays, calendarText, fileName, realDate, uuid } from "./ics.js";

const PARTS = ["day", "month", "year"];

/**
 * Set up the follow-up form of one prospect's row.
 * @param {Object} page the prospects page's state (prospects.js)
 * @param {Element} row the prospect's row, cloned from its template
 * @param {string} id the prospect's id
 */
export function followUp(page, row, id) {
  const root = required(row, "[data-follow-up]");
  // Each row's copy of the form gets ids and a radio group of its own.
  for (const element of root.querySelectorAll("[id], [for], [name], [aria-describedby]")) {
    for (const name of ["id", "for", "name", "aria-describedby"]) {
      const value = element.getAttribute(name);
      if (value) element.setAttribute(name, value.split("__ID__").join(id));
    }
  }
  const form = required(root, "form");
  const inputs = PARTS.map((part) => required(form, '[data-date-part="' + part + '"]'));
  const [y, m, d] = addDays(today(), 7).split("-");
  [d, m, y].forEach((value, index) => (inputs[index].value = String(Number(value))));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const prospect = page.store.prospects.find((candidate) => candidate.id === id);
    if (prospect) save(page, form, inputs, prospect);
  });
}

/** Check the date; download the file, or show GOV.UK's error on the date and nothing else. */
function save(page, form, inputs, prospect) {
  const strings = page.strings;
  const values = inputs.map((input) => input.value);
  const date = realDate(...values);
  const problem = values.every((value) => !value.trim()) ? "empty" : !date ? "real" : date < today() ? "past" : "";
  const field = form.querySelector(".crf-field");
  const error = required(field, ".crf-error-message");
  field.classList.toggle("crf-field--error", !!problem);
  error.hidden = !problem;
  const group = required(field, "fieldset");
  const hint = group.getAttribute("aria-describedby").split(" ")[0];
  group.setAttribute("aria-describedby", problem ? hint + " " + error.id : hint);
  for (const input of inputs) {
    if (problem) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }
  if (problem) {
    slot(error, "follow-up-error").textContent = strings["prospects.follow-up.error." + problem];
    form.querySelector("[data-date-part]").focus(); // the first of them as the page shows them
    return;
  }
  const kind = required(form, "input[type=radio]:checked").value;
  const named = required(form, "[data-follow-up-name]").checked;
  const key = "prospects.follow-up.summary." + kind;
  const text = calendarText({
    uid: uuid(crypto.getRandomValues(new Uint8Array(16))),
    stamp: new Date(),
    date: date,
    summary: named ? format(strings[key + ".named"], { name: prospect.name }) : strings[key],
    description: strings["prospects.follow-up.description." + kind],
    language: document.documentElement.lang || "en",
  });
  const file = fileName(kind, date, named ? prospect.name : "");
  download(file, text, "text/calendar;charset=utf-8");
  page.parts.status.textContent = format(strings["prospects.follow-up.done"], { file: file });
}

/** Today where the reader is, as "YYYY-MM-DD". */
function today() {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((part) => String(part).padStart(2, "0")).join("-");
}
