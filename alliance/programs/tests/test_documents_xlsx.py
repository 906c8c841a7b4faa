"""XLSX exports: applications, a judge's own score sheet, and a panel's results with every raw score."""

import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from alliance.programs.documents import xlsx
from alliance.programs.models import Criterion, GroupMember
from alliance.programs.services import panels as panel_service
from alliance.programs.services.results import panel_results
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory
from alliance.programs.tests.factories_documents import judged_final


def rows_of(content: bytes) -> dict[str, list[tuple]]:
    workbook = load_workbook(io.BytesIO(content))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}


@pytest.fixture
def programme(db):
    return ProgrammeFactory()


@pytest.fixture
def groups(programme):
    return [
        ProjectGroupFactory(programme=programme, name="메타랩 컨소시엄"),
        ProjectGroupFactory(programme=programme, name='=HYPERLINK("x")', submitted=False),
        ProjectGroupFactory(programme=programme, name="한빛 하드웨어", track_code="HW"),
    ]


def test_applications_one_row_per_group_with_partners_and_status(programme, groups):
    GroupMember.objects.filter(group=groups[0], role=GroupMember.Role.PARTNER).update(confirmed_at=None)

    with translation.override("en"):
        sheets = rows_of(xlsx.applications_xlsx(programme))

    [(_title, rows)] = sheets.items()
    assert rows[0] == (
        "Track",
        "Project group",
        "Lead company",
        "Partner companies",
        "Project title",
        "Status",
        "Submitted at",
        "Attachments",
        "Deadline extended until",
    )
    partners = [group.members.get(role="partner").organisation.name for group in groups]
    assert [(row[1], row[3], row[5]) for row in rows[1:]] == [
        ('=HYPERLINK("x")', partners[1], "Draft"),
        ("메타랩 컨소시엄", f"{partners[0]} (not confirmed)", "Submitted"),
        ("한빛 하드웨어", partners[2], "Submitted"),
    ]


def test_applications_keep_formula_like_names_as_text(programme, groups):
    workbook = load_workbook(io.BytesIO(xlsx.applications_xlsx(programme)))

    cell = workbook.worksheets[0]["B2"]

    assert (cell.value, cell.data_type) == ('=HYPERLINK("x")', "s")


def test_judge_score_sheet_holds_only_that_judges_points_and_totals(programme, staff_user, groups):
    metalab, _draft, hanbit = groups
    panel, judges = judged_final(
        programme, staff_user, {metalab: (18, 17, 16, 15, 10), hanbit: (10, 11, 12, 13, 14)}, close=False
    )
    criterion = Criterion.objects.filter(track=metalab.track).order_by("position").first()
    panel_service.save_score(
        judge=judges[1], panel=panel, group=metalab, criterion=criterion, points=20, comment="독창적", source="import"
    )

    with translation.override("en"):
        sheets = rows_of(xlsx.judge_scores_xlsx(panel, judges[1]))

    assert list(sheets) == ["SW부문", "HW부문"]
    assert sheets["SW부문"][0] == (
        programme.name,
        "Final presentation judging",
        "심사위원 나",
        None,
        None,
        None,
        None,
        None,
    )
    # The unscored group (seated on the panel all the same) is listed with empty cells.
    assert sheets["SW부문"][3:] == [
        ('=HYPERLINK("x")', None, None, None, None, None, None, None),
        ("메타랩 컨소시엄", 20, 17, 17, 17, 17, 88, f"{criterion.name}: 독창적"),
    ]
    assert sheets["HW부문"][3:] == [("한빛 하드웨어", 11, 11, 11, 11, 11, 55, None)]


def test_results_sheet_ranks_with_dropped_totals_fingerprint_and_raw_scores(programme, staff_user):
    metalab = ProjectGroupFactory(programme=programme, name="메타랩 컨소시엄")
    hanbit = ProjectGroupFactory(programme=programme, name="한빛 하드웨어", track_code="HW")
    panel, _judges = judged_final(programme, staff_user, {metalab: (18, 17, 16, 15, 10), hanbit: (10, 11, 12, 13, 14)})
    fingerprints = {item.track.code: item.result.fingerprint for item in panel_results(panel)}

    with translation.override("en"):
        sheets = rows_of(xlsx.results_xlsx(panel))

    sw = sheets["SW부문"]
    assert sw[4][:2] == ("Fingerprint", fingerprints["SW"])
    assert sw[7] == (
        1,
        "메타랩 컨소시엄",
        80,
        "90 (dropped)",
        85,
        80,
        75,
        "50 (dropped)",
        "Mean without the highest and lowest judge total",
        None,
        None,
    )
    assert len(sheets["Raw scores"]) == 1 + 2 * 5 * 5
    assert sheets["Raw scores"][1] == ("SW부문", "메타랩 컨소시엄", "심사위원 가", "독창성 및 혁신성", 18, None)
