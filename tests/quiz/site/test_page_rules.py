"""The rules of the guide's pages: the real guide passes; each kind of mistake gives its exact
message."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from quiz.site.page_rules import check_content, wording_problems
from quiz.site.pages import ContentSettings
from quiz.site.settings import validate_site
from tests.support.site import ROOT

SECTIONS_EN = [
    ("signs", "Signs"),
    ("cost", "What it costs"),
    ("test", "How to test for it"),
    ("respond", "How to respond"),
    ("walk-away", "When to walk away"),
]
SECTIONS_KO = [
    ("signs", "신호"),
    ("cost", "비용"),
    ("test", "확인"),
    ("respond", "대응"),
    ("walk-away", "거절"),
]
EN_PARAGRAPH = " ".join(["Write the scope down and agree on it before any work begins."] * 8)
KO_PARAGRAPH = " ".join(["작업 범위를 글로 정리하고 일을 시작하기 전에 합의하십시오."] * 10)


def _page(title: str, description: str, sections, paragraph: str, legal_note: bool = True) -> str:
    body = "".join(f"## {name} {{#{anchor}}}\n\n{paragraph}\n\n" for anchor, name in sections)
    note = "legal_note: true\n" if legal_note else ""
    return f"---\ntitle: {title}\ndescription: {description}\n{note}---\n# {title}\n\n{body}"


def _site(tmp_path: Path, **overrides: str | None) -> ContentSettings:
    """A small valid site (a home page and one flag page per language), with files overridden."""
    files = {
        "index.md": "---\ntitle: Home\ndescription: The home page.\n---\n# Home\n\nWelcome.\n",
        "index.ko.md": "---\ntitle: 홈\ndescription: 첫 페이지입니다.\n---\n# 홈\n\n환영합니다.\n",
        "flags/x.md": _page("A flag", "One sentence about the flag.", SECTIONS_EN, EN_PARAGRAPH),
        "flags/x.ko.md": _page(
            "위험 신호", "위험 신호에 관한 한 문장입니다.", SECTIONS_KO, KO_PARAGRAPH
        ),
    }
    files.update(
        {
            name.replace("__", "/").replace("_ko", ".ko") + ".md": text
            for name, text in overrides.items()
        }
    )
    for name, text in files.items():
        if text is None:
            continue
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return ContentSettings(
        docs_dir=tmp_path / "docs",
        default_language="en",
        languages=("en", "ko"),
        markdown_extensions=["attr_list", "toc"],
        root=tmp_path,
    )


def _messages(settings: ContentSettings) -> list[str]:
    return [str(problem) for problem in check_content(settings)]


def test_the_guide_has_no_content_problems():
    assert validate_site(ROOT / "mkdocs.yml") == []


def test_the_small_valid_site_passes(tmp_path):
    assert _messages(_site(tmp_path)) == []


ENGLISH_IN_KOREAN = _page(
    "위험 신호", "위험 신호에 관한 한 문장입니다.", SECTIONS_KO, KO_PARAGRAPH
).replace("## 비용 {#cost}\n\n" + KO_PARAGRAPH, "## 비용 {#cost}\n\n" + EN_PARAGRAPH)
MESSAGE = (
    "> Hi Ada, thank you for the brief you sent on Monday. I am fully booked until the spring.\n"
)
KO_MESSAGE = (
    "> 안녕하세요, 월요일에 보내 주신 자료를 잘 받아 보았습니다. "
    "봄까지는 일정이 모두 차 있습니다.\n"
)


def _home(extra: str) -> str:
    return "---\ntitle: Home\ndescription: The home page.\n---\n# Home\n\n" + extra


def _home_ko(extra: str) -> str:
    return "---\ntitle: 홈\ndescription: 첫 페이지입니다.\n---\n# 홈\n\n" + extra


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        pytest.param(
            {"flags__x_ko": None},
            ["docs/flags/x.md:1: Korean version is missing: create docs/flags/x.ko.md"],
            id="missing-translation",
        ),
        pytest.param(
            {"index": None},
            ["docs/index.ko.md:1: English version is missing: create docs/index.md"],
            id="missing-original",
        ),
        pytest.param(
            {
                "flags__x": _page(
                    "A flag", "One sentence.", SECTIONS_EN[:1] + SECTIONS_EN[2:], EN_PARAGRAPH
                )
            },
            [
                "docs/flags/x.md:6: flag page has no section with id 'cost': "
                "add a heading '## ... {#cost}'"
            ],
            id="missing-section",
        ),
        pytest.param(
            {
                "flags__x": _page(
                    "A flag",
                    "One sentence.",
                    [SECTIONS_EN[1], SECTIONS_EN[0], *SECTIONS_EN[2:]],
                    EN_PARAGRAPH,
                )
            },
            [
                "docs/flags/x.md:8: flag page sections are out of order: "
                "expected signs, cost, test, respond, walk-away"
            ],
            id="sections-out-of-order",
        ),
        pytest.param(
            {"flags__x": _page("A flag", "One sentence.", SECTIONS_EN, "Too short.")},
            ["docs/flags/x.md:6: flag page is too short: 28 words, at least 350 expected"],
            id="too-short",
        ),
        pytest.param(
            {"flags__x_ko": _page("위험 신호", "한 문장입니다.", SECTIONS_KO, "짧습니다.")},
            [
                "docs/flags/x.ko.md:6: flag page is too short: "
                "34 Hangul syllables, at least 900 expected"
            ],
            id="korean-too-short",
        ),
        pytest.param(
            {"flags__x_ko": ENGLISH_IN_KOREAN},
            ["docs/flags/x.ko.md:12: section 'cost' reads as English; Korean expected"],
            id="english-where-korean-expected",
        ),
        pytest.param(
            {
                "flags__x_ko": _page(
                    "A flag", "위험 신호에 관한 한 문장입니다.", SECTIONS_KO, KO_PARAGRAPH
                )
            },
            ["docs/flags/x.ko.md:2: front matter title is not in Korean"],
            id="english-title-on-korean-page",
        ),
        pytest.param(
            {
                "flags__x": _page(
                    "A flag", "First sentence. Second sentence.", SECTIONS_EN, EN_PARAGRAPH
                )
            },
            [
                "docs/flags/x.md:3: front matter description must be one sentence "
                "ending with a full stop"
            ],
            id="two-sentence-description",
        ),
        pytest.param(
            {"flags__x": _page("A flag", "x" * 201 + ".", SECTIONS_EN, EN_PARAGRAPH)},
            ["docs/flags/x.md:3: front matter description is 202 characters; keep it to 200"],
            id="long-description",
        ),
        pytest.param(
            {"index": "---\ntitle: Home\n---\n# Home\n"},
            ["docs/index.md:1: front matter has no description"],
            id="no-description",
        ),
        pytest.param(
            {"index": "# Home\n\nNo front matter.\n"},
            [
                "docs/index.md:1: front matter is missing: "
                "start the page with --- and a title and description"
            ],
            id="no-front-matter",
        ),
        pytest.param(
            {"index": "---\ntitle: [unclosed\n---\n# Home\n"},
            [
                "docs/index.md:3: front matter is not valid YAML: "
                "expected ',' or ']', but got '<stream end>'"
            ],
            id="broken-front-matter",
        ),
        pytest.param(
            {"index": "---\ntitle: Home\ndescription: Never closed.\n# Home\n"},
            ["docs/index.md:1: front matter is not closed: add a line with --- after it"],
            id="unclosed-front-matter",
        ),
        pytest.param(
            {
                "flags__x": _page(
                    "A flag",
                    "One sentence about the flag.",
                    SECTIONS_EN,
                    EN_PARAGRAPH,
                    legal_note=False,
                )
            },
            [
                "docs/flags/x.md:1: this page suggests contract terms: "
                "add 'legal_note: true' to its front matter to show the legal note"
            ],
            id="flag-page-without-legal-note",
        ),
        pytest.param(
            {
                "terms": _home("Terms.\n"),
                "terms_ko": _home_ko("계약 조건입니다.\n").replace(
                    "---\n#", "legal_note: true\n---\n#"
                ),
            },
            [
                "docs/terms.md:1: this page suggests contract terms: "
                "add 'legal_note: true' to its front matter to show the legal note"
            ],
            id="terms-page-without-legal-note",
        ),
        pytest.param(
            {
                "index": _home(
                    "A deposit of 500,000 won is common.\n\n"
                    "List it on Naver and answer on KakaoTalk.\n"
                )
            },
            [
                "docs/index.md:7: '500,000 won' belongs to the Korean market; "
                "keep the English edition region-neutral "
                "(a percentage, 'your usual rate', 'search engines', 'chat apps')",
                "docs/index.md:9: 'KakaoTalk' belongs to the Korean market; "
                "keep the English edition region-neutral "
                "(a percentage, 'your usual rate', 'search engines', 'chat apps')",
                "docs/index.md:9: 'Naver' belongs to the Korean market; "
                "keep the English edition region-neutral "
                "(a percentage, 'your usual rate', 'search engines', 'chat apps')",
            ],
            id="korean-market-on-an-english-page",
        ),
        pytest.param(
            {"index": _home("Issue a 세금계산서 on time. The team won the pitch.\n")},
            [
                "docs/index.md:7: '세금계산서' is Korean text on an English page; "
                "keep Korean detail in the Korean edition"
            ],
            id="korean-text-on-an-english-page",
        ),
        pytest.param(
            {
                "index_ko": _home_ko(
                    "작업자는 일정을 지킵니다. 당신의 시간은 소중합니다. "
                    "자료가 나타나는 대로 시작합니다.\n"
                )
            },
            [
                "docs/index.ko.md:7: '당신' addresses the reader another way; "
                "Korean pages call the reader 여러분 (or use no pronoun) "
                "and the freelancer in examples speaks as 저",
                "docs/index.ko.md:7: '작업자' addresses the reader another way; "
                "Korean pages call the reader 여러분 (or use no pronoun) "
                "and the freelancer in examples speaks as 저",
            ],
            id="korean-reader-addressed-another-way",
        ),
        pytest.param(
            {"index_ko": _home_ko("‘견적서’을(를) 보내십시오.\n")},
            [
                "docs/index.ko.md:7: '을(를)': "
                "write the one particle that agrees with the word before it"
            ],
            id="korean-particle-left-open",
        ),
        pytest.param(
            {
                "index": _home(MESSAGE),
                "flags__x": _page(
                    "A flag", "One sentence about the flag.", SECTIONS_EN, EN_PARAGRAPH
                )
                + MESSAGE,
            },
            [
                "docs/index.md:7: an example message repeats a sentence from docs/flags/x.md:28: "
                'write it afresh ("Hi Ada, thank you for the brief you sent on Monday.")',
                "docs/index.md:7: an example message repeats a sentence from docs/flags/x.md:28: "
                'write it afresh ("I am fully booked until the spring.")',
            ],
            id="example-sentence-on-two-pages",
        ),
        pytest.param(
            {
                "index_ko": _home_ko(KO_MESSAGE),
                "flags__x_ko": _page(
                    "위험 신호", "위험 신호에 관한 한 문장입니다.", SECTIONS_KO, KO_PARAGRAPH
                )
                + KO_MESSAGE,
            },
            [
                "docs/index.ko.md:7: an example message repeats a sentence "
                "from docs/flags/x.ko.md:28: "
                'write it afresh ("봄까지는 일정이 모두 차 있습니다.")',
                "docs/index.ko.md:7: an example message repeats a sentence "
                "from docs/flags/x.ko.md:28: "
                'write it afresh ("안녕하세요, 월요일에 보내 주신 자료를 잘 받아 보았습니다.")',
            ],
            id="korean-example-sentence-on-two-pages",
        ),
        pytest.param(
            {
                "index": _home(
                    "Hello.\n\n<script>alert(1)</script>\n\n"
                    '<img src="x.png" alt="" onerror="alert(2)">\n\n'
                    "[Go](JavaScript:alert(3))\n"
                )
            },
            [
                "docs/index.md:9: a <script> in the page: the guide's pages carry no scripts",
                "docs/index.md:11: an event-handler attribute (on...=) in the page: "
                "the guide's pages carry no scripts",
                "docs/index.md:13: a javascript: address in the page: "
                "link to a page or a file instead",
            ],
            id="script-in-markdown",
        ),
    ],
)
def test_each_mistake_is_reported_exactly(tmp_path, overrides, expected):
    assert _messages(_site(tmp_path, **overrides)) == expected


def test_short_sentences_and_repeats_within_one_page_are_allowed(tmp_path):
    message = (
        "> Thank you. Thanks again.\n\n> Hi Ada, thank you for the brief you sent on Monday.\n"
    )
    assert (
        _messages(_site(tmp_path, index=_home(message + message), flags__x=None, flags__x_ko=None))
        == []
    )


def test_quiz_data_message_blocks_and_interface_strings_follow_the_korean_wording_rules():
    for path in (
        ROOT / "quiz" / "quiz.yml",
        ROOT / "quiz" / "messages.yml",
        ROOT / "quiz" / "site" / "strings.yml",
    ):
        assert wording_problems(path.read_text(encoding="utf-8"), "ko") == [], path


def test_the_wording_rules_answer_a_long_run_of_numbers_at_once():
    """The currency rule once backtracked over every start of a run of digits and commas: 80,000
    characters took 78 s. Each run is now read once."""
    started = time.monotonic()
    assert wording_problems("1," * 50_000 + "000 won", "en") != []
    assert wording_problems("1," * 50_000, "en") == []
    assert time.monotonic() - started < 1
    assert [
        message
        for _, message in wording_problems("It cost 1,000,000 won and 5 thousand won.", "en")
    ] == [
        "'1,000,000 won' belongs to the Korean market; keep the English edition region-neutral "
        "(a percentage, 'your usual rate', 'search engines', 'chat apps')",
        "'5 thousand won' belongs to the Korean market; keep the English edition region-neutral "
        "(a percentage, 'your usual rate', 'search engines', 'chat apps')",
    ]


def test_front_matter_nested_past_its_bound_or_with_a_python_tag_gets_a_message(tmp_path):
    deep = (
        "---\ntitle: Home\ndescription: The home page.\nextra: "
        + "[" * 30
        + "]" * 30
        + "\n---\n# Home\n\nWelcome.\n"
    )
    python = (
        "---\ntitle: !!python/name:os.system Home\ndescription: The home page.\n---\n"
        "# Home\n\nWelcome.\n"
    )
    assert _messages(_site(tmp_path / "deep", index=deep)) == [
        "docs/index.md:4: front matter is nested too deeply; keep it to 8 levels"
    ]
    assert _messages(_site(tmp_path / "python", index=python)) == [
        "docs/index.md:2: front matter uses the tag 'tag:yaml.org,2002:python/name:os.system'; "
        "write plain text, numbers or true/false"
    ]
