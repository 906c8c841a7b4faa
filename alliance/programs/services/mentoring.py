"""Mentoring: the mentor pool per field, matching mentors to groups by field in two rounds, scheduling,
the mentor's feedback, and the groups' interim results.

Rules:
- A mentor is an evaluator/mentor account (Role.EVALUATOR), in one field of a programme's pool.
- A group is matched to one mentor per round, from the pool of the group's own mentoring field, never to a
  mentor who works at one of the group's companies (conflict of interest).
- Only the session's own mentor records feedback, and only for a scheduled session.
Every write is audited in its own transaction.
"""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit, snapshot
from alliance.core.roles import Role, holds_role
from alliance.core.tasks import enqueue_on_commit
from alliance.core.versions import bump_version, check_version
from alliance.programs import tasks
from alliance.programs.default_rubric import MENTORING_FIELDS
from alliance.programs.models import InterimResult, Mentor, MentoringSession, Programme, ProjectGroup
from alliance.programs.models.mentoring import ROUNDS
from alliance.programs.queries import groups_going_on
from alliance.programs.uploads import check_attachment


def _check_round(round_number: int) -> None:
    if round_number not in ROUNDS:
        raise ValidationError(_("Mentoring has rounds 1 and 2 only."))


def add_mentor(*, actor, programme: Programme, user, field: str, expertise: str = "") -> Mentor:
    """Put an evaluator/mentor account into the programme's pool for one field.

    Side effects: audit entry `programs.mentor.added`.
    """
    if not user.has_role(Role.EVALUATOR):
        raise ValidationError(_("%(name)s is not an evaluator/mentor account.") % {"name": user.name})
    if field not in MENTORING_FIELDS:
        raise ValidationError(_("Choose one of the mentoring fields."))
    try:
        with transaction.atomic():
            mentor = Mentor.objects.create(programme=programme, user=user, field=field, expertise=expertise.strip())
            record_audit(
                action="programs.mentor.added",
                actor=actor,
                target=programme,
                after={"mentor": user.name, "mentoring_field": field},
            )
    except IntegrityError as error:
        raise ValidationError(
            _("%(name)s is already in this programme's mentor pool.") % {"name": user.name}
        ) from error
    return mentor


def _conflicts(mentor: Mentor, group: ProjectGroup) -> bool:
    organisation_id = mentor.user.organisation_id
    return organisation_id is not None and group.members.filter(organisation_id=organisation_id).exists()


def match_mentor(*, actor, group: ProjectGroup, round_number: int, mentor: Mentor) -> MentoringSession:
    """Match a group to a mentor of its field for a round (replacing an unscheduled match of that round).

    Refused for a mentor of another field or programme, a mentor at one of the group's companies, and a
    round whose session is already scheduled.
    Side effects: audit entry `programs.mentoring.matched` (mentor before and after).
    """
    _check_round(round_number)
    if mentor.programme_id != group.programme_id:
        raise ValidationError(_("Choose a mentor of this programme's pool."))
    if not group.mentoring_field:
        raise ValidationError(
            _("%(group)s has no mentoring field; it is chosen when the group is formed.") % {"group": group.name}
        )
    if mentor.field != group.mentoring_field:
        raise ValidationError(
            _("%(mentor)s mentors %(field)s, not the group's field (%(group_field)s).")
            % {"mentor": mentor.user.name, "field": mentor.field, "group_field": group.mentoring_field}
        )
    if _conflicts(mentor, group):
        raise ValidationError(
            _("%(mentor)s works at one of the companies of %(group)s and cannot mentor it.")
            % {"mentor": mentor.user.name, "group": group.name}
        )
    with transaction.atomic():
        session = (
            MentoringSession.objects.select_for_update(of=("self",))
            .select_related("mentor__user")
            .filter(group=group, round_number=round_number)
            .first()
        )
        before = {"mentor": session.mentor.user.name} if session else None
        if session is not None and session.is_scheduled:
            raise ValidationError(_("This round's session is already scheduled; the mentor can no longer change."))
        if session is None:
            session = MentoringSession(group=group, round_number=round_number)
        session.mentor, session.matched_by = mentor, actor
        session.save()
        record_audit(
            action="programs.mentoring.matched",
            actor=actor,
            target=group,
            before=before,
            after={"mentor": mentor.user.name, "round_number": round_number},
        )
    return session


