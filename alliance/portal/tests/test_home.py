"""The front page: each app's section with its newest things, a "none yet" line when there are none, the key
figures leading to the directory, the map and the results, a heading order without gaps, and a number of
queries that does not grow with the data."""

import datetime
import itertools

import pytest
from django.utils import timezone
from lxml import html as lxml_html

from alliance.ecosystem.models import Placement
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory
from alliance.info.models import Board, Category, Edition
from alliance.info.tests.factories_archive import PublisherFactory, ReportFactory
from alliance.info.tests.factories_board import PostFactory
from alliance.info.tests.factories_newsletter import EditionFactory, EditionItemFactory
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory

pytestmark = pytest.mark.django_db


def page(client):
    response = client.get("/")
    assert response.status_code == 200
    return lxml_html.fromstring(response.content.decode())


def section(tree, key: str):
    [found] = tree.xpath(f'//section[@aria-labelledby="frontpage-{key}"]')
    return found


def texts(elements) -> list[str]:
    return [" ".join(element.text_content().split()) for element in elements]


def stages_from_now(days: dict[str, tuple[float, float]]) -> dict:
    """Stages some days from today at 10:00 Korean time (offsets in days; none within a day of now)."""
    base = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    return {
        kind: (base + datetime.timedelta(days=start), base + datetime.timedelta(days=end))
        for kind, (start, end) in days.items()
    }


def test_an_empty_site_says_there_is_nothing_yet(client):
    tree = page(client)

    assert [heading.text_content() for heading in tree.xpath("//main//h2")] == [
        "숫자로 보는 얼라이언스",
        "공지사항",
        "얼라이언스 소식",
        "다가오는 일정",
        "최신 동향 보고서",
        "데일리 뉴스레터",
    ]
    assert texts(tree.xpath('//p[@class="frontpage-empty"]')) == [
        "아직 게시된 글이 없습니다.",
        "아직 게시된 글이 없습니다.",
        "아직 예정된 일정이 없습니다.",
        "아직 게시된 보고서가 없습니다.",
        "아직 발송된 뉴스레터가 없습니다.",
    ]
    # No map and no programme: only the member count, leading to the directory.
    assert texts(section(tree, "figures").xpath(".//li")) == ["회원사 0개사"]


def test_the_newest_notices_and_news_each_leading_to_its_post_and_board(client):
    now = timezone.now()
    notices = [
        PostFactory(title=f"공지 {n}", publish_at=now - datetime.timedelta(days=n), pinned=n == 6) for n in range(7)
    ]
    PostFactory(title="예약된 공지", publish_at=now + datetime.timedelta(days=1))
    news = PostFactory(board=Board.NEWS, category=Category.EVENT, title="세미나 소식")

    tree = page(client)

    notice_box, news_box = section(tree, "notices"), section(tree, "news")
    assert [(link.text, link.get("href")) for link in notice_box.xpath(".//ul/li/a")] == [
        (post.title, post.get_absolute_url()) for post in notices[:5]
    ]
    assert texts(news_box.xpath(".//ul/li")) == [f"행사 세미나 소식 {local(news.publish_at, '%Y. %-m. %-d.')}"]
    assert [(link.text, link.get("href")) for link in tree.xpath('//p[@class="frontpage-more"]/a')][:2] == [
        ("공지사항 전체 보기", "/notice_board"),
        ("얼라이언스 소식 전체 보기", "/alliance_news"),
    ]


def test_the_newest_reports_newest_first_each_leading_to_its_page(client):
    kistep = PublisherFactory(name="KISTEP")
    reports = [
        ReportFactory(title=f"동향 보고서 {n}", posted_on=datetime.date(2025, 1, n + 1), publisher=kistep)
        for n in range(7)
    ]

    links = section(page(client), "reports").xpath(".//ul/li/a")

    assert [(link.text, link.get("href")) for link in links] == [
        (report.title, report.get_absolute_url()) for report in reversed(reports[2:])
    ]
    assert texts(section(page(client), "reports").xpath('.//li/span[@class="frontpage-when"]'))[0] == (
        "KISTEP · 2025. 1. 7."
    )


def test_the_newest_sent_edition_with_its_first_headlines(client):
    sent = EditionFactory(publishing_date=datetime.date(2026, 12, 4), subject="12월 4일 뉴스레터", state="sent")
    for n in range(4):
        EditionItemFactory(edition=sent, title=f"소식 {n}", order=n)
    EditionFactory(publishing_date=datetime.date(2026, 12, 7), subject="아직 보내지 않은 호", state=Edition.State.DRAFT)

    box = section(page(client), "newsletter")

    [link] = box.xpath("./p[1]/a")
    assert (link.text, link.get("href")) == ("12월 4일 뉴스레터", "/newsletter/2026-12-04")
    assert texts(box.xpath('.//ul[contains(@class, "frontpage-headlines")]/li')) == ["소식 0", "소식 1", "소식 2"]


