"""Browser test in Debian's chromium, at phone width, as a Korean user: the subcommittee finds its one task
(the taxonomy editor) from its menu, and a role without tasks of its own is told so and offered the open
pages."""

import os

import pytest
from playwright.sync_api import expect

from alliance.core.roles import Role
from alliance.core.tests.factories import PASSWORD, UserFactory
from alliance.ecosystem.tests.factories import small_taxonomy
from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("PAGES_SCREENSHOTS")  # a directory to keep screenshots in, when looking by eye


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_the_subcommittee_reaches_the_taxonomy_editor_from_its_menu_on_a_phone(phone_page, live_server):
    small_taxonomy(2026)
    member = UserFactory(role=Role.SUBCOMMITTEE)
    log_in(phone_page, live_server, member.email, PASSWORD)

    phone_page.goto(f"{live_server.url}/dashboard/")
    shot(phone_page, "subcommittee_dashboard")
    phone_page.locator("main").get_by_role("link", name="생태계맵 관리").click()
    phone_page.get_by_role("link", name="2026").click()

    expect(phone_page.locator("h1")).to_contain_text("2026")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_steering_member_is_told_its_role_has_no_tasks_yet_and_offered_the_open_pages(phone_page, live_server):
    member = UserFactory(role=Role.STEERING)
    log_in(phone_page, live_server, member.email, PASSWORD)

    phone_page.goto(f"{live_server.url}/dashboard/")
    shot(phone_page, "steering_dashboard")

    expect(phone_page.locator("main")).to_contain_text("역할의 업무는 아직 플랫폼에 없습니다")
    expect(phone_page.locator("#open-pages a")).to_have_text(["회원사 소개", "발행된 생태계맵", "프로젝트 그룹 결과"])


def test_staff_filter_the_audit_log_on_a_phone_and_read_it_in_korean(phone_page, live_server, staff_user, organisation):
    from alliance.core.audit import record_audit

    record_audit(action="members.org.created", actor_label="demo_data", target=organisation, after={"employees": 12})
    log_in(phone_page, live_server, staff_user.email, PASSWORD)

    phone_page.goto(f"{live_server.url}/audit/")
    phone_page.get_by_label("대상(회원사·그룹 등)").fill("젠")
    phone_page.locator("main button[type=submit]").click()
    shot(phone_page, "staff_audit_log")

    expect(phone_page.locator("tbody")).to_contain_text("데모 데이터")
    expect(phone_page.locator("tbody")).to_contain_text("12명")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
