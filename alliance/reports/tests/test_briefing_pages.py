"""The stored briefing: staff generate it, edit a section's text (versioned), download it, freeze it; a frozen
briefing keeps its files and text whatever the data does afterwards."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from docx import Document

from alliance.core.models import AuditEntry
from alliance.core.versions import StaleEditError
from alliance.members.models import MemberCategory
from alliance.members.tests.factories import OrganisationFactory
from alliance.reports.models import BriefingFile, QuarterlyBriefing
from alliance.reports.queries.briefing.document import Paragraph, Section, Table
from alliance.reports.queries.briefing.editing import apply_text, section_text
from alliance.reports.services.briefing import edit_section, freeze_briefing, generate_briefing, stored_document

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def korean():
    with translation.override("ko"):
        yield


def test_editing_keeps_tables_where_their_markers_are_and_never_loses_one():
    table = Table(["a"], [["1"]])
    other = Table(["b"], [["2"]])
    section = Section("s", "□", blocks=[table, Paragraph("첫 줄", 1), other])
    assert section_text(section) == "[표 1]\n- 첫 줄\n[표 2]"
    apply_text(section, "새 문단\n\n[표 2]\n· 하위\n")
    assert section.blocks == [Paragraph("새 문단", 0), other, Paragraph("하위", 2), table]


def test_generate_edit_and_freeze_keep_the_text_as_sent(staff_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    OrganisationFactory(category=MemberCategory.SMALL, joined_on=datetime.date(2024, 1, 1))
    briefing = generate_briefing(actor=staff_user, year=2025, quarter=4)
    assert stored_document(briefing).section("members").tables()[0].rows[0][-1] == "1"
    edit_section(
        actor=staff_user,
        briefing=briefing,
        key="members",
        text="[표 1]\n- 수정한 문장",
        expected_version=briefing.version,
    )
    with pytest.raises(StaleEditError):
        edit_section(
            actor=staff_user, briefing=briefing, key="members", text="x", expected_version=briefing.version - 1
        )
    with pytest.raises(ValidationError):
        edit_section(actor=staff_user, briefing=briefing, key="appendix", text="x", expected_version=None)
    freeze_briefing(actor=staff_user, briefing=briefing, expected_version=briefing.version)
    assert sorted(BriefingFile.objects.filter(briefing=briefing).values_list("format", flat=True)) == [
        "docx",
        "hwpx",
        "pdf",
    ]
    OrganisationFactory(category=MemberCategory.LARGE, joined_on=datetime.date(2025, 6, 1))  # the data changes
    with pytest.raises(ValidationError):
        generate_briefing(actor=staff_user, year=2025, quarter=4)
    with pytest.raises(ValidationError):
        edit_section(actor=staff_user, briefing=briefing, key="members", text="y", expected_version=None)
    kept = BriefingFile.objects.get(briefing=briefing, format="docx")
    text = "\n".join(p.text for p in Document(kept.file.open("rb")).paragraphs)
    assert "수정한 문장" in text
    assert stored_document(QuarterlyBriefing.objects.get()).section("members").tables()[0].rows[0][-1] == "1"
    actions = list(AuditEntry.objects.filter(action__startswith="reports.briefing").values_list("action", flat=True))
    assert sorted(actions) == ["reports.briefing.edited", "reports.briefing.frozen", "reports.briefing.generated"]


def test_staff_pages(client, staff_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(staff_user)
    response = client.post(reverse("reports:briefing_generate"), {"year": "2025", "quarter": "4"})
    briefing = QuarterlyBriefing.objects.get()
    assert response.url == briefing.get_absolute_url()
    page = client.get(briefing.get_absolute_url()).content.decode()
    assert "회원사 현황" in page
    edit = reverse("reports:briefing_section", args=[briefing.pk, "members"])
    assert "[표 1]" in client.get(edit).content.decode()
    client.post(edit, {"text": "[표 1]\n- 고친 문장"})
    download = client.get(reverse("reports:briefing_download", args=[briefing.pk, "docx"]))
    assert "고친 문장" in "\n".join(p.text for p in Document(io.BytesIO(download.content)).paragraphs)
    client.post(reverse("reports:briefing_freeze", args=[briefing.pk]))
    briefing.refresh_from_db()
    assert briefing.is_frozen
    assert client.get(edit).status_code == 404
    frozen = client.get(reverse("reports:briefing_download", args=[briefing.pk, "pdf"]))
    assert b"".join(frozen.streaming_content).startswith(b"%PDF")


def test_staff_reach_the_briefings_from_the_menu_and_my_page(client, staff_user, member_rep):
    client.force_login(staff_user)
    url = reverse("reports:briefing_list")
    assert f'href="{url}"' in client.get(reverse("portal:dashboard")).content.decode()
    client.force_login(member_rep)
    assert f'href="{url}"' not in client.get(reverse("portal:dashboard")).content.decode()
    assert client.get(url).status_code == 404
