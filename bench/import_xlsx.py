"""Benchmark: import a 100,000-row XLSX of new members through `services.importing` (target ≤ 60 s).

`run()` writes a deterministic spreadsheet (openpyxl write-only) into a temporary directory, imports it
into the current database — which `bench/run.py` makes fresh and migrated — and returns
{"rows": ..., "seconds": ...}; `seconds` covers reading, validating and writing, not generating the file.

    python bench/import_xlsx.py [--rows 100000]    # alone: a temporary SQLite database unless DATABASE_URL is set
"""

import argparse
import datetime
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROWS = int(os.environ.get("BENCH_N", "100000"))

TITLE = "XLSX import of new members"
CHECKS = {"seconds": ("<=", 60, "s")}
SEED = 20261121

_PREFIXES = ("메타", "디지털", "가상", "스마트", "미래", "한빛", "누리", "하늘", "푸른", "에이아이", "엑스알", "리얼")
_SUFFIXES = ("랩", "소프트", "테크", "스튜디오", "플랫폼", "솔루션", "미디어", "시스템즈", "네트웍스", "웍스")
_FORMS = ("주식회사 {}", "(주){}", "㈜{}", "{} 주식회사", "{}")
_FIELDS = ("메타버스", "디지털트윈", "XR", "AR", "VR", "콘텐츠", "게임", "교육", "헬스케어", "제조", "AI", "블록체인")
_CATEGORIES = (("소기업", 60), ("중기업", 20), ("대기업", 8), ("기관·협단체", 6), ("기타(비영리)", 5), ("대학", 1))
_SIDO = (("서울특별시", 55), ("경기도", 20), ("인천", 3), ("부산광역시", 5), ("대전시", 5), ("강원도", 4), ("제주", 8))
_SEOUL = ("강남구", "서초구", "마포구", "구로구", "금천구", "성동구", "종로구", "송파구", "영등포구", "중구")
_DATE_STYLES = ("{:%Y-%m-%d}", "{0.year}. {0.month}. {0.day}.", "{:%Y/%m/%d}", "date")


def _weighted(rng: random.Random, options):
    return rng.choices([value for value, _ in options], weights=[weight for _, weight in options])[0]


def generate_rows(count: int, seed: int = SEED):
    """Deterministic, plausible rows of new members (unique names and registration numbers)."""
    from alliance.core.korean import business_number_with_check_digit, format_business_number

    rng = random.Random(seed)
    for index in range(count):
        base = f"{rng.choice(_PREFIXES)}{rng.choice(_SUFFIXES)}{index:06d}"
        joined = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(3_900))
        style = rng.choice(_DATE_STYLES)
        sido = _weighted(rng, _SIDO)
        fields = rng.sample(_FIELDS, rng.randint(1, 3))
        yield (
            rng.choice(_FORMS).format(base),
            format_business_number(business_number_with_check_digit(f"{100_000_000 + index * 7:09d}")),
            _weighted(rng, _CATEGORIES),
            joined if style == "date" else style.format(joined),
            None,
            sido,
            rng.choice(_SEOUL) if sido.startswith("서울") else "",
            rng.randint(1990, 2025),
            f"{rng.randint(2, 3_000):,}",
            rng.randint(50, 500_000),
            ", ".join(fields),
            f"https://www.company{index}.example.kr",
            f"{fields[0]} 분야의 {base} 회사입니다. 가상융합 서비스를 개발합니다.",
        )


def write_file(path: Path, count: int) -> None:
    from openpyxl import Workbook

    from alliance.members.services.importing_read import HEADERS

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("회원사")
    sheet.append(HEADERS)
    for row in generate_rows(count):
        sheet.append(row)
    workbook.save(path)


def run(rows: int = ROWS) -> dict:
    """Generate the file, import it into the current (empty) database, and time the import."""
    from alliance.members.models import Organisation
    from alliance.members.services.importing import import_members

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "members.xlsx"
        started = time.perf_counter()
        write_file(path, rows)
        generated = time.perf_counter() - started
        started, cpu_started = time.perf_counter(), time.process_time()
        result = import_members(path=path, actor_label="bench")
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    if result.problems or result.created != rows:
        msg = f"benchmark import did not create every row: {result.summary()['problems'][:5]}"
        raise RuntimeError(msg)
    return {
        "rows": rows,
        "seconds": round(seconds, 2),
        # CPU time of this process: on a busy machine it tells the import's own cost apart from waiting.
        "cpu_seconds": round(cpu_seconds, 2),
        "generate_seconds": round(generated, 2),
        "organisations": Organisation.objects.count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=ROWS)
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    scratch = tempfile.mkdtemp(prefix="bench-import-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    print(run(args.rows))


if __name__ == "__main__":
    main()
