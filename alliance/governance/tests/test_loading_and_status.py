"""`load_governance FILE.json` (a good file; every kind of bad file reported with its place, nothing written) and
`governance_status --format json` (exact output)."""

import copy
import datetime
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from alliance.core.models import AuditEntry
from alliance.governance.models import Attendance, Body, Meeting, Person, Seat
from alliance.governance.queries.bodies import terms_ending
from alliance.governance.tests.factories import BodyFactory, SeatFactory

pytestmark = pytest.mark.django_db

SECTORS = ["정부", "학계·연구계", "산업계", "유관기관"]


def steering_seats(count=16):
    seats = [
        {
            "person": f"위원{number:02d}",
            "organisation": f"기관{number:02d}",
            "title": "위원",
            "sector": SECTORS[number % 4],
            "position": "member",
            "term": ["2025-01-01", "2025-12-31"],
        }
        for number in range(1, count + 1)
    ]
    seats[0].update(position="chair", sector="학계·연구계")
    seats[1]["term"] = ["2025-03-01", "2026-02-28"]  # ends 59 days after 2025-12-31
    seats[2]["term"] = ["2025-03-01", "2026-03-02"]  # ends 61 days after
    return seats


def attendance():
    rows = [{"person": f"위원{number:02d}", "status": "present"} for number in range(1, 10)]
    rows += [{"person": "위원10", "status": "substitute", "substitute": "대리10 팀장"}]
    rows += [{"person": "위원11", "status": "substitute", "substitute": "대리11 과장"}]
    rows += [{"person": f"위원{number:02d}", "status": "absent"} for number in range(12, 17)]
    return rows


FILE = {
    "year": 2025,
    "bodies": [
        {
            "name": "운영위원회",
            "kind": "steering",
            "quorum": "majority",
            "substitutes_count": True,
            "seats": steering_seats(),
            "meetings_planned": 4,
        },
        {
            "name": "윤리제도",
            "kind": "subcommittee",
            "seats": [
                {
                    "person": "분과장1",
                    "organisation": "한국대학교",
                    "title": "교수",
                    "sector": "학계·연구계",
                    "position": "subcommittee_chair",
                    "term": ["2025-01-01", "2025-12-31"],
                }
            ],
            "meetings_planned": 3,
        },
    ],
    "meetings": [{"body": "운영위원회", "number": 4, "date": "2025-11-26", "attendance": attendance()}],
}


def load(tmp_path, spec):
    path = tmp_path / "governance.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    call_command("load_governance", str(path))


def status(capsys, year=2025, as_of="2025-12-31"):
    capsys.readouterr()
    call_command("governance_status", "--year", str(year), "--as-of", as_of, "--format", "json")
    return json.loads(capsys.readouterr().out)


def test_good_file_and_status(tmp_path, capsys):
    load(tmp_path, FILE)
    assert Body.objects.filter(year=2025).count() == 2
    assert Seat.objects.count() == 18  # 16 + the subcommittee chair + the chair's ex officio steering seat
    assert AuditEntry.objects.filter(action="governance.year.loaded").get().after == {
        "year": 2025,
        "bodies": 2,
        "seats": 18,
        "meetings": 1,
    }
    assert status(capsys) == {
        "year": 2025,
        "as_of": "2025-12-31",
        "bodies": [
            {
                "name": "운영위원회",
                "kind": "steering",
                "seats": 17,
                "meetings_planned": 4,
                "meetings_held": 1,
                "terms_ending_within_60_days": [
                    "위원01",
                    "위원04",
                    "위원05",
                    "위원06",
                    "위원07",
                    "위원08",
                    "위원09",
                    "위원10",
                    "위원11",
                    "위원12",
                    "위원13",
                    "위원14",
                    "위원15",
                    "위원16",
                    "분과장1",
                    "위원02",
                ],
            },
            {
                "name": "윤리제도",
                "kind": "subcommittee",
                "seats": 1,
                "meetings_planned": 3,
                "meetings_held": 0,
                "terms_ending_within_60_days": ["분과장1"],
            },
        ],
        "meetings": [
            {
                "body": "운영위원회",
                "number": 4,
                "date": "2025-11-26",
                "present": 9,
                "absent": 5,
                "substitutes": 2,
                "quorum_met": True,
            }
        ],
        "proposals": {},
    }


