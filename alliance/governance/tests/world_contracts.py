"""The contracts area's rows of the role × URL matrix (alliance/core/tests/url_matrix.py), merged into
url_expectations.py: a document under review in the `subcommittee` user's subcommittee (a plain member's seat,
so only staff decide), a clause, a comment, and the operating rules' first version."""

import datetime

from django.utils import timezone

from alliance.core.tests.url_matrix import only, staff_only
from alliance.governance.models import (
    ClauseComment,
    ContractDocument,
    ContractKind,
    Decision,
    DecisionEffect,
    DecisionMethod,
    DecisionOutcome,
    RulesVersion,
)
from alliance.governance.services.contracts import add_document, comment_on_clause
from alliance.governance.services.operating_rules import amend_rules
from alliance.governance.tests.factories import MeetingFactory

CONTRACTS_EXPECTED = {
    "governance:contract_list": only({"staff": 200, "subcommittee": 200}),
    "governance:contract_detail": only({"staff": 200, "subcommittee": 200}),
    "governance:contract_table": only({"staff": 200, "subcommittee": 200}),
    "governance:clause_comment": only({"staff": 405, "subcommittee": 405}),  # POST only
    "governance:clause_amend": staff_only(405),  # POST only: staff or the subcommittee's chair
    "governance:comment_dispose": staff_only(405),  # POST only: staff or the subcommittee's chair
    "governance:rules_current": only({"staff": 200, "steering": 200, "subcommittee": 200}),
    "governance:rules_amend": staff_only(),
}
CONTRACTS_PK_OF = {
    "governance:contract_list": "gov_subcommittee",
    "governance:contract_detail": "gov_contract",
    "governance:contract_table": "gov_contract",
    "governance:clause_comment": "gov_clause",
    "governance:clause_amend": "gov_clause",
    "governance:comment_dispose": "gov_clause_comment",
}
CONTRACTS_COUNTED = (ContractDocument, ClauseComment, RulesVersion)


def build_contracts_world(world) -> dict:
    staff = world["users"]["staff"]
    document = add_document(
        body=world["gov_subcommittee"],
        title="메타버스 콘텐츠 제작 표준계약서",
        kind=ContractKind.CONTRACT,
        text="제1조(목적) 이 계약은 제작에 관한 사항을 정한다.\n제2조(기간) 계약기간은 1년으로 한다.",
        comments_close_on=timezone.localdate() + datetime.timedelta(days=30),
        by=staff,
    )
    clause = document.clauses.get(number="제1조")
    comment = comment_on_clause(clause=clause, text="목적을 구체적으로 적어 주십시오.", by=staff)
    amend_rules(
        text="제1조(목적) 이 규정은 협의회의 운영을 정한다.",
        effective_on=timezone.localdate(),
        decision=None,
        summary="",
        by=staff,
    )
    rules_decision = Decision.objects.create(
        meeting=MeetingFactory(body=world["gov_steering"], number=31),
        motion="운영규정 개정의 건",
        method=DecisionMethod.CONSENSUS,
        outcome=DecisionOutcome.ADOPTED,
        effect=DecisionEffect.AMEND_RULES,
        recorded_at=timezone.now(),
    )
    return {
        "gov_contract": document,
        "gov_clause": clause,
        "gov_clause_comment": comment,
        "gov_rules_decision": rules_decision,
    }


CONTRACTS_POST_DATA = {
    "governance:contract_list": lambda world: {
        "title": "표준약관",
        "kind": "terms",
        "text": "제1조(목적) 이 약관은 이용에 관한 사항을 정한다.",
    },
    "governance:clause_comment": lambda world: {"text": "의견입니다."},
    "governance:clause_amend": lambda world: {"proposed_text": "개정 문안", "reason": "명확화"},
    "governance:comment_dispose": lambda world: {"disposition": "accepted", "note": "반영"},
    "governance:rules_amend": lambda world: {
        "decision": world["gov_rules_decision"].pk,
        "text": "개정 규정",
        "effective_on": timezone.localdate().isoformat(),
    },
}
