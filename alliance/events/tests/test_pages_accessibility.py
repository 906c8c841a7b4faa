"""axe-core on the events' public pages (list, event with its programme, printable programme, the public's
registration form, a ticket) on a phone and a desktop: no violation, no sideways scrolling."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from alliance.events.models import Speaker
from alliance.events.services.registration import register
from alliance.events.tests.factories import EventFactory, ProgrammeRowFactory, QuestionFactory

# The rules the portal's public-page test runs (alliance/portal/tests/test_public_pages_accessibility.py; events
# may not import portal): WCAG A/AA up to 2.2 and axe's best practices.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}


@pytest.fixture
def event_pages(db) -> dict[str, str]:
    event = EventFactory(title="2026 메타버스 얼라이언스 분과통합 공개세미나", capacity=100)
    ProgrammeRowFactory(event=event, section="행사개회", content="행사소개", order=1)
    row = ProgrammeRowFactory(event=event, section="세미나", content="AI 기반 가상융합 혁신 기술", order=2)
    Speaker.objects.create(row=row, name="정진욱", affiliation="시어스랩", title="대표")
    ProgrammeRowFactory(event=event, section="투자법률 상담회", content="기업 현장 상담창구", room="상담장", order=3)
    QuestionFactory(event=event)
    ticket = register(event=event, name="홍길동", email="hong@example.kr", source="public", consented=True)
    return {
        "events": "/events/",
        "event": f"/events/{event.pk}/",
        "programme": f"/events/{event.pk}/programme/",
        "register": f"/events/{event.pk}/register/public/",
        "ticket": f"/events/ticket/{ticket.link_token()}/",
    }


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", ["phone_page", "page"])
def test_event_pages_have_no_axe_violation(request, live_server, event_pages, viewport):
    page, axe = request.getfixturevalue(viewport), Axe()
    page.set_default_navigation_timeout(30_000)
    found = {}
    for name, path in event_pages.items():
        response = page.goto(live_server.url + path)
        assert (name, response.status) == (name, 200)
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        found[name] = [f"{rule['id']}: {[node['target'] for node in rule['nodes'][:3]]}" for rule in violations]
        if page.evaluate("document.documentElement.scrollWidth") > page.viewport_size["width"]:
            found[name].append("scrolls sideways")
    assert found == {name: [] for name in event_pages}
