"""The edition builder: creating on publishing days only, items, ordering, the state machine, the e-mail."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance.core.mail import render_message
from alliance.info.models import Edition, PublishingOverride
from alliance.info.queries.newsletter import editions_sent, newest_edition
from alliance.info.services import newsletter_editions as editions
from alliance.info.tests.factories_newsletter import EditionFactory, EditionItemFactory, publishing_day_after

pytestmark = pytest.mark.django_db
D = datetime.date


def future_day(days: int = 10) -> D:
    return publishing_day_after(timezone.localdate() + datetime.timedelta(days=days))


def test_an_edition_is_created_only_on_a_publishing_day(staff_user):
    with pytest.raises(ValidationError) as refused:
        editions.create_edition(actor=staff_user, publishing_date=D(2027, 2, 9))  # 설날 대체공휴일
    reason = "2027. 2. 9.: 발행일이 아닙니다(주말, 공휴일 또는 임시공휴일)."
    assert refused.value.message_dict == {"publishing_date": [reason]}
    edition = editions.create_edition(actor=staff_user, publishing_date=D(2027, 2, 10))
    assert edition.subject == "메타버스 얼라이언스 데일리 뉴스레터 (2027. 2. 10.)"
    with pytest.raises(ValidationError):
        editions.create_edition(actor=staff_user, publishing_date=D(2027, 2, 10))


def test_a_day_published_anyway_may_have_an_edition(staff_user):
    PublishingOverride.objects.create(date=D(2027, 2, 6), kind="publish_anyway", reason="설 특집")
    assert editions.create_edition(actor=staff_user, publishing_date=D(2027, 2, 6)).state == Edition.State.DRAFT


def test_items_are_added_at_the_end_of_their_section_and_moved_within_it(staff_user):
    edition = EditionFactory(publishing_date=future_day())
    first = editions.add_item(
        actor=staff_user, edition=edition, section="domestic", title="첫 기사", tags="AX 전환 관점"
    )
    second = editions.add_item(actor=staff_user, edition=edition, section="domestic", title="둘째 기사")
    editions.add_item(actor=staff_user, edition=edition, section="global", title="Global one")
    editions.move_item(actor=staff_user, item=second, up=True)
    ordered = list(edition.items.order_by("section", "order").values_list("section", "title", "order"))
    assert ordered == [("domestic", "둘째 기사", 1), ("domestic", "첫 기사", 2), ("global", "Global one", 1)]
    first.refresh_from_db()
    assert first.tags == ["AX 전환 관점"]


def test_tags_are_bounded():
    with pytest.raises(ValidationError):
        editions.clean_tags(",".join(f"태그{n}" for n in range(6)))
    assert editions.clean_tags(" AX 전환 관점 , AX 전환 관점,산업 ") == ["AX 전환 관점", "산업"]


def test_scheduling_needs_an_item_and_defaults_to_0830_korean_time(staff_user):
    edition = EditionFactory(publishing_date=future_day())
    with pytest.raises(ValidationError):
        editions.schedule_edition(actor=staff_user, edition=edition)
    EditionItemFactory(edition=edition)
    edition = editions.schedule_edition(actor=staff_user, edition=edition)
    assert timezone.localtime(edition.send_at).time() == datetime.time(8, 30)
    assert timezone.localtime(edition.send_at).date() == edition.publishing_date
    with pytest.raises(ValidationError):  # a scheduled edition is not edited
        editions.add_item(actor=staff_user, edition=edition, section="global", title="늦은 기사")
    assert editions.unschedule_edition(actor=staff_user, edition=edition).state == Edition.State.DRAFT


def test_a_stale_subject_form_is_refused(staff_user):
    edition = EditionFactory(publishing_date=future_day())
    editions.update_edition(actor=staff_user, edition=edition, subject="첫 제목", carries_advertising=False)
    with pytest.raises(ValidationError):
        editions.update_edition(
            actor=staff_user, edition=edition, subject="옛 제목", carries_advertising=False, expected_version=0
        )


ACTIONS = st.lists(st.sampled_from(["schedule", "unschedule", "send", "edit"]), max_size=8)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_the_state_machine_only_moves_along_its_arrows(staff_user, actions):
    Edition.objects.all().delete()  # each example starts afresh (the database is not rolled back between them)
    edition = EditionFactory(publishing_date=future_day(30))
    EditionItemFactory(edition=edition)
    for action in actions:
        before = Edition.objects.get(pk=edition.pk).state
        try:
            if action == "schedule":
                editions.schedule_edition(actor=staff_user, edition=edition)
            elif action == "unschedule":
                editions.unschedule_edition(actor=staff_user, edition=edition)
            elif action == "send":
                editions.mark_edition_sent(edition=edition, subject="s", html="<p>h</p>", text="t")
            else:
                editions.add_item(actor=staff_user, edition=edition, section="calls", title="공고")
        except ValidationError:
            assert Edition.objects.get(pk=edition.pk).state == before  # a refusal changes nothing
            continue
        after = Edition.objects.get(pk=edition.pk).state
        if action == "edit":
            assert before == after == Edition.State.DRAFT
        else:
            assert after in editions.MOVES[before]
        if after != Edition.State.SENT:  # a scheduled edition has its send time, a draft none
            assert (after == Edition.State.SCHEDULED) == (Edition.objects.get(pk=edition.pk).send_at is not None)


def _email(edition, **settings_overrides):
    return render_message("info/newsletter/email", {"edition": edition}, to=["reader@example.kr"])


def test_the_email_has_its_sections_in_order_no_script_and_a_text_part(settings):
    settings.SITE_URL = "https://metaversealliance.or.kr"
    edition = EditionFactory(publishing_date=D(2026, 11, 16), subject="메타버스 얼라이언스 데일리 뉴스레터")
    EditionItemFactory(edition=edition, section="global", title="Spatial computing headsets", order=1)
    EditionItemFactory(
        edition=edition,
        section="banner",
        title="메타버스 & AI 융합세미나",
        order=1,
        image_url="https://metaversealliance.or.kr/b.png",
        image_alt="세미나 배너",
    )
    EditionItemFactory(edition=edition, section="domestic", title="XR 기기 확산", order=1, tags=["AX 전환 관점"])
    message = _email(edition)
    html = message.alternatives[0][0]
    assert message.subject == "메타버스 얼라이언스 데일리 뉴스레터"
    assert "<script" not in html.lower()
    assert re.findall(r"<[^>]*\son\w+=", html) == []  # no event handler attributes
    headings = re.findall(r"<h2[^>]*>([^<]+)</h2>", html)
    assert headings == ["헤드라인 배너(행사·공고)", "국내 NEWS", "글로벌 NEWS"]
    assert 'alt="세미나 배너"' in html
    assert "max-width:600px" in html
    assert "메타버스 아카이브 바로가기: https://metaversealliance.or.kr/metabus_trends_reports" in message.body
    assert "- XR 기기 확산 (가상융합 뉴스) [AX 전환 관점]" in message.body


def test_an_edition_carrying_advertising_starts_its_subject_with_the_mark(settings):
    edition = EditionFactory(publishing_date=D(2026, 11, 17), subject="유관기관 홍보 특집", carries_advertising=True)
    assert _email(edition).subject == "(광고) 유관기관 홍보 특집"
    settings.NEWSLETTER_AD_MARKING = False
    assert _email(edition).subject == "유관기관 홍보 특집"


def test_briefing_and_front_page_reads():
    EditionFactory(publishing_date=D(2026, 10, 1), state="sent")
    EditionFactory(publishing_date=D(2026, 11, 16), state="sent")
    EditionFactory(publishing_date=D(2026, 11, 17))
    assert (editions_sent(2026, 4), editions_sent(2026, 3)) == (2, 0)
    assert newest_edition().publishing_date == D(2026, 11, 16)
