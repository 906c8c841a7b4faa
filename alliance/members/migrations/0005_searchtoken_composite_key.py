"""The search index table gets the primary key (organisation, token) instead of a surrogate id, and no
database constraint or separate index on its organisation column (fewer indexes to write during an import).

Django cannot change a table's primary key into a composite one in place, so the derived table is dropped,
created anew and rebuilt from the organisations (as `search.reindex`, the only writer of these rows, would).
"""

import django.db.models.deletion
from django.db import migrations, models

# The index's tokens, frozen as `alliance.members.search` made them when this migration was written: its
# text's bigrams (not across a SEPARATOR) and one token per facet. A migration replays against the schema of
# its time, never today's application code; members/tests/test_migrations.py checks this copy still agrees.
SEPARATOR = "|"
ALL = "\x01*"
BATCH = 5_000


def tokens_of(*, search_text, category, sido, field_ids):
    tokens = {search_text[i : i + 2] for i in range(len(search_text) - 1) if SEPARATOR not in search_text[i : i + 2]}
    tokens |= {ALL, f"\x01c{category}"}
    if sido:
        tokens.add(f"\x01s{sido}")
    tokens.update(f"\x01f{field_id}" for field_id in field_ids)
    return tokens


def rebuild_index(apps, schema_editor):
    organisation_model = apps.get_model("members", "Organisation")
    token_model = apps.get_model("members", "SearchToken")
    fields_of = {}
    for organisation_id, field_id in organisation_model.fields.through.objects.values_list(
        "organisation_id", "businessfield_id"
    ):
        fields_of.setdefault(organisation_id, []).append(field_id)
    rows = organisation_model.objects.values_list("id", "name_key", "search_text", "category", "sido")
    batch = []
    for pk, name_key, text, category, sido in rows.iterator(chunk_size=BATCH):
        tokens = tokens_of(search_text=text, category=category, sido=sido, field_ids=fields_of.get(pk, []))
        batch.extend(token_model(organisation_id=pk, name_key=name_key, token=token) for token in tokens)
        if len(batch) >= BATCH:
            token_model.objects.bulk_create(batch)
            batch = []
    token_model.objects.bulk_create(batch)


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
