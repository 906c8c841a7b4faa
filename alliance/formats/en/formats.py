"""English locale keeps ISO dates so exports and screens agree."""

DATE_FORMAT = "Y-m-d"
SHORT_DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "Y-m-d H:i"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
TIME_FORMAT = "H:i"
# A project format (read by alliance.core.dates): deadlines and submission times, to the second.
DATETIME_SECONDS_FORMAT = "Y-m-d H:i:s"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
