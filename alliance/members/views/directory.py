"""The public member directory (`/member_companies`) and one page per company, its URL the company name.

Public pages: contacts and registration numbers never appear here.
"""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from alliance.core.figures import shown_figures
from alliance.core.korean import company_name_key
from alliance.core.page_cache import cached_for_anonymous
from alliance.core.permissions import public
from alliance.core.ratelimit import rate_limited
from alliance.core.regions import SIDO_BY_SHORT
from alliance.members import membership, queries
from alliance.members.forms.organisation import DirectoryFilterForm
from alliance.members.models import MemberCategory


@public
@require_GET
@rate_limited("search")
@vary_on_headers("HX-Request")  # the results partial and the whole page share one URL: caches must tell them apart
@cached_for_anonymous(lambda request: membership.registry_day_version())
def directory(request):
    form = DirectoryFilterForm(request.GET, field_names=queries.business_field_names())
    values = form.values()
    context = queries.directory_page({**values, "page": request.GET.get("page", "")})
    # Labels looked up once per request, not once per card (the directory's cost is in these loops).
    categories = {value: str(label) for value, label in MemberCategory.choices}
    for organisation in context["page"]:
        organisation.url = organisation.get_absolute_url()
        organisation.category_label = categories.get(organisation.category, "")
        organisation.sido_label = (
            SIDO_BY_SHORT[organisation.sido].official if organisation.sido in SIDO_BY_SHORT else ""
        )
    selects = [
        (
            form[name],
            [(str(value), str(label), str(value) == values[name]) for value, label in form.fields[name].choices],
        )
        for name in ("category", "sido", "field")
    ]
    context |= {"form": form, "values": values, "selects": selects}
    template = "members/directory/index.html"
    if request.htmx and not request.htmx.boosted and not request.htmx.history_restore_request:
        template += "#results"
    return render(request, template, context)


@public
@require_GET
def company_page(request, name: str):
    organisation = membership.current_members().filter(name_key=company_name_key(name)).first()
    if organisation is None:
        return render(request, "members/directory/not_found.html", {"name": name}, status=404)
    if name != organisation.company_segment:
        return redirect(organisation.get_absolute_url(), permanent=True)
    context = {
        "organisation": organisation,
        "field_names": [field.name for field in organisation.fields.all()],
        "homepage": organisation.homepage if organisation.homepage.startswith(("http://", "https://")) else "",
        "can_edit": request.user.has_perm("members.change_organisation", organisation),
        "can_manage": request.user.has_perm("members.manage_registry"),
        # Exact for staff and the company itself, bands for everyone else (core/figures.py).
        "figures": shown_figures(
            revenue=organisation.revenue_million,
            employees=organisation.employees,
            exact=request.user.has_perm("core.view_exact_figures", organisation),
        ),
    }
    return render(request, "members/directory/company.html", context)
