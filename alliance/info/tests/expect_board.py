"""Who may open the board area's URLs: rows merged by tests/url_expectations.py.

The public boards, a published post's page, its attachments and the feeds are open to everyone; writing,
publishing and deleting posts are the secretariat's (a visitor is sent to log in, every other role gets 404).
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from alliance.core.tests.url_matrix import everyone, no_body, only, staff_only
from alliance.info.models import Board, Category
from alliance.info.promotion_images import store_image
from alliance.info.services.promotions import review_promotion
from alliance.info.tests.factories_board import (
    MINIMAL_PDF,
    PostAttachmentFactory,
    PostFactory,
    PromotionFactory,
    png_bytes,
)

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
    "info:post_mailing_send": staff_only(405),  # a button: POST only (the first POST shows the confirmation)
    "info:post_mailing_preview": staff_only(),
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
    "info:post_mailing_send": "board_notice",
    "info:post_mailing_preview": "board_notice",
}


def build_world(world) -> dict:
    notice = PostFactory(title="2026년 메타버스 얼라이언스 정기총회 개최 안내", category=Category.EVENT)
    return {
        "board_notice": notice,
        "board_draft": PostFactory(title="초안 공지", publish_at=None),
        "board_news": PostFactory(board=Board.NEWS, category=Category.NEWS, title="얼라이언스 소식"),
        "board_attachment": PostAttachmentFactory(post=notice),
        **build_promotions(world),
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
    "info:post_mailing_send": no_body,
}


# ---- partner agencies' promotions ---------------------------------------------------------------------------------
# The matrix's `agency` user is agency A's liaison (the agencies app's build_world); the promotions the URLs point
# at are agency B's, whose liaison (`agency_b`) posts the owner's forms: every row proves that one agency's liaison
# gets 404 on another agency's promotion, and that the owner's POST is accepted.
STAFF_ON_B = only({"staff": 200})
EXPECTED |= {
    "info:my_promotions": only({"agency": 200}),
    "info:promotion_create": only({"agency": 200}),
    "info:promotion": STAFF_ON_B,
    "info:promotion_queue": staff_only(),
    "info:promotion_review": staff_only(405),
    # A pending promotion's image: not public yet, so a visitor gets 404 (not the login page: the view is public).
    "info:promotion_image": {**everyone(404), "staff": 200},
    # Correcting an accepted promotion's text: the secretariat's alone (agency B's, so its liaison's too).
    "info:promotion_edit": staff_only(),
}
PK_OF |= {
    "info:promotion": "promotion_pending",
    "info:promotion_review": "promotion_pending",
    "info:promotion_image": "promotion_pending",
    "info:promotion_edit": "promotion_accepted",
}
POST_AS = {"info:promotion": "agency_b"}


def _promotion_body(world) -> dict:
    today = timezone.localdate()
    return {
        "title": "2026 XR 콘텐츠 제작지원 사업 설명회",
        "body": "설명회에 **회원사**를 초대합니다.",
        "starts_on": today.isoformat(),
        "ends_on": (today + datetime.timedelta(days=14)).isoformat(),
        "link": "https://www.nipa.kr/",
        "image_alt": "설명회 포스터",
    }


def build_promotions(world) -> dict:
    pending = PromotionFactory(
        agency=world["agency_b"], image=store_image(png_bytes(), "png"), image_alt="설명회 포스터"
    )
    accepted = review_promotion(
        actor=None, promotion=PromotionFactory(agency=world["agency_b"], title="승인된 홍보"), decision="accept"
    )
    return {"promotion_pending": pending, "promotion_accepted": accepted}


POST_DATA |= {
    "info:promotion_create": _promotion_body,
    "info:promotion": _promotion_body,
    "info:promotion_review": lambda world: {"decision": "accept", "note": ""},
    "info:promotion_edit": lambda world: {
        key: value for key, value in _promotion_body(world).items() if key != "image_alt"
    },
}
