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
 * @returns {{fields: Element[], read: function(): {date: ?string, empty: boolean},
 *   fill: function(string): void, error: function(string): void}} `fill` writes a day in,
 *   `error` shows GOV.UK's error message on the whole date ("" takes it away)
 */
export function dateInput(root) {
  const fields = PARTS.map((part) => required(root, '[data-date-part="' + part + '"]'));
  const message = required(root, ".crf-error-message");
  const hint = root.getAttribute("aria-describedby");
  return {
    // As the page shows them: the first is the one an error takes the reader to.
    fields: [...root.querySelectorAll("[data-date-part]")],
    read() {
      const values = fields.map((field) => field.value);
      return { date: realDate(...values), empty: values.every((value) => !value.trim()) };
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
