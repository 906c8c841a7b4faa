"""Who may open the ecosystem app's URLs (see alliance/core/tests/url_matrix.py)."""

EXPECTED = {}
