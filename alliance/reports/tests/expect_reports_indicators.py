"""Who may open the indicators' URLs (merged by tests/url_expectations.py): the secretariat's alone."""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile

from alliance.core.tests.url_matrix import no_body, staff_only
from alliance.reports.models import Indicator, IndicatorKind, IndicatorTarget, IndicatorValue

EXPECTED = {
    "reports:indicators_current": staff_only(),
    "reports:indicators": staff_only(),
    "reports:indicators_xlsx": staff_only(),
    "reports:indicators_load_defaults": staff_only(405),
    "reports:indicator_detail": staff_only(),
    "reports:indicator_evidence": staff_only(),
}
PK_OF = {"reports:indicator_detail": "indicator", "reports:indicator_evidence": "indicator_value"}
POST_DATA = {
    "reports:indicators_load_defaults": no_body,
    "reports:indicator_detail": lambda world: {"target-target": "35", "target-submit": "1"},
}
COUNTED_MODELS = (Indicator, IndicatorTarget, IndicatorValue)


def build_world(world) -> dict:
    indicator = Indicator.objects.create(name="언론 보도", unit="건", kind=IndicatorKind.ENTERED)
    value = IndicatorValue(indicator=indicator, on=datetime.date(2025, 12, 31), value=Decimal(88))
    value.evidence.save("evidence.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    value.evidence_name = "기사 목록.pdf"
    value.save()
    return {"indicator": indicator, "indicator_value": value}
