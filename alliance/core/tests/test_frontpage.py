"""The front page's registry: sections in order and left out when they have nothing, key figures, and the
"coming up" list merged from every source (under way by deadline, coming by start, past ones dropped)."""

import datetime

import pytest
from django.utils import timezone

from alliance.core import frontpage
from alliance.core.frontpage import AgendaItem, Figure, FigureValue, Section

NOW = timezone.make_aware(datetime.datetime(2026, 6, 1, 12, 0))


def days(n: float) -> datetime.datetime:
    return NOW + datetime.timedelta(days=n)


@pytest.fixture
def empty_registry(monkeypatch):
    monkeypatch.setattr(frontpage, "_SECTIONS", {})
    monkeypatch.setattr(frontpage, "_FIGURES", {})
    monkeypatch.setattr(frontpage, "_AGENDA", {})


def test_sections_come_in_order_and_one_with_nothing_is_left_out(empty_registry):
    frontpage.register_section(Section("b", 20, "b.html", lambda: {"x": 2}))
    frontpage.register_section(Section("nothing", 15, "n.html", lambda: None))
    frontpage.register_section(Section("a", 10, "a.html", lambda: {"x": 1}))
    frontpage.register_section(Section("a2", 10, "a2.html", dict))

    shown = frontpage.sections()

    assert [(item.key, item.template, item.context) for item in shown] == [
        ("a", "a.html", {"x": 1}),
        ("a2", "a2.html", {}),
        ("b", "b.html", {"x": 2}),
    ]


def test_registering_a_key_again_replaces_it(empty_registry):
    frontpage.register_section(Section("a", 10, "old.html", dict))
    frontpage.register_section(Section("a", 10, "new.html", dict))

    assert [item.template for item in frontpage.sections()] == ["new.html"]


def test_figures_in_order_without_those_that_have_no_value(empty_registry):
    frontpage.register_figure(Figure("map", 20, lambda: None))
    frontpage.register_figure(Figure("groups", 30, lambda: FigureValue("그룹", 15, "개")))
    frontpage.register_figure(Figure("members", 10, lambda: FigureValue("회원사", 1139, "개사", "/member_companies")))

    assert frontpage.figures() == [
        FigureValue("회원사", 1139, "개사", "/member_companies"),
        FigureValue("그룹", 15, "개"),
    ]


def test_agenda_merges_sources_soonest_first_and_drops_what_is_over(empty_registry):
    call = AgendaItem("공모 접수", "공모", days(-10), days(5))  # under way: its deadline counts
    final = AgendaItem("최종 평가", "공모", days(3), days(3.2))  # coming: its start counts
    over = AgendaItem("서류 평가", "공모", days(-20), days(-1))
    seminar = AgendaItem("공개 세미나", "행사", days(4))  # a moment
    past_seminar = AgendaItem("지난 세미나", "행사", days(-2))
    frontpage.register_agenda("programs", lambda now, limit: [call, final, over])
    frontpage.register_agenda("events", lambda now, limit: [seminar, past_seminar])

    assert frontpage.agenda(NOW) == [final, seminar, call]
    assert frontpage.agenda(NOW, limit=2) == [final, seminar]
    assert (call.is_on(NOW), final.is_on(NOW), seminar.is_on(NOW)) == (True, False, False)


def test_each_source_is_asked_for_at_most_the_limit(empty_registry):
    asked = []
    frontpage.register_agenda("programs", lambda now, limit: asked.append((now, limit)) or [])

    frontpage.agenda(NOW, limit=3)

    assert asked == [(NOW, 3)]


def test_core_sections_are_left_out_with_no_figures_and_no_agenda_source(empty_registry):
    frontpage.register_section(Section("figures", 10, "core/frontpage/figures.html", frontpage._figures_context))
    frontpage.register_section(Section("upcoming", 30, "core/frontpage/upcoming.html", frontpage._agenda_context))

    assert frontpage.sections() == []


def test_the_kept_front_page_changes_version_every_minute():
    minute = timezone.make_aware(datetime.datetime(2026, 6, 1, 12, 0))

    versions = [frontpage.version(minute + datetime.timedelta(seconds=s)) for s in (0, 59, 60, 119, 120)]

    assert versions[0] == versions[1] != versions[2] == versions[3] != versions[4]
