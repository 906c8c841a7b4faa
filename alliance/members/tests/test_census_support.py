"""Shared arrangements of the census tests (no tests here): rounds, invitations with known tokens, and the
Korean catalogue of the census area compiled from its fragment, so tests can assert the Korean text."""

import datetime
import json
from pathlib import Path

import polib
import pytest
from django.utils import timezone

from alliance.core.links import hash_token
from alliance.members.models import CensusInvitation, CensusRound

FRAGMENT = Path(__file__).resolve().parents[3] / "locale" / "ko_fragments" / "census.json"


@pytest.fixture
def korean(settings, tmp_path):
    """Korean pages and e-mails from the census fragment, whether or not `make messages` has run."""
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ko"}
    for key, korean_text in json.loads(FRAGMENT.read_text(encoding="utf-8")).items():
        context, _, msgid = key.rpartition("\u0004")
        catalogue.append(polib.POEntry(msgctxt=context or None, msgid=msgid, msgstr=korean_text))
    target = tmp_path / "locale" / "ko" / "LC_MESSAGES"
    target.mkdir(parents=True)
    catalogue.save_as_mofile(str(target / "django.mo"))
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    settings.LANGUAGE_CODE = "ko"


def make_round(*, title="2026년 상반기 회원사 현황 조사", closes_on=None, opened_by=None) -> CensusRound:
    closes_on = closes_on or timezone.localdate() + datetime.timedelta(days=14)
    return CensusRound.objects.create(title=title, closes_on=closes_on, opened_by=opened_by)


def invite(census_round, organisation, *, token, email="rep@company.example.kr", expires_at=None) -> CensusInvitation:
    """An invitation whose link token the test knows."""
    return CensusInvitation.objects.create(
        census_round=census_round,
        organisation=organisation,
        email=email,
        token_hash=hash_token(token),
        expires_at=expires_at or timezone.now() + datetime.timedelta(days=7),
        sent_at=timezone.now(),
    )
