"""The 2026 programme as the seed plans it: tracks, rubric, awards and the year's stages.

Seed 000 "프로젝트 그룹 심사 기준(안)" names the criteria but not their points, so every criterion is
worth 20 (five criteria, 100 points a judge). Seed 000 plans 10 awards over two tracks; the award names
follow DOMAIN.md §3 (장관상, NIPA 원장상, RAPA 협회장상, MDIA 협회장상). Staff change any of it per year.
These are data (Korean names from the seed), not interface text.
"""

import datetime
from zoneinfo import ZoneInfo

SEOUL = ZoneInfo("Asia/Seoul")
DEFAULT_MAX_POINTS = 20

COMMON_CRITERIA = ("독창성 및 혁신성", "시장 수익가능성")

TRACKS = {
    "SW": {
        "name": "SW부문",
        "description": "가상/증강/융합현실 기반 콘텐츠 제작, 가상융합 기반 업무 효율화 솔루션 및 플랫폼(B2B, B2C)",
        "criteria": ("사용자 목적성", "기술 보유 및 완성도", "산업 기여도"),
    },
    "HW": {
        "name": "HW부문",
        "description": "AR글라스, HMD, 햅틱 등 가상융합 체험 관련 하드웨어 기기 및 연관 분야",
        "criteria": ("기술 확장성", "타 산업 융합성", "실용성 및 양산 가능성"),
    },
}

# (rank, name, presented_by, count) per track: five per track, ten in all (seed 000: 10개 그룹 시상).
AWARDS = (
    (1, "대상", "과학기술정보통신부 장관상", 1),
    (2, "최우수상", "NIPA 원장상", 1),
    (3, "우수상", "RAPA 협회장상", 1),
    (4, "장려상", "MDIA 협회장상", 2),
)

MENTORING_FIELDS = ("교육·훈련", "의료헬스케어", "제조·건설", "엔터테인먼트", "쇼핑·유통")

# Post-award support (seed 000 "④ 프로젝트 그룹"; DOMAIN.md §3): bonus points when an awardee applies as lead
# company to a NIPA or RAPA programme (+1), a booth and a talk at the KMF, a press release.
# (kind, code, name, granting body, applies to, points)
BENEFITS = (
    (
        "bonus_points",
        "NIPA",
        "NIPA 정부 지원사업 가점",
        "정보통신산업진흥원(NIPA)",
        "NIPA 정부 지원사업에 주관기업으로 신청하는 경우",
        1,
    ),
    (
        "bonus_points",
        "RAPA",
        "RAPA 정부 지원사업 가점",
        "한국전파진흥협회(RAPA)",
        "RAPA 정부 지원사업에 주관기업으로 신청하는 경우",
        1,
    ),
    ("booth", "BOOTH", "KMF 전시 부스", "메타버스 얼라이언스", "코리아 메타버스 페스티벌(KMF) 전시관", None),
    ("talk", "TALK", "KMF 발표 기회", "메타버스 얼라이언스", "코리아 메타버스 페스티벌(KMF) 세미나", None),
    ("press", "PRESS", "수상 보도자료 배포", "메타버스 얼라이언스", "수상 결과 보도자료", None),
)


def default_tracks() -> list[dict]:
    """The tracks in the shape `services.programme.create_programme` takes."""
    tracks = []
    for position, (code, spec) in enumerate(TRACKS.items()):
        criteria = [{"name": name, "max_points": DEFAULT_MAX_POINTS, "is_common": True} for name in COMMON_CRITERIA]
        criteria += [{"name": name, "max_points": DEFAULT_MAX_POINTS, "is_common": False} for name in spec["criteria"]]
        awards = [
            {"rank": rank, "name": name, "presented_by": presented_by, "count": count}
            for rank, name, presented_by, count in AWARDS
        ]
        tracks.append(
            {
                "code": code,
                "name": spec["name"],
                "description": spec["description"],
                "position": position,
                "criteria": criteria,
                "awards": awards,
            }
        )
    return tracks


def default_benefits() -> list[dict]:
    """The benefits in the shape `services.programme.create_programme` takes."""
    return [
        {
            "kind": kind,
            "code": code,
            "name": name,
            "granting_body": body,
            "applies_to": applies_to,
            "points": points,
            "position": position,
        }
        for position, (kind, code, name, body, applies_to, points) in enumerate(BENEFITS)
    ]


def _at(year: int, month: int, day: int, clock: tuple[int, ...] = (0,)) -> datetime.datetime:
    """A Seoul moment; `clock` is (hour, minute, second), trailing zeros left out."""
    hour, minute, second = (*clock, 0, 0, 0)[:3]
    return datetime.datetime(year, month, day, hour, minute, second, tzinfo=SEOUL)


def default_stages(year: int) -> dict[str, tuple[datetime.datetime, datetime.datetime]]:
    """The year's stages in Seoul time (DOMAIN.md §3): the call closes at 23:59:59 on 8 May."""
    return {
        "call": (_at(year, 3, 25), _at(year, 5, 8, (23, 59, 59))),
        "screening": (_at(year, 5, 11), _at(year, 5, 22, (23, 59, 59))),
        "mentoring_1": (_at(year, 6, 1), _at(year, 6, 30, (23, 59, 59))),
        "investment_day": (_at(year, 6, 11, (14,)), _at(year, 6, 11, (17,))),
        "mentoring_2": (_at(year, 8, 1), _at(year, 8, 31, (23, 59, 59))),
        "final": (_at(year, 11, 10, (13, 30)), _at(year, 11, 10, (17, 30))),
        "awards": (_at(year, 12, 10, (14,)), _at(year, 12, 10, (17,))),
    }
