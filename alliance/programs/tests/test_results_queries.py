"""Constant-query guards of the judging list pages: the result sheet, objections, the evaluator's page and
the public results page issue as many queries for three groups as for one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.programs.models import Panel
from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import objections as objection_service
from alliance.programs.services import panels as panel_service
from alliance.programs.services import results as results_service
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory
from alliance.programs.tests.factories_judging import english, fill_scores, final_panel, ready_judge  # noqa: F401


def released_programme(group_count: int, staff_user):
    """A released final panel: `group_count` SW groups, three judges, winners placed, one objection a group."""
    programme = ProgrammeFactory()
    groups = [ProjectGroupFactory(programme=programme) for _ in range(group_count)]
    panel = final_panel(programme)
    judges = [ready_judge(panel) for _ in range(3)]
    assignment_service.seat_final_panel(actor=staff_user, panel=panel)
    fill_scores(panel, {(judge, group): 10 + index for index, group in enumerate(groups) for judge in judges})
    panel_service.close_panel(actor=staff_user, panel=panel)
    results_service.choose_winners(actor=staff_user, panel=panel)
    panel = results_service.release_results(actor=staff_user, panel=panel, notify=False)
    for group in groups:
        rep = UserFactory(role=Role.MEMBER_REP, organisation=group.lead)
        objection_service.lodge_objection(user=rep, panel=panel, group=group, text="재검토 요청")
    return programme, panel, judges[0]


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def pages(db, staff_user):
    """Query counts of each page, for a programme of one group and one of three."""

    def measure(client, group_count: int) -> dict[str, int]:
        programme, panel, judge = released_programme(group_count, staff_user)
        counts = {}
        client.force_login(staff_user)
        counts["results"] = count_queries(client, reverse("programs:panel_results", args=[panel.pk]))
        counts["objections"] = count_queries(client, reverse("programs:panel_objections", args=[panel.pk]))
        counts["public"] = count_queries(client, reverse("programs:public_results", args=[programme.year]))
        client.force_login(judge)
        counts["judging_home"] = count_queries(client, reverse("programs:judging_home"))
        Panel.objects.filter(pk=panel.pk).delete()
        return counts

    return measure


def test_judging_list_pages_queries_do_not_grow_with_groups(client, pages):
    with_one = pages(client, 1)

    with_three = pages(client, 3)

    assert with_three == with_one
