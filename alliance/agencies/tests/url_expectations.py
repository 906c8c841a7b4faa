"""Who may open the agencies app's URLs (see alliance/core/tests/url_matrix.py).

The matrix's `agency` user is the liaison of agency A; the objects the URLs point at belong to agency B, whose
own liaison (`agency_b`, added to world["users"] here) posts the liaison's forms: so every row proves that one
agency's liaison gets 404 on another agency's plan, reports and files, and that the owner's POST is accepted.
"""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from alliance.agencies.models import Heading, ReportFile
from alliance.agencies.services.reports import submit_report
from alliance.agencies.tests.factories import (
    AgencyFactory,
    EntryFactory,
    LiaisonFactory,
    PlanFactory,
    PlanItemFactory,
    ReportFactory,
)
from alliance.core.tests.url_matrix import no_body, only, staff_only

PDF = b"%PDF-1.4\n% report\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
STAFF_ON_B = only({"staff": 200})
STAFF_POSTS_ON_B = only({"staff": 405})

EXPECTED = {
    "agencies:home": only({"agency": 200}),
    "agencies:plan": STAFF_ON_B,
    "agencies:plan_submit": STAFF_POSTS_ON_B,
    "agencies:plan_item_edit": STAFF_ON_B,
    "agencies:plan_item_delete": STAFF_POSTS_ON_B,
    "agencies:report": STAFF_ON_B,
    "agencies:report_file_add": STAFF_POSTS_ON_B,
    "agencies:report_submit": STAFF_POSTS_ON_B,
    "agencies:report_file": STAFF_ON_B,
    "agencies:report_file_delete": STAFF_POSTS_ON_B,
    "agencies:agency_list": staff_only(),
    "agencies:agency_detail": staff_only(),
    "agencies:report_grid": staff_only(),
    "agencies:accepted_xlsx": staff_only(),
    "agencies:report_review": staff_only(),
    "agencies:deadlines": staff_only(),
}

PK_OF = {
    "agencies:plan": "agency_b",
    "agencies:plan_submit": "agency_b",
    "agencies:report": "agency_b",
    "agencies:report_file_add": "agency_b",
    "agencies:report_submit": "agency_b",
    "agencies:agency_detail": "agency_b",
    "agencies:plan_item_edit": "plan_item",
    "agencies:plan_item_delete": "plan_item_spare",
    "agencies:report_file": "report_file",
    "agencies:report_file_delete": "report_file",
    "agencies:report_review": "report_submitted",
}


def _year(world=None) -> int:
    return timezone.localdate().year


PATH_VALUES = {"year": _year, "quarter": lambda world: 2}


def build_world(world) -> dict:
    year = _year()
    agency_a, agency_b = (
        AgencyFactory(name="정보통신산업진흥원", short_name="NIPA"),
        AgencyFactory(name="한국전파진흥협회", short_name="RAPA"),
    )
    LiaisonFactory(user=world["users"]["agency"], agency=agency_a)
    # The liaison who also sits on the steering committee (url_matrix.COMBINED) speaks for agency A too.
    LiaisonFactory(user=world["users"]["agency_steering"], agency=agency_a)
    world["users"]["agency_b"] = LiaisonFactory(agency=agency_b).user
    plan = PlanFactory(agency=agency_b, year=year)
    item = PlanItemFactory(plan=plan, heading=Heading.BUSINESS)
    spare = PlanItemFactory(plan=plan, heading=Heading.OUTREACH, text="기술교류회 개최", start_month=6, end_month=7)
    submitted = ReportFactory(agency=agency_b, year=year, quarter=1)
    EntryFactory(report=submitted, plan_item=item)
    submit_report(actor=world["users"]["agency_b"], report=submitted)
    draft = ReportFactory(agency=agency_b, year=year, quarter=2)
    entry = EntryFactory(report=draft, plan_item=item)
    report_file = ReportFile(entry=entry, kind=ReportFile.Kind.DOCUMENT, original_name="결과보고.pdf")
    report_file.file.save("결과보고.pdf", ContentFile(PDF), save=True)
    return {
        "agency_a": agency_a,
        "agency_b": agency_b,
        "plan_item": item,
        "plan_item_spare": spare,
        "report_submitted": submitted,
        "report_file": report_file,
    }


def _item_body(world) -> dict:
    return {"heading": "policy", "text": "개방형 분과 활동 지원", "start_month": "3", "end_month": "9"}


POST_DATA = {
    "agencies:plan": _item_body,
    "agencies:plan_item_edit": _item_body,
    "agencies:plan_submit": no_body,
    "agencies:plan_item_delete": no_body,
    "agencies:report": lambda world: {
        f"item{world['plan_item'].pk}-text": "설명회 2회 개최",
        f"item{world['plan_item'].pk}-figures": "회원사 40개사 참석",
    },
    "agencies:report_file_add": lambda world: {
        "item": world["plan_item"].pk,
        "file": SimpleUploadedFile("사진자료.pdf", PDF, content_type="application/pdf"),
    },
    "agencies:report_submit": no_body,
    "agencies:report_file_delete": no_body,
    "agencies:report_review": lambda world: {"decision": "accept", "note": ""},
    "agencies:deadlines": lambda world: {
        "q1": f"{_year()}-04-15",
        "q2": f"{_year()}-07-10",
        "q3": f"{_year()}-10-10",
        "q4": f"{_year() + 1}-01-10",
    },
    "agencies:agency_list": lambda world: {"name": "한국지능정보사회진흥원", "short_name": "NIA", "homepage": ""},
    "agencies:agency_detail": lambda world: {"email": "liaison@nia.example.kr", "name": "연계 담당자"},
}
POST_AS = {
    "agencies:plan": "agency_b",
    "agencies:plan_submit": "agency_b",
    "agencies:plan_item_edit": "agency_b",
    "agencies:plan_item_delete": "agency_b",
    "agencies:report": "agency_b",
    "agencies:report_file_add": "agency_b",
    "agencies:report_submit": "agency_b",
    "agencies:report_file_delete": "agency_b",
}
