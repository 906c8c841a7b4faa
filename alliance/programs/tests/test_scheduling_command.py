"""`manage.py schedule_meetings IN.json --out OUT.json`: output shape and error paths."""

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


def test_schedule_meetings_writes_the_issue_shape(tmp_path):
    out = tmp_path / "out.json"

    call_command("schedule_meetings", str(write(tmp_path, PROBLEM)), "--out", str(out))

    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["meetings"] == [
        {"company": "co-1", "investor": "inv-b", "slot": "14:00"},
        {"company": "co-1", "investor": "inv-a", "slot": "14:20"},
    ]
    assert (result["satisfied"], result["optimal"], result["bound"], result["gap_percent"]) == (2, True, 2, 0.0)
    assert set(result) == {"meetings", "satisfied", "optimal", "bound", "gap_percent", "seconds"}


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda p: p["companies"][1]["requests"].append("inv-z"), "companies[1].requests[1]"),
        (lambda p: p["investors"].append({"id": "inv-a"}), "investors[2].id"),
        (lambda p: p["companies"][0]["unavailable"].append("18:00"), "companies[0].unavailable[0]"),
        (lambda p: p["investors"][0].update(declines=["co-9"]), "investors[0].declines[0]"),
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
