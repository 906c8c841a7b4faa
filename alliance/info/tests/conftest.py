"""Fixtures shared by the information services' tests."""

import pytest


@pytest.fixture
def newsletter_sender(settings):
    """The newsletter's §50 settings as a deployment sets them: (광고) marking on, the sender named with an address
    and a contact, and no sending rate to wait for."""
    settings.NEWSLETTER_RATE_PER_MINUTE = 0
    settings.NEWSLETTER_AD_MARKING = True
    settings.NEWSLETTER_SENDER_NAME = "메타버스 얼라이언스 사무국"
    settings.NEWSLETTER_SENDER_ADDRESS = "서울특별시 중구 세종대로 1"
    settings.NEWSLETTER_SENDER_CONTACT = "02-0000-0000"
    return settings
