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
  updateMessage(state, false);
}

// ------------------------------------------------------------------ the controls

/**
 * The message's parts and listeners; part of the quiz page's state (quiz.js, quizState).
 * @param {Element} root the `[data-message]` element
 * @param {Object} data the quiz island
 */
export function messageState(root, data) {
  const name = required(root, "[data-recipient-name]"); // whom the greeting names
  const state = {
    data: data,
    root: root,
    name: name,
    text: required(root, "[data-next-message]"),
    print: required(root, "[data-message-print]"),
    status: required(root, "[data-message-status]"),
    redraft: required(root, '[data-action="redraft-message"]'),
    terms: required(root, "[data-terms]"),
    term: byAttribute(root, "data-term"),
    variants: byAttribute(root, "data-message-variant"),
    result: null, // the result shown, and its answers: nothing to draft before the first
    answers: null,
    draft: null, // the draft for the current result and choices
    written: "", // the last draft written into the text box: anything else there is the reader's edit
  };
  root.addEventListener("change", (event) => {
    if (event.target.type === "radio") updateMessage(state, false);
  });
  name.addEventListener("input", () => updateMessage(state, false));
  state.text.addEventListener("input", () => syncMessage(state));
  state.redraft.addEventListener("click", () => {
    updateMessage(state, true);
    state.text.focus();
  });
  required(root, '[data-action="copy-message"]').addEventListener("click", () => copyMessage(state));
  return state;
}

/** Redraft for the current choices. The reader's edits are never overwritten unasked: the new
    draft waits behind the "replace" button. Only what changed is written: on a long quiz every
    change to the page costs time. */
function updateMessage(state, replace) {
  if (!state.result) return; // no result shown yet
  const checked = (kind) => state.root.querySelector("input[name=message-" + kind + "]:checked").value;
  const choice = { tone: checked("tone"), timing: checked("timing"), variant: checked("variant"), name: state.name.value };
  const draft = draftMessage(state.data, state.result, state.answers, choice);
  const edited = state.text.value !== state.written;
  if ((replace || !edited) && state.text.value !== draft.text) state.text.value = draft.text;
  if (replace || !edited) state.written = draft.text;
  setText(state.status, edited && !replace && draft.text !== state.text.value ? state.data.strings["message.kept"] : "");
  if (!state.draft || state.draft.terms.join() !== draft.terms.join()) {
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

/** The printed copy follows the text box; "replace" shows only when the text is not the draft. */
function syncMessage(state) {
  setText(state.print, state.text.value);
  state.redraft.hidden = state.draft === null || state.text.value === state.draft.text;
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
