"""No page scrolls sideways, on the demo's full data in Debian's chromium.

The demo (1,193 member organisations, the 2025 and 2026 maps, a judged competition, an investment day with
seven desks) plus one member with a long unbroken Korean name, a long business field and a long homepage.
Staff pages are opened on a 1366 px laptop, then the window is narrowed to a phone (390 px: a chart drawn
wide or a wide table must not hold the page wide); public and member pages are opened on a phone. Pages are
found by following links from what each role sees (one page per URL name), as a person would.
"""

from collections import deque
from io import StringIO
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from alliance.core.tests.factories import PASSWORD
from alliance.members import demo
from alliance.members.services.registry import update_organisation
from alliance.members.services.vocabulary import add_term
from alliance.portal.tests.test_reachability import FILE_ROUTE, FILES
from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
LONG_NAME = "사단법인한국메타버스융합콘텐츠산업진흥협회부설가상현실기술연구소"
LONG_FIELD = "확장현실기반산업현장안전교육훈련시뮬레이션콘텐츠"
LONG_HOMEPAGE = "https://www.korea-metaverse-convergence-content-industry-promotion-association.or.kr/ko/main"
# Answers to a link that are not pages to look at: leaving, switching language, health checks.
NOT_PAGES = {"core:logout", "core:set_language", "core:healthz", "core:readyz"}
# Against the window's width as set: on a phone (is_mobile) the browser zooms out to show a wider page, so
# innerWidth grows with the page and cannot be the measure.
FITS = "(width) => document.scrollingElement.scrollWidth <= width"
PAGE_WIDTH = "() => document.scrollingElement.scrollWidth"
# Pages each crawl must have reached, so that a link moved elsewhere cannot make the test pass by not looking.
MUST_SEE = {
    "staff": {
        "members:statistics",
        "members:registry",
        "members:organisation_detail",
        "members:census_rounds",
        "members:vocabulary",
        "core:audit_log",
        "ecosystem:players",
        "ecosystem:suggestions",
        "programs:investment_grid",
        "programs:investment_board",
        "programs:panel_results",
        "programs:programme_detail",
    },
    "member": {"members:directory", "members:company", "members:organisation_edit", "programs:my_groups"},
    "anonymous": {"members:directory", "members:company", "ecosystem:landscape", "ecosystem:statistics"},
}


@pytest.fixture
def demo_world(db):
    """The demo's data, its logins with the test password, and the demo member's organisation renamed long."""
    call_command("demo_data", force=True, stdout=StringIO())
    users = {user.email.split("@")[0]: user for user in demo.ensure_demo_users(password=PASSWORD)}
    organisation = users["member"].organisation
    add_term(actor=None, name=LONG_FIELD)
    update_organisation(
        actor=None,
        organisation=organisation,
        data={"name": LONG_NAME, "homepage": LONG_HOMEPAGE},
        field_names=[LONG_FIELD, *(field.name for field in organisation.fields.all())],
    )
    return users


def url_name(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def crawl(page, base: str, starts: list[str], check) -> set[str]:
    """Follow same-site links breadth-first from `starts`, opening one page per URL name; `check(page, path)`
    on each HTML page that answered 200. Returns the URL names opened."""
    queue, queued, opened = deque(starts), set(starts), set()
    while queue:
        path = queue.popleft()
        name = url_name(urlsplit(path).path)
        if name is None or name in opened or name in NOT_PAGES or name in FILES:
            continue
        check.prepare(page)
        response = page.goto(base + path)
        if response.status != 200 or "text/html" not in response.headers.get("content-type", ""):
            continue
        opened.add(name)
        check(page, path)
        for href in page.eval_on_selector_all("a[href]", "links => links.map(link => link.getAttribute('href'))"):
            target = urlsplit(urljoin(base + path, href))
            if target.netloc != urlsplit(base).netloc or FILE_ROUTE.search(target.path):
                continue
            link = target.path + (f"?{target.query}" if target.query else "")
            if link not in queued:
                queued.add(link)
                queue.append(link)
    return opened


class NoSidewaysScroll:
    """Records every page wider than the window: at the size it was opened, and after narrowing to a phone."""

    def __init__(self, opened_at: dict, narrowed_to: dict | None = None):
        self.opened_at, self.narrowed_to = opened_at, narrowed_to
        self.problems: list[str] = []

    def prepare(self, page) -> None:
        page.set_viewport_size(self.opened_at)

    def __call__(self, page, path: str) -> None:
        width = self.opened_at["width"]
        if not page.evaluate(FITS, width):
            self.problems.append(f"{path} opened at {width} px is {page.evaluate(PAGE_WIDTH)} px wide")
        if self.narrowed_to:
            width = self.narrowed_to["width"]
            page.set_viewport_size(self.narrowed_to)
            try:  # charts redraw at the new size on the next frames
                page.wait_for_function(FITS, arg=width, timeout=3_000)
            except PlaywrightTimeout:
                self.problems.append(f"{path} narrowed to {width} px is {page.evaluate(PAGE_WIDTH)} px wide")


def open_as(browser, live_server, viewport: dict, email: str | None, *, is_mobile: bool):
    context = browser.new_context(locale="ko-KR", viewport=viewport, is_mobile=is_mobile)
    page = context.new_page()
    page.set_default_timeout(20_000)
    if email:
        log_in(page, live_server, email, PASSWORD)
    return context, page


def test_no_page_scrolls_sideways_on_a_laptop_or_a_phone_with_the_demo_data(browser, live_server, demo_world):
    organisation = demo_world["member"].organisation
    long_pages = [f"/members/organisations/{organisation.pk}/", f"/member_companies/{organisation.name}"]
    problems, opened = [], {}
    runs = [
        ("staff", LAPTOP, PHONE, demo_world["staff"].email, ["/dashboard/", *long_pages]),
        ("member", PHONE, None, demo_world["member"].email, ["/dashboard/", long_pages[1]]),
        ("anonymous", PHONE, None, None, ["/", long_pages[1]]),
    ]
    for role, viewport, narrowed, email, starts in runs:
        context, page = open_as(browser, live_server, viewport, email, is_mobile=viewport == PHONE)
        check = NoSidewaysScroll(viewport, narrowed)
        opened[role] = crawl(page, live_server.url, starts, check)
        context.close()
        problems += [f"{role}: {problem}" for problem in check.problems]

    assert {role: MUST_SEE[role] - names for role, names in opened.items()} == {role: set() for role in MUST_SEE}
    assert problems == [], "\n".join(problems)
