"""Plain INSERTs for the import's bulk path: 100,000 organisations, their field links and audit entries.

`bulk_create` compiles every value of every row through the ORM, which costs more than the database
work at this size; these helpers convert each column once per value with the backend's own adapters and
send the rows in multi-row INSERT statements. They write what `bulk_create` would (auto_now dates included), on SQLite
and PostgreSQL alike, but return no primary keys.
"""

from collections.abc import Iterable

from django.db import connection, models
from django.utils import timezone

# Bound parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535.
MAX_PARAMETERS = 30_000


def _converter(field: models.Field, now):
    ops = connection.ops
    if isinstance(field, models.DateTimeField):
        if field.auto_now or field.auto_now_add:
            stamp = ops.adapt_datetimefield_value(now)
            return lambda value: stamp
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(field, models.FileField):
        return lambda value: getattr(value, "name", value) or ""
    if isinstance(field, models.JSONField):
        return lambda value: field.get_db_prep_save(value, connection)
    return None


def insert_objects(model: type[models.Model], objects: Iterable[models.Model]) -> int:
    """INSERT unsaved instances of `model` (every concrete column but the primary key); the row count."""
    now = timezone.now()
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    converters = [(field.attname, _converter(field, now)) for field in fields]
    rows = [
        tuple(
            convert(getattr(instance, attname)) if convert else getattr(instance, attname)
            for attname, convert in converters
        )
        for instance in objects
    ]
    insert_tuples(model._meta.db_table, [field.column for field in fields], rows)
    return len(rows)


def insert_tuples(table: str, columns: list[str], rows: list[tuple]) -> None:
    """INSERT rows of values in multi-row statements: few round trips on PostgreSQL, few calls on SQLite."""
    if not rows:
        return
    quote = connection.ops.quote_name
    head = f"INSERT INTO {quote(table)} ({', '.join(quote(column) for column in columns)}) VALUES "  # noqa: S608
    one = "(" + ", ".join(["%s"] * len(columns)) + ")"
    per_statement = max(1, MAX_PARAMETERS // len(columns))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            cursor.execute(head + ", ".join([one] * len(chunk)), [value for row in chunk for value in row])


def insert_links(through: type[models.Model], pairs: list[tuple[int, int]]) -> None:
    """INSERT (organisation id, business field id) rows of the fields many-to-many table."""
    insert_tuples(through._meta.db_table, ["organisation_id", "businessfield_id"], pairs)
