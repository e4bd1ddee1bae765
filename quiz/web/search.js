/* The search box, on every page: search as soon as the query changes, however it changed. */

// ------------------------------------------------------------------ search box

/**
 * Material reads the query on keyup (and on focus), so a query pasted with the mouse, dropped,
 * filled in by the browser, or a word that a Korean input method finishes without a key
 * coming up (compositionend) waited for the next key. Announce each such change as a keyup.
 * Material ignores a keyup that leaves the query as it was, so a typed key searches once.
 */
function initSearchBox(field) {
  if (field.hasAttribute("data-crf-search-ready")) return;
  field.setAttribute("data-crf-search-ready", "");
  const search = () => field.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  field.addEventListener("input", (event) => {
    if (!event.isComposing) search(); // mid-composition text is not a word yet
  });
  field.addEventListener("compositionend", search);
}

const searchField = document.querySelector("[data-md-component=search-query]");
if (searchField) {
  try {
    initSearchBox(searchField);
  } catch (error) {
    console.error("search box:", error);
  }
}
