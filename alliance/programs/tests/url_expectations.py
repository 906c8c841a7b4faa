"""Who may open the programs app's URLs (see alliance/core/tests/url_matrix.py)."""

EXPECTED = {}
