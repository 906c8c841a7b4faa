"""Browser test in Debian's chromium: staff edit the taxonomy tree on a phone and see the rules in Korean."""

import json
from pathlib import Path

import polib
import pytest
from playwright.sync_api import expect

from alliance.core.tests.factories import PASSWORD
from alliance.ecosystem.models import TaxonomyNode
from alliance.ecosystem.tests.factories import PlacementFactory, small_taxonomy
from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
FRAGMENT = Path(__file__).resolve().parents[3] / "locale" / "ko_fragments" / "ecosystem_core.json"


@pytest.fixture
def korean(settings, tmp_path):
    """Korean pages from this area's fragment, whether or not `make messages` has run."""
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ko"}
    for key, korean_text in json.loads(FRAGMENT.read_text(encoding="utf-8")).items():
        context, _, msgid = key.rpartition("\u0004")
        catalogue.append(polib.POEntry(msgctxt=context or None, msgid=msgid, msgstr=korean_text))
    target = tmp_path / "locale" / "ko" / "LC_MESSAGES"
    target.mkdir(parents=True)
    catalogue.save_as_mofile(str(target / "django.mo"))
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    settings.LANGUAGE_CODE = "ko"


def test_staff_add_a_subcategory_and_are_refused_deleting_a_node_with_players(
    phone_page, live_server, staff_user, korean
):
    tree = small_taxonomy()
    PlacementFactory(primary=tree["cloud"])
    log_in(phone_page, live_server, staff_user.email, PASSWORD)

    phone_page.goto(f"{live_server.url}/ecosystem/manage/2026/taxonomy/")
    node = phone_page.locator(f"#node-{tree['software'].pk}")
    node.locator("summary").click()
    node.locator("input[name=name]").fill("XR 엔진")
    node.locator("button[type=submit]").click()
    phone_page.wait_for_url(lambda url: "#node-" in url)

    added = TaxonomyNode.objects.get(name="XR 엔진")
    assert added.path == ["핵심산업 영역", "기반 부문", "소프트웨어", "XR 엔진"]
    expect(phone_page.locator(f"#node-{added.pk}")).to_be_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") == 390

    phone_page.goto(f"{live_server.url}/ecosystem/manage/nodes/{tree['cloud'].pk}/")
    phone_page.click("button.danger")
    phone_page.wait_for_selector(".message-error")

    assert phone_page.inner_text(".message-error") == (
        "“클라우드”에 아직 1개 기업이 배치되어 있습니다. 기업을 다른 분류로 옮긴 뒤 삭제해 주세요."
    )
    assert TaxonomyNode.objects.filter(pk=tree["cloud"].pk).exists()
