"""Who may open the door's URLs (check-in, walk-ins, counter, attendance, badges): the secretariat only.
Rows merged by tests/url_expectations.py."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from alliance.core.files import store_image
from alliance.core.links import issue_token, unsent_token_hash
from alliance.core.tests.url_matrix import everyone, no_body, staff_only
from alliance.events.models import EventAward, EventPhoto, OrganisationType, PressArticle, SurveyInvitation
from alliance.events.tests.door_factories import make_event, make_registration
from alliance.members.tests.factories import png_bytes
from alliance.programs.models import Panel, Winner
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory

DOOR_YEAR = 2019  # a past year (the survey goes out after the event) no other world holds a competition for

EXPECTED: dict = {
    "events:door": staff_only(),
    "events:check_in": staff_only(),
    "events:check_in_scan": staff_only(405),
    "events:guest_search": staff_only(),
    "events:arrival_counter": staff_only(),
    "events:check_in_guest": staff_only(405),
    "events:walk_in": staff_only(),
    "events:attendance": staff_only(),
    "events:attendance_xlsx": staff_only(),
    "events:badges_pdf": staff_only(),
    "events:awards": staff_only(),
    "events:award_import": staff_only(405),
    "events:award_remove": staff_only(405),
    "events:pitching": staff_only(),
    "events:press_staff": staff_only(),
    "events:press_remove": staff_only(405),
    "events:press_public": everyone(),
    "events:survey_results": staff_only(),
    "events:survey_send": staff_only(405),
    "events:survey_preview": staff_only(),
    "events:survey": everyone(),  # the attendee's personal link needs no account
    "events:photos_staff": staff_only(),
    "events:photo_remove": staff_only(405),
    "events:photo_file": everyone(),  # the door event is published
}
DOOR_URLS = [name for name in EXPECTED if name != "events:door"]
PK_OF: dict = dict.fromkeys(DOOR_URLS, "door_event")
PATH_VALUES: dict = {
    "registration": lambda world: world["door_guest"].pk,
    "award": lambda world: world["door_award"].pk,
    "article": lambda world: world["door_article"].pk,
    "answer_token": lambda world: world["door_survey_token"],
    "photo": lambda world: world["door_photo"].pk,
}
POST_DATA: dict = {
    "events:check_in_scan": lambda world: {"ticket": world["door_ticket"]},
    "events:check_in_guest": no_body,
    "events:walk_in": lambda world: {
        "name": "현장 방문객",
        "organisation_name": "주식회사 워크인",
        "organisation_type": OrganisationType.COMPANY,
    },
    "events:awards": lambda world: {"category": "merit", "award_name": "장관 표창", "recipient": "메타랩"},
    "events:award_import": no_body,
    "events:award_remove": no_body,
    "events:pitching": lambda world: {"starts_at": "14:00", "slot_minutes": "15", "room": "8층"},
    "events:press_staff": lambda world: {"outlet": "데일리뉴스", "published_on": "2031-12-03", "title": "성과공유회"},
    "events:press_remove": no_body,
    "events:survey_send": no_body,
    "events:photos_staff": lambda world: {"image": SimpleUploadedFile("현장.png", png_bytes(), "image/png")},
    "events:photo_remove": no_body,
    "events:survey": lambda world: {"overall": "5", "content": "4", "operation": "4", "comment": "좋았습니다"},
}


def released_winner(world) -> None:
    """The door event's year's competition has one released winner (to list as an award)."""
    programme = ProgrammeFactory(year=DOOR_YEAR)
    group = ProjectGroupFactory(programme=programme)
    panel = Panel.objects.create(programme=programme, kind=Panel.Kind.FINAL, released_at=timezone.now())
    Winner.objects.create(panel=panel, track=group.track, group=group, place=1, award_name="대상")


def guest_came(world) -> None:
    """Someone came to the door event and was not asked yet (the survey has someone to go to)."""
    guest, _token = make_registration(world["door_event"], name="참석자", email="came@example.kr")
    guest.checked_in_at = timezone.now()
    guest.save(update_fields=["checked_in_at"])


POST_SETUP: dict = {"events:award_import": released_winner, "events:survey_send": guest_came}


def build_world(world) -> dict:
    event = make_event(title="문 앞 행사", date=datetime.date(DOOR_YEAR, 12, 2))
    guest, token = make_registration(event, name="문앞 손님")
    award = EventAward.objects.create(event=event, category="merit", award_name="유공단체 표창", recipient="협회")
    article = PressArticle.objects.create(event=event, outlet="데일리뉴스", published_on=event.date, title="개최")
    invitation = SurveyInvitation.objects.create(
        registration=guest,
        email=guest.email,
        token_hash=unsent_token_hash(),
        expires_at=timezone.now() + datetime.timedelta(days=14),
    )
    photo_name = store_image(png_bytes(), "png", directory="events/photos/")
    photo = EventPhoto.objects.create(event=event, image=photo_name, caption="개회사")
    survey_token = issue_token(invitation)
    invitation.save(update_fields=["token_hash", "sent_at"])
    return {
        "door_event": event,
        "door_guest": guest,
        "door_ticket": token,
        "door_award": award,
        "door_article": article,
        "door_survey_token": survey_token,
        "door_photo": photo,
    }


# The personal link needs no account; the matrix posts it signed in (any role answers through the link alike).
POST_AS: dict = {"events:survey": "rep_a"}
