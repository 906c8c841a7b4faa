"""What users met on the results and scoring pages (issue 11): which rule decided an equal score, the same
words on the page and in the PDFs; the public results of every released year; a closed panel's score form."""

import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from alliance.programs.documents import pdfs
from alliance.programs.models import Assignment
from alliance.programs.ranking import Sheet, rank
from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import panels as panel_service
from alliance.programs.services import results as results_service
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory
from alliance.programs.tests.factories_judging import (
    english,  # noqa: F401  autouse: messages in English
    fill_scores,
    final_panel,
    ready_judge,
)

# Equal trimmed means (13, 14, 15 kept → 14 for both); the first key (common subtotal) still ties, the second
# (the mean of all five totals: 14.4 against 14) decides.
SPREAD = (10, 13, 14, 15, 20)
EVEN = (14, 14, 14, 14, 14)
DECIDED_BY_MEAN = "Tie broken by: Mean of all judge totals"


def test_the_deciding_key_is_the_one_that_split_the_tie():
    sheets = [
        Sheet(judge=f"j{index}", group=group, criterion="c", points=points, is_common=True)
        for group, column in (("A", SPREAD), ("B", EVEN), ("C", (1, 2, 3, 4, 5)))
        for index, points in enumerate(column)
    ]

    rows = {row.group: row for row in rank(sheets, rule="trimmed_mean").rows}

    assert [(rows[g].rank, rows[g].deciding_key) for g in "ABC"] == [
        (1, "untrimmed_mean"),
        (2, "untrimmed_mean"),
        (3, ""),
    ]


@pytest.fixture
def tied_final(db, staff_user):
    return released_tie(ProgrammeFactory(), staff_user)


def released_tie(programme, staff_user):
    """A released final panel whose two groups have the same score, split by the second tie-break key."""
    panel = final_panel(programme)
    spread = ProjectGroupFactory(programme=programme, name="분산 그룹")
    even = ProjectGroupFactory(programme=programme, name="고른 그룹", track_code=spread.track.code)
    judges = [ready_judge(panel) for _ in range(5)]
    assignment_service.seat_final_panel(actor=staff_user, panel=panel)
    totals = {}
    for judge, high, flat in zip(judges, SPREAD, EVEN, strict=True):
        totals[(judge, spread)] = high
        totals[(judge, even)] = flat
    fill_scores(panel, totals)
    panel_service.close_panel(actor=staff_user, panel=panel)
    results_service.release_results(actor=staff_user, panel=panel)
    return panel


def test_public_results_say_which_rule_decided_an_equal_score(client, tied_final):
    page = client.get(reverse("programs:public_results", args=[tied_final.programme.year])).content.decode()

    assert page.count(f'<span class="tie-note">{DECIDED_BY_MEAN}</span>') == 2


def test_staff_result_sheet_and_pdfs_name_the_deciding_rule_the_same_way(client, tied_final, staff_user):
    client.force_login(staff_user)

    page = client.get(reverse("programs:panel_results", args=[tied_final.pk])).content.decode()
    sheet = render_to_string(pdfs.RESULT_SHEET, pdfs.result_sheet_context(tied_final))
    summary = render_to_string(pdfs.SUMMARY, pdfs.summary_context(tied_final.programme))

    assert page.count(f'<span class="tie-note">{DECIDED_BY_MEAN}</span>') == 2
    assert sheet.count(f'<span class="tie-note">{DECIDED_BY_MEAN}</span>') == 2
    assert summary.count(f'<span class="tie-note">{DECIDED_BY_MEAN}</span>') == 2


def test_public_results_list_every_released_year(client, tied_final, staff_user):
    current = tied_final.programme
    unreleased = ProgrammeFactory()
    older = released_tie(ProgrammeFactory(year=current.year - 1), staff_user).programme

    page = client.get(reverse("programs:public_results", args=[unreleased.year])).content.decode()
    switcher = re.search(r'<nav class="year-switcher".*?</nav>', page, re.S).group(0)

    assert re.findall(r'href="/programs/(\d+)/results/"', switcher) == [str(current.year), str(older.year)]
    assert str(unreleased.year) not in switcher


def test_a_closed_panels_score_inputs_are_disabled_with_a_note(client, db, staff_user):
    programme = ProgrammeFactory()
    panel = final_panel(programme)
    group = ProjectGroupFactory(programme=programme)
    judge = ready_judge(panel)
    assignment_service.seat_final_panel(actor=staff_user, panel=panel)
    fill_scores(panel, {(judge, group): 15})
    panel_service.close_panel(actor=staff_user, panel=panel)
    assignment = Assignment.objects.get(panel=panel, evaluator=judge, group=group)
    client.force_login(judge)

    page = client.get(reverse("programs:judging_assignment", args=[assignment.pk])).content.decode()

    inputs = re.findall(r"<(?:input|textarea)[^>]*name=\"c\d+-(?:points|comment)\"[^>]*>", page)
    assert len(inputs) == 2 * group.track.criteria.count()
    assert all(" disabled" in tag for tag in inputs)
    assert 'type="submit"' not in page.split('aria-label="Scores"')[1]
    assert "This panel is closed; your scores are final and can no longer be changed." in page
