"""Korean-first labels of the ranking engine's names (rules, tie-break keys, absence policy), for documents."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alliance.programs.models import RankingRule

# One label set for pages and documents: the tie-break keys are named in models.programme.
from alliance.programs.models.programme import tie_break_label


def rule_label(rule: str) -> str:
    return str(RankingRule(rule).label) if rule in RankingRule.values else rule


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
