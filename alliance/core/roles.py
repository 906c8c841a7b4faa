"""The platform's roles. A user holds a set of them (User.roles); anonymous visitors have none; staff (사무국) see
everything."""

from django.db import models
from django.utils.translation import pgettext_lazy


class Role(models.TextChoices):
    STAFF = "staff", pgettext_lazy("role", "Secretariat staff")
    MEMBER_REP = "member_rep", pgettext_lazy("role", "Member representative")
    STEERING = "steering", pgettext_lazy("role", "Steering-committee member")
    SUBCOMMITTEE = "subcommittee", pgettext_lazy("role", "Subcommittee member")
    EVALUATOR = "evaluator", pgettext_lazy("role", "Evaluator / mentor")
    AGENCY = "agency", pgettext_lazy("role", "Partner-agency liaison")
    INVESTOR = "investor", pgettext_lazy("role", "Investor")


def holds_role(user, role: Role) -> bool:
    """`user` (an account, an anonymous visitor or None) holds `role` among its roles."""
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.has_role(role))
