"""What the competition adds to the header menu and to "My page" (`alliance.core.navigation`)."""

from django.utils.translation import gettext_lazy as _

from alliance.core.navigation import MEMBER, PUBLIC, STAFF, Entry, register_links, register_tiles


def _investor_without_groups(user) -> bool:
    """A company's representative reaches its meetings through its project groups; the menu link is for the
    others who have meetings (investors)."""
    return user.has_perm("programs.view_own_meetings") and not user.has_perm("programs.apply")


register_links(
    Entry(_("Competition results"), "programs:latest_results", PUBLIC, order=30),
    Entry(_("Project groups"), "programs:programme_list", STAFF, order=50, permission="programs.manage_programme"),
    Entry(_("Project groups"), "programs:my_groups", MEMBER, order=10, permission="programs.apply"),
    Entry(_("Judging"), "programs:judging_home", MEMBER, order=20, permission="programs.evaluate"),
    Entry(_("Mentoring"), "programs:my_sessions", MEMBER, order=30, permission="programs.evaluate"),
    Entry(_("Investment meetings"), "programs:my_meetings", MEMBER, order=40, predicate=_investor_without_groups),
)
register_tiles(
    Entry(_("Competition results"), "programs:latest_results", PUBLIC, order=30),
    Entry(_("Our project groups"), "programs:my_groups", MEMBER, order=10, permission="programs.apply"),
    Entry(_("Investment meetings"), "programs:my_meetings", MEMBER, order=20, permission="programs.view_own_meetings"),
    Entry(_("Judging"), "programs:judging_home", MEMBER, order=30, permission="programs.evaluate"),
    Entry(_("Mentoring"), "programs:my_sessions", MEMBER, order=40, permission="programs.evaluate"),
    Entry(
        _("Project-group programmes"),
        "programs:programme_list",
        STAFF,
        order=50,
        permission="programs.manage_programme",
    ),
)
