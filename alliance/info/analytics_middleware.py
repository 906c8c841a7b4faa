"""Homepage analytics' middleware: looks at each answered request and records the page views that count
(alliance/info/services/analytics_recording.py says which and what is kept).

It sits after the authentication middleware (staff are not counted) and costs a request a few microseconds:
the browser's device class is parsed once per distinct agent, the visitor key is one keyed hash, and the view
waits in a per-process buffer written in one INSERT by `request_finished` — after the answer has been sent —
when enough views wait or the oldest waited long enough. `ANALYTICS_ENABLED=0` switches it off.
"""

from django.conf import settings
from django.core.signals import request_finished

from alliance.info.services.analytics_recording import flush_if_due, observe


class PageViewMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.ANALYTICS_ENABLED:
            observe(request, response)
        return response


def _write_buffered_views(sender, **kwargs) -> None:
    if settings.ANALYTICS_ENABLED:
        flush_if_due()


request_finished.connect(_write_buffered_views, dispatch_uid="info_analytics_flush")
