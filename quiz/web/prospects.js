/* The saved-prospects page: list, compare, delete with undo, export, import, delete all. The
   widget is the `[data-prospects]` element; every part the script touches is inside it. */

const EXPORT_FORMAT = "client-red-flags/prospects";
const MAX_IMPORT_BYTES = 1024 * 1024;

/**
 * Set up the saved-prospects page.
 * @param {Element} root the `[data-prospects]` element
 * @param {Object} data its JSON island (quiz/site/view.py)
 */
function initProspects(root, data) {
  const template = required(root, "template[data-prospect-template]");
  const page = {
    data: data,
    strings: data.strings,
    flagNames: new Map(data.flags.map((flag) => [flag.id, flag.name])),
    quizHref: required(template.content, '[data-slot="open"]').getAttribute("href"),
    parts: {
      status: required(root, "[data-prospects-status]"),
      undoRow: required(root, "[data-undo-row]"),
      empty: required(root, "[data-prospects-empty]"),
      listWrap: required(root, "[data-prospects-list-wrap]"),
      list: required(root, "[data-prospects-list]"),
      template: template,
      compareError: required(root, "[data-compare-error]"),
      comparison: required(root, "[data-comparison]"),
      importInput: required(root, 'input[type=file][data-action="import"]'),
      confirm: required(root, "[data-clear-confirm]"),
      export: required(root, '[data-action="export"]'),
      clearAll: required(root, '[data-action="clear-all"]'),
    },
    store: readStore(),
    deleted: null, // the last deleted prospect and its place, for undo
  };
  const on = (action, handler, type) => required(root, '[data-action="' + action + '"]').addEventListener(type || "click", handler);
  on("undo", () => undo(page));
  on("compare", () => compare(page));
  on("export", () => exportAll(page));
  on("import", () => importFile(page), "change");
  on("clear-all", () => {
    page.parts.confirm.hidden = false;
    page.parts.confirm.focus();
  });
  on("clear-all-confirm", () => clearAll(page));
  on("clear-all-cancel", () => {
    page.parts.confirm.hidden = true;
    page.parts.clearAll.focus();
  });
  root.querySelectorAll("[data-data-actions], [data-import-field], [data-clear-actions]").forEach((element) => (element.hidden = false));
  if (page.store.problem) say(page, message(page.strings, page.store.problem[0], page.store.problem[1]));
  renderList(page);
}

function say(page, text) {
  page.parts.status.textContent = text;
}

function renderList(page) {
  const { parts, strings } = page;
  const prospects = page.store.prospects.slice().sort((a, b) => (a.updated < b.updated ? 1 : -1));
  parts.list.replaceChildren();
  for (const prospect of prospects) {
    const row = parts.template.content.firstElementChild.cloneNode(true);
    const result = score(page.data, toMap(prospect.answers));
    row.setAttribute("data-id", prospect.id);
    slot(row, "name").textContent = prospect.name;
    slot(row, "date").textContent = formatDate(prospect.updated);
    slot(row, "band").textContent = page.data.bands[result.band];
    slot(row, "score").textContent = shown(result.score, strings["result.score.unknown"]);
    slot(row, "open").setAttribute("href", page.quizHref + "#prospect=" + prospect.id);
    const checkbox = required(row, "[data-compare]");
    checkbox.value = prospect.id;
    checkbox.setAttribute("aria-label", format(strings["prospects.select.label"], { name: prospect.name }));
    required(row, '[data-action="delete"]').addEventListener("click", () => remove(page, prospect.id));
    parts.list.appendChild(row);
  }
  parts.empty.hidden = prospects.length > 0;
  parts.listWrap.hidden = prospects.length === 0;
  parts.export.disabled = prospects.length === 0;
}

/** Write the prospects, or say why not; whether it worked. */
function write(page, prospects) {
  try {
    writeStore(page.store, prospects);
    return true;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    say(page, message(page.strings, "work.storage.error", { reason: error.reason }));
    return false;
  }
}

function remove(page, id) {
  const prospects = page.store.prospects;
  const index = prospects.findIndex((prospect) => prospect.id === id);
  if (index < 0) return;
  const prospect = prospects[index];
  if (!write(page, prospects.filter((candidate) => candidate.id !== id))) return;
  page.deleted = { prospect: prospect, index: index };
  page.parts.comparison.hidden = true;
  renderList(page);
  say(page, format(page.strings["prospects.deleted"], { name: prospect.name }));
  page.parts.undoRow.hidden = false;
  page.parts.undoRow.querySelector("button").focus();
}

function undo(page) {
  const deleted = page.deleted;
  if (!deleted) return;
  const prospects = page.store.prospects.slice();
  prospects.splice(Math.min(deleted.index, prospects.length), 0, deleted.prospect);
  if (!write(page, prospects)) return;
  say(page, format(page.strings["prospects.restored"], { name: deleted.prospect.name }));
  page.deleted = null;
  page.parts.undoRow.hidden = true;
  renderList(page);
}

