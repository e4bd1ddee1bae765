"""The saved-prospects workspace for tests: a reference model of the store in Python (README.md,
"Workspace test contract") and a driver for several tabs of the real site in one browser context.

The model says what must be stored after each operation: which prospects, with which names,
answers, history and outcomes (events), which tombstones, which unreadable entries. It predicts
everything but times and new ids (of prospects and of events), which it learns from the browser
(`Tabs.check`) once the rest agrees.
"""

from __future__ import annotations

import copy
import json
import re
import time
from dataclasses import dataclass, field
from datetime import datetime

from quiz import track_record
from quiz.drafting import NAME_MAX
from tests.support.quiz import QUIZ

KEY = "client-red-flags:prospects"
FORMAT = "client-red-flags/prospects"
VERSION = 4
VERSIONS = (1, 2, 3, 4)  # the formats this version reads
MAX_HISTORY = 10
MAX_EVENTS = 100
MAX_NOTE = track_record.MAX_NOTE
# An import's counts when it adds no event and leaves none out.
NO_OUTCOMES = {"outcomes": 0, "outcomes-both": 0, "outcomes-unreadable": 0}
KINDS = frozenset(outcome.id for outcome in QUIZ.outcomes)  # from their one source, quiz.yml
MAX_NAME = NAME_MAX  # the longest prospect name, from its one source
SUFFIX = {"en": " (imported)", "ko": " (가져옴)"}
_ID = re.compile(r"p-[a-z0-9]{8,24}")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?(?:Z|[+-]\d\d:\d\d)")


# ------------------------------------------------------------------ the rules, as data


def readable(entry) -> bool:
    """Whether an entry of a store or file (format 2 to 4) is a prospect (store.js,
    validProspect). Its events are not looked at: `read_events` reads them one by one."""
    return (
        _assessment(entry)
        and isinstance(entry.get("id"), str)
        and _ID.fullmatch(entry["id"]) is not None
        and isinstance(entry.get("name"), str)
        and entry["name"].strip() != ""
        and units(entry["name"]) <= MAX_NAME
        and _date(entry.get("created"))
        and isinstance(entry.get("history"), list)
        and len(entry["history"]) <= MAX_HISTORY
        and all(_assessment(old) for old in entry["history"])
    )


def readable_event(event) -> bool:
    """Whether a value is an outcome (events.js, validEvent), by the rule the track record's
    reference reads a store with (quiz/track_record.py): one rule in Python, as in the browser."""
    return track_record.readable_event(event, KINDS)


_ABSENT = object()  # a prospect without `events`


def read_events(events=_ABSENT, model: bool = False) -> tuple[list, list, bool]:
    """A prospect's `events` read one by one (events.js, readEvents): the readable ones, the
    unreadable ones as they are (an id an earlier readable one has makes an event unreadable too),
    and whether `events` is a list (when not, it is one unreadable value). In the `model`, an
    event recorded but not yet learnt has the id None."""
    if events is _ABSENT:
        return [], [], True
    if not isinstance(events, list):
        return [], [events], False
    readable_ones, unreadable, seen = [], [], set()
    for event in events:
        fresh = model and isinstance(event, dict) and "id" in event and event["id"] is None
        if fresh or (readable_event(event) and event["id"] not in seen):
            seen.add(event.get("id"))
            readable_ones.append(event)
        else:
            unreadable.append(event)
    return readable_ones, unreadable, True


def events_of(prospect: dict, model: bool = False) -> tuple[list, list, bool]:
    return read_events(prospect.get("events", _ABSENT), model)


def merge_events(ours=_ABSENT, theirs: list = ()) -> tuple[object, int, int] | None:
    """A file's readable events joined to ours (events.js, mergeEvents): the list (ours first,
    unreadable ones too, in place), how many were added and how many kept beside ours (a new id,
    learnt from the browser); None when too many, or when ours is not a list and the file adds."""
    readable_ones, _, is_list = read_events(ours, model=True)
    events = ([] if ours is _ABSENT else list(ours)) if is_list else ours
    added = both = 0
    for event in theirs:
        kept = copy.deepcopy(event)
        if any(known["id"] == event["id"] for known in readable_ones):
            if any(_content(known) == _content(event) for known in readable_ones):
                continue
            kept["id"] = None
            both += 1
        else:
            added += 1
        if not is_list:
            return None
        events.append(kept)
        readable_ones.append(kept)
    return None if is_list and len(events) > MAX_EVENTS else (events, added, both)


def _content(event):
    if not isinstance(event, dict):
        return event
    return {key: value for key, value in event.items() if key != "id"}


