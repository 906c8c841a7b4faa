"""Two staff editing a programme's dates, a track (name, rubric, awards) or the investment day's time grid at
once: the later save is refused and lists what changed meanwhile; "내 값으로 저장" then saves it (core.versions).
Before, the later save silently undid the other's change."""

import pytest
from django.test import Client
from django.urls import reverse

from alliance.core.tests.editing import posted
from alliance.programs.models import InvestmentDay, Stage, Track
from alliance.programs.tests.factories import ProgrammeFactory
from alliance.programs.tests.factories_investment import InvestmentDayFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_staff(staff_user):
    first, second = Client(), Client()
    first.force_login(staff_user)
    second.force_login(staff_user)
    return first, second


def _both_open(two_staff, url, form_name="form"):
    first, second = two_staff
    return posted(first.get(url).context[form_name]), posted(second.get(url).context[form_name])


def test_stages_saved_meanwhile_refuse_the_later_save(two_staff):
    programme = ProgrammeFactory()
    url = reverse("programs:programme_stages", args=[programme.pk])
    first_form, second_form = _both_open(two_staff, url)
    first, second = two_staff

    year = programme.year
    assert first.post(url, first_form | {"call_ends_at": f"{year}-05-20T18:00"}).status_code == 302
    response = second.post(url, second_form | {"screening_ends_at": f"{year}-06-30T18:00"})

    assert response.status_code == 200
    rows = response.context["form"].stale_changes
    assert rows == [{"label": "참가 모집 종료", "theirs": f"{year}. 5. 20. 18:00", "yours": f"{year}. 5. 8. 23:59"}]
    screening = Stage.objects.get(programme=programme, kind="screening")
    assert screening.ends_at.date().isoformat() != f"{year}-06-30"

    retry = second.post(url, posted(response.context["form"]))

    assert retry.status_code == 302
    screening.refresh_from_db()
    assert screening.ends_at.date().isoformat() == f"{year}-06-30"


@pytest.mark.parametrize(
    ("part", "form_name", "change"),
    [
        ("track", "track_form", {"name": "소프트웨어 부문(수정)"}),
        ("rubric", "rubric_form", None),
        ("awards", "awards_form", {"awards": "대상 | 과학기술정보통신부 장관상 | 1"}),
    ],
)
def test_a_track_changed_meanwhile_refuses_the_later_save(two_staff, part, form_name, change):
    programme = ProgrammeFactory()
    track = programme.tracks.order_by("position").first()
    url = reverse("programs:track_edit", args=[track.pk])
    first, second = two_staff
    first_page, second_page = first.get(url), second.get(url)
    first_name = posted(first_page.context["track_form"]) | {"part": "track"}
    mine = posted(second_page.context[form_name]) | {"part": part} | (change or {})

    assert first.post(url, first_name | {"description": "다른 직원이 고친 설명"}).status_code == 302
    response = second.post(url, mine)

    assert response.status_code == 200
    changes = response.context[form_name].stale_changes
    if part == "track":  # the description changed on this form; the other two show that nothing of theirs did
        assert [(row["label"], row["theirs"]) for row in changes] == [("설명", "다른 직원이 고친 설명")]
    else:
        assert changes == []
    assert "stale-edit" in response.content.decode()
    retry = second.post(url, posted(response.context[form_name]) | {"part": part})
    assert retry.status_code == 302
    assert Track.objects.get(pk=track.pk).version == 2


def test_the_investment_grid_saved_meanwhile_refuses_the_later_save(two_staff):
    day = InvestmentDayFactory()
    url = reverse("programs:investment_day", args=[day.programme.year])
    first_form, second_form = _both_open(two_staff, url)
    first, second = two_staff

    assert first.post(url, first_form | {"venue": "코엑스 B홀"}).status_code == 302
    response = second.post(url, second_form | {"length_minutes": "30"})

    assert response.status_code == 200
    assert response.context["form"].stale_changes == [
        {"label": "장소", "theirs": "코엑스 B홀", "yours": "킨텍스 제1전시장 5홀"}
    ]
    assert InvestmentDay.objects.get(pk=day.pk).length_minutes != 30
