"""The standard-contract pages: members comment per article, the chair decides and amends, the amendment table
downloads as DOCX; the operating rules' versions. A member of another subcommittee sees nothing (404)."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from docx.oxml.ns import qn

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.governance.models import (
    BodyKind,
    ClauseComment,
    ContractKind,
    Decision,
    DecisionEffect,
    DecisionMethod,
    DecisionOutcome,
    Disposition,
    Position,
    RulesVersion,
)
from alliance.governance.services.contracts import add_document, comment_on_clause, set_amendment
from alliance.governance.services.operating_rules import amend_rules
from alliance.governance.tests.factories import (
    BodyFactory,
    MeetingFactory,
    PersonFactory,
    SeatFactory,
    SubcommitteeFactory,
)

pytestmark = pytest.mark.django_db

TEXT = """메타버스 콘텐츠 제작 표준계약서
제1조(목적) 이 계약은 제작에 관한 사항을 정한다.
제2조(계약기간) 계약기간은 1년으로 한다.
제3조(비밀유지) 당사자는 영업비밀을 누설하지 아니한다.
"""


def seat_for(user, body, position=Position.MEMBER):
    today = timezone.localdate()
    return SeatFactory(
        body=body,
        person=PersonFactory(user=user),
        position=position,
        term_start=today - datetime.timedelta(days=30),
        term_end=today + datetime.timedelta(days=300),
    )


@pytest.fixture
def setting():
    year = timezone.localdate().year
    subcommittee = SubcommitteeFactory(year=year, name="상생협력분과")
    other = SubcommitteeFactory(year=year, name="윤리제도분과")
    staff = UserFactory(role=Role.STAFF)
    member, chair, outsider = (UserFactory(role=Role.SUBCOMMITTEE) for _ in range(3))
    seat_for(member, subcommittee)
    seat_for(chair, subcommittee, Position.SUBCOMMITTEE_CHAIR)
    seat_for(outsider, other)
    document = add_document(
        body=subcommittee,
        title="메타버스 콘텐츠 제작 표준계약서",
        kind=ContractKind.CONTRACT,
        text=TEXT,
        comments_close_on=timezone.localdate() + datetime.timedelta(days=10),
        by=staff,
    )
    return {
        "body": subcommittee,
        "staff": staff,
        "member": member,
        "chair": chair,
        "outsider": outsider,
        "document": document,
        "clauses": {clause.number: clause for clause in document.clauses.all()},
    }


def test_a_member_comments_on_an_article(client, setting):
    clause = setting["clauses"]["제2조"]
    client.force_login(setting["member"])
    response = client.post(reverse("governance:clause_comment", args=[clause.pk]), {"text": "2년으로 늘려 주십시오."})
    assert response.status_code == 302
    comment = ClauseComment.objects.get()
    assert (comment.clause, comment.author, comment.text) == (clause, setting["member"], "2년으로 늘려 주십시오.")
    page = client.get(reverse("governance:contract_detail", args=[setting["document"].pk])).content.decode()
    assert "2년으로 늘려 주십시오." in page
    assert reverse("governance:comment_dispose", args=[comment.pk]) not in page  # a member does not decide


def test_a_member_neither_decides_nor_amends(client, setting):
    clause = setting["clauses"]["제2조"]
    comment = comment_on_clause(clause=clause, text="의견", by=setting["member"])
    client.force_login(setting["member"])
    assert (
        client.post(reverse("governance:comment_dispose", args=[comment.pk]), {"disposition": "accepted"}).status_code
        == 404
    )
    url = reverse("governance:clause_amend", args=[clause.pk])
    assert client.post(url, {"proposed_text": "x", "reason": "y"}).status_code == 404


def test_the_chair_disposes_a_comment_and_writes_the_amendment(client, setting):
    clause = setting["clauses"]["제2조"]
    comment = comment_on_clause(clause=clause, text="2년으로", by=setting["member"])
    client.force_login(setting["chair"])
    client.post(
        reverse("governance:comment_dispose", args=[comment.pk]), {"disposition": "partly", "note": "일부 반영"}
    )
    comment.refresh_from_db()
    assert (comment.disposition, comment.disposition_note, comment.disposed_by) == (
        Disposition.PARTLY,
        "일부 반영",
        setting["chair"],
    )
    client.post(
        reverse("governance:clause_amend", args=[clause.pk]),
        {"proposed_text": "계약기간은 2년으로 한다.", "reason": "안정적 거래 보장"},
    )
    clause.refresh_from_db()
    assert (clause.proposed_text, clause.reason) == ("계약기간은 2년으로 한다.", "안정적 거래 보장")


def test_an_amendment_without_its_reason_is_refused_with_a_message(client, setting):
    clause = setting["clauses"]["제2조"]
    client.force_login(setting["chair"])
    response = client.post(
        reverse("governance:clause_amend", args=[clause.pk]),
        {"proposed_text": "계약기간은 2년으로 한다.", "reason": ""},
        follow=True,
    )
    clause.refresh_from_db()
    assert clause.proposed_text == ""
    assert "제2조: 개정 사유를 입력하세요." in response.content.decode()


def test_a_member_of_another_subcommittee_gets_404(client, setting):
    clause = setting["clauses"]["제1조"]
    client.force_login(setting["outsider"])
    for url in (
        reverse("governance:contract_list", args=[setting["body"].pk]),
        reverse("governance:contract_detail", args=[setting["document"].pk]),
        reverse("governance:contract_table", args=[setting["document"].pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("governance:clause_comment", args=[clause.pk]), {"text": "x"}).status_code == 404
    assert not ClauseComment.objects.exists()


def test_a_pasted_text_without_articles_is_refused_in_korean(client, setting):
    client.force_login(setting["staff"])
    response = client.post(
        reverse("governance:contract_list", args=[setting["body"].pk]),
        {"title": "표준약관", "kind": "terms", "text": "조문이 없는 글"},
    )
    assert response.status_code == 200
    assert "조항을 찾지 못했습니다. 각 조항은 줄 첫머리에 제N조로 시작해야 합니다" in response.content.decode()
    assert setting["body"].contract_documents.count() == 1


def test_staff_add_a_document_split_into_articles(client, setting):
    client.force_login(setting["staff"])
    response = client.post(
        reverse("governance:contract_list", args=[setting["body"].pk]),
        {"title": "표준약관", "kind": "terms", "text": "제1조(목적) 목적\n제2조(정의) 정의"},
    )
    document = setting["body"].contract_documents.get(title="표준약관")
    assert response.status_code == 302
    assert [clause.number for clause in document.clauses.all()] == ["제1조", "제2조"]


def test_the_amendment_table_lists_each_amended_article(client, setting):
    clauses = setting["clauses"]
    set_amendment(
        clause=clauses["제3조"],
        proposed_text="당사자는 영업비밀을 누설하거나 이용하지 아니한다.",
        reason="이용 금지 추가",
        by=setting["staff"],
    )
    set_amendment(
        clause=clauses["제2조"], proposed_text="계약기간은 2년으로 한다.", reason="안정적 거래", by=setting["staff"]
    )
    client.force_login(setting["member"])
    response = client.get(reverse("governance:contract_table", args=[setting["document"].pk]))
    assert response.status_code == 200
    docx = Document(io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content))
    assert docx.paragraphs[0].text == "「메타버스 콘텐츠 제작 표준계약서」 신구조문대비표"
    (table,) = docx.tables
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["현행", "개정안", "사유"],
        ["제2조(계약기간) 계약기간은 1년으로 한다.", "제2조(계약기간) 계약기간은 2년으로 한다.", "안정적 거래"],
        [
            "제3조(비밀유지) 당사자는 영업비밀을 누설하지 아니한다.",
            "제3조(비밀유지) 당사자는 영업비밀을 누설하거나 이용하지 아니한다.",
            "이용 금지 추가",
        ],
    ]
    run = table.rows[1].cells[0].paragraphs[0].runs[0]
    assert run._element.rPr.rFonts.get(qn("w:eastAsia")) == "맑은 고딕"


def test_staff_record_a_new_version_of_the_rules_from_a_steering_decision(client, setting):
    staff = setting["staff"]
    amend_rules(text="제1조 v1", effective_on=datetime.date(2025, 1, 1), decision=None, summary="", by=staff)
    steering = BodyFactory(year=timezone.localdate().year, kind=BodyKind.STEERING)
    decision = Decision.objects.create(
        meeting=MeetingFactory(body=steering, number=4),
        motion="운영규정 개정의 건",
        method=DecisionMethod.CONSENSUS,
        outcome=DecisionOutcome.ADOPTED,
        effect=DecisionEffect.AMEND_RULES,
        recorded_at=timezone.now(),
    )
    client.force_login(staff)
    form_page = client.get(reverse("governance:rules_amend")).content.decode()
    assert "운영규정 개정의 건" in form_page
    response = client.post(
        reverse("governance:rules_amend"),
        {"decision": decision.pk, "effective_on": "2026-01-01", "summary": "제3조 개정", "text": "제1조 v2"},
    )
    assert response.status_code == 302
    latest = RulesVersion.objects.first()
    assert (latest.number, latest.decision, latest.text) == (2, decision, "제1조 v2")
    client.force_login(setting["member"])
    page = client.get(reverse("governance:rules_current")).content.decode()
    assert "제1조 v2" in page
    assert "운영규정 개정의 건" in page


def test_once_comments_close_the_form_is_gone_and_a_late_comment_is_refused(client, setting):
    document = setting["document"]
    closed_on = timezone.localdate() - datetime.timedelta(days=1)
    document.comments_close_on = closed_on
    document.save()
    clause = setting["clauses"]["제1조"]
    client.force_login(setting["member"])
    page = client.get(reverse("governance:contract_detail", args=[document.pk])).content.decode()
    assert reverse("governance:clause_comment", args=[clause.pk]) not in page
    response = client.post(reverse("governance:clause_comment", args=[clause.pk]), {"text": "늦은 의견"}, follow=True)
    assert f"이 문서의 의견 수렴은 {closed_on.isoformat()}에 마감되었습니다." in response.content.decode()
    assert not ClauseComment.objects.exists()
