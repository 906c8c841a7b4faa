"""Model instances to database rows for the import's bulk path (organisations, field links, audit entries).

Each column is converted once per value with the backend's own adapters, and `core.bulk.insert_rows`
sends the rows. They write what `bulk_create` would (auto_now dates included), on SQLite and PostgreSQL
alike, but return no primary keys.
"""

from collections.abc import Iterable

from django.db import connection, models
from django.utils import timezone

from alliance.core.bulk import insert_rows


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


def insert_objects(model: type[models.Model], objects: Iterable[models.Model]) -> None:
    """INSERT unsaved instances of `model` (every concrete column but the primary key)."""
    now = timezone.now()
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    converters = [(field.attname, _converter(field, now)) for field in fields]
    rows = (
        tuple(
            convert(getattr(instance, attname)) if convert else getattr(instance, attname)
            for attname, convert in converters
        )
        for instance in objects
    )
    insert_rows(model._meta.db_table, [field.column for field in fields], rows)


def insert_links(through: type[models.Model], pairs: list[tuple[int, int]]) -> None:
    """INSERT (organisation id, business field id) rows of the fields many-to-many table."""
    insert_rows(through._meta.db_table, ["organisation_id", "businessfield_id"], pairs)
