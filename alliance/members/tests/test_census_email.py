"""Census e-mails through a real SMTP server: invitations on opening a round, reminders to non-responders."""

import datetime
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from alliance.core.delivery.progress import delivery_progress
from alliance.core.links import hash_token
from alliance.core.models import AuditEntry, Delivery
from alliance.core.roles import Role
from alliance.core.tests.confirming import post_confirmed
from alliance.core.tests.factories import UserFactory
from alliance.members.models import CensusInvitation, CensusRound
from alliance.members.queries.census import delivered_q
from alliance.members.tests.factories import ContactFactory, OrganisationFactory
from alliance.members.tests.test_census_support import invite, korean, make_round  # noqa: F401  fixture

pytestmark = pytest.mark.usefixtures("korean")

LINK = re.compile(r"http://testserver/census/[A-Za-z0-9_-]+/")


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "http://testserver"
    settings.CENSUS_LINK_DAYS = 30


def _subject(message) -> str:
    # Django folds a long encoded subject onto the next line; the parsed header keeps the fold's space.
    return message["Subject"].strip()


def _plain_body(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def _html_body(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def _open_round(client, staff_user, django_capture_on_commit_callbacks, closes_on):
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        return post_confirmed(
            client,
            reverse("members:census_round_create"),
            {"title": "2026년 상반기 회원사 현황 조사", "closes_on": closes_on.isoformat()},
        )


def test_open_round_emails_each_current_member_with_a_contact(
    client, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    zen = OrganisationFactory(name="주식회사 젠")
    ContactFactory(organisation=zen, name="김젠", email="kim@zen.example.kr", is_primary=True)
    twin = OrganisationFactory(name="(주)트윈랩")
    ContactFactory(organisation=twin, name="가나다", email="first@twin.example.kr", is_primary=False)
    ContactFactory(organisation=twin, name="하대표", email="primary@twin.example.kr", is_primary=True)
    nomail = OrganisationFactory(name="연락처없는회사")
    ContactFactory(organisation=nomail, email="", is_primary=True)
    gone = OrganisationFactory(name="탈퇴한회사", withdrawn_on=datetime.date(2025, 1, 1))
    ContactFactory(organisation=gone, email="gone@example.kr")
    closes_on = timezone.localdate() + datetime.timedelta(days=10)

    response = _open_round(client, staff_user, django_capture_on_commit_callbacks, closes_on)

    census_round = CensusRound.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("members:census_round_detail", args=[census_round.pk])
    by_recipient = {message.envelope_recipients[0]: message for message in smtp_server.messages}
    assert sorted(by_recipient) == ["kim@zen.example.kr", "primary@twin.example.kr"]
    zen_mail = by_recipient["kim@zen.example.kr"]
    assert _subject(zen_mail) == "[메타버스 얼라이언스] 주식회사 젠 회원사 정보 확인 요청"
    assert zen_mail["To"] == "kim@zen.example.kr"
    expires = f"{closes_on.year}. {closes_on.month}. {closes_on.day}."
    assert f"이 링크는 {expires}까지 귀사 정보에 대해서만 사용할 수 있으니" in _plain_body(zen_mail)
    link = LINK.findall(_plain_body(zen_mail))
    assert len(link) == 1
    assert f'href="{link[0]}"' in _html_body(zen_mail)
    assert CensusInvitation.objects.filter(sent_at__isnull=False).count() == 2
    # The stored hash is not the token in the link.
    assert not CensusInvitation.objects.filter(token_hash__in=[link[0].rstrip("/").rsplit("/", 1)[1]]).exists()

    client.logout()
    page = client.get(link[0].removeprefix("http://testserver"))
    assert page.status_code == 200
    assert page.context["organisation"] == zen
    client.force_login(staff_user)
    detail = client.get(response.url)
    assert [organisation.name for organisation in detail.context["uninvited"]] == ["연락처없는회사"]
    assert "이메일 주소 없음" in detail.content.decode()
    entry = AuditEntry.objects.get(action="members.census.opened")
    assert entry.after == {
        "title": "2026년 상반기 회원사 현황 조사",
        "closes_on": closes_on.isoformat(),
        "invited": 2,
        "without_contact": 1,
    }


def test_link_expires_at_closing_date_when_sooner_than_link_days(
    client, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(name="주식회사 젠")
    ContactFactory(organisation=organisation, email="kim@zen.example.kr")
    closes_on = timezone.localdate() + datetime.timedelta(days=3)

    _open_round(client, staff_user, django_capture_on_commit_callbacks, closes_on)

    invitation = CensusInvitation.objects.get()
    end_of_closing_day = timezone.make_aware(
        datetime.datetime.combine(closes_on + datetime.timedelta(days=1), datetime.time.min)
    )
    assert invitation.expires_at == end_of_closing_day


def test_reminders_go_only_to_non_responders_with_the_invitation_link(
    client, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    answered = OrganisationFactory(name="응답한회사")
    ContactFactory(organisation=answered, email="yes@answered.example.kr")
    silent = OrganisationFactory(name="주식회사 조용")
    ContactFactory(organisation=silent, email="ceo@silent.example.kr")
    _open_round(client, staff_user, django_capture_on_commit_callbacks, timezone.localdate())
    first = {message.envelope_recipients[0]: _token(message) for message in smtp_server.messages}
    client.post(reverse("members:census_respond", args=[first["yes@answered.example.kr"]]), {"action": "confirm"})
    smtp_server.messages.clear()
    client.force_login(staff_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = post_confirmed(client, reverse("members:census_remind", args=[CensusRound.objects.get().pk]))

    assert response.status_code == 302
    assert [message.envelope_recipients for message in smtp_server.messages] == [["ceo@silent.example.kr"]]
    message = smtp_server.messages[0]
    assert _subject(message) == "[메타버스 얼라이언스] (재안내) 주식회사 조용 회원사 정보 확인 요청"
    assert "처음 보내 드린 메일과 같은 아래 개인 링크로" in _plain_body(message)
    assert _token(message) == first["ceo@silent.example.kr"]
    invitation = CensusInvitation.objects.get(organisation=silent)
    assert (invitation.reminder_count, invitation.last_reminded_at is not None) == (1, True)
    client.logout()
    page = client.get(reverse("members:census_respond", args=[first["ceo@silent.example.kr"]]))
    assert (page.status_code, page.context["organisation"]) == (200, silent)
    entry = AuditEntry.objects.get(action="members.census.reminded")
    assert (entry.actor, entry.after) == (staff_user, {"reminded": 1})


def test_reminder_renews_an_expired_link(client, staff_user, smtp_server, django_capture_on_commit_callbacks):
    silent = OrganisationFactory(name="주식회사 조용")
    ContactFactory(organisation=silent, email="ceo@silent.example.kr")
    _open_round(client, staff_user, django_capture_on_commit_callbacks, timezone.localdate())
    token = _token(smtp_server.messages[0])
    CensusInvitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    expired = client.get(reverse("members:census_respond", args=[token]))

    with django_capture_on_commit_callbacks(execute=True):
        post_confirmed(client, reverse("members:census_remind", args=[CensusRound.objects.get().pk]))

    client.logout()
    page = client.get(reverse("members:census_respond", args=[token]))
    assert (expired.status_code, page.status_code, _token(smtp_server.messages[1])) == (410, 200, token)


def test_remind_refused_for_a_closed_round(client, staff_user, smtp_server, django_capture_on_commit_callbacks):
    census_round = make_round()
    census_round.closed_at = timezone.now()
    census_round.save()
    invite(census_round, OrganisationFactory(), token="t1")
    client.force_login(staff_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:census_remind", args=[census_round.pk]))
        forged = client.post(reverse("members:census_remind", args=[census_round.pk]), {"confirmed": "x"})

    assert smtp_server.messages == []
    assert forged.status_code == 200
    assert "마감된 조사 회차입니다. 더 이상 재안내 메일을 보낼 수 없습니다." in response.content.decode()
    assert 'name="confirmed"' not in response.content.decode()
    assert CensusInvitation.objects.get().reminder_count == 0


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _run_worker() -> None:
    """What `manage.py db_worker` does with each queued task, from its stored arguments alone (the command
    itself closes the database connection between tasks, which a test's transaction cannot survive on
    PostgreSQL)."""
    for row in DBTaskResult.objects.order_by("enqueued_at", "id"):
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])


def _token(message) -> str:
    return LINK.findall(_plain_body(message))[0].rstrip("/").rsplit("/", 1)[1]


def test_open_round_on_the_database_backend_stores_no_raw_token(
    client, staff_user, smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    zen = OrganisationFactory(name="주식회사 젠")
    ContactFactory(organisation=zen, email="kim@zen.example.kr")

    _open_round(client, staff_user, django_capture_on_commit_callbacks, timezone.localdate())

    invitation = CensusInvitation.objects.get()
    assert [row.args_kwargs for row in DBTaskResult.objects.all()] == [
        {"args": [], "kwargs": {"delivery_id": Delivery.objects.get().pk}}
    ]
    assert smtp_server.messages == []
    _run_worker()
    token = _token(smtp_server.messages[0])
    stored = json.dumps([(row.args_kwargs, row.return_value) for row in DBTaskResult.objects.all()])
    invitation.refresh_from_db()
    assert (len(smtp_server.messages), token in stored, invitation.token_hash) == (1, False, hash_token(token))
    client.logout()
    page = client.get(reverse("members:census_respond", args=[token]))
    assert (page.status_code, page.context["organisation"]) == (200, zen)


def test_invitation_queued_before_a_reminder_sends_only_the_reminder(
    client, staff_user, smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    zen = OrganisationFactory(name="주식회사 젠")
    ContactFactory(organisation=zen, email="kim@zen.example.kr")
    _open_round(client, staff_user, django_capture_on_commit_callbacks, timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True):
        post_confirmed(client, reverse("members:census_remind", args=[CensusRound.objects.get().pk]))

    _run_worker()

    assert [_subject(message) for message in smtp_server.messages] == [
        "[메타버스 얼라이언스] (재안내) 주식회사 젠 회원사 정보 확인 요청"
    ]
    assert CensusInvitation.objects.get().token_hash == hash_token(_token(smtp_server.messages[0]))


def test_member_without_contact_email_is_invited_at_its_representative_account(
    client, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    zen = OrganisationFactory(name="주식회사 젠")
    ContactFactory(organisation=zen, name="김젠", email="")
    UserFactory(role=Role.MEMBER_REP, organisation=zen, email="rep@zen.example.kr", is_active=False)
    UserFactory(role=Role.MEMBER_REP, organisation=zen, email="second@zen.example.kr")
    UserFactory(role=Role.STEERING, organisation=zen, email="steering@zen.example.kr")
    twin = OrganisationFactory(name="(주)트윈랩")
    ContactFactory(organisation=twin, email="contact@twin.example.kr")
    UserFactory(role=Role.MEMBER_REP, organisation=twin, email="rep@twin.example.kr")

    _open_round(client, staff_user, django_capture_on_commit_callbacks, timezone.localdate())

    assert sorted(message.envelope_recipients[0] for message in smtp_server.messages) == [
        "contact@twin.example.kr",
        "second@zen.example.kr",
    ]
    assert CensusInvitation.objects.get(organisation=zen).email == "second@zen.example.kr"


def test_census_opened_while_the_mail_server_is_down_reads_unsent_then_reaches_everyone_once(
    client, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    for name, email in (("주식회사 젠", "kim@zen.example.kr"), ("(주)트윈랩", "ha@twin.example.kr")):
        ContactFactory(organisation=OrganisationFactory(name=name), email=email, is_primary=True)
    smtp_server.stop()

    _open_round(client, staff_user, django_capture_on_commit_callbacks, timezone.localdate())
    census_round = CensusRound.objects.get()
    delivery = Delivery.objects.get()
    down = client.get(reverse("members:census_round_detail", args=[census_round.pk])).content.decode()
    unsent = CensusInvitation.objects.exclude(delivered_q()).count()
    progress = delivery_progress(delivery)
    smtp_server.start()
    with django_capture_on_commit_callbacks(execute=True):
        resumed = client.post(reverse("core:delivery_resume", args=[delivery.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("core:delivery_resume", args=[delivery.pk]))

    # (This module's catalogue holds the census fragment only, so the delivery block is checked by its form.)
    resume_form = f'action="{reverse("core:delivery_resume", args=[delivery.pk])}"'
    assert (unsent, down.count("미발송"), progress.status, progress.deferred, resume_form in down) == (
        2,
        2,
        "deferred",
        2,
        True,
    )
    assert resumed["Location"] == reverse("members:census_round_detail", args=[census_round.pk]) + "#emails"
    assert sorted(message.envelope_recipients[0] for message in smtp_server.messages) == [
        "ha@twin.example.kr",
        "kim@zen.example.kr",
    ]
    assert CensusInvitation.objects.exclude(delivered_q()).count() == 0
    client.logout()
    for message in smtp_server.messages:
        page = client.get(reverse("members:census_respond", args=[_token(message)]))
        assert (page.status_code, page.context["organisation"].contacts.get().email) == (
            200,
            message.envelope_recipients[0],
        )
