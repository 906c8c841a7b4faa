"""Who may open the archive area's URLs: rows merged by tests/url_expectations.py."""

EXPECTED: dict = {}
POST_DATA: dict = {}
