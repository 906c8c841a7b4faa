"""A real HTTP server on 127.0.0.1 serving the local feed files (tests/feeds/), allowed through
SAFE_FETCH_ALLOWED_HOSTS for the test that uses it: the feed fetch runs end to end without the network."""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FEEDS = Path(__file__).parent / "feeds"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def feed_server(settings, tmp_path):
    """Serves tests/feeds/ plus `big.xml` (3 MB) at http://127.0.0.1:<port>/; yields the base URL."""
    for source in FEEDS.iterdir():
        (tmp_path / source.name).write_bytes(source.read_bytes())
    (tmp_path / "big.xml").write_bytes(b"<rss>" + b" " * (3 * 1024 * 1024) + b"</rss>")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address
    settings.SAFE_FETCH_ALLOWED_HOSTS = (f"{host}:{port}",)
    yield f"http://{host}:{port}"
    server.shutdown()
    server.server_close()
