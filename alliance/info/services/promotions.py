"""Partner agencies' promotions (유관기관 홍보): the liaison submits, staff accept or return with a comment
(the reviewed-submission shape of alliance/core/review.py); an accepted promotion is posted on /alliance_news.

Rule: a promotion has a title, a body, a period (from ≤ until) and optionally an image (PNG or JPEG, checked
by Pillow, alliance/info/promotion_images.py) with its description and a link. The liaison changes it while it
awaits review or after it was returned (changing a returned one submits it again); once accepted it is final.
Accepting posts it on /alliance_news, category 유관기관 홍보, public from the first day of its period (Korean
time; at once when that has begun) until the end of its last day. Of two staff deciding at once the second is
refused.
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
