/* The quiz form: the answers checked, the progress line and the errors (GOV.UK's error summary
   and messages). */

import { format } from "./dom.js";

/** The answers checked, by question: the form's data, whose only named controls are the
    questions' radios, a group each (a radio counts only checked). */
export function answers(quiz) {
  return new Map(new FormData(quiz.parts.form));
}

/** Check these answers (and no other), and give the prospect's name. */
export function setAnswers(quiz, map, name) {
  for (const input of quiz.radios.values()) input.checked = map.get(input.name) === input.value;
  quiz.parts.name.value = name;
}

export function updateProgress(quiz, current) {
  quiz.parts.progress.textContent = format(quiz.strings["quiz.progress"], { answered: current.size, total: quiz.questions.size });
  quiz.parts.startOver.hidden = current.size === 0;
}

/** Show or clear a question's error: its message, the red bar, its link in the summary and the
    message in its description. Each part is set, not toggled, so asking for the state it is in
    writes the values it has (an answer clears its question's error whether or not it had one). */
export function setError(quiz, id, on) {
  const fieldset = quiz.fieldsets.get(id);
  const error = fieldset.querySelector("[data-error-message]");
  error.hidden = !on;
  fieldset.classList.toggle("crf-question--error", on);
  fieldset.setAttribute("aria-describedby", "hint-" + id + (on ? " " + error.id : ""));
  quiz.errorItems.get(id).hidden = !on;
  if (on) quiz.inError.add(id);
  else quiz.inError.delete(id);
}

export function hideErrors(quiz) {
  for (const id of quiz.inError) setError(quiz, id, false); // a Set goes on past what it deletes
  quiz.parts.errors.hidden = true;
}

/** GOV.UK pattern: a link in the error summary focuses the first answer and shows the question. */
export function followErrorLink(event) {
  const link = event.target.closest("a[href^='#']");
  if (!link) return;
  const input = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!input) return;
  event.preventDefault();
  goTo(input);
}

/** Focus an answer and show its whole question, clear of the header and the progress line. */
export function goTo(input) {
  input.focus({ preventScroll: true });
  input.closest("fieldset").scrollIntoView({ block: "start" });
}
