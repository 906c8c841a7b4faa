"""Importing an existing list of subscribers (Excel) — only addresses whose consent the file proves.

Rules:
- An import cannot create consent: a row is taken only with the columns that prove one was given — 이메일
  (e-mail), 동의일 (the day it was given), 동의방법 (how: the form or event where it was asked) and 동의문구 (the
  wording shown then); 광고수신동의 (Y/N) adds consent to advertising given that day (renewed two years later
  like any other). 이름 (name) is optional. The first sheet's first row holds the column names.
- A row without them, with a bad address or date, or repeating an address is reported by its row number and
  column, and nothing is written (all or nothing).
- An address already subscribed is left as it is; one that unsubscribed is not subscribed again by a list
  (its withdrawal stands). Both are counted and named on the confirmation page.
- Every imported row records consent rows with source "import", the file's day, method and wording.
"""

import datetime
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from alliance.core.audit import record_audit
from alliance.info.models import Consent, Subscriber
from alliance.info.services.subscribers import new_subscriber, normalise_email

COLUMNS = {
    "email": "이메일",
    "name": "이름",
    "given_on": "동의일",
    "method": "동의방법",
    "wording": "동의문구",
    "ads": "광고수신동의",
}
REQUIRED = ("email", "given_on", "method", "wording")
YES = {"y", "yes", "o", "예", "동의", "true", "1"}
NO = {"", "n", "no", "x", "아니오", "미동의", "false", "0"}


@dataclass(frozen=True)
class ImportRow:
    email: str
    name: str
    given_on: str  # ISO date
    method: str
    wording: str
    advertising: bool


@dataclass
class ImportPlan:
    new: list[ImportRow] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(_text(value).replace(".", "-").replace("/", "-"))
    except ValueError:
        return None


def parse_import(content: bytes) -> list[ImportRow]:
    """The rows of the workbook; ValidationError listing every problem by row and column."""
    try:
        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
    except Exception as error:
        raise ValidationError(_("The file is not an Excel workbook (.xlsx).")) from error
    lines = sheet.iter_rows(values_only=True)
    header = [_text(name) for name in next(lines, ())]
    missing = [COLUMNS[key] for key in REQUIRED if COLUMNS[key] not in header]
    if missing:
        message = _(
            "Columns missing: %(columns)s. An import cannot create consent: the file must show when, how and "
            "with what wording each address consented."
        )
        raise ValidationError(message % {"columns": ", ".join(missing)})
    position = {key: header.index(name) for key, name in COLUMNS.items() if name in header}
    rows, errors, seen = [], [], set()
    for number, values in enumerate(lines, start=2):
        cells = {key: values[index] if index < len(values) else None for key, index in position.items()}
        if all(_text(value) == "" for value in cells.values()):
            continue
        row, row_errors = _row(number, cells, seen)
        errors.extend(row_errors)
        if row is not None:
            rows.append(row)
    if errors:
        raise ValidationError(errors)
    return rows


def _row(number: int, cells: dict, seen: set) -> tuple[ImportRow | None, list[str]]:
    errors = []

    def problem(key: str, text: str) -> None:
        where = {"row": number, "column": COLUMNS[key], "problem": text}
        errors.append(_("Row %(row)s, column %(column)s: %(problem)s") % where)

    email = normalise_email(_text(cells.get("email")))
    try:
        validate_email(email)
    except ValidationError:
        problem("email", _("not an e-mail address"))
    if email in seen:
        problem("email", _("the address appears twice in the file"))
    seen.add(email)
    given_on = _date(cells.get("given_on"))
    if given_on is None:
        problem("given_on", _("a date such as 2025-03-14 is needed"))
    elif given_on > timezone.localdate():
        problem("given_on", _("the date is in the future"))
    for key in ("method", "wording"):
        if not _text(cells.get(key)):
            problem(key, _("empty: without it the consent cannot be proven"))
    ads = _text(cells.get("ads")).lower()
    if ads not in YES | NO:
        problem("ads", _("write Y or N"))
    if errors:
        return None, errors
    row = ImportRow(
        email=email,
        name=_text(cells.get("name"))[:100],
        given_on=given_on.isoformat(),
        method=_text(cells.get("method"))[:300],
        wording=_text(cells.get("wording")),
        advertising=ads in YES,
    )
    return row, []


def plan_import(rows: list[ImportRow]) -> ImportPlan:
    """What an import would do, without writing."""
    states = dict(Subscriber.objects.filter(email__in=[row.email for row in rows]).values_list("email", "state"))
    plan = ImportPlan()
    for row in rows:
        state = states.get(row.email)
        if state == Subscriber.State.UNSUBSCRIBED:
            plan.withdrawn.append(row.email)
        elif state == Subscriber.State.ACTIVE:
            plan.already.append(row.email)
        else:
            plan.new.append(row)
    return plan


def import_subscribers(*, actor, rows: list[ImportRow]) -> int:
    """Subscribe the rows the plan takes (see the module's rules); returns how many.

    Side effects: subscribers (active) and their consent rows (source import, the file's day, method and
    wording); audit `info.subscriber.imported` with the counts.
    """
    now = timezone.now()
    with transaction.atomic():
        plan = plan_import(rows)
        emails = [row.email for row in plan.new]
        existing = {found.email: found for found in Subscriber.objects.select_for_update().filter(email__in=emails)}
        for row in plan.new:
            # Noon of the day the file names: the hour was not recorded.
            given = timezone.make_aware(
                datetime.datetime.combine(datetime.date.fromisoformat(row.given_on), datetime.time(12))
            )
            subscriber = existing.get(row.email) or new_subscriber(row.email, now=now, name=row.name)
            _consent(subscriber, Consent.Purpose.NEWSLETTER, row, given, actor)
            subscriber.state, subscriber.subscribed_at = Subscriber.State.ACTIVE, given
            subscriber.hard_bounces, subscriber.suspended_at, subscriber.requested_at = 0, None, None
            if row.advertising:
                _consent(subscriber, Consent.Purpose.ADVERTISING, row, given, actor)
                subscriber.advertising, subscriber.advertising_confirmed_at = True, given
            subscriber.name = subscriber.name or row.name
            subscriber.save()
        record_audit(
            action="info.subscriber.imported",
            actor=actor,
            target=None,
            after={"imported": len(plan.new), "already": len(plan.already), "withdrawn": len(plan.withdrawn)},
        )
    return len(plan.new)


def _consent(subscriber, purpose, row: ImportRow, given, actor) -> None:
    Consent.objects.create(
        subscriber=subscriber,
        purpose=purpose,
        action=Consent.Action.GIVEN,
        source=Consent.Source.IMPORT,
        at=given,
        wording_version="",
        wording=row.wording,
        note=row.method,
        actor=actor,
    )
