"""Demo data of the newsletter's subscribers: member representatives who subscribed from My page, the public
through the form (confirmed, awaiting confirmation, unsubscribed), an imported list, bounces; and a delivery for
each sent edition of the demo (its rows as the mail server would have answered them).

Called by `alliance/info/demo.py` after the editions exist. Subscribers go through the services (so their consent
rows are what the platform writes); the deliveries of past editions are written directly, as their sending
happened before the demo began.
"""

import datetime
import random

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from alliance.core.models import Delivery, DeliveryRecipient, User
from alliance.core.roles import Role
from alliance.info.models import Bounce, Consent, Edition, Subscriber
from alliance.info.queries.subscribers import EDITION_MAILING
from alliance.info.services import subscribers as service
from alliance.info.services.subscribers_import import ImportRow, import_subscribers

PUBLIC = 240
FAMILY = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = ("민준", "서연", "도윤", "하은", "지호", "수아", "현우", "지민", "예준", "채원")


def _members(rng: random.Random) -> int:
    reps = User.objects.with_role(Role.MEMBER_REP).exclude(email="").order_by("pk")
    count = 0
    for user in reps:
        if rng.random() < 0.6:
            service.set_own_subscription(user=user, newsletter=True, advertising=rng.random() < 0.5)
            count += 1
    return count


def _public(rng: random.Random, now) -> int:
    for number in range(PUBLIC):
        email = f"reader{number:03d}@demo-mail.kr"
        service.request_subscription(email=email, advertising=rng.random() < 0.4, language="ko", now=now)
        subscriber = Subscriber.objects.get(email=email)
        roll = rng.random()
        if roll < 0.85:
            service.confirm_subscription(subscriber=subscriber, now=now)
            if roll < 0.08:
                service.unsubscribe(subscriber=subscriber, now=now)
    # Long-time subscribers: consent to advertising given more than two years ago, due for renewal.
    old = now - datetime.timedelta(days=800)
    Subscriber.objects.filter(state="active", advertising=True, email__endswith="0@demo-mail.kr").update(
        advertising_confirmed_at=old
    )
    Consent.objects.filter(subscriber__email__endswith="0@demo-mail.kr", purpose="advertising").update(at=old)
    return PUBLIC


def _imported(staff) -> int:
    rows = [
        ImportRow(
            email=f"event{number:02d}@demo-mail.kr",
            name=f"{FAMILY[number % len(FAMILY)]}{GIVEN[number % len(GIVEN)]}",
            given_on="2025-06-12",
            method="2025 메타버스 얼라이언스 총회 참가 신청서",
            wording="얼라이언스 소식과 뉴스레터를 이메일로 받는 데 동의합니다.",
            advertising=number % 3 == 0,
        )
        for number in range(30)
    ]
    return import_subscribers(actor=staff, rows=rows)


def _deliveries(rng: random.Random) -> int:
    """A delivery for each sent edition without one: every subscriber it may go to, mostly sent, a few refused,
    some bounces."""
    editions = list(Edition.objects.filter(state=Edition.State.SENT).order_by("publishing_date"))
    edition_type = ContentType.objects.get_for_model(Edition)
    done = set(
        Delivery.objects.filter(kind=EDITION_MAILING, target_type=edition_type).values_list("target_id", flat=True)
    )
    subscribers = list(Subscriber.objects.filter(state__in=["active", "suspended"]).order_by("pk"))
    made = 0
    for edition in editions:
        if edition.pk in done:
            continue
        sent_at = edition.sent_at or timezone.now()
        delivery = Delivery.objects.create(
            kind=EDITION_MAILING,
            target_type=edition_type,
            target_id=edition.pk,
            ordered_at=sent_at,
            queued_at=sent_at,
            run_at=sent_at,
        )
        rows = []
        for subscriber in subscribers:
            if edition.carries_advertising and not subscriber.advertising:
                continue
            refused = rng.random() < 0.01
            rows.append(
                DeliveryRecipient(
                    delivery=delivery,
                    email=subscriber.email,
                    language="ko",
                    object_id=subscriber.pk,
                    state=DeliveryRecipient.State.FAILED if refused else DeliveryRecipient.State.SENT,
                    attempts=1,
                    answer="550 5.1.1 mailbox unavailable" if refused else "",
                    sent_at=None if refused else sent_at,
                )
            )
        DeliveryRecipient.objects.bulk_create(rows)
        bounced = [row.email for row in rows if row.state == "sent" and rng.random() < 0.005]
        Bounce.objects.bulk_create(
            Bounce(
                email=email, kind="hard", status="5.1.1", source="mailbox", edition_id=edition.pk, received_at=sent_at
            )
            for email in bounced
        )
        made += 1
    return made


def load_subscribers_demo(*, seed: int) -> str:
    if Subscriber.objects.exists():
        return "newsletter subscribers: present, kept"
    rng = random.Random(seed)  # noqa: S311  demo data, reproducible from its seed
    now = timezone.now()
    staff = User.objects.with_role(Role.STAFF).order_by("pk").first()
    with transaction.atomic():
        members = _members(rng)
        public = _public(rng, now)
        imported = _imported(staff)
        deliveries = _deliveries(rng)
    return (
        f"newsletter subscribers: {members} members, {public} public, {imported} imported; "
        f"deliveries for {deliveries} sent editions"
    )
