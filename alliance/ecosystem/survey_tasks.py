"""Background work of the map survey. Each task takes ids, loads, and calls one service."""

from django_tasks import task


@task
def send_survey_email(invitation_id: int) -> bool:
    """Send one map-survey e-mail with a new personal link (made as it goes out; no token is a task argument)."""
    from alliance.ecosystem.services.survey import send_survey_email as send  # noqa: PLC0415  e-mail task and service import each other; the delivery pipeline removes it

    return send(invitation_id=invitation_id)
