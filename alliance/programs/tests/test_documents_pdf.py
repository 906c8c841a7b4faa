"""PDF documents of a judged programme: the result sheet, award certificates and the one-page summary."""

from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from alliance.core.tests.pdf_reading import font_names, media_boxes, page_count, page_texts, shown_characters, shows
from alliance.programs.documents import data, pdfs
from alliance.programs.models import Absence, Winner
from alliance.programs.services import panels as panel_service
from alliance.programs.services import results as results_service
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory
from alliance.programs.tests.factories_documents import JUDGE_NAMES, judged_final

A4_LANDSCAPE = (0.0, 0.0, 841.9, 595.3)


@pytest.fixture
def programme(db):
    return ProgrammeFactory()


@pytest.fixture
def judged(programme, staff_user):
    """SW: 메타랩 (totals 90 85 80 75 50 → 80) and 가온XR (95 70 70 70 60 → 70); HW: 한빛 (50…70 → 60)."""
    metalab = ProjectGroupFactory(programme=programme, name="메타랩 컨소시엄")
    gaon = ProjectGroupFactory(programme=programme, name="가온XR 컨소시엄")
    hanbit = ProjectGroupFactory(programme=programme, name="한빛 하드웨어", track_code="HW")
    panel, _judges = judged_final(
        programme,
        staff_user,
        {metalab: (18, 17, 16, 15, 10), gaon: (19, 14, 14, 14, 12), hanbit: (10, 11, 12, 13, 14)},
    )
    return panel


def test_result_sheet_lines_hold_every_total_and_which_were_dropped(judged):
    sheet = next(sheet for sheet in data.result_sheets(judged) if sheet.track.code == "SW")

    lines = [
        (line.row.rank, line.row.group, line.row.score, [(cell.judge, cell.total, cell.dropped) for cell in line.cells])
        for line in sheet.rows
    ]
    assert lines == [
        (
            1,
            "메타랩 컨소시엄",
            Decimal("80.00"),
            [
                ("심사위원 가", "90", True),
                ("심사위원 나", "85", False),
                ("심사위원 다", "80", False),
                ("심사위원 라", "75", False),
                ("심사위원 마", "50", True),
            ],
        ),
        (
            2,
            "가온XR 컨소시엄",
            Decimal("70.00"),
            [
                ("심사위원 가", "95", True),
                ("심사위원 나", "70", False),
                ("심사위원 다", "70", False),
                ("심사위원 라", "70", False),
                ("심사위원 마", "60", True),
            ],
        ),
    ]
    assert sheet.rows[0].cells[0].points == [Decimal("18.00")] * 5


def test_result_sheet_prints_raw_scores_dropped_totals_and_fingerprint(judged):
    context = pdfs.result_sheet_context(judged)
    fingerprints = [sheet.result.fingerprint for sheet in context["sheets"]]

    with translation.override("en"):
        html = render_to_string(pdfs.RESULT_SHEET, context)

    assert all(fingerprint in html for fingerprint in fingerprints)
    assert html.count('<span class="dropped">') == 2 * (2 * 3)  # two per group, in the ranking and the raw table
    assert html.count('<td class="num">18</td>') == 5  # 가's points for 메타랩 on each of the five criteria


def test_result_sheet_pdf_is_landscape_with_korean_names(judged):
    pdf = pdfs.result_sheet_pdf(judged)

    assert set(media_boxes(pdf)) == {A4_LANDSCAPE}
    assert shows(pdf, "메타랩 컨소시엄 가온XR 컨소시엄 한빛 하드웨어 " + " ".join(JUDGE_NAMES))
    assert {"Noto-Sans-CJK-KR", "Noto-Sans-CJK-KR-Bold"} <= font_names(pdf)


def test_result_sheet_first_page_carries_the_header_and_the_start_of_a_long_table(programme, staff_user):
    """A track whose section is taller than a page starts on the first page, under the header (it used to be
    pushed whole to page 2, leaving page 1 with the header only)."""
    groups = [ProjectGroupFactory(programme=programme, name=f"프로젝트 그룹 {n:02d}") for n in range(12)]
    panel, _judges = judged_final(
        programme, staff_user, {group: (20 - n, 19 - n, 18 - n, 17 - n, 16 - n) for n, group in enumerate(groups)}
    )

    pages = page_texts(pdfs.result_sheet_pdf(panel))

    assert len(pages) > 2
    first = pages[0]
    assert first.startswith("심사 결과표: ")
    assert "SW부문 (SW)" in first
    assert "1프로젝트 그룹 00" in first  # the first group's row: its rank, then its name
    assert "2프로젝트 그룹 01" in first


