"""Settings read from environment variables: the cache URL."""

import os

import pytest
from django.core.exceptions import ImproperlyConfigured

from alliance.settings import cache_settings


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "file:///srv/alliance/var/cache",
            {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": "/srv/alliance/var/cache",
                "OPTIONS": {"MAX_ENTRIES": 5_000},
            },
        ),
        (
            "locmem://",
            {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "alliance",
                "OPTIONS": {"MAX_ENTRIES": 5_000},
            },
        ),
        (
            "redis://127.0.0.1:6379/1",
            {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": "redis://127.0.0.1:6379/1",
                "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
            },
        ),
    ],
)
def test_cache_settings_from_url(url, expected):
    assert cache_settings(url) == expected


@pytest.mark.parametrize("url", ["memcached://127.0.0.1:11211", "file://", "var/cache"])
def test_cache_settings_unknown_url_refused(url):
    with pytest.raises(ImproperlyConfigured):
        cache_settings(url)


@pytest.mark.skipif("CACHE_URL" in os.environ, reason="CACHE_URL chooses another cache")
def test_default_cache_is_a_directory_under_var():
    # The settings module itself: the tests give each test its own cache through the settings fixture.
    from alliance import settings as module

    assert module.CACHES["default"] == cache_settings(f"file://{module.VAR_DIR / 'cache'}")
