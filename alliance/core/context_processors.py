"""Navigation links shown in the header, by what the signed-in user may do."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def navigation(request):
    user = request.user
    links = [
        (reverse("members:directory"), _("Member directory")),
        (reverse("ecosystem:latest"), _("Ecosystem map")),
        (reverse("programs:latest_results"), _("Competition results")),
    ]
    if user.is_authenticated:
        links.append((reverse("core:dashboard"), _("My page")))
        if user.has_perm("members.manage_registry"):
            links.append((reverse("members:registry"), _("Registry")))
            links.append((reverse("members:statistics"), _("Statistics")))
            links.append((reverse("members:census_rounds"), _("Census")))
            links.append((reverse("ecosystem:manage"), _("Ecosystem map management")))
            links.append((reverse("programs:programme_list"), _("Project groups")))
            links.append((reverse("core:audit_log"), _("Audit log")))
        if user.has_perm("programs.apply"):
            links.append((reverse("programs:my_groups"), _("Project groups")))
        if user.has_perm("programs.evaluate"):
            links.append((reverse("programs:judging_home"), _("Judging")))
            links.append((reverse("programs:my_sessions"), _("Mentoring")))
        if user.has_perm("programs.view_own_meetings") and not user.has_perm("programs.apply"):
            links.append((reverse("programs:my_meetings"), _("Investment meetings")))
    return {"nav_links": links}
