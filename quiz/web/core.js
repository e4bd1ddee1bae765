/*
 * Shared by both bundles: constants, errors, the scoring rule (the same as quiz/scoring.py),
 * stored prospects, share links and small helpers. quiz/bundle.py wraps this file and one
 * widget file in a single strict-mode function, so nothing leaks into the page's globals.
 */

const STORE_KEY = "client-red-flags:prospects";
const STORE_VERSION = 1;
const EXPORT_FORMAT = "client-red-flags/prospects";
const SHARE_VERSION = "1";
const MAX_NAME = 120;
const MAX_IMPORT_BYTES = 1024 * 1024;
const ID = /^p-[a-z0-9]{8,24}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SHARE_PART = /^([0-9a-z]{5})\.([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** A required part of a page is missing or malformed. */
class QuizError extends Error {
  constructor(message) {
    super(message);
    this.name = "QuizError";
  }
}

/** Untrusted input (a link, a file, stored data) was refused; `reason` is a string key. */
class InputError extends Error {
  constructor(reason, values) {
    super(reason);
    this.name = "InputError";
    this.reason = reason;
    this.values = values || {};
  }
}

// ------------------------------------------------------------------ scoring

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

/** The flags with the highest scores above zero, highest first. */
/** The flags the result explains, strongest first: all at or above high risk, at least minConcerns. */
function topConcerns(data, result) {
  const raised = result.flags.filter((flag) => flag.score !== null && flag.score > 0).sort((a, b) => b.score - a.score);
  const strong = raised.filter((flag) => flag.score >= data.thresholds["high-risk"]).length;
  return raised.slice(0, Math.max(strong, data.minConcerns));
}

// ------------------------------------------------------------------ stored prospects

function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function validDate(value) {
  return typeof value === "string" && value.length <= 40 && !Number.isNaN(Date.parse(value));
}

function validAnswers(value) {
  if (!isPlainObject(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= 2000 &&
    entries.every(([key, option]) => key.length <= 64 && SLUG.test(key) && typeof option === "string" && option.length <= 64 && SLUG.test(option))
  );
}

function validName(value) {
  return typeof value === "string" && value.trim().length > 0 && value.length <= MAX_NAME;
}

/** Whether an untrusted value is a well-formed saved prospect. */
function validProspect(value) {
  if (!isPlainObject(value)) return false;
  const previous = value.previous;
  return (
    typeof value.id === "string" && ID.test(value.id) &&
    validName(value.name) && validDate(value.created) && validDate(value.updated) &&
    validAnswers(value.answers) &&
    (previous === null || previous === undefined ||
      (isPlainObject(previous) && validDate(previous.updated) && validAnswers(previous.answers)))
  );
}

/**
 * Read the saved prospects. Nothing readable is ever dropped: unreadable entries are kept
 * aside and written back untouched; an unreadable value is moved to a backup key first; a
 * store from a newer version is opened read-only.
 */
function readStore() {
  const store = { prospects: [], invalid: [], readOnly: false, problem: null };
  let raw;
  try {
    raw = window.localStorage.getItem(STORE_KEY);
  } catch (error) {
    return { ...store, readOnly: true, problem: ["work.storage.error", { reason: "reason.storage" }] };
  }
  if (raw === null) return store;
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    return setAside(store, raw);
  }
  if (!isPlainObject(parsed) || typeof parsed.version !== "number" || !Array.isArray(parsed.prospects)) {
    return setAside(store, raw);
  }
  if (parsed.version > STORE_VERSION) {
    store.prospects = parsed.prospects.filter(validProspect);
    return { ...store, readOnly: true, problem: ["work.storage.future", {}] };
  }
  if (parsed.version !== STORE_VERSION) return setAside(store, raw);
  const seen = new Set();
  for (const entry of parsed.prospects) {
    if (validProspect(entry) && !seen.has(entry.id)) {
      seen.add(entry.id);
      store.prospects.push(entry);
    } else {
      store.invalid.push(entry);
    }
  }
  if (store.invalid.length) store.problem = ["work.storage.skipped", { count: store.invalid.length }];
  return store;
}

function setAside(store, raw) {
  const backup = STORE_KEY + ":damaged:" + Date.now();
  try {
    window.localStorage.setItem(backup, raw);
    window.localStorage.removeItem(STORE_KEY);
  } catch (error) {
    return { ...store, readOnly: true, problem: ["work.storage.error", { reason: "reason.storage" }] };
  }
  return { ...store, problem: ["work.storage.damaged", { key: backup }] };
}

/** Write the prospects (and any entries kept aside) back; throws InputError when refused. */
function writeStore(store, prospects) {
  if (store.readOnly) throw new InputError("reason.storage");
  try {
    const value = { version: STORE_VERSION, prospects: prospects.concat(store.invalid) };
    window.localStorage.setItem(STORE_KEY, JSON.stringify(value));
  } catch (error) {
    throw new InputError("reason.storage");
  }
  store.prospects = prospects;
}

function clearStore() {
  const keys = [];
  for (let index = 0; index < window.localStorage.length; index += 1) {
    const key = window.localStorage.key(index);
    if (key === STORE_KEY || key.startsWith(STORE_KEY + ":")) keys.push(key);
  }
  keys.forEach((key) => window.localStorage.removeItem(key));
}

function newId() {
  const bytes = new Uint8Array(10);
  window.crypto.getRandomValues(bytes);
  return "p-" + Array.from(bytes, (byte) => (byte % 36).toString(36)).join("");
}

function toMap(answers) {
  return new Map(Object.entries(answers));
}

function toObject(answers) {
  return Object.fromEntries(answers);
}

// ------------------------------------------------------------------ share links

/** The URL fragment (without #) that carries a prospect's answers and name. */
function encodeShare(data, answers, name) {
  const parts = [];
  for (const flag of data.flags) {
    for (const question of flag.questions) {
      if (answers.has(question.id)) parts.push(question.key + "." + answers.get(question.id));
    }
  }
  const params = new URLSearchParams();
  params.set("v", SHARE_VERSION);
  if (name) params.set("n", name);
  params.set("a", parts.join("_"));
  return params.toString();
}

/** Read a share fragment; unknown questions and options are left out, anything malformed throws. */
function decodeShare(data, fragment) {
  const params = new URLSearchParams(fragment);
  const version = params.get("v");
  if (version === null || !/^[0-9]{1,4}$/.test(version)) throw new InputError("reason.link");
  if (Number(version) > Number(SHARE_VERSION)) throw new InputError("reason.version");
  if (version !== SHARE_VERSION) throw new InputError("reason.link");
  const encoded = params.get("a");
  const name = params.get("n") || "";
  if (encoded === null || encoded.length > 20000 || name.length > MAX_NAME) throw new InputError("reason.link");
  const byKey = new Map();
  for (const flag of data.flags) for (const question of flag.questions) byKey.set(question.key, question);
  const answers = new Map();
  for (const part of encoded ? encoded.split("_") : []) {
    const match = SHARE_PART.exec(part);
    if (!match) throw new InputError("reason.link");
    const question = byKey.get(match[1]);
    if (question && question.options.some((option) => option.id === match[2])) answers.set(question.id, match[2]);
  }
  return { answers: answers, name: name.trim() };
}

// ------------------------------------------------------------------ shared helpers

/** Fill {name} placeholders; the result is only ever used as text. */
function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (match, key) => (key in values ? String(values[key]) : match));
}

/** A message whose {reason} is itself a string key, formatted with the same values. */
function message(strings, key, values) {
  const resolved = { ...values };
  if (typeof resolved.reason === "string" && resolved.reason.startsWith("reason.")) {
    resolved.reason = format(strings[resolved.reason], values);
  }
  return format(strings[key], resolved);
}

function required(scope, selector) {
  const element = scope.querySelector(selector);
  if (!element) throw new QuizError("The page has no " + selector);
  return element;
}

function slot(root, name) {
  return root.querySelector('[data-slot="' + name + '"]');
}

function readData(scope) {
  return JSON.parse(required(scope, "script[data-quiz-data]").textContent);
}

function formatDate(iso) {
  const language = document.documentElement.lang || "en";
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** Start every widget of one kind, so that one broken widget never breaks the page. */
function boot(selector, init) {
  for (const element of document.querySelectorAll(selector)) {
    try {
      init(element);
    } catch (error) {
      // Leave the widget's no-script content in place.
      console.error(error);
    }
  }
}
