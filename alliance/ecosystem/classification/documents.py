"""The plain values the classifier works on (no database, so the pipeline runs on the labelled set too)."""

from dataclasses import dataclass

from alliance.ecosystem.default_taxonomy import categories_with_paths


@dataclass(frozen=True)
class Document:
    """What is known about a company: its profile text, its business fields and its KSIC sub-class."""

    text: str
    business_fields: str = ""
    ksic_code: str = ""


@dataclass(frozen=True)
class Target:
    """A class the classifier can name: a category path with the taxonomy's keywords and KSIC codes."""

    path: tuple[str, ...]
    keywords: tuple[str, ...] = ()
    ksic_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    path: tuple[str, ...]
    confidence: float

    def as_json(self) -> dict:
        from .calibration import confidence_level  # noqa: PLC0415  calibration loads numpy and scipy; documents is imported by the keyword baseline and the placement command, which need neither

        return {
            "path": list(self.path),
            "confidence": round(self.confidence, 4),
            "confidence_level": confidence_level(self.confidence),
        }


def default_targets() -> list[Target]:
    """The default taxonomy's categories; a category's keywords include its subcategories'."""
    targets = []
    for path, category in categories_with_paths():
        keywords = list(category.get("keywords", []))
        for sub in category.get("subcategories", []):
            keywords.extend(sub.get("keywords", []))
        targets.append(
            Target(
                path=tuple(path),
                keywords=tuple(dict.fromkeys(keywords)),
                ksic_codes=tuple(category.get("ksic", [])),
            )
        )
    return targets
