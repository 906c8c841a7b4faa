"""Writes to a year's taxonomy: the tree of domains → layers → categories → subcategories and its facets.

Rules (each refused with a Korean ValidationError, nothing written):
- a node's parent is in the same taxonomy and exactly one level above it (a domain has none), so the
  tree can hold no cycle and every category has a full path [domain, layer, category];
- names are unique among siblings;
- a node with players placed on it (primary or secondary) cannot be deleted until they move, nor can a
  node with nodes under it;
- next year's taxonomy starts as a copy of this year's (`copy_taxonomy`), or from the default of seed 003
  (`seed_default_taxonomy`).
Every write records an audit entry `ecosystem.taxonomy.*`, `ecosystem.node.*` or `ecosystem.facet.*`.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from alliance.core.audit import changed, record_audit, snapshot
from alliance.core.versions import bump_version, check_version
from alliance.ecosystem import default_taxonomy, phrases
from alliance.ecosystem.models import (
    CHILD_LEVEL,
    LEVEL_ORDER,
    PARENT_LEVEL,
    ApplicationField,
    Level,
    Placement,
    Taxonomy,
    TaxonomyNode,
    Technology,
)
from alliance.ecosystem.services.placements import copy_placements

NODE_FIELDS = ("name", "level", "parent", "position", "description", "ksic_codes", "keywords")
FACET_MODELS = {"technology": Technology, "field": ApplicationField}


def _clean_list(values) -> list[str]:
    seen = []
    for value in values or ():
        text = str(value).strip()
        if text and text not in seen:
            seen.append(text)
    return seen


def _check_parent(*, taxonomy: Taxonomy, level: str, parent: TaxonomyNode | None) -> None:
    if level == Level.DOMAIN:
        if parent is not None:
            raise ValidationError(phrases.DOMAIN_HAS_NO_PARENT, code="domain_parent")
        return
    if parent is None or parent.level != PARENT_LEVEL[Level(level)]:
        raise ValidationError(
            phrases.PARENT_WRONG_LEVEL,
            code="parent_level",
            params={"level": Level(level).label, "parent_level": PARENT_LEVEL[Level(level)].label},
        )
    if parent.taxonomy_id != taxonomy.pk:
        raise ValidationError(phrases.PARENT_OTHER_TAXONOMY, code="parent_taxonomy")


def _check_name(*, taxonomy: Taxonomy, parent: TaxonomyNode | None, name: str, exclude_pk=None) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError(phrases.NAME_REQUIRED, code="name_required")
    siblings = TaxonomyNode.objects.filter(taxonomy=taxonomy, parent=parent, name=name)
    if exclude_pk is not None:
        siblings = siblings.exclude(pk=exclude_pk)
    if siblings.exists():
        raise ValidationError(phrases.NAME_TAKEN, code="name_taken", params={"name": name})
    return name


def _next_position(taxonomy: Taxonomy, parent: TaxonomyNode | None) -> int:
    last = TaxonomyNode.objects.filter(taxonomy=taxonomy, parent=parent).aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


def create_taxonomy(*, actor, year: int) -> Taxonomy:
    """An empty taxonomy for `year`. Side effect: audit `ecosystem.taxonomy.created`."""
    with transaction.atomic():
        if Taxonomy.objects.filter(year=year).exists():
            raise ValidationError(phrases.TAXONOMY_EXISTS, code="taxonomy_exists", params={"year": year})
        taxonomy = Taxonomy.objects.create(year=year)
        record_audit(action="ecosystem.taxonomy.created", actor=actor, target=taxonomy, after={"year": year})
    return taxonomy


def add_node(
    *,
    actor,
    taxonomy: Taxonomy,
    parent: TaxonomyNode | None,
    name: str,
    description: str = "",
    ksic_codes=(),
    keywords=(),
) -> TaxonomyNode:
    """Add a node under `parent` (a domain when parent is None), last among its siblings.

    Its level is the one below the parent's; a subcategory cannot have children.
    Side effect: audit `ecosystem.node.added`.
    """
    if parent is None:
        level = Level.DOMAIN
    elif parent.level not in CHILD_LEVEL:
        raise ValidationError(
            phrases.PARENT_WRONG_LEVEL,
            code="parent_level",
            params={"level": Level.SUBCATEGORY.label, "parent_level": Level.CATEGORY.label},
        )
    else:
        level = CHILD_LEVEL[Level(parent.level)]
    with transaction.atomic():
        _check_parent(taxonomy=taxonomy, level=level, parent=parent)
        name = _check_name(taxonomy=taxonomy, parent=parent, name=name)
        node = TaxonomyNode.objects.create(
            taxonomy=taxonomy,
            parent=parent,
            level=level,
            name=name,
            position=_next_position(taxonomy, parent),
            description=description.strip(),
            ksic_codes=_clean_list(ksic_codes),
            keywords=_clean_list(keywords),
        )
        record_audit(
            action="ecosystem.node.added",
            actor=actor,
            target=node,
            after=snapshot(node, NODE_FIELDS) | {"path": node.path},
        )
    return node


def update_node(
    *,
    actor,
    node: TaxonomyNode,
    name: str,
    description: str = "",
    ksic_codes=(),
    keywords=(),
    expected_version: int | None = None,
) -> TaxonomyNode:
    """Rename a node and set its description, KSIC codes and keywords.

    Refused with core.versions.StaleEditError when the node was changed (edited or moved) since
    `expected_version`, the version its form was loaded with; nothing is written.
    Side effects: the node's version moves on; audit `ecosystem.node.updated` with the changed fields (none
    when nothing changed).
    """
    with transaction.atomic():
        check_version(node, expected_version)
        before = snapshot(node, NODE_FIELDS)
        node.name = _check_name(taxonomy=node.taxonomy, parent=node.parent, name=name, exclude_pk=node.pk)
        node.description = description.strip()
        node.ksic_codes = _clean_list(ksic_codes)
        node.keywords = _clean_list(keywords)
        old, new = changed(before, snapshot(node, NODE_FIELDS))
        if new:
            bump_version(node)
            node.save()
            record_audit(action="ecosystem.node.updated", actor=actor, target=node, before=old, after=new)
    return node


def move_node(
    *,
    actor,
    node: TaxonomyNode,
    parent: TaxonomyNode | None,
    position: int | None = None,
    expected_version: int | None = None,
) -> TaxonomyNode:
    """Move a node under another parent of the level above (same taxonomy), at `position` or last.

    A node keeps its level, so its parent must stay one level above: that rule is what makes a cycle
    impossible (a node's descendants are all below it). Siblings after the insertion point shift down.
    Refused with core.versions.StaleEditError when the node was changed since `expected_version`.
    Side effects: the node's version moves on; audit `ecosystem.node.moved` with the old and new path.
    """
    with transaction.atomic():
        check_version(node, expected_version)
        _check_parent(taxonomy=node.taxonomy, level=node.level, parent=parent)
        if parent is not None and parent.pk == node.pk:
            raise ValidationError(
                phrases.PARENT_WRONG_LEVEL,
                code="parent_level",
                params={"level": Level(node.level).label, "parent_level": PARENT_LEVEL[Level(node.level)].label},
            )
        _check_name(taxonomy=node.taxonomy, parent=parent, name=node.name, exclude_pk=node.pk)
        before = {"path": node.path, "position": node.position}
        siblings = list(
            TaxonomyNode.objects.filter(taxonomy=node.taxonomy, parent=parent)
            .exclude(pk=node.pk)
            .order_by("position", "id")
        )
        index = len(siblings) if position is None else max(0, min(position, len(siblings)))
        siblings.insert(index, node)
        node.parent = parent
        for number, sibling in enumerate(siblings):
            sibling.position = number
        bump_version(node)
        node.save(update_fields=["parent", "position", "version"])
        TaxonomyNode.objects.bulk_update([s for s in siblings if s.pk != node.pk], ["position"])
        record_audit(
            action="ecosystem.node.moved",
            actor=actor,
            target=node,
            before=before,
            after={"path": node.path, "position": node.position},
        )
    return node


def players_on(node: TaxonomyNode) -> int:
    """Placements naming this node as primary or secondary category."""
    primary = Placement.objects.filter(primary=node).count()
    secondary = Placement.objects.filter(secondary=node).exclude(primary=node).count()
    return primary + secondary


def delete_node(*, actor, node: TaxonomyNode) -> None:
    """Delete a node that has no nodes under it and no players on it.

    Side effect: audit `ecosystem.node.deleted` with its path. Waiting suggestions for it go with it.
    """
    with transaction.atomic():
        children = node.children.count()
        if children:
            raise ValidationError(
                phrases.NODE_HAS_CHILDREN, code="node_has_children", params={"name": node.name, "count": children}
            )
        placed = players_on(node)
        if placed:
            raise ValidationError(
                phrases.NODE_NOT_EMPTY, code="node_not_empty", params={"name": node.name, "count": placed}
            )
        before = snapshot(node, NODE_FIELDS) | {"path": node.path}
        record_audit(action="ecosystem.node.deleted", actor=actor, target=node, before=before)
        node.delete()


def add_facet(*, actor, taxonomy: Taxonomy, kind: str, name: str, keywords=()):
    """Add a core technology (kind "technology") or an application field (kind "field").

    Side effect: audit `ecosystem.facet.added`.
    """
    model = FACET_MODELS[kind]
    name = (name or "").strip()
    if not name:
        raise ValidationError(phrases.NAME_REQUIRED, code="name_required")
    with transaction.atomic():
        if model.objects.filter(taxonomy=taxonomy, name=name).exists():
            raise ValidationError(phrases.NAME_TAKEN, code="name_taken", params={"name": name})
        last = model.objects.filter(taxonomy=taxonomy).aggregate(last=Max("position"))["last"]
        item = model.objects.create(
            taxonomy=taxonomy, name=name, keywords=_clean_list(keywords), position=0 if last is None else last + 1
        )
        record_audit(
            action="ecosystem.facet.added",
            actor=actor,
            target=item,
            after={"kind": kind, "name": name, "keywords": item.keywords},
        )
    return item


def update_facet(*, actor, item, name: str, keywords=()):
    """Rename a technology or field and set its keywords. Side effect: audit `ecosystem.facet.updated`."""
    name = (name or "").strip()
    if not name:
        raise ValidationError(phrases.NAME_REQUIRED, code="name_required")
    with transaction.atomic():
        if type(item).objects.filter(taxonomy=item.taxonomy_id, name=name).exclude(pk=item.pk).exists():
            raise ValidationError(phrases.NAME_TAKEN, code="name_taken", params={"name": name})
        before = snapshot(item, ("name", "keywords"))
        item.name = name
        item.keywords = _clean_list(keywords)
        old, new = changed(before, snapshot(item, ("name", "keywords")))
        if new:
            item.save()
            record_audit(action="ecosystem.facet.updated", actor=actor, target=item, before=old, after=new)
    return item


def delete_facet(*, actor, item) -> None:
    """Delete a technology or field; placements that named it lose it. Side effect: audit `ecosystem.facet.deleted`."""
    with transaction.atomic():
        record_audit(
            action="ecosystem.facet.deleted", actor=actor, target=item, before=snapshot(item, ("name", "keywords"))
        )
        item.delete()


def bulk_tree(taxonomy: Taxonomy, domains: list[dict]) -> int:
    """Create the nested {"name", "description", "ksic", "keywords", children} dicts level by level.

    Each level is one bulk insert (its parents already have keys), so a 300-category tree costs four
    statements rather than hundreds. `domains` use the keys of the level below: layers, categories,
    subcategories. Returns the number of nodes created.
    """
    child_key = {Level.DOMAIN: "layers", Level.LAYER: "categories", Level.CATEGORY: "subcategories"}
    pending = [(None, position, item) for position, item in enumerate(domains)]
    created = 0
    for level in LEVEL_ORDER:
        if not pending:
            break
        nodes = [
            TaxonomyNode(
                taxonomy=taxonomy,
                parent=parent,
                level=level,
                name=item["name"].strip(),
                position=position,
                description=item.get("description", ""),
                ksic_codes=_clean_list(item.get("ksic", item.get("ksic_codes", ()))),
                keywords=_clean_list(item.get("keywords", ())),
            )
            for parent, position, item in pending
        ]
        TaxonomyNode.objects.bulk_create(nodes)
        created += len(nodes)
        key = child_key.get(level)
        pending = (
            [
                (node, position, child)
                for node, (_parent, _position, item) in zip(nodes, pending, strict=True)
                for position, child in enumerate(item.get(key, ()))
            ]
            if key
            else []
        )
    return created


def bulk_facets(taxonomy: Taxonomy, technologies: list[dict], fields: list[dict]) -> None:
    Technology.objects.bulk_create(
        Technology(taxonomy=taxonomy, name=item["name"], keywords=_clean_list(item.get("keywords")), position=position)
        for position, item in enumerate(technologies)
    )
    ApplicationField.objects.bulk_create(
        ApplicationField(
            taxonomy=taxonomy, name=item["name"], keywords=_clean_list(item.get("keywords")), position=position
        )
        for position, item in enumerate(fields)
    )


def tree_as_data(taxonomy: Taxonomy) -> list[dict]:
    """The taxonomy as the nested dicts `bulk_tree` reads (the shape of default_taxonomy.DOMAINS)."""
    child_key = {Level.DOMAIN: "layers", Level.LAYER: "categories", Level.CATEGORY: "subcategories"}
    nodes = list(TaxonomyNode.objects.filter(taxonomy=taxonomy).order_by("position", "id"))
    items = {
        node.pk: {
            "name": node.name,
            "description": node.description,
            "ksic": node.ksic_codes,
            "keywords": node.keywords,
        }
        for node in nodes
    }
    levels = {node.pk: node.level for node in nodes}
    roots = []
    for node in nodes:
        if node.parent_id is None:
            roots.append(items[node.pk])
        else:
            key = child_key[Level(levels[node.parent_id])]
            items[node.parent_id].setdefault(key, []).append(items[node.pk])
    return roots


def seed_default_taxonomy(*, actor, year: int) -> Taxonomy:
    """Create `year`'s taxonomy from the default of seed 003 (alliance/ecosystem/default_taxonomy.py).

    Refused when the year already has a taxonomy. Side effect: audit `ecosystem.taxonomy.seeded`.
    """
    with transaction.atomic():
        if Taxonomy.objects.filter(year=year).exists():
            raise ValidationError(phrases.TAXONOMY_EXISTS, code="taxonomy_exists", params={"year": year})
        taxonomy = Taxonomy.objects.create(year=year)
        count = bulk_tree(taxonomy, default_taxonomy.DOMAINS)
        bulk_facets(taxonomy, default_taxonomy.TECHNOLOGIES, default_taxonomy.FIELDS)
        record_audit(
            action="ecosystem.taxonomy.seeded", actor=actor, target=taxonomy, after={"year": year, "nodes": count}
        )
    return taxonomy


def copy_taxonomy(*, actor, source: Taxonomy, year: int, with_placements: bool = False) -> Taxonomy:
    """Start `year`'s taxonomy as a copy of `source` (tree, KSIC codes, keywords, facets).

    With `with_placements`, every placement of `source` is copied as a draft of the new year on the
    copied nodes, technologies and fields (staff then confirm or correct them).
    Side effect: audit `ecosystem.taxonomy.copied`.
    """
    with transaction.atomic():
        if Taxonomy.objects.filter(year=year).exists():
            raise ValidationError(phrases.TAXONOMY_EXISTS, code="taxonomy_exists", params={"year": year})
        taxonomy = Taxonomy.objects.create(year=year, copied_from=source)
        count = bulk_tree(taxonomy, tree_as_data(source))
        bulk_facets(
            taxonomy,
            list(source.technologies.order_by("position", "id").values("name", "keywords")),
            list(source.fields.order_by("position", "id").values("name", "keywords")),
        )
        copied = 0
        if with_placements:
            copied = copy_placements(source=source, target=taxonomy)
        record_audit(
            action="ecosystem.taxonomy.copied",
            actor=actor,
            target=taxonomy,
            after={"year": year, "copied_from": source.year, "nodes": count, "placements": copied},
        )
    return taxonomy
