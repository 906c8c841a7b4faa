"""The indicators page (grouped by area, bars against targets), its XLSX, a target set and a value entered."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from alliance.core.models import AuditEntry
from alliance.governance.models import BodyKind
from alliance.governance.tests.factories import BodyFactory, MeetingFactory
from alliance.reports.models import Area, Indicator, IndicatorKind, IndicatorTarget, IndicatorValue
from alliance.reports.services.indicators import DEFAULTS

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def steering_2026():
    body = BodyFactory(year=2026, name="운영위원회", kind=BodyKind.STEERING)
    MeetingFactory(body=body, number=1, date=datetime.date(2026, 4, 15), attendance_recorded_at=timezone.now())
    indicator = Indicator.objects.create(
        name="운영위원회 개최", area=Area.STEERING, unit="회", source="steering_meetings_held", baseline=3,
        baseline_on=datetime.date(2025, 12, 31), formula_text="개최된 운영위원회 수",
    )  # fmt: skip
    IndicatorTarget.objects.create(indicator=indicator, year=2026, target=3)
    return indicator


def test_the_page_groups_indicators_by_area_with_bars(staff_client, steering_2026):
    Indicator.objects.create(name="언론 보도", area=Area.EVENTS, unit="건", kind=IndicatorKind.ENTERED)
    response = staff_client.get(reverse("reports:indicators", kwargs={"year": 2026}), {"as_of": "2026-06-30"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "2026년 추진계획 및 성과지표" in page
    assert page.index(">운영위원회</h2>") < page.index(">행사</h2>")
    assert '<td class="num">1회</td>' in page  # the actual
    assert '<td class="num">33.3%</td>' in page  # of 3
    assert 'class="bar-fill"' in page
    assert 'width="213"' in page  # a third of 640


def test_the_xlsx_has_a_row_per_indicator(staff_client, steering_2026):
    response = staff_client.get(reverse("reports:indicators_xlsx", kwargs={"year": 2026}), {"as_of": "2026-06-30"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "구분",
        "지표",
        "지표 설명",
        "지표 산식",
        "단위",
        "기준치",
        "기준치 시점",
        "목표치",
        "실적",
        "달성률(%)",
    )
    assert rows[1][:5] == ("운영위원회", "운영위원회 개최", None, "개최된 운영위원회 수", "회")
    assert rows[1][5:] == (3, datetime.datetime(2025, 12, 31), 3, 1, 33.3)


def test_staff_set_a_target(staff_client, steering_2026):
    url = reverse("reports:indicator_detail", kwargs={"pk": steering_2026.pk, "year": 2027})
    response = staff_client.post(url, {"target-target": "4", "target-submit": "1"})
    assert response.status_code == 302
    assert IndicatorTarget.objects.get(indicator=steering_2026, year=2027).target == Decimal(4)
    assert AuditEntry.objects.filter(action="reports.indicator_target_set").count() == 1


def test_staff_enter_a_value_with_evidence_and_download_it(staff_client):
    indicator = Indicator.objects.create(name="언론 보도", area=Area.EVENTS, unit="건", kind=IndicatorKind.ENTERED)
    url = reverse("reports:indicator_detail", kwargs={"pk": indicator.pk, "year": 2025})
    response = staff_client.post(
        url,
        {"value-on": "2025-12-31", "value-value": "88", "value-note": "총 88건 기사보도", "value-submit": "1",
         "value-evidence": SimpleUploadedFile("기사 목록.pdf", b"%PDF-1.4\n%%EOF\n")},
    )  # fmt: skip
    assert response.status_code == 302
    value = IndicatorValue.objects.get()
    assert (value.on, value.value, value.note) == (datetime.date(2025, 12, 31), Decimal(88), "총 88건 기사보도")
    page = staff_client.get(url).content.decode()
    assert "기사 목록.pdf" in page
    download = staff_client.get(reverse("reports:indicator_evidence", kwargs={"pk": value.pk}))
    assert b"".join(download.streaming_content) == b"%PDF-1.4\n%%EOF\n"


def test_a_file_whose_content_is_not_its_kind_is_refused(staff_client):
    indicator = Indicator.objects.create(name="언론 보도", unit="건", kind=IndicatorKind.ENTERED)
    url = reverse("reports:indicator_detail", kwargs={"pk": indicator.pk, "year": 2025})
    response = staff_client.post(
        url,
        {"value-on": "2025-12-31", "value-value": "88", "value-submit": "1",
         "value-evidence": SimpleUploadedFile("기사.pdf", b"MZ not a pdf")},
    )  # fmt: skip
    assert response.status_code == 200
    assert not IndicatorValue.objects.exists()


def test_staff_add_the_default_indicators(staff_client):
    response = staff_client.post(reverse("reports:indicators_load_defaults", kwargs={"year": 2026}))
    assert response.status_code == 302
    assert Indicator.objects.count() == len(DEFAULTS)


def test_staff_reach_the_indicators_from_the_menu_and_my_page(staff_client):
    url = reverse("reports:indicators_current")
    assert f'href="{url}"' in staff_client.get("/").content.decode()
    assert f'href="{url}"' in staff_client.get("/dashboard/").content.decode()
