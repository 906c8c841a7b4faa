"""The boards' demo: notices (two pinned, one scheduled, attachments), news, ten partner agencies' promotions in
every review state, the accepted ones running now posted on /alliance_news, and the 64 relayed in 2025."""

import pytest
from django.urls import reverse

from alliance.agencies.demo import load_demo as load_agencies_demo
from alliance.core.models import ReviewStatus
from alliance.info.demo_board import load_board_demo
from alliance.info.models import Board, Post, PostAttachment, Promotion
from alliance.info.queries.board import latest_posts
from alliance.info.queries.promotions import promotions_relayed

pytestmark = pytest.mark.django_db


def test_the_demo_holds_notices_news_and_promotions_in_every_state(client):
    load_agencies_demo(seed=7)

    assert load_board_demo(seed=7) == "게시판: 공지사항·소식 16건, 유관기관 홍보 74건."
    recent = Promotion.objects.exclude(starts_on__year=2025)
    statuses = sorted(recent.values_list("status", flat=True))
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


def test_the_demo_relays_seed_001s_64_promotions_over_2025_the_same_for_a_seed():
    load_agencies_demo(seed=7)
    load_board_demo(seed=7)

    relayed = [promotions_relayed(2025, quarter) for quarter in (1, 2, 3, 4)]
    history = (
        Promotion.objects.filter(starts_on__year=2025).select_related("agency", "post").order_by("starts_on", "id")
    )
    assert (sum(relayed), promotions_relayed(2025), all(relayed)) == (64, 64, True)
    assert {promotion.status for promotion in history} == {ReviewStatus.APPLIED}
    assert all(promotion.post.category == "promotion" and promotion.title.startswith("2025 ") for promotion in history)
    assert len({promotion.agency.short_name for promotion in history}) >= 5
    first = [(p.agency.short_name, p.title, p.starts_on, p.ends_on) for p in history]

    Promotion.objects.all().delete()
    Post.objects.all().delete()
    load_board_demo(seed=7)
    again = Promotion.objects.filter(starts_on__year=2025).select_related("agency").order_by("starts_on", "id")
    assert [(p.agency.short_name, p.title, p.starts_on, p.ends_on) for p in again] == first