def units(text: str) -> int:
    """A text's length as JavaScript counts it: in UTF-16 code units (an emoji counts 2)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def clip(text: str, room: int) -> str:
    """The first `room` UTF-16 units of a text, never half a character (store.js, clip)."""
    kept = ""
    for character in text:
        if units(kept + character) > room:
            break
        kept += character
    return kept


def from_version_1(entry):
    """A format-1 entry as format 2: `previous` becomes the first of its history."""
    if not isinstance(entry, dict):
        return entry
    rest = {key: value for key, value in entry.items() if key != "previous"}
    previous = entry.get("previous")
    return {**rest, "history": [] if previous is None else [previous]}


def instant(date: str) -> float:
    return datetime.fromisoformat(date.replace("Z", "+00:00")).timestamp()


def same_assessment(a: dict, b: dict) -> bool:
    return instant(a["updated"]) == instant(b["updated"]) and a["answers"] == b["answers"]


# ------------------------------------------------------------------ the model


@dataclass
class Deleted:
    """What a prospects tab keeps for undo."""

    prospect: dict
    index: int
    at: str | None = None


@dataclass
class DeletedEvent:
    """What a prospects tab keeps to undo the deletion of one of a prospect's outcomes."""

    ident: str  # the prospect's
    event: dict
    index: int


