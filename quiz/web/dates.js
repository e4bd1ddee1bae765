/* Calendar days, and GOV.UK's date input that enters one (partials/date-input.html): a day,
   a month and a year in three fields, in the order the page's language writes a date. The
   prospects page asks for a date twice, the day an outcome happened (outcomes.js) and the day
   of a reminder (followup.js), and both ask the same way. A day is "YYYY-MM-DD", where the
   reader is: never shifted by a time zone. */

import { required, slot } from "./dom.js";

const PARTS = ["day", "month", "year"];

/** "YYYY-MM-DD" for a day, month and year typed in, or null when they are not a real day (30
    February, month 13, a year not of four digits, or 9999, whose last day has no next day to end
    on in four digits). Digits only, surrounding spaces allowed. */
export function realDate(day, month, year) {
  const [d, m, y] = [day, month, year].map((text) => (/^\s*\d{1,4}\s*$/.test(text) ? Number(text) : NaN));
  if (!(y >= 1000 && y < 9999 && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate())) return null;
  return addDays([y, m, d].join("-"), 0);
}

/** The day `count` days after "YYYY-MM-DD" (before, when negative), as "YYYY-MM-DD". */
export function addDays(date, count) {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + count)).toISOString().slice(0, 10);
}

/** Today where the reader is, as "YYYY-MM-DD". */
export function today() {
  const now = new Date();
  return addDays([now.getFullYear(), now.getMonth() + 1, now.getDate()].join("-"), 0);
}

/**
 * One date input on the page (a `[data-date]` fieldset of the partial).
 * @param {Element} root the fieldset
 * @param {string} refused which days are refused: "past" (before today) or "future" (after it)
 * @param {string} keys the strings' prefix of this form's own messages: `keys` + "empty", and
 *   `keys` + `refused` (a day that is not real has one message wherever it is asked for)
 * @returns {{fields: Element[], read: function(): {date: ?string, problem: string},
 *   message: function(Object, string): string, fill: function(string): void,
 *   error: function(string): void}} `read` gives the day typed, or null, and what is wrong with
 *   it: "", "empty", "real" or `refused`; `message` says a problem in the page's strings ("" for
 *   none); `fill` writes a day in; `error` shows GOV.UK's error message on the whole date ("" takes
 *   it away)
 */
export function dateInput(root, refused, keys) {
  const fields = PARTS.map((part) => required(root, '[data-date-part="' + part + '"]'));
  const message = required(root, ".crf-error-message");
  const hint = root.getAttribute("aria-describedby");
  return {
    // As the page shows them: the first is the one an error takes the reader to.
    fields: [...root.querySelectorAll("[data-date-part]")],
    read() {
      const values = fields.map((field) => field.value);
      const date = realDate(...values);
      const wrongSide = date && (refused === "past" ? date < today() : date > today());
      const problem = values.every((value) => !value.trim()) ? "empty" : !date ? "real" : wrongSide ? refused : "";
      return { date: date, problem: problem };
    },
    message(strings, problem) {
      return problem && strings[problem === "real" ? "prospects.date.error.real" : keys + problem];
    },
    fill(date) {
      const [y, m, d] = date.split("-");
      [d, m, y].forEach((value, index) => (fields[index].value = String(Number(value))));
    },
    error(text) {
      root.closest(".crf-field").classList.toggle("crf-field--error", !!text);
      message.hidden = !text;
      slot(message, "date-error").textContent = text;
      root.setAttribute("aria-describedby", text ? hint + " " + message.id : hint);
      for (const field of fields) {
        if (text) field.setAttribute("aria-invalid", "true");
        else field.removeAttribute("aria-invalid");
      }
    },
  };
}
