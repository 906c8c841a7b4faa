"""The members tests' own cache: a directory per test (import progress lives in the cache), so that tests
running side by side (pytest -n) never read each other's readings and nothing is left in var/cache."""

import pytest


@pytest.fixture(autouse=True)
def _isolated_cache(settings, tmp_path):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": tmp_path / "cache"}
    }