@dataclass
class Model:
    """The store as it must be. Prospects are the stored dicts; a new one carries `"id": None`
    (and a new assessment `"updated": None`) until `learn` takes them from the browser."""

    prospects: list[dict] = field(default_factory=list)
    tombstones: dict[str, str | None] = field(default_factory=dict)
    invalid: list = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    @classmethod
    def of(cls, value: dict) -> Model:
        """The model of a stored value (format 1 to 4; the reader's settings are kept as they
        are, among the other keys)."""
        model = cls(
            extra={k: v for k, v in value.items() if k not in ("version", "prospects", "deleted")}
        )
        seen = set()
        for entry in value["prospects"]:
            prospect = from_version_1(entry) if value["version"] == 1 else entry
            if readable(prospect) and prospect["id"] not in seen:
                seen.add(prospect["id"])
                model.prospects.append(copy.deepcopy(prospect))
            else:
                model.invalid.append(entry)
        model.tombstones = dict(value.get("deleted") or {})
        return model

    def find(self, ident):
        return next((p for p in self.prospects if p["id"] == ident), None)

    def ids(self) -> list[str]:
        return [p["id"] for p in self.prospects]

    # -------------------------------------------------------------- operations

    def save(self, ident, name: str, answers: dict) -> dict:
        """The quiz page's save: a new assessment, the same answers (name only), or a new
        prospect when `ident` is not saved (any more)."""
        prospect = self.find(ident) if ident else None
        if prospect is None:
            prospect = {
                "id": None,
                "name": name,
                "created": None,
                "updated": None,
                "answers": dict(answers),
                "history": [],
            }
            self.prospects.append(prospect)
        elif prospect["answers"] == answers:
            prospect["name"] = name
        else:
            old = {"updated": prospect["updated"], "answers": prospect["answers"]}
            prospect.update(
                name=name,
                updated=None,
                answers=dict(answers),
                history=([old] + prospect["history"])[:MAX_HISTORY],
            )
        return prospect

    def delete(self, ident: str) -> Deleted | None:
        prospect = self.find(ident)
        if prospect is None:
            return None
        index = self.prospects.index(prospect)
        self.prospects.remove(prospect)
        deleted = Deleted(copy.deepcopy(prospect), index)
        self.tombstones[ident] = None  # the time comes from the browser: see `Tabs.deleted`
        return deleted

    def add_event(self, ident: str, kind: str, date: str, note: str = "") -> str:
        """Record an outcome (events.js, addEvent); its id comes from the browser."""
        prospect = self.find(ident)
        if prospect is None:
            return "gone"
        events = prospect.setdefault("events", [])
        if not isinstance(events, list):
            return "blocked"
        if len(events) >= MAX_EVENTS:
            return "full"
        events.append({"id": None, "kind": kind, "date": date, "note": note})
        return "added"

    def edit_event(self, ident: str, event_id: str, **fields) -> str:
        prospect = self.find(ident)
        if prospect is None:
            return "gone"
        index = _index(prospect, event_id)
        if index is None:
            return "missing"
        prospect["events"][index].update(fields)
        return "updated"

    def delete_event(self, ident: str, event_id: str) -> DeletedEvent | None:
        prospect = self.find(ident)
        index = _index(prospect, event_id) if prospect else None
        if index is None:
            return None
        return DeletedEvent(ident, copy.deepcopy(prospect["events"].pop(index)), index)

    def delete_unreadable_events(self, ident: str) -> int:
        """Delete a prospect's unreadable events (events.js, deleteUnreadableEvents): an `events`
        that is not a list goes as a whole; how many went."""
        prospect = self.find(ident)
        if prospect is None:
            return 0
        _, unreadable, is_list = events_of(prospect, model=True)
        if unreadable and not is_list:
            del prospect["events"]
        elif unreadable:
            prospect["events"] = [
                e for e in prospect["events"] if not any(e is u for u in unreadable)
            ]
        return len(unreadable)

    def undo(self, deleted: Deleted | DeletedEvent) -> str:
        if isinstance(deleted, DeletedEvent):
            prospect = self.find(deleted.ident)
            if prospect is None:
                return "gone"
            if _index(prospect, deleted.event["id"]) is not None:
                return "back"
            events = prospect.setdefault("events", [])
            if not isinstance(events, list):
                return "blocked"
            if len(events) >= MAX_EVENTS:
                return "full"
            events.insert(min(deleted.index, len(events)), copy.deepcopy(deleted.event))
            return "restored"
        ident = deleted.prospect["id"]
        if ident not in self.tombstones or self.tombstones[ident] != deleted.at:
            return "back" if self.find(ident) else "gone"
        del self.tombstones[ident]
        self.prospects.insert(
            min(deleted.index, len(self.prospects)), copy.deepcopy(deleted.prospect)
        )
        return "restored"

    def clear(self) -> None:
        self.prospects, self.tombstones, self.invalid, self.extra = [], {}, [], {}

    def export(self) -> list:
        """The `prospects` of an export file made now."""
        return copy.deepcopy(self.prospects) + copy.deepcopy(self.invalid)

    def import_file(self, body: dict, language: str = "en") -> dict:
        """Merge an export file (archive.js, mergeImport); the counts the summary must give."""
        entries = [from_version_1(e) if body["version"] == 1 else e for e in body["prospects"]]
        readable_entries = [copy.deepcopy(e) for e in entries if readable(e)]
        unreadable = [
            raw for raw, e in zip(body["prospects"], entries, strict=True) if not readable(e)
        ]
        counts = {
            "added": 0,
            "updated": 0,
            "both": 0,
            "same": 0,
            "unreadable": len(unreadable),
            "outcomes": 0,
            "outcomes-both": 0,
            "outcomes-unreadable": 0,
        }
        suffix = SUFFIX[language]

        def join(target: dict, entry: dict) -> bool:
            merged = merge_events(target.get("events", _ABSENT), entry.get("events", []))
            if merged is None:
                return False
            events, added, both = merged
            if added + both:
                target["events"] = events
            counts["outcomes"] += added
            counts["outcomes-both"] += both
            return True

        for entry in readable_entries:
            # The file's unreadable events are left out, and counted.
            readable_ones, unreadable_ones, _ = events_of(entry)
            if unreadable_ones:
                counts["outcomes-unreadable"] += len(unreadable_ones)
                entry.pop("events")
                if readable_ones:
                    entry["events"] = readable_ones
            ours = self.find(entry["id"])
            name = clip(entry["name"], MAX_NAME - units(suffix)) + suffix
            copy_ = next(
                (p for p in self.prospects if p["name"] == name and same_assessment(p, entry)),
                None,
            )
            if ours is None and copy_ is not None and join(copy_, entry):
                counts["same"] += 1
            elif ours is None and copy_ is None:
                self.prospects.append(entry)
                self.tombstones.pop(entry["id"], None)
                counts["added"] += 1
            elif (
                ours is not None
                and (
                    (ours["name"] == entry["name"])
                    if same_assessment(ours, entry)
                    else any(same_assessment(old, entry) for old in ours["history"])
                )
                and join(ours, entry)
            ):
                counts["same"] += 1
            elif (
                ours is not None
                and not same_assessment(ours, entry)
                and any(same_assessment(old, ours) for old in entry["history"])
                and join(ours, entry)
            ):
                merged = []
                for old in (
                    entry["history"]
                    + [{"updated": ours["updated"], "answers": ours["answers"]}]
                    + ours["history"]
                ):
                    if not any(same_assessment(kept, old) for kept in merged):
                        merged.append(old)
                merged.sort(key=lambda old: -instant(old["updated"]))
                merged = [old for old in merged if not same_assessment(old, entry)][:MAX_HISTORY]
                replaced = {**ours, **entry, "history": merged}
                replaced.pop("events", None)
                if "events" in ours:
                    replaced["events"] = ours["events"]
                self.prospects[self.prospects.index(ours)] = replaced
                counts["updated"] += 1
            elif copy_ is not None and join(copy_, entry):
                counts["same"] += 1
            else:
                self.prospects.append({**entry, "id": None, "name": name})
                counts["both"] += 1
        for raw in unreadable:
            if raw not in self.invalid:
                self.invalid.append(raw)
        return counts

    # -------------------------------------------------------------- agreement with the browser

    def learn(self, stored: dict) -> None:
        """Take new ids and times from what the browser stored, once everything else agrees."""
        known = {p["id"] for p in self.prospects if p["id"]}
        fresh = [
            p
            for p in stored["prospects"]
            if isinstance(p, dict) and p.get("id") not in known and readable(p)
        ]
        for prospect in self.prospects:
            if prospect["id"] is None:
                match = next(p for p in fresh if _shape(p) == _shape(prospect))
                fresh.remove(match)
                prospect["id"] = match["id"]
        by_id = {}
        for entry in stored["prospects"]:
            if readable(entry):
                by_id.setdefault(entry["id"], entry)
        for index, prospect in enumerate(self.prospects):
            # Every event id the model knows is kept where it was; new ones are learnt.
            known = _event_ids(prospect)
            kept = _event_ids(by_id[prospect["id"]])
            assert len(known) == len(kept), (known, kept)
            assert all(a is None or a == b for a, b in zip(known, kept, strict=True)), (known, kept)
            self.prospects[index] = copy.deepcopy(by_id[prospect["id"]])
        self.tombstones = dict(stored.get("deleted") or {})

    def shape(self) -> dict:
        """What must be stored, without times and new ids."""
        return {
            "prospects": sorted((_shape(p) for p in self.prospects), key=repr),
            "deleted": sorted(self.tombstones),
            "invalid": self.invalid,
            "extra": self.extra,
        }


