"""Korean conventions: 2026. 4. 15., 1,139."""

DATE_FORMAT = "Y. n. j."
SHORT_DATE_FORMAT = "Y. n. j."
DATETIME_FORMAT = "Y. n. j. H:i"
SHORT_DATETIME_FORMAT = "Y. n. j. H:i"
# A project format (read by alliance.core.dates): deadlines and submission times, to the second.
DATETIME_SECONDS_FORMAT = "Y. n. j. H:i:s"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "n월 j일"
YEAR_MONTH_FORMAT = "Y년 n월"
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y. %m. %d.", "%Y.%m.%d", "%Y/%m/%d"]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