def test_the_competitions_open_call_and_coming_stages_with_their_dates(client):
    programme = ProgrammeFactory(
        year=2030,
        name="2030 프로젝트 그룹",
        stages=stages_from_now({"call": (-10, 2), "screening": (5, 9), "final": (20, 20.2), "awards": (-30, -29)}),
    )
    call = programme.stages.get(kind="call")

    box = section(page(client), "upcoming")

    items = box.xpath(".//li")
    screening, final = (programme.stages.get(kind=kind) for kind in ("screening", "final"))
    assert texts(items) == [
        f"공모 2030 프로젝트 그룹 · 참가 모집 {local(call.ends_at, '%Y. %-m. %-d. %H:%M')} 마감 (진행 중)",
        (
            f"프로젝트 그룹 2030 프로젝트 그룹 · {screening.get_kind_display()} "
            f"{local(screening.starts_at, '%Y. %-m. %-d.')} – {local(screening.ends_at, '%Y. %-m. %-d.')}"
        ),
        (
            f"프로젝트 그룹 2030 프로젝트 그룹 · {final.get_kind_display()} "
            f"{local(final.starts_at, '%Y. %-m. %-d. %H:%M')} – {local(final.ends_at, '%H:%M')}"
        ),
    ]
    assert [link.get("href") for link in box.xpath(".//li/a")] == ["/programs/my/groups/"]


def local(moment, pattern: str) -> str:
    return timezone.localtime(moment).strftime(pattern)


def test_key_figures_lead_to_the_directory_the_map_and_the_results(client):
    OrganisationFactory()
    OrganisationFactory()
    OrganisationFactory(joined_on=datetime.date(2020, 1, 1), withdrawn_on=datetime.date(2024, 1, 1))
    first = PlacementFactory(status=Placement.Status.CONFIRMED)
    PlacementFactory(status=Placement.Status.CONFIRMED, taxonomy=first.taxonomy, primary=first.primary)
    PlacementFactory(status=Placement.Status.DRAFT, taxonomy=first.taxonomy, primary=first.primary)
    PlayerFactory()  # not placed
    programme = ProgrammeFactory(year=2031)
    ProjectGroupFactory(programme=programme, partners=[])
    ProjectGroupFactory(programme=programme, partners=[], submitted=False)

    links = section(page(client), "figures").xpath(".//li/a")

    year = first.taxonomy.year
    members = 2 + 2  # the two above and the two groups' leads
    assert [(" ".join(link.text_content().split()), link.get("href")) for link in links] == [
        (f"회원사 {members}개사", "/member_companies"),
        (f"{year}년 생태계맵 기업 2곳", "/ecosystem/"),
        ("2031년 공모 참가 프로젝트 그룹 1개", "/programs/results/"),
    ]


def test_headings_go_down_one_level_at_a_time_and_the_page_describes_itself(client):
    ReportFactory()
    tree = page(client)

    levels = [int(heading.tag[1]) for heading in tree.xpath("//h1|//h2|//h3|//h4")]
    assert levels[0] == 1
    assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels))
    [description] = tree.xpath('//meta[@name="description"]/@content')
    assert description.startswith("메타버스 얼라이언스는 가상융합산업 민관 협력 얼라이언스입니다.")


def _world(n: int) -> None:
    publisher = PublisherFactory()
    for i in range(n):
        ReportFactory(publisher=publisher if i % 2 else PublisherFactory(), posted_on=datetime.date(2025, 1, 1 + i))
        edition = EditionFactory(state=Edition.State.SENT)
        EditionItemFactory(edition=edition)
        OrganisationFactory()
        PostFactory()
        PostFactory(board=Board.NEWS)
    ProgrammeFactory(stages=stages_from_now({"call": (-1, 1), "screening": (2, 3), "final": (4, 5)}))


def test_the_front_page_takes_a_constant_number_of_queries(client, django_assert_max_num_queries):
    _world(2)
    with django_assert_max_num_queries(50) as few:
        page(client)

    _world(8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page(client)


def test_an_anonymous_visitors_kept_front_page_shows_a_new_report_once_its_minute_is_over(
    client, settings, monkeypatch
):
    settings.PAGE_CACHE_SECONDS = 3600
    minute = ["1"]
    monkeypatch.setattr("alliance.core.frontpage.version", lambda: minute[0])
    first = client.get("/")
    ReportFactory(title="새 보고서")
    second = client.get("/")
    minute[0] = "2"
    third = client.get("/")

    assert [response["X-Page-Cache"] for response in (first, second, third)] == ["miss", "hit", "miss"]
    assert ["새 보고서" in response.content.decode() for response in (first, second, third)] == [False, False, True]
