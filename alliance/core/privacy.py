"""The privacy policy (개인정보처리방침): reading the version in effect, its default text, saving a new version.

Rule: staff save a new version with the date it takes effect; every version is kept and never edited; the
public page shows the latest version in effect today and links to the earlier ones. Until staff save one, the
public page shows the default text below, which states what personal data the platform keeps, why and for
how long (개인정보 보호법 제30조).
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.context_processors import secretariat_name
from alliance.core.models import PrivacyPolicy


def current_policy(day=None) -> PrivacyPolicy | None:
    """The version in effect on `day` (today by default), or None before staff saved any."""
    return PrivacyPolicy.objects.in_effect_on(day or timezone.localdate()).first()


def _contact_line() -> str:
    parts = [str(secretariat_name()), settings.SECRETARIAT_PHONE, settings.SECRETARIAT_EMAIL]
    return " · ".join(part for part in parts if part)


def default_policy_text() -> str:
    """The default text (in the active language), paragraphs separated by blank lines."""
    sections = [
        _(
            "The Metaverse Alliance secretariat processes personal data on this platform as set out below, in "
            "accordance with the Personal Information Protection Act."
        ),
        _(
            "1. Purposes\nTo run the alliance's member registry and public member directory, to contact member "
            "companies (the yearly census, programme notices), to run the project-group competition (applications, "
            "judging, mentoring, investment day) and to keep the platform secure."
        ),
        _(
            "2. Personal data kept\n- Contact persons of member companies: name, position, e-mail address and "
            "phone number.\n- Accounts: e-mail address, name, phone number, role and the organisation represented "
            "(passwords are kept only as one-way hashes).\n- Census answers: the respondent's name and e-mail "
            "address and the answers given.\n- Access logs: the time, the address (IP) and the browser of logins "
            "and failed logins, and the record of changes made on the platform (who changed what, when)."
        ),
        _(
            "3. How long it is kept\n- Contact persons: while the company is a member, and deleted within one "
            "year after it withdraws.\n- Accounts: until the account is closed, and deleted within one year after "
            "it is closed.\n- Census answers: three years after the census round closes.\n- Access logs: at least "
            "one year and at most two years, as the Act's security standards require."
        ),
        _(
            "4. Disclosure to others\nPersonal data is not given to third parties. Contact persons' names, e-mail "
            "addresses and phone numbers are shown only to the secretariat and to the company's own "
            "representative; the public directory shows company information only."
        ),
        _(
            "5. Your rights\nYou may ask to see, correct, delete or stop the processing of your personal data by "
            "writing to the secretariat; member representatives can correct their company's contacts on the "
            "platform themselves."
        ),
        _(
            "6. Destruction\nData past its keeping period is deleted so that it cannot be restored; printed "
            "copies are shredded."
        ),
        _(
            "7. Security measures\nAccess is limited by role, passwords are stored as hashes, connections are "
            "encrypted, repeated failed logins are locked out, and changes are recorded in the audit log."
        ),
        _("8. Person responsible for personal data\n%(contact)s") % {"contact": _contact_line()},
    ]
    return "\n\n".join(sections)


def save_policy_version(*, body: str, effective_on, actor) -> PrivacyPolicy:
    """Save `body` as the next version, in effect from `effective_on`.

    Rule: versions are numbered 1, 2, 3 … and never changed afterwards.
    Side effects: one audit entry.
    """
    with transaction.atomic():
        latest = PrivacyPolicy.objects.select_for_update().aggregate(latest=Max("version"))["latest"] or 0
        policy = PrivacyPolicy.objects.create(
            version=latest + 1, body=body.strip(), effective_on=effective_on, created_by=actor
        )
        record_audit(
            action="core.privacy_policy.saved",
            target=policy,
            actor=actor,
            after={"version": policy.version, "effective_on": effective_on.isoformat()},
        )
    return policy
