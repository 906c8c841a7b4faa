"""The map survey (생태계맵 조사): personal links to companies on the map, their answers, and staff review.

Rules (issue 3, "Players and their data"):
- A survey belongs to one year's map and invites every current member with a census address (primary
  contact, else the first contact with an e-mail, else the representative's account) and every non-member
  player with a contact e-mail (Player.contact_email, entered by staff). Each invitation carries a personal
  link `/ecosystem/survey/<token>/`; only the SHA-256 hash of the token is stored, and the token is made
  when its e-mail is sent, so no raw token is a task argument or stored anywhere. A link works for one
  company until `CENSUS_LINK_DAYS` after it was sent or the end of the closing date, whichever is first,
  and never after the survey is closed.
- The company sees its current values for that year (figures, technology inputs, technologies, fields)
  and changes what is wrong; only the changed values are recorded, {field: {"before", "after"}}. An
  answer without changes confirms the values as they are. A second answer replaces a pending one.
- Nothing applies until staff review: applying writes the changed values through
  `placements.save_placement` with source "survey", dated the day of the answer (a company not yet
  placed on that year's map must be placed first); rejecting keeps a note.
- Staff review of an answer is a person's confirmation: applying it keeps the placement confirmed (or
  confirms a draft), by the reviewer, at the time of applying; it never takes a company off the map.
- The invitations go out through the bulk delivery (`alliance.core.delivery`, mailing SURVEY_MAILING):
  each e-mail's token is made as it is built; `sent_at` is set once the mail server has accepted it, so a
  survey opened while the mail server is down is sent to the rest from the survey's page once it is back.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core import links, review
from alliance.core.audit import record_audit
from alliance.core.delivery.ordering import Addressee, order_delivery
from alliance.core.links import check_link, new_token, unsent_token_hash
from alliance.core.mail import render_message
from alliance.ecosystem.models import MapSurvey, MapSurveyInvitation, MapSurveyResponse, Placement, Player, Taxonomy
from alliance.ecosystem.services.placements import FIGURES, save_placement
from alliance.ecosystem.services.players import sync_member_players
from alliance.members.membership import current_members
from alliance.members.queries.census import census_addresses

SURVEY_MAILING = "ecosystem.survey"
LISTS = ("technologies", "fields")
SURVEY_FIELDS = (*FIGURES, *LISTS)
NOT_PLACED = _("Place the company on the %(year)s map before applying its answer.")
NOT_PENDING = _("This answer has already been reviewed.")


def survey_link(token: str) -> str:
    return links.absolute_link("ecosystem:survey_respond", token)


def link_expiry(survey: MapSurvey, now: datetime.datetime) -> datetime.datetime:
    return links.link_expiry(closes_on=survey.closes_on, now=now)


def invitation_for_token(token: str) -> MapSurveyInvitation:
    """The invitation behind a link; MapSurveyInvitation.DoesNotExist or LinkGone (expired, closed)."""
    return links.invitation_for_token(
        MapSurveyInvitation.objects.select_related("survey__taxonomy", "player"),
        token,
        is_open=lambda invitation: invitation.survey.is_open,
    )


def current_values(player: Player, taxonomy: Taxonomy) -> dict:
    """The company's values for the year: its placement's figures and facet names, else its own size."""
    placement = (
        Placement.objects.filter(player=player, taxonomy=taxonomy).prefetch_related("technologies", "fields").first()
    )
    if placement is None:
        values = dict.fromkeys(FIGURES) | {"revenue": player.revenue, "employees": player.employees}
        return values | {"technologies": [], "fields": []}
    values = {name: getattr(placement, name) for name in FIGURES}
    values["technologies"] = sorted(item.name for item in placement.technologies.all())
    values["fields"] = sorted(item.name for item in placement.fields.all())
    return values


def _display(name: str, value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def change_rows(response: MapSurveyResponse) -> list[dict]:
    """The answer's changes for the before/after view (core/_review_changes.html): field label (never the
    field's key), before, after, and the value now on the map."""
    labels = {name: Placement._meta.get_field(name).verbose_name for name in SURVEY_FIELDS}
    current = current_values(response.invitation.player, response.invitation.survey.taxonomy)
    return review.change_rows(response.changes, labels=labels, display=_display, current=current)


