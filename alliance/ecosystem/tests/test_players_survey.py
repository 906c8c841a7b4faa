"""The map survey: personal links by e-mail, answers recorded as changes, staff review before they apply."""

import datetime
import json
import re

import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from alliance.core.delivery.progress import delivery_progress
from alliance.core.links import LinkGone, hash_token
from alliance.core.models import AuditEntry, Delivery, DeliveryRecipient
from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.ecosystem.landscape.grid import live_landscape
from alliance.ecosystem.models import MapSurveyInvitation, MapSurveyResponse, Placement
from alliance.ecosystem.services.survey import (
    SURVEY_MAILING,
    apply_survey_response,
    build_survey_email,
    open_map_survey,
    reject_survey_response,
    submit_survey_response,
)
from alliance.ecosystem.tests.factories import PlacementFactory, small_taxonomy
from alliance.members.tests.factories import ContactFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
CLOSES = datetime.date(2099, 12, 31)


@pytest.fixture
def tree():
    return small_taxonomy()


def _open(staff_user, tree, organisation):
    ContactFactory(organisation=organisation, email="rep@zen.example.kr")
    with TestCase.captureOnCommitCallbacks(execute=True):
        return open_map_survey(
            actor=staff_user, taxonomy=tree["taxonomy"], title="2026 생태계맵 조사", closes_on=CLOSES
        )


def _token_from(message) -> str:
    return re.search(r"/ecosystem/survey/([^/\s]+)/", message.get_body(("plain",)).get_content()).group(1)


def test_open_survey_mails_a_personal_link_to_members_with_a_contact(staff_user, tree, organisation, smtp_server):
    OrganisationFactory(name="연락처없는기업")

    survey = _open(staff_user, tree, organisation)

    assert [(i.player.name, i.email) for i in survey.invitations.all()] == [("주식회사 젠", "rep@zen.example.kr")]
    assert [m.envelope_recipients for m in smtp_server.messages] == [["rep@zen.example.kr"]]
    token = _token_from(smtp_server.messages[0])
    assert MapSurveyInvitation.objects.get().token_hash != token
    assert AuditEntry.objects.filter(action="ecosystem.survey.opened").count() == 1


def test_answer_through_link_records_only_changes_and_waits_for_review(client, staff_user, tree, organisation,
                                                                        smtp_server):  # fmt: skip
    _open(staff_user, tree, organisation)
    invitation = MapSurveyInvitation.objects.get()
    PlacementFactory(player=invitation.player, primary=tree["xr"], patents=2, employees=10, revenue=100)
    url = reverse("ecosystem:survey_respond", args=[_token_from(smtp_server.messages[0])])

    response = client.post(
        url,
        {
            "revenue": "100",
            "employees": "12",
            "patents": "2",
            "technologies": ["디지털트윈"],
            "respondent_name": "홍길동",
        },
    )

    assert response.status_code == 302
    answer = MapSurveyResponse.objects.get()
    assert answer.changes == {
        "employees": {"before": 10, "after": 12},
        "technologies": {"before": [], "after": ["디지털트윈"]},
    }
    assert answer.status == MapSurveyResponse.Status.PENDING
    assert Placement.objects.get().employees == 10


def test_apply_answer_updates_placement_with_survey_source_and_keeps_it_confirmed(
    staff_user, tree, organisation, smtp_server
):
    _open(staff_user, tree, organisation)
    invitation = MapSurveyInvitation.objects.get()
    placement = PlacementFactory(player=invitation.player, primary=tree["xr"], employees=10, revenue=100)
    placement.status = Placement.Status.CONFIRMED
    placement.confirmed_at = timezone.now() - datetime.timedelta(days=400)
    placement.save()
    answer = submit_survey_response(
        invitation=invitation,
        values={"revenue": 100, "employees": 12, "patents": 5, "rd_staff_share": None, "certifications": None,
                "awards": None, "technologies": ["실시간 렌더링"], "fields": []},
    )  # fmt: skip

    apply_survey_response(actor=staff_user, response=answer)

    placement.refresh_from_db()
    today = timezone.localdate().isoformat()
    assert (placement.employees, placement.patents, placement.status) == (12, 5, Placement.Status.CONFIRMED)
    assert (placement.confirmed_by, timezone.localdate(placement.confirmed_at).isoformat()) == (staff_user, today)
    assert [t.name for t in placement.technologies.all()] == ["실시간 렌더링"]
    assert placement.sources["employees"] == {"source": "survey", "on": today}
    assert MapSurveyResponse.objects.get().status == MapSurveyResponse.Status.APPLIED
    assert [tile.name for tile in live_landscape(tree["taxonomy"]).tiles] == ["주식회사 젠"]  # still on the map
    saved = AuditEntry.objects.get(action="ecosystem.placement.saved")
    assert "status" not in saved.after


