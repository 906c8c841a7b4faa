"""Numbers in pages: years and ids print as plain digits, quantities carry their thousands separators.

USE_THOUSAND_SEPARATOR is off, so `{{ programme.year }}` prints 2026 and `{{ object.pk }}` 1511 with no
workaround; a quantity shown to people (members, revenue, visits, scores) goes through `|count_with` or
`|number`, which group the digits whatever the setting.
"""

import re

from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from alliance.core.tests.test_security_headers import project_templates

WORKAROUNDS = re.compile(r"\|\s*unlocalize|stringformat:\s*[\"']d[\"']|\{%\s*(?:end)?localize\b")


def test_the_thousands_separator_is_off_globally():
    assert settings.USE_THOUSAND_SEPARATOR is False


def test_no_template_needs_a_workaround_for_the_separator():
    offenders = {
        path.name: WORKAROUNDS.findall(text)
        for path in project_templates()
        if WORKAROUNDS.search(text := path.read_text(encoding="utf-8"))
    }

    assert offenders == {}


def render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template(source).render(Context(context))


def test_years_and_ids_print_plain_and_quantities_keep_their_separators_in_both_languages():
    source = (
        '{{ year }}|{{ pk }}|{{ members|count_with:"개사" }}|{{ visits|number }}|{{ revenue|number }}|'
        "{{ none|number }}|{{ names|number }}"
    )
    values = {"year": 2026, "pk": 1511, "members": 1139, "visits": 1234567, "revenue": 12345.5, "none": None}
    values["names"] = "주식회사 젠"

    assert render(source, "ko", **values) == "2026|1511|1,139개사|1,234,567|12,345.5|-|주식회사 젠"
    # The counter follows the page's language (alliance/portal/tests/test_english_counters.py).
    assert render(source, "en", **values) == "2026|1511|1,139|1,234,567|12,345.5|-|주식회사 젠"
