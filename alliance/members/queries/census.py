"""Reads of the member census shared by its pages and services: rates, non-responders, stale entries."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from alliance.core.models import DeliveryRecipient, User
from alliance.core.roles import Role
from alliance.members.membership import current_members
from alliance.members.models import CensusInvitation, CensusResponse, CensusRound, Contact, Organisation

CENSUS_MAILING = "members.census"  # the census e-mails' mailing (alliance.core.delivery)


def contact_emails(organisation_ids) -> dict[int, str]:
    """Each organisation's census address: its primary contact's e-mail, else its first contact's with one."""
    emails: dict[int, str] = {}
    rows = (
        Contact.objects.filter(organisation_id__in=organisation_ids)
        .exclude(email="")
        .order_by("organisation_id", "-is_primary", "pk")
        .values_list("organisation_id", "email")
    )
    for organisation_id, email in rows:
        emails.setdefault(organisation_id, email)
    return emails


def census_addresses(organisation_ids) -> dict[int, str]:
    """Where each organisation's census e-mail goes: its contact's e-mail (`contact_emails`), else the e-mail
    of its representative's account (the earliest active one); organisations with neither are left out."""
    ids = list(organisation_ids)
    addresses = contact_emails(ids)
    accounts = (
        User.objects.with_role(Role.MEMBER_REP)
        .filter(organisation_id__in=[pk for pk in ids if pk not in addresses], is_active=True)
        .exclude(email="")
        .order_by("organisation_id", "pk")
        .values_list("organisation_id", "email")
    )
    for organisation_id, email in accounts:
        addresses.setdefault(organisation_id, email)
    return addresses


def response_rate(responded: int, invited: int) -> Decimal:
    """Responded / invited × 100, to one decimal, half up (0.0 when nobody was invited)."""
    if not invited:
        return Decimal("0.0")
    return (Decimal(responded) * 100 / Decimal(invited)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def rounds_with_counts() -> QuerySet[CensusRound]:
    """Rounds annotated with `invited`, `responded` and `pending` (responses awaiting review)."""
    return CensusRound.objects.annotate(
        invited=Count("invitations", distinct=True),
        responded=Count("invitations", filter=Q(invitations__responded_at__isnull=False), distinct=True),
        pending=Count(
            "invitations__responses",
            filter=Q(invitations__responses__status=CensusResponse.Status.PENDING),
            distinct=True,
        ),
    ).order_by("-opened_at", "-id")


def delivered_q() -> Exists:
    """Whether an e-mail of the invitation reached the mail server: a sent row of a census delivery for it
    (`sent_at` is when its link was first issued, which a mail server that is down does not undo)."""
    return Exists(
        DeliveryRecipient.objects.filter(
            delivery__kind=CENSUS_MAILING, object_id=OuterRef("pk"), state=DeliveryRecipient.State.SENT
        )
    )


def non_responders(census_round: CensusRound) -> QuerySet[CensusInvitation]:
    """The invitations not answered yet, each with `delivered` (see `delivered_q`)."""
    return (
        census_round.invitations.filter(responded_at__isnull=True)
        .select_related("organisation")
        .annotate(delivered=delivered_q())
    )


def uninvited_members(census_round: CensusRound) -> QuerySet[Organisation]:
    """Current members without an invitation in this round: they had no e-mail address (neither a contact's
    nor a representative's) when it opened."""
    return current_members().exclude(pk__in=census_round.invitations.values("organisation_id")).order_by("name")


def pending_responses(census_round: CensusRound) -> QuerySet[CensusResponse]:
    return CensusResponse.objects.filter(
        invitation__census_round=census_round, status=CensusResponse.Status.PENDING
    ).select_related("invitation__organisation")


def stale_members(today: datetime.date | None = None) -> QuerySet[Organisation]:
    """Current members never confirmed, or last confirmed more than `CONFIRMATION_STALE_DAYS` ago;
    never-confirmed first, then the oldest confirmation first."""
    today = today or timezone.localdate()
    limit = today - datetime.timedelta(days=settings.CONFIRMATION_STALE_DAYS)
    return (
        current_members(today)
        .filter(Q(last_confirmed_on__isnull=True) | Q(last_confirmed_on__lt=limit))
        .order_by(F("last_confirmed_on").asc(nulls_first=True), "name")
        .only("pk", "name", "category", "sido", "joined_on", "last_confirmed_on")
    )
