/* Finding a widget and its parts, reading its data island, and writing text: shared by every page. */

/**
 * Start every widget found by its root attribute, once, so that one broken widget never breaks
 * the page. The root is marked `<attribute>-ready` when set up (after what `init` awaits, such as
 * reading the saved prospects).
 * @param {string} attribute the root's data attribute, e.g. "data-prospects"
 * @param {function(Element, Object): (void|Promise)} init called with the root and its data island
 */
export function boot(attribute, init) {
  for (const root of document.querySelectorAll("[" + attribute + "]")) {
    if (root.hasAttribute(attribute + "-ready")) continue;
    // Leave the widget's no-script content in place when it fails.
    new Promise((resolve) => resolve(init(root, readData(root)))).then(() => root.setAttribute(attribute + "-ready", ""), console.error);
  }
}

/** Mark `element` busy (aria-busy) until `promise` settles, however many overlap; returns it. */
export function busy(element, promise) {
  element.busy = (element.busy || 0) + 1;
  element.setAttribute("aria-busy", "true");
  const done = () => --element.busy || element.removeAttribute("aria-busy");
  promise.then(done, done);
  return promise;
}

/** The widget's JSON island: every number and name its script needs, from quiz/site/view.py. */
function readData(root) {
  return JSON.parse(required(root, "script[data-quiz-data]").textContent);
}

/** The one element inside the widget that matches; a missing part is a broken page, which stops
    the widget (boot) and leaves its no-script content. */
export function required(root, selector) {
  const element = root.querySelector(selector);
  if (!element) throw new Error("The page has no " + selector);
  return element;
}

/** Every element inside the widget that carries `attribute`, by its value. */
export function byAttribute(root, attribute) {
  return new Map([...root.querySelectorAll("[" + attribute + "]")].map((element) => [element.getAttribute(attribute), element]));
}

export function slot(root, name) {
  return root.querySelector('[data-slot="' + name + '"]');
}

/** Fill {name} placeholders; the result is only ever used as text. */
export function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (match, key) => (key in values ? String(values[key]) : match));
}

/** A message whose {reason} is itself a string key, formatted with the same values. */
export function message(strings, key, values) {
  const resolved = { ...values };
  if (typeof resolved.reason === "string" && resolved.reason.startsWith("reason.")) {
    resolved.reason = format(strings[resolved.reason], values);
  }
  return format(strings[key], resolved);
}

/** A message for a count, in the page's language: `key.one` or `key.other` (Intl.PluralRules,
    made once). */
let plurals = null;
export function counted(strings, key, count) {
  plurals = plurals || new Intl.PluralRules(document.documentElement.lang || "en");
  const form = plurals.select(count);
  return format(strings[key + "." + form] || strings[key + ".other"], { count: count });
}

/** A score as the page shows it: the number, or the given text when unknown. */
export function shown(value, unknown) {
  return value === null ? unknown : String(value);
}

/** A date (ISO text or milliseconds) in the page's language; by default with its time. One
    formatter per style, made once: a list of thousands of prospects formats thousands of dates. */
const formatters = new Map();
export function formatDate(date, style = { dateStyle: "medium", timeStyle: "short" }) {
  const key = JSON.stringify(style);
  if (!formatters.has(key)) formatters.set(key, new Intl.DateTimeFormat(document.documentElement.lang || "en", style));
  return formatters.get(key).format(new Date(date));
}

/** GOV.UK's error summary, on a click in it: a link to a field focuses that field and brings its
    label into view (`.crf-field`, the field's box). For the prospects page's forms. */
export function followFieldLink(event) {
  const link = event.target.closest("a[href^='#']");
  if (!link) return;
  event.preventDefault();
  const input = document.getElementById(link.getAttribute("href").slice(1));
  input.focus({ preventScroll: true });
  input.closest(".crf-field").scrollIntoView({ block: "start" });
}

/** Make the ids of a copy of a template its own: "__ID__" in every id, and in every attribute
    that names one, becomes `id` (a row per prospect on the prospects page, each with its forms). */
export function ownIds(root, id) {
  for (const element of root.querySelectorAll("[id], [for], [name], [href^='#'], [aria-describedby]")) {
    for (const name of ["id", "for", "name", "href", "aria-describedby"]) {
      const value = element.getAttribute(name);
      if (value) element.setAttribute(name, value.split("__ID__").join(id));
    }
  }
}

/** Save `text` as a file named `name`, made here: a Blob's address on a hidden `<a download>`
    (nothing is requested; the Content Security Policy restricts no download). */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type: type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function notify(element, text) {
  element.textContent = text;
  element.hidden = !text;
}
