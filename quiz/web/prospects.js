/* The saved-prospects page: list, compare, delete with undo, export, import, delete all. */

// ------------------------------------------------------------------ saved prospects page

/** Set up the saved-prospects page. */
function initProspects(root) {
  if (root.hasAttribute("data-prospects-ready")) return;
  const data = readData(root);
  const strings = data.strings;
  const parts = {
    status: required(root, "[data-prospects-status]"),
    undoRow: required(root, "[data-undo-row]"),
    empty: required(root, "[data-prospects-empty]"),
    listWrap: required(root, "[data-prospects-list-wrap]"),
    list: required(root, "[data-prospects-list]"),
    template: required(root, "template[data-prospect-template]"),
    compareError: required(root, "[data-compare-error]"),
    comparison: required(root, "[data-comparison]"),
    importInput: required(root, 'input[type=file][data-action="import"]'),
    confirm: required(root, "[data-clear-confirm]"),
  };
  const quizHref = parts.template.content.querySelector('[data-slot="open"]').getAttribute("href");
  const bandName = (id) => required(root, '[data-band-name="' + id + '"]').textContent;
  const flagName = (id) => required(root, '[data-flag-name="' + id + '"]').textContent;
  let store = readStore();
  let deleted = null;

  root.setAttribute("data-prospects-ready", "");
  root.querySelectorAll("[data-data-actions], [data-import-field], [data-clear-actions]").forEach((element) => (element.hidden = false));

  function say(text) {
    parts.status.textContent = text;
  }

  function renderList() {
    const prospects = store.prospects.slice().sort((a, b) => (a.updated < b.updated ? 1 : -1));
    parts.list.replaceChildren();
    for (const prospect of prospects) {
      const row = parts.template.content.firstElementChild.cloneNode(true);
      const result = score(data, toMap(prospect.answers));
      row.setAttribute("data-id", prospect.id);
      slot(row, "name").textContent = prospect.name;
      slot(row, "date").textContent = formatDate(prospect.updated);
      slot(row, "band").textContent = bandName(result.band);
      slot(row, "score").textContent = result.score === null ? strings["result.score.unknown"] : String(result.score);
      slot(row, "open").setAttribute("href", quizHref + "#prospect=" + prospect.id);
      const checkbox = row.querySelector("[data-compare]");
      checkbox.value = prospect.id;
      checkbox.setAttribute("aria-label", format(strings["prospects.select.label"], { name: prospect.name }));
      row.querySelector('[data-action="delete"]').addEventListener("click", () => remove(prospect.id));
      parts.list.appendChild(row);
    }
    parts.empty.hidden = prospects.length > 0;
    parts.listWrap.hidden = prospects.length === 0;
    root.querySelector('[data-action="export"]').disabled = prospects.length === 0;
  }

  function write(prospects) {
    try {
      writeStore(store, prospects);
      return true;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      say(message(strings, "work.storage.error", { reason: error.reason }));
      return false;
    }
  }

  function remove(id) {
    const index = store.prospects.findIndex((prospect) => prospect.id === id);
    if (index < 0) return;
    const prospect = store.prospects[index];
    if (!write(store.prospects.filter((candidate) => candidate.id !== id))) return;
    deleted = { prospect: prospect, index: index };
    parts.comparison.hidden = true;
    renderList();
    say(format(strings["prospects.deleted"], { name: prospect.name }));
    parts.undoRow.hidden = false;
    parts.undoRow.querySelector("button").focus();
  }

  function undo() {
    if (!deleted) return;
    const prospects = store.prospects.slice();
    prospects.splice(Math.min(deleted.index, prospects.length), 0, deleted.prospect);
    if (!write(prospects)) return;
    say(format(strings["prospects.restored"], { name: deleted.prospect.name }));
    deleted = null;
    parts.undoRow.hidden = true;
    renderList();
  }

  function compare() {
    const ids = [...parts.list.querySelectorAll("[data-compare]:checked")].map((box) => box.value);
    parts.compareError.hidden = ids.length >= 2 && ids.length <= 4;
    if (!parts.compareError.hidden) {
      parts.comparison.hidden = true;
      return;
    }
    const chosen = ids.map((id) => store.prospects.find((prospect) => prospect.id === id));
    const head = required(parts.comparison, "[data-compare-head]");
    head.replaceChildren(head.firstElementChild);
    for (const row of parts.comparison.querySelectorAll("[data-compare-row]")) row.replaceChildren(row.firstElementChild);
    for (const prospect of chosen) {
      const result = score(data, toMap(prospect.answers));
      const heading = document.createElement("th");
      heading.scope = "col";
      heading.textContent = prospect.name;
      head.appendChild(heading);
      const shown = (value) => (value === null ? strings["result.flag.unknown"] : String(value));
      const cells = { band: bandName(result.band), score: shown(result.score) };
      result.flags.forEach((flag) => (cells[flag.id] = shown(flag.score)));
      cells.concerns = topConcerns(data, result).map((flag) => flagName(flag.id)).join(", ") || "—";
      for (const row of parts.comparison.querySelectorAll("[data-compare-row]")) {
        const cell = document.createElement("td");
        cell.textContent = cells[row.getAttribute("data-compare-row")];
        row.appendChild(cell);
      }
    }
    parts.comparison.hidden = false;
    parts.comparison.focus();
  }

  function exportAll() {
    const date = new Date().toISOString();
    const file = "client-red-flags-prospects-" + date.slice(0, 10) + ".json";
    const body = { format: EXPORT_FORMAT, version: STORE_VERSION, exported: date, prospects: store.prospects };
    const url = URL.createObjectURL(new Blob([JSON.stringify(body, null, 2)], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = file;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 0);
    say(format(strings["prospects.export.done"], { count: store.prospects.length, file: file }));
  }

  async function importFile() {
    const file = parts.importInput.files[0];
    if (!file) return;
    try {
      if (file.size > MAX_IMPORT_BYTES) throw new InputError("reason.size");
      const incoming = parseExport(await file.text());
      const counts = { added: 0, updated: 0, kept: 0, same: 0 };
      const prospects = store.prospects.slice();
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
      writeStore(store, prospects);
      say(format(strings["prospects.import.done"], counts));
      renderList();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      say(message(strings, "prospects.import.error", { ...error.values, reason: error.reason }));
    } finally {
      parts.importInput.value = "";
    }
  }

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

  function clearAll() {
    try {
      clearStore();
    } catch (error) {
      say(message(strings, "work.storage.error", { reason: "reason.storage" }));
      return;
    }
    store = readStore();
    parts.confirm.hidden = true;
    parts.comparison.hidden = true;
    parts.undoRow.hidden = true;
    deleted = null;
    renderList();
    say(strings["prospects.cleared"]);
  }

  const on = (action, handler, type) => required(root, '[data-action="' + action + '"]').addEventListener(type || "click", handler);
  on("undo", undo);
  on("compare", compare);
  on("export", exportAll);
  on("import", importFile, "change");
  on("clear-all", () => {
    parts.confirm.hidden = false;
    parts.confirm.focus();
  });
  on("clear-all-confirm", clearAll);
  on("clear-all-cancel", () => {
    parts.confirm.hidden = true;
    root.querySelector('[data-action="clear-all"]').focus();
  });

  if (store.problem) say(message(strings, store.problem[0], store.problem[1]));
  renderList();
}

boot("[data-prospects]", initProspects);
