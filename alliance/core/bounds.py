"""Domain limits of the numbers companies and staff enter, one place for forms, models and the importer.

A member once saved a revenue of 2^63−1: accepted by the form, it overflowed the public statistics' sum
(500) after the staff sync. Rule: every company figure stays within these limits wherever it is entered;
with them a sum over every company of the registry (a few thousand) fits a 64-bit column.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

REVENUE_MILLION_MAX = 10**12  # KRW million: far above any company's revenue
EMPLOYEES_MAX = 10_000_000
COUNT_MAX = 1_000_000  # patents, certifications, awards


def bounded(maximum: int) -> list:
    """Validators for a figure between 0 and `maximum`, with Korean messages."""
    return [
        MinValueValidator(0, message=_("Enter 0 or more.")),
        MaxValueValidator(maximum, message=_("Enter at most %(limit_value)s.")),
    ]
