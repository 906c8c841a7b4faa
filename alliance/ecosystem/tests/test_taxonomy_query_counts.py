"""Constant-query guards of the ecosystem core's list pages: one item or three, the same queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alliance.ecosystem.models import MapSurvey, MapSurveyInvitation, Placement
from alliance.ecosystem.services.snapshots import freeze_snapshot
from alliance.ecosystem.tests.factories import (
    ApplicationFieldFactory,
    NodeFactory,
    PlacementFactory,
    PlayerFactory,
    TaxonomyFactory,
    TechnologyFactory,
    small_taxonomy,
)

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


def _grows(client, url, add_two) -> tuple[int, int]:
    one = _queries(client, url)
    add_two()
    return one, _queries(client, url)


def test_taxonomy_tree_queries_do_not_grow_with_nodes(client, staff_user):
    tree = small_taxonomy()
    client.force_login(staff_user)

    def add_two():
        NodeFactory(taxonomy=tree["taxonomy"], parent=tree["software"], name="엔진")
        PlacementFactory(primary=tree["cloud"])

    one, three = _grows(client, reverse("ecosystem:taxonomy", args=[2026]), add_two)
    assert one == three


def test_facets_queries_do_not_grow_with_items(client, staff_user):
    taxonomy = TaxonomyFactory(year=2026)
    TechnologyFactory(taxonomy=taxonomy)
    ApplicationFieldFactory(taxonomy=taxonomy)
    client.force_login(staff_user)

    def add_two():
        TechnologyFactory.create_batch(2, taxonomy=taxonomy)
        ApplicationFieldFactory.create_batch(2, taxonomy=taxonomy)

    one, three = _grows(client, reverse("ecosystem:facets", args=[2026]), add_two)
    assert one == three


def test_snapshot_list_and_page_queries_do_not_grow(client, staff_user):
    tree = small_taxonomy(2023)
    PlacementFactory(primary=tree["xr"], status=Placement.Status.CONFIRMED)
    freeze_snapshot(actor=staff_user, year=2023)

    def add_two():
        for year in (2024, 2025):
            small_taxonomy(year)
            freeze_snapshot(actor=staff_user, year=year)

    one, three = _grows(client, reverse("ecosystem:snapshots"), add_two)
    assert one == three
    one_page = _queries(client, reverse("ecosystem:snapshot", args=["2023"]))
    assert one_page == _queries(client, reverse("ecosystem:snapshot", args=["2024"]))


def test_survey_pages_queries_do_not_grow(client, staff_user):
    taxonomy = TaxonomyFactory(year=2026)
    survey = MapSurvey.objects.create(taxonomy=taxonomy, title="조사", closes_on=datetime.date(2099, 1, 1))
    client.force_login(staff_user)

    def invite(number):
        MapSurveyInvitation.objects.create(
            survey=survey, player=PlayerFactory(), email=f"a{number}@x.kr", token_hash=f"{number:064d}",
            expires_at=datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC),
        )  # fmt: skip

    invite(1)

    def add_two():
        invite(2)
        invite(3)
        MapSurvey.objects.create(taxonomy=taxonomy, title="조사 2", closes_on=datetime.date(2099, 1, 1))
        MapSurvey.objects.create(taxonomy=taxonomy, title="조사 3", closes_on=datetime.date(2099, 1, 1))

    one_list = _queries(client, reverse("ecosystem:surveys"))
    one_detail = _queries(client, reverse("ecosystem:survey_detail", args=[survey.pk]))
    add_two()
    assert _queries(client, reverse("ecosystem:surveys")) == one_list
    assert _queries(client, reverse("ecosystem:survey_detail", args=[survey.pk])) == one_detail
