"""Two staff change a programme's rules at once: the stale save is refused with what changed."""

import pytest
from django.test import Client
from django.urls import reverse

from alliance.core.tests.editing import posted
from alliance.programs.models import Programme
from alliance.programs.tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_second_rules_save_is_refused_then_kept_on_retry(staff_user):
    programme = ProgrammeFactory()
    url = reverse("programs:programme_rules", args=[programme.pk])
    first, second = Client(), Client()
    first.force_login(staff_user)
    second.force_login(staff_user)
    first_form = posted(first.get(url).context["form"])
    second_form = posted(second.get(url).context["form"])

    assert first.post(url, first_form | {"objection_days": "10"}).status_code == 302
    response = second.post(url, second_form | {"final_judges": "7"})

    assert response.status_code == 200
    assert response.context["form"].stale_changes == [{"label": "이의신청 기간(일)", "theirs": "10", "yours": "7"}]
    assert Programme.objects.get(pk=programme.pk).final_judges == 5

    retry = second.post(url, posted(response.context["form"]))

    assert retry.status_code == 302
    programme.refresh_from_db()
    assert (programme.objection_days, programme.final_judges) == (7, 7)
