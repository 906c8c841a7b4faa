"""Demo data: the seed's end-2025 table exactly, deterministic, derived columns as the registry makes them."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from alliance.core.audit import history_of
from alliance.core.korean import company_name_key, is_valid_business_number
from alliance.core.models import AuditEntry, User
from alliance.members import demo, search
from alliance.members.models import Contact, Organisation, SearchToken
from alliance.members.search import filter_by_query
from alliance.members.services.registry import audit_snapshot
from alliance.members.statistics import status_table
from alliance.members.tests.factories import OrganisationFactory


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    # Demo logins hash six passwords; Argon2 would make these tests slow for nothing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The demo commands run in development; the test of their refusal in production sets DEBUG off.
    settings.DEBUG = True


def test_generate_is_deterministic_for_a_seed():
    first = [plan.name for plan in demo.generate(200, seed=7)]

    assert [plan.name for plan in demo.generate(200, seed=7)] == first
    assert [plan.name for plan in demo.generate(200, seed=8)] != first


def test_generate_names_have_unique_keys_and_valid_business_numbers():
    plans = demo.generate(3000, seed=1)

    keys = [company_name_key(plan.name) for plan in plans]
    numbers = [plan.business_number for plan in plans]
    assert len(set(keys)) == len(keys)
    assert len(set(numbers)) == len(numbers)
    assert all(is_valid_business_number(number) for number in numbers)


@pytest.mark.parametrize(("n", "expected_total"), [(1139, 1139), (100, 100), (100_000, 100_000), (0, 0)])
def test_category_counts_scale_the_seed_table(n, expected_total):
    counts = demo.category_counts(n)

    assert sum(counts.values()) == expected_total
    if n == 1139:
        assert {category.value: count for category, count in counts.items()} == {
            "large": 87, "medium": 220, "small": 680, "agency": 63, "nonprofit": 70, "university": 19,
        }  # fmt: skip


@pytest.mark.django_db
def test_demo_data_default_matches_the_seed_table_on_2025_12_31():
    call_command("demo_data", stdout=io.StringIO())

    end_2025 = status_table(datetime.date(2025, 12, 31))
    assert [(row.key, row.count) for row in end_2025.rows] == [
        ("대기업", 87),
        ("중기업", 220),
        ("소기업", 680),
        ("기업", 987),
        ("기관·협단체", 63),
        ("기타(비영리)", 70),
        ("기관", 133),
        ("대학/산학협력단", 19),
        ("총합", 1139),
    ]
    assert (end_2025.total.previous, end_2025.total.change) == (1103, 36)
    assert Contact.objects.filter(is_primary=True).count() == Organisation.objects.count()
    assert AuditEntry.objects.filter(action="members.org.created").count() == Organisation.objects.count()
    demo_users = {user.email: user for user in User.objects.filter(email__in=[row[1] for row in demo.DEMO_USERS])}
    assert {email: demo_users[email].roles for _roles, email, _name in demo.DEMO_USERS} == {
        email: frozenset(roles) for roles, email, _name in demo.DEMO_USERS
    }


@pytest.mark.django_db
def test_demo_data_derived_columns_equal_what_the_registry_computes():
    demo.load(demo.generate(30, seed=3))

    organisation = Organisation.objects.order_by("pk")[5]
    fields = sorted(organisation.fields.values_list("name", flat=True))
    expected_text = search.build_search_text(name=organisation.name, name_en="", field_names=fields)
    tokens = set(SearchToken.objects.filter(organisation=organisation).values_list("token", flat=True))
    field_ids = organisation.fields.values_list("id", flat=True)
    assert (organisation.name_key, organisation.search_text) == (company_name_key(organisation.name), expected_text)
    assert tokens == search.tokens_of(
        search_text=expected_text, category=organisation.category, sido=organisation.sido, field_ids=field_ids
    )
    assert list(filter_by_query(Organisation.objects.all(), organisation.name)) == [organisation]
    assert history_of(organisation).get().after == audit_snapshot(organisation)


@pytest.mark.django_db
def test_demo_data_if_empty_leaves_an_existing_registry_alone():
    OrganisationFactory(name="주식회사 젠")

    call_command("demo_data", "--if-empty", "--orgs", "10", stdout=io.StringIO())

    assert list(Organisation.objects.values_list("name", flat=True)) == ["주식회사 젠"]


@pytest.mark.django_db
def test_demo_data_refuses_a_registry_that_is_not_empty():
    OrganisationFactory(name="주식회사 젠")

    with pytest.raises(CommandError):
        call_command("demo_data", "--orgs", "10", stdout=io.StringIO())

    assert Organisation.objects.count() == 1


@pytest.mark.django_db
def test_demo_data_refuses_when_debug_is_off_unless_forced(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError) as refused:
        call_command("demo_data", "--orgs", "10", stdout=io.StringIO())
    assert (Organisation.objects.count(), User.objects.count()) == (0, 0)
    assert "--force" in str(refused.value)

    OrganisationFactory(name="주식회사 젠")
    call_command("demo_data", "--if-empty", "--force", stdout=io.StringIO())  # --force passes the gate
    assert list(Organisation.objects.values_list("name", flat=True)) == ["주식회사 젠"]
