"""The client's real address and the request id behind a TLS proxy (nginx, deploy/nginx/alliance.conf).

Behind the proxy every request comes from the proxy's address. The proxy passes the client's address in
`X-Real-IP` and its request id in `X-Request-ID`; those headers are believed only when the request comes from
an address in `TRUSTED_PROXIES`, since a client reaching the server directly could send them itself. The
address then replaces REMOTE_ADDR, which is all the rest of the platform reads (django-axes' lock-out, rate
limits, the audit log).
"""

import ipaddress
import re
import uuid

from django.conf import settings

# A request id we accept from the proxy: letters, digits and dashes, as nginx's $request_id (32 hex digits).
_REQUEST_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")


def _is_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


class TrustedProxyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.trusted = frozenset(settings.TRUSTED_PROXIES)

    def __call__(self, request):
        from_proxy = request.META.get("REMOTE_ADDR", "") in self.trusted
        request_id = ""
        if from_proxy:
            real_address = request.META.get("HTTP_X_REAL_IP", "").strip()
            if _is_address(real_address):
                request.META["REMOTE_ADDR"] = real_address
            candidate = request.META.get("HTTP_X_REQUEST_ID", "")
            request_id = candidate if _REQUEST_ID.match(candidate) else ""
        request.request_id = request_id or uuid.uuid4().hex
        response = self.get_response(request)
        response["X-Request-ID"] = request.request_id
        return response
