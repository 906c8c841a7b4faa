"""The taxonomy editor (secretariat and subcommittee) and the public page explaining the technology score.

Tree rules are the service's (services.taxonomy); a refused edit comes back as a Korean message.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from alliance.core.confirm import confirmation_gate
from alliance.core.permissions import permission_required, public
from alliance.core.versions import LOADED_FIELD, StaleEditError
from alliance.ecosystem import phrases, queries
from alliance.ecosystem.forms.taxonomy import AddNodeForm, FacetForm, MoveNodeForm, NodeForm, TaxonomyCreateForm
from alliance.ecosystem.models import CHILD_LEVEL, ApplicationField, Level, Taxonomy, TaxonomyNode, Technology
from alliance.ecosystem.scoring import COMPONENTS, MAX_SCORE
from alliance.ecosystem.services import taxonomy as taxonomy_service
from alliance.ecosystem.views.confirmations import taxonomy_copy_confirmation


def _refused(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@permission_required("ecosystem.edit_taxonomy")
def manage_index(request):
    """Every year's taxonomy with its size, and the form that starts a new year."""
    taxonomies = list(
        Taxonomy.objects.annotate(
            node_count=Count("nodes", distinct=True), placement_count=Count("placements", distinct=True)
        )
    )
    form = TaxonomyCreateForm(years=[taxonomy.year for taxonomy in taxonomies])
    context = {
        "taxonomies": taxonomies,
        "form": form,
        "snapshots": list(queries.published_snapshots()),
        "can_manage_players": request.user.has_perm("ecosystem.manage_players"),
    }
    return render(request, "ecosystem/manage/index.html", context)


@permission_required("ecosystem.edit_taxonomy")
@require_POST
def taxonomy_create(request):
    years = list(Taxonomy.objects.values_list("year", flat=True))
    form = TaxonomyCreateForm(request.POST, years=years)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("ecosystem:manage")
    year, start_from = form.cleaned_data["year"], form.cleaned_data["start_from"]
    try:
        if start_from == TaxonomyCreateForm.DEFAULT:
            taxonomy_service.seed_default_taxonomy(actor=request.user, year=year)
        else:
            source = get_object_or_404(Taxonomy, year=int(start_from))
            confirmation = taxonomy_copy_confirmation(source, year, form.cleaned_data["with_placements"])
            if (page := confirmation_gate(request, confirmation)) is not None:
                return page
            taxonomy_service.copy_taxonomy(
                actor=request.user, source=source, year=year, with_placements=form.cleaned_data["with_placements"]
            )
    except ValidationError as error:
        _refused(request, error)
        return redirect("ecosystem:manage")
    messages.success(request, phrases.SAVED)
    return redirect("ecosystem:taxonomy", year=year)


@permission_required("ecosystem.edit_taxonomy")
def taxonomy_tree(request, year: int):
    """The tree, one row per node with its players and links to edit it; forms to add nodes."""
    taxonomy = get_object_or_404(Taxonomy, year=year)
    nodes = queries.flat_tree(taxonomy)
    for node in nodes:
        node.can_have_children = node.level in CHILD_LEVEL
        node.child_level = CHILD_LEVEL.get(Level(node.level))
    context = {
        "taxonomy": taxonomy,
        "nodes": nodes,
        "add_form": AddNodeForm(),
        "level_labels": dict(Level.choices),
    }
    return render(request, "ecosystem/manage/taxonomy.html", context)


@permission_required("ecosystem.edit_taxonomy")
@require_POST
def node_add(request, year: int):
    taxonomy = get_object_or_404(Taxonomy, year=year)
    form = AddNodeForm(request.POST)
    if not form.is_valid():
        messages.error(request, phrases.NAME_REQUIRED)
        return redirect("ecosystem:taxonomy", year=year)
    parent_pk = form.cleaned_data["parent"]
    parent = get_object_or_404(TaxonomyNode, pk=parent_pk, taxonomy=taxonomy) if parent_pk else None
    try:
        node = taxonomy_service.add_node(
            actor=request.user, taxonomy=taxonomy, parent=parent, name=form.cleaned_data["name"]
        )
    except ValidationError as error:
        _refused(request, error)
        return redirect("ecosystem:taxonomy", year=year)
    messages.success(request, phrases.SAVED)
    return redirect(reverse("ecosystem:taxonomy", kwargs={"year": year}) + f"#node-{node.pk}")


