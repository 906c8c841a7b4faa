import pytest

from alliance.members.models import Organisation
from alliance.members.search import filter_by_query
from alliance.members.tests.factories import OrganisationFactory


@pytest.fixture
def companies(db):
    return {
        "zen": OrganisationFactory(name="주식회사 젠", field_names=["디지털트윈"]),
        "meta": OrganisationFactory(name="메타버스랩 주식회사", field_names=["XR 콘텐츠"]),
        "other": OrganisationFactory(name="(주)한빛소프트웨어", field_names=["클라우드"]),
    }


def names(query):
    return sorted(filter_by_query(Organisation.objects.all(), query).values_list("name", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("트윈", ["주식회사 젠"]),
        ("디지털 트윈", ["주식회사 젠"]),
        ("메타", ["메타버스랩 주식회사"]),
        ("㈜젠", ["주식회사 젠"]),
        ("(주)젠", ["주식회사 젠"]),
        ("젠 주식회사", ["주식회사 젠"]),
        ("xr", ["메타버스랩 주식회사"]),
        ("한빛 소프트", ["(주)한빛소프트웨어"]),
        ("없는회사", []),
    ],
)
def test_filter_by_query_korean(companies, query, expected):
    assert names(query) == expected


@pytest.mark.django_db
def test_filter_by_query_empty_returns_all(companies):
    assert len(names("  ")) == 3
