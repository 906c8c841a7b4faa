"""Phrases the members app reuses, and the Korean labels of its audit actions."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from alliance.core.audit import register_actions, register_actor_labels, register_value_formats
from alliance.core.korean import format_business_number
from alliance.core.templatetags.korean import count_with
from alliance.members.logos import CONTENT_ADDRESSED

register_actions(
    {
        "members.org.created": _("Member organisation created"),
        "members.org.updated": _("Member organisation updated"),
        "members.org.withdrawn": _("Member organisation withdrawn"),
        "members.org.imported": _("Member organisation imported"),
        "members.contact.updated": _("Contacts updated"),
        "members.census.opened": _("Census round opened"),
        "members.census.reminded": _("Census reminders sent"),
        "members.census.responded": _("Census response received"),
        "members.census.applied": _("Census changes applied"),
        "members.census.rejected": _("Census changes rejected"),
        "members.census.closed": _("Census round closed"),
        "members.import.finished": _("Member import finished"),
        "members.field.added": _("Business field added"),
        "members.field.renamed": _("Business field renamed"),
        "members.field.variant_added": _("Business field spelling added"),
        "members.field.merged": _("Business fields merged"),
        "members.field.proposed": _("Business field proposed"),
        "members.field.proposal_accepted": _("Proposed business field added to the list"),
        "members.field.proposal_mapped": _("Proposed business field mapped to a listed field"),
        "members.field.proposal_rejected": _("Proposed business field rejected"),
    }
)

NOT_FOUND = _("No such member organisation.")
SAVED = _("Saved.")
CONTACTS = _("Contacts")
COMPANIES = _("Companies")
INSTITUTIONS = _("Institutions")
UNIVERSITIES = _("Universities")
TOTAL = _("Total")


def field_proposed(name: str) -> str:
    return gettext("You proposed the business field '%(name)s': the secretariat will review it.") % {"name": name}


def _logo_file(name: str) -> str:
    """`logos/<64 hex>.png` → `acfb67e2….png`: enough to tell two logos apart, short enough for a phone."""
    file_name = name.rsplit("/", 1)[-1]
    stem, _dot, extension = file_name.rpartition(".")
    return f"{stem[:8]}….{extension}" if CONTENT_ADDRESSED.match(stem) else file_name


# The history shows these as the registry pages do: 9,258백만원, 1,200명, 214-86-06612.
register_value_formats(
    "members.organisation",
    {
        "revenue_million": lambda value: count_with(value, "백만원"),
        "employees": lambda value: count_with(value, "명"),
        "business_number": format_business_number,
        "logo": _logo_file,
    },
)


# Commands recorded as the actor of their changes, named as people read them (never the command's name).
register_actor_labels({"demo_data": _("Demo data"), "import_members": _("Member import (command line)")})
