/* The quiz page's entry: its one state object, made here, and its listeners; saving, sharing and
   printing the result. The widget is the `[data-quiz-scope]` element; every part the script
   touches is inside it. The form is answers.js, the result result.js, the drafted message
   message.js, the links links.js, and where the page lands, the tab's draft and starting over
   journey.js. */

import { InputError } from "./errors.js";
import { boot, busy, byAttribute, format, formatDate, message, notify, required } from "./dom.js";
import { clip, limitNames, onStoreChange, readStore, recordAssessment, settingsOf, toObject, updateStore } from "./store.js";
import { messageState } from "./message.js";
import { answers, followErrorLink, hideErrors, setError, updateProgress } from "./answers.js";
import { land, render, renderChanges, showAnswers, showResult } from "./result.js";
import { load } from "./links.js";
import { journey, keepDraft, resume, shareLink } from "./journey.js";

/**
 * Set up the quiz: its form, result and workspace.
 * @param {Element} root the `[data-quiz-scope]` element
 * @param {Object} data its JSON island (quiz/site/view.py)
 * @returns {Promise} resolved once the link in the address, if any, is open
 */
function initQuiz(root, data) {
  limitNames(data.nameMax, data.terms);
  const quiz = quizState(root, data);
  listen(quiz);
  journey(quiz);
  quiz.parts.submit.hidden = quiz.parts.submit.disabled = false;
  quiz.parts.progress.classList.remove("crf-progress--pending");
  updateProgress(quiz, answers(quiz));
  return busy(quiz.parts.workspace, followStore(quiz).then(() => resume(quiz)));
}

/** The widget's parts, checked up front, and look-ups built once (so that a quiz of a thousand
    questions still answers within a frame). */
function quizState(root, data) {
  const form = required(root, "form[data-quiz]");
  const errors = required(root, "[data-quiz-errors]");
  return {
    root: root,
    data: data,
    strings: data.strings,
    parts: {
      form: form,
      errors: errors,
      notice: required(root, "[data-quiz-notice]"),
      progress: required(form, "[data-quiz-progress]"),
      submit: required(form, "[data-quiz-submit]"),
      result: required(root, "[data-quiz-result]"),
      announce: required(root, "[data-quiz-announce]"),
      workspace: required(root, "[data-workspace]"),
      name: required(root, "[data-prospect-name]"),
      nameError: required(root, "[data-name-error]"),
      shareField: required(root, "[data-share-field]"),
      shareLink: required(root, "[data-share-link]"),
      status: required(root, "[data-workspace-status]"),
      changes: required(root, "[data-changes]"),
      save: required(root, '[data-action="save"]'),
      share: required(root, '[data-action="share"]'),
      print: required(root, '[data-action="print"]'),
      printHeading: required(root, "[data-print-heading]"),
      heading: required(root, "[data-result-heading]"),
      errorsHeading: required(root, "[data-errors-heading]"),
      startOver: required(root, '[data-action="start-over"]'),
      undo: required(root, "[data-undo]"), // the notice that offers to undo "start over" (journey.js)
      includeName: required(root, '[data-action="share-include-name"]'),
      toMessage: required(root, '[data-action="to-message"]'),
      messageHeading: required(root, "[data-message-heading]"),
    },
    questions: new Map(data.flags.flatMap((flag) => flag.questions.map((question) => [question.id, question]))),
    fieldsets: byAttribute(form, "data-question"),
    errorItems: byAttribute(errors, "data-error-for"),
    radios: new Map([...form.querySelectorAll("input[type=radio]")].map((input) => [input.name + ":" + input.value, input])),
    inError: new Set(),
    saving: Promise.resolve(), // the last save: a save waits for the one before it
    message: messageState(required(root, "[data-message]"), data),
    // Set later: `editing`, the saved prospect being re-assessed (links.js, save); `stay`, while
    // the browser restores the scroll position itself (journey.js, resume); `undo`, what "start
    // over" cleared, while it can be undone (journey.js); `settings`, `lines`, the reader's
    // settings as read, and their own lines (followStore).
  };
}

