"""The privacy policy (개인정보처리방침) and the secretariat's contact in the footer of every page."""

import datetime

from django.urls import reverse
from django.utils import timezone

from alliance.core.models import AuditEntry, PrivacyPolicy


def test_every_page_footer_shows_the_contact_and_links_the_policy(client, db, settings):
    settings.SECRETARIAT_NAME = "메타버스 얼라이언스 사무국"
    settings.SECRETARIAT_PHONE = "02-6949-4114"
    settings.SECRETARIAT_EMAIL = "office@alliance.example.kr"
    settings.SECRETARIAT_ADDRESS = "서울특별시 중구 세종대로 1"

    for path in ("/", reverse("core:login"), "/member_companies"):
        footer = client.get(path).content.decode().split('<footer class="site-footer">')[1]
        assert '<a class="footer-privacy" href="/privacy/">개인정보처리방침</a>' in footer, path
        assert '전화 <a href="tel:0269494114">02-6949-4114</a>' in footer, path
        assert '<a href="mailto:office@alliance.example.kr">office@alliance.example.kr</a>' in footer, path
        assert "주소 서울특별시 중구 세종대로 1" in footer, path


def test_the_default_text_says_what_is_kept_why_and_how_long(client, db, settings):
    settings.SECRETARIAT_EMAIL = "office@alliance.example.kr"
    text = client.get(reverse("core:privacy")).content.decode()

    for words in (
        "「개인정보 보호법」",
        "1. 개인정보의 처리 목적",
        "회원사 담당자: 성명, 직위, 이메일 주소, 전화번호",
        "현황 조사 응답",
        "접속 기록",
        "3. 개인정보의 처리 및 보유 기간",
        "8. 개인정보 보호책임자 및 문의처<br>메타버스 얼라이언스 사무국 · office@alliance.example.kr",
    ):
        assert words in text, words


def test_staff_save_versions_and_the_public_page_keeps_the_earlier_ones(client, staff_user):
    today = timezone.localdate()
    client.force_login(staff_user)
    form = client.get(reverse("core:privacy_edit")).content.decode()
    assert "1. 개인정보의 처리 목적" in form  # the default text is where staff start

    client.post(reverse("core:privacy_edit"), {"body": "제1판 본문", "effective_on": "2025-01-01"})
    client.post(reverse("core:privacy_edit"), {"body": "제2판 본문", "effective_on": today.isoformat()})
    future = today + datetime.timedelta(days=30)
    client.post(reverse("core:privacy_edit"), {"body": "제3판 본문", "effective_on": future.isoformat()})
    client.logout()

    assert list(PrivacyPolicy.objects.values_list("version", "body")) == [
        (3, "제3판 본문"),
        (2, "제2판 본문"),
        (1, "제1판 본문"),
    ]
    assert AuditEntry.objects.filter(action="core.privacy_policy.saved").count() == 3
    public = client.get(reverse("core:privacy")).content.decode()
    assert ("제2판 본문" in public, "제3판 본문" in public) == (True, False)
    assert '<a href="/privacy/versions/1/">제1판 · 2025. 1. 1. 시행</a>' in public
    earlier = client.get(reverse("core:privacy_version", args=[1])).content.decode()
    assert ("제1판 본문" in earlier, "이전 판입니다." in earlier) == (True, True)
    assert client.get(reverse("core:privacy_version", args=[3])).status_code == 404  # not in effect yet


def test_only_staff_edit_the_policy(client, member_rep):
    client.force_login(member_rep)
    response = client.post(reverse("core:privacy_edit"), {"body": "x", "effective_on": "2025-01-01"})
    assert (response.status_code, PrivacyPolicy.objects.count()) == (404, 0)
