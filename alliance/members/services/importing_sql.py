"""Plain INSERTs for the import's bulk path: 100,000 organisations, their field links and audit entries.

`bulk_create` compiles every value of every row through the ORM, which costs more than the database
work at this size; these helpers convert each column once per value with the backend's own adapters and
hand the rows to `executemany`. They write what `bulk_create` would (auto_now dates included), on SQLite
and PostgreSQL alike, but return no primary keys.
"""

from collections.abc import Iterable

from django.db import connection, models
from django.utils import timezone

BATCH = 5_000


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
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608  names from _meta
    rows = [
        tuple(
            convert(getattr(instance, attname)) if convert else getattr(instance, attname)
            for attname, convert in converters
        )
        for instance in objects
    ]
    insert_tuples(sql, rows)
    return len(rows)


def insert_tuples(sql: str, rows: list[tuple]) -> None:
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])


def insert_links(through: type[models.Model], pairs: list[tuple[int, int]]) -> None:
    """INSERT (organisation id, business field id) rows of the fields many-to-many table."""
    if not pairs:
        return
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(through._meta.db_table)} ({quote('organisation_id')}, {quote('businessfield_id')}) "  # noqa: S608
        "VALUES (%s, %s)"
    )
    insert_tuples(sql, pairs)
