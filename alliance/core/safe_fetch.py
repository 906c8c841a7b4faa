"""Fetching a URL someone typed (a news feed's address), without letting it reach inside our own network.

`fetch(url)` answers the body of an http(s) GET, bounded in size (`max_bytes`), time (`timeout` per
connection and read) and redirects (`max_redirects`, each one checked again). It refuses, before connecting,
an address that resolves to a private, loopback, link-local, reserved or multicast address (server-side
request forgery: a feed address `http://127.0.0.1:8000/admin` or `http://169.254.169.254/` must not be
fetched by the server), and connects to the very address it checked (no second DNS lookup an attacker could
answer differently). `settings.SAFE_FETCH_ALLOWED_HOSTS` lists host:port pairs that may be private (tests
run a local HTTP server on 127.0.0.1; empty in production).

Errors are `FetchRefused` with a Korean message for staff.
"""

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_REDIRECTS = 3
_REDIRECTS = {301, 302, 303, 307, 308}
_OK = 200


class FetchRefused(Exception):  # noqa: N818  (a refusal, not an error of ours)
    """The URL was not fetched: a bad scheme, a private address, too large, too slow, or an HTTP error."""


@dataclass(frozen=True)
class Fetched:
    url: str
    status: int
    content_type: str
    body: bytes


def _allowed_private(host: str, port: int) -> bool:
    return f"{host}:{port}" in getattr(settings, "SAFE_FETCH_ALLOWED_HOSTS", ())


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved)


def resolve_public(host: str, port: int) -> str:
    """The first address of `host` if every address it resolves to is public (or the pair is allowed)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchRefused(_("The host %(host)s could not be found.") % {"host": host}) from None
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise FetchRefused(_("The host %(host)s could not be found.") % {"host": host})
    if not _allowed_private(host, port) and not all(is_public_address(address) for address in addresses):
        raise FetchRefused(_("The address %(host)s points inside a private network: refused.") % {"host": host})
    return addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self):
        raw = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(raw, server_hostname=self.host)


def _get_once(url: str, *, timeout: float, max_bytes: int):
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise FetchRefused(_("Only http and https addresses can be fetched."))
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = resolve_public(parts.hostname, port)
    connection_class = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(parts.hostname, port, address, timeout)
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    try:
        connection.request("GET", path, headers={"User-Agent": "MetaverseAlliance-Newsletter/1.0", "Accept": "*/*"})
        response = connection.getresponse()
        declared = response.getheader("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise FetchRefused(_("The answer is larger than %(size)d bytes.") % {"size": max_bytes})
        body = response.read(max_bytes + 1)
        if len(body) > max_bytes:
            raise FetchRefused(_("The answer is larger than %(size)d bytes.") % {"size": max_bytes})
        return response.status, response.getheader("Location", ""), response.getheader("Content-Type", ""), body
    except (TimeoutError, OSError, http.client.HTTPException) as error:
        if isinstance(error, FetchRefused):
            raise
        reason = error.__class__.__name__
        raise FetchRefused(_("The server did not answer properly (%(error)s).") % {"error": reason}) from None
    finally:
        connection.close()


def fetch(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
) -> Fetched:
    """GET `url` within the bounds, following at most `max_redirects` redirects (each checked again)."""
    for _hop in range(max_redirects + 1):
        status, location, content_type, body = _get_once(url, timeout=timeout, max_bytes=max_bytes)
        if status in _REDIRECTS and location:
            url = urljoin(url, location)
            continue
        if status != _OK:
            raise FetchRefused(_("The server answered with status %(status)d.") % {"status": status})
        return Fetched(url=url, status=status, content_type=content_type, body=body)
    raise FetchRefused(_("Too many redirects."))
