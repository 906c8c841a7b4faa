"""The privacy policy pages: the public policy with its earlier versions, and the staff page saving a new one."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.forms import PrivacyPolicyForm
from alliance.core.models import PrivacyPolicy
from alliance.core.permissions import permission_required, public
from alliance.core.privacy import current_policy, default_policy_text, save_policy_version


def _earlier_versions(current):
    versions = PrivacyPolicy.objects.in_effect_on(timezone.localdate())
    return versions.exclude(pk=current.pk) if current else versions.none()


@public
def privacy_policy(request):
    policy = current_policy()
    context = {
        "policy": policy,
        "body": policy.body if policy else default_policy_text(),
        "versions": _earlier_versions(policy),
        "is_current": True,
    }
    return render(request, "core/privacy/policy.html", context)


@public
def privacy_policy_version(request, version):
    policy = get_object_or_404(PrivacyPolicy, version=version)
    current = current_policy()
    if policy.effective_on > timezone.localdate():
        raise Http404  # not published yet
    context = {
        "policy": policy,
        "body": policy.body,
        "versions": _earlier_versions(current),
        "is_current": current is not None and current.pk == policy.pk,
        "current": current,
    }
    return render(request, "core/privacy/policy.html", context)


@permission_required("core.add_privacypolicy")
def privacy_policy_edit(request):
    current = current_policy()
    initial = {"body": current.body if current else default_policy_text(), "effective_on": timezone.localdate()}
    form = PrivacyPolicyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        policy = save_policy_version(
            body=form.cleaned_data["body"], effective_on=form.cleaned_data["effective_on"], actor=request.user
        )
        messages.success(request, _("Saved version %(version)s of the privacy policy.") % {"version": policy.version})
        return redirect("core:privacy_edit")
    versions = PrivacyPolicy.objects.select_related("created_by")
    return render(request, "core/privacy/edit.html", {"form": form, "versions": versions, "current": current})
