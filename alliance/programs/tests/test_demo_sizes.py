"""`demo_data --orgs N` works for every size: a small registry gets as many competition groups as its member
companies fill (the full 15 groups need 35), none below three companies, and never a crash."""

import io

import pytest
from django.core.management import call_command

from alliance.members.models import Organisation
from alliance.members.models.organisation import COMPANY_CATEGORIES
from alliance.programs import demo
from alliance.programs.models import GroupMember, ProjectGroup


def test_group_sizes_fill_what_the_registry_has():
    assert demo.group_sizes(0) == ()
    assert demo.group_sizes(2) == ()
    assert demo.group_sizes(3) == (3,)
    assert demo.group_sizes(10) == (3, 3, 3)
    assert demo.group_sizes(35) == demo.GROUP_SIZES
    assert demo.group_sizes(5000) == demo.GROUP_SIZES


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("orgs", [0, 30])
def test_demo_data_small_sizes_load_and_scale_the_competition(orgs):
    out = io.StringIO()
    call_command("demo_data", "--orgs", str(orgs), "--force", stdout=out)
    companies = Organisation.objects.filter(category__in=COMPANY_CATEGORIES, withdrawn_on__isnull=True).count()
    expected = demo.group_sizes(min(companies, demo.COMPANIES))
    assert ProjectGroup.objects.filter(programme__year=demo.YEAR).count() == len(expected)
    assert GroupMember.objects.filter(programme__year=demo.YEAR).count() == sum(expected)
    assert bool(expected) == (orgs > 0)
    if expected:
        assert f"{len(expected)}개 그룹({sum(expected)}개사)" in out.getvalue()
