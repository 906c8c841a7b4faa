"""`manage.py ethics_score ANSWERS.json --format json` as the issue states it."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from alliance.regulation.services.checklist import start_year


@pytest.fixture
def checklist(db):
    return start_year(actor=None, year=2026, publish=True)


def _run(tmp_path, data) -> dict:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out.txt"
    with out.open("w", encoding="utf-8") as stream:
        call_command("ethics_score", str(path), "--format", "json", stdout=stream)
    return json.loads(out.read_text(encoding="utf-8"))


def test_scores_the_years_current_version(tmp_path, checklist):
    answers = {"1": 5, "2": 4, "3": 5, "4": 4, "5": 5, "6": 4, "7": 4, "8": 4, "9": 4, "10": 3}
    assert _run(tmp_path, {"year": 2026, "answers": answers}) == {
        "year": 2026,
        "total": 84.0,
        "by_principle": {
            "진정성": 18.0, "자율성": 10.0, "호혜성": 8.0, "사생활 존중": 10.0,
            "공정성": 8.0, "개인정보 보호": 8.0, "포용성": 8.0, "책임성": 14.0,
        },
    }  # fmt: skip


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({str(n): 3 for n in range(1, 10)}, "10번 문항의 답이 없습니다."),
        ({str(n): 3 for n in range(1, 11)} | {"4": 6}, "4번 문항의 답은 1부터 5까지의 정수여야 합니다: 6"),
        ({str(n): 3 for n in range(1, 11)} | {"12": 3}, "알 수 없는 문항입니다: 12"),
    ],
)
def test_wrong_answers_are_reported_in_korean(tmp_path, checklist, answers, message):
    with pytest.raises(CommandError, match=message):
        _run(tmp_path, {"year": 2026, "answers": answers})
