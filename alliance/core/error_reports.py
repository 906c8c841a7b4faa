"""Error reports to Sentry when SENTRY_DSN is set (an optional dependency: `pip install sentry-sdk`).

Imported by the settings only when a DSN is set, so a deployment without Sentry needs nothing. A DSN set
without the package is a configuration error, said at start-up rather than found after the first lost error.
"""

from django.core.exceptions import ImproperlyConfigured


def start_sentry(*, dsn: str, environment: str, traces_sample_rate: float) -> None:
    try:
        import sentry_sdk  # noqa: PLC0415  optional: only a deployment that reports to Sentry installs it
        from sentry_sdk.integrations.django import DjangoIntegration  # noqa: PLC0415  the same
    except ImportError as error:
        msg = "SENTRY_DSN is set but sentry-sdk is not installed: `.venv/bin/pip install sentry-sdk==2.75.0`."
        raise ImproperlyConfigured(msg) from error
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        traces_sample_rate=traces_sample_rate,
        # No user e-mail, address, cookies or request bodies: the user id is enough to find an account.
        send_default_pii=False,
    )
