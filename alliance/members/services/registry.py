"""Writes to the member registry.

Rule: every change to an organisation goes through these functions, which keep its derived columns
(name key, search text, search index) in step, move its `version` on (core.versions: an edit form loaded
before the change is refused instead of undoing it) and write an audit entry with the fields before and
after, in one transaction.
"""

from django.core.files.base import ContentFile
from django.db import transaction

from alliance.core.audit import changed, record_audit, snapshot
from alliance.core.korean import business_number_digits, company_name_key
from alliance.core.versions import bump_version, check_version
from alliance.members import search
from alliance.members.logos import logo_name
from alliance.members.models import BusinessField, Contact, Organisation
from alliance.members.queries import vocabulary_split
from alliance.members.services.vocabulary import propose_fields

# The fields whose history staff see. `fields` is recorded as the sorted list of field names.
AUDITED_FIELDS = (
    "name",
    "name_en",
    "business_number",
    "category",
    "joined_on",
    "withdrawn_on",
    "withdrawal_reason",
    "sido",
    "sigungu",
    "founded_year",
    "employees",
    "revenue_million",
    "description",
    "homepage",
    "logo",
    "last_confirmed_on",
)


def audit_snapshot(organisation: Organisation) -> dict:
    data = snapshot(organisation, AUDITED_FIELDS)
    data["fields"] = sorted(organisation.fields.values_list("name", flat=True)) if organisation.pk else []
    return data


def field_objects(names) -> list[BusinessField]:
    """The vocabulary's terms of these names (terms already: see `vocabulary_split`), in name order."""
    return list(BusinessField.objects.filter(name__in=set(names)).order_by("name"))


def _prepare(organisation: Organisation, field_names) -> None:
    organisation.name = organisation.name.strip()
    organisation.name_key = company_name_key(organisation.name)
    organisation.business_number = business_number_digits(organisation.business_number)
    organisation.search_text = search.build_search_text(
        name=organisation.name, name_en=organisation.name_en, field_names=field_names
    )


def create_organisation(*, actor, data: dict, field_names=(), action: str = "members.org.created") -> Organisation:
    """Create an organisation from cleaned data.

    Rule: business fields come from the vocabulary (a term, or a spelling of one); a name that means no term
    becomes the organisation's proposal for staff to decide, never a term by itself.
    Side effects: audit entry `members.org.created`; search index rows; proposals (`members.field.proposed`).
    """
    field_names, proposed = vocabulary_split(field_names)
    with transaction.atomic():
        organisation = Organisation(**data)
        _prepare(organisation, field_names)
        organisation.save()
        organisation.fields.set(field_objects(field_names))
        search.reindex([organisation.pk])
        record_audit(action=action, actor=actor, target=organisation, before=None, after=audit_snapshot(organisation))
        propose_fields(actor=actor, organisation=organisation, names=proposed)
    return organisation


def update_organisation(
    *,
    actor,
    organisation: Organisation,
    data: dict,
    field_names=None,
    actor_label: str = "",
    expected_version: int | None = None,
) -> Organisation:
    """Apply cleaned data to an organisation; `field_names` None keeps its business fields.

    Rule: the business fields become the vocabulary's terms the names mean (a term, or a spelling of one); a
    name that means no term becomes the organisation's proposal for staff to decide, never a term by itself.
    With `expected_version` (the version the edit form was loaded with), a record saved by someone else
    since is refused with core.versions.StaleEditError and nothing is written.
    Side effects: audit entry `members.org.updated` with only the changed fields (none when nothing
    changed); search index rows when names or fields changed; the version moves on when anything changed;
    proposals (`members.field.proposed`) for names outside the vocabulary.
    """
    names, proposed = (None, []) if field_names is None else vocabulary_split(field_names)
    with transaction.atomic():
        check_version(organisation, expected_version)
        before = audit_snapshot(organisation)
        for name, value in data.items():
            setattr(organisation, name, value)
        propose_fields(actor=actor, actor_label=actor_label, organisation=organisation, names=proposed)
        names = before["fields"] if names is None else names
        _prepare(organisation, names)
        after_values = snapshot(organisation, AUDITED_FIELDS) | {"fields": names}
        old, new = changed(before, after_values)
        if not new:
            return organisation
        bump_version(organisation)
        organisation.save()
        if field_names is not None:
            organisation.fields.set(field_objects(names))
        search.reindex([organisation.pk])
        action = "members.org.withdrawn" if new.get("withdrawn_on") else "members.org.updated"
        record_audit(action=action, actor=actor, actor_label=actor_label, target=organisation, before=old, after=new)
    return organisation


# Contacts: people at an organisation. Their values are recorded in the history (staff-only), never shown
# to the public. The history key is not `contacts` (a reverse relation without a verbose name).
CONTACT_FIELDS = ("name", "position", "email", "phone", "is_primary")
CONTACTS_HISTORY_KEY = "contact_list"


