"""Bulk writes at benchmark scale: 100,000 organisations, their audit entries, millions of search tokens.

`bulk_create` compiles every value of every row through the ORM, which costs more than the database's
own work at this size. `insert_rows` takes values that are already database-ready and sends them the
fastest way each backend offers: COPY on PostgreSQL, multi-row INSERT statements elsewhere. It returns no
primary keys; callers that need them read them back by a unique column.
"""

from collections.abc import Iterable, Sequence
from itertools import islice

from django.db import connection

# Bound parameters per INSERT statement: under SQLite's 32,766 (and PostgreSQL's 65,535).
MAX_PARAMETERS = 30_000
# Rows per COPY statement on PostgreSQL.
ROWS_PER_COPY = 20_000


def insert_rows(table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Insert `rows` (tuples of database-ready values, in `columns` order) into `table`."""
    quote = connection.ops.quote_name
    column_list = ", ".join(quote(column) for column in columns)
    iterator = iter(rows)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Rows are drawn before each COPY starts: a generator that queries the database (a first
            # ContentType lookup, say) would otherwise wait on a connection busy with the COPY, for ever.
            while chunk := list(islice(iterator, ROWS_PER_COPY)):
                with cursor.cursor.copy(f"COPY {quote(table)} ({column_list}) FROM STDIN") as copy:
                    for row in chunk:
                        copy.write_row(row)
            return
        head = f"INSERT INTO {quote(table)} ({column_list}) VALUES "  # noqa: S608  our own table and columns
        one = "(" + ", ".join(["%s"] * len(columns)) + ")"
        per_statement = max(1, MAX_PARAMETERS // len(columns))
        while chunk := list(islice(iterator, per_statement)):
            cursor.execute(head + ", ".join([one] * len(chunk)), [value for row in chunk for value in row])
