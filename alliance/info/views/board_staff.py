"""The staff's pages of the boards: the posts of each board (drafts, scheduled, published, expired), writing
and editing a post with a Markdown preview (htmx: the form's "Preview" button posts to the same page, which
answers the rendered body without saving), its attachments, publishing (now or at a time), unpublishing and
deleting."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from alliance.core.permissions import POST, permission_required
from alliance.core.versions import StaleEditError
from alliance.info.board_markdown import render_markdown
from alliance.info.forms.board import AttachmentsForm, PostForm, PublishForm
from alliance.info.models import Board, Post, PostAttachment
from alliance.info.queries.board import post_counts_for_staff, staff_posts
from alliance.info.services import board as service

MANAGE = "info.manage_board"
PAGE_SIZE = 50
POST_VALUES = ("board", "category", "title", "body", "pinned")


def _errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _preview(request):
    """The body as it will be shown (the htmx fragment; without htmx the form page shows it)."""
    preview = render_markdown(request.POST.get("body", ""))
    return render(request, "info/board/manage/_preview.html", {"preview": preview})


@permission_required(MANAGE)
def manage_posts(request):
    board = request.GET.get("board") if request.GET.get("board") in Board.values else Board.NOTICES
    query = request.GET.get("q", "").strip()[:100]
    page = Paginator(staff_posts(board, query=query), PAGE_SIZE).get_page(request.GET.get("page"))
    counts = post_counts_for_staff()
    boards = [(value, label, counts.get(value, 0)) for value, label in Board.choices]
    context = {"board": board, "boards": boards, "page": page, "query": query}
    return render(request, "info/board/manage/list.html", context)


@permission_required(MANAGE)
def post_create(request):
    initial = {"board": request.GET.get("board") if request.GET.get("board") in Board.values else Board.NOTICES}
    form = PostForm(request.POST or None, initial=initial)
    files_form = AttachmentsForm(request.POST or None, request.FILES or None)
    preview = None
    if request.method == "POST" and "preview" in request.POST:
        if request.htmx:
            return _preview(request)
        preview = render_markdown(request.POST.get("body", ""))
    elif request.method == "POST" and form.is_valid() and files_form.is_valid():
        try:
            post = service.create_post(
                actor=request.user,
                uploads=files_form.cleaned_data["files"],
                **{name: form.cleaned_data[name] for name in POST_VALUES},
            )
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("Post saved as a draft. Publish it when it is ready."))
            return redirect("info:board_post", pk=post.pk)
    context = {"form": form, "files_form": files_form, "preview": preview}
    return render(request, "info/board/manage/post_form.html", context)


@permission_required(MANAGE)
def post_edit(request, pk: int):
    post = get_object_or_404(Post, pk=pk)
    form = PostForm(request.POST or None, instance=post)
    preview = None
    if request.method == "POST" and "preview" in request.POST:
        if request.htmx:
            return _preview(request)
        preview = render_markdown(request.POST.get("body", ""))
    elif request.method == "POST" and form.is_valid():
        try:
            service.update_post(
                actor=request.user,
                post=post,
                expected_version=form.loaded_version,
                **{name: form.cleaned_data[name] for name in POST_VALUES},
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("Post saved."))
            return redirect("info:board_post", pk=post.pk)
    context = {
        "post": post,
        "form": form,
        "preview": preview,
        "files_form": AttachmentsForm(),
        "publish_form": PublishForm(),
        "attachments": list(post.attachments.all()),
    }
    return render(request, "info/board/manage/post_form.html", context)


@permission_required(MANAGE, methods=POST)
def post_publish(request, pk: int):
    post = get_object_or_404(Post, pk=pk)
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the publication time as a date and time."))
        return redirect("info:board_post", pk=post.pk)
    try:
        post = service.publish_post(
            actor=request.user, post=post, at=form.cleaned_data["publish_at"], until=form.cleaned_data["expires_at"]
        )
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(
            request, _("Post scheduled: it appears at the time set.") if post.is_scheduled else _("Post published.")
        )
    return redirect("info:board_post", pk=post.pk)


@permission_required(MANAGE, methods=POST)
def post_unpublish(request, pk: int):
    post = get_object_or_404(Post, pk=pk)
    try:
        service.unpublish_post(actor=request.user, post=post)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Post taken off the board; it is a draft again."))
    return redirect("info:board_post", pk=post.pk)


@permission_required(MANAGE, methods=POST)
def post_delete(request, pk: int):
    post = get_object_or_404(Post, pk=pk)
    board = post.board
    service.delete_post(actor=request.user, post=post)
    messages.success(request, _("Post %(title)s deleted.") % {"title": post.title})
    return redirect(f"{reverse('info:board_manage')}?board={board}")


@permission_required(MANAGE, methods=POST)
def attachment_add(request, pk: int):
    post = get_object_or_404(Post, pk=pk)
    form = AttachmentsForm(request.POST, request.FILES)
    uploads = form.cleaned_data["files"] if form.is_valid() else []
    if not uploads:
        messages.error(request, _("Choose a file to attach."))
    for upload in uploads:
        try:
            service.add_attachment(actor=request.user, post=post, upload=upload)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("%(name)s attached.") % {"name": upload.name})
    return redirect("info:board_post", pk=post.pk)


@permission_required(MANAGE, methods=POST)
def attachment_remove(request, pk: int):
    found = get_object_or_404(PostAttachment, pk=pk)
    service.remove_attachment(actor=request.user, attachment=found)
    messages.success(request, _("%(name)s removed.") % {"name": found.original_name})
    return redirect("info:board_post", pk=found.post_id)