def test_apply_answer_confirms_a_draft_placement(staff_user, tree, organisation, smtp_server):
    _open(staff_user, tree, organisation)
    invitation = MapSurveyInvitation.objects.get()
    placement = PlacementFactory(player=invitation.player, primary=tree["xr"], employees=10, revenue=100)
    answer = submit_survey_response(
        invitation=invitation,
        values={"revenue": 100, "employees": 10, "patents": 2, "rd_staff_share": None, "certifications": None,
                "awards": None, "technologies": [], "fields": []},
    )  # fmt: skip

    apply_survey_response(actor=staff_user, response=answer)

    placement.refresh_from_db()
    assert (placement.patents, placement.status, placement.confirmed_by) == (2, "confirmed", staff_user)
    saved = AuditEntry.objects.get(action="ecosystem.placement.saved")
    assert (saved.before["status"], saved.after["status"]) == ("draft", "confirmed")


def test_apply_answer_of_unplaced_company_is_refused(staff_user, tree, organisation, smtp_server):
    from django.core.exceptions import ValidationError

    _open(staff_user, tree, organisation)
    answer = submit_survey_response(
        invitation=MapSurveyInvitation.objects.get(),
        values={"revenue": 5, "employees": 1, "patents": None, "rd_staff_share": None, "certifications": None,
                "awards": None, "technologies": [], "fields": []},
    )  # fmt: skip

    with pytest.raises(ValidationError) as error:
        apply_survey_response(actor=staff_user, response=answer)

    assert error.value.code == "not_placed"
    assert MapSurveyResponse.objects.get().status == MapSurveyResponse.Status.PENDING


def test_reject_answer_keeps_placement_and_note(staff_user, tree, organisation, smtp_server):
    _open(staff_user, tree, organisation)
    invitation = MapSurveyInvitation.objects.get()
    PlacementFactory(player=invitation.player, primary=tree["xr"], employees=10)
    answer = submit_survey_response(
        invitation=invitation,
        values={"revenue": 1, "employees": 999, "patents": None, "rd_staff_share": None, "certifications": None,
                "awards": None, "technologies": [], "fields": []},
    )  # fmt: skip

    reject_survey_response(actor=staff_user, response=answer, note="직원 수 확인 필요")

    assert Placement.objects.get().employees == 10
    assert MapSurveyResponse.objects.values_list("status", "review_note").get() == ("rejected", "직원 수 확인 필요")


def test_expired_link_is_gone(client, staff_user, tree, organisation, smtp_server):
    _open(staff_user, tree, organisation)
    token = _token_from(smtp_server.messages[0])
    MapSurveyInvitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))

    response = client.get(reverse("ecosystem:survey_respond", args=[token]))

    assert response.status_code == 410
    with pytest.raises(LinkGone):
        submit_survey_response(invitation=MapSurveyInvitation.objects.get(), values={})


def test_unknown_link_is_404(client):
    assert client.get(reverse("ecosystem:survey_respond", args=["no-such-token"])).status_code == 404


