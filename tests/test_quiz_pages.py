"""The built quiz and methodology pages, read as files: generated from the data, never drifting."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser

import pytest

from quiz.drafting import NAME_MAX, fill_terms
from quiz.messages import TERMS
from quiz.reachability import score_ranges
from quiz.scoring import MIN_CONCERNS
from quiz.share import share_key
from quiz.site.strings import translator
from tests.support.html import parse
from tests.support.quiz import MESSAGES, real_quiz
from tests.support.site import nav_flag_ids

QUIZ = real_quiz()


class _Attributes(HTMLParser):
    """Collects the text inside every element that carries one of the watched attributes."""

    def __init__(self, names: tuple[str, ...]):
        super().__init__(convert_charrefs=True)
        self.names = names
        self.found: dict[tuple[str, str], str] = {}
        self.open: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in self.names:
                self.open.append((tag, name, value or ""))
                self.found[(name, value or "")] = ""

    def handle_endtag(self, tag):
        if self.open and self.open[-1][0] == tag:
            self.open.pop()

    def handle_data(self, data):
        for _, name, value in self.open:
            self.found[(name, value)] += data


def _read(path, *names) -> dict:
    parser = _Attributes(names)
    parser.feed(path.read_text(encoding="utf-8"))
    return {key: " ".join(text.split()) for key, text in parser.found.items()}


class _Widget(HTMLParser):
    """The page's JSON island and every attribute name used on the page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.islands: list[str] = []
        self.attributes: set[str] = set()
        self._in_island = False

    def handle_starttag(self, tag, attrs):
        self.attributes.update(name for name, _ in attrs)
        self._in_island = tag == "script" and "data-quiz-data" in dict(attrs)
        if self._in_island:
            self.islands.append("")

    def handle_endtag(self, tag):
        self._in_island = False

    def handle_data(self, data):
        if self._in_island:
            self.islands[-1] += data


def _widget(path) -> _Widget:
    parser = _Widget()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


WIDGET_PAGES = [(page, prefix) for page in ("quiz", "prospects") for prefix in ("", "ko/")]


@pytest.mark.parametrize(("page", "prefix"), WIDGET_PAGES)
def test_the_island_carries_every_number_and_name_the_scripts_use(built_site, page, prefix):
    language = "ko" if prefix else "en"
    islands = _widget(built_site / prefix / page / "index.html").islands
    assert len(islands) == 1
    island = json.loads(islands[0])
    assert island["thresholds"] == QUIZ.thresholds.model_dump(by_alias=True)
    assert island["minDefinite"] == QUIZ.min_definite
    assert island["minConcerns"] == MIN_CONCERNS
    assert island["bands"] == {
        band_id: band.title.get(language) for band_id, band in QUIZ.bands.by_id().items()
    }
    assert [(flag["id"], flag["name"], flag["weight"]) for flag in island["flags"]] == [
        (flag.id, flag.name.get(language), flag.weight) for flag in QUIZ.flags
    ]
    questions = [question for flag in island["flags"] for question in flag["questions"]]
    assert [(q["id"], q["key"], q["max"]) for q in questions] == [
        (question.id, share_key(question.id), question.maximum) for _, question in QUIZ.questions()
    ]
    options = [
        (o["id"], o.get("points"), o.get("unsure", False), o.get("dealbreaker", False))
        for q in questions
        for o in q["options"]
    ]
    assert options == [
        (option.id, option.points, option.unsure, option.dealbreaker is not None)
        for _, question in QUIZ.questions()
        for option in question.options
    ]
    assert island["strings"]["result.flag.unknown"] == translator(language)("result.flag.unknown")


# Numbers and names that once travelled twice, in attributes beside the island.
DUPLICATE_ATTRIBUTES = {
    "data-threshold-proceed-with-care",
    "data-threshold-high-risk",
    "data-threshold-walk-away",
    "data-min-definite",
    "data-weight",
    "data-points",
    "data-unsure",
    "data-dealbreaker",
    "data-band-name",
    "data-flag-name",
}


