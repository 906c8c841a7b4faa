"""A user holds a set of roles (UserRole rows): granted, revoked and set through the audited account service;
what the user may do is the union of what each role allows."""

import json
import os
import subprocess
import sys

import pytest
import rules
from django.conf import settings
from django.utils import translation
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from alliance.core.audit import action_label
from alliance.core.models import AuditEntry, User, UserRole
from alliance.core.roles import Role
from alliance.core.rules import has_role, is_secretariat
from alliance.core.services.accounts import RoleChangeError, grant_role, revoke_role, set_roles
from alliance.core.templatetags.audit import change_rows
from alliance.core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_factory_grants_one_role_by_default_several_on_request_or_none():
    assert UserFactory().roles == {Role.MEMBER_REP}
    assert UserFactory(role=Role.AGENCY).roles == {Role.AGENCY}
    assert UserFactory(roles=[Role.MEMBER_REP, Role.STEERING]).roles == {Role.MEMBER_REP, Role.STEERING}
    assert UserFactory(role=None).roles == frozenset()


def test_roles_are_read_once_per_user_however_often_the_predicates_ask(django_assert_num_queries):
    user = User.objects.get(pk=UserFactory(roles=[Role.MEMBER_REP, Role.STEERING]).pk)

    with django_assert_num_queries(1):
        answers = [has_role(role)(user) for role in Role for _ in range(5)] + [is_secretariat(user)]

    assert answers.count(True) == 10


def test_a_list_of_users_reads_its_roles_with_one_prefetch(django_assert_num_queries):
    for index in range(3):
        UserFactory(roles=[Role.EVALUATOR, Role.STEERING], email=f"judge{index}@example.kr")

    with django_assert_num_queries(2):
        labels = [user.role_labels() for user in User.objects.prefetch_related("role_grants")]

    with translation.override("ko"):
        assert [str(label) for label in labels[0]] == ["운영위원", "심사위원·멘토"]


def test_with_role_selects_the_holders_among_other_roles():
    both = UserFactory(roles=[Role.MEMBER_REP, Role.STEERING])
    UserFactory(role=Role.MEMBER_REP)
    UserFactory(role=Role.AGENCY)

    assert list(User.objects.with_role(Role.STEERING)) == [both]


def test_an_inactive_user_holds_no_permission_of_its_roles():
    user = UserFactory(role=Role.STAFF, is_active=False)

    assert (user.has_role(Role.STAFF), is_secretariat(user), user.is_secretariat) == (True, False, False)


def test_create_superuser_makes_a_secretariat_account():
    user = User.objects.create_superuser("Admin@Alliance.example.kr", "a-long-password-42", name="관리자")

    assert (user.email, user.roles, user.is_secretariat, user.is_superuser) == (
        "admin@alliance.example.kr",
        {Role.STAFF},
        True,
        True,
    )


def test_granting_a_role_adds_it_once_and_records_who_did_it(staff_user):
    user = UserFactory(role=Role.MEMBER_REP)
    assert user.roles == {Role.MEMBER_REP}  # read (and cached) before the change

    first = grant_role(user=user, role=Role.STEERING, by=staff_user)
    again = grant_role(user=user, role=Role.STEERING, by=staff_user)

    assert (first, again) == (True, False)
    assert user.roles == {Role.MEMBER_REP, Role.STEERING}
    entries = list(AuditEntry.objects.filter(target_id=str(user.pk)).values_list("action", "actor", "before", "after"))
    assert entries == [
        ("core.user.role_granted", staff_user.pk, {"roles": ["member_rep"]}, {"roles": ["member_rep", "steering"]})
    ]


def test_the_audit_log_shows_the_roles_in_korean(staff_user):
    user = UserFactory(role=Role.MEMBER_REP)
    grant_role(user=user, role=Role.STEERING, by=staff_user)

    entry = AuditEntry.objects.get(action="core.user.role_granted")
    with translation.override("ko"):
        assert (action_label(entry.action), change_rows(entry)) == (
            "역할 부여",
            [("역할", "회원사 담당자", "회원사 담당자, 운영위원")],
        )


