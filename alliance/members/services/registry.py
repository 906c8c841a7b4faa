"""Writes to the member registry.

Rule: every change to an organisation goes through these functions, which keep its derived columns
(name key, search text, search index) in step and write an audit entry with the fields before and after,
in one transaction.
"""

from django.db import transaction

from alliance.core.audit import changed, record_audit, snapshot
from alliance.core.korean import business_number_digits, company_name_key
from alliance.members import search
from alliance.members.models import BusinessField, Organisation

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
    """The BusinessField rows for these names, created when new."""
    cleaned = sorted({name.strip() for name in names if name and name.strip()})
    existing = {field.name: field for field in BusinessField.objects.filter(name__in=cleaned)}
    missing = [BusinessField(name=name) for name in cleaned if name not in existing]
    if missing:
        BusinessField.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {field.name: field for field in BusinessField.objects.filter(name__in=cleaned)}
    return [existing[name] for name in cleaned]


def _prepare(organisation: Organisation, field_names) -> None:
    organisation.name = organisation.name.strip()
    organisation.name_key = company_name_key(organisation.name)
    organisation.business_number = business_number_digits(organisation.business_number)
    organisation.search_text = search.build_search_text(
        name=organisation.name, name_en=organisation.name_en, field_names=field_names
    )


def create_organisation(*, actor, data: dict, field_names=(), action: str = "members.org.created") -> Organisation:
    """Create an organisation from cleaned data.

    Side effects: audit entry `members.org.created`; search index rows.
    """
    with transaction.atomic():
        organisation = Organisation(**data)
        _prepare(organisation, field_names)
        organisation.save()
        organisation.fields.set(field_objects(field_names))
        search.reindex([organisation.pk])
        record_audit(action=action, actor=actor, target=organisation, before=None, after=audit_snapshot(organisation))
    return organisation


def update_organisation(
    *, actor, organisation: Organisation, data: dict, field_names=None, actor_label: str = ""
) -> Organisation:
    """Apply cleaned data to an organisation; `field_names` None keeps its business fields.

    Side effects: audit entry `members.org.updated` with only the changed fields (none when nothing
    changed); search index rows when names or fields changed.
    """
    with transaction.atomic():
        before = audit_snapshot(organisation)
        for name, value in data.items():
            setattr(organisation, name, value)
        names = before["fields"] if field_names is None else sorted({n.strip() for n in field_names if n.strip()})
        _prepare(organisation, names)
        after_values = snapshot(organisation, AUDITED_FIELDS) | {"fields": names}
        old, new = changed(before, after_values)
        if not new:
            return organisation
        organisation.save()
        if field_names is not None:
            organisation.fields.set(field_objects(names))
        search.reindex([organisation.pk])
        action = "members.org.withdrawn" if new.get("withdrawn_on") else "members.org.updated"
        record_audit(action=action, actor=actor, actor_label=actor_label, target=organisation, before=old, after=new)
    return organisation
