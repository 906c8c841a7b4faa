"""The labelled sets: fictional Korean company profiles, one JSON object per line,
{"text": ..., "path": [domain, layer, category]} (optional "business_fields", "ksic_code", "fields": the
application fields, "role": "maker" or "user").

Labels follow seed 003's value chain by role: a maker or provider (hardware, software, content, platform,
infrastructure) is in the core area even when it makes everything for one field, with that field in
"fields"; a business of the field itself that uses such products is in the field's forward-linked category.

Training (TRAINING_FILES, each its own source for calibration): descriptions.jsonl (the first labelled set),
fresh_descriptions.jsonl (the old blind set, seen since, so now training data) and role_descriptions.jsonl
(written for the role: field businesses and makers for a field, as press releases, one-liners, 사업자
소개서 and English-mixed). The two older files were first labelled by field; their forward-linked rows were
relabelled by role (December 2026): a row read as a business of the field kept its category, every other
became a core category by what it makes. blind_descriptions.jsonl is the evaluation set: written in another
voice (third-person analyst and press copy) and committed before any model change, never used to choose
anything (see evaluation.py)."""

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .documents import Document

DATA_DIR = Path(__file__).parent / "data"
DATA_FILE = DATA_DIR / "descriptions.jsonl"
FRESH_FILE = DATA_DIR / "fresh_descriptions.jsonl"
ROLE_FILE = DATA_DIR / "role_descriptions.jsonl"
BLIND_FILE = DATA_DIR / "blind_descriptions.jsonl"
TRAINING_FILES = (DATA_FILE, FRESH_FILE, ROLE_FILE)


@dataclass(frozen=True)
class Example:
    document: Document
    path: tuple[str, ...]
    fields: frozenset[str]
    role: str
    source: str


def load_rows(path: Path) -> list[Example]:
    examples = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            document = Document(
                text=row["text"], business_fields=row.get("business_fields", ""), ksic_code=row.get("ksic_code", "")
            )
            examples.append(
                Example(document, tuple(row["path"]), frozenset(row.get("fields", ())), row.get("role", ""), path.stem)
            )
    return examples


def training_rows() -> list[Example]:
    return [example for path in TRAINING_FILES for example in load_rows(path)]


def blind_rows() -> list[Example]:
    return load_rows(BLIND_FILE)


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
