"""The newsletter edition's sections and links for its templates (the e-mail, the web archive, the builder)."""

from django import template

from alliance.info.queries.newsletter import edition_links, edition_sections, marks_advertising

register = template.Library()


@register.simple_tag
def newsletter_sections(edition):
    """[(section value, Korean label, [items])] in seed 001's order, empty sections left out."""
    return edition_sections(edition)


@register.simple_tag
def newsletter_links():
    """The fixed links of every edition: the homepage, the report archive, the board, the web archive."""
    return edition_links()


@register.filter
def advertising_marked(edition) -> bool:
    return marks_advertising(edition)
