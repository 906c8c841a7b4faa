import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from alliance.core.audit import action_label, changed, history_of, record_audit, snapshot
from alliance.core.models import AuditEntry
from alliance.core.templatetags.audit import change_rows


def test_changed_keeps_only_differing_keys():
    assert changed({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": None}) == ({"b": 2}, {"b": 3})


@pytest.mark.django_db
def test_snapshot_serialises_dates(organisation):
    assert snapshot(organisation, ["name", "joined_on"]) == {"name": "주식회사 젠", "joined_on": "2024-03-01"}


@pytest.mark.django_db
def test_record_audit_links_target_and_actor(organisation, staff_user):
    entry = record_audit(
        action="members.org.updated", actor=staff_user, target=organisation, before={"name": "a"}, after={"name": "b"}
    )
    assert (entry.actor, entry.actor_label, entry.target_label, history_of(organisation).first()) == (
        staff_user,
        "사무국 직원 <staff@alliance.example.kr>",
        "주식회사 젠",
        entry,
    )


@pytest.mark.django_db
def test_record_audit_without_account_keeps_label(organisation):
    entry = record_audit(action="members.org.updated", target=organisation, actor_label="회원사 조사 응답: 홍길동")
    assert (entry.actor, entry.actor_label) == (None, "회원사 조사 응답: 홍길동")


@pytest.mark.django_db
def test_change_rows_use_field_labels_of_target_model(organisation):
    entry = AuditEntry(
        action="members.org.updated",
        target_type=ContentType.objects.get_for_model(organisation),
        before={"employees": 10, "name": "젠"},
        after={"employees": 12, "name": "젠"},
    )
    with translation.override("en"):  # an English page gives the count without the Korean counter (명)
        assert change_rows(entry) == [("employees", "10", "12")]


def test_action_label_unknown_action_falls_back_to_code():
    assert action_label("nothing.registered") == "nothing.registered"


def test_snapshot_of_date_value_is_iso():
    class Record:
        day = datetime.date(2026, 4, 15)

    assert snapshot(Record(), ["day"]) == {"day": "2026-04-15"}


@pytest.mark.django_db
def test_change_rows_show_choice_labels_and_joined_lists(organisation):
    entry = AuditEntry(
        action="members.org.updated",
        target_type=ContentType.objects.get_for_model(organisation),
        before={"category": "small", "fields": ["메타버스"], "contact_list": "김담당"},
        after={"category": "medium", "fields": ["디지털트윈", "메타버스"], "contact_list": "이신규"},
    )
    with translation.override("en"):
        assert change_rows(entry) == [
            ("member category", "Small enterprise", "Medium enterprise"),
            ("business fields", "메타버스", "디지털트윈, 메타버스"),
            ("contacts", "김담당", "이신규"),
        ]


@pytest.mark.django_db
def test_change_rows_show_dates_amounts_and_numbers_in_korean_conventions(organisation):
    entry = AuditEntry(
        action="members.org.updated",
        target_type=ContentType.objects.get_for_model(organisation),
        before={
            "joined_on": "2024-03-01",
            "revenue_million": None,
            "business_number": "",
            "founded_year": None,
            "logo": "logos/zen_old.png",
        },
        after={
            "joined_on": "2025-10-30",
            "revenue_million": 9258,
            "business_number": "2148606612",
            "founded_year": 2015,
            "logo": "logos/" + "acfb67e2" * 8 + ".png",
        },
    )
    with translation.override("ko"):
        assert change_rows(entry) == [
            ("가입일", "2024. 3. 1.", "2025. 10. 30."),
            ("매출액(백만원)", None, "9,258백만원"),
            ("사업자등록번호", "", "214-86-06612"),
            ("설립연도", None, 2015),
            ("로고", "zen_old.png", "acfb67e2….png"),
        ]


@pytest.mark.django_db
def test_change_rows_of_other_models_keep_values_their_type_cannot_read(staff_user):
    entry = AuditEntry(
        action="core.user.updated",
        target_type=ContentType.objects.get_for_model(staff_user),
        before={"date_joined": "not a date", "name": "가"},
        after={"date_joined": "2026-04-15T09:30:00+09:00", "name": "나"},
    )
    with translation.override("ko"):
        assert change_rows(entry) == [("가입일", "not a date", "2026. 4. 15. 09:30"), ("이름", "가", "나")]