/** A table of the two to four ticked prospects: band, score, each flag and the concerns. */
function compare(page) {
  const { parts, strings, data } = page;
  const ids = [...parts.list.querySelectorAll("[data-compare]:checked")].map((box) => box.value);
  parts.compareError.hidden = ids.length >= 2 && ids.length <= 4;
  if (!parts.compareError.hidden) {
    parts.comparison.hidden = true;
    return;
  }
  const head = required(parts.comparison, "[data-compare-head]");
  const rows = parts.comparison.querySelectorAll("[data-compare-row]");
  head.replaceChildren(head.firstElementChild);
  for (const row of rows) row.replaceChildren(row.firstElementChild);
  for (const id of ids) {
    const prospect = page.store.prospects.find((candidate) => candidate.id === id);
    const result = score(data, toMap(prospect.answers));
    const heading = document.createElement("th");
    heading.scope = "col";
    heading.textContent = prospect.name;
    head.appendChild(heading);
    const value = (number) => shown(number, strings["result.flag.unknown"]);
    const cells = { band: data.bands[result.band], score: value(result.score) };
    result.flags.forEach((flag) => (cells[flag.id] = value(flag.score)));
    cells.concerns = topConcerns(data, result).map((flag) => page.flagNames.get(flag.id)).join(", ") || "—";
    for (const row of rows) {
      const cell = document.createElement("td");
      cell.textContent = cells[row.getAttribute("data-compare-row")];
      row.appendChild(cell);
    }
  }
  parts.comparison.hidden = false;
  parts.comparison.focus();
}

function exportAll(page) {
  const prospects = page.store.prospects;
  const date = new Date().toISOString();
  const file = "client-red-flags-prospects-" + date.slice(0, 10) + ".json";
  const body = { format: EXPORT_FORMAT, version: STORE_VERSION, exported: date, prospects: prospects };
  const url = URL.createObjectURL(new Blob([JSON.stringify(body, null, 2)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
  say(page, format(page.strings["prospects.export.done"], { count: prospects.length, file: file }));
}

async function importFile(page) {
  const input = page.parts.importInput;
  const file = input.files[0];
  if (!file) return;
  try {
    if (file.size > MAX_IMPORT_BYTES) throw new InputError("reason.size");
    const incoming = parseExport(await file.text());
    const { prospects, counts } = merge(page.store.prospects, incoming);
    writeStore(page.store, prospects);
    say(page, format(page.strings["prospects.import.done"], counts));
    renderList(page);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    say(page, message(page.strings, "prospects.import.error", { ...error.values, reason: error.reason }));
  } finally {
    input.value = "";
  }
}

/** The prospects of an untrusted export file; throws InputError unless every entry is sound. */
function parseExport(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError("reason.json");
  }
  if (!isPlainObject(parsed) || parsed.format !== EXPORT_FORMAT || typeof parsed.version !== "number" || !Array.isArray(parsed.prospects)) {
    throw new InputError("reason.format");
  }
  if (parsed.version > STORE_VERSION) throw new InputError("reason.version");
  if (parsed.version !== STORE_VERSION) throw new InputError("reason.format");
  const seen = new Set();
  parsed.prospects.forEach((entry, index) => {
    if (!validProspect(entry) || seen.has(entry.id)) throw new InputError("reason.entry", { number: index + 1 });
    seen.add(entry.id);
  });
  return parsed.prospects.map((entry) => ({
    id: entry.id, name: entry.name, created: entry.created, updated: entry.updated,
    answers: entry.answers, previous: entry.previous || null,
  }));
}

/** Imported entries merged by id: new ones added, a newer copy replacing an older one. */
function merge(current, incoming) {
  const counts = { added: 0, updated: 0, kept: 0, same: 0 };
  const prospects = current.slice();
  for (const entry of incoming) {
    const index = prospects.findIndex((prospect) => prospect.id === entry.id);
    if (index < 0) {
      prospects.push(entry);
      counts.added += 1;
    } else if (entry.updated > prospects[index].updated) {
      prospects[index] = entry;
      counts.updated += 1;
    } else if (entry.updated < prospects[index].updated) {
      counts.kept += 1;
    } else {
      counts.same += 1;
    }
  }
  return { prospects: prospects, counts: counts };
}

function clearAll(page) {
  try {
    clearStore();
  } catch (error) {
    say(page, message(page.strings, "work.storage.error", { reason: "reason.storage" }));
    return;
  }
  page.store = readStore();
  page.parts.confirm.hidden = true;
  page.parts.comparison.hidden = true;
  page.parts.undoRow.hidden = true;
  page.deleted = null;
  renderList(page);
  say(page, page.strings["prospects.cleared"]);
}

/** Delete every value this site keeps under its key (store.js), backups of damaged ones included. */
function clearStore() {
  const keys = [];
  for (let index = 0; index < window.localStorage.length; index += 1) {
    const key = window.localStorage.key(index);
    if (key === STORE_KEY || key.startsWith(STORE_KEY + ":")) keys.push(key);
  }
  keys.forEach((key) => window.localStorage.removeItem(key));
}

boot("data-prospects", initProspects);
