"""Shared pieces of the analytics tests: browsers' agents and a switch that records every view at once."""

import pytest

from alliance.info.services import analytics_recording

DESKTOP = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)
PHONE = (
    "Mozilla/5.0 (Linux; Android 14; SM-S928N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
    "Mobile Safari/537.36"
)
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Mobile/15E148 Safari/604.1"
)
TABLET = (
    "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 "
    "Mobile/15E148 Safari/604.1"
)
ANDROID_TABLET = (
    "Mozilla/5.0 (Linux; Android 13; SM-X710N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
NAVER_BOT = "Mozilla/5.0 (compatible; Yeti/1.1; +https://naver.me/spd)"
SCRIPT = "python-requests/2.32.3"


@pytest.fixture
def recording(settings):
    """Analytics on, every view written as soon as its request is finished, no salt left from another test."""
    settings.ANALYTICS_ENABLED = True
    settings.ANALYTICS_BUFFER_SIZE = 1
    analytics_recording.flush()
    analytics_recording.forget_cached_salt()
    yield
    analytics_recording.forget_cached_salt()
