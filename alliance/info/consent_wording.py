"""The wording people are shown when they consent to the newsletter and to advertising, versioned.

A consent row records the version and the exact text shown (in the language of the page). Changing a text
means adding a new version and pointing CURRENT at it; old versions stay, so old rows can still be read.
"""

from django.utils.translation import gettext_lazy as _

WORDINGS = {
    "newsletter-2026-1": _(
        "I agree to receive the Metaverse Alliance's daily newsletter at this e-mail address. The address is "
        "used only to send the newsletter; I can unsubscribe at any time from the link in every e-mail, and "
        "sending stops at once (the record of my consent and its withdrawal is kept)."
    ),
    "advertising-2026-1": _(
        "I also agree to receive advertising information (promotions of partner agencies and events) in the "
        "newsletter. This consent is confirmed again every two years, and I can withdraw it at any time."
    ),
}
CURRENT_NEWSLETTER = "newsletter-2026-1"
CURRENT_ADVERTISING = "advertising-2026-1"


def wording(version: str) -> str:
    """The text of `version` in the active language ("" for an unknown version, e.g. an imported one)."""
    text = WORDINGS.get(version)
    return str(text) if text is not None else ""
