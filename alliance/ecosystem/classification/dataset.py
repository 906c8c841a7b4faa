"""The labelled sets: fictional Korean company profiles, one JSON object per line,
{"text": ..., "path": [domain, layer, category]} (optional "business_fields", "ksic_code").

descriptions.jsonl is the training set (and the old held-out split's source); fresh_descriptions.jsonl is
the blind evaluation set, written without reading the training set or the taxonomy's keywords and never
used to choose anything (see evaluation.py)."""

import json
from collections import Counter
from pathlib import Path

from .documents import Document

DATA_FILE = Path(__file__).parent / "data" / "descriptions.jsonl"
FRESH_FILE = Path(__file__).parent / "data" / "fresh_descriptions.jsonl"


def load_examples(path: Path = DATA_FILE) -> list[tuple[Document, tuple[str, ...]]]:
    examples = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            document = Document(
                text=row["text"], business_fields=row.get("business_fields", ""), ksic_code=row.get("ksic_code", "")
            )
            examples.append((document, tuple(row["path"])))
    return examples


def load_fresh_examples() -> list[tuple[Document, tuple[str, ...]]]:
    return load_examples(FRESH_FILE)


def category_counts(examples) -> dict[str, int]:
    """Examples per category name, most first."""
    return dict(Counter(path[-1] for _, path in examples).most_common())