def test_meeting_not_held_before_its_date_and_quorum_without_substitutes(tmp_path, capsys):
    spec = copy.deepcopy(FILE)
    spec["bodies"][0].update(substitutes_count=False, quorum=10)
    load(tmp_path, spec)
    assert status(capsys, as_of="2025-11-25")["meetings"] == []
    assert status(capsys)["meetings"][0]["quorum_met"] is False  # 9 in person of the 10 needed


def test_terms_ending_as_of_a_date():
    body = BodyFactory(year=2025)
    ends_today = SeatFactory(body=body, term_end=datetime.date(2025, 10, 1))
    ends_in_60 = SeatFactory(body=body, term_end=datetime.date(2025, 11, 30))
    SeatFactory(body=body, term_end=datetime.date(2025, 12, 1))  # 61 days
    SeatFactory(body=body, term_end=datetime.date(2025, 9, 30))  # ended yesterday
    SeatFactory(body=body, term_end=datetime.date(2025, 10, 15), ended_on=datetime.date(2025, 10, 1))
    SeatFactory(body=body, term_end=datetime.date(2025, 10, 15), is_observer=True)
    seats = terms_ending(as_of=datetime.date(2025, 10, 1), within_days=60)
    assert list(seats) == [ends_today, ends_in_60]


def bad(tmp_path, spec) -> str:
    with pytest.raises(CommandError) as raised:
        load(tmp_path, spec)
    assert (Body.objects.count(), Person.objects.count(), Meeting.objects.count(), Attendance.objects.count()) == (
        0,
        0,
        0,
        0,
    )
    return str(raised.value)


def test_unknown_body(tmp_path):
    spec = copy.deepcopy(FILE)
    spec["meetings"][0]["body"] = "미래전략"
    assert "meetings[0].body: 알 수 없는 회의체 “미래전략”" in bad(tmp_path, spec)


def test_unknown_person(tmp_path):
    spec = copy.deepcopy(FILE)
    spec["meetings"][0]["attendance"][3]["person"] = "홍길동"
    assert "meetings[0].attendance[3].person: 홍길동 님은 이 회의체의 위원이 아닙니다." in bad(tmp_path, spec)


def test_duplicate_seat(tmp_path):
    spec = copy.deepcopy(FILE)
    spec["bodies"][0]["seats"][3]["person"] = "위원01"
    assert "bodies[0].seats[3].person: 위원01 님은 이 회의체에 이미 자리가 있습니다." in bad(tmp_path, spec)


def test_term_ending_before_it_starts(tmp_path):
    spec = copy.deepcopy(FILE)
    spec["bodies"][0]["seats"][3]["term"] = ["2025-12-31", "2025-01-01"]
    message = bad(tmp_path, spec)
    assert "bodies[0].seats[3].term: 임기 종료일(2025-01-01)이 시작일(2025-12-31)보다 앞섭니다." in message


def test_bad_status_and_every_problem_listed(tmp_path):
    spec = copy.deepcopy(FILE)
    spec["meetings"][0]["attendance"][0]["status"] = "late"
    spec["bodies"][1]["kind"] = "committee"
    spec["bodies"][0]["seats"][5]["sector"] = "언론"
    message = bad(tmp_path, spec)
    assert message.splitlines() == [
        "아무것도 불러오지 않았습니다:",
        "bodies[0].seats[5].sector: 알 수 없는 구분 “언론”: 정부, 학계·연구계, 산업계, 유관기관 중 하나를 쓰세요.",
        "bodies[1].kind: 알 수 없는 종류 “committee”: steering 또는 subcommittee를 쓰세요.",
        "meetings[0].attendance[0].status: 알 수 없는 참석 상태 “late”: present, absent, substitute 중 하나를 쓰세요.",
    ]


def test_body_already_in_the_year(tmp_path):
    BodyFactory(year=2025, name="윤리제도")
    with pytest.raises(CommandError) as raised:
        load(tmp_path, FILE)
    assert "bodies[1].name: “윤리제도”" in str(raised.value)
    assert Body.objects.count() == 1
