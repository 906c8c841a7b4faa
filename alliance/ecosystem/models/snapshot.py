"""A year's map frozen as published: immutable once written.

Two guards. In the model and its manager (also the base manager Django uses internally), so that no
service, command or shell slip changes or removes a published snapshot: saving an existing row, deleting
it, queryset update/delete/bulk_update/update_or_create and an upserting bulk_create all raise
SnapshotImmutableError. In the database (migration 0004): BEFORE UPDATE / BEFORE DELETE triggers refuse
what gets past the model (another queryset class, raw SQL) with an IntegrityError.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SnapshotImmutableError(Exception):
    """A published snapshot was about to be changed or deleted."""


class SnapshotQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise SnapshotImmutableError("published snapshots cannot be updated")

    def delete(self):
        raise SnapshotImmutableError("published snapshots cannot be deleted")

    def bulk_update(self, objs, fields, batch_size=None):
        raise SnapshotImmutableError("published snapshots cannot be updated")

    def update_or_create(self, defaults=None, create_defaults=None, **kwargs):
        raise SnapshotImmutableError("published snapshots cannot be updated")

    def bulk_create(self, objs, *args, update_conflicts=False, **kwargs):
        if update_conflicts:
            raise SnapshotImmutableError("published snapshots cannot be updated")
        return super().bulk_create(objs, *args, **kwargs)


class Snapshot(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    slug = models.SlugField(_("address"), max_length=40, unique=True)
    # The taxonomy it was frozen from; the draft stays editable, the snapshot does not follow it.
    taxonomy = models.ForeignKey(
        "ecosystem.Taxonomy", on_delete=models.PROTECT, related_name="snapshots", verbose_name=_("taxonomy")
    )
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The frozen map, see queries.build_snapshot_data for its shape.
    data = models.JSONField(_("frozen map"))

    objects = SnapshotQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        base_manager_name = "objects"
        verbose_name = _("snapshot")
        verbose_name_plural = _("snapshots")

    def __str__(self):
        return str(self.year)

    def save(self, *args, **kwargs):
        if self.pk is not None or kwargs.get("force_update"):
            raise SnapshotImmutableError("published snapshots cannot be updated")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise SnapshotImmutableError("published snapshots cannot be deleted")


class SnapshotFile(models.Model):
    """A published snapshot as one served file (its JSON API document, its landscape.yml), computed once and
    kept in the file storage: services/snapshot_files.py. `version` is the shape it was computed in; a file of
    another version is computed again (an upgrade that changes the API's format)."""

    class Kind(models.TextChoices):
        API_JSON = "api_json", _("JSON API document")
        LANDSCAPE_YML = "landscape_yml", _("landscape.yml")

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    version = models.CharField(_("version"), max_length=200)
    file = models.FileField(_("file"), upload_to="ecosystem/snapshots/", max_length=200)
    # The same content gzip-compressed, for clients that accept it (5.3 MB of JSON is ~10 times smaller).
    compressed = models.FileField(_("compressed file"), upload_to="ecosystem/snapshots/", max_length=200)
    # The strong validator of the content (its SHA-256, hex): the ETag it is served with.
    etag = models.CharField(_("ETag"), max_length=64)
    size = models.PositiveBigIntegerField(_("size"))
    created_at = models.DateTimeField(_("computed at"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "kind"], name="ecosystem_snapshotfile_one_per_kind"),
        ]
        verbose_name = _("snapshot file")
        verbose_name_plural = _("snapshot files")

    def __str__(self):
        return f"{self.snapshot} {self.kind}"