def test_review_page_applies_by_button(client, staff_user, tree, organisation, smtp_server):
    _open(staff_user, tree, organisation)
    invitation = MapSurveyInvitation.objects.get()
    PlacementFactory(player=invitation.player, primary=tree["xr"], awards=0)
    answer = submit_survey_response(
        invitation=invitation,
        values={"revenue": 1500, "employees": 20, "patents": None, "rd_staff_share": None, "certifications": None,
                "awards": 3, "technologies": [], "fields": []},
    )  # fmt: skip
    client.force_login(staff_user)

    client.post(reverse("ecosystem:survey_response_review", args=[answer.pk]), {"decision": "apply"})

    assert Placement.objects.get().awards == 3


def test_open_survey_on_the_database_backend_queues_ids_and_stores_no_raw_token(
    staff_user, tree, organisation, smtp_server, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    survey = _open(staff_user, tree, organisation)
    invitation = survey.invitations.get()
    queued = [row.args_kwargs for row in DBTaskResult.objects.all()]

    for row in DBTaskResult.objects.order_by("enqueued_at", "id"):
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])

    token = _token_from(smtp_server.messages[0])
    stored = json.dumps([(row.args_kwargs, row.return_value) for row in DBTaskResult.objects.all()])
    invitation.refresh_from_db()
    assert (queued, token in stored, invitation.token_hash) == (
        [{"args": [], "kwargs": {"delivery_id": Delivery.objects.get(kind=SURVEY_MAILING).pk}}],
        False,
        hash_token(token),
    )


def test_survey_email_goes_once_and_not_after_closing(staff_user, tree, organisation, smtp_server):
    survey = _open(staff_user, tree, organisation)
    invitation = survey.invitations.get()

    row = DeliveryRecipient.objects.get(delivery__kind=SURVEY_MAILING, object_id=invitation.pk)
    again = build_survey_email(row)
    survey.invitations.update(sent_at=None)
    survey.closed_at = timezone.now()
    survey.save(update_fields=["closed_at"])
    after_closing = build_survey_email(row)

    assert (again, after_closing, len(smtp_server.messages)) == (None, None, 1)


def test_open_survey_falls_back_to_the_representative_account_address(staff_user, tree, organisation, smtp_server):
    UserFactory(role=Role.MEMBER_REP, organisation=organisation, email="rep-account@zen.example.kr")
    with TestCase.captureOnCommitCallbacks(execute=True):
        survey = open_map_survey(actor=staff_user, taxonomy=tree["taxonomy"], title="조사", closes_on=CLOSES)

    assert [(i.player.name, i.email) for i in survey.invitations.all()] == [
        ("주식회사 젠", "rep-account@zen.example.kr")
    ]


def test_survey_opened_while_the_mail_server_is_down_is_sent_to_the_rest_once_it_is_back(
    client, staff_user, tree, organisation, smtp_server
):
    non_member = PlacementFactory(primary=tree["xr"]).player
    non_member.contact_email = "hello@outside.example.com"
    non_member.save(update_fields=["contact_email"])
    smtp_server.stop()

    survey = _open(staff_user, tree, organisation)
    delivery = Delivery.objects.get(kind=SURVEY_MAILING)
    down = delivery_progress(delivery)
    unsent = survey.invitations.filter(sent_at__isnull=True).count()
    client.force_login(staff_user)
    page = client.get(reverse("ecosystem:survey_detail", args=[survey.pk])).content.decode()
    smtp_server.start()
    with TestCase.captureOnCommitCallbacks(execute=True):
        resumed = client.post(reverse("core:delivery_resume", args=[delivery.pk]))
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("core:delivery_resume", args=[delivery.pk]))

    resume_form = f'action="{reverse("core:delivery_resume", args=[delivery.pk])}"'
    assert (unsent, down.status, down.deferred, resume_form in page) == (2, "deferred", 2, True)
    assert resumed["Location"] == reverse("ecosystem:survey_detail", args=[survey.pk]) + "#emails"
    assert sorted(m.envelope_recipients[0] for m in smtp_server.messages) == [
        "hello@outside.example.com",
        "rep@zen.example.kr",
    ]
    assert survey.invitations.filter(sent_at__isnull=True).count() == 0
    client.logout()
    for message in smtp_server.messages:
        answer_page = client.get(reverse("ecosystem:survey_respond", args=[_token_from(message)]))
        assert answer_page.status_code == 200
