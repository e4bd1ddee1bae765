"""The content checks: the real guide passes; each kind of mistake gives its exact message."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.content import ContentSettings, check_content, settings_from_config
from quiz.validation import load_site_config, validate_site
from tests.support.site import ROOT

SECTIONS_EN = [("signs", "Signs"), ("cost", "What it costs"), ("test", "How to test for it"),
               ("respond", "How to respond"), ("walk-away", "When to walk away")]
SECTIONS_KO = [("signs", "신호"), ("cost", "비용"), ("test", "확인"), ("respond", "대응"), ("walk-away", "거절")]
EN_PARAGRAPH = " ".join(["Write the scope down and agree on it before any work begins."] * 8)
KO_PARAGRAPH = " ".join(["작업 범위를 글로 정리하고 일을 시작하기 전에 합의하십시오."] * 10)


def _page(title: str, description: str, sections, paragraph: str) -> str:
    body = "".join(f"## {name} {{#{anchor}}}\n\n{paragraph}\n\n" for anchor, name in sections)
    return f"---\ntitle: {title}\ndescription: {description}\n---\n# {title}\n\n{body}"


def _site(tmp_path: Path, **overrides: str | None) -> ContentSettings:
    """A small valid site (a home page and one flag page per language), with files overridden."""
    files = {
        "index.md": "---\ntitle: Home\ndescription: The home page.\n---\n# Home\n\nWelcome.\n",
        "index.ko.md": "---\ntitle: 홈\ndescription: 첫 페이지입니다.\n---\n# 홈\n\n환영합니다.\n",
        "flags/x.md": _page("A flag", "One sentence about the flag.", SECTIONS_EN, EN_PARAGRAPH),
        "flags/x.ko.md": _page("위험 신호", "위험 신호에 관한 한 문장입니다.", SECTIONS_KO, KO_PARAGRAPH),
    }
    files.update({name.replace("__", "/").replace("_ko", ".ko") + ".md": text for name, text in overrides.items()})
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


def test_settings_come_from_mkdocs_yml():
    settings = settings_from_config(load_site_config(ROOT / "mkdocs.yml"))
    assert settings.languages == ("en", "ko")
    assert settings.default_language == "en"
    assert "attr_list" in settings.markdown_extensions


def test_the_small_valid_site_passes(tmp_path):
    assert _messages(_site(tmp_path)) == []


ENGLISH_IN_KOREAN = _page("위험 신호", "위험 신호에 관한 한 문장입니다.", SECTIONS_KO, KO_PARAGRAPH).replace(
    "## 비용 {#cost}\n\n" + KO_PARAGRAPH, "## 비용 {#cost}\n\n" + EN_PARAGRAPH
)


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
            {"flags__x": _page("A flag", "One sentence.", SECTIONS_EN[:1] + SECTIONS_EN[2:], EN_PARAGRAPH)},
            ["docs/flags/x.md:5: flag page has no section with id 'cost': add a heading '## ... {#cost}'"],
            id="missing-section",
        ),
        pytest.param(
            {"flags__x": _page("A flag", "One sentence.", [SECTIONS_EN[1], SECTIONS_EN[0]] + SECTIONS_EN[2:], EN_PARAGRAPH)},
            ["docs/flags/x.md:7: flag page sections are out of order: expected signs, cost, test, respond, walk-away"],
            id="sections-out-of-order",
        ),
        pytest.param(
            {"flags__x": _page("A flag", "One sentence.", SECTIONS_EN, "Too short.")},
            ["docs/flags/x.md:5: flag page is too short: 28 words, at least 350 expected"],
            id="too-short",
        ),
        pytest.param(
            {"flags__x_ko": _page("위험 신호", "한 문장입니다.", SECTIONS_KO, "짧습니다.")},
            ["docs/flags/x.ko.md:5: flag page is too short: 34 Hangul syllables, at least 900 expected"],
            id="korean-too-short",
        ),
        pytest.param(
            {"flags__x_ko": ENGLISH_IN_KOREAN},
            ["docs/flags/x.ko.md:11: section 'cost' reads as English; Korean expected"],
            id="english-where-korean-expected",
        ),
        pytest.param(
            {"flags__x_ko": _page("A flag", "위험 신호에 관한 한 문장입니다.", SECTIONS_KO, KO_PARAGRAPH)},
            ["docs/flags/x.ko.md:2: front matter title is not in Korean"],
            id="english-title-on-korean-page",
        ),
        pytest.param(
            {"flags__x": _page("A flag", "First sentence. Second sentence.", SECTIONS_EN, EN_PARAGRAPH)},
            ["docs/flags/x.md:3: front matter description must be one sentence ending with a full stop"],
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
            ["docs/index.md:1: front matter is missing: start the page with --- and a title and description"],
            id="no-front-matter",
        ),
        pytest.param(
            {"index": "---\ntitle: [unclosed\n---\n# Home\n"},
            ["docs/index.md:3: front matter is not valid YAML: expected ',' or ']', but got '<stream end>'"],
            id="broken-front-matter",
        ),
        pytest.param(
            {"index": "---\ntitle: Home\ndescription: Never closed.\n# Home\n"},
            ["docs/index.md:1: front matter is not closed: add a line with --- after it"],
            id="unclosed-front-matter",
        ),
    ],
)
def test_each_mistake_is_reported_exactly(tmp_path, overrides, expected):
    assert _messages(_site(tmp_path, **overrides)) == expected
