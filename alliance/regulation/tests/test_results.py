"""The result: total, profile by principle, low-scored items with their article and advice, last year's compared."""

import pytest
from django.utils import timezone

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.regulation.queries.results import result_of
from alliance.regulation.services.checklist import start_year
from alliance.regulation.services.selfcheck import save_answers
from alliance.regulation.tests.factories import answers

pytestmark = pytest.mark.django_db


def test_result_compares_with_last_year_and_names_the_articles_of_low_items(client, organisation):
    year = timezone.localdate().year
    start_year(actor=None, year=year - 1, publish=True)
    start_year(actor=None, year=year, publish=True)
    save_answers(
        actor=None, organisation=organisation, year=year - 1, answers=answers(3), share_result=False, submit=True
    )
    now = save_answers(
        actor=None,
        organisation=organisation,
        year=year,
        answers=answers(4) | {"5": 1, "9": 2},
        share_result=False,
        submit=True,
    )
    result = result_of(now)

    assert (str(result.total), str(result.change), result.earlier.year) == ("70", "10.0", year - 1)
    assert [(item.number, item.article_number, item.principle) for item in result.low_items] == [
        (5, 10, "사생활 존중"),
        (9, 22, "책임성"),
    ]
    assert result.low_items[0].article == "근무 외 시간 및 비업무 영역에서 직원의 사생활 침해를 방지하도록 노력한다."
    client.force_login(UserFactory(role=Role.MEMBER_REP, organisation=organisation))
    page = client.get(f"/regulation/ethics/results/{now.pk}/").content.decode()
    assert "70.0 / 100점" in page
    assert "+10.0" in page
    assert "<script" not in page.split("<main", 1)[-1].split("</main>", 1)[0]
