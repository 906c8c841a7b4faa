"""The score change's own keys become required, its score link optional (see 0009)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0009_score_change_outlives_its_score"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="scorechange",
            name="criterion",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="programs.criterion"
            ),
        ),
        migrations.AlterField(
            model_name="scorechange",
            name="group",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="programs.projectgroup"
            ),
        ),
        migrations.AlterField(
            model_name="scorechange",
            name="judge",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL
            ),
        ),
        migrations.AlterField(
            model_name="scorechange",
            name="panel",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="score_changes", to="programs.panel"
            ),
        ),
        migrations.AlterField(
            model_name="scorechange",
            name="points_after",
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=6, null=True),
        ),
        migrations.AlterField(
            model_name="scorechange",
            name="score",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="changes",
                to="programs.score",
            ),
        ),
    ]
