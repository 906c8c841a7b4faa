"""Logs as JSON lines on stdout (LOG_FORMAT=json, the production default), one line per request.

A request's line (logger `alliance.requests`) carries its id (X-Request-ID, from the proxy or made here), the
method, the route (the URL pattern, e.g. `census/<token>/`, never the address itself: personal links carry
their token in it), the view's name, the status, the duration in milliseconds and the signed-in user's id. Never
an e-mail address, a password, a form field or a query string. Every other line logged while the request runs
carries its request id too, so an error report is found beside its request.
"""

import contextvars
import datetime
import json
import logging
import time

request_logger = logging.getLogger("alliance.requests")
_current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")

# Attributes every LogRecord has; anything else on a record was passed through `extra=` and is logged.
_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, request id, `extra` fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if request_id := _current_request_id.get():
            entry["request_id"] = request_id
        entry.update({key: value for key, value in vars(record).items() if key not in _STANDARD})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def _route(request) -> str:
    match = getattr(request, "resolver_match", None)
    if match is not None:
        return match.route
    static_url = "/static/"
    return "static" if request.path.startswith(static_url) else ""


class RequestLogMiddleware:
    """Logs one line when each request is answered (static files included: it sits before WhiteNoise)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        token = _current_request_id.set(getattr(request, "request_id", ""))
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            return response
        finally:
            self._log(request, status, started)
            _current_request_id.reset(token)

    @staticmethod
    def _log(request, status: int, started: float) -> None:
        user = getattr(request, "user", None)
        match = getattr(request, "resolver_match", None)
        request_logger.info(
            "%s %s %s",
            request.method,
            _route(request) or "-",
            status,
            extra={
                "request_id": getattr(request, "request_id", ""),
                "method": request.method,
                "route": _route(request),
                "view": match.view_name if match else "",
                "status": status,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "user_id": user.pk if user is not None and user.is_authenticated else None,
            },
        )
