"""The mail provider's bounce webhook: a POST of a JSON list of {"email", "type": "hard" | "soft"} carrying the
shared secret in the `X-Newsletter-Webhook-Secret` header. Off (404) while NEWSLETTER_BOUNCE_WEBHOOK_SECRET is
empty; a wrong secret is 403, a malformed body 400 with what is wrong."""

import json

from django.conf import settings
from django.http import Http404, JsonResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from alliance.core.permissions import public
from alliance.info.models import Bounce
from alliance.info.services.bounces import parse_webhook, record_bounces

SECRET_HEADER = "X-Newsletter-Webhook-Secret"  # noqa: S105  the header's name, not a secret


@public
@csrf_exempt  # a server-to-server call authenticated by its shared secret, not by a session
@require_POST
def bounce_webhook(request):
    secret = settings.NEWSLETTER_BOUNCE_WEBHOOK_SECRET
    if not secret:
        raise Http404
    if not constant_time_compare(request.headers.get(SECRET_HEADER, ""), secret):
        return JsonResponse({"error": "wrong or missing secret"}, status=403)
    try:
        reports = parse_webhook(json.loads(request.body or b"null"))
    except (ValueError, UnicodeDecodeError) as error:
        return JsonResponse({"error": str(error)}, status=400)
    suspended = record_bounces(reports, source=Bounce.Source.WEBHOOK)
    return JsonResponse({"recorded": len(reports), "suspended": suspended})
