"""The one rule for whether a text is written in its language, used by the quiz and the guide."""

from __future__ import annotations

import pytest

from quiz.language import native_letters, written_in
from tests.support.site import ROOT


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("작업 범위를 글로 정리하십시오.", "ko", True),
        ("NDA를 먼저 보내 주십시오.", "ko", True),
        ("예", "ko", True),
        ("2025년 3월 15일", "ko", True),
        ("", "ko", True),
        ("100%", "ko", True),
        ("Send the NDA first.", "ko", False),
        ("NDA 서명", "ko", False),  # three Latin letters to two Hangul syllables
        ("NDA 서명함", "ko", True),  # three and three: half is enough
        ("Send the NDA first.", "en", True),
        ("작업 범위", "en", True),  # languages without a script of their own are not judged here
    ],
)
def test_a_text_is_in_its_language_when_most_of_its_letters_are_in_its_script(
    text, language, expected
):
    assert written_in(text, language) is expected


def test_too_few_letters_are_not_judged():
    assert written_in("Send it.", "ko", minimum_letters=40)
    assert not written_in("Send it.", "ko", minimum_letters=1)


def test_native_letters_counts_hangul_syllables():
    assert native_letters("NDA를 보내 주십시오.", "ko") == 7


def test_the_hangul_range_is_written_in_quiz_language_only():
    """One source: the content checks and the quiz validator take the range from
    quiz/language.py."""
    holders = sorted(
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "quiz").rglob("*.py")
        if "\\uac00" in path.read_text(encoding="utf-8")
        or "\\ud7a3" in path.read_text(encoding="utf-8")
    )
    assert holders == ["quiz/language.py"]
