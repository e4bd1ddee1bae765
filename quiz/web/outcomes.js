/* A saved prospect's outcomes on the prospects page: what happened after screening, listed in the
   order it happened (a decision first, then how the work went, which reads as the story it is,
   and puts the newest right above the form that adds the next), each changed or deleted where it
   stands, deletions undone as a prospect's are; and the form that records another, with GOV.UK's
   error summary and inline errors. Outcomes that cannot be read (events.js, readEvents) are
   never shown nor changed: the row says how many there are, and offers to delete them. Each
   prospect's outcomes are the second row of its pair in the list (partials/outcomes.html). Every
   change is one updateStore() transaction (events.js). Prospects page only. */

import { counted, followFieldLink, format, formatDate, ownIds, required, slot } from "./dom.js";
import { dateInput, today } from "./dates.js";
import { MAX_EVENTS, MAX_NOTE, addEvent, byDate, deleteEvent, deleteUnreadableEvents, editEvent, readEvents, shownEvent } from "./events.js";

const FIELDS = ["kind", "note"]; // and the date, GOV.UK's three fields (dates.js)
const DAY = { dateStyle: "medium", timeZone: "UTC" }; // a stored day is a calendar day: never shifted

/**
 * A prospect's outcomes row, made once per prospect: its fields' ids, the form and its listeners.
 * @param {Object} page the prospects page's state (prospects.js): `act` changes the store and
 *   shows it again, `say` writes the status line, `offerUndo` offers to undo a deletion
 * @param {string} id the prospect's id
 * @returns {Element} the row, its state as `state`
 */
export function outcomesRow(page, id) {
  const strings = page.strings;
  const row = page.parts.outcomesTemplate.cloneNode(true);
  row.setAttribute("data-outcomes-for", id);
  ownIds(row, id);
  const form = required(row, "[data-outcome-add]");
  const errors = required(form, "[data-outcome-errors]");
  const state = {
    page: page,
    id: id,
    row: row,
    form: form,
    details: required(row, "[data-outcomes]"),
    unreadable: required(row, "[data-outcomes-unreadable]"),
    unreadableTexts: [], // the unreadable outcomes shown, as JSON text (deleteUnreadableEvents)
    list: slot(row, "outcomes-list"),
    legend: slot(form, "outcome-legend"),
    submit: slot(form, "outcome-submit"),
    cancel: required(form, '[data-action="outcome-cancel"]'),
    errors: errors,
    errorsHeading: required(errors, "[data-outcome-errors-heading]"),
    inputs: {
      kind: required(form, "[data-outcome-kind]"),
      note: required(form, "[data-outcome-note]"),
    },
    date: dateInput(required(form, "[data-outcome-date]"), "future", "prospects.outcome.date.error."),
    editing: null, // the id of the event the form changes; null while it adds one
  };
  slot(form, "note-hint").textContent = format(strings["prospects.outcome.note.hint"], { max: MAX_NOTE });
  const full = required(errors, '[data-error-for="full"]');
  full.textContent = format(full.textContent, { max: MAX_EVENTS });
  clearForm(state);
  showErrors(state, [], 0);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(page, state);
  });
  state.cancel.addEventListener("click", () => {
    const editing = state.editing;
    clearForm(state);
    showErrors(state, [], 0);
    (editButton(state, editing) || state.inputs.kind).focus();
  });
  errors.addEventListener("click", followFieldLink);
  required(row, '[data-action="outcome-delete-unreadable"]').addEventListener("click", () => deleteUnreadable(page, state));
  row.state = state;
  return row;
}

/** Show a prospect's outcomes in its row: how many could not be read, if any, the summary (how
    many, and the latest) and the list, in the order they happened. The form is left as the
    reader has it. */
