"""Who may open the board area's URLs: rows merged by tests/url_expectations.py."""

EXPECTED: dict = {}
POST_DATA: dict = {}