def survey_changes(before: dict, after: dict) -> dict:
    """{field: {"before": old, "after": new}} for each survey field whose value differs."""
    normalised = {name: sorted(after[name]) if name in LISTS else after[name] for name in SURVEY_FIELDS}
    return {
        name: {"before": before[name], "after": normalised[name]}
        for name in SURVEY_FIELDS
        if before[name] != normalised[name]
    }


def open_map_survey(*, actor, taxonomy: Taxonomy, title: str, closes_on: datetime.date) -> MapSurvey:
    """Open a survey of `taxonomy`'s year and invite every current member and every non-member player that
    has a contact e-mail.

    Rule: a title; a closing date today or later. Members' players are brought up to date from the
    registry first. Side effects: one invitation each (holding the hash of a token nobody sees until its
    e-mail is built); audit `ecosystem.survey.opened`; a delivery of SURVEY_MAILING to every invitation.
    """
    title = title.strip()
    if not title:
        raise ValidationError(_("Title: enter a title for the survey."))
    if closes_on < timezone.localdate():
        raise ValidationError(_("Closing date: choose today or a later date."))
    now = timezone.now()
    with transaction.atomic():
        survey = MapSurvey.objects.create(taxonomy=taxonomy, title=title, closes_on=closes_on, opened_by=actor)
        members = list(current_members().prefetch_related("fields"))
        players = {player.organisation_id: player for player in sync_member_players(actor=actor, organisations=members)}
        emails = census_addresses([organisation.pk for organisation in members])
        expires_at = link_expiry(survey, now)
        recipients = [(players[org.pk], emails[org.pk]) for org in members if org.pk in emails]
        non_members = Player.objects.filter(organisation__isnull=True).exclude(contact_email="").order_by("pk")
        recipients += [(player, player.contact_email) for player in non_members]
        invitations = MapSurveyInvitation.objects.bulk_create(
            [
                MapSurveyInvitation(
                    survey=survey, player=player, email=email, token_hash=unsent_token_hash(), expires_at=expires_at
                )
                for player, email in recipients
            ],
            batch_size=1000,
        )
        record_audit(
            action="ecosystem.survey.opened",
            actor=actor,
            target=survey,
            after={
                "title": title,
                "year": taxonomy.year,
                "closes_on": closes_on.isoformat(),
                "invited": len(invitations),
            },
        )
        addressees = [Addressee(email=invitation.email, object_id=invitation.pk) for invitation in invitations]
        order_delivery(actor=actor, kind=SURVEY_MAILING, target=survey, addressees=addressees)
    return survey


def build_survey_email(recipient, shared=None):
    """One invitation's survey e-mail with a new personal link.

    Rule: the token is made here, as the e-mail is built, and only its hash is stored (before the e-mail goes
    out, so the link works when it arrives); nothing is sent (None) once the invitation's e-mail has been
    accepted by the mail server or the survey has closed.
    """
    invitation = MapSurveyInvitation.objects.select_related("player", "survey").get(pk=recipient.object_id)
    if invitation.sent_at is not None or not invitation.survey.is_open:
        return None
    token, token_hash = new_token()
    MapSurveyInvitation.objects.filter(pk=invitation.pk).update(token_hash=token_hash)
    context = _email_context(invitation.player, invitation.survey, survey_link(token), invitation.expires_at)
    return render_message("ecosystem/survey/email", context, to=[recipient.email], language=recipient.language)


def survey_email_sent(recipient) -> None:
    """The mail server accepted the invitation's e-mail: it reads as sent, and is not sent again."""
    MapSurveyInvitation.objects.filter(pk=recipient.object_id, sent_at__isnull=True).update(sent_at=timezone.now())


def _email_context(player: Player, survey: MapSurvey, link: str, expires_at: datetime.datetime) -> dict:
    last_day = timezone.localdate(expires_at - datetime.timedelta(microseconds=1))
    return {"player": player, "survey": survey, "link": link, "expires_on": last_day}


def survey_recipients() -> list[tuple[str, str]]:
    """Who opening a survey today would e-mail, as (name, address): each current member with an address
    (`census_addresses`), then each non-member player with a contact e-mail."""
    members = list(current_members().order_by("name").only("pk", "name"))
    emails = census_addresses([organisation.pk for organisation in members])
    recipients = [(organisation.name, emails[organisation.pk]) for organisation in members if organisation.pk in emails]
    non_members = Player.objects.filter(organisation__isnull=True).exclude(contact_email="").order_by("pk")
    return recipients + [(player.name, player.contact_email) for player in non_members]


