"""Korean-first labels of the ranking engine's names (rules, tie-break keys, absence policy), for documents."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alliance.programs.models import RankingRule


def rule_label(rule: str) -> str:
    return str(RankingRule(rule).label) if rule in RankingRule.values else rule


def tie_break_label(key: str) -> str:
    if key.startswith("criterion:"):
        return _("Criterion: %(name)s") % {"name": key.removeprefix("criterion:")}
    labels = {
        "common_subtotal": _("Common-criteria subtotal"),
        "untrimmed_mean": _("Mean of all totals"),
        "median_total": _("Median total"),
        "highest_single_total": _("Highest single total"),
        "highest_lowest_total": _("Highest lowest total"),
    }
    return labels.get(key, key)


def points_label(points) -> str:
    """Bonus points as people write them: 1, 0.5, 1.5."""
    if points is None:
        return ""
    return f"{points.normalize():f}" if hasattr(points, "normalize") else str(points)


def chain_label(chain) -> str:
    return " → ".join(tie_break_label(key) for key in chain) or _("None")


def policy_label(policy: dict | None) -> str:
    """ "5 judges: …; 4 judges: …" from the absence policy, largest number first."""
    if not policy:
        return _("The programme's rule for any number of judges")
    parts = []
    for count, rule in sorted(policy.items(), key=lambda item: -int(item[0])):
        judges = ngettext("%(count)s judge", "%(count)s judges", int(count)) % {"count": count}
        parts.append(f"{judges}: {rule_label(rule)}")
    return "; ".join(parts)
