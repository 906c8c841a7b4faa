"""The analytics commands: import_visits, import_access_log and visits_report."""

import datetime
import json

import pytest
from django.core.management import CommandError, call_command

from alliance.info.models import DailyVisits, ImportedMonthlyVisits, PageView
from alliance.info.services.analytics_access_log import read_access_log
from alliance.info.tests.analytics_support import DESKTOP, GOOGLEBOT, PHONE

pytestmark = pytest.mark.django_db

# The old report prints 512,558 as the total of these months, which add up to 512,533: the total is their sum.
SEED_2025 = [17253, 15840, 21186, 29557, 40212, 26875, 37831, 43472, 75876, 106783, 97648]


def _run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def _csv(tmp_path, text, encoding="utf-8"):
    path = tmp_path / "visits.csv"
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_import_visits_loads_the_old_sites_months(tmp_path):
    rows = "".join(f'25년,{month}월,"{visits:,}"\n' for month, visits in enumerate(SEED_2025, start=1))
    path = _csv(tmp_path, "\ufeff연도,월,방문수\n" + rows + "25년,12월,-\n")

    output = _run("import_visits", path)

    assert output == "11개월을 가져왔습니다(방문 512,533회). 수치가 없는 1행은 건너뛰었습니다.\n"
    assert sum(ImportedMonthlyVisits.objects.values_list("visits", flat=True)) == 512533


def test_import_visits_reads_cp949(tmp_path):
    _run("import_visits", _csv(tmp_path, "연도,월,방문수\n2024,1,19123\n", encoding="cp949"))

    assert ImportedMonthlyVisits.objects.get().visits == 19123


def test_import_visits_lists_every_error_by_row_and_writes_nothing(tmp_path):
    path = _csv(tmp_path, "연도,월,방문수\n2024,1,19123\n24년,13월,100\n이천,2,5\n2024,3,많음\n2024,1,7\n")

    with pytest.raises(CommandError) as error:
        _run("import_visits", path)

    assert str(error.value).splitlines() == [
        "가져온 것이 없습니다:",
        "- 3행: 월 '13월': 1부터 12까지의 달이 아닙니다.",
        "- 4행: 연도 '이천': 연도가 아닙니다(2025, 2025년 또는 25년으로 쓰세요).",
        "- 5행: 방문수 '많음': 방문 횟수(정수)가 아닙니다.",
        "- 6행: 2024-01 수치가 이미 2행에 있습니다.",
    ]
    assert ImportedMonthlyVisits.objects.count() == 0


def test_import_visits_names_missing_columns(tmp_path):
    with pytest.raises(CommandError) as error:
        _run("import_visits", _csv(tmp_path, "연도,방문\n2024,1\n"))

    assert "월, 방문수" in str(error.value)


def _line(address, moment, path, *, status=200, agent=DESKTOP, referer="-", method="GET"):
    return (
        f'{address} - - [{moment:%d/%b/%Y:%H:%M:%S +0900}] "{method} {path} HTTP/1.1" {status} 5120 '
        f'"{referer}" "{agent}"\n'
    )


LOG_DAY = datetime.datetime(2026, 3, 2, 10, 0)


def _log():
    at = lambda minutes: LOG_DAY + datetime.timedelta(minutes=minutes)  # noqa: E731
    return [
        _line("198.51.100.1", at(0), "/member_companies?q=젭", referer="https://www.google.com/search?q=x"),
        _line("198.51.100.1", at(10), "/newsletter/"),
        _line("198.51.100.1", at(40), "/member_companies"),  # exactly 30 minutes after: a new visit
        _line("198.51.100.2", at(5), "/", agent=PHONE),
        _line("198.51.100.3", at(5), "/", agent=GOOGLEBOT),
        _line("198.51.100.2", at(6), "/static/css/site.css", agent=PHONE),
        _line("198.51.100.2", at(7), "/logo.png", agent=PHONE),
        _line("198.51.100.2", at(8), "/missing", status=404, agent=PHONE),
        _line("198.51.100.2", at(9), "/member_companies", method="POST", agent=PHONE),
        _line("198.51.100.1", at(60 * 24), "/member_companies"),  # the next day: another key, another visit
        "not a log line\n",
    ]


def test_the_access_log_is_counted_with_the_recording_rules():
    count, views = read_access_log(_log(), own_host="metaversealliance.or.kr")

    assert (count.lines, count.views, count.visits, count.not_counted, count.malformed) == (11, 5, 4, 5, 1)
    assert count.first_malformed == 11
    assert sorted(view[2] for view in views) == [
        "/",
        "/member_companies",
        "/member_companies",
        "/member_companies",
        "/newsletter",
    ]
    assert {view[3] for view in views} == {"", "www.google.com"}
    first_day = [view[0] for view in views if view[1].day == 2 and view[0]]
    next_day = [view[0] for view in views if view[1].day == 3]
    assert not set(first_day) & set(next_day)  # the same visitor has another key the next day


def test_import_access_log_adds_the_views_and_counts_their_days(tmp_path):
    path = tmp_path / "access.log"
    path.write_text("".join(_log()), encoding="utf-8")

    output = _run("import_access_log", str(path), "--format", "combined", "--host", "metaversealliance.or.kr")

    assert output.splitlines()[:2] == ["2026-03-02\t4\t3", "2026-03-03\t1\t1"]
    assert PageView.objects.count() == 5
    assert DailyVisits.objects.get(day=datetime.date(2026, 3, 2)).visits == 3


def test_a_dry_run_writes_nothing(tmp_path):
    path = tmp_path / "access.log"
    path.write_text("".join(_log()), encoding="utf-8")

    output = _run("import_access_log", str(path), "--dry-run")

    assert output.splitlines()[-1] == "시험 실행: 아무것도 기록하지 않았습니다."
    assert PageView.objects.count() == 0


def test_visits_report_prints_the_json_shape(tmp_path):
    rows = "".join(f"2025,{month},{visits}\n" for month, visits in enumerate(SEED_2025, start=1))
    _run("import_visits", _csv(tmp_path, "연도,월,방문수\n" + rows))

    report = json.loads(_run("visits_report", "--year", "2025", "--format", "json"))

    assert report == {
        "year": 2025,
        "months": {f"2025-{month:02d}": visits for month, visits in enumerate(SEED_2025, start=1)},
        "total": 512533,
        "top_pages": [],
    }
