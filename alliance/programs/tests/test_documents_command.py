"""`programme_documents`: every document of a programme written into a directory."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory
from alliance.programs.tests.factories_documents import judged_final


def test_programme_documents_writes_every_file_and_lists_them(db, staff_user, tmp_path):
    programme = ProgrammeFactory()
    group = ProjectGroupFactory(programme=programme, name="메타랩 컨소시엄")
    _panel, judges = judged_final(programme, staff_user, {group: (18, 17, 16, 15, 10)})
    out = io.StringIO()

    call_command(
        "programme_documents", str(programme.year), "--out", str(tmp_path / "docs"), "--format", "json", stdout=out
    )

    listed = json.loads(out.getvalue())
    year = programme.year
    expected = [
        f"{year}-applications.xlsx",
        f"{year}-evaluation-summary.pdf",
        f"{year}-result-sheet-final.pdf",
        f"{year}-results-final.xlsx",
        f"{year}-certificates.pdf",
        *sorted(f"{year}-scores-final-{judge.pk}.xlsx" for judge in judges),
        f"{year}-post-award-support.xlsx",
    ]
    assert [entry["file"] for entry in listed["files"]][:5] == expected[:5]
    assert sorted(entry["file"] for entry in listed["files"]) == sorted(expected)
    assert sorted(path.name for path in (tmp_path / "docs").iterdir()) == sorted(expected)
    assert all((tmp_path / "docs" / entry["file"]).stat().st_size == entry["bytes"] > 0 for entry in listed["files"])
    assert (tmp_path / "docs" / f"{year}-result-sheet-final.pdf").read_bytes().startswith(b"%PDF-")


def test_programme_documents_refuses_an_unknown_programme(db, tmp_path):
    with pytest.raises(CommandError) as refused:
        call_command("programme_documents", "1999", "--out", str(tmp_path))

    assert "1999" in str(refused.value)
    assert list(tmp_path.iterdir()) == []
