"""Who may open the member registry's URLs (see alliance/core/tests/url_matrix.py)."""

import datetime
import hashlib

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from alliance.core import downloads
from alliance.core.tests.editing import posted, posted_formset
from alliance.core.tests.url_matrix import LOGIN, OWN_PROFILE, SIGNED_IN, everyone, no_body, owner_only, staff_only
from alliance.members.forms.organisation import ContactFormSet, StaffOrganisationForm
from alliance.members.models import (
    BusinessField,
    BusinessFieldProposal,
    BusinessFieldVariant,
    CensusInvitation,
    CensusResponse,
    CensusRound,
    ImportJob,
    Organisation,
)
from alliance.members.services.import_template import template_xlsx
from alliance.members.services.registry import store_logo
from alliance.members.tests.factories import png_bytes

CENSUS_TOKEN = "matrix-census-token-0123456789abcdefghijklmnop"

EXPECTED = {
    "members:directory": everyone(),
    "members:directory_export": everyone(),
    "members:company": everyone(),
    "members:logo_file": everyone(),
    "members:census_respond": everyone(),  # the personal link needs no account
    # Only representatives have an organisation of their own; for anyone else there is nothing to show.
    "members:my_organisation": {
        "anonymous": LOGIN,
        **dict.fromkeys(SIGNED_IN, 404),
        "rep_a": OWN_PROFILE,
        "rep_b": OWN_PROFILE,
    },
    "members:organisation_edit": owner_only(),
    "members:registry": staff_only(),
    "members:organisation_create": staff_only(),
    "members:registry_export": staff_only(),
    "members:stale_confirmations": staff_only(),
    "members:organisation_detail": staff_only(),
    "members:imports": staff_only(),
    "members:import_template": staff_only(),
    "members:import_detail": staff_only(),
    "members:import_progress": staff_only(),
    "members:import_report": staff_only(),
    "members:statistics": staff_only(),
    "members:statistics_export": staff_only(),
    "members:census_rounds": staff_only(),
    "members:census_round_create": staff_only(),
    "members:census_round_detail": staff_only(),
    "members:census_remind": staff_only(405),  # POST only: the permission first, then the method
    "members:census_response_review": staff_only(),
    "members:census_open_preview": staff_only(),
    "members:census_remind_preview": staff_only(),
    "members:import_apply": staff_only(405),  # POST only
    "members:vocabulary": staff_only(),
    "members:vocabulary_term": staff_only(),
    "members:vocabulary_merge": staff_only(405),  # POST only
    "members:field_proposal_review": staff_only(),
}

PK_OF = {
    "members:organisation_edit": "org_a",
    "members:organisation_detail": "org_a",
    "members:import_detail": "import_job",
    "members:import_progress": "import_job",
    "members:import_report": "import_job",
    "members:import_apply": "import_checked",
    "members:census_round_detail": "census_round",
    "members:census_remind": "census_round",
    "members:census_remind_preview": "census_round",
    "members:census_response_review": "census_response",
    "members:vocabulary_term": "business_field",
    "members:vocabulary_merge": "business_field",
    "members:field_proposal_review": "field_proposal",
}

PATH_VALUES = {
    "name": lambda world: world["org_a"].name,
    "fmt": lambda world: "xlsx",
    "token": lambda world: CENSUS_TOKEN,
    "logo_name": lambda world: world["org_a"].logo.name.removeprefix("logos/"),
}

COUNTED_MODELS = (Organisation, CensusRound, ImportJob, BusinessField, BusinessFieldVariant)


def build_world(world) -> dict:
    users = world["users"]
    census_round = CensusRound.objects.create(
        title="2026년 회원사 현황 조사", opened_by=users["staff"], closes_on=datetime.date(2099, 12, 31)
    )
    invitation = CensusInvitation.objects.create(
        census_round=census_round,
        organisation=world["org_a"],
        email="rep@zen.example.kr",
        token_hash=hashlib.sha256(CENSUS_TOKEN.encode()).hexdigest(),
        expires_at=timezone.now() + datetime.timedelta(days=30),
        sent_at=timezone.now(),
    )
    census_response = CensusResponse.objects.create(
        invitation=invitation, changes={"homepage": {"before": "", "after": "https://zen.example.kr"}}
    )
    import_job = ImportJob(
        created_by=users["staff"], original_name="회원사.xlsx", status=ImportJob.Status.DONE, skip_invalid=True
    )
    import_job.upload.save("회원사.xlsx", ContentFile(b"not read by these views"), save=False)
    import_job.rejected_report.save("rejected.xlsx", ContentFile(b"not read by these views"), save=False)
    import_job.total_rows = import_job.processed_rows = 2
    import_job.rejected_count = 1
    import_job.finished_at = timezone.now()
    import_job.save()
    org_a = world["org_a"]
    org_a.logo.name = store_logo(organisation=org_a, upload=ContentFile(png_bytes(), name="logo.png"))
    org_a.save(update_fields=["logo"])
    business_field = BusinessField.objects.create(name="디지털 쌍둥이")
    BusinessField.objects.get_or_create(name="디지털트윈")
    field_proposal = BusinessFieldProposal.objects.create(organisation=org_a, name="공간 컴퓨팅")
    checked = ImportJob(
        created_by=users["staff"], original_name="회원사.xlsx", status=ImportJob.Status.DONE, dry_run=True
    )
    checked.upload.save("회원사.xlsx", ContentFile(template_xlsx()), save=False)
    checked.total_rows = checked.processed_rows = checked.created_count = 1
    checked.finished_at = timezone.now()
    checked.save()
    return {
        "import_job": import_job,
        "import_checked": checked,  # a finished check of the registry's template, not yet imported
        "census_round": census_round,
        "census_response": census_response,
        "business_field": business_field,
        "field_proposal": field_proposal,
    }


# A valid body for each POST URL (see url_matrix.py): refused roles post exactly this.
POST_DATA = {
    "members:census_remind": no_body,
    "members:import_apply": no_body,
    "members:census_round_create": lambda world: {
        "title": "2026년 하반기 조사",
        "closes_on": (timezone.localdate() + datetime.timedelta(days=10)).isoformat(),
    },
    "members:census_round_detail": lambda world: {"action": "close"},
    "members:census_response_review": lambda world: {"action": "apply", "note": ""},
    "members:imports": lambda world: {"file": member_list_upload()},
    "members:organisation_create": lambda world: posted(
        StaffOrganisationForm(), name="가온메타", category="small", joined_on="2026-03-02", sido="서울"
    ),
    "members:organisation_edit": lambda world: profile_body(world["org_a"], homepage="https://gaon.example.kr"),
    "members:vocabulary": lambda world: {"add-name": "공간 컴퓨팅"},
    "members:vocabulary_term": lambda world: {"action": "variant", "variant-name": "Digital twin"},
    "members:vocabulary_merge": lambda world: {"target": BusinessField.objects.get(name="디지털트윈").pk},
    "members:field_proposal_review": lambda world: {"action": "reject", "note": "이미 있는 분야입니다."},
}


def member_list_upload() -> SimpleUploadedFile:
    """The registry's own template (its header and one example row): a file the importer reads."""
    return SimpleUploadedFile("회원사.xlsx", template_xlsx(), content_type=downloads.XLSX)


def profile_body(organisation, **changes) -> dict:
    """Staff's edit page of `organisation` posted back with `changes` (the contacts formset unchanged)."""
    instance = Organisation.objects.get(pk=organisation.pk)
    form = StaffOrganisationForm(instance=instance, extra={})
    return posted(form, **changes) | posted_formset(ContactFormSet(instance=instance, prefix="contacts"))
