#!/usr/bin/env python3
"""Write quiz/quiz.schema.json and quiz/messages.schema.json from the typed models (run after
changing quiz/model.py or quiz/messages.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quiz.schema import schema_files

if __name__ == "__main__":
    for path, text in schema_files().items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