def stored_shape(stored: dict) -> dict:
    """The same for a stored value (format 2 to 4)."""
    readable_ones = [p for p in stored["prospects"] if readable(p)]
    return {
        "prospects": sorted((_shape(p) for p in readable_ones), key=repr),
        "deleted": sorted(stored.get("deleted") or {}),
        "invalid": [p for p in stored["prospects"] if not readable(p)],
        "extra": {k: v for k, v in stored.items() if k not in ("version", "prospects", "deleted")},
    }


def _shape(prospect: dict):
    extra = {
        k: v
        for k, v in prospect.items()
        if k not in ("id", "name", "created", "updated", "answers", "history", "events")
    }
    return (
        prospect["name"],
        json.dumps(prospect["answers"], sort_keys=True),
        tuple(json.dumps(old["answers"], sort_keys=True) for old in prospect["history"]),
        json.dumps(extra, sort_keys=True),
        # Events in their order, without ids (new ones are learnt); `learn` checks the known ids.
        # Unreadable ones as they are; an `events` that is not a list, as it is.
        None
        if "events" not in prospect
        else tuple(json.dumps(_content(e), sort_keys=True) for e in prospect["events"])
        if isinstance(prospect["events"], list)
        else json.dumps(prospect["events"], sort_keys=True),
    )


def _index(prospect: dict, event_id: str) -> int | None:
    """Where a prospect's readable event `event_id` is in its `events` (events.js, indexOf)."""
    event = next((e for e in events_of(prospect, model=True)[0] if e["id"] == event_id), None)
    return (
        None if event is None else next(i for i, e in enumerate(prospect["events"]) if e is event)
    )


def _event_ids(prospect: dict) -> list:
    events = prospect.get("events", [])
    if not isinstance(events, list):
        return []
    return [e.get("id") if isinstance(e, dict) else repr(e) for e in events]


def _assessment(value) -> bool:
    return (
        isinstance(value, dict) and _date(value.get("updated")) and _answers(value.get("answers"))
    )


def _date(value) -> bool:
    if not isinstance(value, str) or _DATE.fullmatch(value) is None:
        return False
    try:
        instant(value)
    except ValueError:
        return False
    return True


def _answers(value) -> bool:
    return (
        isinstance(value, dict)
        and len(value) <= 2000
        and all(
            len(k) <= 64
            and _SLUG.fullmatch(k)
            and isinstance(v, str)
            and len(v) <= 64
            and _SLUG.fullmatch(v)
            for k, v in value.items()
        )
    )


def prospect(ident, name, answers, updated="2026-01-01T00:00:00.000Z", history=(), **extra) -> dict:
    """A stored prospect (format 2 to 4), created on 1 January 2026, with any `extra` keys (its
    `events`, or a newer version's)."""
    return {
        "id": ident,
        "name": name,
        "created": "2026-01-01T00:00:00.000Z",
        "updated": updated,
        "answers": answers,
        "history": list(history),
        **extra,
    }


# ------------------------------------------------------------------ the browser