export function showOutcomes(page, row, prospect) {
  const state = row.state;
  const strings = page.strings;
  const read = readEvents(prospect.events);
  const events = byDate(read.readable);
  const unreadable = read.unreadable.length;
  state.unreadableTexts = read.unreadable.map(shownEvent);
  state.unreadable.hidden = unreadable === 0;
  slot(state.unreadable, "outcomes-unreadable").textContent = unreadable ? counted(strings, "prospects.outcomes.unreadable", unreadable) : "";
  required(state.unreadable, "button").setAttribute("aria-label", format(strings["prospects.outcomes.unreadable.delete.label"], { name: prospect.name }));
  slot(row, "outcomes-name").textContent = format(strings["prospects.outcomes.name"], { name: prospect.name });
  slot(row, "outcomes-summary").textContent = events.length
    ? format(counted(strings, "prospects.outcomes.summary", events.length), { latest: said(page, events[events.length - 1]) })
    : strings["prospects.outcomes.none"];
  state.list.replaceChildren(...events.map((event) => eventItem(page, state, prospect, event)));
  state.list.hidden = events.length === 0;
}

/** One recorded event: what, when, the note, and its two buttons. */
function eventItem(page, state, prospect, event) {
  const strings = page.strings;
  const item = page.parts.eventTemplate.content.firstElementChild.cloneNode(true);
  const text = said(page, event);
  item.setAttribute("data-outcome", event.id);
  item.setAttribute("data-kind", event.kind);
  item.setAttribute("data-date", event.date);
  slot(item, "outcome-text").textContent = text;
  slot(item, "outcome-note").textContent = event.note;
  const edit = required(item, '[data-action="outcome-edit"]');
  const remove = required(item, '[data-action="outcome-delete"]');
  edit.setAttribute("aria-label", format(strings["prospects.outcome.edit.label"], { outcome: text }));
  remove.setAttribute("aria-label", format(strings["prospects.outcome.delete.label"], { outcome: text }));
  edit.addEventListener("click", () => startEditing(page, state, event));
  remove.addEventListener("click", () =>
    page.act(
      (store) => deleteEvent(store, state.id, event.id),
      (deleted) => {
        if (!deleted) return; // deleted in another tab meanwhile: the list already shows it
        if (state.editing === event.id) clearForm(state);
        page.offerUndo({ ...deleted, name: prospect.name, text: text }, format(strings["prospects.outcome.deleted"], { outcome: text, name: prospect.name }));
      }
    )
  );
  return item;
}

/** Delete the prospect's outcomes that could not be read, as shown; say so. */
function deleteUnreadable(page, state) {
  const name = (page.store.prospects.find((prospect) => prospect.id === state.id) || {}).name;
  page.act(
    (store) => deleteUnreadableEvents(store, state.id, state.unreadableTexts),
    (count) => {
      page.say(count ? format(counted(page.strings, "prospects.outcomes.unreadable.deleted", count), { name: name }) : page.strings["prospects.outcomes.unreadable.gone"]);
      required(state.details, "summary").focus(); // the button is gone: the outcomes that are left
    }
  );
}

/** The form set to change an event, filled with it. */
function startEditing(page, state, event) {
  showErrors(state, [], 0);
  state.editing = event.id;
  state.inputs.kind.value = event.kind;
  state.date.fill(event.date);
  state.inputs.note.value = event.note;
  labels(page, state);
  state.details.open = true;
  state.inputs.kind.focus();
}

/** Check the form; record or change the event, or show the errors. */
function submit(page, state) {
  const strings = page.strings;
  const entered = read(page, state);
  showErrors(state, entered.wrong, entered.fields.note.length, entered.dateProblem);
  if (entered.wrong.length) {
    state.errorsHeading.focus();
    return;
  }
  const editing = state.editing;
  const name = (page.store.prospects.find((prospect) => prospect.id === state.id) || {}).name;
  page.act(
    (store) => (editing ? editEvent(store, state.id, editing, entered.fields) : addEvent(store, state.id, entered.fields)),
    (result) => {
      if (result === "full" || result === "blocked") {
        showErrors(state, [result], 0);
        state.errorsHeading.focus();
      } else if (result === "gone") {
        page.say(format(strings["prospects.outcome.gone"], { name: name }));
      } else if (result === "missing") {
        // Deleted in another tab while it was being changed: what was entered stays, to add anew.
        state.editing = null;
        labels(page, state);
        page.say(strings["prospects.outcome.missing"]);
        state.inputs.kind.focus();
      } else {
        const key = editing ? "prospects.outcome.updated" : "prospects.outcome.added";
        page.say(format(strings[key], { outcome: said(page, result), name: name }));
        clearForm(state);
        if (editing) (editButton(state, editing) || state.inputs.kind).focus();
      }
    }
  );
}

