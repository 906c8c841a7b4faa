"""landscape.yml on the web: staff load a file into a year's map (checked, then confirmed with what it would
create and place); anyone downloads a year's map as one."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliance.core import downloads
from alliance.core.confirm import ORGANISATIONS, Confirmation, confirmation_gate, confirmation_page
from alliance.core.permissions import permission_required, public
from alliance.ecosystem.forms.landscape import LandscapeUploadForm
from alliance.ecosystem.models import Taxonomy
from alliance.ecosystem.services.landscape_import import ImportResult, landscape_categories, preview_landscape
from alliance.ecosystem.services.landscape_uploads import UploadGoneError, import_upload, read_upload, store_upload
from alliance.ecosystem.services.landscape_yml import Landscape, LandscapeError, dump_landscape, parse_landscape
from alliance.ecosystem.services.snapshot_files import landscape_file
from alliance.ecosystem.views.map import PUBLISHED

SHOWN_WARNINGS = 50
LOGOS_NOT_UPLOADED = gettext_lazy(
    "%(count)s items name a logo file; logos do not come with an upload (the import_landscape command reads them "
    "from logos/ beside the file), so add them from each company's card."
)
UPLOAD_GONE = gettext_lazy(
    "The uploaded file is no longer here (it was loaded already, or the confirmation expired): upload it again."
)


def _notes(landscape: Landscape, result: ImportResult) -> list[str]:
    with_logo = sum(1 for c in landscape.categories for sub in c.subcategories for item in sub.items if item.logo)
    return ([LOGOS_NOT_UPLOADED % {"count": with_logo}] if with_logo else []) + result.warnings


def _confirmation(taxonomy: Taxonomy, landscape: Landscape, preview: ImportResult, reference: str) -> Confirmation:
    notes = _notes(landscape, preview)
    if len(notes) > SHOWN_WARNINGS:
        more = len(notes) - SHOWN_WARNINGS
        notes = [*notes[:SHOWN_WARNINGS], _("… and %(count)s more notes.") % {"count": f"{more:,}"}]
    return Confirmation(
        title=_("Load a landscape.yml"),
        summary=_(
            "The %(items)s items become the domain “%(domain)s” of the %(year)s map: %(created)s new companies are "
            "created, %(matched)s companies already on the platform are matched (their data stays as it is), and "
            "%(placed)s new placements are made and confirmed."
        )
        % {
            "items": f"{preview.items:,}",
            "domain": preview.domain.name,
            "year": taxonomy.year,
            "created": f"{preview.players_created:,}",
            "matched": f"{preview.players_matched:,}",
            "placed": f"{preview.placements_created:,}",
        },
        count=preview.players_created + preview.players_matched,
        unit=ORGANISATIONS,
        warnings=notes,
        cancel_url=reverse("ecosystem:landscape_import", args=[taxonomy.year]),
        confirm_label=_("Load"),
        carried={"upload": reference},
    )


def _page(request, context: dict):
    return render(request, "ecosystem/manage/landscape_import.html", context)


@permission_required("ecosystem.manage_players")
def landscape_import(request, year: int):
    """Upload a landscape.yml into `year`'s map: refused whole with line and reason, or stored and shown with
    what it would do; the confirmed POST imports the stored file."""
    taxonomy = get_object_or_404(Taxonomy, year=year)
    if request.method == "POST" and request.POST.get("upload"):
        return _confirm_and_load(request, taxonomy)
    form = LandscapeUploadForm(request.POST or None, request.FILES or None)
    context = {"taxonomy": taxonomy, "form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            landscape = parse_landscape(upload.read().decode("utf-8"))
            preview = preview_landscape(landscape=landscape, year=year, domain_name=form.domain_name())
        except UnicodeDecodeError:
            context["errors"] = [LandscapeUploadForm.NOT_UTF8]
        except LandscapeError as error:
            context["errors"] = error.errors
        else:
            upload.seek(0)
            reference = store_upload(upload, domain_name=form.domain_name())
            return confirmation_page(request, _confirmation(taxonomy, landscape, preview, reference))
    return _page(request, context)


def _confirm_and_load(request, taxonomy: Taxonomy):
    context = {"taxonomy": taxonomy, "form": LandscapeUploadForm()}
    reference = request.POST["upload"]
    try:
        landscape, domain_name = read_upload(reference)
        preview = preview_landscape(landscape=landscape, year=taxonomy.year, domain_name=domain_name)
        if (page := confirmation_gate(request, _confirmation(taxonomy, landscape, preview, reference))) is not None:
            return page
        landscape, result = import_upload(actor=request.user, reference=reference, year=taxonomy.year)
    except UploadGoneError:
        context["errors"] = [UPLOAD_GONE]
    except (UnicodeDecodeError, LandscapeError) as error:
        context["errors"] = getattr(error, "errors", [LandscapeUploadForm.NOT_UTF8])
    else:
        notes = _notes(landscape, result)
        context |= {
            "result": result,
            "warnings": notes[:SHOWN_WARNINGS],
            "more_warnings": max(0, len(notes) - SHOWN_WARNINGS),
        }
    return _page(request, context)


@public
def landscape_yml(request, year: int):
    """Public: the year's map (confirmed placements) in the current landscape.yml form, without logos; with
    ?version=published the published snapshot's, stored when it was published (services/snapshot_files.py) and
    served with its ETag and a day's cache lifetime (its year's address may be published again after a reset);
    a snapshot published before files were kept has none, and the current map is served."""
    if request.GET.get("version") == PUBLISHED and (stored := landscape_file(year)) is not None:
        return downloads.stored_file_response(
            request,
            stored.file,
            compressed=stored.compressed,
            etag=stored.etag,
            content_type=downloads.YAML,
            cache_control="public, max-age=86400",
            filename=f"ecosystem-{year}-snapshot-landscape.yml",
        )
    taxonomy = Taxonomy.objects.filter(year=year).first()
    if taxonomy is None:
        raise Http404
    return downloads.file_response(
        dump_landscape(landscape_categories(taxonomy)),
        filename=f"ecosystem-{year}-landscape.yml",
        content_type=downloads.YAML,
    )