# The site's IndexedDB (quiz/web/store.js), as a test reads it or sets up a case: "read" gives
# every record by key; "put" writes a value under a key.
_DATABASE = """async ([action, key, value]) => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open("client-red-flags"); // whatever its version
    request.onupgradeneeded = () => request.result.createObjectStore("store");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    return await new Promise((resolve, reject) => {
      const transaction = db.transaction("store", action === "read" ? "readonly" : "readwrite");
      const objects = transaction.objectStore("store");
      let result = null;
      if (action === "read") {
        const keys = objects.getAllKeys();
        const values = objects.getAll();
        values.onsuccess = () =>
          (result = Object.fromEntries(keys.result.map((k, i) => [k, values.result[i]])));
      } else objects.put(value, key);
      transaction.oncomplete = () => resolve(result);
      transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}"""


# The page loaded (before that, its widgets may not be parsed yet, and "every widget" would hold
# of none), every widget on it set up, and none reading or changing the store (aria-busy).
_IDLE = """() => document.readyState === "complete"
  && ["data-prospects", "data-quiz-scope"].every((root) =>
    [...document.querySelectorAll("[" + root + "]")].every((e) => e.hasAttribute(root + "-ready")))
  && document.querySelector("[aria-busy='true']") === null"""


def idle(page, timeout: float = 10.0) -> None:
    """Wait until the page has set up its widgets and finished reading or changing the store:
    after opening a page that shows saved prospects, and after every click that changes them."""
    poll(lambda: page.evaluate(_IDLE), "the page is done with the store", timeout)


def fill_date(fieldset, date: str) -> None:
    """Type `date` ("YYYY-MM-DD", or "" for none) into GOV.UK's date input (the locator of its
    fieldset, partials/date-input.html) as a reader would: the day and month without zeros."""
    values = [str(int(part)) for part in date.split("-")] if date else ["", "", ""]
    for part, value in zip(("year", "month", "day"), values, strict=True):
        fieldset.locator(f'[data-date-part="{part}"]').fill(value)


def shown_date(fieldset) -> str:
    """The date a date input holds, as "YYYY-MM-DD" (its fields as typed, padded)."""
    year, month, day = (
        fieldset.locator(f'[data-date-part="{part}"]').input_value()
        for part in ("year", "month", "day")
    )
    return f"{year}-{month:0>2}-{day:0>2}"


def records(page) -> dict:
    """Every record of the site's database, by key."""
    return page.evaluate(_DATABASE, ["read", None, None])


def stored_text(page) -> str | None:
    """The stored value as the site wrote it (a JSON text), or None."""
    return records(page).get(KEY)


def stored(page) -> dict | None:
    raw = stored_text(page)
    return None if raw is None else json.loads(raw)


def put_stored(page, value, as_text: bool = True) -> None:
    """Store a value as the site would (a text as it is, anything else as JSON; or, with
    `as_text=False`, the value itself, as a newer version might), replacing what is there; the
    page shows it once reloaded."""
    if as_text and not isinstance(value, str):
        value = json.dumps(value)
    page.evaluate(_DATABASE, ["put", KEY, value])


def forget_everything(page) -> None:
    """A browser with nothing of the site's: its database deleted (an open page of the site
    closes its connection for that) and its localStorage emptied."""
    page.evaluate(
        """() => new Promise((resolve, reject) => {
          const request = indexedDB.deleteDatabase("client-red-flags");
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        })"""
    )
    page.evaluate("localStorage.clear()")


def site_values(page) -> dict:
    """Everything the site keeps in this browser, by where: the database's records and the
    localStorage and sessionStorage keys that start with the site's prefix."""
    keys = """(name) => Object.keys(window[name]).filter((k) => k.startsWith('client-red-flags'))"""
    return {
        "database": records(page),
        "localStorage": page.evaluate(keys, "localStorage"),
        "sessionStorage": page.evaluate(keys, "sessionStorage"),
    }


def export_body(prospects: list, version: int = VERSION) -> dict:
    return {
        "format": FORMAT,
        "version": version,
        "exported": "2026-11-30T00:00:00.000Z",
        "prospects": prospects,
    }


# The outcomes a prospects page shows: prospect id, event id, kind and date, for every prospect.
_OUTCOMES = """() => [...document.querySelectorAll("[data-outcomes-for] [data-outcome]")]
  .map((item) => [item.closest("[data-outcomes-for]").getAttribute("data-outcomes-for"),
    ...["data-outcome", "data-kind", "data-date"].map((name) => item.getAttribute(name))])"""

# The rows a prospects page shows: id, name and how many earlier assessments.
_ROWS = """() => [...document.querySelectorAll("[data-saved-prospect]")].map((row) => [
  row.getAttribute("data-id"), row.querySelector('[data-slot="name"]').textContent,
  row.querySelectorAll("[data-history-entry]").length])"""

