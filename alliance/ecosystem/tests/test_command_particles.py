"""A command's output has its Korean particles chosen by the words before them, as pages have
(core/management/base.py): import_landscape's notes on stderr and in its JSON."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from alliance.ecosystem.models import Taxonomy

ALIKE = """\
categories:
  - name: 플랫폼
    subcategories:
      - name: 트윈
        items:
          - name: 디지털 트윈
            homepage_url: https://twin-a.example.kr
          - name: 디지털트윈
            homepage_url: https://twin-b.example.kr
          - name: 메타 버스
            homepage_url: https://verse-a.example.kr
          - name: 메타버스
            homepage_url: https://verse-b.example.kr
"""
APART = "이름이 비슷하지만 홈페이지와 저장소가 달라 서로 다른 기업으로 가져왔습니다."
TWIN = f"8행: “디지털트윈”과 6행의 “디지털 트윈”은 {APART}"  # ends in ㄴ: 과, 은
VERSE = f"12행: “메타버스”와 10행의 “메타 버스”는 {APART}"  # ends in a vowel: 와, 는


@pytest.mark.django_db
@pytest.mark.parametrize("output", ["text", "json"])
def test_a_commands_notes_carry_the_particle_of_the_word_before_them(tmp_path, output):
    Taxonomy.objects.create(year=2026)
    path = tmp_path / "alike.yml"
    path.write_text(ALIKE, encoding="utf-8")
    out, err = StringIO(), StringIO()

    call_command("import_landscape", str(path), "--year", "2026", "--format", output, stdout=out, stderr=err)

    notes = json.loads(out.getvalue())["warnings"] if output == "json" else err.getvalue().splitlines()
    assert [note for note in notes if "행" in note] == [TWIN, VERSE]
