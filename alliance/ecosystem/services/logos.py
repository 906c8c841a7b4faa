"""Logo uploads: staff apply directly; a member's representative submits into the approval queue.

Rules (issue 3, "Logos"):
- Every file is cleaned first (alliance/ecosystem/logo_sanitiser.py: SVG sanitised and cropped, PNG checked, size
  limits); a refused file writes nothing and says why.
- Files are named by the SHA-256 of the cleaned bytes: the approved logo lives at
  `ecosystem/logos/<hash>.<svg|png>` and is served with a one-year immutable cache lifetime (a new logo is a
  new name, so no cache ever shows a stale one).
- Staff uploads apply at once (recorded as an approved submission); a representative may submit only for
  the player of their own organisation, and the logo shows after staff approve it.
Side effects: the file in storage, a LogoSubmission row, Player.logo when applied, one audit entry each.
"""

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core import review
from alliance.core.audit import record_audit
from alliance.ecosystem.logo_sanitiser import CleanLogo, clean_logo
from alliance.ecosystem.models import LogoSubmission, Player

LOGO_DIR = "ecosystem/logos/"
SUBMISSION_DIR = "ecosystem/logo-submissions/"


def store_by_hash(directory: str, logo: CleanLogo) -> str:
    """The storage name of the cleaned file, written once (same content, same name)."""
    name = f"{directory}{logo.filename}"
    if not default_storage.exists(name):
        saved = default_storage.save(name, ContentFile(logo.content))
        assert saved == name, "content-addressed logo names must not be altered by the storage"
    return name


def submit_logo(*, actor, player: Player, content: bytes, filename: str) -> LogoSubmission:
    """Clean the file; staff: apply it now; a representative of the player's organisation: queue it.

    Rule: `ecosystem.submit_logo` for the player (alliance/ecosystem/rules.py).
    Raises LogoError (nothing written) for a refused file, PermissionDenied for anyone else.
    """
    if not actor.has_perm("ecosystem.submit_logo", player):
        raise PermissionDenied("not allowed to submit a logo for this player")
    logo = clean_logo(content, filename)
    with transaction.atomic():
        submission = LogoSubmission(player=player, submitted_by=actor, content_hash=logo.sha256)
        submission.file.name = store_by_hash(SUBMISSION_DIR, logo)
        submission.changes = {"logo": {"before": player.logo.name, "after": submission.file.name}}
        if actor.has_perm("ecosystem.review_logos"):  # a reviewer's own upload needs no review
            submission.status = LogoSubmission.Status.APPLIED
            submission.reviewed_by = actor
            submission.reviewed_at = timezone.now()
            submission.save()
            _apply(actor=actor, player=player, logo=logo, submission=submission)
        else:
            submission.save()
            record_audit(
                action="ecosystem.logo.submitted",
                actor=actor,
                target=player,
                after={"file": submission.file.name, "submission": submission.pk},
            )
    return submission


def review_logo(*, actor, submission: LogoSubmission, approve: bool, note: str = "") -> LogoSubmission:
    """Staff approve (the logo replaces the player's) or reject a waiting submission.

    Rule: only a pending submission (alliance/core/review.py: the row is locked, a second review refused).
    Side effects: the submission's status, reviewer, time and note; when approved, Player.logo; one audit
    entry on the player: `ecosystem.logo.applied` or `ecosystem.logo.rejected`.
    """
    if not actor.has_perm("ecosystem.review_logos"):
        raise PermissionDenied("only the secretariat reviews logos")
    with transaction.atomic():
        submission = review.lock_pending(
            LogoSubmission.objects.select_related("player"),
            submission.pk,
            message=_("This logo has already been reviewed."),
        )
        player = submission.player
        if not approve:
            review.record_review(
                submission,
                actor=actor,
                status=LogoSubmission.Status.REJECTED,
                note=note,
                action="ecosystem.logo.rejected",
                target=player,
                before={"submission": submission.pk, "file": submission.file.name},
            )
            return submission
        with default_storage.open(submission.file.name, "rb") as handle:
            logo = clean_logo(handle.read(), submission.file.name)
        before = player.logo.name
        _store_logo(player, logo)
        review.record_review(
            submission,
            actor=actor,
            status=LogoSubmission.Status.APPLIED,
            note=note,
            action="ecosystem.logo.applied",
            target=player,
            before={"logo": before},
            after={"logo": player.logo.name, "submission": submission.pk},
        )
    return submission


def _store_logo(player: Player, logo: CleanLogo) -> None:
    player.logo.name = store_by_hash(LOGO_DIR, logo)
    player.save(update_fields=["logo", "updated_at"])


def _apply(*, actor, player: Player, logo: CleanLogo, submission: LogoSubmission) -> None:
    before = player.logo.name
    _store_logo(player, logo)
    record_audit(
        action="ecosystem.logo.applied",
        actor=actor,
        target=player,
        before={"logo": before},
        after={"logo": player.logo.name, "submission": submission.pk},
    )
