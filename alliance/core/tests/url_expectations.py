"""Who may open core's URLs (see url_matrix.py)."""

from alliance.core.tests.url_matrix import everyone, signed_in, staff_only

EXPECTED = {
    "core:home": everyone(),
    "core:login": everyone(),
    "core:logout": everyone(405),  # POST only
    "core:dashboard": signed_in(),
    "core:audit_log": staff_only(),
    "core:set_language": everyone("302 → /"),  # GET changes nothing and goes home; POST switches
}
