"""Programmes built through the set-up service (so the rubric is the real 2026 one) and project groups.

`ProgrammeFactory()` is the 2026 programme: SW and HW tracks, the default rubric (① 독창성 및 혁신성
② 시장 수익가능성 common, three criteria per track, 20 points each), five awards per track, the usual
stages. `ProjectGroupFactory(programme=..., partners=2)` is a group of member organisations (a confirmed
lead and confirmed partners) with a submitted proposal unless `submitted=False`.
"""

import datetime

import factory
from django.utils import timezone

from alliance.members.tests.factories import OrganisationFactory
from alliance.programs import default_rubric
from alliance.programs.models import GroupMember, Programme, ProjectGroup, Proposal
from alliance.programs.services.programme import create_programme


class ProgrammeFactory(factory.Factory):
    class Meta:
        model = dict

    year = factory.Sequence(lambda n: 2026 + n)
    name = factory.LazyAttribute(lambda o: f"{o.year} 메타버스 얼라이언스 프로젝트 그룹")

    @classmethod
    def _create(cls, model_class, *args, call_open=False, **kwargs):
        """`call_open=True` moves the call so that it runs from yesterday to tomorrow."""
        if call_open:
            stages = default_rubric.default_stages(kwargs["year"])
            now = timezone.now()
            stages["call"] = (now - datetime.timedelta(days=1), now + datetime.timedelta(days=1))
            kwargs["stages"] = stages
        return create_programme(actor=None, **kwargs)

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        return Programme(year=kwargs["year"], name=kwargs["name"])


class ProjectGroupFactory(factory.Factory):
    class Meta:
        model = dict

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"프로젝트 그룹 {n:03d}")
    track_code = "SW"

    @classmethod
    def _create(cls, model_class, *args, programme, name, track_code, lead=None, partners=1, submitted=True):
        """`partners` is a number of new organisations or a list of existing ones."""
        lead = lead or OrganisationFactory()
        partner_orgs = [OrganisationFactory() for _ in range(partners)] if isinstance(partners, int) else partners
        group = ProjectGroup.objects.create(
            programme=programme, track=programme.tracks.get(code=track_code), name=name, lead=lead
        )
        now = timezone.now()
        GroupMember.objects.bulk_create(
            [GroupMember(group=group, programme=programme, organisation=lead, role="lead", confirmed_at=now)]
            + [
                GroupMember(group=group, programme=programme, organisation=org, role="partner", confirmed_at=now)
                for org in partner_orgs
            ]
        )
        Proposal.objects.create(
            group=group,
            title=f"{name} 가상융합 사업 제안",
            summary="가상융합 기술로 현장 업무를 효율화합니다.",
            product="XR 플랫폼",
            market="제조·교육 현장",
            business_model="구독형 SaaS",
            team="개발 5명, 사업 2명",
            status=Proposal.Status.SUBMITTED if submitted else Proposal.Status.DRAFT,
            submitted_at=now if submitted else None,
        )
        return group


def representative(organisation, **kwargs):
    """A member representative account of `organisation`."""
    from alliance.core.roles import Role
    from alliance.core.tests.factories import UserFactory

    return UserFactory(role=Role.MEMBER_REP, organisation=organisation, **kwargs)


def _zip_bytes(parts: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def upload_file(name: str, kind: str | None = None):
    """An uploaded file whose content really is `kind` (pdf, hwp, hwpx, docx, pptx; default: the extension)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    kind = kind or name.rsplit(".", 1)[-1].lower()
    content = {
        "pdf": b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n",
        "hwp": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504,
        "hwpx": lambda: _zip_bytes({"mimetype": b"application/hwp+zip", "Contents/content.hpf": b"<opf/>"}),
        "docx": lambda: _zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}),
        "pptx": lambda: _zip_bytes({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p:presentation/>"}),
        "zip": lambda: _zip_bytes({"readme.txt": b"hello"}),
        "txt": b"just text",
    }[kind]
    data = content() if callable(content) else content
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")
