"""What the census's mass actions say before they act (core/confirm.py): opening a round (invitations to every
member with an address), reminding the organisations that have not answered, closing a round; and the e-mail
previews their confirmation pages frame."""

import datetime
from urllib.parse import urlencode

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from alliance.core.confirm import ORGANISATIONS, Confirmation, email_preview_response
from alliance.core.permissions import permission_required
from alliance.members.membership import current_members
from alliance.members.models import CensusRound, Organisation
from alliance.members.queries import census as census_queries
from alliance.members.services import census as service

PERMISSION = "members.run_census"


def _sample(census_round: CensusRound, kind: str, organisations):
    organisation = organisations[0] if organisations else None
    if organisation is None:
        return None
    return lambda: service.sample_census_email(census_round=census_round, kind=kind, organisation=organisation)


def opening_confirmation(title: str, closes_on: datetime.date) -> Confirmation:
    members = list(current_members().order_by("name").only("pk", "name"))
    addresses = census_queries.census_addresses([member.pk for member in members])
    invited = [member for member in members if member.pk in addresses]
    warnings = []
    if missing := len(members) - len(invited):
        warnings.append(
            _("%(count)s member organisations have no e-mail address and are not invited.") % {"count": f"{missing:,}"}
        )
    preview = reverse("members:census_open_preview") + "?" + _query(title, closes_on)
    return Confirmation(
        title=_("Open a census round"),
        summary=_("The round “%(title)s” opens and each organisation below receives its personal link by e-mail.")
        % {"title": title},
        count=len(invited),
        unit=ORGANISATIONS,
        names=[member.name for member in invited],
        warnings=warnings,
        refusals=[] if invited else [_("No member organisation has an e-mail address: nobody would be invited.")],
        cancel_url=reverse("members:census_rounds"),
        confirm_label=_("Open the round and send the links"),
        preview_url=preview,
        sample_email=_sample(CensusRound(title=title, closes_on=closes_on), service.INVITE, invited),
    )


def _query(title: str, closes_on: datetime.date) -> str:
    return urlencode({"title": title, "closes_on": closes_on.isoformat()})


def reminder_confirmation(census_round: CensusRound) -> Confirmation:
    waiting = list(census_queries.non_responders(census_round).order_by("organisation__name"))
    refusals = []
    if not census_round.is_open:
        refusals.append(_("This census round is closed; reminders can no longer be sent."))
    elif not waiting:
        refusals.append(_("Every invited organisation has answered: there is nobody to remind."))
    organisations = [invitation.organisation for invitation in waiting]
    return Confirmation(
        title=_("Remind those who have not answered"),
        summary=_("Each organisation below receives its link again by e-mail; the link is renewed."),
        count=len(waiting),
        unit=ORGANISATIONS,
        names=[organisation.name for organisation in organisations],
        refusals=refusals,
        cancel_url=reverse("members:census_round_detail", args=[census_round.pk]),
        confirm_label=_("Send reminders to non-responders"),
        preview_url=reverse("members:census_remind_preview", args=[census_round.pk]),
        sample_email=_sample(census_round, service.REMIND, organisations),
    )


def closing_confirmation(census_round: CensusRound) -> Confirmation:
    waiting = list(census_queries.non_responders(census_round).order_by("organisation__name"))
    return Confirmation(
        title=_("Close the census round"),
        summary=_("The links stop working: the organisations below have not answered and no longer can."),
        count=len(waiting),
        unit=ORGANISATIONS,
        names=[invitation.organisation.name for invitation in waiting],
        refusals=[] if census_round.is_open else [_("This census round is already closed.")],
        cancel_url=reverse("members:census_round_detail", args=[census_round.pk]),
        confirm_label=_("Close the round"),
    )


def _placeholder() -> Organisation:
    return Organisation(name=_("(organisation name)"))


@permission_required(PERMISSION)
@require_GET
def census_open_preview(request):
    """The invitation a round with the given title and closing date would send (sample link)."""
    closes_on = parse_date(request.GET.get("closes_on", "")) or timezone.localdate()
    census_round = CensusRound(title=request.GET.get("title", "")[:200], closes_on=closes_on)
    organisation = current_members().order_by("name").first() or _placeholder()
    return email_preview_response(
        service.sample_census_email(census_round=census_round, kind=service.INVITE, organisation=organisation)
    )


@permission_required(PERMISSION)
@require_GET
def census_remind_preview(request, pk: int):
    census_round = get_object_or_404(CensusRound, pk=pk)
    waiting = census_queries.non_responders(census_round).order_by("organisation__name").first()
    organisation = waiting.organisation if waiting else current_members().order_by("name").first() or _placeholder()
    return email_preview_response(
        service.sample_census_email(census_round=census_round, kind=service.REMIND, organisation=organisation)
    )
