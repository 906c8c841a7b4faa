"""Who may open the governance app's URLs (see alliance/core/tests/url_matrix.py)."""

EXPECTED = {}
