"""What a self-check's result page and PDF show: total, the profile by principle (with the earlier year's), the
low-scored items with their article and advice."""

from dataclasses import dataclass
from decimal import Decimal

from alliance.regulation.chart import ProfileRow, profile_svg
from alliance.regulation.models import SelfCheck
from alliance.regulation.queries import previous_result
from alliance.regulation.scoring import LOW_ANSWER, score


@dataclass(frozen=True)
class LowItem:
    number: int
    text: str
    answer: int
    points: Decimal
    weight: int
    principle: str
    article_number: int
    article: str
    advice: str


@dataclass(frozen=True)
class Result:
    selfcheck: SelfCheck
    total: Decimal
    rows: list[dict]  # name, points, maximum, percent, earlier (percent or None)
    low_items: list[LowItem]
    earlier: SelfCheck | None
    change: Decimal | None
    chart: str


def _percents(selfcheck: SelfCheck) -> dict[str, Decimal]:
    return score(selfcheck.checklist.scoring_items(), selfcheck.answers).percent_by_principle()


def result_of(selfcheck: SelfCheck) -> Result:
    """The result of a submitted self-check (its own version's items, weights and articles)."""
    checklist = selfcheck.checklist
    result = score(checklist.scoring_items(), selfcheck.answers)
    percents = result.percent_by_principle()
    names = checklist.principle_names()
    earlier = previous_result(selfcheck.organisation_id, selfcheck.year)
    earlier_percents = _percents(earlier) if earlier else {}
    rows = [
        {
            "name": names[key],
            "points": points,
            "maximum": result.maximum_by_principle[key],
            "percent": percents[key],
            "earlier": earlier_percents.get(key),
        }
        for key, points in result.by_principle.items()
    ]
    low = []
    for item in checklist.content["items"]:
        answer = selfcheck.answers[str(item["number"])]
        if answer <= LOW_ANSWER:
            article = checklist.article(item["article"]) or {"text": ""}
            low.append(
                LowItem(
                    number=item["number"],
                    text=item["text"],
                    answer=answer,
                    points=result.items[item["number"]],
                    weight=item["weight"],
                    principle=names[item["principle"]],
                    article_number=item["article"],
                    article=article["text"],
                    advice=item["advice"],
                )
            )
    chart = profile_svg(
        [ProfileRow(row["name"], row["percent"], row["earlier"]) for row in rows],
        year=selfcheck.year,
        earlier_year=earlier.year if earlier else None,
    )
    return Result(
        selfcheck=selfcheck,
        total=result.total,
        rows=rows,
        low_items=low,
        earlier=earlier,
        change=(result.total - earlier.total).quantize(Decimal("0.1")) if earlier else None,
        chart=chart,
    )
