"""The labelled evaluation set: fictional Korean company profiles, one JSON object per line,
{"text": ..., "path": [domain, layer, category]} (optional "business_fields", "ksic_code")."""

import json
from collections import Counter
from pathlib import Path

from .documents import Document

DATA_FILE = Path(__file__).parent / "data" / "descriptions.jsonl"


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


def category_counts(examples) -> dict[str, int]:
    """Examples per category name, most first."""
    return dict(Counter(path[-1] for _, path in examples).most_common())
