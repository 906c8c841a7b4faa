"""`demo_logins`: one demo login per role, refused when DEBUG is off unless forced."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils.translation import gettext

from alliance.core.models import User
from alliance.core.roles import Role
from alliance.members import demo


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    # Demo logins hash six passwords; Argon2 would make these tests slow for nothing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.mark.django_db
def test_demo_logins_refuses_when_debug_is_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        call_command("demo_logins", stdout=io.StringIO())

    assert User.objects.count() == 0


@pytest.mark.django_db
def test_demo_logins_creates_one_user_per_role_with_the_demo_password(settings, monkeypatch):
    settings.DEBUG = False
    settings.SITE_URL = "http://127.0.0.1:8123"  # `make demo PORT=8123` sets it: the printed address is the port in use
    monkeypatch.setenv("DEMO_PASSWORD", "another-demo-pass")
    out = io.StringIO()

    call_command("demo_logins", "--force", stdout=out)

    users = {user.email: user for user in User.objects.all()}
    rows = [line.split()[-2:] for line in out.getvalue().splitlines()[2:]]
    assert sorted(users) == sorted(email for _roles, email, _name in demo.DEMO_USERS)
    assert all(user.check_password("another-demo-pass") for user in users.values())
    assert users["member@demo.alliance.kr"].organisation.name == demo.DEMO_ORGANISATION
    assert users["staff@demo.alliance.kr"].roles == {Role.STAFF}
    assert users["member-steering@demo.alliance.kr"].roles == {Role.MEMBER_REP, Role.STEERING}
    assert users["member-steering@demo.alliance.kr"].organisation.name == demo.DEMO_ORGANISATION
    assert "회원사 담당자, 운영위원" in out.getvalue()
    assert rows == [[email, "another-demo-pass"] for _roles, email, _name in demo.DEMO_USERS]
    assert out.getvalue().splitlines()[0] == gettext("Open %(url)s and log in with one of these:") % {
        "url": "http://127.0.0.1:8123"
    }
