"""The business fields become a vocabulary: each term gets its spelling-independent key, and the free-text
values typed so far that share a key ("디지털 트윈", "디지털트윈") are merged into one term (their spellings keep
mapping to it through the key). The term kept is the spelling most organisations use (then the one without
spaces, then the oldest); the organisations and the directory's field tokens of the merged ones move to it."""

import unicodedata
from collections import defaultdict

import django.db.models.deletion
from django.db import migrations, models


def _key(name):
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


def merge_by_key(apps, schema_editor):
    BusinessField = apps.get_model("members", "BusinessField")
    Organisation = apps.get_model("members", "Organisation")
    SearchToken = apps.get_model("members", "SearchToken")
    through = Organisation.fields.through
    groups = defaultdict(list)
    for field in BusinessField.objects.order_by("pk"):
        groups[_key(field.name)].append(field)
    for key, fields in groups.items():
        users = {
            field.pk: set(through.objects.filter(businessfield_id=field.pk).values_list("organisation_id", flat=True))
            for field in fields
        }
        fields.sort(key=lambda field: (-len(users[field.pk]), " " in field.name, field.pk))
        term = fields[0]
        for field in fields[1:]:
            moved = users[field.pk] - users[term.pk]
            through.objects.bulk_create([through(organisation_id=org, businessfield_id=term.pk) for org in moved])
            old_token, new_token = f"\x01f{field.pk}", f"\x01f{term.pk}"
            names = dict(
                SearchToken.objects.filter(organisation_id__in=moved, token=old_token).values_list(
                    "organisation_id", "name_key"
                )
            )
            SearchToken.objects.bulk_create(
                [SearchToken(organisation_id=org, token=new_token, name_key=name) for org, name in names.items()],
                ignore_conflicts=True,
            )
            SearchToken.objects.filter(token=old_token).delete()
            users[term.pk] |= moved
            field.delete()
        term.key = key
        term.save(update_fields=["key"])


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0008_edit_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="businessfield",
            name="key",
            field=models.CharField(default="", editable=False, max_length=60),
        ),
        migrations.CreateModel(
            name="BusinessFieldVariant",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=60, verbose_name="spelling")),
                ("key", models.CharField(editable=False, max_length=60, unique=True)),
                (
                    "field",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="variants",
                        to="members.businessfield",
                        verbose_name="business field",
                    ),
                ),
            ],
            options={
                "verbose_name": "business field spelling",
                "verbose_name_plural": "business field spellings",
                "ordering": ["name"],
            },
        ),
        migrations.RunPython(merge_by_key, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="businessfield",
            name="key",
            field=models.CharField(editable=False, max_length=60, unique=True),
        ),
    ]
