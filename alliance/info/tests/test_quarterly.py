"""The information services' quarterly figures: each area's count over the same quarter, and the command."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from alliance.core.models import ReviewStatus
from alliance.info.models import Board, DailyVisits, Edition, ImportedMonthlyVisits, Promotion
from alliance.info.queries.quarterly import quarter_figures
from alliance.info.tests.factories_archive import ReportFactory
from alliance.info.tests.factories_board import PostFactory, PromotionFactory
from alliance.info.tests.factories_newsletter import EditionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2025():
    for day in (datetime.date(2025, 9, 30), datetime.date(2025, 10, 1), datetime.date(2025, 12, 31)):
        ReportFactory(posted_on=day)
    for day, state in [
        (datetime.date(2025, 10, 6), Edition.State.SENT),
        (datetime.date(2025, 12, 31), Edition.State.SENT),
        (datetime.date(2026, 1, 2), Edition.State.SENT),
        (datetime.date(2025, 11, 3), Edition.State.DRAFT),
    ]:
        EditionFactory(publishing_date=day, state=state)
    ImportedMonthlyVisits.objects.create(year=2025, month=10, visits=40000)
    ImportedMonthlyVisits.objects.create(year=2025, month=9, visits=1)
    DailyVisits.objects.create(day=datetime.date(2025, 12, 1), views=50, visits=20, complete=True)
    seoul = timezone.get_current_timezone()
    PostFactory(board=Board.NOTICES, publish_at=datetime.datetime(2025, 10, 1, 0, 0, tzinfo=seoul))
    PostFactory(board=Board.NOTICES, publish_at=datetime.datetime(2025, 9, 30, 23, 59, tzinfo=seoul))
    news = PostFactory(board=Board.NEWS, publish_at=datetime.datetime(2025, 11, 5, 9, 0, tzinfo=seoul))
    promotion = PromotionFactory(starts_on=datetime.date(2025, 11, 5), ends_on=datetime.date(2025, 11, 30))
    Promotion.objects.filter(pk=promotion.pk).update(status=ReviewStatus.APPLIED, post=news, reviewed_at=timezone.now())


def test_a_quarter_counts_each_area_within_its_bounds(year_2025):
    assert quarter_figures(2025, 4).as_dict() == {
        "year": 2025,
        "quarter": 4,
        "reports_posted": 2,
        "editions_sent": 2,
        "promotions_relayed": 1,
        "mailings": 0,
        "notices_posted": 1,
        "news_posted": 1,
        "visits": 40020,
    }
    assert quarter_figures(2025, 3).as_dict() == {
        "year": 2025,
        "quarter": 3,
        "reports_posted": 1,
        "editions_sent": 0,
        "promotions_relayed": 0,
        "mailings": 0,
        "notices_posted": 1,
        "news_posted": 0,
        "visits": 1,
    }


def test_the_command_prints_the_figures_as_json(year_2025):
    out = StringIO()
    call_command("info_quarter", "--year", "2025", "--quarter", "4", "--format", "json", stdout=out)

    assert json.loads(out.getvalue()) == quarter_figures(2025, 4).as_dict()


def test_the_command_refuses_a_fifth_quarter():
    with pytest.raises(CommandError, match=r"--quarter는 1, 2, 3, 4 중 하나여야 합니다\(입력: 5\)\."):
        call_command("info_quarter", "--year", "2025", "--quarter", "5")
