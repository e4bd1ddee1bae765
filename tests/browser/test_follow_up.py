"""A follow-up you will not forget: on a saved prospect, `[data-action="follow-up-ics"]`
downloads a calendar file made in the browser (README.md, "Workspace test contract"), in both
languages. Each file is read as a calendar reads it (the `icalendar` package): the chosen day,
all day, its reminder, a summary in the page's language with the prospect's name only when the
reader ticked the box for it, and lines folded as RFC 5545 says. A date that is empty, not a
real day or already past gets GOV.UK's error and no file; the form works from the keyboard and
is axe-clean."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from quiz.site.strings import translator
from tests.support.quiz import GOOD
from tests.support.watch import PageWatch, assert_accessible, origin_of
from tests.support.workspace import Tab, forget_everything, idle, poll, prospect, put_stored

pytestmark = pytest.mark.browser

LANGUAGES = pytest.mark.parametrize("language", ["en", "ko"])
PLAIN = {"en": "Lumen Studio", "ko": "루멘 스튜디오"}
# A name to escape and fold: a comma, a semicolon, a backslash, Hangul of three octets each.
AWKWARD = "Quill, Lovelace; Partners \\ 런던 지사 디자인 스튜디오 협력 프로젝트 담당팀"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


@pytest.fixture
def listing(browser, base_url):
    """The saved prospects, two of them, in a watched tab that accepts downloads; a function
    that opens them in a language and returns the page."""
    context = browser.new_context(accept_downloads=True)
    watch = PageWatch(origin_of(base_url))
    page = context.new_page()
    watch.attach(page)

    def open_in(language: str, name: str):
        Tab(page, base_url, "prospects", language).open()
        forget_everything(page)
        put_stored(
            page,
            {
                "version": 3,
                "prospects": [
                    prospect("p-followup01", name, GOOD),
                    prospect("p-followup02", "Other", GOOD, updated="2026-01-02T00:00:00.000Z"),
                ],
                "deleted": {},
            },
        )
        page.reload()
        idle(page)
        return page

    yield open_in
    assert watch.problems == []
    context.close()


def _row(page):
    """The reminder's disclosure, in the prospect's outcomes row under it, across the table."""
    return page.locator('[data-outcomes-for="p-followup01"] [data-follow-up]')


def _open_form(page):
    row = _row(page)
    row.locator("summary").click()
    return row


def _today(page) -> date:
    """Today where the browser is: the form's days are the reader's own."""
    return date.fromisoformat(
        page.evaluate(
            "(() => { const d = new Date(); return [d.getFullYear(),"
            " String(d.getMonth() + 1).padStart(2, '0'), String(d.getDate()).padStart(2, '0')]"
            ".join('-'); })()"
        )
    )


def _fill(row, day, month, year) -> None:
    for part, value in (("day", day), ("month", month), ("year", year)):
        row.locator(f'[data-date-part="{part}"]').fill(str(value))


def _download(page, row) -> tuple[str, bytes]:
    with page.expect_download() as info:
        row.locator('[data-action="follow-up-ics"]').click()
    download = info.value
    with open(download.path(), "rb") as handle:
        return download.suggested_filename, handle.read()


def _event(data: bytes):
    """The file's one event, read as a calendar reads it, after checking its lines."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "") and "\r" not in text.replace("\r\n", "")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75, line
    calendar = Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return text, events[0]


def _unfolded(text: str) -> str:
    return text.replace("\r\n ", "")


@LANGUAGES
def test_a_follow_up_downloads_a_calendar_file_with_no_name(listing, language):
    t = translator(language)
    page = listing(language, PLAIN[language])
    row = _open_form(page)
    today = _today(page)
    default = today + timedelta(days=7)
    shown = {p: row.locator(f'[data-date-part="{p}"]').input_value() for p in ("day", "month")}
    assert shown == {"day": str(default.day), "month": str(default.month)}
    assert row.locator('[data-date-part="year"]').input_value() == str(default.year)
    assert not row.locator("[data-follow-up-name]").is_checked()

    when = today + timedelta(days=40)
    _fill(row, when.day, when.month, when.year)
    name, data = _download(page, row)
    assert name == f"follow-up-{when.isoformat()}.ics"
    text, event = _event(data)
    assert event["DTSTART"].dt == when and type(event["DTSTART"].dt) is date
    assert event["DTEND"].dt == when + timedelta(days=1)
    assert str(event["SUMMARY"]) == t("prospects.follow-up.summary.follow-up")
    assert str(event["DESCRIPTION"]) == t("prospects.follow-up.description.follow-up")
    assert UUID.fullmatch(str(event["UID"]))
    stamp = event["DTSTAMP"].dt
    assert stamp.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - stamp) < timedelta(minutes=5)
    (alarm,) = event.walk("VALARM")
    assert alarm["ACTION"] == "DISPLAY" and alarm["TRIGGER"].dt == timedelta(hours=9)
    # Nowhere in the file, folded or not, not even one word of it.
    for word in [PLAIN[language], *PLAIN[language].split()]:
        assert word not in text and word not in _unfolded(text)
    status = page.locator("[data-prospects-status]").inner_text()
    assert status == t("prospects.follow-up.done").replace("{file}", name)


