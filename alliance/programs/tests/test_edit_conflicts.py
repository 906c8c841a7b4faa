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


# ---------------------------------------------------------------- the investment day's own records


def _two(*users):
    clients = []
    for user in users:
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def test_requests_saved_by_staff_meanwhile_refuse_the_companys_later_save(staff_user):
    from alliance.programs.tests.factories import representative
    from alliance.programs.tests.factories_investment import DayCompanyFactory, DeskFactory

    day = InvestmentDayFactory()
    first_desk = DeskFactory(day=day, firm="가온벤처스", person="")
    second_desk = DeskFactory(day=day, firm="나래인베스트", person="")
    company = DayCompanyFactory(day=day, requests=[first_desk])
    year = day.programme.year
    staff, rep = _two(staff_user, representative(company.organisation))
    staff_url = reverse("programs:investment_company", args=[year, company.pk])
    own_url = reverse("programs:my_investment_requests", args=[year])
    staff_form = posted(staff.get(staff_url).context["requests_form"]) | {"requests": "1"}
    own_form = posted(rep.get(own_url).context["form"])

    assert staff.post(staff_url, staff_form | {"choice_2": str(second_desk.pk)}).status_code == 302
    response = rep.post(own_url, own_form | {"choice_1": str(second_desk.pk)})

    assert response.status_code == 200
    assert response.context["form"].stale_changes == [{"label": "2지망", "theirs": "나래인베스트", "yours": "-"}]
    assert [r.desk_id for r in company.requests.order_by("rank")] == [first_desk.pk, second_desk.pk]

    retry = rep.post(own_url, posted(response.context["form"]))

    assert retry.status_code == 302
    assert [r.desk_id for r in company.requests.order_by("rank")] == [second_desk.pk]


def test_a_companys_settings_saved_meanwhile_refuse_the_later_save(two_staff):
    from alliance.programs.models import DayCompany
    from alliance.programs.tests.factories_investment import DayCompanyFactory

    day = InvestmentDayFactory()
    company = DayCompanyFactory(day=day)
    url = reverse("programs:investment_company", args=[day.programme.year, company.pk])
    first_form, second_form = _both_open(two_staff, url, "settings_form")
    first, second = two_staff

    assert first.post(url, first_form | {"settings": "1", "priority": "on"}).status_code == 302
    response = second.post(url, second_form | {"settings": "1", "unavailable": ["14:00"]})

    assert response.status_code == 200
    assert response.context["settings_form"].stale_changes == [
        {"label": "우선 배정(수상 기업)", "theirs": "예", "yours": "아니요"}
    ]
    assert 'name="settings" value="1"' in response.content.decode()
    assert (DayCompany.objects.get(pk=company.pk).priority, DayCompany.objects.get(pk=company.pk).unavailable) == (
        True,
        [],
    )

    retry = second.post(url, posted(response.context["settings_form"]) | {"settings": "1"})

    assert retry.status_code == 302
    company.refresh_from_db()
    assert (company.priority, company.unavailable) == (False, ["14:00"])


def test_a_desks_unavailable_slots_saved_meanwhile_refuse_the_later_save(two_staff):
    from alliance.programs.models import Desk
    from alliance.programs.tests.factories_investment import DeskFactory

    day = InvestmentDayFactory()
    desk = DeskFactory(day=day)
    url = reverse("programs:investment_desk", args=[day.programme.year, desk.pk])
    first_form, second_form = _both_open(two_staff, url)
    first, second = two_staff

    assert first.post(url, first_form | {"unavailable": ["14:00"]}).status_code == 302
    response = second.post(url, second_form | {"unavailable": ["16:20"]})

    assert response.status_code == 200
    assert response.context["form"].stale_changes == [{"label": "참석 불가 시간", "theirs": "14:00", "yours": "16:20"}]
    assert Desk.objects.get(pk=desk.pk).unavailable == ["14:00"]

    assert second.post(url, posted(response.context["form"])).status_code == 302
    assert Desk.objects.get(pk=desk.pk).unavailable == ["16:20"]


def test_declines_saved_meanwhile_refuse_the_later_save():
    from alliance.programs.tests.factories_investment import DayCompanyFactory, DeskFactory

    day = InvestmentDayFactory()
    desk = DeskFactory(day=day)
    one, two = DayCompanyFactory(day=day), DayCompanyFactory(day=day)
    url = reverse("programs:my_investment_declines", args=[day.programme.year])
    first, second = _two(desk.user, desk.user)  # the investor's office and phone
    first_form, second_form = posted(first.get(url).context["form"]), posted(second.get(url).context["form"])

    assert first.post(url, first_form | {"declined": [str(one.pk)]}).status_code == 302
    response = second.post(url, second_form | {"declined": [str(two.pk)]})

    assert response.status_code == 200
    assert response.context["form"].stale_changes == [
        {"label": "상담을 원하지 않는 기업", "theirs": one.organisation.name, "yours": two.organisation.name}
    ]
    assert list(desk.declines.values_list("company_id", flat=True)) == [one.pk]

    assert second.post(url, posted(response.context["form"])).status_code == 302
    assert list(desk.declines.values_list("company_id", flat=True)) == [two.pk]
