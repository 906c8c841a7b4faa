import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from alliance.core.models import AuditEntry
from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.members.models import BusinessField, Contact, Organisation
from alliance.members.tests.factories import ContactFactory, OrganisationFactory, png_bytes


def ko(msgid: str, **params) -> str:
    """The Korean message the user sees (the msgid itself while the catalogue lacks it)."""
    with translation.override("ko"):
        text = translation.gettext(msgid)
    return text % params if params else text


def edit_url(organisation) -> str:
    return f"/members/organisations/{organisation.pk}/edit/"


def profile_post(organisation, contacts=(), **overrides) -> dict:
    """The form as the edit page submits it, unchanged, plus overrides."""
    data = {
        "name_en": organisation.name_en,
        "sido": organisation.sido,
        "sigungu": organisation.sigungu,
        "founded_year": organisation.founded_year or "",
        "employees": organisation.employees or "",
        "revenue_million": organisation.revenue_million or "",
        "homepage": organisation.homepage,
        "description": organisation.description,
        "field_names": list(organisation.fields.values_list("name", flat=True)),
        "contacts-TOTAL_FORMS": str(len(contacts) + 1),
        "contacts-INITIAL_FORMS": str(len(contacts)),
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "10",
    }
    for index, contact in enumerate(contacts):
        data |= {
            f"contacts-{index}-id": str(contact.pk),
            f"contacts-{index}-organisation": str(organisation.pk),
            f"contacts-{index}-name": contact.name,
            f"contacts-{index}-position": contact.position,
            f"contacts-{index}-email": contact.email,
            f"contacts-{index}-phone": contact.phone,
        }
        if contact.is_primary:
            data[f"contacts-{index}-is_primary"] = "on"
    return data | overrides


@pytest.fixture
def rep_client(client, member_rep):
    client.force_login(member_rep)
    return client


def test_my_organisation_redirects_rep_to_own_edit_page(rep_client, organisation):
    response = rep_client.get("/my/organisation/")

    assert response.status_code == 302
    assert response.url == edit_url(organisation)


def test_my_organisation_without_organisation_is_404(client, db):
    client.force_login(UserFactory(role=Role.MEMBER_REP, organisation=None))

    assert client.get("/my/organisation/").status_code == 404


def test_my_organisation_anonymous_redirects_to_login(client, db):
    response = client.get("/my/organisation/")

    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=/my/organisation/"


def test_rep_edits_own_organisation_records_history_and_confirms(rep_client, organisation, member_rep):
    BusinessField.objects.create(name="XR 콘텐츠")
    data = profile_post(
        organisation,
        sigungu="서초구",
        employees="42",
        description="디지털트윈 플랫폼을 만듭니다.\n두 번째 줄",
        field_names=["디지털트윈", "XR 콘텐츠"],
    )

    response = rep_client.post(edit_url(organisation), data)

    assert response.status_code == 302
    assert response.url == edit_url(organisation)
    organisation.refresh_from_db()
    today = timezone.localdate()
    assert organisation.employees == 42
    assert organisation.last_confirmed_on == today
    entry = AuditEntry.objects.get(action="members.org.updated")
    assert entry.actor == member_rep
    assert entry.target_id == str(organisation.pk)
    assert entry.before == {
        "sigungu": "강남구",
        "employees": None,
        "description": "메타버스 플랫폼을 개발합니다.",
        "last_confirmed_on": None,
        "fields": ["디지털트윈", "메타버스"],
    }
    assert entry.after == {
        "sigungu": "서초구",
        "employees": 42,
        "description": "디지털트윈 플랫폼을 만듭니다.\n두 번째 줄",
        "last_confirmed_on": today.isoformat(),
        "fields": ["XR 콘텐츠", "디지털트윈"],
    }


def test_rep_cannot_change_name_or_business_number(rep_client, organisation):
    data = profile_post(organisation, name="다른이름", business_number="1234567890", category="large")

    rep_client.post(edit_url(organisation), data)

    organisation.refresh_from_db()
    assert (organisation.name, organisation.category) == ("주식회사 젠", "small")


def test_rep_gets_404_for_another_organisation(rep_client, db):
    other = OrganisationFactory(name="다른회사")

    get = rep_client.get(edit_url(other))
    post = rep_client.post(edit_url(other), profile_post(other, employees="9"))

    assert (get.status_code, post.status_code) == (404, 404)
    other.refresh_from_db()
    assert other.employees is None


def test_rep_updates_contacts_with_audited_values(rep_client, organisation, member_rep):
    kim = ContactFactory(
        organisation=organisation, name="김담당", position="팀장", email="kim@zen.example.kr", phone="02-1234-5678"
    )
    data = profile_post(organisation, contacts=[kim]) | {
        "contacts-0-phone": "02-9999-0000",
        "contacts-1-name": "이신규",
        "contacts-1-email": "lee@zen.example.kr",
    }

    response = rep_client.post(edit_url(organisation), data)

    assert response.status_code == 302
    assert list(Contact.objects.filter(organisation=organisation).values_list("name", "phone")) == [
        ("김담당", "02-9999-0000"),
        ("이신규", ""),
    ]
    entry = AuditEntry.objects.get(action="members.contact.updated")
    assert entry.actor == member_rep
    assert entry.before == {"contact_list": "* 김담당 / 팀장 / kim@zen.example.kr / 02-1234-5678"}
    assert entry.after == {
        "contact_list": "* 김담당 / 팀장 / kim@zen.example.kr / 02-9999-0000\n이신규 /  / lee@zen.example.kr / "
    }


