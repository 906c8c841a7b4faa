"""Setting up a year's bodies, seats and held meetings from a file (`load_governance FILE.json`).

Rule: the whole file is checked first and every problem is reported with its place in the file
(`bodies[0].seats[3].term`); only a clean file is written, in one transaction. Bodies in the file are new
bodies of the year; a meeting names a body of the file or one the year already has, and its attendance names
people seated on that body.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.governance.models import (
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    Meeting,
    Position,
    QuorumRule,
    Seat,
    Sector,
)
from alliance.governance.services.bodies import add_seat, create_body, find_or_create_person
from alliance.members.models import Organisation

SECTORS = {
    **{value: value for value in Sector.values},
    "정부": Sector.GOVERNMENT,
    "학계·연구계": Sector.ACADEMIA,
    "학계": Sector.ACADEMIA,
    "연구계": Sector.ACADEMIA,
    "산업계": Sector.INDUSTRY,
    "유관기관": Sector.AGENCY,
}
POSITIONS = {
    **{value: value for value in Position.values},
    "위원장": Position.CHAIR,
    "부위원장": Position.VICE_CHAIR,
    "분과장": Position.SUBCOMMITTEE_CHAIR,
    "위원": Position.MEMBER,
    "간사": Position.SECRETARY,
}
STATUSES = {
    "present": AttendanceStatus.PRESENT,
    "absent": AttendanceStatus.ABSENT,
    "substitute": AttendanceStatus.SUBSTITUTE,
}


@dataclass(frozen=True)
class Loaded:
    year: int
    bodies: int
    seats: int
    meetings: int


class _Checker:
    def __init__(self):
        self.errors: list[str] = []

    def add(self, place: str, message: str) -> None:
        self.errors.append(f"{place}: {message}")

    def text(self, data: dict, key: str, place: str, *, required: bool = True) -> str:
        value = data.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            self.add(f"{place}.{key}", _("give a text."))
            return ""
        return value.strip()

    def date(self, value, place: str) -> datetime.date | None:
        try:
            return datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            self.add(place, _("write a date as YYYY-MM-DD (given: %(value)s).") % {"value": value})
            return None

    def whole(self, data: dict, key: str, place: str, *, default: int) -> int:
        value = data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            self.add(f"{place}.{key}", _("give a whole number of 0 or more."))
            return default
        return value

    def listed(self, data: dict, key: str, place: str) -> list:
        value = data.get(key, [])
        if not isinstance(value, list):
            self.add(f"{place}.{key}", _("give a list."))
            return []
        return value


def _check_seat(check: _Checker, seat, place: str, organisations: dict) -> dict | None:
    if not isinstance(seat, dict):
        check.add(place, _("give a seat as an object."))
        return None
    sector = SECTORS.get(seat.get("sector"))
    if sector is None:
        check.add(
            f"{place}.sector",
            _("unknown sector “%(value)s”: 정부, 학계·연구계, 산업계 or 유관기관.") % {"value": seat.get("sector")},
        )
    position = POSITIONS.get(seat.get("position", Position.MEMBER))
    if position is None:
        check.add(
            f"{place}.position",
            _("unknown position “%(value)s”: chair, vice_chair, subcommittee_chair, member or secretary.")
            % {"value": seat.get("position")},
        )
    term, start, end = seat.get("term"), None, None
    if not isinstance(term, list) or len(term) != 2:
        check.add(f"{place}.term", _("give the term as [start, end]."))
    else:
        start, end = check.date(term[0], f"{place}.term[0]"), check.date(term[1], f"{place}.term[1]")
        if start and end and end < start:
            check.add(
                f"{place}.term",
                _("the term ends (%(end)s) before it starts (%(start)s).") % {"start": start, "end": end},
            )
    organisation_name = seat.get("organisation", "")
    return {
        "person": check.text(seat, "person", place),
        "organisation": organisations.get(organisation_name) if isinstance(organisation_name, str) else None,
        "affiliation": organisation_name.strip() if isinstance(organisation_name, str) else "",
        "title": check.text(seat, "title", place, required=False),
        "email": check.text(seat, "email", place, required=False),
        "sector": sector,
        "position": position,
        "term_start": start,
        "term_end": end,
        "is_observer": bool(seat.get("observer", False)),
    }


def _check_body(check: _Checker, body, place: str, organisations: dict, names: set) -> dict | None:
    if not isinstance(body, dict):
        check.add(place, _("give a body as an object."))
        return None
    name = check.text(body, "name", place)
    if name in names:
        check.add(
            f"{place}.name", _("“%(name)s” is in the file twice or exists in this year already.") % {"name": name}
        )
    names.add(name)
    kind = body.get("kind")
    if kind not in BodyKind.values:
        check.add(f"{place}.kind", _("unknown kind “%(value)s”: steering or subcommittee.") % {"value": kind})
    quorum, quorum_count = body.get("quorum", QuorumRule.MAJORITY), None
    if isinstance(quorum, int) and not isinstance(quorum, bool) and quorum > 0:
        quorum, quorum_count = QuorumRule.FIXED, body["quorum"]
    elif quorum not in (QuorumRule.MAJORITY, QuorumRule.TWO_THIRDS):
        check.add(
            f"{place}.quorum",
            _("unknown quorum “%(value)s”: majority, two_thirds or a number of seats.") % {"value": quorum},
        )
    substitutes_count = body.get("substitutes_count", True)
    if not isinstance(substitutes_count, bool):
        check.add(f"{place}.substitutes_count", _("give true or false."))
    seats, people = [], set()
    for number, seat in enumerate(check.listed(body, "seats", place)):
        checked = _check_seat(check, seat, f"{place}.seats[{number}]", organisations)
        if checked is None:
            continue
        if checked["person"] in people:
            check.add(
                f"{place}.seats[{number}].person",
                _("%(person)s already has a seat on this body.") % {"person": checked["person"]},
            )
        people.add(checked["person"])
        seats.append(checked)
    return {
        "name": name,
        "kind": kind,
        "quorum_rule": quorum,
        "quorum_count": quorum_count,
        "substitutes_count": substitutes_count is not False,
        "meetings_planned": check.whole(body, "meetings_planned", place, default=0),
        "seats": seats,
    }


def _check_attendance(check: _Checker, row, place: str, seated: set[str]) -> dict | None:
    if not isinstance(row, dict):
        check.add(place, _("give an attendance as an object."))
        return None
    person = check.text(row, "person", place)
    if person and person not in seated:
        check.add(f"{place}.person", _("%(person)s holds no seat on this body.") % {"person": person})
    status = STATUSES.get(row.get("status"))
    if status is None:
        check.add(
            f"{place}.status",
            _("unknown status “%(value)s”: present, absent or substitute.") % {"value": row.get("status")},
        )
    substitute = row.get("substitute", "")
    if not isinstance(substitute, str):
        check.add(f"{place}.substitute", _("give a text."))
        substitute = ""
    if status == AttendanceStatus.SUBSTITUTE and not substitute.strip():
        check.add(f"{place}.substitute", _("name the substitute."))
    return {"person": person, "status": status, "substitute": substitute.strip()}


def _check_meeting(check: _Checker, meeting, place: str, seated_by_body: dict, numbers: set) -> dict | None:
    if not isinstance(meeting, dict):
        check.add(place, _("give a meeting as an object."))
        return None
    body = check.text(meeting, "body", place)
    if body and body not in seated_by_body:
        check.add(f"{place}.body", _("unknown body “%(name)s”.") % {"name": body})
    number = meeting.get("number")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        check.add(f"{place}.number", _("give the meeting's number (1 or more)."))
    elif (body, number) in numbers:
        check.add(
            f"{place}.number",
            _("meeting %(number)d of %(body)s is given twice or exists already.") % {"number": number, "body": body},
        )
    numbers.add((body, number))
    date = check.date(meeting.get("date"), f"{place}.date")
    seated = seated_by_body.get(body, set())
    attendance, people = [], set()
    for index, row in enumerate(check.listed(meeting, "attendance", place)):
        checked = _check_attendance(check, row, f"{place}.attendance[{index}]", seated)
        if checked is None:
            continue
        if checked["person"] in people:
            check.add(
                f"{place}.attendance[{index}].person", _("%(person)s is listed twice.") % {"person": checked["person"]}
            )
        people.add(checked["person"])
        attendance.append(checked)
    return {"body": body, "number": number, "date": date, "attendance": attendance}


def check_file(spec) -> dict:
    """The file checked and normalised; ValidationError listing every problem with its place."""
    check = _Checker()
    if not isinstance(spec, dict):
        raise ValidationError([_("the file must hold an object with “year”, “bodies” and “meetings”.")])
    year = spec.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
        check.add("year", _("give the year (2000–2100)."))
        year = None
    existing = {body.name: body for body in Body.objects.filter(year=year)} if year else {}
    names = set(existing)
    organisations = {
        organisation.name: organisation
        for organisation in Organisation.objects.filter(name__in=_organisation_names(spec))
    }
    bodies = [
        checked
        for number, body in enumerate(check.listed(spec, "bodies", "file"))
        if (checked := _check_body(check, body, f"bodies[{number}]", organisations, names)) is not None
    ]
    seated_by_body = {name: set(body.seats.values_list("person__name", flat=True)) for name, body in existing.items()}
    seated_by_body.update({body["name"]: {seat["person"] for seat in body["seats"]} for body in bodies})
    numbers = set(Meeting.objects.filter(body__in=existing.values()).values_list("body__name", "number"))
    meetings = [
        checked
        for number, meeting in enumerate(check.listed(spec, "meetings", "file"))
        if (checked := _check_meeting(check, meeting, f"meetings[{number}]", seated_by_body, numbers)) is not None
    ]
    if check.errors:
        raise ValidationError(check.errors)
    return {"year": year, "bodies": bodies, "meetings": meetings}


def _organisation_names(spec) -> set[str]:
    names = set()
    for body in spec.get("bodies", []) if isinstance(spec, dict) and isinstance(spec.get("bodies"), list) else []:
        for seat in body.get("seats", []) if isinstance(body, dict) and isinstance(body.get("seats"), list) else []:
            if isinstance(seat, dict) and isinstance(seat.get("organisation"), str):
                names.add(seat["organisation"].strip())
    return names


def _write_body(year: int, body: dict, by) -> Body:
    created = create_body(
        year=year,
        name=body["name"],
        kind=body["kind"],
        by=by,
        quorum_rule=body["quorum_rule"],
        quorum_count=body["quorum_count"],
        substitutes_count=body["substitutes_count"],
        meetings_planned=body["meetings_planned"],
        order=0 if body["kind"] == BodyKind.STEERING else Body.objects.filter(year=year).count(),
    )
    for seat in body["seats"]:
        person = find_or_create_person(
            name=seat["person"],
            organisation=seat["organisation"],
            affiliation=seat["affiliation"],
            title=seat["title"],
            sector=seat["sector"],
            email=seat["email"],
            by=by,
        )
        add_seat(
            body=created,
            person=person,
            position=seat["position"],
            term_start=seat["term_start"],
            term_end=seat["term_end"],
            is_observer=seat["is_observer"],
            by=by,
        )
    return created


def _write_meeting(year: int, meeting: dict) -> Meeting:
    body = Body.objects.get(year=year, name=meeting["body"])
    created = Meeting.objects.create(
        body=body,
        number=meeting["number"],
        date=meeting["date"],
        attendance_recorded_at=timezone.now() if meeting["attendance"] else None,
    )
    seat_of = {seat.person.name: seat for seat in body.seats.select_related("person")}
    Attendance.objects.bulk_create(
        Attendance(
            meeting=created,
            seat=seat_of[row["person"]],
            status=row["status"],
            substitute_name=row["substitute"] if row["status"] == AttendanceStatus.SUBSTITUTE else "",
        )
        for row in meeting["attendance"]
    )
    return created


def load_governance(*, spec, by=None, actor_label: str = "") -> Loaded:
    """Check `spec` (the parsed file) and write it: bodies, people, seats (a subcommittee chair also on the
    steering committee, ex officio), meetings with their attendance.

    Side effects: the services' audit entries, and `governance.year.loaded` with the counts.
    """
    checked = check_file(spec)
    year = checked["year"]
    # The steering committee first: the subcommittee chairs' ex officio seats go on it.
    ordered = sorted(checked["bodies"], key=lambda body: body["kind"] != BodyKind.STEERING)
    with transaction.atomic():
        bodies = [_write_body(year, body, by) for body in ordered]
        meetings = [_write_meeting(year, meeting) for meeting in checked["meetings"]]
        loaded = Loaded(
            year=year,
            bodies=len(bodies),
            seats=Seat.objects.filter(body__in=bodies).count(),
            meetings=len(meetings),
        )
        record_audit(
            action="governance.year.loaded",
            actor=by,
            actor_label=actor_label,
            target=None,
            after={"year": year, "bodies": loaded.bodies, "seats": loaded.seats, "meetings": loaded.meetings},
        )
    return loaded
