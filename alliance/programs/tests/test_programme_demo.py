"""Demo data of the competition: 2025 and 2026 programmes, 15 groups of 35 distinct member companies."""

import pytest
from django.db.models import Count

from alliance.members import demo as members_demo
from alliance.programs import demo
from alliance.programs.models import GroupMember, Programme, ProjectGroup, Proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def members():
    members_demo.load(members_demo.generate(120, seed=3))


def _layout():
    return [
        (group.name, group.track.code, sorted(m.organisation.name for m in group.members.all()))
        for group in ProjectGroup.objects.filter(programme__year=2026)
        .select_related("track")
        .prefetch_related("members__organisation")
        .order_by("name")
    ]


def test_load_demo_groups_are_15_of_35_distinct_members_all_submitted(members, monkeypatch):
    monkeypatch.setattr(demo, "_later_stage", lambda *args: None)

    summary = demo.load_demo(seed=5)

    groups = ProjectGroup.objects.filter(programme__year=2026)
    companies = GroupMember.objects.filter(programme__year=2026)
    assert summary == "2026 프로젝트 그룹: 15개 그룹(35개사) 제안서 제출, 2025 프로그램(복사 원본)"
    assert groups.count() == 15
    assert (companies.count(), companies.values("organisation").distinct().count()) == (35, 35)
    assert all(m.organisation.is_current_member for m in companies.select_related("organisation"))
    assert Proposal.objects.filter(group__programme__year=2026, status="submitted").count() == 15
    assert sorted(groups.values("track__code").annotate(n=Count("pk")).values_list("track__code", "n")) == [
        ("HW", 7),
        ("SW", 8),
    ]
    assert list(Programme.objects.get(year=2025).tracks.values_list("code", flat=True)) == ["IDEA", "BM"]


def test_load_demo_same_seed_gives_the_same_groups(members, monkeypatch):
    monkeypatch.setattr(demo, "_later_stage", lambda *args: None)
    demo.load_demo(seed=5)
    first = _layout()
    ProjectGroup.objects.all().delete()
    Programme.objects.filter(year=2026).delete()

    demo.load_demo(seed=5)

    assert _layout() == first


def test_load_demo_twice_leaves_the_first_in_place(members, monkeypatch):
    monkeypatch.setattr(demo, "_later_stage", lambda *args: None)
    demo.load_demo(seed=5)

    summary = demo.load_demo(seed=6)

    assert summary == "2026 프로젝트 그룹 데모가 이미 있습니다."
    assert ProjectGroup.objects.count() == 15


def test_load_demo_calls_the_later_stages_with_the_programme(members, monkeypatch):
    calls = []

    def later(module_name, programme, seed):
        calls.append((module_name, programme.year, seed))
        return f"{module_name.rsplit('.', 1)[-1]} 완료"

    monkeypatch.setattr(demo, "_later_stage", later)

    summary = demo.load_demo(seed=9)

    assert calls == [
        ("alliance.programs.demo_judging", 2026, 9),
        ("alliance.programs.demo_support", 2026, 9),
        ("alliance.programs.demo_investment", 2026, 9),
        ("alliance.programs.demo_mentoring", 2026, 9),
    ]
    assert summary.endswith(" · demo_judging 완료 · demo_support 완료 · demo_investment 완료 · demo_mentoring 완료")
