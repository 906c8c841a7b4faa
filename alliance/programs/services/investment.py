"""Setting up and scheduling the investment consultation day (KMF 투자마켓).

Rules: the time grid is the programme's (default the seed's eight slots); desks are investors (VC/AC, a
Role.INVESTOR account) or the legal desk; companies are member organisations that rank the desks they want
to meet; an investor may decline a company before scheduling; awardees may be given priority. The
scheduler (alliance.programs.scheduling, OR-Tools CP-SAT) replaces the scheduled meetings and records
whether its result is proven optimal. Every write is one transaction with its audit entry.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.roles import Role
from alliance.core.versions import bump_version, check_version
from alliance.programs import scheduling
from alliance.programs.models import DayCompany, Decline, Desk, InvestmentDay, Meeting, MeetingRequest
from alliance.programs.models.investment import HOLDING_STATUSES
from alliance.programs.scheduling.grid import time_grid
from alliance.programs.services.investment_calendar import bump_sequence
from alliance.programs.services.investment_cancellations import order_cancellation_emails
from alliance.programs.services.investment_updates import order_update_emails

DEFAULT_TIME_LIMIT = 10.0


def _grid_error(error: scheduling.ProblemError) -> ValidationError:
    return ValidationError(_(error.template) % error.params)


def _check_slots(day: InvestmentDay, slots, what: str) -> list[str]:
    grid = day.slots
    for slot in slots:
        if slot not in grid:
            raise ValidationError(
                _("%(what)s: %(slot)s is not a meeting time of this day (%(grid)s).")
                % {"what": what, "slot": slot, "grid": ", ".join(grid)}
            )
    return sorted(set(slots), key=grid.index)


def configure_day(
    *,
    actor,
    programme,
    date=None,
    venue="",
    starts,
    ends,
    every_minutes,
    length_minutes,
    breaks,
    expected_version: int | None = None,
) -> InvestmentDay:
    """Create or change the day and its time grid.

    Refused when a live meeting would fall outside the new grid, and with core.versions.StaleEditError when
    the day was changed since `expected_version` (the version its form was loaded with).
    Side effects: a new date, venue or meeting length raises every meeting's calendar revision; the day's
    version moves on; audit `programs.investment.day_configured`.
    """
    try:
        slots = time_grid(
            start=starts, end=ends, every=every_minutes, length=length_minutes, breaks=tuple(map(tuple, breaks))
        )
    except scheduling.ProblemError as error:
        raise _grid_error(error) from error
    if not slots:
        raise ValidationError(_("No meeting fits in this time grid."))
    with transaction.atomic():
        day, created = InvestmentDay.objects.select_for_update().get_or_create(programme=programme)
        if not created:
            check_version(day, expected_version)
        stranded = day.meetings.filter(status__in=HOLDING_STATUSES).exclude(slot__in=slots)
        if not created and stranded.exists():
            raise ValidationError(
                _("Meetings at %(slots)s would fall outside the new grid; move or cancel them first.")
                % {"slots": ", ".join(sorted(set(stranded.values_list("slot", flat=True))))}
            )
        before = _day_snapshot(day) if not created else None
        moved = (day.date, day.venue, day.length_minutes) != (date, venue, length_minutes)
        day.date, day.venue, day.starts, day.ends = date, venue, starts, ends
        day.every_minutes, day.length_minutes, day.breaks = every_minutes, length_minutes, [list(b) for b in breaks]
        bump_version(day)
        day.save()
        if moved and not created:  # every meeting's date, place or end changed: calendars must take the new one
            bump_sequence(day.meetings.all())
            order_update_emails(actor=actor, day=day, meetings=day.meetings.filter(status__in=HOLDING_STATUSES))
        record_audit(
            action="programs.investment.day_configured",
            target=day,
            actor=actor,
            before=before,
            after=_day_snapshot(day),
        )
    return day


def _day_snapshot(day: InvestmentDay) -> dict:
    return {"date": str(day.date or ""), "venue": day.venue, "slots": day.slots}


def add_desk(*, actor, day, kind, firm, person="", user=None, unavailable=()) -> Desk:
    """Add an investor or the legal desk as a column of the grid.

    An account given must be an investor's (Role.INVESTOR) and not already at a desk of the day.
    Side effects: audit `programs.investment.desk_added`.
    """
    if user is not None and not user.has_role(Role.INVESTOR):
        raise ValidationError(_("%(user)s is not an investor account.") % {"user": user.email})
    if user is not None and day.desks.filter(user=user).exists():
        raise ValidationError(_("%(user)s already has a desk on this day.") % {"user": user.email})
    slots = _check_slots(day, unavailable, firm)
    with transaction.atomic():
        desk = Desk.objects.create(
            day=day,
            kind=kind,
            firm=firm.strip(),
            person=person.strip(),
            user=user,
            unavailable=slots,
            position=day.desks.count(),
        )
        record_audit(
            action="programs.investment.desk_added",
            target=desk,
            actor=actor,
            after={"kind": kind, "firm": desk.firm, "person": desk.person, "unavailable": slots},
        )
    return desk


def set_unavailable(*, actor, participant, unavailable, expected_version: int | None = None) -> None:
    """Set the slots a desk or a company cannot attend (a Desk or a DayCompany).

    Refused when a live meeting already sits in one of them, and with core.versions.StaleEditError when the
    participant changed since `expected_version` (its form's). Side effects: its version moves on when the
    slots change; audit `programs.investment.availability_changed`.
    """
    slots = _check_slots(participant.day, unavailable, str(participant))
    lookup = "desk" if isinstance(participant, Desk) else "company"
    with transaction.atomic():
        check_version(participant, expected_version)
        clash = Meeting.objects.filter(**{lookup: participant}, slot__in=slots, status__in=HOLDING_STATUSES)
        if clash.exists():
            raise ValidationError(
                _("%(who)s has a meeting at %(slot)s; move or cancel it first.")
                % {"who": participant, "slot": clash.first().slot}
            )
        before = {"unavailable": participant.unavailable}
        if list(participant.unavailable) != slots:
            bump_version(participant)
        participant.unavailable = slots
        participant.save(update_fields=["unavailable"])
        record_audit(
            action="programs.investment.availability_changed",
            target=participant,
            actor=actor,
            before=before,
            after={"unavailable": slots},
        )


def add_company(*, actor, day, organisation, priority=False) -> DayCompany:
    """Register a member company for the day.

    Rule: the company is a member today (`members.membership`: joined on or before today, not withdrawn).
    Side effects: audit `programs.investment.company_added`.
    """
    if not organisation.is_member_on(timezone.localdate()):
        raise ValidationError(_("%(name)s is not a member today.") % {"name": organisation.name})
    if day.companies.filter(organisation=organisation).exists():
        raise ValidationError(_("%(name)s is already registered for this day.") % {"name": organisation.name})
    with transaction.atomic():
        company = DayCompany.objects.create(day=day, organisation=organisation, priority=priority)
        record_audit(
            action="programs.investment.company_added", target=company, actor=actor, after={"priority": priority}
        )
    return company


def set_priority(*, actor, company, priority: bool) -> None:
    """Give an awardee priority in the scheduler's second stage. Side effects: the company's version moves on
    when it changes; audit `programs.investment.priority_set`."""
    with transaction.atomic():
        before = {"priority": company.priority}
        if company.priority != priority:
            bump_version(company)
        company.priority = priority
        company.save(update_fields=["priority"])
        record_audit(
            action="programs.investment.priority_set",
            target=company,
            actor=actor,
            before=before,
            after={"priority": priority},
        )


def set_company_settings(*, actor, company, priority: bool, unavailable, expected_version: int | None = None) -> None:
    """Staff set a company's priority and unavailable slots together (`set_priority`, `set_unavailable`), in one
    transaction: refused with core.versions.StaleEditError when the company changed since `expected_version`
    (its form's), and nothing is written when either is refused."""
    with transaction.atomic():
        check_version(company, expected_version)
        set_priority(actor=actor, company=company, priority=priority)
        set_unavailable(actor=actor, participant=company, unavailable=unavailable)


def set_requests(*, actor, company, desks, expected_version: int | None = None) -> None:
    """Replace the company's requests by `desks`, in order of preference (first = rank 1).

    Desks must be of the company's day and listed once; refused with core.versions.StaleEditError when the
    company changed since `expected_version` (the version its form was loaded with: the company and staff both
    edit the requests). Side effects: the company's version moves on when the requests change; audit
    `programs.investment.requests_set` (desk names before and after).
    """
    desks = list(desks)
    for desk in desks:
        if desk.day_id != company.day_id:
            raise ValidationError(_("%(desk)s is not a desk of this day.") % {"desk": desk})
    if len({desk.pk for desk in desks}) != len(desks):
        raise ValidationError(_("Each investor may be requested once."))
    with transaction.atomic():
        check_version(company, expected_version)
        held = list(company.requests.select_related("desk").order_by("rank"))
        before = [str(r.desk) for r in held]
        if [r.desk_id for r in held] != [desk.pk for desk in desks]:
            bump_version(company)
        company.requests.all().delete()
        MeetingRequest.objects.bulk_create(
            MeetingRequest(company=company, desk=desk, rank=rank) for rank, desk in enumerate(desks, start=1)
        )
        record_audit(
            action="programs.investment.requests_set",
            target=company,
            actor=actor,
            before={"requested_investors": before},
            after={"requested_investors": [str(desk) for desk in desks]},
        )


def set_decline(*, actor, desk, company, declined: bool) -> None:
    """An investor declines (or accepts again) meeting a company, before the day is scheduled.

    Refused once the company has a live meeting at the desk. Side effects: the desk's version moves on when
    it changes; audit `programs.investment.declined` or `programs.investment.decline_withdrawn`.
    """
    if desk.day_id != company.day_id:
        raise ValidationError(_("%(company)s is not registered for this day.") % {"company": company})
    with transaction.atomic():
        if declined and desk.meetings.filter(company=company, status__in=HOLDING_STATUSES).exists():
            raise ValidationError(
                _("%(company)s already has a meeting with %(desk)s; staff can cancel it.")
                % {"company": company, "desk": desk}
            )
        if declined:
            created = Decline.objects.get_or_create(desk=desk, company=company)[1]
        else:
            created = bool(Decline.objects.filter(desk=desk, company=company).delete()[0])
        if created:
            bump_version(desk)
            action = "programs.investment.declined" if declined else "programs.investment.decline_withdrawn"
            record_audit(action=action, target=desk, actor=actor, after={"company": str(company)})


def set_declines(*, actor, desk, companies, expected_version: int | None = None) -> None:
    """Make `companies` exactly the set the investor declines, in one transaction (see `set_decline`); refused
    with core.versions.StaleEditError when the desk changed since `expected_version` (its form's)."""
    wanted = {company.pk: company for company in companies}
    with transaction.atomic():
        check_version(desk, expected_version)
        current = set(desk.declines.values_list("company_id", flat=True))
        for company in desk.day.companies.filter(pk__in=current ^ set(wanted)).select_related("organisation"):
            set_decline(actor=actor, desk=desk, company=company, declined=company.pk in wanted)


def problem_for_day(day: InvestmentDay) -> scheduling.Problem:
    """The day as a scheduling problem: desk and company ids are their primary keys as text."""
    desks = list(day.desks.prefetch_related("declines"))
    companies = list(day.companies.prefetch_related("requests"))
    return scheduling.parse_problem(
        {
            "slots": day.slots,
            "investors": [
                {
                    "id": str(desk.pk),
                    "unavailable": [s for s in desk.unavailable if s in day.slots],
                    "declines": [str(d.company_id) for d in desk.declines.all()],
                }
                for desk in desks
            ],
            "companies": [
                {
                    "id": str(company.pk),
                    "unavailable": [s for s in company.unavailable if s in day.slots],
                    "requests": [str(r.desk_id) for r in sorted(company.requests.all(), key=lambda r: r.rank)],
                    "priority": company.priority,
                }
                for company in companies
            ],
        }
    )


def refuse_once_started(day: InvestmentDay) -> None:
    """Rule: the scheduler may replace the schedule only until a meeting has been held or marked a no-show."""
    if day.meetings.filter(status__in=[Meeting.Status.HELD, Meeting.Status.NO_SHOW]).exists():
        raise ValidationError(_("Meetings have already taken place; adjust the schedule by hand."))


def _apply_solution(day: InvestmentDay, solution: scheduling.Solution) -> tuple[int, list[Meeting], list[Meeting]]:
    """Make the day's not-yet-held meetings those of `solution`, keeping each company–desk pair's meeting row
    (its calendar UID) when the pair meets again: its time and status follow, its revision is raised when they
    change. A scheduled meeting the solution no longer holds is cancelled, not deleted, so calendars drop it.
    Returns the number of meetings scheduled before, those just cancelled, and those new or changed (booked
    anew, moved to another slot, or held again)."""
    existing = list(day.meetings.filter(status__in=[Meeting.Status.SCHEDULED, Meeting.Status.CANCELLED]).order_by("pk"))
    by_pair = {}
    for meeting in existing:  # a pair's scheduled meeting wins over its cancelled ones, the latest among those
        current = by_pair.get((meeting.desk_id, meeting.company_id))
        if current is None or current.status == Meeting.Status.CANCELLED:
            by_pair[(meeting.desk_id, meeting.company_id)] = meeting
    scheduled_before = [m for m in existing if m.status == Meeting.Status.SCHEDULED]
    # Free every slot first: the rows then take their new places without meeting the unique constraints midway.
    Meeting.objects.filter(pk__in=[m.pk for m in scheduled_before]).update(status=Meeting.Status.CANCELLED)
    kept, created, changed = set(), [], []
    for planned in solution.meetings:
        meeting = by_pair.get((int(planned.investor), int(planned.company)))
        if meeting is None:
            created.append(
                Meeting(day=day, desk_id=int(planned.investor), company_id=int(planned.company), slot=planned.slot)
            )
            continue
        if (meeting.status, meeting.slot) != (Meeting.Status.SCHEDULED, planned.slot):
            meeting.sequence += 1
            changed.append(meeting)
        meeting.slot, meeting.status, meeting.source = planned.slot, Meeting.Status.SCHEDULED, Meeting.Source.SOLVER
        meeting.save(update_fields=["slot", "status", "source", "sequence"])
        kept.add(meeting.pk)
    Meeting.objects.bulk_create(created)
    dropped = [m for m in scheduled_before if m.pk not in kept]
    for meeting in dropped:
        meeting.status, meeting.sequence = Meeting.Status.CANCELLED, meeting.sequence + 1
        meeting.save(update_fields=["status", "sequence"])
    return len(scheduled_before), dropped, changed + created


def schedule_day(*, actor, day, time_limit: float = DEFAULT_TIME_LIMIT) -> scheduling.Solution:
    """Run the scheduler and make every not-yet-held meeting its result (see `_apply_solution`: a company–desk
    pair that meets again keeps its meeting and calendar UID; one no longer held is cancelled).

    Refused once a meeting has been held or marked a no-show: from then on staff adjust by hand.
    Side effects: the day's run figures (optimal, satisfied, bound, seconds); once the schedules were sent,
    the cancellation e-mails of the meetings cancelled (`investment_cancellations`) and the invitations of
    those new or moved (`investment_updates`); audit
    `programs.investment.scheduled`.
    """
    solution = scheduling.solve(problem_for_day(day), time_limit=time_limit)
    with transaction.atomic():
        day = InvestmentDay.objects.select_for_update().get(pk=day.pk)
        refuse_once_started(day)
        removed, cancelled, changed = _apply_solution(day, solution)
        day.scheduled_at = timezone.now()
        day.schedule_optimal = solution.optimal
        day.schedule_satisfied = solution.satisfied
        day.schedule_bound = solution.bound
        day.schedule_seconds = solution.seconds
        day.save()
        record_audit(
            action="programs.investment.scheduled",
            target=day,
            actor=actor,
            before={"meeting_count": removed},
            after={"meeting_count": solution.satisfied, "optimal": solution.optimal, "bound": solution.bound},
        )
        order_cancellation_emails(actor=actor, day=day, meetings=cancelled)
        order_update_emails(actor=actor, day=day, meetings=changed)
    return solution
