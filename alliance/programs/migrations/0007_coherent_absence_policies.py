"""Programmes not yet scored whose absence policy the ranking engine refuses (a `zscore` programme created with
the raw-score default, which could never produce a result) get their rule's own default policy.

The rules are frozen here as they stood when this migration was written (`ranking.values`, `ranking.rules.
normalise_policy`, `models.programme.DEFAULT_ABSENCE_POLICIES`): a migration replays against the schema of its
time, never today's application code.
"""

from django.db import migrations

RULES = ("trimmed_mean", "mean", "median", "zscore")
MINIMUM_TOTALS = {"trimmed_mean": 3, "mean": 1, "median": 1, "zscore": 1}
DEFAULT_ABSENCE_POLICIES = {
    "trimmed_mean": {"4": "trimmed_mean", "3": "mean", "2": "mean", "1": "mean"},
    "mean": {"4": "mean", "3": "mean", "2": "mean", "1": "mean"},
    "median": {"4": "median", "3": "median", "2": "median", "1": "median"},
    "zscore": {"4": "zscore", "3": "zscore", "2": "zscore", "1": "zscore"},
}


def _applied_rule_acceptable(rule, count, applied):
    try:
        number = int(count)
    except (TypeError, ValueError):
        return False
    if applied not in RULES or number < MINIMUM_TOTALS[applied]:
        return False
    return (applied == "zscore") == (rule == "zscore")


def policy_acceptable(rule, absence_policy):
    """What `normalise_policy` accepted: a known rule, and each count's rule known, possible and not mixing
    standardised with raw scores."""
    if rule not in RULES:
        return False
    return all(_applied_rule_acceptable(rule, count, applied) for count, applied in (absence_policy or {}).items())


def repair(apps, schema_editor):
    Programme = apps.get_model("programs", "Programme")
    for programme in Programme.objects.filter(rule_locked_at__isnull=True):
        if not policy_acceptable(programme.ranking_rule, programme.absence_policy):
            default = DEFAULT_ABSENCE_POLICIES.get(programme.ranking_rule, DEFAULT_ABSENCE_POLICIES["trimmed_mean"])
            programme.absence_policy = dict(default)
            programme.save(update_fields=["absence_policy"])


class Migration(migrations.Migration):
    dependencies = [("programs", "0006_verbose_names")]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
