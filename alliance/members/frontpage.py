"""What the member registry adds to the public front page (`alliance.core.frontpage`): the number of current
members, leading to the directory. One cached count (`membership.member_count`): no query on most visits."""

from django.urls import reverse
from django.utils.translation import gettext as _

from alliance.core.frontpage import Figure, FigureValue, register_figure
from alliance.members.membership import member_count


def _members() -> FigureValue:
    return FigureValue(_("Member organisations"), member_count(), "개사", reverse("members:directory"))


register_figure(Figure("members", 10, _members))
