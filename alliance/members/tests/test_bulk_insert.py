"""`core.bulk.insert_rows` on a members table (core has no table of plain rows to try it on)."""

from django.contrib.contenttypes.models import ContentType

from alliance.core.bulk import insert_rows
from alliance.members.models import BusinessField


def test_insert_rows_writes_every_row(db):
    rows = ((f"분야{index}", f"분야{index}", 0) for index in range(5))
    insert_rows(BusinessField._meta.db_table, ("name", "key", "version"), rows)

    assert sorted(BusinessField.objects.values_list("name", flat=True)) == [f"분야{index}" for index in range(5)]


def test_insert_rows_takes_a_generator_that_queries_the_database(db):
    ContentType.objects.clear_cache()

    def rows():
        for index in range(3):
            # A query while the rows are drawn: on PostgreSQL this must not run inside the COPY.
            content_type = ContentType.objects.get_for_model(BusinessField)
            yield (f"{content_type.model}{index}", f"{content_type.model}{index}", 0)

    insert_rows(BusinessField._meta.db_table, ("name", "key", "version"), rows())

    assert sorted(BusinessField.objects.values_list("name", flat=True)) == [
        "businessfield0",
        "businessfield1",
        "businessfield2",
    ]
