"""Events and registrations for the door's tests: a ticket is issued as the confirmation e-mail issues it
(core/links.issue_token), and its token returned beside the row."""

import datetime
import itertools

from django.utils import timezone

from alliance.core.links import issue_token, unsent_token_hash
from alliance.events.models import Event, EventKind, OrganisationType, Registration

_sequence = itertools.count(1)


def make_event(*, title="2025 메타버스 얼라이언스 성과공유회", date=None, **fields) -> Event:
    return Event.objects.create(
        title=title,
        kind=fields.pop("kind", EventKind.RESULTS),
        date=date or timezone.localdate(),
        starts_at=fields.pop("starts_at", datetime.time(13, 40)),
        ends_at=fields.pop("ends_at", datetime.time(19, 0)),
        venue_name=fields.pop("venue_name", "나인트리 프리미어 로카우스 호텔"),
        published=fields.pop("published", True),
        **fields,
    )


def make_registration(
    event: Event,
    *,
    name="홍길동",
    organisation_name="주식회사 메타랩",
    organisation_type=OrganisationType.COMPANY,
    status=Registration.Status.CONFIRMED,
    **fields,
) -> tuple[Registration, str]:
    """A registration and its ticket's token."""
    number = next(_sequence)
    registration = Registration.objects.create(
        event=event,
        name=name,
        email=fields.pop("email", f"guest{number}@example.kr"),
        organisation_name=organisation_name,
        organisation_type=organisation_type,
        status=status,
        sequence=fields.pop("sequence", number),
        token_hash=unsent_token_hash(),
        expires_at=event.ends + datetime.timedelta(days=1),
        **fields,
    )
    token = issue_token(registration)
    registration.save(update_fields=["token_hash", "sent_at"])
    return registration, token
