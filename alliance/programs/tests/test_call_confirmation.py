"""The call announcement asks first: how many representatives, who, a preview of the e-mail and a test send to
oneself; it refuses a call whose application period has ended and warns of one that starts far ahead."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from alliance.core.models import AuditEntry, DeliveryRecipient
from alliance.core.tests.confirming import confirmation_token, post_confirmed
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.models import Programme, StageKind
from alliance.programs.services import call
from alliance.programs.tests.factories import ProgrammeFactory, representative

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def korean(settings):
    settings.LANGUAGE_CODE = "ko"


def _months_ago(months: int) -> datetime.datetime:
    now = timezone.localtime()
    month_index = now.year * 12 + now.month - 1 - months
    return now.replace(year=month_index // 12, month=month_index % 12 + 1, day=min(now.day, 28))


def _move_call(programme: Programme, starts_at, ends_at) -> None:
    programme.stages.filter(kind=StageKind.CALL).update(starts_at=starts_at, ends_at=ends_at)


def _representatives(count: int) -> None:
    for n in range(count):
        representative(OrganisationFactory(name=f"회원사 {n:02d}"), email=f"rep{n:02d}@member.example.kr")


def _nothing_written(programme: Programme) -> bool:
    programme.refresh_from_db()
    return (
        programme.call_announced_at is None
        and not DeliveryRecipient.objects.exists()
        and not AuditEntry.objects.filter(action__startswith="programs.call.").exists()
    )


def test_first_post_shows_the_count_and_the_first_names_and_does_nothing(client, staff_user, smtp_server):
    programme = ProgrammeFactory(call_open=True)
    _representatives(7)
    client.force_login(staff_user)

    page = client.post(reverse("programs:call_announce", args=[programme.pk]))

    html = page.content.decode()
    assert page.status_code == 200
    assert "7명" in html
    assert "회원사 00 · " in html
    assert "회원사 04 · " in html
    assert "회원사 05 · " not in html
    assert "외 2명" in html
    assert smtp_server.messages == []
    assert _nothing_written(programme)


def test_confirmed_post_announces_to_the_count_shown(client, staff_user, smtp_server):
    programme = ProgrammeFactory(call_open=True)
    _representatives(3)
    client.force_login(staff_user)

    response = post_confirmed(client, reverse("programs:call_announce", args=[programme.pk]))

    assert response.status_code == 302
    assert (
        DeliveryRecipient.objects.filter(delivery__kind="programs.call", delivery__target_id=programme.pk).count() == 3
    )


def test_a_confirmation_for_another_count_shows_the_page_again(client, staff_user):
    programme = ProgrammeFactory(call_open=True)
    _representatives(3)
    client.force_login(staff_user)
    url = reverse("programs:call_announce", args=[programme.pk])
    token = confirmation_token(client.post(url))
    representative(OrganisationFactory(), email="late@member.example.kr")

    again = client.post(url, {"confirmed": token})

    assert again.status_code == 200
    assert "4명" in again.content.decode()
    assert _nothing_written(programme)


def test_a_confirmation_for_another_programme_is_not_accepted(client, staff_user):
    first, second = ProgrammeFactory(call_open=True), ProgrammeFactory(call_open=True)
    _representatives(2)
    client.force_login(staff_user)
    token = confirmation_token(client.post(reverse("programs:call_announce", args=[first.pk])))

    client.post(reverse("programs:call_announce", args=[second.pk]), {"confirmed": token})

    assert _nothing_written(second)


def test_test_send_reaches_only_the_staff_user_marked_as_a_test(client, staff_user, smtp_server):
    programme = ProgrammeFactory(year=2027, name="2027 프로젝트 그룹", call_open=True)
    _representatives(3)
    client.force_login(staff_user)

    page = client.post(reverse("programs:call_announce", args=[programme.pk]), {"send_test": "1"})

    assert [message.envelope_recipients for message in smtp_server.messages] == [["staff@alliance.example.kr"]]
    assert (
        smtp_server.messages[0]["Subject"].strip()
        == "[테스트] [메타버스 얼라이언스] 2027 프로젝트 그룹: 프로젝트 그룹 참여 모집 안내"
    )
    assert "staff@alliance.example.kr 주소로만 테스트 메일을 보냈습니다." in page.content.decode()
    assert _nothing_written(programme)
    assert confirmation_token(page)  # still asking


def test_test_send_with_the_mail_server_down_says_so(client, staff_user, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens on the discard port
    programme = ProgrammeFactory(call_open=True)
    client.force_login(staff_user)

    page = client.post(reverse("programs:call_announce", args=[programme.pk]), {"send_test": "1"})

    assert page.status_code == 200
    assert "메일 서버가 테스트 메일을 받지 않았습니다" in page.content.decode()


def test_a_call_that_ended_19_months_ago_is_refused(client, staff_user, smtp_server):
    programme = ProgrammeFactory()
    _move_call(programme, _months_ago(21), _months_ago(19) - datetime.timedelta(hours=1))
    _representatives(2)
    client.force_login(staff_user)
    url = reverse("programs:call_announce", args=[programme.pk])

    page = client.post(url)
    forged = client.post(url, {"confirmed": "anything"})

    html = page.content.decode()
    assert "신청 기간이 19개월 전에 끝났습니다." in html
    assert 'name="confirmed"' not in html
    assert forged.status_code == 200
    assert smtp_server.messages == []
    assert _nothing_written(programme)


def test_the_service_refuses_an_ended_call_too():
    programme = ProgrammeFactory()
    _move_call(programme, _months_ago(21), _months_ago(19) - datetime.timedelta(hours=1))

    with pytest.raises(ValidationError) as error:
        call.announce_call(actor=None, programme=programme)

    assert error.value.messages == [
        "신청 기간이 19개월 전에 끝났습니다. 이제 아무도 신청할 수 없으니 새 신청 기간을 정한 뒤 안내하세요."
    ]
    assert _nothing_written(programme)


def test_a_call_that_starts_far_ahead_is_warned_of_and_can_still_be_announced(client, staff_user):
    programme = ProgrammeFactory()
    starts = timezone.now() + datetime.timedelta(days=100, hours=1)
    _move_call(programme, starts, starts + datetime.timedelta(days=30))
    _representatives(1)
    client.force_login(staff_user)
    url = reverse("programs:call_announce", args=[programme.pk])

    page = client.post(url)
    done = post_confirmed(client, url)

    assert "신청 기간이 100일 뒤에 시작합니다" in page.content.decode()
    assert done.status_code == 302
    assert Programme.objects.get(pk=programme.pk).call_announced_at is not None


def test_the_preview_is_the_real_e_mail_escaped_in_a_locked_frame(client, staff_user):
    programme = ProgrammeFactory(name="<script>alert(1)</script> 그룹", call_open=True)
    client.force_login(staff_user)

    page = client.post(reverse("programs:call_announce", args=[programme.pk]))
    preview = client.get(reverse("programs:call_preview", args=[programme.pk]))

    html = page.content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 그룹" in html
    assert (
        f'<iframe class="email-preview" sandbox src="{reverse("programs:call_preview", args=[programme.pk])}"' in html
    )
    assert "<script>alert(1)" not in preview.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 그룹" in preview.content.decode()
    assert preview["Content-Security-Policy"] == (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'self'"
    )
    assert preview["X-Frame-Options"] == "SAMEORIGIN"


def test_the_confirmation_page_and_the_preview_are_staff_only(client, member_rep):
    programme = ProgrammeFactory(call_open=True)
    client.force_login(member_rep)

    assert client.post(reverse("programs:call_announce", args=[programme.pk])).status_code == 404
    assert client.post(reverse("programs:call_announce", args=[programme.pk]), {"send_test": "1"}).status_code == 404
    assert client.get(reverse("programs:call_preview", args=[programme.pk])).status_code == 404
