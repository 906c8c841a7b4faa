"""`manage.py schedule_meetings IN.json --out OUT.json`: output shape and error paths."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[3]
PROBLEM = {
    "slots": ["14:00", "14:20"],
    "investors": [{"id": "inv-a", "unavailable": ["14:00"]}, {"id": "inv-b", "unavailable": []}],
    "companies": [
        {"id": "co-1", "unavailable": [], "requests": ["inv-a", "inv-b"]},
        {"id": "co-2", "unavailable": ["14:20"], "requests": ["inv-a"]},
    ],
}


def write(tmp_path, document) -> Path:
    path = tmp_path / "in.json"
    path.write_text(document if isinstance(document, str) else json.dumps(document), encoding="utf-8")
    return path


def test_schedule_meetings_writes_exactly_the_issue_shape(tmp_path):
    out = tmp_path / "out.json"
    errors = io.StringIO()

    call_command("schedule_meetings", str(write(tmp_path, PROBLEM)), "--out", str(out), stderr=errors)

    assert json.loads(out.read_text(encoding="utf-8")) == {
        "meetings": [
            {"company": "co-1", "investor": "inv-b", "slot": "14:00"},
            {"company": "co-1", "investor": "inv-a", "slot": "14:20"},
        ],
        "satisfied": 2,
        "optimal": True,
    }
    summary = errors.getvalue().strip().splitlines()
    assert len(summary) == 1
    assert summary[0].startswith("상한 2, 차이 0.0%, ")


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda p: p["companies"][1]["requests"].append("inv-z"), "companies[1].requests[1]"),
        (lambda p: p["investors"].append({"id": "inv-a"}), "investors[2].id"),
        (lambda p: p["companies"][0]["unavailable"].append("18:00"), "companies[0].unavailable[0]"),
        (lambda p: p["investors"][0].update(declines=["co-9"]), "investors[0].declines[0]"),
        (lambda p: p["investors"][0].update(unavailabe=["14:20"]), "investors[0].unavailabe"),
        (lambda p: p["companies"][1].update(request=["inv-b"]), "companies[1].request"),
        (lambda p: p.update(slot=["14:40"]), "slot"),
        (lambda p: p["slots"].append("25:00"), "slots[2]"),
        (lambda p: p["slots"].append("abc"), "slots[2]"),
        (lambda p: p["slots"].append("9:00"), "slots[2]"),
    ],
)
def test_schedule_meetings_refuses_invalid_input_naming_the_item(tmp_path, change, named):
    problem = json.loads(json.dumps(PROBLEM))
    change(problem)
    out = tmp_path / "out.json"

    with pytest.raises(CommandError) as caught:
        call_command("schedule_meetings", str(write(tmp_path, problem)), "--out", str(out))

    assert named in str(caught.value)
    assert not out.exists()


def test_schedule_meetings_refuses_malformed_json(tmp_path):
    with pytest.raises(CommandError) as caught:
        call_command("schedule_meetings", str(write(tmp_path, '{"slots": [}')))

    assert "12" in str(caught.value)  # the column of the stray brace


def test_schedule_meetings_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError) as caught:
        call_command("schedule_meetings", str(tmp_path / "absent.json"))

    assert "absent.json" in str(caught.value)


def test_schedule_meetings_exits_non_zero_naming_the_item(tmp_path):
    problem = json.loads(json.dumps(PROBLEM))
    problem["companies"][0]["requests"] = ["nobody"]

    finished = subprocess.run(  # noqa: S603  our own interpreter and manage.py
        [sys.executable, "manage.py", "schedule_meetings", str(write(tmp_path, problem))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert finished.returncode == 1
    assert "companies[0].requests[0]" in finished.stderr
    assert "“nobody”" in finished.stderr


def test_schedule_meetings_refuses_a_misspelt_key_with_status_1(tmp_path):
    problem = json.loads(json.dumps(PROBLEM))
    problem["investors"][0]["unavailabe"] = problem["investors"][0].pop("unavailable")

    finished = subprocess.run(  # noqa: S603  our own interpreter and manage.py
        [sys.executable, "manage.py", "schedule_meetings", str(write(tmp_path, problem))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert finished.returncode == 1
    assert "investors[0].unavailabe" in finished.stderr
    assert finished.stdout == ""