# Check the given radios as a reader would, one change event each, in one round trip.
_ANSWER = """([answers]) => {
  const form = document.querySelector("form[data-quiz]");
  for (const [name, value] of Object.entries(answers)) {
    const input = form.querySelector(`input[type=radio][name="${name}"][value="${value}"]`);
    if (!input.checked) {
      input.checked = true;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }
}"""


class Tab:
    """One page of the site, on the quiz (`kind="quiz"`) or the saved prospects. Each action
    first brings its tab to the front, as a reader would: Chromium runs no animation frames in
    a tab behind another, and Playwright waits for them before it clicks."""

    def __init__(self, page, base_url: str, kind: str, language: str = "en") -> None:
        self.page, self.base, self.kind, self.language = (
            page,
            base_url + ("ko/" if language == "ko" else ""),
            kind,
            language,
        )
        self.deleted: Deleted | None = None  # a prospects tab's undo
        self.editing: str | None = None  # a quiz tab's prospect

    def open(self) -> Tab:
        path = "quiz/" if self.kind == "quiz" else "prospects/"
        self.page.goto(self.base + path, wait_until="domcontentloaded")
        self._ready()
        return self

    def _ready(self) -> None:
        idle(self.page)

    # -------------------------------------------------------------- the quiz page

    def reassess(self, ident: str, name: str) -> None:
        self.page.bring_to_front()
        self.page.goto(self.base + "quiz/#prospect=" + ident, wait_until="domcontentloaded")
        self._ready()
        poll(
            lambda: self.page.locator("[data-prospect-name]").input_value() == name,
            "the prospect opens",
        )
        self.editing = ident

    def answer(self, answers: dict) -> None:
        self.page.evaluate(_ANSWER, [answers])

    def fresh(self, answers: dict, name: str) -> None:
        self.page.bring_to_front()
        self.page.goto(self.base + "quiz/", wait_until="domcontentloaded")
        self._ready()
        self.answer(answers)
        self.page.locator("[data-quiz-submit]").click()
        self.page.locator("[data-prospect-name]").fill(name)
        self.editing = None

    def answers(self) -> dict:
        return self.page.locator("form[data-quiz] input[type=radio]:checked").evaluate_all(
            "els => Object.fromEntries(els.map(e => [e.name, e.value]))"
        )

    def save(self) -> str:
        """Save; the saved prospect's id."""
        self.page.bring_to_front()
        self.page.locator('[data-action="save"]').click()
        idle(self.page)
        ident = self.page.evaluate(
            "location.hash.startsWith('#prospect=') ? location.hash.slice(10) : ''"
        )
        self.editing = ident
        return ident

    # -------------------------------------------------------------- the prospects page

    def delete(self, ident: str) -> None:
        self.page.bring_to_front()
        self.page.locator(
            f'[data-saved-prospect][data-id="{ident}"] [data-action="delete"]'
        ).click()
        idle(self.page)

    def undo(self) -> None:
        self.page.bring_to_front()
        self.page.locator('[data-action="undo"]').click()
        idle(self.page)

    def clear(self) -> None:
        self.page.bring_to_front()
        self.page.locator('[data-action="clear-all"]').click()
        self.page.locator('[data-action="clear-all-confirm"]').click()
        idle(self.page)

    def export(self) -> dict:
        self.page.bring_to_front()
        with self.page.expect_download() as download:
            self.page.locator('[data-action="export"]').click()
        with open(download.value.path(), encoding="utf-8") as handle:
            return json.load(handle)

    def import_(self, body) -> str:
        """Import a file (an export body, or text); the summary the page gives."""
        self.page.bring_to_front()
        text = body if isinstance(body, str) else json.dumps(body)
        status = self.page.locator("[data-prospects-status]")
        self.page.evaluate("document.querySelector('[data-prospects-status]').textContent = ''")
        self.page.locator('input[type=file][data-action="import"]').set_input_files(
            {
                "name": "prospects.json",
                "mimeType": "application/json",
                "buffer": text.encode("utf-8"),
            }
        )
        poll(lambda: status.inner_text() != "", "the import is done")
        return status.inner_text()

    def status(self) -> str:
        selector = "[data-workspace-status]" if self.kind == "quiz" else "[data-prospects-status]"
        return self.page.locator(selector).inner_text()

    def rows(self) -> list:
        return self.page.evaluate(_ROWS)

    def outcomes(self) -> list:
        """Every outcome the page lists: [prospect id, event id, kind, date], sorted."""
        return sorted(self.page.evaluate(_OUTCOMES))

    def outcome_form(self, ident: str):
        """The form that records an outcome on prospect `ident`, its disclosure opened."""
        self.page.bring_to_front()
        row = self.page.locator(f'[data-outcomes-for="{ident}"]')
        row.locator("[data-outcomes]").evaluate("(details) => (details.open = true)")
        return row.locator("[data-outcome-add]")

    def add_event(self, ident: str, kind: str, date: str, note: str = "") -> None:
        form = self.outcome_form(ident)
        form.locator("[data-outcome-kind]").select_option(kind)
        fill_date(form.locator("[data-outcome-date]"), date)
        form.locator("[data-outcome-note]").fill(note)
        form.locator("button[type=submit]").click()
        idle(self.page)

    def edit_event(self, ident: str, event_id: str, **fields) -> None:
        form = self.outcome_form(ident)
        self.page.locator(f'[data-outcome="{event_id}"] [data-action="outcome-edit"]').click()
        if "kind" in fields:
            form.locator("[data-outcome-kind]").select_option(fields["kind"])
        if "date" in fields:
            fill_date(form.locator("[data-outcome-date]"), fields["date"])
        if "note" in fields:
            form.locator("[data-outcome-note]").fill(fields["note"])
        form.locator("button[type=submit]").click()
        idle(self.page)

    def unreadable_outcomes(self) -> dict:
        """What each prospect shows about its outcomes that could not be read, by prospect id."""
        return dict(
            self.page.evaluate(
                """() => [...document.querySelectorAll("[data-outcomes-unreadable]:not([hidden])")]
                .map((p) => [p.closest("[data-outcomes-for]").getAttribute("data-outcomes-for"),
                  p.querySelector('[data-slot="outcomes-unreadable"]').textContent])"""
            )
        )

    def delete_unreadable_events(self, ident: str) -> None:
        self.page.bring_to_front()
        self.page.locator(
            f'[data-outcomes-for="{ident}"] [data-action="outcome-delete-unreadable"]'
        ).click()
        idle(self.page)

    def delete_event(self, event_id: str) -> None:
        self.page.bring_to_front()
        item = self.page.locator(f'[data-outcome="{event_id}"]')
        item.locator("xpath=ancestor::details[1]").evaluate("(details) => (details.open = true)")
        item.locator('[data-action="outcome-delete"]').click()
        idle(self.page)