def test_rep_deletes_a_contact(rep_client, organisation):
    kim = ContactFactory(organisation=organisation, name="김담당")
    data = profile_post(organisation, contacts=[kim]) | {"contacts-0-DELETE": "on"}

    rep_client.post(edit_url(organisation), data)

    assert list(Contact.objects.filter(organisation=organisation)) == []


def test_unchanged_save_by_staff_writes_no_history(client, staff_user, organisation):
    client.force_login(staff_user)
    data = profile_post(organisation) | {
        "name": organisation.name,
        "business_number": organisation.business_number,
        "category": organisation.category,
        "joined_on": organisation.joined_on.isoformat(),
    }

    response = client.post(edit_url(organisation), data)

    assert response.status_code == 302
    assert list(AuditEntry.objects.filter(action__startswith="members.org.updated")) == []
    organisation.refresh_from_db()
    assert organisation.last_confirmed_on is None


def _upload(rep_client, organisation, upload):
    return rep_client.post(edit_url(organisation), profile_post(organisation) | {"logo": upload})


def test_logo_png_is_stored(rep_client, organisation):
    response = _upload(rep_client, organisation, SimpleUploadedFile("zen.png", png_bytes(), "image/png"))

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.logo.name == f"logos/{hashlib.sha256(png_bytes()).hexdigest()}.png"
    assert organisation.logo.read() == png_bytes()


def test_logo_named_by_its_format_not_by_the_upload_name(rep_client, organisation):
    jpeg = png_bytes("JPEG")

    _upload(rep_client, organisation, SimpleUploadedFile("logo.png", jpeg, "image/png"))

    organisation.refresh_from_db()
    assert organisation.logo.name == f"logos/{hashlib.sha256(jpeg).hexdigest()}.jpg"


def test_logo_larger_than_4096_pixels_a_side_is_refused(rep_client, organisation):
    wide = png_bytes(size=(4097, 1))

    response = _upload(rep_client, organisation, SimpleUploadedFile("wide.png", wide, "image/png"))

    assert response.context["form"].errors["logo"] == [ko("The logo may be at most 4096 × 4096 pixels.")]
    organisation.refresh_from_db()
    assert organisation.logo.name == ""


def test_logo_that_is_not_an_image_is_refused(rep_client, organisation):
    upload = SimpleUploadedFile("logo.png", b"<html>not an image</html>", "image/png")

    response = _upload(rep_client, organisation, upload)

    assert response.status_code == 200
    assert response.context["form"].errors["logo"] == [ko("The logo is not an image. Upload a PNG, JPEG or WebP file.")]
    organisation.refresh_from_db()
    assert organisation.logo.name == ""


def test_logo_gif_is_refused(rep_client, organisation):
    response = _upload(rep_client, organisation, SimpleUploadedFile("logo.gif", png_bytes("GIF"), "image/gif"))

    assert response.context["form"].errors["logo"] == [ko("The logo must be a PNG, JPEG or WebP image.")]


def test_logo_over_two_megabytes_is_refused(rep_client, organisation):
    big = png_bytes() + b"\0" * (2 * 1024 * 1024)

    response = _upload(rep_client, organisation, SimpleUploadedFile("big.png", big, "image/png"))

    assert response.context["form"].errors["logo"] == [ko("The logo may be at most 2 MB; this file is larger.")]


def test_field_error_is_shown_next_to_the_field(rep_client, organisation):
    response = rep_client.post(edit_url(organisation), profile_post(organisation, founded_year="올해"))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<ul class="errorlist" id="id_founded_year_errors">' in html
    assert Organisation.objects.get(pk=organisation.pk).founded_year is None


def test_seoul_district_that_is_not_one_of_the_25_is_refused_on_the_field(rep_client, organisation):
    response = rep_client.post(edit_url(organisation), profile_post(organisation, sido="서울", sigungu="강남"))

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "sigungu": ["'강남'은(는) 서울특별시 25개 자치구가 아닙니다. 혹시 강남구인가요?"]
    }
    assert Organisation.objects.get(pk=organisation.pk).sigungu == "강남구"


def test_seoul_district_spacing_is_normalised_and_zoned(rep_client, organisation):
    response = rep_client.post(edit_url(organisation), profile_post(organisation, sido="서울", sigungu=" 마포 구 "))

    organisation.refresh_from_db()
    assert (response.status_code, organisation.sigungu, organisation.seoul_zone) == (302, "마포구", "서북권")


def test_district_outside_seoul_stays_free_text(rep_client, organisation):
    response = rep_client.post(
        edit_url(organisation), profile_post(organisation, sido="경기", sigungu="성남시  분당구")
    )

    organisation.refresh_from_db()
    assert (response.status_code, organisation.sido, organisation.sigungu) == (302, "경기", "성남시 분당구")


def test_staff_form_refuses_unknown_seoul_district(client, staff_user, organisation):
    client.force_login(staff_user)
    data = profile_post(organisation, sido="서울", sigungu="판교구") | {
        "name": organisation.name,
        "business_number": organisation.business_number,
        "category": organisation.category,
        "joined_on": organisation.joined_on.isoformat(),
    }

    response = client.post(edit_url(organisation), data)

    assert response.context["form"].errors == {"sigungu": ["'판교구'은(는) 서울특별시 25개 자치구가 아닙니다."]}
