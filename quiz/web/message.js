/* The drafted message on a quiz result, its choices and the terms that answer its concerns; the
   text itself comes from drafting.js. */

import { byAttribute, required } from "./dom.js";
import { draftMessage, messageVariants } from "./drafting.js";

/**
 * Draft (or redraft) the message for the result just rendered; its choices redraft it from then on.
 * @param {Object} state the message's state (messageState)
 * @param {Object} result the result of `score`
 * @param {Map<string, string>} answers question id -> option id
 */
export function renderMessage(state, result, answers) {
  state.result = result;
  state.answers = answers;
  const allowed = messageVariants(result);
  for (const [value, input] of state.variants) {
    input.parentElement.hidden = value !== "" && !allowed.includes(value);
    if (input.checked && input.parentElement.hidden) state.variants.get("").checked = true;
  }
  updateMessage(state);
}

// ------------------------------------------------------------------ the controls

/**
 * The message's parts and listeners; part of the quiz page's state (quiz.js, quizState).
 * @param {Element} root the `[data-message]` element
 * @param {Object} data the quiz island
 */
export function messageState(root, data) {
  const state = {
    data: data,
    root: root,
    name: required(root, "[data-recipient-name]"), // whom the greeting names
    text: required(root, "[data-next-message]"),
    print: required(root, "[data-message-print]"),
    status: required(root, "[data-message-status]"),
    redraft: required(root, '[data-action="redraft-message"]'),
    replacedNote: required(root, "[data-message-replaced]"), // says so, and can bring the edit back
    terms: required(root, "[data-terms]"),
    term: byAttribute(root, "data-term"),
    variants: byAttribute(root, "data-message-variant"),
    written: "", // the last draft written into the text box: anything else there is the reader's edit
    yours: {}, // the reader's own terms (quiz.js, followStore); the draft's examples fill the rest
    // Set later: `result` and `answers`, the result shown and its answers (renderMessage: nothing
    // to draft before the first); `draft`, the draft for them and the current choices; `replaced`,
    // the edit "replace" took out with the draft it was edited from, which "bring back" puts back;
    // `kept`, what the tab keeps of the message (restoreMessage).
  };
  // A choice (a radio's input comes before its change) or the name drafts again; an edit of the
  // text only updates what follows it.
  root.addEventListener("input", (event) => (event.target === state.text ? syncMessage : updateMessage)(state));
  state.redraft.addEventListener("click", () => {
    state.replaced = [state.written, state.text.value];
    updateMessage(state, true);
    state.text.focus();
  });
  required(root, '[data-action="bring-back-message"]').addEventListener("click", () => {
    [state.written, state.text.value] = state.replaced;
    updateMessage(state);
    state.text.focus();
  });
  required(root, '[data-action="copy-message"]').addEventListener("click", () => copyMessage(state));
  return state;
}

/** Redraft for the current choices. The reader's edits are never overwritten unasked: the new
    draft waits behind the "replace" button (`replace`: it was pressed). Only what changed is written: on a long quiz every
    change to the page costs time. */
function updateMessage(state, replace) {
  if (!state.result) return; // no result shown yet
  const draft = draftMessage(state.data, state.result, state.answers, { ...choices(state), terms: state.yours });
  if (replace || state.text.value === state.written) {
    if (state.text.value !== draft.text) state.text.value = draft.text;
    state.written = draft.text;
  }
  // an edit kept, and the draft it was edited from is no longer the draft
  setText(state.status, draft.text !== state.written ? state.data.strings["message.kept"] : "");
  if (state.draft?.terms.join() !== draft.terms.join()) {
    for (const item of state.term.values()) item.hidden = true;
    for (const clause of draft.terms) {
      const item = state.term.get(clause);
      item.hidden = false;
      item.parentElement.appendChild(item); // in the draft's order
    }
    state.terms.hidden = draft.terms.length === 0;
  }
  state.draft = draft;
  syncMessage(state);
}

/** The printed copy follows the text box; "replace" shows only when the text is not the draft,
    the note that an edit was replaced (and "bring back") only while the draft that replaced it
    is there unchanged. */
function syncMessage(state) {
  const draft = state.draft?.text;
  setText(state.print, state.text.value);
  state.redraft.hidden = !draft || state.text.value === draft;
  state.replacedNote.hidden = !state.replaced || state.text.value !== draft;
}

function copyMessage(state) {
  const done = (key) => setText(state.status, state.data.strings[key]);
  const failed = () => {
    state.text.focus();
    state.text.select();
    done("message.copy-failed");
  };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(state.text.value).then(() => done("message.copied"), failed);
  else failed();
}

/** Write an element's text only when it changes: a live region would read it out again. */
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

// ------------------------------------------------------------------ kept in the tab

/** The tone, timing, variant and name chosen. */
function choices(state) {
  const choice = { name: state.name.value };
  for (const input of state.root.querySelectorAll("[name^=message-]:checked")) choice[input.name.slice(8)] = input.value;
  return choice;
}

/**
 * What the tab keeps of the message (journey.js): the choices, and per language the text with
 * the draft it was edited from and the edit "replace" took out. Only text: it is read back as text.
 * @param {Object} state the message's state
 * @returns {Object} what `restoreMessage` takes
 */
export function messageRecord(state) {
  return { ...state.kept, ...choices(state), [document.documentElement.lang]: [state.written, state.text.value, state.replaced] };
}

/**
 * Put back what `messageRecord` kept ({} for a new message): the choices, and the text as edited
 * on this language's page; say when it was edited on another language's page, where it waits.
 * @param {Object} state the message's state
 * @param {Object} record what `messageRecord` returned
 */
export function restoreMessage(state, record) {
  state.kept = record;
  for (const input of state.root.querySelectorAll("[name^=message-]")) {
    if (input.defaultChecked || record[input.name.slice(8)] === input.value) input.checked = true;
  }
  state.name.value = record.name || "";
  [state.written, state.text.value, state.replaced] = record[document.documentElement.lang] || ["", ""];
  for (const [language, notice] of byAttribute(state.root, "data-message-elsewhere")) {
    const kept = record[language];
    notice.hidden = !kept || kept[0] === kept[1];
  }
}
