import datetime

import pytest

from alliance.agencies import demo, queries
from alliance.agencies.models import Agency, LinkagePlan
from alliance.core.models import User

pytestmark = pytest.mark.django_db


def test_demo_holds_eight_agencies_with_plans_reports_in_several_states_and_one_late(staff_user):
    summary = demo.load_demo(seed=7)

    grid = {
        agency.short_name: [(cell.state, cell.submitted_late) for cell in cells]
        for agency, cells in queries.report_grid(2026, datetime.date(2026, 12, 7))
    }
    assert summary == (
        "유관기관 8곳, 2026년 연계·지원 방안과 1~3분기 실적 보고 23건 (SPRI 3분기 미제출),"
        " 2025년 1~4분기 실적 보고 32건(모두 승인)."
    )
    assert sorted(grid) == ["IITP", "K-META", "KOSA", "MDIA", "NIA", "NIPA", "RAPA", "SPRI"]
    assert grid["SPRI"][2] == ("late", False)
    assert grid["MDIA"][1] == ("accepted", True)
    assert [grid[name][2][0] for name in ("IITP", "NIA", "KOSA", "NIPA")] == [
        "submitted",
        "submitted",
        "returned",
        "accepted",
    ]
    assert {cells[3][0] for cells in grid.values()} == {"not_due"}
    assert queries.accepted_reports(2026, 3).count() == 4
    assert queries.accepted_reports(2025, 4).count() == 8
    assert list(LinkagePlan.objects.filter(status="draft").values_list("agency__short_name", flat=True)) == ["K-META"]
    liaison = User.objects.get(email="agency@demo.alliance.kr")
    assert (liaison.agency_liaison.agency.short_name, liaison.check_password("demo-pass-2026")) == ("NIPA", True)
    assert demo.load_demo(seed=7) == "유관기관 데모가 이미 있습니다."
    assert Agency.objects.count() == 8