@pytest.mark.parametrize(("page", "prefix"), WIDGET_PAGES)
def test_the_numbers_and_names_travel_only_in_the_island(built_site, page, prefix):
    assert (
        _widget(built_site / prefix / page / "index.html").attributes & DUPLICATE_ATTRIBUTES
        == set()
    )


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_methodology_shows_the_numbers_the_scorer_uses(built_site, prefix):
    found = _read(
        built_site / prefix / "methodology" / "index.html",
        "data-method-threshold",
        "data-method-weight",
        "data-method-points",
        "data-method-max",
        "data-method-min-definite",
        "data-method-covers",
    )
    language = "ko" if prefix else "en"
    marker = translator(language)("method.dealbreaker")
    thresholds = QUIZ.thresholds.model_dump(by_alias=True)
    assert {
        value: int(text) for (name, value), text in found.items() if name == "data-method-threshold"
    } == thresholds
    assert {
        value: float(text) for (name, value), text in found.items() if name == "data-method-weight"
    } == {flag.id: flag.weight for flag in QUIZ.flags}
    assert [
        float(text.rstrip("%")) / 100
        for (name, _), text in found.items()
        if name == "data-method-min-definite"
    ] == [QUIZ.min_definite]
    for _flag, question in QUIZ.questions():
        assert found[("data-method-max", question.id)] == str(question.maximum)
        assert found[("data-method-covers", question.id)] == " ".join(
            question.covers.get(language).split()
        )
        for option in question.options:
            cell = found[("data-method-points", f"{question.id}:{option.id}")]
            if option.unsure:
                assert not any(character.isdigit() for character in cell)
            else:
                assert cell.split()[0] == str(option.points)
            assert (marker in cell) == (option.dealbreaker is not None), cell


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_methodology_gives_an_example_score_inside_each_band(built_site, prefix):
    html = (built_site / prefix / "methodology" / "index.html").read_text(encoding="utf-8")
    rows = dict(
        re.findall(
            r'<tr data-method-example="([a-z-]+)">\s*<th[^>]*>.*?</th>\s*<td>([^<]*)</td>',
            html,
            re.DOTALL,
        )
    )
    assert set(rows) == set(QUIZ.bands.by_id())
    for band, (low, high) in score_ranges(QUIZ).items():
        assert low <= int(rows[band]) < high, (band, rows[band])


ASSETS_BY_PAGE = {
    "quiz": {"quiz.js", "quiz.css"},
    "prospects": {"prospects.js", "quiz.css", "pages.css"},
    "checklist": {"quiz.css", "pages.css"},
    "track-record": {"track.js", "quiz.css", "pages.css"},
}


def test_our_scripts_and_styles_load_only_on_the_pages_that_use_them(built_site):
    ours = set().union(*ASSETS_BY_PAGE.values())
    for page in built_site.rglob("index.html"):
        loads = {url.rsplit("/", 1)[-1] for _, _, url in parse(page).urls} & ours
        assert loads == ASSETS_BY_PAGE.get(page.parent.name, set()), page


def test_the_bundles_are_built_into_the_site_from_quiz_web(built_site):
    from quiz.site.assets import SCRIPTS, WEB, bundles

    for path, content in bundles().items():
        assert (built_site / path).read_text(encoding="utf-8") == content
    # Only the bundles: no module of quiz/web/ is published on its own.
    bundled = {path.rsplit("/", 1)[-1] for path in SCRIPTS}
    modules = {path.name for path in WEB.glob("*.js")} - bundled
    assert modules and not [path for module in modules for path in built_site.rglob(module)]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_saved_prospects_and_the_track_record_link_to_each_other(built_site, language):
    """A reader who has just recorded an outcome finds the track record, in the same language."""
    root = built_site / ("" if language == "en" else "ko")
    prospects, track = root / "prospects" / "index.html", root / "track-record" / "index.html"
    link = _read(prospects, "data-prospects-track")[("data-prospects-track", "")]
    assert link == translator(language)("track.from-prospects.link")
    html = prospects.read_text(encoding="utf-8")
    href = re.search(r'<a href="([^"]*)" data-prospects-track>', html).group(1)
    assert (prospects.parent / href / "index.html").resolve() == track.resolve()
    back = {(track.parent / url / "index.html").resolve() for _, _, url in parse(track).urls}
    assert prospects.resolve() in back


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_the_name_field_takes_as_long_a_name_as_the_greeting_and_the_store(built_site, prefix):
    html = (built_site / prefix / "quiz" / "index.html").read_text(encoding="utf-8")
    field = re.search(r'<input[^>]*id="prospect-name"[^>]*>', html).group(0)
    assert f'maxlength="{NAME_MAX}"' in field


