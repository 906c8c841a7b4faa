"""Who may open a view, declared on the view itself.

Every view carries exactly one declaration, and the role × URL matrix test checks that it does:
- `@public`: anyone, signed in or not (the directory, the map, a published snapshot);
- `@permission_required("app.perm")`: a signed-in user holding the django-rules permission; an anonymous
  visitor is sent to the login page, anyone else signed in gets 404 (a page outside one's scope does not
  admit it exists);
- `@permission_required("app.perm", object_level=True)`: the same login rule, and the view loads its object
  and calls `require_object_permission(user, "app.perm", obj)`, which answers 404 unless the user holds the
  permission for that object;
- `@personal_link`: no login; the URL's token is the authority (census, map survey, meeting replies ...).
  Because the token is in the URL, such a page is also never cached, answers only GET and POST (405
  otherwise) and is sent with `Referrer-Policy: no-referrer`, so the token leaks neither to a shared cache
  nor to the sites the page links to (alliance/core/links.py).

The declaration is stored on the view function as `view.required_permission` (a permission name, `PUBLIC`
or `PERSONAL_LINK`) and survives further decorators that use functools.wraps.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

PUBLIC = "public"
PERSONAL_LINK = "personal_link"


def _declare(view, permission: str, *, object_level: bool = False):
    view.required_permission = permission
    view.object_level_permission = object_level
    return view


def public(view):
    """Anyone may open this view, signed in or not."""
    return _declare(view, PUBLIC)


def personal_link(view):
    """No login: the view resolves a personal link's token (404 for an unknown token, 410 for a gone link).

    The page is never cached, takes GET and POST only, and tells the browser to send no Referer.
    """

    @wraps(view)
    def without_referrer(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    return _declare(never_cache(require_http_methods(["GET", "POST"])(without_referrer)), PERSONAL_LINK)


def permission_required(permission: str, *, object_level: bool = False):
    """Sign-in required; then `permission` (globally, or for the view's object when `object_level`), else 404."""

    def decorator(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not object_level and not request.user.has_perm(permission):
                raise Http404
            return view(request, *args, **kwargs)

        return _declare(login_required(checked), permission, object_level=object_level)

    return decorator


def require_object_permission(user, permission: str, obj) -> None:
    """404 unless `user` holds `permission` for `obj` (also when `obj` is None: nothing to show)."""
    if obj is None or not user.has_perm(permission, obj):
        raise Http404
