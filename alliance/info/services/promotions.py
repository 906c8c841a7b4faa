"""Partner agencies' promotions (유관기관 홍보): the liaison submits, staff accept or return with a comment
(the reviewed-submission shape of alliance/core/review.py); an accepted promotion is posted on /alliance_news.

Rule: a promotion has a title, a body, a period (from ≤ until) and optionally an image (PNG or JPEG, checked
by Pillow, alliance/info/promotion_images.py) with its description and a link. The liaison changes it while it
awaits review or after it was returned (changing a returned one submits it again); once accepted it is final.
Accepting posts it on /alliance_news, category 유관기관 홍보, public from the first day of its period (Korean
time; at once when that has begun) until the end of its last day. Of two staff deciding at once the second is
refused.
Staff may correct an accepted promotion's text afterwards (title, body, link, period: `edit_accepted_promotion`),
which rewrites its post; the agency no longer can.
Side effects: the rows, the stored image; audit `info.promotion.*`; accepting writes the board post.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.agencies.models import Agency
from alliance.core import review
from alliance.core.audit import changed, record_audit, snapshot
from alliance.core.models import ReviewStatus
from alliance.core.versions import bump_version, check_version
from alliance.info.models import Board, Category, Post, Promotion
from alliance.info.promotion_images import checked_image, store_image

FIELDS = ("title", "body", "image_alt", "link", "starts_on", "ends_on")
ACCEPT, RETURN = "accept", "return"
NOT_EDITABLE = _("This promotion has been accepted; it can no longer be changed.")


def _check(*, title: str, body: str, starts_on, ends_on, image_alt: str, has_image: bool) -> None:
    if not title.strip():
        raise ValidationError(_("Write the promotion's title."), code="title")
    if not body.strip():
        raise ValidationError(_("Write what the promotion is about."), code="body")
    if ends_on < starts_on:
        raise ValidationError(_("The period must end on or after its first day."), code="period")
    if has_image and not image_alt.strip():
        raise ValidationError(_("Describe the image for readers who cannot see it."), code="image_alt")


def _image_name(image) -> str | None:
    if not image:
        return None
    content, extension = checked_image(image)
    return store_image(content, extension)


def submit_promotion(
    *, actor, agency: Agency, title: str, body: str, starts_on, ends_on, link: str = "", image=None, image_alt=""
) -> Promotion:
    """A liaison's new promotion, pending review.

    Side effects: the row and its stored image; audit `info.promotion.submitted`.
    """
    _check(title=title, body=body, starts_on=starts_on, ends_on=ends_on, image_alt=image_alt, has_image=bool(image))
    stored = _image_name(image)
    with transaction.atomic():
        promotion = Promotion.objects.create(
            agency=agency,
            title=title.strip(),
            body=body.strip(),
            link=link.strip(),
            starts_on=starts_on,
            ends_on=ends_on,
            image=stored or "",
            image_alt=image_alt.strip() if stored else "",
            submitted_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        record_audit(
            action="info.promotion.submitted", actor=actor, target=promotion, after=snapshot(promotion, FIELDS)
        )
    return promotion


def change_promotion(
    *, actor, promotion: Promotion, title: str, body: str, starts_on, ends_on, link: str = "", image=None, image_alt=""
) -> Promotion:
    """The liaison changes a promotion awaiting review, or one returned (which submits it again).

    Side effects: the row (a new image replaces the old); a returned one back to pending
    (`core.review.resubmit`); audit `info.promotion.changed` or `info.promotion.resubmitted`.
    """
    stored = _image_name(image)
    with transaction.atomic():
        promotion = Promotion.objects.select_for_update().get(pk=promotion.pk)
        if not promotion.editable:
            raise ValidationError(NOT_EDITABLE, code="not_editable")
        has_image = bool(stored or promotion.image)
        _check(title=title, body=body, starts_on=starts_on, ends_on=ends_on, image_alt=image_alt, has_image=has_image)
        before = snapshot(promotion, FIELDS)
        promotion.title, promotion.body, promotion.link = title.strip(), body.strip(), link.strip()
        promotion.starts_on, promotion.ends_on, promotion.image_alt = starts_on, ends_on, image_alt.strip()
        if stored:
            promotion.image = stored
        returned = promotion.status == ReviewStatus.RETURNED
        promotion.save()
        if returned:
            review.resubmit(promotion, changes={})
            promotion.resubmitted_at = timezone.now()
            promotion.save(update_fields=["resubmitted_at"])
        old, new = changed(before, snapshot(promotion, FIELDS))
        record_audit(
            action="info.promotion.resubmitted" if returned else "info.promotion.changed",
            actor=actor,
            target=promotion,
            before=old,
            after=new | ({"status": "pending"} if returned else {}),
        )
    return promotion


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def post_body(promotion: Promotion) -> str:
    """The board post's Markdown: the promotion's body and its link."""
    if not promotion.link:
        return promotion.body
    return f"{promotion.body}\n\n[{_('Open the link')}]({promotion.link})"


def review_promotion(*, actor, promotion: Promotion, decision: str, note: str = "") -> Promotion:
    """Staff accept a promotion (it is posted on /alliance_news for its period) or return it with a comment.

    Rule: only a promotion awaiting review; returning needs a comment; the second of two decisions is refused;
    a promotion whose period has ended cannot be accepted.
    Side effects: status, reviewer, time, note (`core.review.record_review`: audit `info.promotion.accepted` /
    `info.promotion.returned`); accepting writes the post (category 유관기관 홍보).
    """
    if decision not in (ACCEPT, RETURN):
        raise ValidationError(_("Choose to accept or return the promotion."), code="decision")
    if decision == RETURN and not note.strip():
        raise ValidationError(_("Say what the agency should change when you return a promotion."), code="note")
    with transaction.atomic():
        locked = review.lock_pending(Promotion.objects.all(), promotion.pk)
        if decision == RETURN:
            review.record_review(
                locked, actor=actor, status=ReviewStatus.RETURNED, action="info.promotion.returned", note=note
            )
            return locked
        end = _day_start(locked.ends_on + datetime.timedelta(days=1))
        if end <= timezone.now():
            raise ValidationError(_("The promotion's period has ended; it cannot be posted."), code="ended")
        post = Post.objects.create(
            board=Board.NEWS,
            category=Category.PROMOTION,
            title=locked.title,
            body=post_body(locked),
            publish_at=max(_day_start(locked.starts_on), timezone.now()),
            expires_at=end,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        locked.post = post
        locked.save(update_fields=["post"])
        review.record_review(
            locked,
            actor=actor,
            status=ReviewStatus.APPLIED,
            action="info.promotion.accepted",
            note=note,
            after={"post": post.pk},
        )
    return locked


TEXT_FIELDS = ("title", "body", "link", "starts_on", "ends_on")


def edit_accepted_promotion(
    *, actor, promotion: Promotion, title: str, body: str, link: str, starts_on, ends_on, expected_version=None
) -> Promotion:
    """Staff correct an accepted promotion's text: title, body, link and period; its post on /alliance_news
    follows (title, body with the link, the period's days).

    Rule: only an accepted promotion; refused (StaleEditError) when someone saved it since the form was loaded;
    the period ends on or after its first day. The post keeps its publication time once it has gone up (the
    briefing counts it in its quarter) unless the new first day is still to come; it is shown until the end of
    the new last day, which must fall after its publication.
    Side effects: the promotion (its version moved on) and its post; audit `info.promotion.edited` with what
    changed.
    """
    _check(title=title, body=body, starts_on=starts_on, ends_on=ends_on, image_alt="", has_image=False)
    with transaction.atomic():
        check_version(promotion, expected_version)
        promotion = Promotion.objects.select_for_update(of=("self",)).select_related("post").get(pk=promotion.pk)
        if promotion.status != ReviewStatus.APPLIED or promotion.post is None:
            raise ValidationError(_("Only an accepted promotion is corrected here."), code="not_accepted")
        before = snapshot(promotion, TEXT_FIELDS)
        promotion.title, promotion.body, promotion.link = title.strip(), body.strip(), link.strip()
        promotion.starts_on, promotion.ends_on = starts_on, ends_on
        post = promotion.post
        now = timezone.now()
        first = _day_start(starts_on)
        if post.publish_at is not None and (post.publish_at > now or first > now):
            post.publish_at = max(first, now)  # not up yet, or moved to a later first day: scheduled anew
        post.expires_at = _day_start(ends_on + datetime.timedelta(days=1))
        if post.publish_at is not None and post.expires_at <= post.publish_at:
            raise ValidationError(_("The period must end after the post went up."), code="period")
        post.title, post.body = promotion.title, post_body(promotion)
        bump_version(post)
        post.save()
        bump_version(promotion)
        promotion.save()
        old, new = changed(before, snapshot(promotion, TEXT_FIELDS))
        record_audit(action="info.promotion.edited", actor=actor, target=promotion, before=old, after=new)
    return promotion
