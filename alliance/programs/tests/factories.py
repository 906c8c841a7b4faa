"""Programmes built through the set-up service (so the rubric is the real 2026 one) and project groups.

`ProgrammeFactory()` is the 2026 programme: SW and HW tracks, the default rubric (① 독창성 및 혁신성
② 시장 수익가능성 common, three criteria per track, 20 points each), five awards per track, the usual
stages. `ProjectGroupFactory(programme=..., partners=2)` is a group of member organisations (a confirmed
lead and confirmed partners) with a submitted proposal unless `submitted=False`.
"""

import factory
from django.utils import timezone

from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.models import GroupMember, Programme, ProjectGroup, Proposal
from alliance.programs.services.programme import create_programme


class ProgrammeFactory(factory.Factory):
    class Meta:
        model = dict

    year = factory.Sequence(lambda n: 2026 + n)
    name = factory.LazyAttribute(lambda o: f"{o.year} 메타버스 얼라이언스 프로젝트 그룹")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
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
