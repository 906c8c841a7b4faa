"""A score change names its panel, judge, group and criterion itself and survives its score: withdrawing a
judge's scores (an absence, a declared tie) no longer deletes their amendment log. Existing entries copy the
keys from their score (every existing entry has one: the old CASCADE deleted the others); 0010 then makes
the keys required (a separate migration: PostgreSQL refuses ALTER TABLE after the backfill's updates in one
transaction, while their deferred foreign-key checks are pending)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def copy_keys(apps, schema_editor):
    ScoreChange = apps.get_model("programs", "ScoreChange")
    changes = list(ScoreChange.objects.select_related("score"))
    for change in changes:
        score = change.score
        change.panel_id, change.judge_id = score.panel_id, score.judge_id
        change.group_id, change.criterion_id = score.group_id, score.criterion_id
    ScoreChange.objects.bulk_update(changes, ["panel", "judge", "group", "criterion"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0008_winner_replaced_group"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="scorechange",
            name="criterion",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="programs.criterion",
            ),
        ),
        migrations.AddField(
            model_name="scorechange",
            name="group",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="programs.projectgroup",
            ),
        ),
        migrations.AddField(
            model_name="scorechange",
            name="judge",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="scorechange",
            name="panel",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="score_changes",
                to="programs.panel",
            ),
        ),
        migrations.RunPython(copy_keys, migrations.RunPython.noop),
    ]
