/* The quiz page: answers, errors, the result, and saving, sharing and printing it. The widget is
   the `[data-quiz-scope]` element; every part the script touches is inside it. */

/**
 * Set up the quiz: its form, result and workspace.
 * @param {Element} root the `[data-quiz-scope]` element
 * @param {Object} data its JSON island (quiz/site/view.py)
 * @returns {Promise} resolved once the link in the address, if any, is open
 */
function initQuiz(root, data) {
  const quiz = quizState(root, data);
  listen(quiz);
  journey(quiz, root);
  quiz.parts.submit.hidden = quiz.parts.submit.disabled = false;
  quiz.parts.progress.classList.remove("crf-progress--pending");
  updateProgress(quiz, answers(quiz));
  followStore(quiz);
  return busy(quiz.parts.workspace, resume(quiz));
}

/** The widget's parts, checked up front, and look-ups built once (so that a quiz of a thousand
    questions still answers within a frame). */
function quizState(root, data) {
  const form = required(root, "form[data-quiz]");
  const errors = required(root, "[data-quiz-errors]");
  return {
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
    },
    questions: new Map(data.flags.flatMap((flag) => flag.questions.map((question) => [question.id, question]))),
    fieldsets: byAttribute(form, "data-question"),
    errorItems: byAttribute(errors, "data-error-for"),
    radios: new Map([...form.querySelectorAll("input[type=radio]")].map((input) => [input.name + "\n" + input.value, input])),
    inError: new Set(),
    editing: null, // the saved prospect being re-assessed
    saving: Promise.resolve(), // the last save: a save waits for the one before it
  };
}

