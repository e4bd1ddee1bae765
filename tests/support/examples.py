"""How many examples each property test tries, by the profile that HYPOTHESIS_PROFILE names:
`thorough` (the default, for `make test` and CI) runs each test's full count; `quick` (for `make
check`, before each commit) a tenth of it, at least ten. An unknown name is an error, not a
silent default."""

from __future__ import annotations

import os

PROFILES = {"thorough": 1.0, "quick": 0.1}
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "thorough")
if PROFILE not in PROFILES:
    raise ValueError(f"HYPOTHESIS_PROFILE={PROFILE!r}: choose one of {', '.join(PROFILES)}")


def examples(full: int) -> int:
    """The number of examples for a test whose thorough run tries `full`."""
    return max(min(full, 10), round(full * PROFILES[PROFILE]))