/** What the form holds, and which fields are wrong. The note is kept however long it is: a
    note over the limit is an error to fix, never cut short. */
function read(page, state) {
  const { kind, note } = state.inputs;
  const { date, problem: dateProblem } = state.date.read();
  const fields = { kind: kind.value, date: date, note: note.value.trim() };
  const wrong = [];
  if (!page.kindLabels.has(fields.kind)) wrong.push("kind");
  if (dateProblem) wrong.push("date");
  if (fields.note.length > MAX_NOTE) wrong.push("note");
  return { fields: fields, wrong: wrong, dateProblem: dateProblem };
}

/** GOV.UK's errors: the summary above the form, listing what is wrong, and each field's own
    message. `dateProblem` says what is wrong with the date: "empty", "real" or "future". */
function showErrors(state, wrong, noteLength, dateProblem) {
  const strings = state.page.strings;
  const dateText = wrong.includes("date") ? state.date.message(strings, dateProblem) : "";
  state.date.error(dateText);
  required(state.errors, '[data-error-for="date"] a').textContent = dateText;
  state.errors.querySelector('[data-error-for="date"]').hidden = !dateText;
  for (const name of FIELDS) {
    const input = state.inputs[name];
    const on = wrong.includes(name);
    const field = input.closest(".crf-field");
    const message = required(field, ".crf-error-message");
    field.classList.toggle("crf-field--error", on);
    message.hidden = !on;
    const hint = name === "note" ? input.id + "-hint" : "";
    input.setAttribute("aria-describedby", (hint + (on ? " " + message.id : "")).trim());
    if (!input.getAttribute("aria-describedby")) input.removeAttribute("aria-describedby");
    if (on) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    state.errors.querySelector('[data-error-for="' + name + '"]').hidden = !on;
  }
  for (const name of ["full", "blocked"]) state.errors.querySelector('[data-error-for="' + name + '"]').hidden = !wrong.includes(name);
  state.errors.hidden = wrong.length === 0;
  if (wrong.includes("note")) {
    const text = format(strings["prospects.outcome.note.error"], { max: MAX_NOTE, count: noteLength });
    slot(state.form, "note-error").textContent = text;
    required(state.errors, '[data-error-for="note"] a').textContent = text;
  }
}

/** Back to adding: the fields emptied, the date today's. */
function clearForm(state) {
  state.editing = null;
  state.inputs.kind.value = "";
  state.date.fill(today());
  state.inputs.note.value = "";
  labels(state.page, state);
}

/** The form's legend and buttons for what it does: add, or change an event. */
function labels(page, state) {
  const strings = page.strings;
  state.legend.textContent = strings[state.editing ? "prospects.outcome.change" : "prospects.outcome.add"];
  state.submit.textContent = strings[state.editing ? "prospects.outcome.update" : "prospects.outcome.save"];
  state.cancel.hidden = !state.editing;
}

function editButton(state, eventId) {
  return eventId && state.list.querySelector('[data-outcome="' + eventId + '"] [data-action="outcome-edit"]');
}

/** An event as the page says it: its kind's label and its day, in the page's language. */
function said(page, event) {
  return format(page.strings["prospects.outcome.entry"], { kind: page.kindLabels.get(event.kind), date: formatDate(event.date, DAY) });
}
