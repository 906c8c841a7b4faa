"""Identifiers and years must leave templates as plain digits.

USE_THOUSAND_SEPARATOR is on, so `{{ object.pk }}` renders 1,511 once ids pass 999: a hidden input, an
element id or a URL built from it then breaks. Such values go through `|unlocalize` (or `stringformat`).
"""

import re

import pytest

from alliance.core.tests.test_security_headers import project_templates

# Inside blocktranslate the variables are bound by its `with`, where the filter belongs.
BLOCKTRANSLATE = re.compile(r"\{%\s*blocktrans(?:late)?\b.*?\{%\s*endblocktrans(?:late)?\s*%\}", re.DOTALL)
RAW_NUMBER = re.compile(r"\{\{\s*([\w.]*(?:\.pk|\.id|_pk|(?<!auto)_id|\byear))\s*\}\}")


def raw_numbers(text: str) -> list[str]:
    return [match.group(1) for match in RAW_NUMBER.finditer(BLOCKTRANSLATE.sub("", text))]


def test_templates_print_no_identifier_or_year_with_a_thousands_separator():
    offenders = {
        path.name: found for path in project_templates() if (found := raw_numbers(path.read_text(encoding="utf-8")))
    }

    assert offenders == {}


@pytest.mark.parametrize(
    ("snippet", "found"),
    [
        ('<input value="{{ group.pk }}">', ["group.pk"]),
        ("{{ programme.year }}년", ["programme.year"]),
        ('id="row-{{ row.organisation_id }}"', ["row.organisation_id"]),
        ('<input value="{{ group.pk|unlocalize }}">', []),
        ("{{ field.auto_id }}", []),
        ("{{ count }}", []),
        ('{% blocktranslate with year=p.year|stringformat:"d" %}{{ year }}년{% endblocktranslate %}', []),
    ],
)
def test_raw_numbers_finds_unfiltered_identifiers(snippet, found):
    assert raw_numbers(snippet) == found
