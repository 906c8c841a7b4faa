"""Factories of the investment day, built through the services (so the rows are what the pages see).

`InvestmentDayFactory()` is the seed's grid (eight slots, 14:00–16:40) on 2026-11-13 at KINTEX for a new
2026-style programme; `DeskFactory(day=...)` an investor desk with a Role.INVESTOR account;
`DayCompanyFactory(day=..., requests=[desk, ...])` a member company with its requests in that order.
"""

import datetime

import factory

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.models import Desk
from alliance.programs.scheduling.grid import SEED_DAY
from alliance.programs.services import investment as service
from alliance.programs.tests.factories import ProgrammeFactory


class InvestmentDayFactory(factory.Factory):
    class Meta:
        model = dict

    programme = factory.LazyFunction(ProgrammeFactory)
    date = datetime.date(2026, 11, 13)
    venue = "킨텍스 제1전시장 5홀"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return service.configure_day(
            actor=None,
            starts=SEED_DAY["start"],
            ends=SEED_DAY["end"],
            every_minutes=SEED_DAY["every"],
            length_minutes=SEED_DAY["length"],
            breaks=SEED_DAY["breaks"],
            **kwargs,
        )


class DeskFactory(factory.Factory):
    class Meta:
        model = dict

    firm = factory.Sequence(lambda n: f"테스트벤처스{n}")
    person = "김투자"
    kind = Desk.Kind.VC
    unavailable = ()
    user = factory.LazyFunction(lambda: UserFactory(role=Role.INVESTOR))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return service.add_desk(actor=None, **kwargs)


class DayCompanyFactory(factory.Factory):
    class Meta:
        model = dict

    organisation = factory.LazyFunction(OrganisationFactory)
    priority = False

    @classmethod
    def _create(cls, model_class, *args, requests=(), unavailable=(), **kwargs):
        company = service.add_company(actor=None, **kwargs)
        if requests:
            service.set_requests(actor=None, company=company, desks=requests)
        if unavailable:
            service.set_unavailable(actor=None, participant=company, unavailable=unavailable)
        return company
