"""The reader's own settings, kept in the browser with the saved prospects (quiz/web/store.js,
format 3; README.md, "Workspace test contract"): their terms, the figures every draft states, and
their own lines, the answers they never work on, which decide walk-away for them
(`quiz.scoring.score`, `own_lines`).

This module is the one source of the limits a stored value keeps: the page's JSON island carries
them to the scripts (quiz/site/view.py), and the prospects page states them in its hints.
"""

from __future__ import annotations

# Each figure of the reader's terms, by its key in the store and in a draft's `terms`: the lowest
# and highest whole number it may be. The fifth setting, `signature` (the name they sign with),
# is text of at most `quiz.drafting.NAME_MAX` characters.
TERM_LIMITS: dict[str, tuple[int, int]] = {
    "deposit": (0, 100),  # per cent of the fee, paid before work starts
    "payment-days": (1, 365),  # days to pay an invoice
    "revisions": (0, 20),  # rounds of revisions included
    "rush": (0, 300),  # per cent added for rush work
}
SIGNATURE = "signature"
TERMS = (*TERM_LIMITS, SIGNATURE)
# The fewest points an answer needs for the reader to make it one of their own lines: an answer
# worth 0 is ordinary caution, never a reason to walk away.
LINE_MIN_POINTS = 1
