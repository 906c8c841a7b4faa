"""load_programme, import_scores and judge_results: the file-driven path from set-up to the ranking."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.models import Absence, Assignment, Criterion, Panel, Programme, Score, ScoreChange
from alliance.programs.tests.factories_judging import english  # noqa: F401  autouse: messages in English

COMPANIES = ("주식회사 가온", "주식회사 나래", "주식회사 다솜", "주식회사 라온", "주식회사 마루")
JUDGES = ("김심사", "이심사", "박심사", "최심사", "정심사")


def spec(**changes) -> dict:
    base = {
        "name": "2026 프로젝트 그룹",
        "rule": "trimmed_mean",
        "tracks": {
            "SW": {"criteria": {"독창성 및 혁신성": 40, "사용자 목적성": 60}},
            "HW": {"criteria": {"독창성 및 혁신성": 40, "실용성 및 양산 가능성": 60}},
        },
        "judges": list(JUDGES),
        "groups": [
            {"name": "가온 컨소시엄", "track": "SW", "companies": ["주식회사 가온", "주식회사 나래"]},
            {"name": "다솜 컨소시엄", "track": "SW", "companies": ["주식회사 다솜"]},
            {"name": "라온 컨소시엄", "track": "HW", "companies": ["(주)라온", "주식회사 마루"]},
        ],
    }
    return base | changes


@pytest.fixture
def members(db):
    return [OrganisationFactory(name=name) for name in COMPANIES]


def write_json(tmp_path, data) -> str:
    path = tmp_path / "programme.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def write_csv(tmp_path, rows, header="judge,group,criterion,score") -> str:
    path = tmp_path / "scores.csv"
    path.write_text("\n".join([header, *(",".join(map(str, row)) for row in rows)]) + "\n", encoding="utf-8")
    return str(path)


# Judge totals per group; the first criterion gets 40 (its maximum) and the second the rest.
TOTALS = {
    "가온 컨소시엄": (80, 85, 90, 70, 95),  # drop 95 and 70 → 85
    "다솜 컨소시엄": (60, 88, 77, 91, 65),  # drop 91 and 60 → 76.67
    "라온 컨소시엄": (50, 60, 70, 80, 90),  # drop 90 and 50 → 70
}
SECOND = {"가온 컨소시엄": "사용자 목적성", "다솜 컨소시엄": "사용자 목적성", "라온 컨소시엄": "실용성 및 양산 가능성"}


def paper_rows():
    for group, totals in TOTALS.items():
        for judge, total in zip(JUDGES, totals, strict=True):
            yield judge, group, "독창성 및 혁신성", 40
            yield judge, group, SECOND[group], total - 40


def test_load_programme_creates_programme_panel_and_groups(members, tmp_path):
    call_command("load_programme", write_json(tmp_path, spec()))

    programme = Programme.objects.get()
    assert (programme.year, programme.name, programme.ranking_rule) == (2026, "2026 프로젝트 그룹", "trimmed_mean")
    assert list(Criterion.objects.filter(track__code="SW").values_list("name", "max_points", "is_common")) == [
        ("독창성 및 혁신성", 40, True),
        ("사용자 목적성", 60, False),
    ]
    assert sorted(programme.groups.values_list("name", "lead__name")) == [
        ("가온 컨소시엄", "주식회사 가온"),
        ("다솜 컨소시엄", "주식회사 다솜"),
        ("라온 컨소시엄", "주식회사 라온"),
    ]
    assert Assignment.objects.filter(panel__kind=Panel.Kind.FINAL).count() == 15
    assert (programme.final_judges, Panel.objects.get().evaluators_per_group) == (5, 5)


def test_load_programme_refuses_a_company_that_is_not_a_member(members, tmp_path):
    data = spec(groups=[{"name": "외부 컨소시엄", "track": "SW", "companies": ["주식회사 가온", "비회원 주식회사"]}])

    with pytest.raises(CommandError) as refused:
        call_command("load_programme", write_json(tmp_path, data))

    assert str(refused.value) == "groups[1] (외부 컨소시엄): 비회원 주식회사 is not a member organisation."
    assert Programme.objects.count() == 0


def test_load_programme_refuses_a_company_that_joins_next_month(members, tmp_path):
    next_month = timezone.localdate() + datetime.timedelta(days=31)
    OrganisationFactory(name="주식회사 새내기", joined_on=next_month)
    data = spec(groups=[{"name": "새내기 컨소시엄", "track": "SW", "companies": ["주식회사 가온", "주식회사 새내기"]}])

    with pytest.raises(CommandError) as refused:
        call_command("load_programme", write_json(tmp_path, data))

    assert str(refused.value) == "groups[1] (새내기 컨소시엄): 주식회사 새내기 is not a member organisation."
    assert Programme.objects.count() == 0


def test_load_programme_reports_every_problem_and_writes_nothing(members, tmp_path):
    data = spec(rule="best_of", groups=[{"name": "가온 컨소시엄", "track": "XR", "companies": ["주식회사 가온"]}])

    with pytest.raises(CommandError) as refused:
        call_command("load_programme", write_json(tmp_path, data))

    assert str(refused.value).splitlines() == [
        "“rule”: “best_of” is not one of trimmed_mean, mean, median, zscore.",
        "groups[1] (가온 컨소시엄): the track “XR” is not defined.",
    ]
    assert Programme.objects.count() == 0


def test_load_programme_recuses_a_judge_from_their_own_company(members, tmp_path):
    from alliance.core.roles import Role
    from alliance.core.tests.factories import UserFactory

    UserFactory(role=Role.EVALUATOR, name="김심사", email="kim@judge.example.kr", organisation=members[0])
    data = spec(judges=["kim@judge.example.kr", *JUDGES[1:]])

    call_command("load_programme", write_json(tmp_path, data))

    assert list(Absence.objects.values_list("judge__email", "group__name", "reason")) == [
        ("kim@judge.example.kr", "가온 컨소시엄", "recused")
    ]
    assert Assignment.objects.count() == 14


def test_import_scores_then_judge_results_prints_the_exact_json(members, tmp_path, capsys):
    call_command("load_programme", write_json(tmp_path, spec()))
    call_command("import_scores", "2026", write_csv(tmp_path, list(paper_rows())))
    capsys.readouterr()

    call_command("judge_results", "2026 프로젝트 그룹", "--stage", "final", "--format", "json")

    printed = capsys.readouterr().out
    assert json.loads(printed) == {
        "rule": "trimmed_mean",
        "tracks": {
            "SW": [
                {"group": "가온 컨소시엄", "score": 85.0, "rank": 1},
                {"group": "다솜 컨소시엄", "score": 76.67, "rank": 2},
            ],
            "HW": [{"group": "라온 컨소시엄", "score": 70.0, "rank": 1}],
        },
    }
    assert Score.objects.count() == 30
    assert set(ScoreChange.objects.values_list("source", flat=True)) == {"import"}
    assert Programme.objects.get().rule_locked_at is not None


def test_import_scores_reports_bad_rows_and_writes_nothing(members, tmp_path):
    call_command("load_programme", write_json(tmp_path, spec()))
    rows = [
        ("김심사", "가온 컨소시엄", "독창성 및 혁신성", 30),
        ("홍길동", "가온 컨소시엄", "독창성 및 혁신성", 30),
        ("이심사", "없는 그룹", "독창성 및 혁신성", 30),
        ("박심사", "라온 컨소시엄", "사용자 목적성", 30),
        ("최심사", "가온 컨소시엄", "사용자 목적성", 61),
    ]

    with pytest.raises(CommandError) as refused:
        call_command("import_scores", "2026", write_csv(tmp_path, rows))

    assert str(refused.value).splitlines() == [
        "Row 3: unknown judge “홍길동”",
        "Row 4: unknown group “없는 그룹”",
        "Row 5: “사용자 목적성” is not a criterion of the HW rubric",
        "Row 6: score: 사용자 목적성 takes points from 0 to 60.",
    ]
    assert Score.objects.count() == 0


def test_import_scores_refuses_a_file_without_the_columns(members, tmp_path):
    call_command("load_programme", write_json(tmp_path, spec()))

    with pytest.raises(CommandError) as refused:
        call_command("import_scores", "2026", write_csv(tmp_path, [], header="심사위원,그룹,점수"))

    assert str(refused.value) == "The file lacks the column(s): judge, group, criterion, score."


def test_judge_results_refuses_an_unknown_programme(db):
    with pytest.raises(CommandError) as refused:
        call_command("judge_results", "1999", "--format", "json")

    assert str(refused.value) == "No programme is named or dated “1999”."


def test_import_scores_again_logs_each_amendment(members, tmp_path):
    call_command("load_programme", write_json(tmp_path, spec()))
    rows = list(paper_rows())
    call_command("import_scores", "2026", write_csv(tmp_path, rows))
    rows[0] = ("김심사", "가온 컨소시엄", "독창성 및 혁신성", 35)

    call_command("import_scores", "2026", write_csv(tmp_path, rows))

    amended = ScoreChange.objects.filter(points_before__isnull=False)
    assert list(amended.values_list("score__judge__name", "points_before", "points_after")) == [
        ("김심사", Decimal("40.00"), Decimal("35.00"))
    ]
    assert ScoreChange.objects.count() == 31


def test_import_scores_refused_once_the_panel_is_closed(members, tmp_path):
    call_command("load_programme", write_json(tmp_path, spec()))
    call_command("import_scores", "2026", write_csv(tmp_path, list(paper_rows())))
    Panel.objects.update(closed_at=timezone.now())

    with pytest.raises(CommandError) as refused:
        call_command("import_scores", "2026", write_csv(tmp_path, [("김심사", "가온 컨소시엄", "독창성 및 혁신성", 1)]))

    assert str(refused.value) == "The panel is closed; scores can no longer change."
    assert Score.objects.filter(points=1).count() == 0


@pytest.mark.parametrize(
    ("rule", "sw_scores"),
    [("median", [85.0, 77.0]), ("mean", [84.0, 76.2]), ("trimmed_mean", [85.0, 76.67]), ("zscore", [0.2, -0.2])],
)
def test_judge_results_follows_the_rule_of_the_file(members, tmp_path, capsys, rule, sw_scores):
    # zscore: in SW each judge's two totals standardise to +1 and −1; 가온 is ahead for judges 1, 3 and 5.
    call_command("load_programme", write_json(tmp_path, spec(rule=rule)))
    call_command("import_scores", "2026", write_csv(tmp_path, list(paper_rows())))
    capsys.readouterr()

    call_command("judge_results", "2026", "--format", "json")

    printed = json.loads(capsys.readouterr().out)
    assert printed["rule"] == rule
    assert [row["score"] for row in printed["tracks"]["SW"]] == sw_scores


def test_load_programme_refuses_an_absence_policy_the_ranking_cannot_apply(members, tmp_path):
    data = spec(rule="zscore", absence_policy={"4": "zscore", "3": "mean"})

    with pytest.raises(CommandError) as refused:
        call_command("load_programme", write_json(tmp_path, data))

    assert str(refused.value) == "Absence policy: standardised scores cannot be mixed with raw-score rules."
    assert Programme.objects.count() == 0


def test_load_programme_with_zscore_gets_a_zscore_absence_policy(members, tmp_path):
    call_command("load_programme", write_json(tmp_path, spec(rule="zscore")))

    assert Programme.objects.get().absence_policy == {"4": "zscore", "3": "zscore", "2": "zscore", "1": "zscore"}


def test_load_programme_refuses_a_judge_name_two_evaluators_share(members, tmp_path):
    from alliance.core.roles import Role
    from alliance.core.tests.factories import UserFactory

    UserFactory(role=Role.EVALUATOR, name="이심사", email="lee1@judge.example.kr")
    UserFactory(role=Role.EVALUATOR, name="이심사", email="lee2@judge.example.kr")

    with pytest.raises(CommandError) as refused:
        call_command("load_programme", write_json(tmp_path, spec()))

    assert str(refused.value) == (
        "judges[2] (이심사): more than one evaluator account has this name; write the judge's e-mail address instead."
    )
    assert Programme.objects.count() == 0


def test_import_scores_refuses_an_ambiguous_judge_name_and_accepts_the_e_mail(members, tmp_path):
    from alliance.core.roles import Role
    from alliance.core.tests.factories import UserFactory

    UserFactory(role=Role.EVALUATOR, name="박심사", email="park1@judge.example.kr")
    UserFactory(role=Role.EVALUATOR, name="박심사", email="park2@judge.example.kr")
    judges = ["김심사", "park1@judge.example.kr", "park2@judge.example.kr", "최심사", "정심사"]
    call_command("load_programme", write_json(tmp_path, spec(judges=judges)))
    ambiguous = [
        ("김심사", "가온 컨소시엄", "독창성 및 혁신성", 30),
        ("박심사", "가온 컨소시엄", "독창성 및 혁신성", 30),
    ]

    with pytest.raises(CommandError) as refused:
        call_command("import_scores", "2026", write_csv(tmp_path, ambiguous))
    call_command("import_scores", "2026", write_csv(tmp_path, [("PARK2@judge.example.kr", *ambiguous[1][1:])]))

    assert str(refused.value) == (
        "Row 3: more than one evaluator of this programme is named “박심사”; "
        "write the judge's e-mail address in the judge column instead."
    )
    assert list(Score.objects.values_list("judge__email", "points")) == [("park2@judge.example.kr", Decimal("30.00"))]
