#!/usr/bin/env python3
"""Fill the Korean catalogue from the translation fragments, and fail when a msgid still lacks Korean.

Each area keeps its translations in `locale/ko_fragments/<area>.json`, a flat JSON object
{"English msgid": "한국어"}; a pgettext entry's key is "context\\u0004msgid". After
`manage.py makemessages -l ko -l en`, this script writes those translations into
`locale/ko/LC_MESSAGES/django.po`, clears the fuzzy flags of the entries it filled, and exits 1
listing every msgid that is still untranslated or fuzzy. The English catalogue needs nothing:
the msgids are English.

    python scripts/fill_catalogue.py            # fill locale/ko/LC_MESSAGES/django.po in place
    python scripts/fill_catalogue.py --check    # fill a copy made from the current source; change nothing

`--check` runs makemessages on a temporary copy of the project and `locale/` (gettext's xgettext and
msgmerge must be installed), fills the copy, and reports; `make test` runs it so that a string added without
its Korean translation fails the build.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
FRAGMENTS = LOCALE / "ko_fragments"
CONTEXT_SEPARATOR = "\u0004"


def entry_key(entry: polib.POEntry) -> str:
    return f"{entry.msgctxt}{CONTEXT_SEPARATOR}{entry.msgid}" if entry.msgctxt else entry.msgid


def load_fragments(directory: Path = FRAGMENTS) -> tuple[dict[str, str], list[str]]:
    """All fragments merged into one mapping, and the problems found (bad JSON, conflicting translations)."""
    translations: dict[str, str] = {}
    origin: dict[str, str] = {}
    problems: list[str] = []
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            problems.append(f"{path.name}: not valid JSON ({error})")
            continue
        if not isinstance(data, dict):
            problems.append(f"{path.name}: must be a JSON object of msgid → 번역")
            continue
        for key, value in data.items():
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{path.name}: {key!r} has no Korean text")
                continue
            if key in translations and translations[key] != value:
                problems.append(f"{path.name}: {key!r} is {value!r} here but {translations[key]!r} in {origin[key]}")
                continue
            translations[key] = value
            origin[key] = path.name
    return translations, problems


def fill(po_path: Path, translations: dict[str, str]) -> tuple[int, list[polib.POEntry]]:
    """Write the fragments' translations into the catalogue; return (entries filled, entries still missing)."""
    catalogue = polib.pofile(str(po_path), wrapwidth=0)
    filled = 0
    for entry in catalogue:
        if entry.obsolete:
            continue
        korean = translations.get(entry_key(entry))
        if korean is None:
            continue
        if entry.msgid_plural:
            target = dict.fromkeys(entry.msgstr_plural or {0: ""}, korean)
            changed = entry.msgstr_plural != target
            entry.msgstr_plural = target
        else:
            changed = entry.msgstr != korean
            entry.msgstr = korean
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            changed = True
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        filled += changed
    catalogue.save(str(po_path))
    missing = [
        entry for entry in catalogue if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]
    return filled, missing


def describe(entry: polib.POEntry) -> str:
    where = ", ".join(f"{path}:{line}" if line else path for path, line in entry.occurrences[:2])
    context = f"[{entry.msgctxt}] " if entry.msgctxt else ""
    state = "fuzzy" if "fuzzy" in entry.flags else "untranslated"
    return f"  {context}{entry.msgid!r} ({state}; {where})"


def makemessages_into(scratch: Path) -> Path:
    """Run makemessages on a copy of the project under `scratch`; return the copy's locale directory.

    makemessages writes each file's strings into the locale directory beside it, so it must run on a copy
    (the source and a copy of locale/) for the project's own catalogue to stay untouched.
    """
    root = scratch / "project"
    shutil.copytree(ROOT / "alliance", root / "alliance", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy2(ROOT / "manage.py", root / "manage.py")
    shutil.copytree(LOCALE, root / "locale", ignore=shutil.ignore_patterns("*.mo", "ko_fragments"))
    env = dict(os.environ, ALLIANCE_VAR_DIR=str(scratch / "var"), DJANGO_SETTINGS_MODULE="alliance.settings")
    command = [sys.executable, "manage.py", "makemessages", "-l", "ko", "-l", "en", "--no-obsolete"]
    subprocess.run(command, cwd=root, env=env, check=True, stdout=subprocess.DEVNULL)
    return root / "locale"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="regenerate into a temporary copy and report only")
    args = parser.parse_args(argv)

    translations, problems = load_fragments()
    for problem in problems:
        print(f"fragment problem: {problem}", file=sys.stderr)

    with tempfile.TemporaryDirectory() as scratch:
        locale_dir = makemessages_into(Path(scratch)) if args.check else LOCALE
        po_path = locale_dir / "ko" / "LC_MESSAGES" / "django.po"
        if not po_path.exists():
            print(f"{po_path} is missing: run `make messages`.", file=sys.stderr)
            return 1
        filled, missing = fill(po_path, translations)
        known = {entry_key(entry) for entry in polib.pofile(str(po_path)) if not entry.obsolete}

    unused = sorted(set(translations) - known)
    if unused:
        print(f"{len(unused)} fragment key(s) match no msgid (stale or misspelt):", file=sys.stderr)
        for key in unused:
            print(f"  {key!r}", file=sys.stderr)

    verb = "would fill" if args.check else "filled"
    print(f"ko catalogue: {verb} {filled} entr{'y' if filled == 1 else 'ies'} from {len(translations)} fragment keys.")
    if missing:
        print(f"{len(missing)} msgid(s) lack a Korean translation (add them to locale/ko_fragments/<area>.json):")
        for entry in missing:
            print(describe(entry))
    return 1 if missing or problems else 0


if __name__ == "__main__":
    sys.exit(main())
