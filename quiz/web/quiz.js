/* The quiz page: answers, errors, the result, and saving, sharing and printing it. */

// ------------------------------------------------------------------ the quiz

/** Set up one quiz form and its workspace. */
function initQuiz(form) {
  if (form.hasAttribute("data-quiz-ready")) return;
  const scope = form.closest("[data-quiz-scope]");
  if (!scope) throw new QuizError("The quiz form is not inside [data-quiz-scope]");
  const data = readData(scope);
  const strings = data.strings;
  const parts = {
    notice: required(scope, "[data-quiz-notice]"),
    errors: required(scope, "[data-quiz-errors]"),
    progress: required(form, "[data-quiz-progress]"),
    submit: required(form, "[data-quiz-submit]"),
    result: required(scope, "[data-quiz-result]"),
    announce: required(scope, "[data-quiz-announce]"),
    workspace: required(scope, "[data-workspace]"),
    name: required(scope, "[data-prospect-name]"),
    nameError: required(scope, "[data-name-error]"),
    shareField: required(scope, "[data-share-field]"),
    shareLink: required(scope, "[data-share-link]"),
    status: required(scope, "[data-workspace-status]"),
    changes: required(scope, "[data-changes]"),
  };
  const questionIds = data.flags.flatMap((flag) => flag.questions.map((question) => question.id));
  // Look-ups built once, so that a quiz of a thousand questions still answers within a frame.
  const fieldsets = new Map([...form.querySelectorAll("fieldset[data-question]")].map((element) => [element.getAttribute("data-question"), element]));
  const errorItems = new Map([...parts.errors.querySelectorAll("[data-error-for]")].map((element) => [element.getAttribute("data-error-for"), element]));
  const radios = new Map([...form.querySelectorAll("input[type=radio]")].map((input) => [input.name + "\n" + input.value, input]));
  const inError = new Set();
  let editing = null; // the saved prospect being re-assessed

  form.setAttribute("data-quiz-ready", "");
  parts.submit.hidden = false;
  parts.progress.classList.remove("crf-progress--pending");

  function answers() {
    const map = new Map();
    for (const input of form.querySelectorAll("input[type=radio]:checked")) map.set(input.name, input.value);
    return map;
  }

  function setAnswers(map) {
    for (const input of radios.values()) input.checked = map.get(input.name) === input.value;
  }

  /** The radio chosen for a question, or null. */
  function chosen(current, questionId) {
    return current.has(questionId) ? radios.get(questionId + "\n" + current.get(questionId)) || null : null;
  }

  function updateProgress(current) {
    const answered = questionIds.filter((id) => current.has(id)).length;
    parts.progress.textContent = format(strings["quiz.progress"], { answered: answered, total: questionIds.length });
  }

  function setError(id, on) {
    if (on === inError.has(id)) return;
    const fieldset = fieldsets.get(id);
    const error = fieldset.querySelector("[data-error-message]");
    error.hidden = !on;
    fieldset.classList.toggle("crf-question--error", on);
    fieldset.setAttribute("aria-describedby", "hint-" + id + (on ? " " + error.id : ""));
    errorItems.get(id).hidden = !on;
    if (on) inError.add(id);
    else inError.delete(id);
  }

  function showErrors(missing) {
    const wanted = new Set(missing);
    for (const id of [...inError]) if (!wanted.has(id)) setError(id, false);
    for (const id of missing) setError(id, true);
    parts.errors.hidden = false;
    parts.errors.focus();
  }

  function hideErrors() {
    for (const id of [...inError]) setError(id, false);
    parts.errors.hidden = true;
  }

  function notify(element, text) {
    element.textContent = text;
    element.hidden = !text;
  }

  function render(current, moveFocus) {
    const result = score(data, current);
    fillResult(parts.result, result, (id) => chosen(current, id), data);
    parts.result.hidden = false;
    parts.workspace.hidden = false;
    document.documentElement.classList.add("crf-has-result");
    renderChanges(current);
    const title = parts.result.querySelector('[data-band-text="' + result.band + '"] [data-band-title]');
    const announcement = result.score === null ? strings["quiz.announce.unknown"] : strings["quiz.announce"];
    parts.announce.textContent = format(announcement, { band: title.textContent.trim(), score: result.score });
    if (moveFocus) parts.result.focus();
  }

  /** Before and after, for a saved prospect: unsaved changes, or else the last save's. */
  function renderChanges(current) {
    if (!editing) {
      parts.changes.hidden = true;
      return;
    }
    const saved = toMap(editing.answers);
    let before = saved;
    let after = current;
    let since = editing.updated;
    if (sameAnswers(saved, current) && editing.previous) {
      before = toMap(editing.previous.answers);
      after = saved;
      since = editing.previous.updated;
    }
    fillChanges(parts.changes, score(data, before), score(data, after), formatDate(since), strings, parts.result);
    parts.changes.hidden = false;
  }

  function load(fragment) {
    if (fragment.startsWith("v=")) {
      let shared;
      try {
        shared = decodeShare(data, fragment);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        notify(parts.notice, message(strings, "work.link.error", { reason: error.reason }));
        return;
      }
      editing = null;
      setAnswers(shared.answers);
      parts.name.value = shared.name;
      const missing = questionIds.length - shared.answers.size;
      notify(parts.notice, strings["work.shared"] + (missing ? " " + format(strings["work.shared.older"], { count: missing }) : ""));
      updateProgress(shared.answers);
      hideErrors();
      render(shared.answers, true);
    } else if (fragment.startsWith("prospect=")) {
      const id = fragment.slice("prospect=".length);
      const store = readStore();
      const found = store.prospects.find((prospect) => prospect.id === id);
      if (!found) {
        const problem = store.problem ? " " + message(strings, store.problem[0], store.problem[1]) : "";
        notify(parts.notice, strings["work.missing"] + problem);
        return;
      }
      editing = found;
      setAnswers(toMap(found.answers));
      parts.name.value = found.name;
      notify(parts.notice, format(strings["work.editing"], { name: found.name, date: formatDate(found.updated) }));
      updateProgress(answers());
      hideErrors();
      render(answers(), true);
    }
  }

  function save() {
    const name = parts.name.value.trim();
    parts.nameError.hidden = Boolean(name);
    parts.name.setAttribute("aria-describedby", "prospect-name-hint" + (name ? "" : " prospect-name-error"));
    parts.name.closest("[data-name-field]").classList.toggle("crf-field--error", !name);
    if (!name) {
      parts.name.focus();
      return;
    }
    const store = readStore();
    const now = new Date().toISOString();
    const current = toObject(answers());
    const prospects = store.prospects.slice();
    const index = editing ? prospects.findIndex((prospect) => prospect.id === editing.id) : -1;
    let saved;
    if (index >= 0) {
      const old = prospects[index];
      saved = { ...old, name: name.slice(0, MAX_NAME), updated: now, answers: current, previous: { updated: old.updated, answers: old.answers } };
      prospects[index] = saved;
    } else {
      saved = { id: newId(), name: name.slice(0, MAX_NAME), created: now, updated: now, answers: current, previous: null };
      prospects.push(saved);
    }
    try {
      writeStore(store, prospects);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      notify(parts.status, message(strings, "work.storage.error", { reason: error.reason }));
      return;
    }
    const key = index >= 0 ? "work.updated" : "work.saved";
    editing = saved;
    window.history.replaceState(null, "", "#prospect=" + saved.id);
    notify(parts.status, format(strings[key], { name: saved.name }));
    renderChanges(answers());
  }

  function share() {
    const link = window.location.href.split("#")[0] + "#" + encodeShare(data, answers(), parts.name.value.trim());
    parts.shareField.hidden = false;
    parts.shareLink.value = link;
    parts.shareLink.select();
    const done = () => notify(parts.status, strings["work.copied"]);
    const failed = () => notify(parts.status, strings["work.copy-failed"]);
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(link).then(done, failed);
    else failed();
  }

  form.addEventListener("change", (event) => {
    const current = answers();
    updateProgress(current);
    if (event.target.name && current.has(event.target.name)) setError(event.target.name, false);
    if (parts.errors.querySelectorAll("[data-error-for]:not([hidden])").length === 0) parts.errors.hidden = true;
    if (!parts.result.hidden) render(current, false);
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const current = answers();
    const missing = questionIds.filter((id) => !current.has(id));
    if (missing.length) {
      parts.result.hidden = true;
      parts.workspace.hidden = true;
      document.documentElement.classList.remove("crf-has-result");
      showErrors(missing);
      return;
    }
    hideErrors();
    render(current, true);
  });

  // GOV.UK pattern: a link in the error summary focuses the first answer and shows the question.
  parts.errors.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    if (!link) return;
    const input = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    if (!input) return;
    event.preventDefault();
    input.focus({ preventScroll: true });
    input.closest("fieldset").scrollIntoView({ block: "start" });
  });

  scope.querySelector('[data-action="save"]').addEventListener("click", save);
  scope.querySelector('[data-action="share"]').addEventListener("click", share);
  scope.querySelector('[data-action="print"]').addEventListener("click", () => window.print());
  // The printed page names the prospect and the date, for whoever reads it later.
  window.addEventListener("beforeprint", () => {
    const name = parts.name.value.trim();
    const today = new Intl.DateTimeFormat(document.documentElement.lang || "en", { dateStyle: "long" }).format(new Date());
    required(scope, "[data-print-heading]").textContent = (name ? name + " · " : "") + today;
  });
  window.addEventListener("hashchange", () => load(window.location.hash.slice(1)));

  updateProgress(answers());
  load(window.location.hash.slice(1));
}

