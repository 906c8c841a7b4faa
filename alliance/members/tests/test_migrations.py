"""Data migrations of the members app (tests run without migrations, so their functions are called directly
with today's app registry)."""

import importlib

import pytest
from django.apps import apps

from alliance.members import search
from alliance.members.models import SearchToken
from alliance.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
composite_key = importlib.import_module("alliance.members.migrations.0005_searchtoken_composite_key")


def _index() -> set[tuple[int, str, str]]:
    return set(SearchToken.objects.values_list("organisation_id", "token", "name_key"))


def test_the_rebuilt_index_is_the_one_the_application_writes():
    """0005 rebuilds the index with its own frozen copy of the tokens; a fresh replay must give the index
    today's searches read. If `search.tokens_of` changes, a new migration (or a reindex) must rebuild it."""
    OrganisationFactory(name="주식회사 디지털트윈", field_names=("메타버스", "디지털트윈"))
    OrganisationFactory(name="㈜젠", sido="", field_names=())
    written_by_the_application = _index()
    SearchToken.objects.all().delete()

    composite_key.rebuild_index(apps, None)

    assert _index() == written_by_the_application


@pytest.mark.parametrize(
    ("search_text", "category", "sido", "field_ids"),
    [("디지털트윈|digitaltwin", "small", "서울", [3, 7]), ("젠", "large", "", []), ("", "", "", [])],
)
def test_the_frozen_tokens_agree_with_todays(search_text, category, sido, field_ids):
    arguments = {"search_text": search_text, "category": category, "sido": sido, "field_ids": field_ids}

    assert composite_key.tokens_of(**arguments) == search.tokens_of(**arguments)
