"""Only a member today can be seated at the investment day (`members.membership`): not a company that joins
next month, nor one that has withdrawn; one that withdraws next month still can."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.forms.investment import CompanyAddForm
from alliance.programs.services import investment as service
from alliance.programs.tests.factories_investment import InvestmentDayFactory
from alliance.programs.tests.factories_judging import english  # noqa: F401  autouse: messages in English

pytestmark = pytest.mark.django_db


@pytest.fixture
def companies():
    today = timezone.localdate()
    month = datetime.timedelta(days=31)
    return {
        "member": OrganisationFactory(name="주식회사 회원", joined_on=today - month),
        "joins_next_month": OrganisationFactory(name="주식회사 새내기", joined_on=today + month),
        "withdrawn": OrganisationFactory(name="주식회사 탈퇴", joined_on=today - 2 * month, withdrawn_on=today - month),
        "withdraws_next_month": OrganisationFactory(
            name="주식회사 예정", joined_on=today - 2 * month, withdrawn_on=today + month
        ),
    }


def test_the_company_picker_offers_members_today_only(companies):
    offered = list(CompanyAddForm().fields["organisation"].queryset.values_list("name", flat=True))

    assert offered == ["주식회사 예정", "주식회사 회원"]


def test_a_company_that_joins_next_month_is_refused_by_the_form(companies):
    form = CompanyAddForm({"organisation": companies["joins_next_month"].pk})

    assert (form.is_valid(), list(form.errors)) == (False, ["organisation"])


@pytest.mark.parametrize("key", ["member", "withdraws_next_month"])
def test_the_service_seats_a_member_today(companies, key):
    day = InvestmentDayFactory()

    service.add_company(actor=None, day=day, organisation=companies[key])

    assert list(day.companies.values_list("organisation__name", flat=True)) == [companies[key].name]


@pytest.mark.parametrize("key", ["joins_next_month", "withdrawn"])
def test_the_service_refuses_a_company_that_is_not_a_member_today(companies, key):
    day = InvestmentDayFactory()

    with pytest.raises(ValidationError) as refused:
        service.add_company(actor=None, day=day, organisation=companies[key])

    assert (refused.value.messages, day.companies.count()) == ([f"{companies[key].name} is not a member today."], 0)


def test_staff_adding_a_company_that_joins_next_month_seats_nobody(client, staff_user, companies):
    day = InvestmentDayFactory()
    client.force_login(staff_user)

    client.post(
        reverse("programs:investment_company_add", args=[day.programme.year]),
        {"organisation": companies["joins_next_month"].pk},
    )

    assert day.companies.count() == 0
