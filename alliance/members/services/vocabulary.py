"""The business-field vocabulary: typed names mapped to their terms, spellings, and merging two terms.

Rule: a name belongs to the term with its key (`business_field_key`: spacing, case, full-width forms ignored)
or to the term one of whose variants has its key. Only staff add terms (here, or by accepting a proposal):
a name that matches nothing, wherever it is typed (profile, census, import), is the organisation's proposal
(`propose_field`) until staff decide. Merging moves every organisation of the source term to the target and
keeps the source's name as a variant.
"""

from django.db import transaction
from django.utils.translation import gettext

from alliance.core.audit import record_audit
from alliance.core.korean import with_particles
from alliance.core.models import ReviewStatus
from alliance.core.versions import bump_version, check_version
from alliance.members import search
from alliance.members.membership import registry_changed
from alliance.members.models import BusinessField, BusinessFieldProposal, BusinessFieldVariant, Organisation
from alliance.members.models.organisation import business_field_key
from alliance.members.queries import business_field_terms


class VocabularyError(ValueError):
    """A change the vocabulary refuses, with the reason in the user's language."""


def seed_terms(names) -> dict[str, BusinessField]:
    """{typed name: its term} for these names, creating a term for each name that matches none: for the demo
    and test data only, which start from an empty vocabulary. Every user's write goes through proposals.

    Side effects: new BusinessField rows (no audit: seeding, not a staff decision).
    """
    terms = business_field_terms(names)
    wanted = set(terms.values())
    existing = {field.name: field for field in BusinessField.objects.filter(name__in=wanted)}
    missing = sorted(wanted - set(existing))
    if missing:
        BusinessField.objects.bulk_create(
            [BusinessField(name=name, key=business_field_key(name)) for name in missing], ignore_conflicts=True
        )
        existing |= {field.name: field for field in BusinessField.objects.filter(name__in=missing)}
    return {typed: existing[term] for typed, term in terms.items()}


def term_names(names) -> list[str]:
    """The sorted term names these typed names mean (a read: nothing is created)."""
    return sorted(set(business_field_terms(names).values()))


def term_of_key(key: str) -> BusinessField | None:
    """The term whose key or one of whose variants' keys is `key`."""
    return BusinessField.objects.filter(key=key).first() or getattr(
        BusinessFieldVariant.objects.filter(key=key).select_related("field").first(), "field", None
    )


def propose_field(*, actor, organisation: Organisation, name: str, actor_label: str = "") -> BusinessFieldProposal:
    """Record `name` as a field `organisation` proposes.

    Rule: the same organisation's pending proposal of the same key is kept, not repeated; a name that already
    means a term is not a proposal (the caller chooses that term instead): VocabularyError.
    Side effects: the proposal row; audit entry `members.field.proposed` on the organisation.
    """
    name = " ".join(name.split())
    key = business_field_key(name)
    if not key or len(name) > 60:
        raise VocabularyError(gettext("Enter a business field of at most 60 characters."))
    with transaction.atomic():
        term = term_of_key(key)
        if term is not None:
            raise VocabularyError(
                with_particles(
                    gettext("'%(name)s' already means the business field '%(term)s'."),
                    {"name": name, "term": term.name},
                )
            )
        pending = BusinessFieldProposal.objects.filter(organisation=organisation, status=ReviewStatus.PENDING)
        for proposal in pending:
            if business_field_key(proposal.name) == key:
                return proposal
        proposal = BusinessFieldProposal.objects.create(
            organisation=organisation,
            name=name,
            proposed_by=actor if getattr(actor, "is_authenticated", False) else None,
            changes={"fields": {"before": "", "after": name}},
        )
        record_audit(
            action="members.field.proposed",
            actor=actor,
            actor_label=actor_label,
            target=organisation,
            after={"proposed": name},
        )
    return proposal


def propose_fields(*, actor, organisation: Organisation, names, actor_label: str = "") -> list[BusinessFieldProposal]:
    """`propose_field` for each of these names (names outside the vocabulary, from `vocabulary_split`)."""
    return [propose_field(actor=actor, actor_label=actor_label, organisation=organisation, name=name) for name in names]


def _clean_name(name: str) -> tuple[str, str]:
    name = " ".join(name.split())
    key = business_field_key(name)
    if not key:
        raise VocabularyError(_message("empty"))
    if len(name) > 60:
        raise VocabularyError(_message("long"))
    return name, key


