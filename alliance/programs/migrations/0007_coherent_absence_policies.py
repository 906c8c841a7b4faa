"""Programmes not yet scored whose absence policy the ranking engine refuses (a `zscore` programme created with
the raw-score default, which could never produce a result) get their rule's own default policy."""

from django.db import migrations


def repair(apps, schema_editor):
    from alliance.programs.models.programme import default_absence_policy
    from alliance.programs.ranking import RankingError, normalise_policy

    Programme = apps.get_model("programs", "Programme")
    for programme in Programme.objects.filter(rule_locked_at__isnull=True):
        try:
            normalise_policy(programme.ranking_rule, programme.absence_policy)
        except RankingError:
            programme.absence_policy = default_absence_policy(programme.ranking_rule)
            programme.save(update_fields=["absence_policy"])


class Migration(migrations.Migration):
    dependencies = [("programs", "0006_verbose_names")]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
