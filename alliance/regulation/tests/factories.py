"""Factories of the regulation app's records."""

import factory
from django.utils import timezone

from alliance.members.tests.factories import OrganisationFactory
from alliance.regulation import default_checklist
from alliance.regulation.models import Checklist, Filing, FilingKind, PlatformType


class ChecklistFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Checklist

    year = factory.LazyFunction(lambda: timezone.localdate().year)
    number = 1
    content = factory.LazyFunction(default_checklist.content)
    published_at = factory.LazyFunction(timezone.now)


class FilingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Filing

    organisation = factory.SubFactory(OrganisationFactory)
    kind = FilingKind.NEW
    platform_name = factory.Sequence(lambda n: f"메타 교실 {n}")
    address = "https://class.example.kr"
    description = "가상 공간에서 수업과 실습을 제공하는 교육 플랫폼"
    platform_type = PlatformType.EDUCATION
    revenue_year = factory.LazyFunction(lambda: timezone.localdate().year - 1)
    revenue_won = 350_000_000
    contact_name = "김담당"
    contact_email = "contact@example.kr"
    contact_phone = "02-123-4567"


def answers(value: int = 4) -> dict[str, int]:
    return {str(number): value for number in range(1, 11)}