def test_result_sheet_shows_a_staff_tie_decision(programme, staff_user):
    first = ProjectGroupFactory(programme=programme, name="동점 그룹 갑")
    second = ProjectGroupFactory(programme=programme, name="동점 그룹 을")
    panel, _judges = judged_final(programme, staff_user, {first: (15,) * 5, second: (15,) * 5}, winners=False)
    results_service.record_tie_decision(
        actor=staff_user, panel=panel, track=first.track, order=[second.name, first.name], reason="발표 재청취"
    )

    sheet = next(sheet for sheet in pdfs.result_sheet_context(panel)["sheets"] if sheet.track.code == "SW")

    assert [(line.row.group, line.row.rank, line.row.decided) for line in sheet.rows] == [
        ("동점 그룹 을", 1, True),
        ("동점 그룹 갑", 2, True),
    ]
    assert [(decision.order, decision.reason) for decision in sheet.decisions] == [
        ({"동점 그룹 을": 1, "동점 그룹 갑": 2}, "발표 재청취")
    ]


def test_certificates_one_page_per_winner_naming_group_and_companies(judged):
    winners = list(Winner.objects.filter(panel=judged).select_related("group"))
    context = pdfs.certificates_context(judged)

    pdf = pdfs.certificates_pdf(judged)

    assert page_count(pdf) == len(winners) == 3
    assert [certificate["winner"].group.name for certificate in context["certificates"]] == [
        "메타랩 컨소시엄",
        "가온XR 컨소시엄",
        "한빛 하드웨어",
    ]
    companies = " ".join(name for certificate in context["certificates"] for name in certificate["companies"])
    assert shows(pdf, "메타랩 컨소시엄 가온XR 컨소시엄 한빛 하드웨어 " + companies)
    assert "/" not in shown_characters(pdf)  # no running page number ("1 / 3") on a certificate


@pytest.mark.parametrize(
    ("presented_by", "issuer"),
    [
        ("과학기술정보통신부 장관상", "과학기술정보통신부 장관"),
        ("NIPA 원장상", "NIPA 원장"),
        ("한국메타버스산업협회장", "한국메타버스산업협회장"),
    ],
)
def test_certificate_issuer_is_the_giver_of_the_award(presented_by, issuer):
    assert pdfs.issuer_of(presented_by) == issuer


def test_summary_fits_one_page_for_fifteen_groups(programme, staff_user):
    groups = [
        ProjectGroupFactory(programme=programme, name=f"프로젝트 그룹 {n:02d}", track_code="SW" if n < 8 else "HW")
        for n in range(15)
    ]
    judged_final(
        programme, staff_user, {group: tuple(10 + (n * k) % 11 for k in range(1, 6)) for n, group in enumerate(groups)}
    )

    pdf = pdfs.summary_pdf(programme)

    assert page_count(pdf) == 1
    assert shows(pdf, programme.name)


def test_summary_counts_groups_by_track_and_top_five(judged, programme):
    context = pdfs.summary_context(programme)

    assert [(entry["track"].code, entry["groups"], entry["submitted"]) for entry in context["summary"].tracks] == [
        ("SW", 2, 2),
        ("HW", 1, 1),
    ]
    assert [[(row.group, award) for row, award in block["rows"]] for block in context["top"]] == [
        [("메타랩 컨소시엄", "대상"), ("가온XR 컨소시엄", "최우수상")],
        [("한빛 하드웨어", "대상")],
    ]
    assert (context["summary"].judges, context["totals"]["groups"]) == (5, 3)


def test_result_sheet_marks_an_absent_judge_and_the_rule_applied(programme, staff_user):
    group = ProjectGroupFactory(programme=programme, name="메타랩 컨소시엄")
    other = ProjectGroupFactory(programme=programme, name="가온XR 컨소시엄")
    panel, judges = judged_final(
        programme, staff_user, {group: (18, 17, 16, 15, 10), other: (12, 12, 12, 12, 12)}, close=False
    )
    panel_service.record_absence(actor=staff_user, panel=panel, judge=judges[0], group=group, reason="absent")

    sheet = next(sheet for sheet in data.result_sheets(panel) if sheet.track.code == "SW")

    line = next(line for line in sheet.rows if line.row.group == "메타랩 컨소시엄")
    # Four totals left (85 80 75 50): the programme's policy still drops the highest and the lowest.
    assert (line.row.rule_applied, line.row.score) == ("trimmed_mean", Decimal("77.50"))
    assert [(cell.judge, cell.absence, cell.total, cell.dropped) for cell in line.cells] == [
        ("심사위원 가", str(Absence.Reason.ABSENT.label), "", False),
        ("심사위원 나", "", "85", True),
        ("심사위원 다", "", "80", False),
        ("심사위원 라", "", "75", False),
        ("심사위원 마", "", "50", True),
    ]