/** Answer, submit, follow an error link, save, share and print; reopen on a new fragment. */
function listen(quiz) {
  const parts = quiz.parts;
  parts.form.addEventListener("change", (event) => {
    const current = answers(quiz);
    updateProgress(quiz, current);
    if (current.has(event.target.name)) setError(quiz, event.target.name, false);
    if (quiz.inError.size === 0) parts.errors.hidden = true;
    if (!parts.result.hidden) render(quiz, current, false);
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

// ------------------------------------------------------------------ answers and errors

function answers(quiz) {
  const map = new Map();
  for (const input of quiz.parts.form.querySelectorAll("input[type=radio]:checked")) map.set(input.name, input.value);
  return map;
}

function setAnswers(quiz, map) {
  for (const input of quiz.radios.values()) input.checked = map.get(input.name) === input.value;
}

function updateProgress(quiz, current) {
  const answered = [...quiz.questions.keys()].filter((id) => current.has(id)).length;
  quiz.parts.progress.textContent = format(quiz.strings["quiz.progress"], { answered: answered, total: quiz.questions.size });
  quiz.parts.startOver.hidden = answered === 0;
}

function submit(quiz) {
  const current = answers(quiz);
  if ([...quiz.questions.keys()].every((id) => current.has(id))) {
    hideErrors(quiz);
    render(quiz, current, true);
    return;
  }
  hideResult(quiz);
  for (const id of quiz.questions.keys()) setError(quiz, id, !current.has(id));
  quiz.parts.errors.hidden = false;
  land(quiz, quiz.parts.errorsHeading);
}

function hideResult(quiz) {
  quiz.parts.result.hidden = true;
  quiz.parts.workspace.hidden = true;
  document.documentElement.classList.remove("crf-has-result");
}

function setError(quiz, id, on) {
  if (on === quiz.inError.has(id)) return;
  const fieldset = quiz.fieldsets.get(id);
  const error = fieldset.querySelector("[data-error-message]");
  error.hidden = !on;
  fieldset.classList.toggle("crf-question--error", on);
  fieldset.setAttribute("aria-describedby", "hint-" + id + (on ? " " + error.id : ""));
  quiz.errorItems.get(id).hidden = !on;
  if (on) quiz.inError.add(id);
  else quiz.inError.delete(id);
}

function hideErrors(quiz) {
  for (const id of [...quiz.inError]) setError(quiz, id, false);
  quiz.parts.errors.hidden = true;
}

/** GOV.UK pattern: a link in the error summary focuses the first answer and shows the question. */
function followErrorLink(event) {
  const link = event.target.closest("a[href^='#']");
  if (!link) return;
  const input = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
  if (!input) return;
  event.preventDefault();
  goTo(input);
}

// ------------------------------------------------------------------ the result

function render(quiz, current, moveFocus) {
  const parts = quiz.parts;
  const result = score(quiz.data, current);
  fillResult(quiz, result, current);
  renderMessage(quiz, result, current); // the draft to the prospect (message.js)
  parts.result.hidden = false;
  parts.workspace.hidden = false;
  document.documentElement.classList.add("crf-has-result");
  renderChanges(quiz, current);
  const announcement = result.score === null ? quiz.strings["quiz.announce.unknown"] : quiz.strings["quiz.announce"];
  parts.announce.textContent = format(announcement, { band: quiz.data.bands[result.band], score: result.score });
  if (moveFocus) land(quiz, parts.heading);
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
  let asks = 0;
  for (const [id, item] of byAttribute(root, "data-ask")) {
    const option = chosenOption(quiz.questions.get(id), current);
    item.hidden = walkAway || !(option === undefined || option.unsure);
    if (!item.hidden) asks += 1;
  }
  required(root, "[data-result-asks]").hidden = asks === 0;
}

/** What decided the band when the average did not: the answers that set it alone, or each flag
    whose serious answers added up, with those answers. */
function fillRaised(quiz, result, current) {
  const root = quiz.parts.result;
  const flags = /^flag:/.test(result.raisedBy[0]); // the serious answers added up
  for (const [key, item] of byAttribute(root, "data-raised-by")) {
    item.hidden = !result.raisedBy.includes(key);
    const flag = flags && !item.hidden && quiz.data.flags.find((candidate) => "flag:" + candidate.id === key);
    if (flag) {
      const serious = flag.questions.filter((question) => (chosenOption(question, current) || {}).points >= 2);
      slot(item, "answers").textContent = serious.map((question) => answerLabel(quiz, question.id, current.get(question.id))).join(" · ");
    }
  }
  for (const [kind, intro] of byAttribute(root, "data-raised-intro")) intro.hidden = kind !== (flags ? "pattern" : "answer");
  required(root, "[data-result-raised]").hidden = !result.raisedBy.length;
}

/** The visible text of an option's label. */
function answerLabel(quiz, questionId, optionId) {
  return quiz.radios.get(questionId + "\n" + optionId).labels[0].textContent.trim();
}

/** The band, its next step, the score and how many answers were definite. */
function fillVerdict(root, result, strings) {
  root.setAttribute("data-band", result.band);
  root.setAttribute("data-score", shown(result.score, ""));
  for (const element of root.querySelectorAll("[data-band-text], [data-band-next]")) {
    const id = element.getAttribute("data-band-text") || element.getAttribute("data-band-next");
    element.hidden = id !== result.band;
  }
  slot(root, "score").textContent = shown(result.score, strings["result.score.unknown"]);
  slot(root, "scale").hidden = slot(root, "out-of").hidden = result.score === null;
  const reason = result.dealbreaker ? "dealbreaker" : "score";
  for (const item of root.querySelectorAll("[data-walk-reason]")) {
    item.hidden = result.band !== "walk-away" || item.getAttribute("data-walk-reason") !== reason;
  }
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
      item.hidden = !(option && option.points > 0);
      if (!item.hidden) slot(item, "answer").textContent = answerLabel(quiz, id, option.id);
    }
    slot(section, "actions").hidden = walkAway; // no "before you sign" steps after a walk-away verdict
    section.hidden = false;
    container.appendChild(section); // keep the highest concern first
  }
  required(root, "[data-concerns-none]").hidden = concerns.length > 0;
}

/** Before and after, for a saved prospect: unsaved changes, or else the last assessment that
    differs from the saved one (saving the same answers twice records nothing). */
function renderChanges(quiz, current) {
  const editing = quiz.editing;
  quiz.parts.changes.hidden = !editing;
  if (!editing) return;
  const now = toObject(current);
  let [before, since] = [editing.answers, editing.updated];
  const earlier = sameAnswers(before, now) && editing.history.find((entry) => !sameAnswers(entry.answers, now));
  if (earlier) [before, since] = [earlier.answers, earlier.updated];
  fillChanges(quiz, score(quiz.data, toMap(before)), score(quiz.data, current), formatDate(since));
}

/** "Responsiveness: 67 → 33": only what differs between two results. */
function fillChanges(quiz, before, after, since) {
  const root = quiz.parts.changes;
  const strings = quiz.strings;
  const value = (number) => shown(number, strings["result.flag.unknown"]);
  required(root, "[data-changes-title]").textContent = format(strings["changes.heading"], { date: since });
  const rows = [["band", quiz.data.bands[before.band], quiz.data.bands[after.band]], ["score", value(before.score), value(after.score)]];
  before.flags.forEach((flag, index) => rows.push([flag.id, value(flag.score), value(after.flags[index].score)]));
  let changed = 0;
  for (const [id, old, now] of rows) {
    const item = required(root, '[data-change="' + id + '"]');
    item.hidden = old === now;
    slot(item, "before").textContent = old;
    slot(item, "after").textContent = now;
    if (old !== now) changed += 1;
  }
  required(root, "[data-changes-none]").hidden = changed > 0;
  required(root, "ul").hidden = changed === 0;
}

// ------------------------------------------------------------------ links, saving, sharing

/** Open what the URL fragment names: a share link (`v=...`) or a saved prospect (`prospect=...`).
    Resolves once it is open. */
async function load(quiz, fragment) {
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
    const problem = store.problem ? " " + message(strings, store.problem[0], store.problem[1]) : "";
    notify(quiz.parts.notice, strings["work.missing"] + problem);
    return;
  }
  const notice = format(strings["work.editing"], { name: found.name, date: formatDate(found.updated) });
  openAnswers(quiz, found, toMap(found.answers), found.name, notice);
}

