/*
 * Client Red Flags: the screening quiz. A classic deferred script with no framework, so the quiz
 * also works from a copy of the site opened from disk. Scoring follows quiz/scoring.py exactly
 * (tests/browser/test_quiz_parity.py holds them together). The page is complete without this
 * script; the script reveals the controls that need it, checks the answers and fills in the
 * server-rendered result. It never builds markup from data.
 */
(function () {
  "use strict";

  /** A required part of the quiz page is missing or malformed. */
  class QuizError extends Error {
    constructor(message) {
      super(message);
      this.name = "QuizError";
    }
  }

  /**
   * Score answers by the rule of quiz/scoring.py.
   * @param {{thresholds: Object<string, number>, minDefinite: number, flags: Array}} data
   * @param {Map<string, string>} answers question id -> option id; missing means unanswered
   * @returns {{band: string, score: ?number, flags: Array, dealbreakers: Array, definite: number, total: number}}
   */
  function score(data, answers) {
    let weighted = 0;
    let weightTotal = 0;
    let definiteTotal = 0;
    let total = 0;
    const flags = [];
    const dealbreakers = [];
    for (const flag of data.flags) {
      let points = 0;
      let maximum = 0;
      let definite = 0;
      for (const question of flag.questions) {
        total += 1;
        const chosen = answers.get(question.id);
        const option = question.options.find((candidate) => candidate.id === chosen);
        if (!option || option.unsure) continue;
        points += option.points;
        maximum += question.max;
        definite += 1;
        if (option.dealbreaker) dealbreakers.push(question.id + ":" + option.id);
      }
      definiteTotal += definite;
      const ratio = definite ? points / maximum : null;
      if (ratio !== null) {
        weighted += flag.weight * ratio;
        weightTotal += flag.weight;
      }
      flags.push({ id: flag.id, score: ratio === null ? null : roundHalfUp(100 * ratio) });
    }
    const overall = weightTotal ? roundHalfUp((100 * weighted) / weightTotal) : null;
    return {
      band: band(data, overall, definiteTotal, total, dealbreakers.length > 0),
      score: overall,
      flags: flags,
      dealbreakers: dealbreakers,
      definite: definiteTotal,
      total: total,
    };
  }

  function band(data, overall, definite, total, dealbreaker) {
    if (dealbreaker) return "walk-away";
    if (definite < data.minDefinite * total || overall === null) return "not-enough-info";
    const t = data.thresholds;
    if (overall < t["proceed-with-care"]) return "good-fit";
    if (overall < t["high-risk"]) return "proceed-with-care";
    if (overall < t["walk-away"]) return "high-risk";
    return "walk-away";
  }

  function roundHalfUp(x) {
    return Math.floor(x + 0.5);
  }

  /** Fill {name} placeholders; the result is only ever used as text. */
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, (match, key) => (key in values ? String(values[key]) : match));
  }

  function required(scope, selector) {
    const element = scope.querySelector(selector);
    if (!element) throw new QuizError("The quiz page has no " + selector);
    return element;
  }

  /** Set up one quiz form. */
  function initQuiz(form) {
    if (form.hasAttribute("data-quiz-ready")) return;
    const scope = form.closest("[data-quiz-scope]");
    if (!scope) throw new QuizError("The quiz form is not inside [data-quiz-scope]");
    const data = JSON.parse(required(scope, "script[data-quiz-data]").textContent);
    const parts = {
      errors: required(scope, "[data-quiz-errors]"),
      progress: required(form, "[data-quiz-progress]"),
      submit: required(form, "[data-quiz-submit]"),
      result: required(scope, "[data-quiz-result]"),
      announce: required(scope, "[data-quiz-announce]"),
    };
    const strings = data.strings;
    const questionIds = data.flags.flatMap((flag) => flag.questions.map((question) => question.id));
    form.setAttribute("data-quiz-ready", "");
    scope.querySelectorAll("[data-quiz-noscript]").forEach((element) => (element.hidden = true));
    parts.submit.hidden = false;
    parts.progress.hidden = false;

    function answers() {
      const map = new Map();
      for (const input of form.querySelectorAll("input[type=radio]:checked")) map.set(input.name, input.value);
      return map;
    }

    function updateProgress(current) {
      const answered = questionIds.filter((id) => current.has(id)).length;
      parts.progress.textContent = format(strings["quiz.progress"], { answered: answered, total: questionIds.length });
    }

    function setError(id, on) {
      const fieldset = form.querySelector('fieldset[data-question="' + id + '"]');
      const message = fieldset.querySelector("[data-error-message]");
      message.hidden = !on;
      fieldset.classList.toggle("crf-question--error", on);
      fieldset.setAttribute("aria-describedby", "hint-" + id + (on ? " " + message.id : ""));
      const item = parts.errors.querySelector('[data-error-for="' + id + '"]');
      if (item) item.hidden = !on;
    }

    function showErrors(missing) {
      for (const id of questionIds) setError(id, missing.includes(id));
      parts.errors.hidden = false;
      parts.errors.focus();
    }

    function hideErrors() {
      for (const id of questionIds) setError(id, false);
      parts.errors.hidden = true;
    }

    function render(current, moveFocus) {
      const result = score(data, current);
      fillResult(parts.result, result, current, form, data);
      parts.result.hidden = false;
      const title = parts.result.querySelector('[data-band-text="' + result.band + '"] [data-band-title]');
      const announcement = result.score === null ? strings["quiz.announce.unknown"] : strings["quiz.announce"];
      parts.announce.textContent = format(announcement, { band: title.textContent.trim(), score: result.score });
      if (moveFocus) parts.result.focus();
    }

    form.addEventListener("change", (event) => {
      const current = answers();
      updateProgress(current);
      if (event.target.name && current.has(event.target.name)) setError(event.target.name, false);
      if (parts.errors.querySelectorAll("[data-error-for]:not([hidden])").length === 0) parts.errors.hidden = true;
      if (!parts.result.hidden && questionIds.every((id) => current.has(id))) render(current, false);
    });

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const current = answers();
      const missing = questionIds.filter((id) => !current.has(id));
      if (missing.length) {
        parts.result.hidden = true;
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

    updateProgress(answers());
  }

  /** Show the parts of the server-rendered result that apply, and fill in its numbers. */
  function fillResult(root, result, current, form, data) {
    const strings = data.strings;
    root.setAttribute("data-band", result.band);
    root.setAttribute("data-score", result.score === null ? "" : String(result.score));
    for (const element of root.querySelectorAll("[data-band-text], [data-band-next]")) {
      const id = element.getAttribute("data-band-text") || element.getAttribute("data-band-next");
      element.hidden = id !== result.band;
    }
    slot(root, "score").textContent = result.score === null ? strings["result.score.unknown"] : String(result.score);
    slot(root, "out-of").hidden = result.score === null;
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

    const concerns = result.flags
      .filter((flag) => flag.score !== null && flag.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, data.topConcerns);
    const container = root.querySelector("[data-concerns]");
    for (const section of container.querySelectorAll("[data-concern]")) section.hidden = true;
    for (const flag of concerns) {
      const section = container.querySelector('[data-concern="' + flag.id + '"]');
      slot(section, "score").textContent = String(flag.score);
      for (const item of section.querySelectorAll("[data-concern-answer]")) {
        const input = chosenInput(form, item.getAttribute("data-concern-answer"), current);
        const raised = Boolean(input) && Number(input.getAttribute("data-points")) > 0;
        item.hidden = !raised;
        if (raised) slot(item, "answer").textContent = "— " + input.labels[0].textContent.trim();
      }
      section.hidden = false;
      container.appendChild(section); // keep the highest concern first
    }
    root.querySelector("[data-concerns-none]").hidden = concerns.length > 0;

    let asks = 0;
    for (const item of root.querySelectorAll("[data-ask]")) {
      const input = chosenInput(form, item.getAttribute("data-ask"), current);
      item.hidden = !(input === null || input.hasAttribute("data-unsure"));
      if (!item.hidden) asks += 1;
    }
    root.querySelector("[data-result-asks]").hidden = asks === 0;
  }

  function chosenInput(form, questionId, current) {
    const optionId = current.get(questionId);
    if (optionId === undefined) return null;
    return form.querySelector('input[type=radio][name="' + questionId + '"][value="' + optionId + '"]');
  }

  function slot(root, name) {
    return root.querySelector('[data-slot="' + name + '"]');
  }

  for (const form of document.querySelectorAll("form[data-quiz]")) {
    try {
      initQuiz(form);
    } catch (error) {
      // One broken widget must not break the page: leave the no-script form in place.
      console.error(error);
    }
  }
})();