def test_revoking_a_role_keeps_the_others(staff_user):
    user = UserFactory(roles=[Role.AGENCY, Role.STEERING])

    assert revoke_role(user=user, role=Role.STEERING, by=staff_user) is True
    assert revoke_role(user=user, role=Role.STEERING, by=staff_user) is False

    assert (user.roles, list(UserRole.objects.filter(user=user).values_list("role", flat=True))) == (
        {Role.AGENCY},
        ["agency"],
    )
    assert AuditEntry.objects.filter(action="core.user.role_revoked").count() == 1


def test_set_roles_replaces_the_whole_set_in_one_entry(staff_user):
    user = UserFactory(roles=[Role.MEMBER_REP, Role.SUBCOMMITTEE])

    changed = set_roles(user=user, roles=[Role.STEERING, Role.MEMBER_REP], by=staff_user)
    unchanged = set_roles(user=user, roles=[Role.MEMBER_REP, Role.STEERING], by=staff_user)

    assert (changed, unchanged, user.roles) == (True, False, {Role.MEMBER_REP, Role.STEERING})
    assert list(AuditEntry.objects.values_list("action", "before", "after")) == [
        (
            "core.user.roles_changed",
            {"roles": ["member_rep", "subcommittee"]},
            {"roles": ["member_rep", "steering"]},
        )
    ]


def test_nobody_removes_the_secretariat_role_from_their_own_account(staff_user):
    with pytest.raises(RoleChangeError):
        set_roles(user=staff_user, roles=[Role.STEERING], by=staff_user)
    with pytest.raises(RoleChangeError):
        revoke_role(user=staff_user, role=Role.STAFF, by=staff_user)

    staff_user.refresh_from_db()
    assert (staff_user.roles, AuditEntry.objects.count()) == ({Role.STAFF}, 0)


def test_another_staff_member_may_remove_the_secretariat_role(staff_user):
    colleague = UserFactory(role=Role.STAFF)

    revoke_role(user=colleague, role=Role.STAFF, by=staff_user)

    assert (colleague.roles, colleague.is_secretariat) == (frozenset(), False)


def _role_permissions() -> list[str]:
    """Permissions decided by who the user is (no object): the ones a role grants."""
    return sorted(name for name, predicate in rules.permissions.permissions.items() if predicate.num_args <= 1)


ROLE_PERMISSIONS = _role_permissions()


def test_there_are_role_permissions_to_check():
    assert {"core.view_auditentry", "core.change_user_roles", "core.view_dashboard"} <= set(ROLE_PERMISSIONS)


@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(roles=st.sets(st.sampled_from(list(Role)), min_size=1))
def test_a_user_holding_several_roles_may_do_what_any_of_them_may(roles):
    singles = {role: UserFactory(role=role) for role in Role}
    several = UserFactory(roles=sorted(roles))

    granted = {name for name in ROLE_PERMISSIONS if several.has_perm(name)}

    assert granted == {name for name in ROLE_PERMISSIONS if any(singles[role].has_perm(name) for role in roles)}


MIGRATION_CHECK = """
import json
import django
django.setup()
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

def executor():
    return MigrationExecutor(connection)

before = [("core", "0006_scheduled_job")]
executor().migrate(before)
old = executor().loader.project_state(before).apps
User = old.get_model("core", "User")
User.objects.create(email="staff@example.kr", name="사무국", role="staff")
User.objects.create(email="rep@example.kr", name="담당자", role="member_rep")
executor().migrate([("core", "0007_user_roles")])
with connection.cursor() as cursor:
    cursor.execute("SELECT u.email, r.role FROM core_user u JOIN core_userrole r ON r.user_id = u.id ORDER BY u.email")
    forward = cursor.fetchall()
    cursor.execute(
        "INSERT INTO core_userrole (user_id, role, granted_at)"
        " SELECT id, 'steering', '2026-01-01' FROM core_user WHERE email = 'rep@example.kr'"
    )
executor().migrate(before)
back = sorted(User.objects.values_list("email", "role"))
print(json.dumps({"forward": forward, "back": back}))
"""


def test_the_migration_moves_each_role_into_a_row_and_back(tmp_path):
    result = subprocess.run(  # noqa: S603 (this interpreter and a fixed script)
        [sys.executable, "-c", MIGRATION_CHECK],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "alliance.settings", "DATABASE_URL": f"sqlite:///{tmp_path}/m.db"},
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "forward": [["rep@example.kr", "member_rep"], ["staff@example.kr", "staff"]],
        "back": [["rep@example.kr", "member_rep"], ["staff@example.kr", "staff"]],
    }
