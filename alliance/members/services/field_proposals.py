"""Business fields members propose for the vocabulary, and the staff decision on them.

Rule: a member chooses its fields from the vocabulary; a name matching no term (by key or variant) is a
proposal that waits for staff (the shared review shape, alliance/core/review.py). Staff accept it as a new
term, map it to an existing term (its name becomes that term's variant), or reject it with a note; accepted
or mapped, the proposing organisation gets the term.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from alliance.core.korean import with_particles
from alliance.core.models import ReviewStatus
from alliance.core.review import lock_pending, record_review
from alliance.members.models import BusinessField, BusinessFieldProposal, Organisation
from alliance.members.models.organisation import business_field_key
from alliance.members.services.registry import update_organisation
from alliance.members.services.vocabulary import VocabularyError, add_term, add_variant, propose_field, term_of_key

__all__ = ["accept_proposal", "map_proposal", "propose_field", "reject_proposal"]


def accept_proposal(*, actor, proposal: BusinessFieldProposal) -> BusinessField:
    """The proposed name becomes a new term and the proposing organisation gets it.

    Side effects: the term (audit `members.field.added`), the organisation's fields (`members.org.updated`),
    the decision (`members.field.proposal_accepted`). A name that meanwhile means a term is refused: map it.
    """
    with transaction.atomic():
        proposal = _locked(proposal)
        try:
            term = add_term(actor=actor, name=proposal.name)
        except VocabularyError as error:
            raise ValidationError(str(error), code="taken") from None
        _give(actor, proposal, term, action="members.field.proposal_accepted")
    return term


def map_proposal(*, actor, proposal: BusinessFieldProposal, term: BusinessField) -> BusinessField:
    """The proposed name becomes a variant of `term` (unless it already means it) and the organisation gets it.

    Side effects: the variant (`members.field.variant_added`), the organisation's fields, the decision
    (`members.field.proposal_mapped`).
    """
    with transaction.atomic():
        proposal = _locked(proposal)
        owner = term_of_key(business_field_key(proposal.name))
        if owner is None:
            add_variant(actor=actor, field=term, name=proposal.name)
        elif owner.pk != term.pk:
            raise ValidationError(
                with_particles(
                    gettext("'%(name)s' already means the business field '%(term)s'."),
                    {"name": proposal.name, "term": owner.name},
                ),
                code="taken",
            )
        _give(actor, proposal, term, action="members.field.proposal_mapped")
    return term


def reject_proposal(*, actor, proposal: BusinessFieldProposal, note: str) -> None:
    """Reject with a note (required: the member sees why).

    Side effects: the decision, audit entry `members.field.proposal_rejected` on the organisation.
    """
    if not note.strip():
        raise ValidationError(gettext("Write why the proposal is rejected."), code="note_required")
    with transaction.atomic():
        proposal = _locked(proposal)
        record_review(
            proposal,
            actor=actor,
            status=ReviewStatus.REJECTED,
            action="members.field.proposal_rejected",
            note=note,
            target=proposal.organisation,
            after={"proposed": proposal.name},
        )


def _locked(proposal: BusinessFieldProposal) -> BusinessFieldProposal:
    return lock_pending(BusinessFieldProposal.objects.select_related("organisation"), proposal.pk)


def _give(actor, proposal: BusinessFieldProposal, term: BusinessField, *, action: str) -> None:
    organisation = Organisation.objects.select_for_update().get(pk=proposal.organisation_id)
    names = sorted({field.name for field in organisation.fields.all()} | {term.name})
    update_organisation(actor=actor, organisation=organisation, data={}, field_names=names)
    proposal.term = term
    proposal.save(update_fields=["term"])
    record_review(
        proposal,
        actor=actor,
        status=ReviewStatus.APPLIED,
        action=action,
        target=proposal.organisation,
        after={"proposed": proposal.name, "term": term.name},
    )
