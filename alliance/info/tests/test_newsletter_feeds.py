"""News feeds: fetched from a real local HTTP server, stored without duplicates, bounded, private addresses
refused."""

import pytest

from alliance.core.safe_fetch import FetchRefused, fetch, is_public_address
from alliance.info.models import FeedItem, NewsFeed
from alliance.info.services.newsletter_feed_requests import subscribe_feed
from alliance.info.services.newsletter_feeds import fetch_feed, normalise_link, similar_titles, title_key
from alliance.info.tests.feed_server import feed_server  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


def test_subscribing_fetches_the_feed_and_drops_duplicates_by_address_and_title(
    feed_server,  # noqa: F811
    staff_user,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        feed = subscribe_feed(
            actor=staff_user, name="가상융합 뉴스", url=f"{feed_server}/domestic.rss", section="domestic"
        )
    feed.refresh_from_db()
    assert feed.last_error == ""
    assert list(FeedItem.objects.order_by("link").values_list("title", "link", "summary")) == [
        (
            "롯데에너지서비스, 산업 현장 단위의 AI 활용을 확대한다",
            "https://news.example.kr/article/1001?utm_source=rss&utm_medium=feed",
            "산업 현장의 AI 활용 사례",
        ),
        ("XR 기기 확산 부문 '올레도스' 한중 각축전", "https://news.example.kr/article/1002#top", "마이크로 OLED 경쟁"),
    ]


def test_a_second_fetch_stores_nothing_new(feed_server, staff_user):  # noqa: F811
    feed = NewsFeed.objects.create(name="XR World", url=f"{feed_server}/global.atom", section="global")
    assert fetch_feed(feed_id=feed.pk) == 2
    assert fetch_feed(feed_id=feed.pk) == 0
    assert FeedItem.objects.count() == 2


def test_item_count_is_bounded(feed_server, settings):  # noqa: F811
    settings.NEWSLETTER_FEED_MAX_ITEMS = 1
    feed = NewsFeed.objects.create(name="XR World", url=f"{feed_server}/global.atom", section="global")
    assert fetch_feed(feed_id=feed.pk) == 1


def test_an_answer_over_the_size_limit_is_refused_and_recorded(feed_server, settings):  # noqa: F811
    settings.NEWSLETTER_FEED_MAX_BYTES = 1024 * 1024
    feed = NewsFeed.objects.create(name="큰 피드", url=f"{feed_server}/big.xml", section="global")
    assert fetch_feed(feed_id=feed.pk) == 0
    feed.refresh_from_db()
    assert feed.last_error == "응답이 1048576바이트보다 큽니다."


def test_a_missing_feed_records_the_status(feed_server):  # noqa: F811
    feed = NewsFeed.objects.create(name="없는 피드", url=f"{feed_server}/missing.rss", section="global")
    assert fetch_feed(feed_id=feed.pk) == 0
    feed.refresh_from_db()
    assert feed.last_error == "서버가 상태 코드 404(으)로 응답했습니다."


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:9/feed", "http://localhost/feed", "http://10.0.0.1/", "http://169.254.169.254/latest"]
)
def test_private_and_loopback_addresses_are_refused_before_connecting(url):
    with pytest.raises(FetchRefused) as refused:
        fetch(url)
    assert "사설 네트워크" in str(refused.value)


def test_only_http_and_https_are_fetched():
    with pytest.raises(FetchRefused):
        fetch("file:///etc/passwd")


@pytest.mark.parametrize(
    ("address", "public"),
    [("8.8.8.8", True), ("127.0.0.1", False), ("::1", False), ("::ffff:10.0.0.1", False), ("192.168.1.5", False)],
)
def test_public_addresses(address, public):
    assert is_public_address(address) is public


def test_normalised_link_drops_tracking_fragment_www_and_trailing_slash():
    assert normalise_link("HTTP://www.News.example.kr:80/a/b/?utm_source=x&id=3&fbclid=y&b=1#frag") == (
        "https://news.example.kr/a/b?b=1&id=3"
    )


def test_near_identical_titles():
    assert similar_titles(title_key("[단독] XR 기기 “확산”"), title_key("[단독]XR기기 '확산'"))
    assert not similar_titles(title_key("메타버스 허브 입주기업 모집"), title_key("디지털 트윈 실증 사업 공고"))