/** Answer, submit, follow an error link, save, share and print; reopen on a new fragment. */
function listen(quiz) {
  const parts = quiz.parts;
  parts.form.addEventListener("change", (event) => {
    setError(quiz, event.target.name, false); // answered now
    if (quiz.inError.size === 0) parts.errors.hidden = true;
    showAnswers(quiz);
  });
  parts.form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(quiz);
  });
  parts.errors.addEventListener("click", followErrorLink);
  parts.save.addEventListener("click", () => {
    const saving = quiz.saving.then(() => save(quiz));
    quiz.saving = saving.catch(console.error); // a failed save never blocks the next
    busy(parts.workspace, quiz.saving);
  });
  parts.share.addEventListener("click", () => share(quiz));
  // To the draft, its heading focused, without changing the address (a saved prospect's link).
  parts.toMessage.addEventListener("click", (event) => {
    event.preventDefault();
    land(quiz, parts.messageHeading);
  });
  parts.print.addEventListener("click", () => window.print());
  // The printed page names the prospect and the date, for whoever reads it later.
  window.addEventListener("beforeprint", () => {
    const name = parts.name.value.trim();
    parts.printHeading.textContent = (name ? name + " · " : "") + formatDate(Date.now(), { dateStyle: "long" });
  });
  // The draft follows once the link is open (journey.js): before, it would pair these answers
  // with the new link.
  window.addEventListener("hashchange", () => busy(parts.workspace, load(quiz, window.location.hash.slice(1)).then(() => keepDraft(quiz))));
}

/** GOV.UK pattern: a complete form shows the result; otherwise the error summary, with focus. */
function submit(quiz) {
  const current = answers(quiz);
  if (current.size === quiz.questions.size) {
    hideErrors(quiz);
    render(quiz, current, true);
    return;
  }
  showResult(quiz, false);
  for (const id of quiz.questions.keys()) setError(quiz, id, !current.has(id));
  quiz.parts.errors.hidden = false;
  land(quiz, quiz.parts.errorsHeading);
}

// ------------------------------------------------------------------ saving and sharing

/** Save the answers under the name given; resolves once saved (or refused). */
async function save(quiz) {
  const parts = quiz.parts;
  const name = parts.name.value.trim();
  parts.nameError.hidden = Boolean(name);
  parts.name.setAttribute("aria-describedby", "prospect-name-hint" + (name ? "" : " prospect-name-error"));
  parts.name.closest("[data-name-field]").classList.toggle("crf-field--error", !name);
  if (!name) {
    parts.name.focus();
    return;
  }
  let saved;
  try {
    saved = await updateStore((store) => recordAssessment(store, quiz.editing?.id, clip(name, quiz.data.nameMax), toObject(answers(quiz))));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    notify(parts.status, message(quiz.strings, "work.storage.error", { reason: error.reason }));
    return;
  }
  const again = quiz.editing?.id === saved.id;
  quiz.editing = saved;
  window.history.replaceState(null, "", "#prospect=" + saved.id);
  notify(parts.status, format(quiz.strings[again ? "work.updated" : "work.saved"], { name: saved.name }));
  renderChanges(quiz, answers(quiz));
}

/** Read the store now and whenever another tab changes it: use the reader's settings as stored
    (their own lines for the verdict, their terms for the draft and the note beside it, the result
    drawn again when they change); compare with the re-assessed prospect as saved now, or say that
    it was deleted (its tombstone is there) or is no longer saved (delete all, or set aside); saving
    then keeps these answers as a new prospect. Resolves once the first read is used. */
function followStore(quiz) {
  const follow = async () => {
    const store = await busy(quiz.parts.workspace, readStore());
    const settings = settingsOf(store.raw);
    const text = JSON.stringify(settings);
    if (text !== quiz.settings) {
      quiz.settings = text;
      quiz.lines = settings.lines;
      quiz.message.yours = settings.terms;
      for (const [kind, note] of byAttribute(quiz.root, "data-figures")) note.hidden = (kind === "yours") !== settings.set;
      showAnswers(quiz);
    }
    const editing = quiz.editing;
    if (!editing || store.reason) return;
    const found = store.prospects.find((prospect) => prospect.id === editing.id);
    if (found) quiz.editing = found;
    // Deleted if its tombstone is there: a string under its id (no tombstones, or not an object, has none).
    else notify(quiz.parts.status, format(quiz.strings[typeof store.raw.deleted?.[editing.id] === "string" ? "work.gone" : "work.lost"], { name: editing.name }));
    renderChanges(quiz, answers(quiz));
  };
  onStoreChange(follow);
  return follow();
}

function share(quiz) {
  const parts = quiz.parts;
  const link = shareLink(quiz);
  parts.shareField.hidden = false;
  parts.shareLink.value = link;
  parts.shareLink.select();
  const done = () => notify(parts.status, quiz.strings["work.copied"]);
  const failed = () => notify(parts.status, quiz.strings["work.copy-failed"]);
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(link).then(done, failed);
  else failed();
}

boot("data-quiz-scope", initQuiz);
