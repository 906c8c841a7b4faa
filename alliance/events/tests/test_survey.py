"""The satisfaction survey: e-mailed after the event to those who came, each once with a link of their own,
answered once; staff see averages, the distribution and comments."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from alliance.core.tests.confirming import confirmation_token
from alliance.events.models import SurveyInvitation
from alliance.events.queries.survey import survey_summary
from alliance.events.services import checkin, survey
from alliance.events.tests.door_factories import make_event, make_registration

pytestmark = pytest.mark.django_db(transaction=True)
LINK = re.compile(r"https?://\S+/events/survey/([A-Za-z0-9_-]+)/")


@pytest.fixture
def event():
    return make_event(date=timezone.localdate() - datetime.timedelta(days=1))


def attend(event, staff_user, **fields):
    registration, _token = make_registration(event, **fields)
    checkin.check_in_registration(event=event, registration=registration, actor=staff_user)
    return registration


def test_staff_confirm_and_each_attendee_gets_a_link_that_answers_once(client, smtp_server, event, staff_user):
    came = [
        attend(event, staff_user, name=name, email=f"{number}@example.kr") for number, name in enumerate(["김", "이"])
    ]
    make_registration(event, name="불참자")  # registered, did not come
    client.force_login(staff_user)
    send = reverse("events:survey_send", args=[event.pk])

    first = client.post(send)
    assert "2명" in first.content.decode()  # the confirmation page: "N명에게 발송합니다"
    assert len(smtp_server.messages) == 0
    client.post(send, {"confirmed": confirmation_token(first)})

    assert sorted(message["To"] for message in smtp_server.messages) == ["0@example.kr", "1@example.kr"]
    token = LINK.search(smtp_server.messages[0].get_body(("plain",)).get_content()).group(1)
    answer = reverse("events:survey", args=[token])
    assert client.get(answer).status_code == 200
    client.post(answer, {"overall": "5", "content": "4", "operation": "3", "comment": "유익했습니다"})
    assert "응답이 접수되었습니다" in client.get(answer).content.decode()
    assert client.get(reverse("events:survey", args=["guessed" + token[7:]])).status_code == 404

    summary = survey_summary(event)
    assert (summary.asked, summary.answered, summary.comments) == (2, 1, ["유익했습니다"])
    assert [rating.average for rating in summary.ratings] == [5.0, 4.0, 3.0]
    assert summary.ratings[0].distribution == [(5, 1), (4, 0), (3, 0), (2, 0), (1, 0)]
    assert {invitation.registration for invitation in SurveyInvitation.objects.all()} == set(came)


def test_a_second_sending_asks_only_those_not_asked_yet(event, staff_user, smtp_server):
    attend(event, staff_user)
    survey.send_survey(actor=staff_user, event=event)
    late = attend(event, staff_user)

    survey.send_survey(actor=staff_user, event=event)

    assert SurveyInvitation.objects.filter(registration=late).count() == 1
    assert SurveyInvitation.objects.count() == 2
    with pytest.raises(ValidationError):
        survey.send_survey(actor=staff_user, event=event)


def test_no_survey_before_the_event_begins(staff_user):
    coming = make_event(date=timezone.localdate() + datetime.timedelta(days=3))

    assert survey.survey_refusals(coming, count=5) == ["설문은 행사가 시작된 뒤에 보낼 수 있습니다."]


def test_an_answer_is_taken_once(event, staff_user, smtp_server):
    attend(event, staff_user)
    survey.send_survey(actor=staff_user, event=event)
    invitation = SurveyInvitation.objects.get()
    survey.answer_survey(invitation=invitation, overall=4, content=4, operation=4)

    with pytest.raises(ValidationError) as again:
        survey.answer_survey(invitation=invitation, overall=1, content=1, operation=1)

    assert again.value.code == "answered"
    invitation.refresh_from_db()
    assert invitation.overall == 4