class Tabs:
    """Several tabs of one browser context, and the model they must agree with."""

    def __init__(self, tabs: list[Tab], model: Model) -> None:
        self.tabs, self.model = tabs, model
        self.written = False  # until a change, the store keeps the version it was seeded with

    def settle(self, timeout: float = 10.0) -> dict | None:
        """Wait until every prospects tab shows what is stored (one database for every tab)."""

        def agreed():
            value = stored(self.tabs[0].page)
            expected, outcomes = _rows(value), _outcomes(value)
            damaged = _damaged(value)
            return all(
                sorted(tab.rows()) == expected
                and tab.outcomes() == outcomes
                and sorted(tab.unreadable_outcomes()) == damaged
                for tab in self.tabs
                if tab.kind == "prospects"
            )

        poll(agreed, "every tab shows what is stored", timeout)
        return stored(self.tabs[0].page)

    def check(self) -> dict | None:
        """Settle, compare the store with the model, then let the model learn ids and times."""
        value = self.settle()
        if value is None:
            assert self.model.shape() == Model().shape()
            return None
        assert value["version"] == VERSION if self.written else value["version"] <= VERSION
        assert stored_shape(value) == self.model.shape()
        self.model.learn(value)
        return value

    # -------------------------------------------------------------- operations, checked

    def save(self, tab: Tab, answers: dict | None = None) -> str:
        """Answer (if given) and save in a quiz tab; the saved prospect's id."""
        if answers:
            tab.answer(answers)
        name = tab.page.locator("[data-prospect-name]").input_value().strip()
        self.model.save(tab.editing, name, tab.answers())
        ident = tab.save()
        self.written = True
        self.check()
        assert self.model.find(ident)["answers"] == tab.answers()
        return ident

    def delete(self, tab: Tab, ident: str) -> None:
        deleted = self.model.delete(ident)
        tab.delete(ident)
        self.written = True
        self.check()
        deleted.at = self.model.tombstones[ident]
        tab.deleted = deleted
        assert tab.status() == _t(tab, "prospects.deleted").format(name=deleted.prospect["name"])

    def undo(self, tab: Tab) -> str:
        deleted = tab.deleted
        outcome = self.model.undo(deleted)
        tab.undo()
        self.written = True
        self.check()
        if isinstance(deleted, DeletedEvent):
            key = "prospects.outcome." + (
                "restored" if outcome == "restored" else "undo." + outcome
            )
            name = self.model.find(deleted.ident) or {"name": ".+"}
            assert _matches(tab.status(), _t(tab, key), name=name["name"])
        else:
            key = "prospects.restored" if outcome == "restored" else "prospects.undo." + outcome
            assert tab.status() == _t(tab, key).format(name=deleted.prospect["name"])
        tab.deleted = None
        return outcome

    def add_event(self, tab: Tab, ident: str, kind: str, date: str, note: str = "") -> str:
        """Record an outcome in a prospects tab; the new event's id."""
        before = {e["id"] for e in events_of(self.model.find(ident) or {}, model=True)[0]}
        result = self.model.add_event(ident, kind, date, note)
        tab.add_event(ident, kind, date, note)
        self.written = True
        self.check()
        if result != "added":
            return ""
        events = events_of(self.model.find(ident), model=True)[0]
        (new,) = [e["id"] for e in events if e["id"] not in before]
        return new

    def edit_event(self, tab: Tab, ident: str, event_id: str, **fields) -> None:
        assert self.model.edit_event(ident, event_id, **fields) == "updated"
        tab.edit_event(ident, event_id, **fields)
        self.written = True
        self.check()

    def delete_event(self, tab: Tab, ident: str, event_id: str) -> None:
        deleted = self.model.delete_event(ident, event_id)
        tab.delete_event(event_id)
        self.written = True
        self.check()
        if deleted is not None:
            tab.deleted = deleted

    def delete_unreadable_events(self, tab: Tab, ident: str) -> int:
        count = self.model.delete_unreadable_events(ident)
        tab.delete_unreadable_events(ident)
        self.written = True
        self.check()
        return count

    def clear(self, tab: Tab) -> None:
        self.model.clear()
        tab.clear()
        self.written = True
        self.check()
        tab.deleted = None
        assert site_values(tab.page) == {"database": {}, "localStorage": [], "sessionStorage": []}

    def export(self, tab: Tab) -> dict:
        body = tab.export()
        assert body["format"] == FORMAT and body["version"] == VERSION
        assert sorted(map(_canonical, body["prospects"])) == sorted(
            map(_canonical, self.model.export())
        )
        return body

    def import_(self, tab: Tab, body: dict) -> dict:
        counts = self.model.import_file(body, tab.language)
        summary = tab.import_(body)
        self.written = True
        self.check()
        assert summary == import_summary(tab.language, counts)
        return counts