@LANGUAGES
def test_a_payment_due_date_carries_the_name_only_when_ticked(listing, language):
    t = translator(language)
    page = listing(language, AWKWARD)
    row = _open_form(page)
    when = _today(page) + timedelta(days=1)
    row.locator('input[type=radio][value="payment-due"]').check()
    _fill(row, f" {when.day:02d} ", when.month, when.year)
    row.locator("[data-follow-up-name]").check()
    name, data = _download(page, row)
    label = "Quill-Lovelace-Partners-런던-지사-디자인-스튜디오-협"  # the first 40 characters
    assert name == f"payment-due-{when.isoformat()}-{label}.ics"
    text, event = _event(data)
    assert event["DTSTART"].dt == when
    expected = t("prospects.follow-up.summary.payment-due.named").replace("{name}", AWKWARD)
    assert str(event["SUMMARY"]) == expected
    assert str(event["DESCRIPTION"]) == t("prospects.follow-up.description.payment-due")
    assert "\r\n " in text  # the long summary was folded, and read back whole above
    assert "SUMMARY:" + expected.replace("\\", "\\\\").replace(",", "\\,").replace(
        ";", "\\;"
    ) in _unfolded(text)

    # Unticked again: the next file is as anonymous as the first kind.
    row.locator("[data-follow-up-name]").uncheck()
    name, data = _download(page, row)
    assert name == f"payment-due-{when.isoformat()}.ics"
    text, event = _event(data)
    assert str(event["SUMMARY"]) == t("prospects.follow-up.summary.payment-due")
    assert "Quill" not in _unfolded(text) and "런던" not in _unfolded(text)


@LANGUAGES
def test_an_empty_impossible_or_past_date_is_refused_with_no_file(listing, language):
    t = translator(language)
    page = listing(language, PLAIN[language])
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    row = _open_form(page)
    today = _today(page)
    error = row.locator(".crf-error-message")
    first = "year" if language == "ko" else "day"  # the order the language writes a date in
    yesterday = today - timedelta(days=1)
    cases = [
        (("", "", ""), "empty"),
        (("31", "2", today.year + 1), "real"),
        (("1", "13", today.year + 1), "real"),
        (("1", "1", "27"), "real"),
        (("1", "", today.year + 1), "real"),
        ((yesterday.day, yesterday.month, yesterday.year), "past"),
    ]
    for (day, month, year), problem in cases:
        _fill(row, day, month, year)
        row.locator('[data-action="follow-up-ics"]').click()
        poll(error.is_visible, "the error shows")
        assert " ".join(error.text_content().split()) == (
            t("quiz.error.prefix")
            + " "
            + t(
                "prospects.date.error.real"
                if problem == "real"
                else f"prospects.follow-up.error.{problem}"
            )
        )
        for part in ("day", "month", "year"):
            assert row.locator(f'[data-date-part="{part}"]').get_attribute("aria-invalid") == "true"
        described = (
            row.locator("fieldset[aria-describedby]").nth(0).get_attribute("aria-describedby")
        )
        assert error.get_attribute("id") in described.split()
        assert page.evaluate("document.activeElement.getAttribute('data-date-part')") == first
    assert downloads == []
    # Put right, the file comes and the error goes.
    _fill(row, today.day, today.month, today.year)
    name, _ = _download(page, row)
    assert name == f"follow-up-{today.isoformat()}.ics"
    assert not error.is_visible()
    assert row.locator('[data-date-part="day"]').get_attribute("aria-invalid") is None
    assert len(downloads) == 1


@LANGUAGES
def test_the_form_works_from_the_keyboard_and_is_axe_clean(listing, language):
    page = listing(language, PLAIN[language])
    row = _row(page)
    page.locator('[data-outcomes-for="p-followup01"] [data-outcomes] > summary').focus()
    page.keyboard.press("Tab")  # the outcomes' form is closed: the reminder's disclosure is next
    assert page.evaluate("document.activeElement.parentElement.hasAttribute('data-follow-up')")
    page.keyboard.press("Enter")
    assert row.get_attribute("open") is not None
    page.keyboard.press("Tab")  # the first kind, chosen
    page.keyboard.press("ArrowDown")  # the payment due date
    assert row.locator('input[type=radio][value="payment-due"]').is_checked()
    page.keyboard.press("Tab")  # the date's first field
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.press("Enter")  # Enter in a field sends the form: an error, no file
    poll(lambda: row.locator(".crf-error-message").is_visible(), "the error shows")
    assert_accessible(page)

    when = _today(page) + timedelta(days=3)
    _fill(row, when.day, when.month, when.year)
    row.locator("[data-date-part]").last.focus()
    for _ in range(2):
        page.keyboard.press("Tab")  # the name's box, then the button
    assert page.evaluate("document.activeElement.dataset.action") == "follow-up-ics"
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename == f"payment-due-{when.isoformat()}.ics"
    assert_accessible(page)
