"""The JSON file a command reads: parsed with or without a byte-order mark, or refused in Korean with its
place."""

import pytest
from django.core.management.base import CommandError

from alliance.core.management.json_input import read_json_file


def test_a_file_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "spec.json"
    path.write_bytes('\ufeff{"year": 2025, "name": "운영위원회"}'.encode())

    assert read_json_file(str(path)) == {"year": 2025, "name": "운영위원회"}


def test_bad_json_names_the_line_and_column(tmp_path):
    path = tmp_path / "spec.json"
    path.write_text('{\n  "year": 2025,\n  "bodies": [,]\n}', encoding="utf-8")

    with pytest.raises(CommandError) as refused:
        read_json_file(str(path))

    assert str(refused.value) == f"{path}은(는) 올바른 JSON이 아닙니다(3행 14열)."


def test_a_missing_or_undecodable_file_is_named(tmp_path):
    undecodable = tmp_path / "latin1.json"
    undecodable.write_bytes(b'{"name": "\xff"}')

    for path in (tmp_path / "missing.json", undecodable):
        with pytest.raises(CommandError) as refused:
            read_json_file(str(path))
        assert str(refused.value).startswith(f"{path}")
