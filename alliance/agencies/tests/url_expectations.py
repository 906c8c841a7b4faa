"""Who may open the agencies app's URLs (see alliance/core/tests/url_matrix.py)."""

EXPECTED = {}