def sample_survey_email(*, survey: MapSurvey, name: str) -> EmailMultiAlternatives:
    """What the company `name` would receive, unsent (the link is a sample that opens nothing)."""
    expires_at = link_expiry(survey, timezone.now())
    context = _email_context(Player(name=name), survey, survey_link("sample-link"), expires_at)
    return render_message("ecosystem/survey/email", context, to=[])


def submit_survey_response(
    *, invitation: MapSurveyInvitation, values: dict, respondent_name: str = ""
) -> MapSurveyResponse:
    """Record a company's answer through its personal link (see the module rules).

    Side effects: the answer (replacing a pending one); the invitation's `responded_at`; audit
    `ecosystem.survey.responded`.
    """
    respondent_name = respondent_name.strip()
    now = timezone.now()
    with transaction.atomic():
        invitation = (
            MapSurveyInvitation.objects.select_for_update()
            .select_related("survey__taxonomy", "player")
            .get(pk=invitation.pk)
        )
        check_link(invitation, is_open=invitation.survey.is_open, now=now)
        changes = survey_changes(current_values(invitation.player, invitation.survey.taxonomy), values)
        response = review.submit_through_link(
            invitation, MapSurveyResponse, changes=changes, now=now, respondent_name=respondent_name
        )
        status = response.status
        record_audit(
            action="ecosystem.survey.responded",
            actor_label=respondent_name or invitation.player.name,
            target=response,
            after={"status": str(status), "changes": changes},
        )
    return response


def _pending(response: MapSurveyResponse) -> MapSurveyResponse:
    return review.lock_pending(
        MapSurveyResponse.objects.select_related("invitation__survey__taxonomy", "invitation__player"),
        response.pk,
        message=NOT_PENDING,
    )


def apply_survey_response(
    *, actor, response: MapSurveyResponse, expected_version: int | None = None
) -> MapSurveyResponse:
    """Apply a pending answer's changes to the company's placement (source "survey", the answer's date).

    Rule: the staff review is a person's confirmation, so the placement ends confirmed by `actor` (a
    confirmed one stays on the public map; a draft is confirmed) — see the module rules.
    Side effects: the placement (audit `ecosystem.placement.saved`, with the status change if any); the
    answer marked applied; audit `ecosystem.survey.applied`. With `expected_version` (the placement's version
    the review page showed), a placement changed since is refused with core.versions.StaleEditError.
    """
    with transaction.atomic():
        response = _pending(response)
        taxonomy = response.invitation.survey.taxonomy
        player = response.invitation.player
        placement = (
            Placement.objects.filter(player=player, taxonomy=taxonomy)
            .prefetch_related("secondary", "technologies", "fields")
            .first()
        )
        if placement is None:
            raise ValidationError(NOT_PLACED, code="not_placed", params={"year": taxonomy.year})
        changes = response.changes
        technologies = list(placement.technologies.all())
        fields = list(placement.fields.all())
        if "technologies" in changes:
            technologies = list(taxonomy.technologies.filter(name__in=changes["technologies"]["after"]))
        if "fields" in changes:
            fields = list(taxonomy.fields.filter(name__in=changes["fields"]["after"]))
        save_placement(
            actor=actor,
            player=player,
            taxonomy=taxonomy,
            primary=placement.primary,
            secondary=list(placement.secondary.all()),
            technologies=technologies,
            fields=fields,
            figures={name: change["after"] for name, change in changes.items() if name in FIGURES},
            source="survey",
            on=timezone.localdate(response.submitted_at),
            confirm=True,
            expected_version=expected_version,
        )
        review.record_review(
            response,
            actor=actor,
            status=MapSurveyResponse.Status.APPLIED,
            action="ecosystem.survey.applied",
            after={"changes": changes},
        )
    return response


def reject_survey_response(*, actor, response: MapSurveyResponse, note: str) -> MapSurveyResponse:
    """Reject a pending answer, with a note. Side effect: audit `ecosystem.survey.rejected`."""
    with transaction.atomic():
        response = _pending(response)
        review.record_review(
            response,
            actor=actor,
            status=MapSurveyResponse.Status.REJECTED,
            note=note,
            action="ecosystem.survey.rejected",
        )
    return response
