/* The result: verdict, what raised it, per-flag scores, concerns, questions still to ask, the
   drafted message (message.js) and, for a saved prospect, what changed. */

import { byAttribute, format, formatDate, required, shown, slot } from "./dom.js";
import { chosenOption, score, topConcerns } from "./scoring.js";
import { sameAnswers, toMap, toObject } from "./store.js";
import { renderMessage } from "./message.js";
import { answers, updateProgress } from "./answers.js";

export function render(quiz, current, moveFocus) {
  const parts = quiz.parts;
  const result = score(quiz.data, current, quiz.lines);
  fillResult(quiz, result, current);
  renderMessage(quiz.message, result, current); // the draft to the prospect (message.js)
  showResult(quiz, true);
  renderChanges(quiz, current);
  const announcement = result.score === null ? quiz.strings["quiz.announce.unknown"] : quiz.strings["quiz.announce"];
  parts.announce.textContent = format(announcement, { band: quiz.data.bands[result.band], score: result.score });
  if (moveFocus) land(quiz, parts.heading);
}

/** Count what the form holds, and show its result (or none); by default, as shown now. */
export function showAnswers(quiz, shown = !quiz.parts.result.hidden, moveFocus) {
  const current = answers(quiz);
  updateProgress(quiz, current);
  if (shown) render(quiz, current, moveFocus);
  else showResult(quiz, false);
}

/** Show the result and the workspace below it, or hide both. */
export function showResult(quiz, shown) {
  quiz.parts.result.hidden = quiz.parts.workspace.hidden = !shown;
  document.documentElement.classList.toggle("crf-has-result", shown);
}

/** Show the parts of the server-rendered result that apply, and fill in its numbers. */
function fillResult(quiz, result, current) {
  const root = quiz.parts.result;
  const walkAway = result.band === "walk-away";
  fillVerdict(root, result, quiz.strings);
  fillRaised(quiz, result, current);
  for (const flag of result.flags) {
    const row = required(root, '[data-flag-result="' + flag.id + '"]');
    row.setAttribute("data-score", shown(flag.score, ""));
    slot(row, "bar").style.width = (flag.score || 0) + "%";
    slot(row, "value").textContent = shown(flag.score, quiz.strings["result.flag.unknown"]);
  }
  fillConcerns(quiz, result, current, walkAway);
  let asks = false;
  for (const [id, item] of byAttribute(root, "data-ask")) {
    const option = chosenOption(quiz.questions.get(id), current);
    item.hidden = walkAway || !(option === undefined || option.unsure);
    asks ||= !item.hidden;
  }
  required(root, "[data-result-asks]").hidden = !asks;
}

/** What decided the band when the average did not: the answers that set it alone (the reader's
    own lines together, as theirs), or each flag whose serious answers added up, with those answers. */
function fillRaised(quiz, result, current) {
  const root = quiz.parts.result;
  const flags = /^flag:/.test(result.raisedBy[0]); // the serious answers added up
  const own = result.ownLines;
  for (const [key, item] of byAttribute(root, "data-raised-by")) {
    const mine = key === "own-line";
    item.hidden = mine ? !own.length : !result.raisedBy.includes(key) || own.includes(key);
    const flag = !item.hidden && quiz.data.flags.find((candidate) => "flag:" + candidate.id === key);
    const shown = mine ? own : flag && flag.questions.filter((question) => chosenOption(question, current)?.points >= 2).map((question) => question.id + ":" + current.get(question.id));
    if (shown) slot(item, "answers").textContent = shown.map((answer) => answerLabel(quiz, answer)).join(" · ");
  }
  for (const [kind, intro] of byAttribute(root, "data-raised-intro")) intro.hidden = kind !== (flags ? "pattern" : "answer");
  required(root, "[data-result-raised]").hidden = !result.raisedBy.length;
}

/** The visible text of an option's label ("question:option"); "no answer" for none (or one this
    quiz no longer has). */
function answerLabel(quiz, answer) {
  const input = quiz.radios.get(answer);
  return input ? input.labels[0].textContent.trim() : quiz.strings["changes.no-answer"];
}

