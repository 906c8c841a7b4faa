"""Browser tests in Debian's chromium: a judge pledges, scores on a tablet and amends; staff release results."""

import pytest
from playwright.sync_api import expect

from alliance.core.roles import Role
from alliance.core.tests.factories import PASSWORD, UserFactory
from alliance.programs.models import Criterion, Panel, Score, ScoreChange
from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import panels as panel_service
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory
from alliance.programs.tests.factories_judging import evaluator_on, fill_scores, final_panel, ready_judge
from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_judge_pledges_scores_on_a_tablet_and_amends(page, live_server, staff_user):
    programme = ProgrammeFactory()
    group = ProjectGroupFactory(programme=programme, name="가온 컨소시엄")
    panel = final_panel(programme)
    judge = evaluator_on(programme, name="한심사")
    assignment_service.seat_final_panel(actor=staff_user, panel=panel)
    criteria = list(Criterion.objects.filter(track_id=group.track_id))
    page.set_viewport_size({"width": 820, "height": 1180})
    log_in(page, live_server, judge.email, PASSWORD)

    page.goto(f"{live_server.url}/programs/judging/")
    expect(page.locator("text=가온 컨소시엄")).to_have_count(0)
    page.click(".judging-panel a.button")
    page.check("#id_agree")
    page.fill("#id_signed_name", "한심사")
    page.click("form.stacked-form button[type=submit]")
    page.click("text=가온 컨소시엄")
    # htmx binds the forms once the page has loaded; a click before that would post the plain form.
    page.wait_for_url(f"{live_server.url}/programs/judging/assignments/*/")
    page.wait_for_load_state("load")
    for index, criterion in enumerate(criteria):
        form = page.locator(f"#criterion-{criterion.pk}")
        form.locator("input.score-input").fill(str(15 + index % 3))
        form.locator("textarea").fill(f"의견 {index}")
        with page.expect_response(lambda response: response.url.endswith("/score/")):
            form.locator("button[type=submit]").click()
        expect(page.locator(f"#criterion-{criterion.pk} .badge-ok")).to_have_count(1)
    amended = page.locator(f"#criterion-{criteria[0].pk}")
    amended.locator("input.score-input").fill("19.5")
    with page.expect_response(lambda response: response.url.endswith("/score/")):
        amended.locator("button[type=submit]").click()
    expect(page.locator(f"#criterion-{criteria[0].pk} .badge-ok")).to_have_count(1)

    assert page.evaluate("document.documentElement.scrollWidth") <= 820
    assert Score.objects.filter(panel=panel, judge=judge).count() == len(criteria)
    assert str(Score.objects.get(panel=panel, judge=judge, criterion=criteria[0]).points) == "19.50"
    assert ScoreChange.objects.filter(score__judge=judge).count() == len(criteria) + 1


def test_staff_release_results_and_the_public_page_shows_them(page, live_server, staff_user):
    staff = UserFactory(role=Role.STAFF, email="release-staff@example.kr")
    programme = ProgrammeFactory()
    first = ProjectGroupFactory(programme=programme, name="가온 컨소시엄")
    second = ProjectGroupFactory(programme=programme, name="나래 컨소시엄")
    panel = final_panel(programme)
    judges = [ready_judge(panel) for _ in range(3)]
    assignment_service.seat_final_panel(actor=staff_user, panel=panel)
    fill_scores(panel, {(judge, first): 18 for judge in judges} | {(judge, second): 12 for judge in judges})
    panel_service.close_panel(actor=staff_user, panel=panel)
    log_in(page, live_server, staff.email, PASSWORD)

    page.goto(f"{live_server.url}/programs/manage/panels/{panel.pk}/results/")
    expect(page.locator(".fingerprint")).to_have_count(1)
    page.click("#release-results")
    expect(page.locator(".confirm-count")).to_have_text("2개 그룹")
    assert Panel.objects.get(pk=panel.pk).released_at is None
    page.locator("button.confirm-go").click()
    expect(page.locator(".message-success")).to_have_count(1)
    page.goto(f"{live_server.url}/programs/{programme.year}/results/")

    expect(page.locator("table.data-table tbody tr td:nth-child(2)").first).to_have_text("가온 컨소시엄")
    expect(page.locator("table.data-table tbody tr td:nth-child(2)").nth(1)).to_have_text("나래 컨소시엄")
    assert Panel.objects.get(pk=panel.pk).released_at is not None
