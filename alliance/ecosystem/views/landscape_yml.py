"""landscape.yml on the web: staff load a file into a year's map (checked, then confirmed with what it would
create and place, after deciding, where they know, whether alike items are one company); anyone downloads a
year's map as one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from alliance.core import downloads
from alliance.core.confirm import ORGANISATIONS, Confirmation, confirmation_gate, confirmation_page
from alliance.core.permissions import permission_required, public
from alliance.ecosystem.forms.landscape import LandscapeUploadForm, MatchDecisionForm
from alliance.ecosystem.models import Taxonomy
from alliance.ecosystem.services.landscape_import import ImportResult, landscape_categories, preview_landscape
from alliance.ecosystem.services.landscape_uploads import UploadGoneError, import_upload, read_upload, store_upload
from alliance.ecosystem.services.landscape_yml import Landscape, LandscapeError, dump_landscape, parse_landscape
from alliance.ecosystem.services.matches import decide_match
from alliance.ecosystem.services.snapshot_files import landscape_file
from alliance.ecosystem.views.map import PUBLISHED

SHOWN_WARNINGS = 50
SHOWN_PAIRS = 100
LOGOS_NOT_UPLOADED = gettext_lazy(
    "%(count)s items name a logo file; logos do not come with an upload (the import_landscape command reads them "
    "from logos/ beside the file), so add them from each company's card."
)
MATCH_SAVED = gettext_lazy("The decision is saved: this check and every later import follow it.")
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
        details_template="ecosystem/manage/_landscape_pairs.html",
        details={
            "pairs": preview.pairs[:SHOWN_PAIRS],
            "more_pairs": max(0, len(preview.pairs) - SHOWN_PAIRS),
            "upload": reference,
            "year": taxonomy.year,
        },
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
    if request.method == "GET" and request.GET.get("upload"):
        return _check_again(request, taxonomy, request.GET["upload"])
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


def _check_again(request, taxonomy: Taxonomy, reference: str):
    """The check page of a stored upload, shown again (after a decision on an alike pair)."""
    context = {"taxonomy": taxonomy, "form": LandscapeUploadForm()}
    try:
        landscape, domain_name = read_upload(reference)
        preview = preview_landscape(landscape=landscape, year=taxonomy.year, domain_name=domain_name)
    except UploadGoneError:
        context["errors"] = [UPLOAD_GONE]
    except (UnicodeDecodeError, LandscapeError) as error:
        context["errors"] = getattr(error, "errors", [LandscapeUploadForm.NOT_UTF8])
    else:
        return confirmation_page(request, _confirmation(taxonomy, landscape, preview, reference))
    return _page(request, context)


@permission_required("ecosystem.manage_players")
@require_POST
def landscape_match(request, year: int):
    """Remember staff's decision on an alike pair of the checked upload (one service call), then show the
    check again: the pair is now joined or kept apart as decided, and later imports do the same."""
    taxonomy = get_object_or_404(Taxonomy, year=year)
    form = MatchDecisionForm(request.POST)
    if not form.is_valid():
        raise Http404
    try:
        decide_match(
            actor=request.user,
            name_key=form.cleaned_data["name_key"],
            first=form.cleaned_data["first"],
            second=form.cleaned_data["second"],
            same=form.same,
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, MATCH_SAVED)
    query = urlencode({"upload": form.cleaned_data["upload"]})
    return redirect(f"{reverse('ecosystem:landscape_import', args=[taxonomy.year])}?{query}")


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
