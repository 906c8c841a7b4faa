"""Demo data of the events: the 2025 joint open seminar and the 2025 results-sharing day with their
programmes from the seeds, registrations from demo members' contacts and invited guests — some cancelled,
some still waiting, most checked in (the events are past) — and one coming event open for registration.
Rows are written directly (no e-mails go out); deterministic for a seed."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from alliance.core.links import hash_token, unsent_token_hash
from alliance.events.demo_content import GUESTS, RESULTS_DAY, RESULTS_ROWS, SEMINAR, SEMINAR_ROWS
from alliance.events.demo_door import load_door_demo
from alliance.events.models import Event, OrganisationType, ProgrammeRow, Question, Registration, Speaker
from alliance.events.services.registration import ticket_expiry
from alliance.members.models import Contact, MemberCategory

TYPE_OF_CATEGORY = {
    MemberCategory.LARGE: OrganisationType.COMPANY,
    MemberCategory.MEDIUM: OrganisationType.COMPANY,
    MemberCategory.SMALL: OrganisationType.COMPANY,
    MemberCategory.AGENCY: OrganisationType.INSTITUTION,
    MemberCategory.NONPROFIT: OrganisationType.INSTITUTION,
    MemberCategory.UNIVERSITY: OrganisationType.UNIVERSITY,
}
AT = datetime.time(9, 0)


def _aware(day: datetime.date, time: datetime.time = AT) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))


def _event(values: dict, rows, *, opens: datetime.date, closes: datetime.date) -> Event:
    event = Event.objects.create(
        **values,
        registration_opens_at=_aware(opens),
        registration_closes_at=_aware(closes, datetime.time(18, 0)),
        open_to_members=True,
        published=True,
        published_at=_aware(opens),
    )
    for order, (section, starts, ends, content, note, room, speakers) in enumerate(rows, start=1):
        row = ProgrammeRow.objects.create(
            event=event, section=section, starts_at=starts, ends_at=ends, content=content, note=note, room=room,
            order=order,
        )  # fmt: skip
        Speaker.objects.bulk_create(
            Speaker(row=row, name=name, affiliation=affiliation, title=title, order=n)
            for n, (name, affiliation, title) in enumerate(speakers)
        )
    return event


def _people(rng: random.Random, count: int) -> list[dict]:
    """`count` people: demo member contacts (their organisation and its type) and the invited guests."""
    contacts = list(Contact.objects.exclude(email="").select_related("organisation").order_by("pk"))
    chosen = rng.sample(contacts, min(count - len(GUESTS), len(contacts)))
    people = [
        {
            "name": contact.name,
            "email": contact.email.lower(),
            "job_title": contact.position,
            "organisation": contact.organisation,
            "organisation_name": contact.organisation.name,
            "organisation_type": TYPE_OF_CATEGORY.get(contact.organisation.category, OrganisationType.OTHER),
            "source": Registration.Source.MEMBER,
        }
        for contact in chosen
    ]
    people += [
        {
            "name": name, "email": f"guest{n}@{'korea.kr' if kind == 'government' else 'example.kr'}",
            "job_title": title, "organisation": None, "organisation_name": organisation,
            "organisation_type": kind, "source": Registration.Source.GUEST,
        }
        for n, (name, organisation, title, kind) in enumerate(GUESTS)
    ]  # fmt: skip
    rng.shuffle(people)
    unique = {person["email"]: person for person in people}
    return list(unique.values())


def _registrations(event: Event, people: list[dict], rng: random.Random, *, past: bool) -> tuple[int, int]:
    """Registrations in order: the first `capacity` confirmed, the rest waiting; some cancel, whose places go
    to the first waiting (promoted); at a past event most confirmed checked in. Returns (confirmed, checked in)."""
    opened = event.registration_opens_at
    rows = []
    for sequence, person in enumerate(people, start=1):
        rows.append(
            Registration(
                event=event, sequence=sequence, created_at=opened, expires_at=ticket_expiry(event),
                token_hash=unsent_token_hash(), sent_at=opened + datetime.timedelta(minutes=sequence),
                consented_at=None, **person,
            )
        )  # fmt: skip
    Registration.objects.bulk_create(rows)
    rows = list(Registration.objects.filter(event=event).order_by("sequence"))
    confirmed = rows[: event.capacity]
    waiting = rows[event.capacity :]
    cancelled = rng.sample(confirmed, max(1, len(confirmed) // 20))
    for row in rows:
        row.token_hash = hash_token(row.link_token())
        row.status = Registration.Status.CONFIRMED
    for row in cancelled:
        row.status = Registration.Status.CANCELLED
        row.cancelled_at = opened + datetime.timedelta(days=3)
    for row in waiting[: len(cancelled)]:
        row.promoted_at = opened + datetime.timedelta(days=3)
    for row in waiting[len(cancelled) :]:
        row.status = Registration.Status.WAITING
    live = [row for row in rows if row.status == Registration.Status.CONFIRMED]
    checked = 0
    if past:
        for row in live:
            if rng.random() < 0.88:
                row.checked_in_at = event.starts - datetime.timedelta(minutes=rng.randint(0, 40))
                checked += 1
    Registration.objects.bulk_update(
        rows, ["token_hash", "status", "cancelled_at", "promoted_at", "checked_in_at"], batch_size=500
    )
    return len(live), checked


def load_demo(*, seed: int) -> str:
    """The two 2025 events with programme and registrations, and one coming event (a one-line summary)."""
    if Event.objects.exists():
        return "행사 데모가 이미 있습니다."
    rng = random.Random(seed)  # noqa: S311  demo data, reproducible by seed
    with transaction.atomic():
        seminar = _event(SEMINAR, SEMINAR_ROWS, opens=datetime.date(2025, 10, 20), closes=datetime.date(2025, 11, 11))
        Question.objects.create(
            event=seminar, text="투자·법률 상담을 신청하시겠습니까?", kind=Question.Kind.YES_NO, order=1
        )
        results = _event(
            RESULTS_DAY, RESULTS_ROWS, opens=datetime.date(2025, 11, 10), closes=datetime.date(2025, 11, 28)
        )
        seminar_counts = _registrations(seminar, _people(rng, 112), rng, past=True)
        results_counts = _registrations(results, _people(rng, 165), rng, past=True)
        day = timezone.localdate() + datetime.timedelta(days=21)
        coming = _event(
            {
                **RESULTS_DAY,
                "title": f"{day.year} 메타버스 얼라이언스 성과공유회",
                "date": day,
                "summary": f"{day.year}년 얼라이언스 활동 성과 공유와 우수 프로젝트 그룹 시상",
            },
            RESULTS_ROWS,
            opens=timezone.localdate() - datetime.timedelta(days=7),
            closes=day - datetime.timedelta(days=2),
        )
        coming.open_to_public = True
        coming.save(update_fields=["open_to_public"])
        _registrations(coming, _people(rng, 40), rng, past=False)
    door = load_door_demo(seed=seed)  # press, awards and the IR order of 2025 (demo_door.py)
    return (
        f"행사 3건: 2025 분과통합 공개세미나(확정 {seminar_counts[0]}명, 참석 {seminar_counts[1]}명), "
        f"2025 성과공유회(확정 {results_counts[0]}명, 참석 {results_counts[1]}명), {coming.date} 신청 중인 행사.\n"
        f"{door}"
    )
