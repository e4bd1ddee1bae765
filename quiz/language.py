"""Whether a text is written in its language: the one rule for the guide's pages and the quiz data.

A language with its own script (Korean: Hangul) is judged by its letters: most of them must be in
that script. Latin words inside Korean ("NDA", "PDF"), digits and punctuation are fine; a text
whose letters are mostly Latin reads as English. Languages not in SCRIPTS are not checked.
"""

from __future__ import annotations

import re


def written_in(text: str, language: str, minimum_letters: int = 1) -> bool:
    """Whether most letters of the text are in the language's script (too little text passes)."""
    script = SCRIPTS.get(language)
    if script is None:
        return True
    native = len(re.findall(script, text))
    latin = len(re.findall(LATIN, text))
    if native + latin < minimum_letters:
        return True
    return native / (native + latin) >= NATIVE_SHARE


def native_letters(text: str, language: str) -> int:
    """How many letters of the text are in the language's script (Hangul syllables for Korean)."""
    return len(re.findall(SCRIPTS[language], text))


# Precomposed Hangul syllables, the letters of written Korean.
HANGUL = r"[\uac00-\ud7a3]"
LATIN = r"[A-Za-z]"
# Letters that show a text is written in its language; languages not listed are not checked.
SCRIPTS = {"ko": HANGUL}
# The share of a text's letters that must be in its own script.
NATIVE_SHARE = 0.5
