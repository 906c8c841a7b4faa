"""Who may open the reports app's URLs (see alliance/core/tests/url_matrix.py).

Each area keeps its rows in `tests/expect_<area>.py` (the same names as a url_expectations module); this module
merges them, so that areas built in parallel do not edit one file.
"""

from alliance.core.tests.url_areas import merged_areas
from alliance.reports.tests import expect_reports_briefing, expect_reports_indicators, expect_reports_plan

AREAS = (expect_reports_plan, expect_reports_indicators, expect_reports_briefing)

globals().update(merged_areas(AREAS))
