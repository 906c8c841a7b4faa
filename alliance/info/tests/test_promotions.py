"""Partner agencies' promotions: a liaison submits from its own pages (image checked), staff return with a
comment or accept; an accepted promotion is posted on /alliance_news for its period, offered to the newsletter's
유관기관 홍보 section, and counted for the briefing. An agency sees only its own."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from alliance.agencies.tests.factories import AgencyFactory, LiaisonFactory
from alliance.core.models import AuditEntry, ReviewStatus
from alliance.info.models import Category, EditionItem, Post, Promotion, Section
from alliance.info.queries.newsletter import candidate_pool
from alliance.info.queries.promotions import promotions_relayed
from alliance.info.services import promotions as service
from alliance.info.tests.factories_board import PostFactory, PromotionFactory, png_bytes
from alliance.info.tests.factories_newsletter import EditionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def liaison(db):
    return LiaisonFactory(agency=AgencyFactory(name="정보통신산업진흥원", short_name="NIPA")).user


def form(**changes) -> dict:
    today = timezone.localdate()
    return {
        "title": "XR 콘텐츠 제작지원 설명회",
        "body": "설명회에 **회원사**를 초대합니다.",
        "starts_on": today.isoformat(),
        "ends_on": (today + datetime.timedelta(days=7)).isoformat(),
        "link": "https://www.nipa.kr/",
        "image_alt": "설명회 포스터",
        **changes,
    }


def test_a_liaison_submits_a_promotion_with_an_image(client, liaison):
    client.force_login(liaison)
    image = SimpleUploadedFile("포스터.png", png_bytes(), content_type="image/png")

    response = client.post(reverse("info:promotion_create"), form(image_file=image))

    promotion = Promotion.objects.get()
    assert (response.status_code, response["Location"]) == (302, promotion.get_absolute_url())
    assert (promotion.agency, promotion.status, promotion.submitted_by) == (
        liaison.agency_liaison.agency,
        ReviewStatus.PENDING,
        liaison,
    )
    assert (promotion.image[:16], promotion.image[-4:]) == ("info/promotions/", ".png")
    assert client.get(reverse("info:promotion_image", args=[promotion.pk])).status_code == 200
    client.logout()
    assert client.get(reverse("info:promotion_image", args=[promotion.pk])).status_code == 404  # not public yet


@pytest.mark.parametrize(
    ("name", "content"),
    [("포스터.png", b"GIF89a not a png"), ("포스터.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>")],
)
def test_an_image_that_is_not_png_or_jpeg_is_refused(client, liaison, name, content):
    client.force_login(liaison)

    client.post(reverse("info:promotion_create"), form(image_file=SimpleUploadedFile(name, content)))

    assert Promotion.objects.count() == 0


def test_an_image_too_large_in_pixels_is_refused(liaison):
    upload = SimpleUploadedFile("큰그림.png", png_bytes(4097, 1))
    with pytest.raises(ValidationError) as raised:
        service.submit_promotion(
            actor=liaison, agency=liaison.agency_liaison.agency, title="t", body="b",
            starts_on=timezone.localdate(), ends_on=timezone.localdate(), image=upload, image_alt="설명",
        )  # fmt: skip
    assert raised.value.code == "image_side"


def test_an_agency_sees_only_its_own_promotions(client, liaison):
    own = PromotionFactory(agency=liaison.agency_liaison.agency, title="우리 홍보")
    other = PromotionFactory(title="다른 기관 홍보")
    client.force_login(liaison)

    page = client.get(reverse("info:my_promotions")).content.decode()

    assert ("우리 홍보" in page, "다른 기관 홍보" in page) == (True, False)
    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404


def test_returned_then_changed_then_accepted_is_posted_on_the_news_for_its_period(client, liaison, staff_user):
    promotion = PromotionFactory(agency=liaison.agency_liaison.agency, title="설명회 안내")
    client.force_login(staff_user)
    client.post(
        reverse("info:promotion_review", args=[promotion.pk]), {"decision": "return", "note": "일정을 적어 주세요"}
    )
    promotion.refresh_from_db()
    assert (promotion.status, promotion.review_note) == (ReviewStatus.RETURNED, "일정을 적어 주세요")

    client.force_login(liaison)
    client.post(promotion.get_absolute_url(), form(title="설명회 안내 (5월 16일)", image_alt=""))
    promotion.refresh_from_db()
    assert (promotion.status, promotion.title) == (ReviewStatus.PENDING, "설명회 안내 (5월 16일)")

    client.force_login(staff_user)
    client.post(reverse("info:promotion_review", args=[promotion.pk]), {"decision": "accept", "note": ""})
    promotion.refresh_from_db()
    post = promotion.post
    last_day = timezone.localdate() + datetime.timedelta(days=7)
    assert (promotion.status, post.board, post.category, post.title) == (
        ReviewStatus.APPLIED, "news", Category.PROMOTION, "설명회 안내 (5월 16일)",
    )  # fmt: skip
    assert timezone.localtime(post.expires_at) == timezone.make_aware(
        datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time())
    )
    client.logout()
    assert "설명회 안내 (5월 16일)" in client.get(reverse("info:alliance_news")).content.decode()
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["info.promotion.returned", "info.promotion.resubmitted", "info.promotion.accepted"]


def test_a_promotion_starting_later_is_scheduled_and_ends_after_its_last_day():
    start = timezone.localdate() + datetime.timedelta(days=3)
    promotion = PromotionFactory(starts_on=start, ends_on=start)

    post = service.review_promotion(actor=None, promotion=promotion, decision="accept").post

    assert (post.is_scheduled, timezone.localtime(post.publish_at).date()) == (True, start)


def test_a_second_decision_and_a_return_without_comment_are_refused(staff_user):
    promotion = PromotionFactory()
    with pytest.raises(ValidationError):
        service.review_promotion(actor=staff_user, promotion=promotion, decision="return", note=" ")
    service.review_promotion(actor=staff_user, promotion=promotion, decision="accept")
    with pytest.raises(ValidationError) as raised:
        service.review_promotion(actor=staff_user, promotion=promotion, decision="accept")
    assert (raised.value.code, Post.objects.count()) == ("already_reviewed", 1)


def test_an_accepted_promotion_cannot_be_changed(liaison):
    promotion = PromotionFactory(agency=liaison.agency_liaison.agency)
    service.review_promotion(actor=None, promotion=promotion, decision="accept")
    with pytest.raises(ValidationError):
        service.change_promotion(
            actor=liaison, promotion=promotion, title="x", body="y",
            starts_on=promotion.starts_on, ends_on=promotion.ends_on,
        )  # fmt: skip


def test_accepted_promotions_and_published_notices_are_newsletter_candidates():
    today = timezone.localdate()
    edition = EditionFactory(publishing_date=today)
    running = PromotionFactory(title="진행 중 홍보")
    service.review_promotion(actor=None, promotion=running, decision="accept")
    PromotionFactory(title="검토 전 홍보")
    notice = PostFactory(title="지원사업 공고", category=Category.CALL)
    PostFactory(title="초안 공지", publish_at=None)

    pool = {(c.origin, c.title): c.section for c in candidate_pool(edition)}

    assert pool == {
        (EditionItem.Origin.PROMOTION, "진행 중 홍보"): Section.PROMOTION,
        (EditionItem.Origin.NOTICE, "지원사업 공고"): Section.CALLS,
    }
    assert notice.pk in {c.origin_id for c in candidate_pool(edition) if c.origin == EditionItem.Origin.NOTICE}


def test_promotions_relayed_per_quarter():
    seoul = timezone.get_current_timezone()
    for month, count in ((2, 2), (5, 1)):
        for _number in range(count):
            promotion = PromotionFactory(
                starts_on=datetime.date(2025, month, 1), ends_on=datetime.date(2025, month, 20)
            )
            post = PostFactory(publish_at=datetime.datetime(2025, month, 1, tzinfo=seoul))
            Promotion.objects.filter(pk=promotion.pk).update(
                status=ReviewStatus.APPLIED, post=post, reviewed_at=timezone.now()
            )
    PromotionFactory(starts_on=datetime.date(2025, 2, 1), ends_on=datetime.date(2025, 2, 2))  # never accepted

    assert [promotions_relayed(2025, quarter) for quarter in (1, 2, 3, 4)] == [2, 1, 0, 0]
    assert promotions_relayed(2025) == 3


def test_an_accepted_promotions_image_reaches_the_edition_email_and_page(client, liaison, staff_user, settings):
    settings.SITE_URL = "https://alliance.example.kr"
    image = SimpleUploadedFile("포스터.png", png_bytes(), content_type="image/png")
    promotion = service.submit_promotion(
        actor=liaison, agency=liaison.agency_liaison.agency, title="XR 설명회", body="본문",
        starts_on=timezone.localdate(), ends_on=timezone.localdate(), image=image, image_alt="설명회 포스터",
    )  # fmt: skip
    promotion = service.review_promotion(actor=staff_user, promotion=promotion, decision="accept")
    edition = EditionFactory(publishing_date=timezone.localdate())
    client.force_login(staff_user)

    client.post(reverse("info:edition_item_add", args=[edition.pk]), {"candidate": f"promotion:{promotion.pk}"})

    url = f"https://alliance.example.kr/promotions/{promotion.pk}/image"
    item = edition.items.get()
    assert (item.section, item.image_url, item.image_alt) == (Section.PROMOTION, url, "설명회 포스터")
    email = client.get(reverse("info:edition_email", args=[edition.pk])).content.decode()
    assert f'<img src="{url}" alt="설명회 포스터"' in email
    type(edition).objects.filter(pk=edition.pk).update(state="sent", sent_at=timezone.now())
    page = client.get(edition.get_absolute_url()).content.decode()
    assert f'src="/promotions/{promotion.pk}/image" alt="설명회 포스터"' in page
    # After its period the post is gone from the board, but the sent edition's image is still served to anyone.
    day = datetime.timedelta(days=1)
    updated = Post.objects.filter(pk=promotion.post_id).update(
        publish_at=timezone.now() - 2 * day, expires_at=timezone.now() - day
    )
    assert updated == 1
    client.logout()
    response = client.get(reverse("info:promotion_image", args=[promotion.pk]))
    assert (response.status_code, response["Content-Type"]) == (200, "image/png")


def test_a_promotion_unpublished_by_staff_has_no_public_image(client, liaison):
    image = SimpleUploadedFile("포스터.png", png_bytes(), content_type="image/png")
    promotion = service.submit_promotion(
        actor=liaison, agency=liaison.agency_liaison.agency, title="XR 설명회", body="본문",
        starts_on=timezone.localdate(), ends_on=timezone.localdate(), image=image, image_alt="설명회 포스터",
    )  # fmt: skip
    promotion = service.review_promotion(actor=None, promotion=promotion, decision="accept")
    assert Post.objects.filter(pk=promotion.post_id).update(publish_at=None) == 1

    assert client.get(reverse("info:promotion_image", args=[promotion.pk])).status_code == 404


def test_staff_correct_an_accepted_promotions_text_and_its_post_follows(client, staff_user):
    today = timezone.localdate()
    promotion = service.review_promotion(
        actor=None, promotion=PromotionFactory(title="오타 있는 홍보", link=""), decision="accept"
    )
    posted_at = promotion.post.publish_at
    client.force_login(staff_user)
    edit = reverse("info:promotion_edit", args=[promotion.pk])
    assert f'href="{edit}"' in client.get(promotion.get_absolute_url()).content.decode()
    loaded = client.get(edit).context["form"]

    response = client.post(
        edit,
        {
            "title": "바로잡은 홍보",
            "body": "고친 본문",
            "link": "https://www.nipa.kr/event",
            "starts_on": today.isoformat(),
            "ends_on": (today + datetime.timedelta(days=3)).isoformat(),
            "edit_token": loaded["edit_token"].value(),
        },
    )

    assert (response.status_code, response["Location"]) == (302, promotion.get_absolute_url())
    promotion.refresh_from_db()
    post = promotion.post
    assert (promotion.title, promotion.body, promotion.version) == ("바로잡은 홍보", "고친 본문", 1)
    assert (post.title, post.publish_at) == ("바로잡은 홍보", posted_at)  # its publication time kept
    assert (post.body, post.body.endswith("(https://www.nipa.kr/event)")) == (service.post_body(promotion), True)
    assert timezone.localtime(post.expires_at).date() == today + datetime.timedelta(days=4)
    entry = AuditEntry.objects.filter(action="info.promotion.edited").get()
    assert (entry.before["title"], entry.after["title"], entry.actor) == ("오타 있는 홍보", "바로잡은 홍보", staff_user)


def test_a_stale_correction_is_refused_and_only_accepted_promotions_are_corrected(staff_user):
    promotion = service.review_promotion(actor=None, promotion=PromotionFactory(), decision="accept")
    values = {
        "title": "첫 수정", "body": "본문", "link": "",
        "starts_on": promotion.starts_on, "ends_on": promotion.ends_on,
    }  # fmt: skip
    service.edit_accepted_promotion(actor=staff_user, promotion=promotion, expected_version=0, **values)
    with pytest.raises(ValidationError) as stale:
        service.edit_accepted_promotion(actor=staff_user, promotion=promotion, expected_version=0, **values)
    with pytest.raises(ValidationError) as pending:
        service.edit_accepted_promotion(actor=staff_user, promotion=PromotionFactory(), **values)
    assert (stale.value.code, pending.value.code) == ("stale", "not_accepted")
