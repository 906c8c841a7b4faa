"""Who may open the regulation app's URLs (see alliance/core/tests/url_matrix.py).

The objects belong to org B: its representative (rep_b) sees its own self-check and filings and posts the
company's forms, org A's representative gets 404 on them — a company sees only its own answers and filings. The
matrix's `agency` user is the liaison of NIPA (agencies' build_world), the delegated agency by default
(settings.REGULATION_FILING_AGENCY): it sees filings, never self-checks. The `subcommittee` user holds a seat on
윤리제도 (governance's build_world): it keeps the checklist and sees the statistics, never a company's answer.
"""

from django.core.files.base import ContentFile
from django.utils import timezone

from alliance.core.tests.url_matrix import LOGIN, everyone, no_body, only
from alliance.regulation import default_checklist
from alliance.regulation.models import Filing
from alliance.regulation.services import filings as filing_service
from alliance.regulation.services.checklist import start_year
from alliance.regulation.services.selfcheck import save_answers
from alliance.regulation.tests.factories import FilingFactory, answers

PDF = b"%PDF-1.4\n% evidence\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
REPS = {"rep_a": 200, "rep_b": 200}
KEEPERS = {"staff": 200, "subcommittee": 200}  # the subcommittee user sits on 윤리제도 (governance's world)
FILING_READERS = {"staff": 200, "agency": 200, "rep_b": 200}

EXPECTED = {
    "regulation:selfcheck": only(REPS),
    "regulation:selfcheck_result": only({"staff": 200, "rep_b": 200}),
    "regulation:selfcheck_pdf": only({"staff": 200, "rep_b": 200}),
    "regulation:checklists": only(KEEPERS),
    "regulation:checklist": only(KEEPERS),
    "regulation:checklist_publish": only({"staff": 405, "subcommittee": 405}),
    "regulation:statistics": only(KEEPERS),
    "regulation:my_filings": only(REPS),
    "regulation:filing_new": only(REPS),
    "regulation:filing": only(FILING_READERS),
    "regulation:filing_edit": only({"rep_b": 200}),
    "regulation:filing_submit": only({"rep_b": 405}),
    "regulation:filing_review": only({"staff": 405, "agency": 405}),
    "regulation:filing_certificate": only(FILING_READERS),
    "regulation:filing_evidence": only(FILING_READERS),
    "regulation:filing_list": only({"staff": 200, "agency": 200}),
    "regulation:filing_xlsx": only({"staff": 200, "agency": 200}),
    "regulation:filing_check": everyone(200),
}
assert EXPECTED["regulation:filing"]["anonymous"] == LOGIN

PK_OF = {
    "regulation:selfcheck_result": "selfcheck_b",
    "regulation:selfcheck_pdf": "selfcheck_b",
    "regulation:checklist": "checklist",
    "regulation:checklist_publish": "checklist_draft",
    "regulation:filing": "filing_submitted",
    "regulation:filing_edit": "filing_draft",
    "regulation:filing_submit": "filing_draft_spare",
    "regulation:filing_review": "filing_submitted",
    "regulation:filing_certificate": "filing_received",
    "regulation:filing_evidence": "filing_received",
}


def _year(world=None) -> int:
    return timezone.localdate().year


PATH_VALUES = {"check_key": lambda world: world["filing_received"].check_token}


def build_world(world) -> dict:
    year = _year()
    org_b, rep_b = world["org_b"], world["users"]["rep_b"]
    checklist = start_year(actor=None, year=year, publish=True)
    draft = start_year(actor=None, year=year + 1)
    selfcheck = save_answers(
        actor=rep_b, organisation=org_b, year=year, answers=answers(4), share_result=False, submit=True
    )
    filing_draft = FilingFactory(organisation=org_b)
    spare = FilingFactory(organisation=org_b)
    submitted = FilingFactory(organisation=org_b)
    filing_service.submit_filing(actor=rep_b, filing=submitted)
    received = FilingFactory(organisation=org_b)
    received.evidence.save("evidence.pdf", ContentFile(PDF), save=True)
    received.evidence_name = "매출증빙.pdf"
    received.save()
    filing_service.submit_filing(actor=rep_b, filing=received)
    filing_service.review_filing(actor=world["users"]["staff"], filing_id=received.pk, receive=True)
    return {
        "checklist": checklist,
        "checklist_draft": draft,
        "selfcheck_b": selfcheck,
        "filing_draft": filing_draft,
        "filing_draft_spare": spare,
        "filing_submitted": submitted,
        "filing_received": Filing.objects.get(pk=received.pk),
    }


def _checklist_body(world) -> dict:
    body = {"note": "가중치 조정"}
    for item in default_checklist.content()["items"]:
        number = item["number"]
        body |= {
            f"text_{number}": item["text"],
            f"advice_{number}": item["advice"],
            f"principle_{number}": item["principle"],
            f"article_{number}": str(item["article"]),
            f"weight_{number}": "10",
        }
    return body


def _filing_body(world) -> dict:
    return {
        "kind": "new",
        "platform_name": "스마트 공장 트윈",
        "address": "https://twin.example.kr",
        "description": "공장 설비를 가상으로 점검하는 산업용 플랫폼",
        "platform_type": "industrial",
        "revenue_year": str(_year() - 1),
        "revenue_won": "120000000",
        "contact_name": "박담당",
        "contact_email": "twin@example.kr",
        "contact_phone": "031-000-0000",
    }


POST_DATA = {
    "regulation:selfcheck": lambda world: {f"item_{number}": "3" for number in range(1, 11)} | {"action": "save"},
    "regulation:checklists": lambda world: {"year": str(_year() + 2)},
    "regulation:checklist": _checklist_body,
    "regulation:checklist_publish": no_body,
    "regulation:filing_new": _filing_body,
    "regulation:filing_edit": _filing_body,
    "regulation:filing_submit": no_body,
    "regulation:filing_review": lambda world: {"decision": "return", "note": "매출 증빙을 다시 첨부해 주세요."},
}
POST_AS = {
    "regulation:filing_edit": "rep_b",
    "regulation:filing_submit": "rep_b",
}
