"""The standard-contract revision and the operating rules' versions."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from alliance.core.tests.factories import UserFactory
from alliance.governance.models import BodyKind, ContractKind, DecisionEffect, DecisionMethod, Disposition
from alliance.governance.services.contracts import (
    add_document,
    comment_on_clause,
    dispose_comment,
    set_amendment,
    split_clauses,
)
from alliance.governance.services.operating_rules import amend_rules
from alliance.governance.tests.factories import BodyFactory, MeetingFactory, SubcommitteeFactory

CONTRACT = """메타버스 콘텐츠 제작 표준계약서
이 계약은 발주자와 수급자 사이의 공정한 거래를 위하여 체결한다.
제1조(목적) 이 계약은 메타버스 콘텐츠의 제작에 관한 사항을 정한다.
제2조 (정의) 이 계약에서 사용하는 용어의 뜻은 다음과 같다.
  1. "콘텐츠"란 가상공간에서 이용되는 저작물을 말한다.
제 3 조의 2（비밀유지） 당사자는 상대방의 영업비밀을 누설하여서는 아니 된다.
"""


def test_a_contract_splits_into_its_articles_with_the_preamble_first():
    assert split_clauses(CONTRACT) == [
        ("전문", "", "이 계약은 발주자와 수급자 사이의 공정한 거래를 위하여 체결한다."),
        ("제1조", "목적", "이 계약은 메타버스 콘텐츠의 제작에 관한 사항을 정한다."),
        (
            "제2조",
            "정의",
            '이 계약에서 사용하는 용어의 뜻은 다음과 같다.\n  1. "콘텐츠"란 가상공간에서 이용되는 저작물을 말한다.',
        ),
        ("제3조의2", "비밀유지", "당사자는 상대방의 영업비밀을 누설하여서는 아니 된다."),
    ]


articles = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=99),
        st.text(alphabet="가나다라마바사 계약목적", min_size=1, max_size=10).map(str.strip).filter(bool),
        st.text(alphabet="가나다라마바사아자차 .,", min_size=1, max_size=40).map(str.strip).filter(bool),
    ),
    min_size=1,
    max_size=8,
)


@given(articles)
def test_writing_articles_out_and_splitting_them_gives_them_back(items):
    text = "\n".join(f"제{number}조({heading}) {body}" for number, heading, body in items)
    assert split_clauses(text) == [(f"제{number}조", heading, body) for number, heading, body in items]


@pytest.mark.django_db
def test_comments_are_decided_and_the_amendment_needs_its_reason():
    body = SubcommitteeFactory(name="상생협력분과")
    chair, member = UserFactory(), UserFactory()
    document = add_document(
        body=body,
        title="메타버스 콘텐츠 제작 표준계약서",
        kind=ContractKind.CONTRACT,
        text=CONTRACT,
        comments_close_on=timezone.localdate(),
        by=chair,
    )
    clause = document.clauses.get(number="제1조")
    comment = comment_on_clause(clause=clause, text="목적 조항에 상생 원칙을 넣자", by=member)
    dispose_comment(comment=comment, disposition=Disposition.PARTLY, note="취지 반영", by=chair)

    with pytest.raises(ValidationError):
        set_amendment(clause=clause, proposed_text="이 계약은 상생과 공정을 목적으로 한다.", reason="", by=chair)
    set_amendment(
        clause=clause, proposed_text="이 계약은 상생과 공정을 목적으로 한다.", reason="상생 원칙 명시", by=chair
    )

    comment.refresh_from_db()
    clause.refresh_from_db()
    assert (comment.disposition, comment.disposition_note, comment.disposed_by) == ("partly", "취지 반영", chair)
    assert (clause.is_amended, clause.reason) == (True, "상생 원칙 명시")
    assert list(document.clauses.values_list("number", flat=True)) == ["전문", "제1조", "제2조", "제3조의2"]


@pytest.mark.django_db
def test_comments_close_after_their_day_and_a_text_without_articles_is_refused():
    body = SubcommitteeFactory()
    user = UserFactory()
    with pytest.raises(ValidationError) as refused:
        add_document(
            body=body,
            title="x",
            kind=ContractKind.TERMS,
            text="제목만 있는 문서\n본문",
            comments_close_on=None,
            by=user,
        )
    assert refused.value.messages == [
        "조항을 찾지 못했습니다. 각 조항은 줄 첫머리에 제N조로 시작해야 합니다(예: “제1조(목적) …”)."
    ]
    document = add_document(
        body=body,
        title="약관",
        kind=ContractKind.TERMS,
        text="제1조(목적) 목적",
        comments_close_on=timezone.localdate() - datetime.timedelta(days=1),
        by=user,
    )
    with pytest.raises(ValidationError):
        comment_on_clause(clause=document.clauses.get(), text="의견", by=user)


@pytest.mark.django_db
def test_rules_amendments_need_an_adopted_steering_decision():
    staff = UserFactory()
    first = amend_rules(
        text="제1조(목적) …", effective_on=datetime.date(2022, 1, 1), decision=None, summary="제정", by=staff
    )
    meeting = MeetingFactory(body=BodyFactory(kind=BodyKind.STEERING, name="운영위원회 (규정)"))
    unrelated = meeting.decisions.create(
        motion="의장 연임의 건", method=DecisionMethod.CONSENSUS, outcome="adopted", recorded_at=timezone.now()
    )
    with pytest.raises(ValidationError):
        amend_rules(text="개정", effective_on=datetime.date(2026, 1, 1), decision=unrelated, summary="", by=staff)
    amending = meeting.decisions.create(
        motion="운영규정 개정의 건",
        method=DecisionMethod.CONSENSUS,
        outcome="adopted",
        effect=DecisionEffect.AMEND_RULES,
        recorded_at=timezone.now(),
    )
    second = amend_rules(
        text="제1조(목적) 개정",
        effective_on=datetime.date(2026, 1, 1),
        decision=amending,
        summary="분과 신설 근거",
        by=staff,
    )

    assert (first.number, second.number, second.decision) == (1, 2, amending)
