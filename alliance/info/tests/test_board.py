"""The boards: /notice_board and /alliance_news (pinned first, scheduled publication, search, category, paging,
view counts, feeds, attachments), the staff's writing and publishing, and the briefing's counts."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from alliance.core.models import AuditEntry
from alliance.core.versions import StaleEditError
from alliance.info.board_markdown import plain_summary, render_markdown
from alliance.info.models import Board, Category, Post
from alliance.info.queries.board import latest_posts, posts_published
from alliance.info.services import board as service
from alliance.info.tests.factories_board import MINIMAL_PDF, PostAttachmentFactory, PostFactory

pytestmark = pytest.mark.django_db
NOTICES = reverse("info:notice_board")
NEWS = reverse("info:alliance_news")
BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1"
CRAWLER = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def ago(**kwargs) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(**kwargs)


def titles(html: str) -> list[str]:
    return re.findall(r'<a class="board-title" href="[^"]+">([^<]+)</a>', html)


# ---- Markdown ---------------------------------------------------------------------------------------------------


def test_markdown_is_rendered_and_sanitised():
    html = render_markdown(
        "# 안내\n\n**굵게** [신청](https://alliance.example.kr/apply) [x](javascript:alert(1))\n\n"
        '<script>alert(1)</script><img src=x onerror="alert(1)">'
    )

    assert html == (
        "<h2>안내</h2>\n"
        '<p><strong>굵게</strong> <a href="https://alliance.example.kr/apply" rel="noopener noreferrer nofollow">'
        "신청</a> [x](javascript:alert(1))</p>\n"
        '<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror="alert(1)"&gt;</p>\n'
    )


def test_plain_summary_is_text_only():
    assert plain_summary("# 안내\n\n**회원사** & 파트너 <b>여러분</b>", limit=20) == "안내 회원사 & 파트너 <b>여러분…"


# ---- the public list ----------------------------------------------------------------------------------------------


def test_pinned_posts_come_first_then_newest_and_drafts_and_scheduled_are_hidden(client):
    PostFactory(title="오래된 고정 공지", pinned=True, publish_at=ago(days=30))
    PostFactory(title="최신 공지", publish_at=ago(hours=1))
    PostFactory(title="어제 공지", publish_at=ago(days=1))
    PostFactory(title="초안", publish_at=None)
    PostFactory(title="예약 공지", publish_at=timezone.now() + datetime.timedelta(days=1))
    PostFactory(title="끝난 홍보", publish_at=ago(days=10), expires_at=ago(days=1))
    PostFactory(title="소식", board=Board.NEWS, category=Category.NEWS)

    assert titles(client.get(NOTICES).content.decode()) == ["오래된 고정 공지", "최신 공지", "어제 공지"]
    assert titles(client.get(NEWS).content.decode()) == ["소식"]


def test_a_scheduled_post_becomes_public_at_its_time(client):
    post = PostFactory(title="예약 공지", publish_at=timezone.now() + datetime.timedelta(minutes=5))
    assert client.get(post.get_absolute_url()).status_code == 404

    Post.objects.filter(pk=post.pk).update(publish_at=ago(seconds=1))

    assert client.get(post.get_absolute_url()).status_code == 200
    assert titles(client.get(NOTICES).content.decode()) == ["예약 공지"]


def test_search_by_title_words_and_category_filter(client):
    PostFactory(title="2026년 메타버스 지원사업 공고", category=Category.CALL)
    PostFactory(title="메타버스 세미나 개최", category=Category.EVENT)
    PostFactory(title="사무국 휴무 안내", category=Category.NOTICE)

    assert titles(client.get(NOTICES, {"q": "메타버스 공고"}).content.decode()) == ["2026년 메타버스 지원사업 공고"]
    assert titles(client.get(NOTICES, {"category": "event"}).content.decode()) == ["메타버스 세미나 개최"]
    assert titles(client.get(NOTICES, {"q": "없는말"}).content.decode()) == []


def test_the_list_pages_by_twenty(client):
    for number in range(23):
        PostFactory(title=f"공지 {number:02d}", publish_at=ago(hours=number + 1))

    first = titles(client.get(NOTICES).content.decode())
    second = titles(client.get(NOTICES, {"page": 2}).content.decode())

    assert (len(first), first[0], second) == (20, "공지 00", ["공지 20", "공지 21", "공지 22"])


def test_the_list_links_its_feeds(client):
    html = client.get(NOTICES).content.decode()

    links = re.findall(r'<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)">', html)

    assert links == [
        ("application/rss+xml", "공지사항 (RSS)", "/notice_board/rss.xml"),
        ("application/atom+xml", "공지사항 (Atom)", "/notice_board/atom.xml"),
    ]


# ---- a post's page, its views and attachments -------------------------------------------------------------------


def test_a_post_page_shows_the_rendered_body_and_attachments(client):
    post = PostFactory(title="정기총회 안내", body="**5월 16일** 개최")
    attachment = PostAttachmentFactory(post=post, original_name="총회 안내문.pdf")

    html = client.get(f"/notice_board/{post.pk}").content.decode()

    assert "<p><strong>5월 16일</strong> 개최</p>" in html
    assert f'<a href="/board/files/{attachment.pk}" download>총회 안내문.pdf</a>' in html
    assert '<meta name="description" content="5월 16일 개최">' in html


def test_a_post_lives_on_its_own_board_only(client):
    news = PostFactory(board=Board.NEWS, category=Category.NEWS)

    assert client.get(f"/notice_board/{news.pk}").status_code == 404
    assert client.get(f"/alliance_news/{news.pk}").status_code == 200


def test_views_are_counted_for_readers_not_for_staff_or_crawlers(client, staff_user):
    post = PostFactory()

    client.get(post.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    client.get(post.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    client.get(post.get_absolute_url(), HTTP_USER_AGENT=CRAWLER)
    client.get(post.get_absolute_url())  # no agent: a script
    client.force_login(staff_user)
    client.get(post.get_absolute_url(), HTTP_USER_AGENT=BROWSER)

    post.refresh_from_db()
    assert post.view_count == 2


def test_an_attachment_downloads_under_its_name_and_not_while_the_post_is_hidden(client, staff_user):
    attachment = PostAttachmentFactory(post=PostFactory(), original_name="공고문.pdf")
    hidden = PostAttachmentFactory(post=PostFactory(publish_at=None))

    response = client.get(attachment.get_absolute_url())
    assert (response.status_code, b"".join(response.streaming_content)) == (200, MINIMAL_PDF)
    disposition = "attachment; filename=\"___.pdf\"; filename*=UTF-8''%EA%B3%B5%EA%B3%A0%EB%AC%B8.pdf"
    assert response["Content-Disposition"] == disposition
    assert client.get(hidden.get_absolute_url()).status_code == 404
    client.force_login(staff_user)
    assert client.get(hidden.get_absolute_url()).status_code == 200


# ---- feeds ------------------------------------------------------------------------------------------------------


def test_rss_and_atom_feeds_list_published_posts_newest_first(client):
    PostFactory(title="이전 공지", publish_at=ago(days=2), pinned=True)
    PostFactory(title="새 공지", publish_at=ago(hours=1), body="**굵게**")
    PostFactory(title="초안", publish_at=None)

    rss = ET.fromstring(client.get(reverse("info:notice_rss")).content)  # noqa: S314 (our own feed)
    atom = ET.fromstring(client.get(reverse("info:notice_atom")).content)  # noqa: S314
    ns = {"a": "http://www.w3.org/2005/Atom"}

    assert [item.findtext("title") for item in rss.iter("item")] == ["새 공지", "이전 공지"]
    assert rss.find("channel/item/description").text == "<p><strong>굵게</strong></p>\n"
    entries = atom.findall("a:entry", ns)
    assert [entry.findtext("a:title", namespaces=ns) for entry in entries] == ["새 공지", "이전 공지"]
    assert atom.findtext("a:title", namespaces=ns) == "공지사항 · 메타버스 얼라이언스"


# ---- the front page's read and the briefing's counts --------------------------------------------------------------


def test_latest_posts_are_newest_first_whatever_is_pinned():
    PostFactory(title="고정", pinned=True, publish_at=ago(days=5))
    PostFactory(title="최신", publish_at=ago(hours=1))
    PostFactory(title="예약", publish_at=timezone.now() + datetime.timedelta(hours=1))
    PostFactory(title="소식", board=Board.NEWS)

    assert [post.title for post in latest_posts(Board.NOTICES, 5)] == ["최신", "고정"]
    assert [post.title for post in latest_posts(Board.NOTICES, 1)] == ["최신"]


def test_posts_published_per_quarter_by_board_and_category():
    seoul = timezone.get_current_timezone()
    at = lambda *args: datetime.datetime(*args, tzinfo=seoul)  # noqa: E731
    PostFactory(category=Category.CALL, publish_at=at(2025, 4, 1, 0, 0))  # the quarter's first minute (KST)
    PostFactory(category=Category.CALL, publish_at=at(2025, 6, 30, 23, 59))
    PostFactory(category=Category.EVENT, publish_at=at(2025, 5, 2, 9, 0), expires_at=at(2025, 5, 3, 9, 0))
    PostFactory(board=Board.NEWS, category=Category.PROMOTION, publish_at=at(2025, 5, 2, 9, 0))
    PostFactory(category=Category.CALL, publish_at=at(2025, 3, 31, 23, 59))  # Q1
    PostFactory(category=Category.CALL, publish_at=None)

    counts = posts_published(2025, 2)

    assert counts["notices"] == {"notice": 0, "call": 2, "event": 1, "promotion": 0, "news": 0}
    assert counts["news"] == {"notice": 0, "call": 0, "event": 0, "promotion": 1, "news": 0}
    assert posts_published(2025, 1)["notices"]["call"] == 1


# ---- staff --------------------------------------------------------------------------------------------------------


def test_staff_write_a_draft_with_an_attachment_then_publish_it(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("info:board_post_create"),
        {
            "board": "notices",
            "category": "call",
            "title": "지원사업 공고",
            "body": "내용",
            "files": SimpleUploadedFile("공고문.pdf", MINIMAL_PDF, content_type="application/pdf"),
        },
    )
    post = Post.objects.get()
    assert (response.status_code, response["Location"]) == (302, reverse("info:board_post", args=[post.pk]))
    assert (post.publish_at, [a.original_name for a in post.attachments.all()]) == (None, ["공고문.pdf"])
    assert client.get(post.get_absolute_url()).status_code == 200  # staff see their draft

    client.post(reverse("info:board_post_publish", args=[post.pk]), {"publish_at": "", "expires_at": ""})
    client.logout()

    assert client.get(post.get_absolute_url()).status_code == 200
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["info.board.post_created", "info.board.post_published"]


def test_staff_schedule_a_post(client, staff_user):
    post = PostFactory(publish_at=None)
    client.force_login(staff_user)
    later = timezone.localtime() + datetime.timedelta(days=2)

    client.post(reverse("info:board_post_publish", args=[post.pk]), {"publish_at": later.strftime("%Y-%m-%dT%H:%M")})

    post.refresh_from_db()
    assert (post.is_scheduled, post.is_public) == (True, False)
    assert AuditEntry.objects.get().action == "info.board.post_scheduled"


def test_an_attachment_that_is_not_what_it_says_is_refused(client, staff_user):
    post = PostFactory()
    client.force_login(staff_user)

    client.post(
        reverse("info:board_attachment_add", args=[post.pk]),
        {"files": SimpleUploadedFile("공고문.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")},
    )

    assert post.attachments.count() == 0


def test_a_stale_edit_is_refused_with_what_changed(client, staff_user):
    post = PostFactory(title="원래 제목")
    client.force_login(staff_user)
    page = client.get(reverse("info:board_post", args=[post.pk])).content.decode()
    token = re.search(r'name="edit_token" value="([^"]+)"', page).group(1)
    service.update_post(
        actor=staff_user, post=post, board="notices", category="notice", title="다른 직원의 제목", body="", pinned=False
    )

    response = client.post(
        reverse("info:board_post", args=[post.pk]),
        {"board": "notices", "category": "notice", "title": "내 제목", "body": "", "edit_token": token},
    )

    post.refresh_from_db()
    assert (response.status_code, post.title) == (200, "다른 직원의 제목")
    assert "다른 직원의 제목" in response.content.decode()


def test_update_refuses_a_stale_version():
    post = PostFactory()
    with pytest.raises(StaleEditError):
        service.update_post(
            actor=None, post=post, board="notices", category="notice", title="x", body="", pinned=False,
            expected_version=post.version + 1,
        )  # fmt: skip


def test_the_htmx_preview_renders_without_saving(client, staff_user):
    post = PostFactory(body="원래 본문")
    client.force_login(staff_user)

    response = client.post(
        reverse("info:board_post", args=[post.pk]),
        {"board": "notices", "category": "notice", "title": "제목", "body": "**미리보기**", "preview": "1"},
        HTTP_HX_REQUEST="true",
    )

    post.refresh_from_db()
    assert "<p><strong>미리보기</strong></p>" in response.content.decode()
    assert (post.body, AuditEntry.objects.count()) == ("원래 본문", 0)


def test_unpublish_and_delete(client, staff_user, django_capture_on_commit_callbacks):
    post = PostFactory()
    attachment = PostAttachmentFactory(post=post)
    stored = attachment.file.name
    storage = attachment.file.storage
    client.force_login(staff_user)

    client.post(reverse("info:board_post_unpublish", args=[post.pk]))
    post.refresh_from_db()
    assert post.publish_at is None
    with pytest.raises(ValidationError):
        service.unpublish_post(actor=staff_user, post=post)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("info:board_post_delete", args=[post.pk]))

    assert (Post.objects.filter(pk=post.pk).exists(), storage.exists(stored)) == (False, False)
    labels = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert labels == ["info.board.post_unpublished", "info.board.post_deleted"]


def _statements(client, path: str, params=None) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(path, params or {}, headers={"user-agent": "Mozilla/5.0 Chrome/131.0"}).status_code == 200
    return len(captured)


def test_the_lists_and_a_post_page_run_a_constant_number_of_statements(client):
    post = PostFactory(board=Board.NOTICES, publish_at=ago(days=1), title="첫 공고")
    PostAttachmentFactory(post=post)
    asked = [
        ("/notice_board", None),
        ("/notice_board", {"q": "공고", "category": "notice"}),
        (post.get_absolute_url(), None),
    ]
    few = [_statements(client, path, params) for path, params in asked]
    for number in range(25):
        other = PostFactory(
            board=Board.NOTICES, publish_at=ago(hours=number + 2), title=f"공고 {number}", pinned=number < 3
        )
        PostAttachmentFactory(post=other)
    assert [_statements(client, path, params) for path, params in asked] == few


def test_a_rendered_body_is_kept_and_an_edited_body_is_rendered_anew():
    first = render_markdown("**굵게** 본문")
    assert render_markdown("**굵게** 본문") == first == "<p><strong>굵게</strong> 본문</p>\n"
    assert render_markdown("*기울임* 본문") == "<p><em>기울임</em> 본문</p>\n"
    assert plain_summary("**굵게** 본문", limit=160) == "굵게 본문"
