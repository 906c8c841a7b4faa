"""The secretariat's account pages (계정 관리): every account with all its roles, and changing one's set."""

import re

import pytest
from django.urls import reverse

from alliance.core.models import AuditEntry
from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def rows(html: str) -> list[list[str]]:
    body = re.search(r'<table class="data-table" id="accounts">.*?<tbody>(.*?)</tbody>', html, re.S).group(1)
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def test_the_list_shows_every_role_of_each_account_in_korean(client, staff_user, organisation):
    roles = [Role.MEMBER_REP, Role.STEERING]
    UserFactory(name="김겸직", email="kim@zen.example.kr", roles=roles, organisation=organisation)
    client.force_login(staff_user)

    html = client.get(reverse("core:accounts")).content.decode()

    assert rows(html) == [
        ["김겸직", "kim@zen.example.kr", organisation.name, "회원사 담당자, 운영위원", "사용 중"],
        ["사무국 직원", "staff@alliance.example.kr", "-", "사무국", "사용 중"],
    ]


def test_the_list_narrows_to_the_holders_of_one_role(client, staff_user):
    UserFactory(name="이운영", roles=[Role.AGENCY, Role.STEERING])
    UserFactory(name="박기관", role=Role.AGENCY)
    client.force_login(staff_user)

    html = client.get(reverse("core:accounts"), {"role": "steering"}).content.decode()

    assert [row[0] for row in rows(html)] == ["이운영"]


def test_staff_change_an_accounts_roles_and_the_change_is_recorded(client, staff_user):
    account = UserFactory(name="최담당", role=Role.MEMBER_REP)
    client.force_login(staff_user)
    url = reverse("core:account_roles", args=[account.pk])

    response = client.post(url, {"roles": ["member_rep", "steering"]}, follow=True)

    assert account.roles == {Role.MEMBER_REP, Role.STEERING}
    html = response.content.decode()
    assert re.search(r'<dd id="held-roles">(.*?)</dd>', html).group(1) == "회원사 담당자, 운영위원"
    assert "저장했습니다." in html
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor, entry.after) == (
        "core.user.roles_changed",
        staff_user,
        {"roles": ["member_rep", "steering"]},
    )
    assert "역할 변경" in html


def test_staff_cannot_remove_their_own_secretariat_role(client, staff_user):
    client.force_login(staff_user)

    response = client.post(reverse("core:account_roles", args=[staff_user.pk]), {"roles": ["steering"]})

    assert response.status_code == 200
    assert "자신의 계정에서 사무국 역할을 뺄 수 없습니다." in response.content.decode()
    staff_user.refresh_from_db()
    assert (staff_user.roles, AuditEntry.objects.count()) == ({Role.STAFF}, 0)


def test_an_unknown_role_is_refused_with_the_field_named(client, staff_user):
    account = UserFactory(role=Role.MEMBER_REP)
    client.force_login(staff_user)

    response = client.post(reverse("core:account_roles", args=[account.pk]), {"roles": ["chairman"]})

    refusal = "올바르게 선택해 주세요. chairman 이/가 선택가능항목에 없습니다."
    assert response.context["form"].errors == {"roles": [refusal]}
    assert account.roles == {Role.MEMBER_REP}


def test_roles_changed_meanwhile_refuse_the_later_save(staff_user):
    from django.test import Client

    from alliance.core.tests.editing import posted

    account = UserFactory(name="김겸직", roles=[Role.MEMBER_REP])
    url = reverse("core:account_roles", args=[account.pk])
    first, second = Client(), Client()
    first.force_login(staff_user)
    second.force_login(staff_user)
    first_form, second_form = posted(first.get(url).context["form"]), posted(second.get(url).context["form"])

    assert first.post(url, first_form | {"roles": ["member_rep", "steering"]}).status_code == 302
    response = second.post(url, second_form | {"roles": ["member_rep", "evaluator"]})

    assert response.status_code == 200
    assert response.context["form"].stale_changes == [
        {"label": "역할", "theirs": "회원사 담당자, 운영위원", "yours": "회원사 담당자, 심사위원·멘토"}
    ]
    assert "stale-edit" in response.content.decode()
    assert set(account.__class__.objects.get(pk=account.pk).roles) == {Role.MEMBER_REP, Role.STEERING}

    retry = second.post(url, posted(response.context["form"]))

    assert retry.status_code == 302
    assert set(account.__class__.objects.get(pk=account.pk).roles) == {Role.MEMBER_REP, Role.EVALUATOR}
