"""The search index table gets the primary key (organisation, token) instead of a surrogate id, and no
database constraint or separate index on its organisation column (fewer indexes to write during an import).

Django cannot change a table's primary key into a composite one in place, so the derived table is dropped,
created anew and rebuilt from the organisations (`search.reindex`, the only writer of these rows).
"""

import django.db.models.deletion
from django.db import migrations, models


def rebuild_index(apps, schema_editor):
    from alliance.members import search

    organisation_ids = list(apps.get_model("members", "Organisation").objects.values_list("id", flat=True))
    if organisation_ids:
        search.reindex(organisation_ids, fresh=True)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0004_date_id_indexes"),
    ]

    operations = [
        migrations.DeleteModel(name="SearchToken"),
        migrations.CreateModel(
            name="SearchToken",
            fields=[
                ("pk", models.CompositePrimaryKey("organisation", "token", blank=True, editable=False, primary_key=True, serialize=False)),
                (
                    "organisation",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="members.organisation",
                    ),
                ),
                ("token", models.CharField(max_length=24)),
                ("name_key", models.CharField(max_length=200)),
            ],
            options={
                "indexes": [models.Index(fields=["token", "name_key", "organisation"], name="searchtoken_token_name")],
            },
        ),
        migrations.RunPython(rebuild_index, migrations.RunPython.noop),
    ]