class _NamedControls(HTMLParser):
    """Every named control inside the quiz's form, and every control placed in it from outside."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.named: list[tuple[str, str | None]] = []  # (tag, type) of each named control
        self.placed: list[str] = []  # the `form` attribute of any control outside it
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and "data-quiz" in attributes:
            self._depth = 1
        elif self._depth and tag == "form":
            self._depth += 1
        if self._depth and attributes.get("name"):
            self.named.append((tag, attributes.get("type")))
        if attributes.get("form"):
            self.placed.append(attributes["form"])

    def handle_endtag(self, tag):
        if self._depth and tag == "form":
            self._depth -= 1


@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_the_quiz_form_holds_only_the_questions_radios(built_site, prefix):
    """answers.js reads the answers as the form's data: a named control of another kind, or one
    joined to the form from outside, would count as an answer."""
    parser = _NamedControls()
    parser.feed((built_site / prefix / "quiz" / "index.html").read_text(encoding="utf-8"))
    questions = sum(len(flag.questions) for flag in QUIZ.flags)
    assert parser.named and set(parser.named) == {("input", "radio")}
    assert len(parser.named) > questions  # every option of every question
    assert parser.placed == []


def test_every_flag_has_its_page_and_its_questions(built_site):
    for flag in QUIZ.flags:
        for prefix in ("", "ko/"):
            assert (built_site / prefix / "flags" / flag.id / "index.html").is_file()
        assert len(flag.questions) >= 2


def test_the_nav_lists_the_flags_in_the_quiz_order():
    assert nav_flag_ids() == [flag.id for flag in QUIZ.flags]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_checklist_has_every_question_option_and_ask_without_a_script(built_site, language):
    page = built_site / ("ko" if language == "ko" else "") / "checklist" / "index.html"
    html = page.read_text(encoding="utf-8")
    blocks = _read(page, "data-checklist-question")
    for _, question in QUIZ.questions():
        block = blocks[("data-checklist-question", question.id)]
        assert getattr(question.text, language) in block
        assert _shown_ask(question, language) in block
        for option in question.options:
            assert getattr(option.text, language) in block
    assert "quiz.js" not in html and "prospects.js" not in html


@pytest.mark.parametrize("page", ["quiz", "checklist"])
@pytest.mark.parametrize("prefix", ["", "ko/"])
def test_what_to_ask_shows_the_default_figures_never_a_placeholder(built_site, page, prefix):
    """The drafts fill the reader's terms in; a page shows every ask at the defaults, and only the
    island (read by the script) holds a placeholder."""
    html = (built_site / prefix / page / "index.html").read_text(encoding="utf-8")
    shown = unescape(re.sub(r'<script type="application/json".*?</script>', "", html, flags=re.S))
    assert [term for term in TERMS if "{" + term + "}" in shown] == []
    language = "ko" if prefix else "en"
    payment = next(q for _, q in QUIZ.questions() if q.id == "boundaries-payment")
    assert "{deposit}" in getattr(payment.ask, language)
    assert _shown_ask(payment, language) in shown


def _shown_ask(question, language: str) -> str:
    """What to ask as a page shows it: at the default figures."""
    return fill_terms(getattr(question.ask, language), MESSAGES.defaults.model_dump(by_alias=True))


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_checklist_is_for_paper_and_says_so(built_site, language):
    """Its boxes are drawn, not controls; the words send on-screen readers to the quiz."""
    html = (built_site / ("ko" if language == "ko" else "") / "checklist" / "index.html").read_text(
        encoding="utf-8"
    )
    checklist = html[
        html.index('class="crf-checklist"') : html.index('class="crf-checklist__online"')
    ]
    assert (
        "<input" not in checklist
        and "data-check=" not in checklist
        and "data-check " not in checklist
    )
    assert checklist.count('class="crf-box" aria-hidden="true"') == sum(
        len(q.options) for _, q in QUIZ.questions()
    )
    intro = html[html.index("<h1") : html.index('class="crf-checklist"')]
    assert ("print" in intro.lower()) if language == "en" else ("인쇄" in intro)
    assert 'href="../quiz/"' in intro


@pytest.mark.parametrize("language", ["en", "ko"])
def test_each_flag_page_states_the_real_number_of_questions(built_site, language):
    cta = translator(language)("flag.cta.text").replace("{count}", str(len(QUIZ.questions())))
    for flag in QUIZ.flags:
        html = (
            built_site / ("ko" if language == "ko" else "") / "flags" / flag.id / "index.html"
        ).read_text(encoding="utf-8")
        assert cta in html, flag.id
