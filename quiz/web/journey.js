/* The quiz page's journeys: the tab's draft, which keeps the answers and the message through a
   reload, Back and a language switch; starting over, and undoing it; the share link's address and
   name. */

import { notify } from "./dom.js";
import { SITE_KEYS } from "./store.js";
import { decodeShare, encodeShare } from "./share.js";
import { answers, goTo, hideErrors, setAnswers } from "./answers.js";
import { showAnswers } from "./result.js";
import { messageRecord, restoreMessage } from "./message.js";
import { load } from "./links.js";

const DRAFT = SITE_KEYS + "draft"; // sessionStorage: this tab only, gone when it closes

/**
 * Keep the tab's draft up to date, and follow Back, a language switch and "start over".
 * @param {Object} quiz the quiz's state (quiz.js, quizState)
 */
export function journey(quiz) {
  const parts = quiz.parts;
  const keep = () => keepDraft(quiz);
  // An answer, the name, a submit, a save: on the root, so after quiz.js's own listeners.
  for (const type of ["change", "input", "submit", "click"]) quiz.root.addEventListener(type, keep);
  // After a reload or Back the browser refills the form once the script has run (or shows the
  // page from its cache, as it was): count and score what the form holds once it is shown.
  // A draft deleted meanwhile ("Delete all my data" in this tab) takes the refilled form with it.
  // Undo "start over" lasts until the next answer (keepDraft) or until the page is left.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted || returning()) {
      parts.undo.hidden = true;
      if (draftDeleted(quiz)) startOver(quiz, false);
      showAnswers(quiz);
    }
  });
  parts.startOver.addEventListener("click", () => startOver(quiz));
  parts.undo.querySelector("button").addEventListener("click", () => undoStartOver(quiz));
  parts.includeName.addEventListener("change", () => {
    if (!parts.shareField.hidden) parts.shareLink.value = shareLink(quiz);
  });
  // The language switcher leads to the same link, where the draft takes over.
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[hreflang]");
    if (link) {
      link.hash = window.location.hash;
      keepDraft(quiz, true);
    }
  });
}

/** Open the link in the fragment, if any, then this tab's draft, which holds the changes made
    since: after a reload or Back, or on the other language's page. Any other visit starts afresh
    (screening the next prospect must not reopen the last one). Resolves once it is open. */
export async function resume(quiz) {
  const from = window.location.hash.slice(1);
  const draft = readDraft(quiz);
  quiz.stay = returning();
  await load(quiz, from);
  if (draft?.from === from && (quiz.stay || draft.carry)) openDraft(quiz, draft);
  quiz.stay = false;
  keepDraft(quiz);
}

/** Put a draft's answers, name and message back, and show its result if it was shown. */
function openDraft(quiz, draft) {
  setAnswers(quiz, draft.answers, draft.name);
  restoreMessage(quiz.message, draft.message);
  showAnswers(quiz, draft.shown, true);
}

/** Whether the page was reloaded or reached with Back or Forward: the browser then restores the
    form and the scroll position itself. */
function returning() {
  const entry = performance.getEntriesByType("navigation")[0];
  return Boolean(entry) && entry.type !== "navigate";
}

/** Clear every answer, the name, the message, the result and the draft, and offer to undo that
    with the focus on GOV.UK's notification banner (unless `focus` is false: the draft was
    deleted, and the page is only being shown again). */
function startOver(quiz, focus = true) {
  const parts = quiz.parts;
  quiz.undo = [draftText(quiz), quiz.editing, parts.notice.textContent, window.location.href];
  quiz.editing = null;
  setAnswers(quiz, new Map(), "");
  restoreMessage(quiz.message, {});
  parts.shareField.hidden = true;
  notify(parts.notice, "");
  notify(parts.status, "");
  hideErrors(quiz);
  showAnswers(quiz, false); // none now
  window.history.replaceState(null, "", window.location.href.split("#")[0]); // the address without its fragment
  keepDraft(quiz);
  parts.undo.hidden = !focus;
  if (focus) parts.undo.focus();
}

/** Put back exactly what "start over" cleared (the prospect re-assessed, its notice and address
    too), and go back to it: the result, or else the form. The notice goes with the click
    (keepDraft: answers again). */
function undoStartOver(quiz) {
  const [text, editing, notice, address] = quiz.undo;
  const draft = readDraft(quiz, text);
  quiz.editing = editing;
  notify(quiz.parts.notice, notice);
  window.history.replaceState(null, "", address);
  openDraft(quiz, draft);
  if (!draft.shown) goTo(quiz.parts.form.querySelector(":checked"));
}

// ------------------------------------------------------------------ the tab's draft

/** The answers and name as a share link's fragment (which versions them), the link they were
    opened from, the message (message.js, messageRecord), whether the result was shown and whether
    the reader is switching language; removed when no answer is left. */
export function keepDraft(quiz, carry) {
  const current = answers(quiz);
  if (current.size) quiz.parts.undo.hidden = true; // a new answer: "start over" stays done
  try {
    if (current.size) window.sessionStorage.setItem(DRAFT, draftText(quiz, carry, current));
    else window.sessionStorage.removeItem(DRAFT);
  } catch (error) {
    // Storage is switched off or full: the draft is a convenience, the quiz works without it.
  }
}

function draftText(quiz, carry, current = answers(quiz)) {
  const draft = new URLSearchParams(encodeShare(quiz.data, current, quiz.parts.name.value.trim()));
  draft.set("from", window.location.hash.slice(1));
  draft.set("message", JSON.stringify(messageRecord(quiz.message)));
  if (!quiz.parts.result.hidden) draft.set("shown", "1");
  if (carry) draft.set("carry", "1");
  return draft.toString();
}

/** Whether the form holds answers that this tab's draft no longer does: the draft, which every
    answer writes, was deleted meanwhile (storage switched off: there never was one). */
function draftDeleted(quiz) {
  try {
    return window.sessionStorage.getItem(DRAFT) === null && answers(quiz).size > 0;
  } catch (error) {
    return false;
  }
}

/** This tab's draft (or the one `text` holds), read as untrusted as any share link; null when
    there is none to use. */
function readDraft(quiz, text) {
  try {
    text = text || window.sessionStorage.getItem(DRAFT) || "";
    const draft = new URLSearchParams(text);
    return { ...decodeShare(quiz.data, text), from: draft.get("from") || "", shown: draft.has("shown"), carry: draft.has("carry"), message: JSON.parse(draft.get("message")) || {} };
  } catch (error) {
    return null; // storage switched off, no draft, not a share link's answers or not a message the site wrote
  }
}

// ------------------------------------------------------------------ sharing

/** The share link: the answers, and the name only when asked for. Opened from disk, the link
    leads to the published site, the one address that works on another machine. */
export function shareLink(quiz) {
  const parts = quiz.parts;
  const page = window.location.protocol === "file:" ? quiz.data.address : window.location.href.split("#")[0];
  return page + "#" + encodeShare(quiz.data, answers(quiz), parts.includeName.checked ? parts.name.value.trim() : "");
}
