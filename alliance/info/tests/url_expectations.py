"""Who may open the information services' URLs (see alliance/core/tests/url_matrix.py)."""

EXPECTED: dict = {}
POST_DATA: dict = {}
