"""The header menu: the entries the apps registered (`alliance.core.navigation`) that the user may see."""

from alliance.core.navigation import links_for


def navigation(request):
    return {"nav_links": links_for(request.user)}
