"""Background work of the map survey. Each task takes ids, loads, and calls one service."""

from django_tasks import task


@task
def send_survey_email(invitation_id: int, token: str) -> None:
    """Send one map-survey e-mail with the personal link of `token` (the database keeps only its hash)."""
    from alliance.ecosystem.models import MapSurveyInvitation
    from alliance.ecosystem.services.survey import send_survey_email as send

    invitation = MapSurveyInvitation.objects.select_related("player", "survey").get(pk=invitation_id)
    send(invitation=invitation, token=token)
