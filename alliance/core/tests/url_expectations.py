"""Who may open core's URLs (see url_matrix.py)."""

from alliance.core.tests.url_matrix import everyone, staff_only

EXPECTED = {
    "core:login": everyone(),
    "core:logout": everyone(405),  # POST only
    "core:audit_log": staff_only(),
    "core:set_language": everyone("302 → /"),  # GET changes nothing and goes home; POST switches
}
