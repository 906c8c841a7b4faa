"""The boards' demo: notices (two pinned, one scheduled, attachments), news, and ten partner agencies'
promotions in every review state, the accepted ones running now posted on /alliance_news."""

import pytest
from django.urls import reverse

from alliance.agencies.demo import load_demo as load_agencies_demo
from alliance.core.models import ReviewStatus
from alliance.info.demo_board import load_board_demo
from alliance.info.models import Board, Post, PostAttachment, Promotion
from alliance.info.queries.board import latest_posts

pytestmark = pytest.mark.django_db


def test_the_demo_holds_notices_news_and_promotions_in_every_state(client):
    load_agencies_demo(seed=7)

    assert load_board_demo(seed=7) == "게시판: 공지사항·소식 16건, 유관기관 홍보 10건."
    statuses = sorted(Promotion.objects.values_list("status", flat=True))
    assert statuses == sorted([ReviewStatus.APPLIED] * 7 + [ReviewStatus.PENDING] * 2 + [ReviewStatus.RETURNED])
    assert (Post.objects.filter(pinned=True).count(), PostAttachment.objects.count()) == (2, 4)
    assert [post.title for post in latest_posts(Board.NOTICES, 2)] == [
        "2026년 메타버스 프로젝트 그룹 지원사업 공고",
        "메타버스 얼라이언스 분과통합 공개세미나 개최 안내",
    ]
    news = client.get(reverse("info:alliance_news")).content.decode()
    running = [
        "XR 콘텐츠 제작지원 사업 설명회",
        "방송·실감콘텐츠 전시회 참가기업 모집",
        "가상융합 원천기술 R&amp;D 과제 설명회",
    ]
    assert [title in news for title in running] == [True, True, True]
    assert "메타버스 아카데미 교육생 모집" not in news  # awaiting review
    assert load_board_demo(seed=7) == "게시판 데모가 이미 있습니다."