def contact_line(contact: dict) -> str:
    """One contact as a line of the history: `* 홍길동 / 팀장 / hong@zen.kr / 010-1234-5678` (* = primary)."""
    parts = [str(contact.get(name) or "").strip() for name in ("name", "position", "email", "phone")]
    return ("* " if contact.get("is_primary") else "") + " / ".join(parts)


def _ordered(contacts) -> list[dict]:
    return sorted(contacts, key=lambda contact: (not contact["is_primary"], contact["name"], contact["email"]))


def _contact_lines(contacts) -> str:
    return "\n".join(contact_line(contact) for contact in contacts)


def contacts_text(organisation: Organisation) -> str:
    """The organisation's contacts as the history writes them, one line each (primary first)."""
    return _contact_lines(_ordered(Contact.objects.filter(organisation=organisation).values(*CONTACT_FIELDS)))


def contact_rows_text(contacts: list[dict]) -> str:
    """Rows for `update_contacts` as the same lines."""
    return _contact_lines(_ordered({name: row.get(name) or "" for name in CONTACT_FIELDS} for row in contacts))


def update_contacts(*, actor, organisation: Organisation, contacts: list[dict], actor_label: str = "") -> None:
    """Make `contacts` the complete list of the organisation's contacts.

    Each dict holds CONTACT_FIELDS and optionally `id`, the pk of one of this organisation's contacts to
    update; contacts of the organisation missing from the list are deleted, dicts without `id` are added.
    Side effects: audit entry `members.contact.updated` on the organisation with every contact before
    and after (only when something changed).
    """
    own = {contact.pk: contact for contact in Contact.objects.filter(organisation=organisation)}
    unknown = [row["id"] for row in contacts if row.get("id") and row["id"] not in own]
    if unknown:
        msg = f"Contacts {unknown} do not belong to organisation {organisation.pk}."
        raise ValueError(msg)
    before = _contact_lines(_ordered(snapshot(contact, CONTACT_FIELDS) for contact in own.values()))
    with transaction.atomic():
        kept = set()
        for row in contacts:
            values = {name: row.get(name) or ("" if name != "is_primary" else False) for name in CONTACT_FIELDS}
            if row.get("id"):
                contact = own[row["id"]]
                for name, value in values.items():
                    setattr(contact, name, value)
                contact.save()
                kept.add(contact.pk)
            else:
                Contact.objects.create(organisation=organisation, **values)
        Contact.objects.filter(pk__in=[pk for pk in own if pk not in kept]).delete()
        after = _contact_lines(_ordered(Contact.objects.filter(organisation=organisation).values(*CONTACT_FIELDS)))
        if before != after:
            bump_version(organisation)
            record_audit(
                action="members.contact.updated",
                actor=actor,
                actor_label=actor_label,
                target=organisation,
                before={CONTACTS_HISTORY_KEY: before},
                after={CONTACTS_HISTORY_KEY: after},
            )


def store_logo(*, organisation: Organisation, upload) -> str:
    """Save an uploaded logo under its content hash and return the stored name (for `update_organisation`).

    Rule (`members.logos`): a PNG, JPEG or WebP image within the limits, checked again here; raises LogoError
    otherwise and stores nothing. The same content is stored once. Side effect: the file in storage.
    """
    upload.seek(0)
    content = upload.read()
    name = logo_name(content)
    storage = organisation._meta.get_field("logo").storage
    if not storage.exists(name):
        saved = storage.save(name, ContentFile(content))
        assert saved == name, "content-addressed logo names must not be altered by the storage"
    return name


def update_profile(
    *,
    actor,
    organisation: Organisation,
    data: dict,
    field_names,
    contacts: list[dict],
    confirmed_on=None,
    actor_label: str = "",
    expected_version: int | None = None,
) -> Organisation:
    """Save an organisation's profile and its contacts together.

    Rule: when the organisation's own representative saves (`confirmed_on` given), that is a confirmation
    of the profile: `last_confirmed_on` becomes that date. An uploaded logo (`data["logo"]` a file) is
    stored first. With `expected_version`, a profile (fields or contacts) saved by someone else since the
    form was loaded is refused with core.versions.StaleEditError and nothing is written.
    Side effects: the audit entries of `update_organisation` and `update_contacts`; the logo file in storage.
    """
    data = dict(data)
    upload = data.get("logo")
    if upload is not None and hasattr(upload, "read") and not getattr(upload, "_committed", False):
        data["logo"] = store_logo(organisation=organisation, upload=upload)
    elif upload is False:
        data["logo"] = ""
    if confirmed_on is not None:
        data["last_confirmed_on"] = confirmed_on
    with transaction.atomic():
        check_version(organisation, expected_version)
        update_organisation(
            actor=actor, organisation=organisation, data=data, field_names=field_names, actor_label=actor_label
        )
        update_contacts(actor=actor, organisation=organisation, contacts=contacts, actor_label=actor_label)
    return organisation
