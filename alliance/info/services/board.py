"""Writing the boards: posts (create, edit, publish now or at a time, unpublish, delete), their attachments,
and the view count.

Rule: a post has a board, a category from the fixed list and a title; its body is Markdown (sanitised when
shown). A post is public once its publication time has come, until it expires; unpublishing takes it off at
once (publishing again sets a new time). The edit form carries the lost-update version (core/versions.py).
Attachments are PDF, HWP, HWPX, PPTX or DOCX, checked by name and content (alliance/programs/uploads.py).
Side effects: the rows and stored files, one audit entry per change (labels in phrases.py).
"""

import uuid
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import changed, record_audit, snapshot
from alliance.core.versions import bump_version, check_version
from alliance.info.models import Board, Category, Post, PostAttachment
from alliance.programs.uploads import check_attachment

POST_FIELDS = ("board", "category", "title", "body", "pinned")


def _checked_values(*, board: str, category: str, title: str) -> str:
    if board not in Board.values:
        raise ValidationError(_("Choose a board."), code="board")
    if category not in Category.values:
        raise ValidationError(_("Choose a category."), code="category")
    if not title.strip():
        raise ValidationError(_("Write the post's title."), code="title")
    return title.strip()


def _store_attachment(post: Post, upload, *, actor) -> PostAttachment:
    extension = check_attachment(upload)
    attachment = PostAttachment(
        post=post,
        original_name=PurePath(upload.name).name[:200],
        size=upload.size,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    upload.seek(0)
    attachment.file.save(f"{uuid.uuid4().hex}.{extension}", upload, save=False)
    attachment.save()
    return attachment


def create_post(
    *,
    actor,
    board: str,
    category: str,
    title: str,
    body: str = "",
    pinned: bool = False,
    publish_at=None,
    expires_at=None,
    uploads=(),
) -> Post:
    """A new post, a draft unless `publish_at` is given (then published or scheduled), with its attachments
    (each checked first: nothing is written when one is refused).

    Side effects: the post and stored files; audit `info.board.post_created`.
    """
    title = _checked_values(board=board, category=category, title=title)
    for upload in uploads:
        check_attachment(upload)
    _check_period(publish_at, expires_at)
    with transaction.atomic():
        post = Post.objects.create(
            board=board,
            category=category,
            title=title,
            body=body.strip(),
            pinned=pinned,
            publish_at=publish_at,
            expires_at=expires_at,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        for upload in uploads:
            _store_attachment(post, upload, actor=actor)
        record_audit(
            action="info.board.post_created",
            actor=actor,
            target=post,
            after=snapshot(post, (*POST_FIELDS, "publish_at")) | {"files": [upload.name for upload in uploads]},
        )
    return post


def _check_period(publish_at, expires_at) -> None:
    if publish_at and expires_at and expires_at <= publish_at:
        raise ValidationError(_("The post must be shown until a time after its publication."), code="period")


def update_post(
    *,
    actor,
    post: Post,
    board: str,
    category: str,
    title: str,
    body: str,
    pinned: bool,
    expected_version: int | None = None,
) -> Post:
    """Change a post's board, category, title, body or pin.

    Rule: refused (StaleEditError) when someone saved it since the form was loaded.
    Side effects: the row, its version; audit `info.board.post_changed` with what changed.
    """
    title = _checked_values(board=board, category=category, title=title)
    with transaction.atomic():
        check_version(post, expected_version)
        post = Post.objects.select_for_update().get(pk=post.pk)
        before = snapshot(post, POST_FIELDS)
        post.board, post.category, post.title, post.body, post.pinned = board, category, title, body.strip(), pinned
        bump_version(post)
        post.save()
        old, new = changed(before, snapshot(post, POST_FIELDS))
        record_audit(action="info.board.post_changed", actor=actor, target=post, before=old, after=new)
    return post


def publish_post(*, actor, post: Post, at=None, until=None) -> Post:
    """Publish a post now, or at `at` (scheduled: not public until then), optionally until `until`.

    Side effects: the publication time (and end); audit `info.board.post_published` or
    `info.board.post_scheduled`.
    """
    at = at or timezone.now()
    _check_period(at, until)
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post.pk)
        before = snapshot(post, ("publish_at", "expires_at"))
        post.publish_at, post.expires_at = at, until
        bump_version(post)
        post.save(update_fields=["publish_at", "expires_at", "version", "updated_at"])
        scheduled = at > timezone.now()
        record_audit(
            action="info.board.post_scheduled" if scheduled else "info.board.post_published",
            actor=actor,
            target=post,
            before=before,
            after=snapshot(post, ("publish_at", "expires_at")),
        )
    return post


def unpublish_post(*, actor, post: Post) -> Post:
    """Take a post off its board at once (it becomes a draft again). Side effects: the publication time
    cleared; audit `info.board.post_unpublished`."""
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post.pk)
        if post.publish_at is None:
            raise ValidationError(_("This post is not published."), code="not_published")
        before = snapshot(post, ("publish_at", "expires_at"))
        post.publish_at = post.expires_at = None
        bump_version(post)
        post.save(update_fields=["publish_at", "expires_at", "version", "updated_at"])
        record_audit(action="info.board.post_unpublished", actor=actor, target=post, before=before)
    return post


def delete_post(*, actor, post: Post) -> None:
    """Delete a post with its attachments. Side effects: the rows and stored files (after the commit); audit
    `info.board.post_deleted` with its title and board."""
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post.pk)
        files = [attachment.file for attachment in post.attachments.all()]
        record_audit(
            action="info.board.post_deleted",
            actor=actor,
            target=post,
            before=snapshot(post, ("board", "category", "title", "publish_at")),
        )
        post.delete()
        transaction.on_commit(lambda: [stored.delete(save=False) for stored in files])


def add_attachment(*, actor, post: Post, upload) -> PostAttachment:
    """Attach a checked file to a post. Side effects: the row and stored file; audit
    `info.board.attachment_added`."""
    check_attachment(upload)
    with transaction.atomic():
        attachment = _store_attachment(post, upload, actor=actor)
        record_audit(
            action="info.board.attachment_added", actor=actor, target=post, after={"file": attachment.original_name}
        )
    return attachment


def remove_attachment(*, actor, attachment: PostAttachment) -> None:
    """Remove a post's attachment. Side effects: the row, the stored file after the commit; audit
    `info.board.attachment_removed`."""
    with transaction.atomic():
        post, name, stored = attachment.post, attachment.original_name, attachment.file
        attachment.delete()
        record_audit(action="info.board.attachment_removed", actor=actor, target=post, before={"file": name})
        transaction.on_commit(lambda: stored.delete(save=False))


def count_view(*, post_id: int) -> None:
    """One more view of a post: a single UPDATE, no row read, no audit (the view decides who counts: not
    staff, not crawlers)."""
    Post.objects.filter(pk=post_id).update(view_count=F("view_count") + 1)