/** The band, its next step, the score and how many answers were definite. */
function fillVerdict(root, result, strings) {
  root.setAttribute("data-band", result.band);
  root.setAttribute("data-score", shown(result.score, ""));
  for (const kind of ["data-band-text", "data-band-next"]) {
    for (const [band, element] of byAttribute(root, kind)) element.hidden = band !== result.band;
  }
  slot(root, "score").textContent = shown(result.score, strings["result.score.unknown"]);
  slot(root, "scale").hidden = slot(root, "out-of").hidden = result.score === null;
  const reason = result.dealbreaker ? "dealbreaker" : result.ownLines.length ? "own-line" : "score";
  for (const [why, item] of byAttribute(root, "data-walk-reason")) item.hidden = result.band !== "walk-away" || why !== reason;
  slot(root, "confidence").textContent = format(strings["result.confidence.value"], {
    definite: result.definite,
    total: result.total,
    percent: Math.round((100 * result.definite) / result.total),
  });
}

/** The strongest flags, highest first, each with the answers that raised it. */
function fillConcerns(quiz, result, current, walkAway) {
  const root = quiz.parts.result;
  const concerns = topConcerns(quiz.data, result);
  const container = required(root, "[data-concerns]");
  for (const section of container.querySelectorAll("[data-concern]")) section.hidden = true;
  for (const [rank, flag] of concerns.entries()) {
    const section = required(container, '[data-concern="' + flag.id + '"]');
    slot(section, "score").textContent = String(flag.score);
    section.classList.toggle("crf-concern--further", rank >= quiz.data.minConcerns); // printed without its steps
    for (const [id, item] of byAttribute(section, "data-concern-answer")) {
      const option = chosenOption(quiz.questions.get(id), current);
      item.hidden = !(option?.points > 0);
      if (!item.hidden) slot(item, "answer").textContent = answerLabel(quiz, id + ":" + option.id);
    }
    slot(section, "actions").hidden = walkAway; // no "before you sign" steps after a walk-away verdict
    section.hidden = false;
    container.appendChild(section); // keep the highest concern first
  }
  required(root, "[data-concerns-none]").hidden = concerns.length > 0;
}

/** Before and after, for a saved prospect: unsaved changes, or else the last assessment that
    differs from the saved one (saving the same answers twice records nothing). */
export function renderChanges(quiz, current) {
  const editing = quiz.editing;
  quiz.parts.changes.hidden = !editing;
  if (!editing) return;
  const now = toObject(current);
  const before = (sameAnswers(editing.answers, now) && editing.history.find((entry) => !sameAnswers(entry.answers, now))) || editing;
  fillChanges(quiz, toMap(before.answers), current, formatDate(before.updated));
}

/** "Responsiveness: 67 → 33", and each answer that changed: only what differs. */
function fillChanges(quiz, earlier, current, since) {
  const [before, after] = [score(quiz.data, earlier, quiz.lines), score(quiz.data, current, quiz.lines)];
  const root = quiz.parts.changes;
  const strings = quiz.strings;
  const value = (number) => shown(number, strings["result.flag.unknown"]);
  required(root, "[data-changes-title]").textContent = format(strings["changes.heading"], { date: since });
  const rows = [["band", quiz.data.bands[before.band], quiz.data.bands[after.band]], ["score", value(before.score), value(after.score)]];
  before.flags.forEach((flag, index) => rows.push([flag.id, value(flag.score), value(after.flags[index].score)]));
  for (const id of quiz.questions.keys()) rows.push(["answer:" + id, answerLabel(quiz, id + ":" + earlier.get(id)), answerLabel(quiz, id + ":" + current.get(id))]);
  let changed = false;
  for (const [id, old, now] of rows) {
    const item = required(root, '[data-change="' + id + '"]');
    item.hidden = old === now;
    slot(item, "before").textContent = old;
    slot(item, "after").textContent = now;
    changed ||= old !== now;
  }
  required(root, "[data-changes-none]").hidden = changed;
  required(root, "ul").hidden = !changed;
}

/**
 * Bring a heading to the top of the screen, clear of the sticky header (its scroll-margin-top),
 * and give it focus, so that a screen reader starts there too. The jump is instant: nothing to
 * reduce for people who ask for less motion.
 * @param {Object} quiz the quiz's state
 * @param {Element} heading a heading with tabindex="-1"
 */
export function land(quiz, heading) {
  heading.focus({ preventScroll: true });
  if (!quiz.stay) heading.scrollIntoView({ block: "start" });
}
