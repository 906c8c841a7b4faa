"""Who may open the board area's URLs: rows merged by tests/url_expectations.py.

The public boards, a published post's page, its attachments and the feeds are open to everyone; writing,
publishing and deleting posts are the secretariat's (a visitor is sent to log in, every other role gets 404).
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from alliance.core.tests.url_matrix import everyone, no_body, staff_only
from alliance.info.models import Board, Category
from alliance.info.tests.factories_board import MINIMAL_PDF, PostAttachmentFactory, PostFactory

EXPECTED = {
    "info:notice_board": everyone(),
    "info:notice": everyone(),
    "info:notice_rss": everyone(),
    "info:notice_atom": everyone(),
    "info:alliance_news": everyone(),
    "info:news": everyone(),
    "info:news_rss": everyone(),
    "info:news_atom": everyone(),
    "info:board_attachment": everyone(),
    "info:board_manage": staff_only(),
    "info:board_post_create": staff_only(),
    "info:board_post": staff_only(),
    "info:board_post_publish": staff_only(405),
    "info:board_post_unpublish": staff_only(405),
    "info:board_post_delete": staff_only(405),
    "info:board_attachment_add": staff_only(405),
    "info:board_attachment_remove": staff_only(405),
}

PK_OF = {
    "info:notice": "board_notice",
    "info:news": "board_news",
    "info:board_attachment": "board_attachment",
    "info:board_post": "board_notice",
    "info:board_post_publish": "board_draft",
    "info:board_post_unpublish": "board_notice",
    "info:board_post_delete": "board_notice",
    "info:board_attachment_add": "board_notice",
    "info:board_attachment_remove": "board_attachment",
}


def build_world(world) -> dict:
    notice = PostFactory(title="2026년 메타버스 얼라이언스 정기총회 개최 안내", category=Category.EVENT)
    return {
        "board_notice": notice,
        "board_draft": PostFactory(title="초안 공지", publish_at=None),
        "board_news": PostFactory(board=Board.NEWS, category=Category.NEWS, title="얼라이언스 소식"),
        "board_attachment": PostAttachmentFactory(post=notice),
    }


def _pdf(name: str = "공고문.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, MINIMAL_PDF, content_type="application/pdf")


POST_DATA = {
    "info:board_post_create": lambda world: {
        "board": "notices",
        "category": "call",
        "title": "2026년 메타버스 프로젝트 그룹 지원사업 공고",
        "body": "지원사업을 **공고**합니다.",
        "files": _pdf(),
    },
    "info:board_post": lambda world: {
        "board": "notices",
        "category": "event",
        "title": "2026년 메타버스 얼라이언스 정기총회 개최 안내 (장소 변경)",
        "body": "장소가 바뀌었습니다.",
        "pinned": "on",
    },
    "info:board_post_publish": lambda world: {"publish_at": "", "expires_at": ""},
    "info:board_post_unpublish": no_body,
    "info:board_post_delete": no_body,
    "info:board_attachment_add": lambda world: {"files": _pdf("신청서.pdf")},
    "info:board_attachment_remove": no_body,
}
