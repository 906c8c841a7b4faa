"""Two people edit one organisation at once: the later save is refused with what changed meanwhile."""

import pytest
from django.utils import translation

from alliance.core.tests.editing import posted, posted_formset
from alliance.members.models import Organisation
from alliance.members.tests.factories import ContactFactory


def edit_url(organisation) -> str:
    return f"/members/organisations/{organisation.pk}/edit/"


def loaded(client, organisation) -> dict:
    """GET the edit page: the post its form would send unchanged."""
    response = client.get(edit_url(organisation))
    assert response.status_code == 200
    return posted(response.context["form"]) | posted_formset(response.context["contacts"])


@pytest.fixture
def rep(client, member_rep):
    client.force_login(member_rep)
    return client


@pytest.fixture
def staff(staff_user):
    from django.test import Client

    other = Client()
    other.force_login(staff_user)
    return other


def test_second_save_is_refused_with_what_changed(rep, staff, organisation):
    rep_form = loaded(rep, organisation)
    staff_form = loaded(staff, organisation)

    assert rep.post(edit_url(organisation), rep_form | {"description": "대표가 고친 소개"}).status_code == 302
    with translation.override("ko"):
        response = staff.post(edit_url(organisation), staff_form | {"employees": "52"})

    assert response.status_code == 200
    assert response.context["form"].stale_changes == [
        {"label": "소개", "theirs": "대표가 고친 소개", "yours": "메타버스 플랫폼을 개발합니다."}
    ]
    assert "다른 사용자가 그사이 저장했습니다" in response.content.decode()
    organisation.refresh_from_db()
    assert (organisation.description, organisation.employees) == ("대표가 고친 소개", None)


def test_saving_again_keeps_mine(rep, staff, organisation):
    rep_form = loaded(rep, organisation)
    staff_form = loaded(staff, organisation)
    rep.post(edit_url(organisation), rep_form | {"description": "대표가 고친 소개"})
    refused = staff.post(edit_url(organisation), staff_form | {"employees": "52"})

    retry = posted(refused.context["form"]) | posted_formset(refused.context["contacts"])
    response = staff.post(edit_url(organisation), retry)

    assert response.status_code == 302
    organisation.refresh_from_db()
    # "Keep mine" keeps every value of the stale form, the description the staff member saw included.
    assert (organisation.description, organisation.employees) == ("메타버스 플랫폼을 개발합니다.", 52)


def test_taking_the_saved_values_then_saving_keeps_both(rep, staff, organisation):
    rep_form = loaded(rep, organisation)
    staff_form = loaded(staff, organisation)
    rep.post(edit_url(organisation), rep_form | {"description": "대표가 고친 소개"})
    staff.post(edit_url(organisation), staff_form | {"employees": "52"})

    response = staff.post(edit_url(organisation), loaded(staff, organisation) | {"employees": "52"})

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.description, organisation.employees) == ("대표가 고친 소개", 52)


def test_a_contact_changed_meanwhile_is_listed(rep, staff, organisation):
    ContactFactory(organisation=organisation, name="김담당", email="kim@zen.kr", phone="", position="")
    staff_form = loaded(staff, organisation)
    rep_form = loaded(rep, organisation)
    rep.post(edit_url(organisation), rep_form | {"contacts-0-position": "팀장"})

    response = staff.post(edit_url(organisation), staff_form | {"homepage": "https://zen.example.kr"})

    assert [row["label"] for row in response.context["form"].stale_changes] == ["담당자"]
    assert response.context["form"].stale_changes[0]["theirs"] == "* 김담당 / 팀장 / kim@zen.kr / "


def test_a_post_without_the_token_is_not_checked(rep, organisation):
    form = loaded(rep, organisation)
    del form["edit_token"]

    assert rep.post(edit_url(organisation), form | {"description": "새 소개"}).status_code == 302
    assert Organisation.objects.get(pk=organisation.pk).description == "새 소개"


def test_every_registry_write_moves_the_version_on(organisation):
    from alliance.members.services.registry import update_organisation

    before = Organisation.objects.get(pk=organisation.pk).version
    update_organisation(actor=None, organisation=organisation, data={"description": "바뀐 소개"})
    update_organisation(actor=None, organisation=organisation, data={"description": "바뀐 소개"})  # no change

    assert Organisation.objects.get(pk=organisation.pk).version == before + 1
