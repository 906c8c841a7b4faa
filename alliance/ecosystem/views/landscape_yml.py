"""landscape.yml on the web: staff load a file into a year's map; anyone downloads a year's map as one."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from alliance.core import downloads
from alliance.core.permissions import permission_required, public
from alliance.ecosystem.forms.landscape import LandscapeUploadForm
from alliance.ecosystem.models import Taxonomy
from alliance.ecosystem.services.landscape_import import import_landscape, landscape_categories
from alliance.ecosystem.services.landscape_yml import LandscapeError, dump_landscape, parse_landscape

SHOWN_WARNINGS = 50
LOGOS_NOT_UPLOADED = _(
    "%(count)s items name a logo file; logos do not come with an upload (the import_landscape command reads them "
    "from logos/ beside the file), so add them from each company's card."
)


@permission_required("ecosystem.manage_players")
def landscape_import(request, year: int):
    """Upload a landscape.yml into `year`'s map: refused whole with line and reason, or imported."""
    taxonomy = get_object_or_404(Taxonomy, year=year)
    form = LandscapeUploadForm(request.POST or None, request.FILES or None)
    context = {"taxonomy": taxonomy, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            text = form.cleaned_data["file"].read().decode("utf-8")
            landscape = parse_landscape(text)
            result = import_landscape(
                actor=request.user, landscape=landscape, year=year, domain_name=form.domain_name()
            )
        except UnicodeDecodeError:
            context["errors"] = [LandscapeUploadForm.NOT_UTF8]
        except LandscapeError as error:
            context["errors"] = error.errors
        else:
            with_logo = sum(
                1 for c in landscape.categories for sub in c.subcategories for item in sub.items if item.logo
            )
            warnings = ([LOGOS_NOT_UPLOADED % {"count": with_logo}] if with_logo else []) + result.warnings
            context["result"] = result
            context["warnings"] = warnings[:SHOWN_WARNINGS]
            context["more_warnings"] = max(0, len(warnings) - SHOWN_WARNINGS)
    return render(request, "ecosystem/manage/landscape_import.html", context)


@public
def landscape_yml(request, year: int):
    """Public: the year's map (confirmed placements) in the current landscape.yml form, without logos."""
    taxonomy = Taxonomy.objects.filter(year=year).first()
    if taxonomy is None:
        raise Http404
    return downloads.file_response(
        dump_landscape(landscape_categories(taxonomy)),
        filename=f"ecosystem-{year}-landscape.yml",
        content_type=downloads.YAML,
    )
