"""The reports app's pages; one module per document."""

from django.utils import timezone

# How far the year links reach: a decade of the platform's history back, next year's plan ahead. Older years stay
# open by address; without a bound every page would link one more year back, for ever.
YEARS_BACK, YEARS_AHEAD = 10, 1


def other_years(year: int) -> dict:
    """The previous and next year a yearly page links to, None past the bounds."""
    this_year = timezone.localdate().year
    return {
        "previous_year": year - 1 if year - 1 >= this_year - YEARS_BACK else None,
        "next_year": year + 1 if year + 1 <= this_year + YEARS_AHEAD else None,
    }
