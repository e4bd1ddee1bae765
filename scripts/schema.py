#!/usr/bin/env python3
"""Write quiz/quiz.schema.json from the typed models (run after changing quiz/model.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quiz.schema import SCHEMA_FILE, schema_text  # noqa: E402

if __name__ == "__main__":
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}")
