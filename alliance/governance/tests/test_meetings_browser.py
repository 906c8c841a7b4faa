"""In a real browser: a steering member answers 대리참석 from the invitation e-mail's link on a phone; staff
record the attendance of the day and a decision."""

import re

import pytest

from alliance.core.tests.factories import PASSWORD
from alliance.governance.models import Attendance, Decision, Reply
from alliance.governance.services.invitations import invite
from alliance.governance.tests.meetings_support import build_steering
from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LINK = re.compile(r"http://[^\s]+/governance/meetings/answer/[A-Za-z0-9_-]+/")


def test_a_steering_member_answers_substitute_from_the_emailed_link(
    phone_page, live_server, smtp_server, settings, staff_user
):
    settings.SITE_URL = live_server.url
    world = build_steering()
    invite(actor=staff_user, meeting=world["meeting"])
    mail = next(m for m in smtp_server.messages if m.envelope_recipients == ["cho@metaverse.example.kr"])
    link = LINK.search(mail.get_body(preferencelist=("plain",)).get_content()).group(0)

    phone_page.goto(link)
    phone_page.check("input[name=answer][value=substitute]")
    phone_page.fill("input[name=substitute_name]", "박기주")
    phone_page.fill("input[name=substitute_title]", "이사")
    phone_page.click("main button[type=submit]")
    phone_page.wait_for_selector(".message-success")

    assert "회신 내용: 대리참석 (박기주 이사)" in phone_page.inner_text("main")
    assert phone_page.evaluate("document.documentElement.scrollWidth") == 390
    reply = Reply.objects.get()
    assert (reply.seat, reply.answer, reply.substitute_name, reply.substitute_title) == (
        world["seats"]["member"],
        "substitute",
        "박기주",
        "이사",
    )


def test_staff_record_the_attendance_and_a_decision(phone_page, live_server, staff_user):
    world = build_steering()
    meeting, seats = world["meeting"], world["seats"]
    log_in(phone_page, live_server, staff_user.email, PASSWORD)

    phone_page.goto(f"{live_server.url}/governance/meetings/{meeting.pk}/attendance/")
    phone_page.check(f"input[name=status_{seats['chair'].pk}][value=present]")
    phone_page.check(f"input[name=status_{seats['member'].pk}][value=substitute]")
    phone_page.fill(f"input[name=name_{seats['member'].pk}]", "박기주")
    phone_page.fill(f"input[name=title_{seats['member'].pk}]", "이사")
    phone_page.check(f"input[name=status_{seats['agency'].pk}][value=absent]")
    phone_page.check(f"input[name=status_{seats['observer'].pk}][value=present]")
    phone_page.click("main button[type=submit]")
    phone_page.wait_for_selector(".attendance-headline")
    headline = phone_page.inner_text(".attendance-headline")
    width = phone_page.evaluate("document.documentElement.scrollWidth")

    phone_page.goto(f"{live_server.url}/governance/meetings/{meeting.pk}/decisions/add/")
    phone_page.fill("textarea[name=motion]", "운영위원장 임기 1년 연장")
    phone_page.select_option("select[name=agenda_item]", label="의장 연임 건")
    phone_page.check("input[name=method][value=vote]")
    phone_page.fill("input[name=votes_for]", "2")
    phone_page.fill("input[name=votes_against]", "0")
    phone_page.fill("input[name=abstentions]", "0")
    phone_page.select_option("select[name=outcome]", "adopted")
    phone_page.select_option("select[name=effect]", "extend_terms")
    phone_page.check(f"input[name=seats][value='{seats['chair'].pk}']")
    phone_page.click("main form button[type=submit]")
    phone_page.wait_for_selector(".decision")

    assert headline == "□ 대상 인원 : 총 3명(참석 2명/불참 1명)"
    assert width == 390
    assert Attendance.objects.filter(meeting=meeting).count() == 4
    decision = Decision.objects.get()
    assert (decision.votes_for, decision.effect) == (2, "extend_terms")
    assert "찬성 2, 반대 0, 기권 0" in phone_page.inner_text(".decision")
    seats["chair"].refresh_from_db()
    assert seats["chair"].term_end.year == meeting.date.year + 1
