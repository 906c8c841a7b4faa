"""Template names of the ranking engine's results, the same on the pages and in the PDFs."""

from django import template

from alliance.programs.models.programme import tie_note as tie_note_of

register = template.Library()


@register.filter
def tie_note(row) -> str:
    """`{{ row|tie_note }}`: which rule of the tie-break chain (or staff) decided an equal score's rank."""
    return tie_note_of(row)