/** Show a prospect's answers and their result, as if just submitted. */
function openAnswers(quiz, editing, map, name, notice) {
  quiz.editing = editing;
  setAnswers(quiz, map);
  quiz.parts.name.value = name;
  notify(quiz.parts.notice, notice);
  const current = answers(quiz);
  updateProgress(quiz, current);
  hideErrors(quiz);
  render(quiz, current, true);
}

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
    saved = await updateStore((store) => recordAssessment(store, quiz.editing && quiz.editing.id, clip(name, MAX_NAME), toObject(answers(quiz))));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    notify(parts.status, message(quiz.strings, "work.storage.error", { reason: error.reason }));
    return;
  }
  const again = quiz.editing && quiz.editing.id === saved.id;
  quiz.editing = saved;
  window.history.replaceState(null, "", "#prospect=" + saved.id);
  notify(parts.status, format(quiz.strings[again ? "work.updated" : "work.saved"], { name: saved.name }));
  renderChanges(quiz, answers(quiz));
}

/** Another tab changed the saved prospects: compare with the re-assessed prospect as saved now,
    or say that it was deleted (its tombstone is there) or is no longer saved (delete all, or
    set aside); saving then keeps these answers as a new prospect. */
function followStore(quiz) {
  window.addEventListener("storage", async (event) => {
    if (!quiz.editing || (event.key !== null && !event.key.startsWith(SITE_KEYS))) return;
    const store = await busy(quiz.parts.workspace, readStore());
    const editing = quiz.editing;
    if (!editing || store.reason) return;
    const found = store.prospects.find((prospect) => prospect.id === editing.id);
    if (found) quiz.editing = found;
    else notify(quiz.parts.status, format(quiz.strings[isPlainObject(store.raw.deleted) && typeof store.raw.deleted[editing.id] === "string" ? "work.gone" : "work.lost"], { name: editing.name }));
    renderChanges(quiz, answers(quiz));
  });
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

function notify(element, text) {
  element.textContent = text;
  element.hidden = !text;
}

boot("data-quiz-scope", initQuiz);