def import_summary(language: str, counts: dict) -> str:
    """The import summary the page must give for these counts, in one language."""
    from quiz.site.strings import translator

    t = translator(language)
    kinds = (
        "added",
        "updated",
        "both",
        "same",
        "unreadable",
        "outcomes",
        "outcomes-both",
        "outcomes-unreadable",
    )
    parts = [
        plural(t, f"prospects.import.{kind}", counts[kind], language)
        for kind in kinds
        if counts.get(kind)
    ]
    return " ".join([t("prospects.import.done"), *parts]) if parts else t("prospects.import.empty")


def plural(t, key: str, count: int, language: str) -> str:
    """English has one and other; Korean one form (CLDR), with its counter in the string."""
    form = "one" if language == "en" and count == 1 else "other"
    return t(f"{key}.{form}").format(count=count)


def _matches(text: str, template: str, **values) -> bool:
    """Whether a message is `template` with these values, and anything in its other
    placeholders (a date formatted in the page's language, say)."""
    pattern = re.escape(template)
    for key in re.findall(r"\{(\w+)\}", template):
        value = values.get(key)
        pattern = pattern.replace(re.escape("{" + key + "}"), re.escape(value) if value else ".+")
    return re.fullmatch(pattern, text) is not None


def _t(tab: Tab, key: str) -> str:
    from quiz.site.strings import translator

    return translator(tab.language)(key)


def _canonical(entry) -> str:
    return json.dumps(entry, sort_keys=True, ensure_ascii=False)


def _outcomes(value) -> list:
    if value is None:
        return []
    return sorted(
        [p["id"], e["id"], e["kind"], e["date"]]
        for p in value["prospects"]
        if readable(p)
        for e in events_of(p)[0]
    )


def _damaged(value) -> list:
    """The prospects that hold outcomes that cannot be read, by id."""
    if value is None:
        return []
    return sorted(p["id"] for p in value["prospects"] if readable(p) and events_of(p)[1])


def _rows(value) -> list:
    if value is None:
        return []
    return sorted(
        [p["id"], p["name"], len(p["history"])] for p in value["prospects"] if readable(p)
    )


def poll(condition, what: str, timeout: float = 10.0) -> None:
    """Poll until `condition()` is true. (Playwright's wait_for_function evaluates with eval,
    which the site's Content Security Policy forbids.)"""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out: {what}")
        time.sleep(0.02)