def plan_match_by_field(programme: Programme, round_number: int) -> list[tuple[ProjectGroup, Mentor]]:
    """The (group, mentor) pairs `match_by_field` would make now, in its order, writing nothing (also what its
    confirmation page lists)."""
    _check_round(round_number)
    mentors = list(Mentor.objects.filter(programme=programme).select_related("user"))
    load = Counter(
        MentoringSession.objects.filter(group__programme=programme, round_number=round_number).values_list(
            "mentor_id", flat=True
        )
    )
    waiting = (
        groups_going_on(programme.pk)
        .exclude(mentoring_sessions__round_number=round_number)
        .exclude(mentoring_field="")
        .order_by("name")
    )
    pairs = []
    for group in waiting:
        eligible = [m for m in mentors if m.field == group.mentoring_field and not _conflicts(m, group)]
        if not eligible:
            continue
        mentor = min(eligible, key=lambda m: (load[m.pk], m.user.name, m.pk))
        load[mentor.pk] += 1
        pairs.append((group, mentor))
    return pairs


def match_by_field(*, actor, programme: Programme, round_number: int) -> int:
    """Match every group of the programme still in the competition (`queries.groups_going_on`: once the
    document screening is decided, only the groups that went on) and without a mentor in the round to the
    least-loaded conflict-free mentor of its field (ties: the mentor's name, then id). Groups without a field
    or an eligible mentor stay unmatched (the staff list shows them). Returns the number matched.
    Side effects: those of `match_mentor`, per group.
    """
    pairs = plan_match_by_field(programme, round_number)
    for group, mentor in pairs:
        match_mentor(actor=actor, group=group, round_number=round_number, mentor=mentor)
    return len(pairs)


def schedule_session(
    *,
    actor,
    session: MentoringSession,
    starts_at,
    place: str,
    notify: bool = True,
    expected_version: int | None = None,
) -> MentoringSession:
    """Set or move the session's time and place (staff or the session's mentor).

    Refused with core.versions.StaleEditError when the session was moved since `expected_version` (the version
    its form was loaded with: staff and the mentor both schedule it).
    Side effects: the session's version moves on when the time or place changes; audit entry
    `programs.mentoring.scheduled` (time and place before and after); when they changed (and `notify`), an
    e-mail to the mentor and the group's representatives after the commit.
    """
    if starts_at is None:
        raise ValidationError(_("Give the session's date and time."))
    with transaction.atomic():
        session = MentoringSession.objects.select_for_update().get(pk=session.pk)
        check_version(session, expected_version)
        before = snapshot(session, ("starts_at", "place"))
        session.starts_at, session.place = starts_at, place.strip()
        if before != snapshot(session, ("starts_at", "place")):
            bump_version(session)
        session.save(update_fields=["starts_at", "place"])
        record_audit(
            action="programs.mentoring.scheduled",
            actor=actor,
            target=session.group,
            before=before,
            after={**snapshot(session, ("starts_at", "place")), "round_number": session.round_number},
        )
        if notify and before != snapshot(session, ("starts_at", "place")):
            enqueue_on_commit(tasks.send_session_email, session_id=session.pk)
    return session


def record_feedback(*, actor, session: MentoringSession, feedback: str) -> MentoringSession:
    """The session's mentor records (or corrects) the feedback of a scheduled session.

    Side effects: audit entry `programs.mentoring.feedback` (feedback before and after).
    """
    feedback = feedback.strip()
    if not feedback:
        raise ValidationError(_("Write the feedback."))
    with transaction.atomic():
        session = (
            MentoringSession.objects.select_for_update(of=("self",))
            .select_related("mentor", "group")
            .get(pk=session.pk)
        )
        if session.mentor.user_id != getattr(actor, "pk", None):
            raise ValidationError(_("Only the session's mentor records its feedback."))
        if not session.is_scheduled:
            raise ValidationError(_("Schedule the session before recording feedback."))
        before = snapshot(session, ("feedback",))
        session.feedback, session.feedback_at = feedback, timezone.now()
        session.save(update_fields=["feedback", "feedback_at"])
        record_audit(
            action="programs.mentoring.feedback",
            actor=actor,
            target=session.group,
            before=before,
            after={"feedback": feedback, "round_number": session.round_number},
        )
    return session


def upload_interim_result(*, actor, group: ProjectGroup, round_number: int, upload) -> InterimResult:
    """A representative of one of the group's companies uploads interim results (PDF, HWP/HWPX, PPTX, DOCX).

    Side effects: the stored file; audit entry `programs.mentoring.interim_uploaded`.
    """
    _check_round(round_number)
    organisation_id = getattr(actor, "organisation_id", None)
    if not holds_role(actor, Role.MEMBER_REP) or not group.members.filter(organisation_id=organisation_id).exists():
        raise ValidationError(_("Only the representatives of the group's companies upload its interim results."))
    check_attachment(upload)
    original_name = upload.name.rsplit("/", 1)[-1][:255]
    with transaction.atomic():
        result = InterimResult(
            group=group, round_number=round_number, original_name=original_name, size=upload.size, uploaded_by=actor
        )
        result.file.save(original_name, upload, save=False)
        result.save()
        record_audit(
            action="programs.mentoring.interim_uploaded",
            actor=actor,
            target=group,
            after={"file": original_name, "round_number": round_number},
        )
    return result
