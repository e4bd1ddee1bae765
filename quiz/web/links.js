/* What the address's fragment opens: a share link's answers or a saved prospect. */

import { InputError } from "./errors.js";
import { format, formatDate, message, notify } from "./dom.js";
import { readStore, toMap } from "./store.js";
import { decodeShare } from "./share.js";
import { hideErrors, setAnswers } from "./answers.js";
import { showAnswers } from "./result.js";

/** Open what the URL fragment names: a share link (`v=...`) or a saved prospect (`prospect=...`).
    Resolves once it is open. */
export async function load(quiz, fragment) {
  if (fragment.startsWith("v=")) loadShared(quiz, fragment);
  else if (fragment.startsWith("prospect=")) await loadSaved(quiz, fragment.slice("prospect=".length));
}

function loadShared(quiz, fragment) {
  const strings = quiz.strings;
  let shared;
  try {
    shared = decodeShare(quiz.data, fragment);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    notify(quiz.parts.notice, message(strings, "work.link.error", { reason: error.reason }));
    return;
  }
  const missing = quiz.questions.size - shared.answers.size;
  const notice = strings["work.shared"] + (missing ? " " + format(strings["work.shared.older"], { count: missing }) : "");
  openAnswers(quiz, null, shared.answers, shared.name, notice);
}

async function loadSaved(quiz, id) {
  const strings = quiz.strings;
  const store = await readStore();
  const found = store.prospects.find((prospect) => prospect.id === id);
  if (!found) {
    const problem = store.problem ? " " + message(strings, ...store.problem) : "";
    notify(quiz.parts.notice, strings["work.missing"] + problem);
    return;
  }
  const notice = format(strings["work.editing"], { name: found.name, date: formatDate(found.updated) });
  openAnswers(quiz, found, toMap(found.answers), found.name, notice);
}

/** Show a prospect's answers and their result, as if just submitted. */
function openAnswers(quiz, editing, map, name, notice) {
  quiz.editing = editing;
  setAnswers(quiz, map, name);
  notify(quiz.parts.notice, notice);
  hideErrors(quiz);
  showAnswers(quiz, true, true);
}
