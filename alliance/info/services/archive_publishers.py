"""The publishers (발행기관) staff keep for the report archive, and the spellings mapped to each.

Rule: a spelling (a publisher's name or one of its variants), reduced to its key (case, spacing and
punctuation ignored), belongs to one publisher only; so `KISTEP` and `한국과학기술기획평가원` both find KISTEP,
and a spelling already taken is refused with the publisher that holds it.
Side effects: the rows and an audit entry per change.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.versions import bump_version, check_version
from alliance.info.models import Publisher, PublisherVariant
from alliance.info.queries.archive import find_publisher, publisher_key


def _check_free(name: str, *, publisher: Publisher | None = None) -> str:
    key = publisher_key(name)
    if not key:
        raise ValidationError(_("Write the publisher's name."), code="blank")
    holder = find_publisher(name)
    if holder is not None and holder != publisher:
        raise ValidationError(
            _("%(name)s is already a spelling of %(publisher)s.") % {"name": name, "publisher": holder.name},
            code="taken",
        )
    return key


def create_publisher(*, actor, name: str, variants=()) -> Publisher:
    """Add a publisher with its other spellings.

    Rule: the name and every spelling are free (see the module). Side effects: the rows; audit
    `info.archive.publisher_added`.
    """
    name = name.strip()
    with transaction.atomic():
        publisher = Publisher.objects.create(name=name, key=_check_free(name))
        for variant in variants:
            _add_variant(publisher, variant)
        record_audit(
            action="info.archive.publisher_added",
            actor=actor,
            target=publisher,
            after={"name": name, "variants": [variant.strip() for variant in variants if variant.strip()]},
        )
    return publisher


def rename_publisher(*, actor, publisher: Publisher, name: str, expected_version: int | None = None) -> Publisher:
    """Change a publisher's name; the old name stays as one of its spellings (old manifests still match).

    Refused with core.versions.StaleEditError, nothing written, when the publisher was renamed since
    `expected_version` (its form's).
    Side effects: the row and its version, a variant for the old name; audit `info.archive.publisher_renamed`.
    """
    name = name.strip()
    with transaction.atomic():
        publisher = Publisher.objects.select_for_update().get(pk=publisher.pk)
        check_version(publisher, expected_version)
        if name == publisher.name:
            return publisher
        key = _check_free(name, publisher=publisher)
        old = publisher.name
        PublisherVariant.objects.filter(publisher=publisher, key=key).delete()
        publisher.name, publisher.key = name, key
        bump_version(publisher)
        publisher.save(update_fields=["name", "key", "version"])
        _add_variant(publisher, old)
        record_audit(
            action="info.archive.publisher_renamed",
            actor=actor,
            target=publisher,
            before={"name": old},
            after={"name": name},
        )
    return publisher


def _add_variant(publisher: Publisher, name: str) -> PublisherVariant | None:
    name = name.strip()
    if not name:
        return None
    key = publisher_key(name)
    if key == publisher.key or publisher.variants.filter(key=key).exists():
        return None  # already one of its spellings
    return PublisherVariant.objects.create(publisher=publisher, name=name, key=_check_free(name, publisher=publisher))


def add_variant(*, actor, publisher: Publisher, name: str) -> PublisherVariant | None:
    """Map another spelling to the publisher (None when it already is one of its spellings).

    Rule: the spelling is free. Side effects: the row; audit `info.archive.spelling_added`.
    """
    with transaction.atomic():
        variant = _add_variant(publisher, name)
        if variant is not None:
            record_audit(
                action="info.archive.spelling_added", actor=actor, target=publisher, after={"spelling": variant.name}
            )
    return variant


def remove_variant(*, actor, variant: PublisherVariant) -> None:
    """Forget a spelling. Side effects: the row deleted; audit `info.archive.spelling_removed`."""
    with transaction.atomic():
        record_audit(
            action="info.archive.spelling_removed",
            actor=actor,
            target=variant.publisher,
            before={"spelling": variant.name},
        )
        variant.delete()
