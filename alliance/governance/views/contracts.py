"""The standard-contract revision (a subcommittee's documents under review, comments per clause, the chair's
dispositions and amendments, the 신구조문대비표 DOCX) and the operating rules' versions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.downloads import DOCX, file_response
from alliance.core.permissions import POST, permission_required, require_object_permission
from alliance.core.versions import StaleEditError
from alliance.governance.documents.amendment_table import amendment_table_docx
from alliance.governance.forms.contracts import (
    AmendmentForm,
    CommentForm,
    DispositionForm,
    DocumentForm,
    RulesForm,
)
from alliance.governance.models import Body, Clause, ClauseComment, ContractDocument, RulesVersion
from alliance.governance.services import contracts as service
from alliance.governance.services.operating_rules import amend_rules


def _body_in_scope(request, pk):
    require_object_permission(request.user, "governance.view_contracts", Body.objects.filter(pk=pk).first())


def _document_in_scope(request, pk):
    document = ContractDocument.objects.filter(pk=pk).select_related("body").first()
    require_object_permission(request.user, "governance.view_contracts", document and document.body)


def _clause_in_scope(permission: str):
    def scope(request, pk):
        clause = Clause.objects.filter(pk=pk).select_related("document__body").first()
        require_object_permission(request.user, permission, clause and clause.document.body)

    return scope


def _comment_decided_in_scope(request, pk):
    comment = ClauseComment.objects.filter(pk=pk).select_related("clause__document__body").first()
    require_object_permission(request.user, "governance.decide_contracts", comment and comment.clause.document.body)


@permission_required("governance.view_contracts", object_level=True)
def contract_list(request, pk):
    body = Body.objects.filter(pk=pk).first()
    require_object_permission(request.user, "governance.view_contracts", body)
    may_add = request.user.has_perm("governance.decide_contracts", body)
    form = DocumentForm(request.POST or None) if may_add else None
    if request.method == "POST":
        require_object_permission(request.user, "governance.decide_contracts", body)
        if form.is_valid():
            try:
                document = service.add_document(body=body, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error("text", error)
            else:
                messages.success(request, _("The document was added with its articles."))
                return redirect("governance:contract_detail", pk=document.pk)
    documents = body.contract_documents.all()
    context = {"body": body, "documents": documents, "form": form}
    return render(request, "governance/contract_list.html", context)


@permission_required("governance.view_contracts", object_level=True, methods=("GET",), scope=_document_in_scope)
def contract_detail(request, pk):
    document = get_object_or_404(ContractDocument.objects.select_related("body"), pk=pk)
    require_object_permission(request.user, "governance.view_contracts", document.body)
    comments = ClauseComment.objects.select_related("author", "disposed_by")
    clauses = list(document.clauses.prefetch_related(Prefetch("comments", queryset=comments)))
    closes = document.comments_close_on
    is_open = closes is None or timezone.localdate() <= closes
    may_decide = request.user.has_perm("governance.decide_contracts", document.body)
    if may_decide:
        for clause in clauses:
            clause.amendment_form = AmendmentForm.for_clause(clause)
    context = {
        "document": document,
        "body": document.body,
        "clauses": clauses,
        "is_open": is_open,
        "may_comment": is_open and request.user.has_perm("governance.comment_on_contract", document.body),
        "may_decide": may_decide,
        "comment_form": CommentForm(),
        "disposition_form": DispositionForm(),
        "amended": sum(clause.is_amended for clause in clauses),
    }
    return render(request, "governance/contract_detail.html", context)


@permission_required(
    "governance.comment_on_contract",
    object_level=True,
    methods=POST,
    scope=_clause_in_scope("governance.comment_on_contract"),
)
def clause_comment(request, pk):
    clause = get_object_or_404(Clause.objects.select_related("document__body"), pk=pk)
    require_object_permission(request.user, "governance.comment_on_contract", clause.document.body)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            service.comment_on_clause(clause=clause, text=form.cleaned_data["text"], by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your comment on %(article)s was recorded.") % {"article": clause.number})
    else:
        messages.error(request, _("Write the comment."))
    return redirect(f"{_detail_url(clause.document_id)}#clause-{clause.pk}")


@permission_required("governance.decide_contracts", object_level=True, methods=POST, scope=_comment_decided_in_scope)
def comment_dispose(request, pk):
    comment = get_object_or_404(ClauseComment.objects.select_related("clause__document__body"), pk=pk)
    require_object_permission(request.user, "governance.decide_contracts", comment.clause.document.body)
    form = DispositionForm(request.POST)
    if form.is_valid():
        try:
            service.dispose_comment(comment=comment, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The disposition was recorded."))
    else:
        messages.error(request, _("Choose accepted, partly accepted or not accepted."))
    return redirect(f"{_detail_url(comment.clause.document_id)}#clause-{comment.clause_id}")


@permission_required(
    "governance.decide_contracts",
    object_level=True,
    methods=POST,
    scope=_clause_in_scope("governance.decide_contracts"),
)
def clause_amend(request, pk):
    clause = get_object_or_404(Clause.objects.select_related("document__body"), pk=pk)
    require_object_permission(request.user, "governance.decide_contracts", clause.document.body)
    form = AmendmentForm.for_clause(clause, request.POST)
    if form.is_valid():
        try:
            service.set_amendment(
                clause=clause,
                by=request.user,
                expected_version=form.loaded_version,
                proposed_text=form.cleaned_data["proposed_text"],
                reason=form.cleaned_data["reason"],
            )
        except StaleEditError as error:
            form.stale(error)
            context = {"clause": clause, "document": clause.document, "form": form}
            return render(request, "governance/clause_amend.html", context)
        except ValidationError as error:
            messages.error(request, f"{clause.number}: {' '.join(error.messages)}")
        else:
            messages.success(request, _("The amendment of %(article)s was saved.") % {"article": clause.number})
    else:
        messages.error(request, _("The amendment is too long."))
    return redirect(f"{_detail_url(clause.document_id)}#clause-{clause.pk}")


@permission_required("governance.view_contracts", object_level=True, methods=("GET",), scope=_document_in_scope)
def contract_table(request, pk):
    document = get_object_or_404(ContractDocument.objects.select_related("body"), pk=pk)
    require_object_permission(request.user, "governance.view_contracts", document.body)
    content = amendment_table_docx(document, document.clauses.all())
    return file_response(
        content,
        filename=f"{document.title} 신구조문대비표.docx",
        content_type=DOCX,
        ascii_name="amendment-table.docx",
    )


def _detail_url(document_id) -> str:
    return reverse("governance:contract_detail", kwargs={"pk": document_id})


# ---- the operating rules ----------------------------------------------------------------------------------------


@permission_required("governance.view_rules", methods=("GET",))
def rules_current(request):
    versions = list(RulesVersion.objects.select_related("decision__meeting__body", "created_by"))
    context = {
        "current": versions[0] if versions else None,
        "versions": versions,
        "may_amend": request.user.has_perm("governance.amend_rules"),
    }
    return render(request, "governance/rules.html", context)


@permission_required("governance.amend_rules")
def rules_amend(request):
    current = RulesVersion.objects.order_by("-number").first()
    form = RulesForm(request.POST or None, initial={"text": current.text if current else ""})
    if request.method == "POST" and form.is_valid():
        try:
            amend_rules(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("decision", error)
        else:
            messages.success(request, _("The new version of the operating rules was recorded."))
            return redirect("governance:rules_current")
    return render(request, "governance/rules_form.html", {"form": form, "current": current})
