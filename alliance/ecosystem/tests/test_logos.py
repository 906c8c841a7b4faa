"""Logo uploads: staff apply at once, a member's representative queues for approval; files by content hash."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from alliance.core.models import AuditEntry
from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.ecosystem.models import LogoSubmission, Player
from alliance.ecosystem.services.logos import review_logo, submit_logo
from alliance.ecosystem.tests.factories import PlayerFactory
from alliance.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

DIRTY_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><script>alert(1)</script>'
    b'<rect x="10" y="10" width="20" height="20" onload="alert(2)"/></svg>'
)


@pytest.fixture
def member_player(organisation):
    return PlayerFactory(name=organisation.name, organisation=organisation)


def _upload(client, player, content=DIRTY_SVG, name="logo.svg"):
    return client.post(reverse("ecosystem:logo_upload", args=[player.pk]), {"file": SimpleUploadedFile(name, content)})


def test_staff_upload_applies_sanitised_logo_named_by_hash(client, staff_user, member_player):
    client.force_login(staff_user)

    response = _upload(client, member_player)
    member_player.refresh_from_db()
    stored = member_player.logo.read()

    assert response.status_code == 302
    assert member_player.logo.name == f"ecosystem/logos/{hashlib.sha256(stored).hexdigest()}.svg"
    assert b"script" not in stored
    assert b"onload" not in stored
    assert stored.startswith(b'<svg xmlns="http://www.w3.org/2000/svg"')
    assert list(AuditEntry.objects.filter(action__startswith="ecosystem.").values_list("action", flat=True)) == [
        "ecosystem.logo.applied"
    ]
    assert LogoSubmission.objects.get().status == LogoSubmission.Status.APPLIED


def test_representative_upload_waits_for_approval(client, member_rep, member_player):
    client.force_login(member_rep)

    _upload(client, member_player)
    member_player.refresh_from_db()

    assert member_player.logo.name == ""
    assert LogoSubmission.objects.get().status == LogoSubmission.Status.PENDING
    assert list(AuditEntry.objects.filter(action__startswith="ecosystem.").values_list("action", flat=True)) == [
        "ecosystem.logo.submitted"
    ]


def test_representative_of_another_organisation_gets_404(client, member_player):
    other = UserFactory(role=Role.MEMBER_REP, organisation=OrganisationFactory(name="다른회사"))
    client.force_login(other)

    response = _upload(client, member_player)

    assert response.status_code == 404
    assert LogoSubmission.objects.count() == 0


def test_refused_file_writes_nothing_and_says_why(client, staff_user, member_player):
    client.force_login(staff_user)

    response = _upload(client, member_player, b"GIF89a not a logo", "logo.gif")

    assert response.status_code == 200
    with translation.override("ko"):
        expected = translation.gettext("A logo must be an SVG or a PNG file.")
    assert response.context["form"].errors["file"] == [expected]
    assert (LogoSubmission.objects.count(), AuditEntry.objects.filter(action__startswith="ecosystem.").count()) == (
        0,
        0,
    )


def test_review_approve_applies_and_reject_keeps_old_logo(staff_user, member_rep, member_player):
    first = submit_logo(actor=member_rep, player=member_player, content=DIRTY_SVG, filename="a.svg")
    review_logo(actor=staff_user, submission=first, approve=True)
    member_player.refresh_from_db()
    approved_name = member_player.logo.name
    second = submit_logo(
        actor=member_rep, player=member_player, content=DIRTY_SVG.replace(b'x="10"', b'x="15"'), filename="b.svg"
    )

    review_logo(actor=staff_user, submission=second, approve=False, note="해상도 부족")
    member_player.refresh_from_db()

    assert approved_name.startswith("ecosystem/logos/")
    assert member_player.logo.name == approved_name
    second.refresh_from_db()
    assert (second.status, second.review_note, second.reviewed_by) == ("rejected", "해상도 부족", staff_user)


def test_review_twice_refused(staff_user, member_rep, member_player):
    submission = submit_logo(actor=member_rep, player=member_player, content=DIRTY_SVG, filename="a.svg")
    review_logo(actor=staff_user, submission=submission, approve=False)

    with pytest.raises(ValidationError) as refused:
        review_logo(actor=staff_user, submission=submission, approve=True)

    assert refused.value.code == "already_reviewed"
    member_player.refresh_from_db()
    assert member_player.logo.name == ""


def test_review_by_representative_refused(member_rep, member_player):
    submission = submit_logo(actor=member_rep, player=member_player, content=DIRTY_SVG, filename="a.svg")

    with pytest.raises(PermissionDenied):
        review_logo(actor=member_rep, submission=submission, approve=True)


def test_logo_file_served_immutable_with_sandbox(client, staff_user, member_player):
    submit_logo(actor=staff_user, player=member_player, content=DIRTY_SVG, filename="a.svg")
    member_player.refresh_from_db()
    filename = member_player.logo.name.rsplit("/", 1)[-1]

    response = client.get(reverse("ecosystem:logo_file", args=[filename]))

    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["Content-Type"] == "image/svg+xml"
    assert "sandbox" in response["Content-Security-Policy"]
    assert client.get(reverse("ecosystem:logo_file", args=["..%2Fsecret.svg"])).status_code == 404
    assert client.get(reverse("ecosystem:logo_file", args=["0" * 64 + ".svg"])).status_code == 404


def test_logo_queue_queries_constant(client, staff_user, member_rep, member_player):
    client.force_login(staff_user)
    submit_logo(actor=member_rep, player=member_player, content=DIRTY_SVG, filename="a.svg")
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("ecosystem:logo_queue"))
    for index in range(2):
        organisation = OrganisationFactory(name=f"회사{index}")
        rep = UserFactory(role=Role.MEMBER_REP, organisation=organisation)
        player = Player.objects.create(name=organisation.name, name_key=f"회사{index}", organisation=organisation)
        submit_logo(actor=rep, player=player, content=DIRTY_SVG, filename="a.svg")

    with CaptureQueriesContext(connection) as three:
        response = client.get(reverse("ecosystem:logo_queue"))

    assert len(response.context["rows"]) == 3
    assert len(three) == len(one)


def test_logo_review_view_approves(client, staff_user, member_rep, member_player):
    submission = submit_logo(actor=member_rep, player=member_player, content=DIRTY_SVG, filename="a.svg")
    client.force_login(staff_user)

    response = client.post(reverse("ecosystem:logo_review", args=[submission.pk]), {"decision": "approve"})
    member_player.refresh_from_db()

    assert response.status_code == 302
    assert member_player.logo.name.startswith("ecosystem/logos/")