def _node_page(request, node: TaxonomyNode, paths: dict, *, form=None, move_form=None):
    context = {
        "node": node,
        "path": paths[node.pk],
        "form": form or NodeForm(initial=NodeForm.initial_for(node), version=node.version),
        "move_form": move_form or MoveNodeForm(node=node, paths=paths),
        "placed": taxonomy_service.players_on(node),
        "children": node.children.count(),
    }
    return render(request, "ecosystem/manage/node.html", context)


@permission_required("ecosystem.edit_taxonomy")
def node_edit(request, pk: int):
    """One node: rename it and set codes and keywords; move it; delete it. A save after someone else's change
    of the node is refused with what changed meanwhile (core.versions)."""
    node = get_object_or_404(TaxonomyNode.objects.select_related("taxonomy", "parent"), pk=pk)
    paths = queries.node_paths(node.taxonomy)
    form = NodeForm(request.POST or None, initial=NodeForm.initial_for(node), version=node.version)
    if request.method == "POST" and form.is_valid():
        data = {name: value for name, value in form.cleaned_data.items() if name != LOADED_FIELD}
        try:
            taxonomy_service.update_node(actor=request.user, node=node, expected_version=form.loaded_version, **data)
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            form.add_error("name", error)
        else:
            messages.success(request, phrases.SAVED)
            return redirect("ecosystem:node_edit", pk=node.pk)
    return _node_page(request, node, paths, form=form)


@permission_required("ecosystem.edit_taxonomy")
@require_POST
def node_move(request, pk: int):
    node = get_object_or_404(TaxonomyNode.objects.select_related("taxonomy", "parent"), pk=pk)
    paths = queries.node_paths(node.taxonomy)
    form = MoveNodeForm(request.POST, node=node, paths=paths)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("ecosystem:node_edit", pk=node.pk)
    position = form.cleaned_data["position"]
    try:
        taxonomy_service.move_node(
            actor=request.user,
            node=node,
            parent=form.cleaned_data["parent"],
            position=None if position is None else position - 1,
            expected_version=form.loaded_version,
        )
    except StaleEditError as error:
        form.stale(error)
        return _node_page(request, node, paths, move_form=form)
    except ValidationError as error:
        _refused(request, error)
        return redirect("ecosystem:node_edit", pk=node.pk)
    messages.success(request, phrases.SAVED)
    return redirect("ecosystem:taxonomy", year=node.taxonomy.year)


@permission_required("ecosystem.edit_taxonomy")
@require_POST
def node_delete(request, pk: int):
    node = get_object_or_404(TaxonomyNode.objects.select_related("taxonomy"), pk=pk)
    year = node.taxonomy.year
    try:
        taxonomy_service.delete_node(actor=request.user, node=node)
    except ValidationError as error:
        _refused(request, error)
        return redirect("ecosystem:node_edit", pk=pk)
    messages.success(request, phrases.DELETED)
    return redirect("ecosystem:taxonomy", year=year)


FACETS = {"technology": Technology, "field": ApplicationField}


@permission_required("ecosystem.edit_taxonomy")
def facets(request, year: int):
    """The two facets of a year: core technologies and application fields; add one."""
    taxonomy = get_object_or_404(Taxonomy, year=year)
    form = FacetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            taxonomy_service.add_facet(actor=request.user, taxonomy=taxonomy, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("name", error)
        else:
            messages.success(request, phrases.SAVED)
            return redirect("ecosystem:facets", year=year)
    context = {
        "taxonomy": taxonomy,
        "form": form,
        "technologies": list(taxonomy.technologies.annotate(used=Count("placements"))),
        "fields": list(taxonomy.fields.annotate(used=Count("placements"))),
    }
    return render(request, "ecosystem/manage/facets.html", context)


@permission_required("ecosystem.edit_taxonomy")
@require_POST
def facet_delete(request, year: int, kind: str, pk: int):
    if kind not in FACETS:
        raise Http404
    item = get_object_or_404(FACETS[kind], pk=pk, taxonomy__year=year)
    taxonomy_service.delete_facet(actor=request.user, item=item)
    messages.success(request, phrases.DELETED)
    return redirect("ecosystem:facets", year=year)


@public
def score_formula(request):
    """Public: how the technology score is computed (the formula of alliance/ecosystem/scoring.py)."""
    return render(request, "ecosystem/score_formula.html", {"components": COMPONENTS, "max_score": MAX_SCORE})
