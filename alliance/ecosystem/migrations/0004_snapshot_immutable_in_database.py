"""Published snapshots are immutable in the database itself, not only in the model.

BEFORE UPDATE and BEFORE DELETE triggers on ecosystem_snapshot refuse any change with an integrity error,
whatever writes it: a queryset that bypasses the model's guards, an upsert (`bulk_create(...,
update_conflicts=True)`), raw SQL. A snapshot is one row (its frozen map is the `data` column), so no
other table holds frozen data. TRUNCATE is left alone on purpose: it is how `manage.py flush` (and the
test runner on PostgreSQL) empties a whole database; on SQLite flush deletes row by row, so a database
holding a snapshot is reset by recreating it. Vendors other than SQLite and PostgreSQL get no triggers.
The SQL is written here, frozen with the migration; the test suite (which builds tables without
migrations) runs these same functions against both vendors.
"""

from django.db import migrations

UPDATE_MESSAGE = "published snapshots cannot be updated"
DELETE_MESSAGE = "published snapshots cannot be deleted"

SQLITE_FORWARD = [
    "CREATE TRIGGER ecosystem_snapshot_no_update BEFORE UPDATE ON ecosystem_snapshot "
    f"BEGIN SELECT RAISE(ABORT, '{UPDATE_MESSAGE}'); END",
    "CREATE TRIGGER ecosystem_snapshot_no_delete BEFORE DELETE ON ecosystem_snapshot "
    f"BEGIN SELECT RAISE(ABORT, '{DELETE_MESSAGE}'); END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS ecosystem_snapshot_no_update",
    "DROP TRIGGER IF EXISTS ecosystem_snapshot_no_delete",
]
POSTGRESQL_FORWARD = [
    # SQLSTATE 23000 (integrity_constraint_violation): Django raises IntegrityError, as on SQLite.
    "CREATE FUNCTION ecosystem_snapshot_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN "
    "IF TG_OP = 'UPDATE' THEN "
    f"RAISE EXCEPTION '{UPDATE_MESSAGE}' USING ERRCODE = 'integrity_constraint_violation'; "
    "END IF; "
    f"RAISE EXCEPTION '{DELETE_MESSAGE}' USING ERRCODE = 'integrity_constraint_violation'; "
    "END $$",
    "CREATE TRIGGER ecosystem_snapshot_no_update BEFORE UPDATE ON ecosystem_snapshot "
    "FOR EACH ROW EXECUTE FUNCTION ecosystem_snapshot_immutable()",
    "CREATE TRIGGER ecosystem_snapshot_no_delete BEFORE DELETE ON ecosystem_snapshot "
    "FOR EACH ROW EXECUTE FUNCTION ecosystem_snapshot_immutable()",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS ecosystem_snapshot_no_update ON ecosystem_snapshot",
    "DROP TRIGGER IF EXISTS ecosystem_snapshot_no_delete ON ecosystem_snapshot",
    "DROP FUNCTION IF EXISTS ecosystem_snapshot_immutable()",
]
FORWARD = {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD}
REVERSE = {"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}


def _run(statements, schema_editor) -> None:
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for statement in statements.get(connection.vendor, []):
            cursor.execute(statement)


def install_triggers(apps, schema_editor) -> None:
    _run(FORWARD, schema_editor)


def remove_triggers(apps, schema_editor) -> None:
    _run(REVERSE, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("ecosystem", "0003_verbose_names"),
    ]

    operations = [
        # Related lookups and Django's internals use the base manager: it refuses update/delete too.
        migrations.AlterModelOptions(
            name="snapshot",
            options={
                "base_manager_name": "objects",
                "ordering": ["-year"],
                "verbose_name": "snapshot",
                "verbose_name_plural": "snapshots",
            },
        ),
        migrations.RunPython(install_triggers, remove_triggers),
    ]
