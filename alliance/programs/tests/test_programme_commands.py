"""The set-up and mentoring batch commands: copy_programme and match_mentors (JSON output, clear errors)."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.programs.models import Programme
from alliance.programs.services.mentoring import add_mentor
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory

pytestmark = pytest.mark.django_db


def _run(*args) -> dict:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return json.loads(out.getvalue())


def test_copy_programme_json_names_the_copy_and_its_tracks():
    ProgrammeFactory(year=2025, name="2025 프로젝트 그룹")

    result = _run("copy_programme", "2025", "2026", "--format", "json")

    assert result == {"year": 2026, "name": "2026 프로젝트 그룹", "tracks": {"SW": 5, "HW": 5}}
    assert Programme.objects.get(year=2026).copied_from.year == 2025


def test_copy_programme_unknown_source_exits_with_the_reason():
    with pytest.raises(CommandError) as error:
        call_command("copy_programme", "2019", "2026")

    assert str(error.value) == "“2019”에 해당하는 프로그램(이름 또는 연도)이 없습니다."
    assert Programme.objects.count() == 0


def test_match_mentors_json_lists_matched_and_unmatched():
    programme = ProgrammeFactory(year=2026)
    for name, field in (("가 그룹", "제조·건설"), ("나 그룹", "쇼핑·유통")):
        group = ProjectGroupFactory(programme=programme, name=name)
        group.mentoring_field = field
        group.save(update_fields=["mentoring_field"])
    add_mentor(actor=None, programme=programme, user=UserFactory(role=Role.EVALUATOR), field="제조·건설")

    result = _run("match_mentors", "2026", "--round", "1", "--format", "json")

    assert result == {"matched": 1, "unmatched": ["나 그룹"]}
