"""Organisation logos: stored under their content hash, served only from logos/ with a safe type and cache."""

import hashlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation

from alliance.members.logos import LogoError
from alliance.members.services.registry import store_logo
from alliance.members.tests.factories import OrganisationFactory, png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def zen_with_logo(db):
    zen = OrganisationFactory(name="주식회사 젠")
    zen.logo.name = store_logo(organisation=zen, upload=ContentFile(png_bytes(), name="zen.png"))
    zen.save(update_fields=["logo"])
    return zen


def test_logo_url_is_served_as_png_cached_for_a_year(client, zen_with_logo):
    response = client.get(zen_with_logo.logo.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == png_bytes()
    assert (response["Content-Type"], response["Cache-Control"], response["X-Content-Type-Options"]) == (
        "image/png",
        "public, max-age=31536000, immutable",
        "nosniff",
    )
    assert response["Content-Security-Policy"] == "default-src 'none'; style-src 'unsafe-inline'; sandbox"


def test_logo_url_is_the_logo_route(zen_with_logo):
    name = zen_with_logo.logo.name.removeprefix("logos/")

    assert zen_with_logo.logo.url == reverse("members:logo_file", args=[name])


def test_directory_and_company_page_images_load(client, zen_with_logo):
    html = client.get(reverse("members:company", args=["주식회사 젠"])).content.decode()

    assert f'src="{zen_with_logo.logo.url}"' in html
    assert client.get(zen_with_logo.logo.url).status_code == 200


def test_logo_stored_before_content_addressing_is_served_with_a_short_cache(client):
    default_storage.save("logos/old-logo_Ab12cD3.jpg", ContentFile(png_bytes("JPEG")))

    response = client.get("/media/logos/old-logo_Ab12cD3.jpg")

    assert (response.status_code, response["Content-Type"], response["Cache-Control"]) == (
        200,
        "image/jpeg",
        "public, max-age=3600",
    )


@pytest.mark.parametrize(
    "path",
    [
        "/media/imports/members.xlsx",
        "/media/imports/reports/1-rejected.xlsx",
        "/media/logos/../imports/members.xlsx",
        "/media/logos/%2E%2E%2Fimports%2Fmembers.xlsx",
        "/media/logos/members.xlsx",
        "/media/logos/page.html",
        "/media/logos/missing.png",
    ],
)
def test_only_logos_are_served_from_media(client, path):
    default_storage.save("imports/members.xlsx", ContentFile(b"PK\x03\x04 registration numbers"))
    default_storage.save("imports/reports/1-rejected.xlsx", ContentFile(b"PK\x03\x04 rejected rows"))
    default_storage.save("logos/members.xlsx", ContentFile(b"PK\x03\x04 not a logo"))
    default_storage.save("logos/page.html", ContentFile(b"<script>alert(1)</script>"))

    assert client.get(path).status_code == 404


def test_same_logo_twice_is_stored_once(db):
    first, second = OrganisationFactory(), OrganisationFactory()

    names = [store_logo(organisation=org, upload=ContentFile(png_bytes(), name="a.png")) for org in (first, second)]

    assert names == [f"logos/{hashlib.sha256(png_bytes()).hexdigest()}.png"] * 2
    assert default_storage.listdir("logos") == ([], [names[0].removeprefix("logos/")])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
            "로고 파일이 이미지가 아닙니다. PNG, JPEG 또는 WebP 파일을 올려 주세요.",
        ),
        (png_bytes("GIF"), "로고는 PNG, JPEG 또는 WebP 형식의 이미지여야 합니다."),
        (png_bytes(size=(1, 5000)), "로고 이미지는 가로·세로 4096픽셀 이하여야 합니다."),
        (png_bytes() + b"\0" * (2 * 1024 * 1024), "로고 파일은 2MB 이하여야 합니다. 올린 파일이 2MB를 넘습니다."),
    ],
)
def test_store_logo_refuses_what_is_not_a_logo(db, content, message):
    zen = OrganisationFactory()

    with translation.override("ko"), pytest.raises(LogoError) as error:
        store_logo(organisation=zen, upload=ContentFile(content, name="logo.png"))

    assert error.value.message == message
    assert not default_storage.exists("logos")


def test_profile_form_shows_the_current_logo_as_an_image(client, zen_with_logo):
    from alliance.core.roles import Role
    from alliance.core.tests.factories import UserFactory

    client.force_login(UserFactory(role=Role.MEMBER_REP, organisation=zen_with_logo))

    html = client.get(reverse("members:organisation_edit", args=[zen_with_logo.pk])).content.decode()

    assert f'<img class="company-logo" src="{zen_with_logo.logo.url}"' in html
    assert f">{zen_with_logo.logo.name}<" not in html
