"""Who may open the portal's URLs (see alliance/core/tests/url_matrix.py)."""

from alliance.core.tests.url_matrix import everyone, signed_in

EXPECTED = {
    "portal:home": everyone(),
    "portal:dashboard": signed_in(),
}
