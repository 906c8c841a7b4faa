"""Staff pages name the programme's rules in words: no engine key (trimmed_mean, common_subtotal), no
Python list syntax (issue 11). Rendered from the permission matrix's world, as staff see them."""

import re

import pytest
from django.urls import reverse

from alliance.core.tests.test_permission_matrix import PK_OF, world  # noqa: F401  the matrix world fixture
from alliance.programs.ranking import RULES, TIE_BREAK_KEYS

# The engine's names of rules and tie-break keys ("criterion:" is a prefix, not a shown value).
INTERNAL_CODES = [*RULES, *(key for key in TIE_BREAK_KEYS if not key.endswith(":"))]
STAFF_PAGES = ["programs:programme_detail", "programs:panel_results", "programs:panel_detail"]


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_staff_pages_show_no_internal_code(client, world, name):  # noqa: F811
    client.force_login(world["users"]["staff"])

    page = client.get(reverse(name, args=[world[PK_OF[name]].pk])).content.decode()

    assert [code for code in INTERNAL_CODES if re.search(rf"(?<![\w-]){code}(?![\w-])", page)] == []
    assert "['" not in page
