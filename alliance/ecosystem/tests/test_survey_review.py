"""The shared review step on map-survey answers: a second review refused, the decision audited, and the
before/after view naming fields by their labels (the page used to show the field keys)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation

from alliance.core.models import AuditEntry
from alliance.ecosystem.models import MapSurveyInvitation, Placement
from alliance.ecosystem.services.survey import (
    apply_survey_response,
    open_map_survey,
    reject_survey_response,
    submit_survey_response,
)
from alliance.ecosystem.tests.factories import PlacementFactory, small_taxonomy
from alliance.members.tests.factories import ContactFactory

pytestmark = pytest.mark.django_db

VALUES = {"revenue": 1500, "employees": 20, "patents": None, "rd_staff_share": None, "certifications": None,
          "awards": 3, "technologies": [], "fields": []}  # fmt: skip


@pytest.fixture
def answer(staff_user, organisation, smtp_server):
    tree = small_taxonomy()
    ContactFactory(organisation=organisation, email="rep@zen.example.kr")
    with TestCase.captureOnCommitCallbacks(execute=True):
        open_map_survey(
            actor=staff_user,
            taxonomy=tree["taxonomy"],
            title="2026 생태계맵 조사",
            closes_on=timezone.localdate() + datetime.timedelta(days=30),
        )
    invitation = MapSurveyInvitation.objects.get()
    PlacementFactory(player=invitation.player, primary=tree["xr"], employees=10, awards=0, revenue=None)
    return submit_survey_response(invitation=invitation, values=VALUES, respondent_name="홍길동")


def test_second_review_of_an_answer_is_refused(staff_user, answer):
    reject_survey_response(actor=staff_user, response=answer, note="근거 부족")

    with pytest.raises(ValidationError) as refused:
        apply_survey_response(actor=staff_user, response=answer)

    assert refused.value.code == "already_reviewed"
    answer.refresh_from_db()
    assert (answer.status, answer.review_note, answer.reviewed_by) == ("rejected", "근거 부족", staff_user)
    entry = AuditEntry.objects.get(action="ecosystem.survey.rejected")
    assert (entry.actor, entry.before, entry.after) == (
        staff_user,
        {"status": "pending", "review_note": ""},
        {"status": "rejected", "review_note": "근거 부족"},
    )


def test_review_page_names_fields_by_their_labels(client, staff_user, answer):
    client.force_login(staff_user)

    page = client.get(reverse("ecosystem:survey_response_review", args=[answer.pk]))

    rows = [(row["label"], row["before"], row["after"], row["current"]) for row in page.context["rows"]]
    with translation.override("ko"):
        expected = [
            (str(label), before, after, current)
            for label, before, after, current in [
                (_label("revenue"), "", "1,500", ""),
                (_label("employees"), "10", "20", "10"),
                (_label("awards"), "0", "3", "0"),
            ]
        ]
    assert [(str(label), *rest) for label, *rest in rows] == expected
    assert "<td>employees</td>" not in page.content.decode()


def _label(name):
    return Placement._meta.get_field(name).verbose_name
