"""Production behind a TLS-terminating proxy: the README's documented settings pass `check --deploy`,
and with them a request over plain HTTP is redirected while one the proxy marks HTTPS gets HSTS."""

import os
import secrets
import subprocess
import sys

from django.conf import settings

DOCUMENTED_PRODUCTION = {
    "DEBUG": "0",
    "ALLOWED_HOSTS": "alliance.example.kr",
    "CSRF_TRUSTED_ORIGINS": "https://alliance.example.kr",
    "SITE_URL": "https://alliance.example.kr",
    "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
}

REQUESTS = """
from django.http import HttpResponse
from django.middleware.security import SecurityMiddleware
from django.test import RequestFactory
middleware = SecurityMiddleware(lambda request: HttpResponse())
factory = RequestFactory()
plain = middleware(factory.get("/", HTTP_HOST="alliance.example.kr"))
proxied = middleware(factory.get("/", HTTP_HOST="alliance.example.kr", HTTP_X_FORWARDED_PROTO="https"))
print(plain.status_code, plain["Location"])
print(proxied.status_code, proxied["Strict-Transport-Security"])
"""


def _manage(tmp_path, *args):
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("SECURE_", "DJANGO_"))}
    database = tmp_path / "deploy.sqlite3"
    environment.update(
        DOCUMENTED_PRODUCTION,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLIANCE_VAR_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{database}",
    )
    return subprocess.run(  # noqa: S603  our own manage.py with fixed arguments
        [sys.executable, str(settings.BASE_DIR / "manage.py"), *args],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        cwd=settings.BASE_DIR,
    )


def test_check_deploy_is_clean_with_the_documented_production_settings(tmp_path):
    result = _manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING")

    assert (result.returncode, result.stderr) == (0, ""), result.stderr


def test_behind_the_proxy_http_is_redirected_and_https_gets_hsts(tmp_path):
    result = _manage(tmp_path, "shell", "-c", REQUESTS)

    assert result.stdout.splitlines()[-2:] == [
        "301 https://alliance.example.kr/",
        "200 max-age=31536000; includeSubDomains; preload",
    ], result.stderr
