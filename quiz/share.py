"""Short, stable keys for questions in share links (`#v=1&a=<key>.<option>~...`).

A key is derived from the question id, so a link keeps working when questions are added,
removed or reordered: known answers are kept and the rest show as unanswered. The keys travel
to the browser in the quiz's JSON island; the validator checks that no two questions share one.
"""

from __future__ import annotations


def share_key(question_id: str) -> str:
    """Five base-36 characters of the 32-bit FNV-1a hash of the id."""
    value = 2166136261
    for byte in question_id.encode("utf-8"):
        value ^= byte
        value = (value * 16777619) & 0xFFFFFFFF
    return _base36(value).rjust(7, "0")[-5:]


def _base36(value: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        value, rest = divmod(value, 36)
        text = digits[rest] + text
        if not value:
            return text
