/* A reminder in the reader's calendar, on each saved prospect (overrides/partials/follow-up.html):
   a follow-up or a payment due date, on a day the reader chooses, downloaded as a `.ics` file
   made here (ics.js) and sent nowhere. The prospect's name goes into the file only when the
   reader ticks the box for it. Prospects page only. */

import { download, format, required } from "./dom.js";
import { addDays, dateInput, today } from "./dates.js";
import { calendarText, fileName, uuid } from "./ics.js";

/**
 * Set up the follow-up form of one prospect's outcomes row, its ids already its own (ownIds).
 * @param {Object} page the prospects page's state (prospects.js)
 * @param {Element} row the prospect's row, cloned from its template
 * @param {string} id the prospect's id
 */
export function followUp(page, row, id) {
  const root = required(row, "[data-follow-up]");
  const form = required(root, "form");
  const date = dateInput(required(form, "[data-date]"), "past", "prospects.follow-up.error.");
  date.fill(addDays(today(), 7));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const prospect = page.store.prospects.find((candidate) => candidate.id === id);
    if (prospect) save(page, form, date, prospect);
  });
}

/** Check the date; download the file, or show GOV.UK's error on the date and nothing else. */
function save(page, form, input, prospect) {
  const strings = page.strings;
  const { date, problem } = input.read();
  input.error(input.message(strings, problem));
  if (problem) {
    input.fields[0].focus();
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
