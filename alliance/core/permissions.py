"""Who may open a view, declared on the view itself.

Every view carries exactly one declaration, and the role × URL matrix test checks that it does:
- `@public`: anyone, signed in or not (the directory, the map, a published snapshot);
- `@permission_required("app.perm")`: a signed-in user holding the django-rules permission; an anonymous
  visitor is sent to the login page, anyone else signed in gets 404 (a page outside one's scope does not
  admit it exists);
- `@permission_required("app.perm", object_level=True)`: the same login rule, and the view loads its object
  and calls `require_object_permission(user, "app.perm", obj)`, which answers 404 unless the user holds the
  permission for that object;
- a view that answers only some HTTP methods (a POST-only button) says so in its declaration,
  `@permission_required(..., methods=("POST",))`, never with Django's `require_POST` below it: the method is
  checked after the permission (and, for an object-level view, after `scope`, the view's own object check),
  so a GET answers 404 outside the scope whatever the method, and 405 only to someone in it;
- `@personal_link`: no login; the URL's token is the authority (census, map survey, meeting replies ...).
  Because the token is in the URL, such a page is also never cached, answers only GET and POST (405
  otherwise) and is sent with `Referrer-Policy: same-origin`, so the token leaks neither to a shared cache
  nor to the sites the page links to (not `no-referrer`: a browser then sends `Origin: null` with the page's
  own form, and Django's CSRF check refuses the answer; alliance/core/links.py); and a client making too many
  requests to such pages gets 429 (`RATE_LIMITS["personal_link"]`, alliance/core/ratelimit.py): tokens
  cannot be guessed in bulk.

The declaration is stored on the view function as `view.required_permission` (a permission name, `PUBLIC`
or `PERSONAL_LINK`) and survives further decorators that use functools.wraps.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseNotAllowed
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from alliance.core.ratelimit import rate_limited

PUBLIC = "public"
PERSONAL_LINK = "personal_link"
POST = ("POST",)  # methods= of a POST-only view (a button)


def _declare(view, permission: str, *, object_level: bool = False):
    view.required_permission = permission
    view.object_level_permission = object_level
    return view


def public(view):
    """Anyone may open this view, signed in or not."""
    return _declare(view, PUBLIC)


def personal_link(view):
    """No login: the view resolves a personal link's token (404 for an unknown token, 410 for a gone link).

    The page is never cached, takes GET and POST only, tells the browser to send a Referer only to this site,
    and is rate-limited.
    """

    @wraps(view)
    def referrer_to_this_site_only(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.headers["Referrer-Policy"] = "same-origin"
        return response

    limited = rate_limited("personal_link")(referrer_to_this_site_only)
    return _declare(never_cache(require_http_methods(["GET", "POST"])(limited)), PERSONAL_LINK)


def permission_required(permission: str, *, object_level: bool = False, methods=None, scope=None):
    """Sign-in required; then `permission` (globally, or for the view's object when `object_level`), else 404.

    `methods`: the HTTP methods the view answers (all when None); another method gets 405, but only after the
    permission check, and for an object-level view only after `scope(request, **url_kwargs)`, the view's own
    object check (it raises Http404 outside the user's scope): an outsider learns nothing from the method.
    """
    if object_level and methods is not None and scope is None:
        raise TypeError(f"{permission}: an object-level view that limits its methods needs its scope check")

    def decorator(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not object_level and not request.user.has_perm(permission):
                raise Http404
            if methods is not None and request.method not in methods:
                if scope is not None:
                    scope(request, *args, **kwargs)
                return HttpResponseNotAllowed(methods)
            return view(request, *args, **kwargs)

        return _declare(login_required(checked), permission, object_level=object_level)

    return decorator


def require_object_permission(user, permission: str, obj) -> None:
    """404 unless `user` holds `permission` for `obj` (also when `obj` is None: nothing to show)."""
    if obj is None or not user.has_perm(permission, obj):
        raise Http404