def add_term(*, actor, name: str) -> BusinessField:
    """A new term of the vocabulary.

    Rule: refused when its key is already a term's or a variant's (the spelling already means that term).
    Side effects: the BusinessField row; audit entry `members.field.added`.
    """
    name, key = _clean_name(name)
    with transaction.atomic():
        taken = term_of_key(key)
        if taken is not None:
            raise VocabularyError(with_particles(_message("exists"), {"name": name, "term": taken.name}))
        field = BusinessField.objects.create(name=name)
        record_audit(action="members.field.added", actor=actor, target=field, after={"name": name})
    return field


def rename_term(*, actor, field: BusinessField, name: str, expected_version: int | None = None) -> BusinessField:
    """Give a term another name; its old name stays a variant (so typed and imported old spellings still map).

    Rule: refused when the new name's key is another term's or another term's variant's (merge instead);
    the term's own variant of that key is dropped (its spelling becomes the name); refused with
    core.versions.StaleEditError when the term was renamed since `expected_version` (its form's).
    Side effects: the term (its version moves on), its variants, its organisations' search text and tokens; audit entry
    `members.field.renamed`.
    """
    name, key = _clean_name(name)
    with transaction.atomic():
        field = BusinessField.objects.select_for_update().get(pk=field.pk)
        check_version(field, expected_version)
        taken = term_of_key(key)
        if taken is not None and taken.pk != field.pk:
            raise VocabularyError(with_particles(_message("taken"), {"name": name, "term": taken.name}))
        old_name, old_key = field.name, field.key
        if old_name == name:
            return field
        BusinessFieldVariant.objects.filter(field=field, key=key).delete()
        field.name = name
        bump_version(field)
        field.save()
        if old_key != key:
            BusinessFieldVariant.objects.create(field=field, name=old_name)
        users = sorted(
            Organisation.fields.through.objects.filter(businessfield_id=field.pk).values_list(
                "organisation_id", flat=True
            )
        )
        _refresh_search_text(users)
        search.reindex(users)
        registry_changed()
        record_audit(
            action="members.field.renamed", actor=actor, target=field, before={"name": old_name}, after={"name": name}
        )
    return field


def add_variant(*, actor, field: BusinessField, name: str) -> BusinessFieldVariant:
    """Record `name` as another spelling of `field`.

    Rule: refused when its key is already a term's or a variant's (merge the terms instead).
    Side effects: the variant row; audit entry `members.field.variant_added`.
    """
    name, key = _clean_name(name)
    with transaction.atomic():
        taken = term_of_key(key)
        if taken is not None:
            raise VocabularyError(with_particles(_message("taken"), {"name": name, "term": taken.name}))
        variant = BusinessFieldVariant.objects.create(field=field, name=name)
        record_audit(action="members.field.variant_added", actor=actor, target=field, after={"variant": name})
    return variant


def merge_terms(*, actor, source: BusinessField, target: BusinessField) -> BusinessField:
    """Merge `source` into `target`: its organisations get `target`, its name and variants become `target`'s.

    Side effects: organisations' fields, their search tokens, the variants; `source` deleted; audit entry
    `members.field.merged` on the target.
    """
    if source.pk == target.pk:
        raise VocabularyError(_message("same"))
    with transaction.atomic():
        through = Organisation.fields.through
        moved = set(through.objects.filter(businessfield_id=source.pk).values_list("organisation_id", flat=True))
        having = set(through.objects.filter(businessfield_id=target.pk).values_list("organisation_id", flat=True))
        through.objects.bulk_create(
            [through(organisation_id=org, businessfield_id=target.pk) for org in sorted(moved - having)]
        )
        BusinessFieldVariant.objects.filter(field=source).update(field=target)
        source_name = source.name
        source.delete()  # its organisation links go with it
        BusinessFieldVariant.objects.create(field=target, name=source_name)
        _refresh_search_text(moved)
        search.reindex(sorted(moved))
        registry_changed()
        record_audit(
            action="members.field.merged",
            actor=actor,
            target=target,
            after={"merged": source_name, "organisations": len(moved)},
        )
    return target


def _refresh_search_text(organisation_ids) -> None:
    """The stored search text of these organisations, from their names and current fields."""
    organisations = Organisation.objects.filter(pk__in=organisation_ids).prefetch_related("fields")
    for organisation in organisations:
        organisation.search_text = search.build_search_text(
            name=organisation.name,
            name_en=organisation.name_en,
            field_names=[field.name for field in organisation.fields.all()],
        )
    Organisation.objects.bulk_update(organisations, ["search_text"])


def _message(kind: str) -> str:
    return {
        "empty": gettext("Enter a spelling."),
        "taken": gettext("'%(name)s' already means the business field '%(term)s'. Merge the two fields instead."),
        "same": gettext("Choose two different business fields to merge."),
        "long": gettext("A business field may have at most 60 characters."),
        "exists": gettext("'%(name)s' already means the business field '%(term)s'."),
    }[kind]