function sameAnswers(a, b) {
  return a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
}

/** Show the parts of the server-rendered result that apply, and fill in its numbers. */
function fillResult(root, result, chosenInput, data) {
  const strings = data.strings;
  root.setAttribute("data-band", result.band);
  root.setAttribute("data-score", result.score === null ? "" : String(result.score));
  for (const element of root.querySelectorAll("[data-band-text], [data-band-next]")) {
    const id = element.getAttribute("data-band-text") || element.getAttribute("data-band-next");
    element.hidden = id !== result.band;
  }
  slot(root, "score").textContent = result.score === null ? strings["result.score.unknown"] : String(result.score);
  slot(root, "scale").hidden = slot(root, "out-of").hidden = result.score === null;
  const walkAway = result.band === "walk-away";
  const reason = result.dealbreakers.length ? "dealbreaker" : "score";
  for (const item of root.querySelectorAll("[data-walk-reason]")) {
    item.hidden = !walkAway || item.getAttribute("data-walk-reason") !== reason;
  }
  slot(root, "confidence").textContent = format(strings["result.confidence.value"], {
    definite: result.definite,
    total: result.total,
    percent: Math.round((100 * result.definite) / result.total),
  });

  const fired = new Set(result.dealbreakers);
  for (const item of root.querySelectorAll("[data-dealbreaker-result]")) {
    item.hidden = !fired.has(item.getAttribute("data-dealbreaker-result"));
  }
  root.querySelector("[data-result-dealbreakers]").hidden = fired.size === 0;

  for (const flag of result.flags) {
    const row = root.querySelector('[data-flag-result="' + flag.id + '"]');
    const known = flag.score !== null;
    row.setAttribute("data-score", known ? String(flag.score) : "");
    row.classList.toggle("crf-chart__row--unknown", !known);
    slot(row, "bar").style.width = (known ? flag.score : 0) + "%";
    slot(row, "value").textContent = known ? String(flag.score) : strings["result.flag.unknown"];
  }

  const concerns = topConcerns(data, result);
  const container = root.querySelector("[data-concerns]");
  for (const section of container.querySelectorAll("[data-concern]")) section.hidden = true;
  for (const [rank, flag] of concerns.entries()) {
    const section = container.querySelector('[data-concern="' + flag.id + '"]');
    slot(section, "score").textContent = String(flag.score);
    section.classList.toggle("crf-concern--further", rank >= data.minConcerns); // printed without its steps
    for (const item of section.querySelectorAll("[data-concern-answer]")) {
      const input = chosenInput(item.getAttribute("data-concern-answer"));
      const raised = Boolean(input) && Number(input.getAttribute("data-points")) > 0;
      item.hidden = !raised;
      if (raised) slot(item, "answer").textContent = input.labels[0].textContent.trim();
    }
    slot(section, "actions").hidden = walkAway; // no "before you sign" steps after a walk-away verdict
    section.hidden = false;
    container.appendChild(section); // keep the highest concern first
  }
  root.querySelector("[data-concerns-none]").hidden = concerns.length > 0;

  let asks = 0;
  for (const item of root.querySelectorAll("[data-ask]")) {
    const input = chosenInput(item.getAttribute("data-ask"));
    item.hidden = walkAway || !(input === null || input.hasAttribute("data-unsure"));
    if (!item.hidden) asks += 1;
  }
  root.querySelector("[data-result-asks]").hidden = asks === 0;
}

/** "Responsiveness: 67 → 33": only what differs between two results. */
function fillChanges(root, before, after, since, strings, result) {
  root.querySelector("[data-changes-title]").textContent = format(strings["changes.heading"], { date: since });
  const bandTitle = (id) => result.querySelector('[data-band-text="' + id + '"] [data-band-title]').textContent.trim();
  const shown = (value) => (value === null ? strings["result.flag.unknown"] : String(value));
  const rows = [["band", bandTitle(before.band), bandTitle(after.band)], ["score", shown(before.score), shown(after.score)]];
  before.flags.forEach((flag, index) => rows.push([flag.id, shown(flag.score), shown(after.flags[index].score)]));
  let changed = 0;
  for (const [id, old, now] of rows) {
    const item = root.querySelector('[data-change="' + id + '"]');
    item.hidden = old === now;
    slot(item, "before").textContent = old;
    slot(item, "after").textContent = now;
    if (old !== now) changed += 1;
  }
  root.querySelector("[data-changes-none]").hidden = changed > 0;
}

boot("form[data-quiz]", initQuiz);
