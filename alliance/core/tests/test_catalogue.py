"""The Korean catalogue: the fragment filler, and the committed catalogue being complete and compiled."""

import importlib.util
import json
import shutil

import polib
import pytest
from django.conf import settings

KO_PO = settings.BASE_DIR / "locale" / "ko" / "LC_MESSAGES" / "django.po"
KO_MO = KO_PO.with_suffix(".mo")


@pytest.fixture(scope="module")
def filler():
    spec = importlib.util.spec_from_file_location("fill_catalogue", settings.BASE_DIR / "scripts" / "fill_catalogue.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_po(path, entries: list[polib.POEntry]) -> None:
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ko"}
    catalogue.extend(entries)
    catalogue.save(str(path))


def test_fill_writes_fragments_and_clears_fuzzy(filler, tmp_path):
    po_path = tmp_path / "django.po"
    write_po(
        po_path,
        [
            polib.POEntry(msgid="Log in", msgstr=""),
            polib.POEntry(msgid="Open", msgctxt="census round", msgstr="열기", flags=["fuzzy"]),
            polib.POEntry(msgid="Not in any fragment", msgstr=""),
        ],
    )

    filled, missing = filler.fill(po_path, {"Log in": "로그인", "census round\u0004Open": "진행 중"})
    saved = polib.pofile(str(po_path))

    assert filled == 2
    assert [entry.msgid for entry in missing] == ["Not in any fragment"]
    assert [(entry.msgctxt, entry.msgid, entry.msgstr, entry.flags) for entry in saved] == [
        (None, "Log in", "로그인", []),
        ("census round", "Open", "진행 중", []),
        (None, "Not in any fragment", "", []),
    ]


def test_fill_reports_fuzzy_entry_without_fragment(filler, tmp_path):
    po_path = tmp_path / "django.po"
    write_po(po_path, [polib.POEntry(msgid="Members", msgstr="회원", flags=["fuzzy"])])

    filled, missing = filler.fill(po_path, {})

    assert (filled, [entry.msgid for entry in missing]) == (0, ["Members"])


def test_load_fragments_flags_conflicting_translations(filler, tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"Save": "저장", "Search": "검색"}), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"Save": "저장하기", "Search": "검색"}), encoding="utf-8")
    (tmp_path / "c.json").write_text("{not json", encoding="utf-8")

    translations, problems = filler.load_fragments(tmp_path)

    assert translations == {"Save": "저장", "Search": "검색"}
    assert [problem.split(":")[0] for problem in problems] == ["b.json", "c.json"]


def test_committed_ko_catalogue_is_compiled():
    translated = {
        (entry.msgctxt, entry.msgid): entry.msgstr
        for entry in polib.pofile(str(KO_PO))
        if entry.translated() and not entry.obsolete and entry.msgid
    }
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in polib.mofile(str(KO_MO)) if entry.msgid}

    stale = sorted(f"{key[1]!r}" for key in set(compiled) | set(translated) if compiled.get(key) != translated.get(key))

    assert stale == [], "run `make messages` (or compilemessages) and commit the .mo"


def test_fragments_are_valid(filler):
    _, problems = filler.load_fragments()

    assert problems == []


def test_check_mode_leaves_project_catalogue_untouched(filler):
    if shutil.which("xgettext") is None:
        pytest.skip("gettext is not installed (make install-test installs it)")
    before = KO_PO.read_bytes()

    filler.main(["--check"])

    assert KO_PO.read_bytes() == before
