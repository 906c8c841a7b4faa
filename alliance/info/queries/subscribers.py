"""Reads of the newsletter's subscribers: the staff list's filters and counts, the recipients of an edition."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet

from alliance.core.models import Delivery, DeliveryRecipient
from alliance.info.models import Bounce, Consent, Subscriber
from alliance.members.models import Contact

State = Subscriber.State
RowState = DeliveryRecipient.State
# The bulk delivery's mailing of an edition, and the header naming the edition in each copy (a bounce returning
# the headers says which edition it answers; it names no person).
EDITION_MAILING = "info.newsletter"
EDITION_HEADER = "X-Alliance-Newsletter-Edition"
MEMBER_Q = Q(user__isnull=False) | Q(organisation__isnull=False)


@dataclass(frozen=True)
class SubscriberFilters:
    state: str = ""
    kind: str = ""  # "member" | "public" | ""
    advertising: str = ""  # "yes" | "no" | ""
    query: str = ""


def filtered_subscribers(filters: SubscriberFilters) -> QuerySet:
    found = Subscriber.objects.select_related("organisation")
    if filters.state:
        found = found.filter(state=filters.state)
    if filters.kind == "member":
        found = found.filter(MEMBER_Q)
    elif filters.kind == "public":
        found = found.exclude(MEMBER_Q)
    if filters.advertising == "yes":
        found = found.filter(state=State.ACTIVE, advertising=True, advertising_suspended_at__isnull=True)
    elif filters.advertising == "no":
        found = found.exclude(state=State.ACTIVE, advertising=True, advertising_suspended_at__isnull=True)
    if filters.query:
        found = found.filter(Q(email__icontains=filters.query) | Q(name__icontains=filters.query))
    return found.order_by("email")


def subscriber_counts() -> dict[str, int]:
    """How many addresses in each state, active members and public, and active with advertising."""
    active = Q(state=State.ACTIVE)
    counts = Subscriber.objects.aggregate(
        total=Count("pk"),
        **{state.value: Count("pk", filter=Q(state=state)) for state in State},
        active_members=Count("pk", filter=active & MEMBER_Q),
        active_advertising=Count("pk", filter=active & Q(advertising=True, advertising_suspended_at__isnull=True)),
    )
    counts["active_public"] = counts[State.ACTIVE] - counts["active_members"]
    return counts


def edition_recipients(*, advertising: bool) -> QuerySet:
    """Who an edition goes to: every active subscriber; for an edition carrying advertising, only those whose
    consent to advertising is current (정보통신망법 §50)."""
    found = Subscriber.objects.filter(state=State.ACTIVE)
    if advertising:
        found = found.filter(advertising=True, advertising_suspended_at__isnull=True)
    return found.order_by("pk")


def consent_history(subscriber: Subscriber) -> QuerySet:
    return Consent.objects.filter(subscriber=subscriber).select_related("actor").order_by("-at", "-id")


def edition_deliveries(edition) -> QuerySet:
    target_type = ContentType.objects.get_for_model(edition)
    return Delivery.objects.filter(kind=EDITION_MAILING, target_type=target_type, target_id=edition.pk)


def last_edition_sent_to(email: str) -> int | None:
    """The edition most recently sent to `email` (a bounce that does not name its edition answers that one)."""
    return (
        DeliveryRecipient.objects.filter(
            delivery__kind=EDITION_MAILING, email=email, state=DeliveryRecipient.State.SENT
        )
        .order_by("-sent_at")
        .values_list("delivery__target_id", flat=True)
        .first()
    )


@dataclass(frozen=True)
class EditionDeliveryStats:
    recipients: int
    sent: int
    failed: int
    pending: int
    withdrawn: int
    bounced: int
    unsubscribed: int


def edition_delivery_stats(edition) -> EditionDeliveryStats:
    """Per edition: recipients fixed at the order, sent (accepted by the mail server), failed (refused for good),
    pending (queued or deferred), withdrawn (unsubscribed or suspended before their copy went out), bounced
    (addresses that bounced it afterwards) and unsubscribed (through this edition's link)."""
    rows = DeliveryRecipient.objects.filter(delivery__in=edition_deliveries(edition))
    counts = rows.aggregate(
        recipients=Count("pk"),
        sent=Count("pk", filter=Q(state=RowState.SENT)),
        failed=Count("pk", filter=Q(state=RowState.FAILED)),
        pending=Count("pk", filter=Q(state__in=[RowState.QUEUED, RowState.DEFERRED])),
        withdrawn=Count("pk", filter=Q(state=RowState.WITHDRAWN)),
    )
    bounced = Bounce.objects.filter(edition_id=edition.pk).values("email").distinct().count()
    unsubscribed = Consent.objects.filter(
        edition_id=edition.pk, purpose=Consent.Purpose.NEWSLETTER, action=Consent.Action.WITHDRAWN
    ).count()
    return EditionDeliveryStats(**counts, bounced=bounced, unsubscribed=unsubscribed)


def contacts_with_subscription(organisation_id: int) -> list[tuple]:
    """The organisation's contacts with an e-mail address, each with its subscriber state ("" when none)."""
    contacts = list(Contact.objects.filter(organisation_id=organisation_id).exclude(email="").order_by("name"))
    emails = [contact.email.strip().lower() for contact in contacts]
    states = dict(Subscriber.objects.filter(email__in=emails).values_list("email", "state"))
    return [(contact, states.get(email, "")) for contact, email in zip(contacts, emails, strict=True)]
