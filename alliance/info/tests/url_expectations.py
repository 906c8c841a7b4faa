"""Who may open the information services' URLs (see alliance/core/tests/url_matrix.py).

Each area keeps its rows in `tests/expect_<area>.py` (the same names as a url_expectations module: EXPECTED,
POST_DATA and optionally PK_OF, PATH_VALUES, POST_AS, POST_SETUP, COUNTED_MODELS, build_world); this module
merges them, so that areas built in parallel do not edit one file.
"""

from alliance.core.tests.url_areas import merged_areas
from alliance.info.tests import expect_analytics, expect_archive, expect_board, expect_newsletter, expect_subscribers

AREAS = (expect_board, expect_archive, expect_newsletter, expect_analytics)
AREAS += (expect_subscribers,)

globals().update(merged_areas(AREAS))
