"""Factories of the agencies app's rows."""

import factory

from alliance.agencies.models import Agency, AgencyLiaison, Heading, LinkagePlan, PlanItem, QuarterlyReport, ReportEntry
from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"유관기관{n}")
    short_name = factory.Sequence(lambda n: f"AG{n}")


class LiaisonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgencyLiaison

    user = factory.SubFactory(UserFactory, role=Role.AGENCY)
    agency = factory.SubFactory(AgencyFactory)


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LinkagePlan
        django_get_or_create = ("agency", "year")

    agency = factory.SubFactory(AgencyFactory)
    year = 2026


class PlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanItem

    plan = factory.SubFactory(PlanFactory)
    heading = Heading.INFORMATION
    text = "가상융합 분야 R&D 투자 방향 설명회 개최"
    start_month = 1
    end_month = 12


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuarterlyReport

    agency = factory.SubFactory(AgencyFactory)
    year = 2026
    quarter = 1


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportEntry

    report = factory.SubFactory(ReportFactory)
    plan_item = factory.LazyAttribute(
        lambda entry: PlanItemFactory(plan__agency=entry.report.agency, plan__year=entry.report.year)
    )
    text = "R&D 과제 성과 설명회 개최"
    figures = "12개 기관 참여"
