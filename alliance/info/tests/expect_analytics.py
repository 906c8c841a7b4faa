"""Who may open the analytics area's URLs: rows merged by tests/url_expectations.py."""

from alliance.core.tests.url_matrix import staff_only

EXPECTED: dict = {
    "info:analytics": staff_only(),
    "info:analytics_export": staff_only(),
}
POST_DATA: dict = {}
