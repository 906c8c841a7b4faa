"""Photos after an event: staff upload checked PNG/JPEG images; a published event's page shows them with its press
count; before publication only staff see them."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alliance.events.models import EventPhoto
from alliance.events.services import coverage
from alliance.events.tests.door_factories import make_event
from alliance.members.tests.factories import png_bytes

pytestmark = pytest.mark.django_db


def upload(content: bytes, name="사진.png"):
    return SimpleUploadedFile(name, content, content_type="image/png")


def test_staff_upload_a_photo_that_the_public_page_shows_with_the_press_count(client, staff_user):
    event = make_event(date=datetime.date(2025, 11, 13))
    coverage.add_article(
        event=event, actor=staff_user, outlet="데일리뉴스", published_on=datetime.date(2025, 11, 6), title="개최"
    )
    client.force_login(staff_user)

    response = client.post(
        reverse("events:photos_staff", args=[event.pk]), {"image": upload(png_bytes()), "caption": "개회사"}
    )
    photo = EventPhoto.objects.get()
    client.logout()
    page = client.get(reverse("events:public_detail", args=[event.pk])).content.decode()
    image = client.get(reverse("events:photo_file", args=[event.pk, photo.pk]))

    assert response.status_code == 302
    assert photo.image.startswith("events/photos/")
    assert photo.image.endswith(".png")
    assert reverse("events:photo_file", args=[event.pk, photo.pk]) in page
    assert 'alt="개회사"' in page
    assert "총 1건 기사보도" in page
    assert (image.status_code, image["Content-Type"]) == (200, "image/png")
    assert "sandbox" in image["Content-Security-Policy"]


def test_a_file_that_only_claims_to_be_an_image_is_refused(client, staff_user):
    event = make_event()
    client.force_login(staff_user)

    response = client.post(reverse("events:photos_staff", args=[event.pk]), {"image": upload(b"<svg onload=x>")})

    assert response.status_code == 200
    assert "PNG 또는 JPEG" in response.content.decode()
    assert not EventPhoto.objects.exists()


def test_an_unpublished_events_photos_are_for_staff_only(client, staff_user):
    event = make_event(published=False)
    client.force_login(staff_user)
    client.post(reverse("events:photos_staff", args=[event.pk]), {"image": upload(png_bytes())})
    photo = EventPhoto.objects.get()
    url = reverse("events:photo_file", args=[event.pk, photo.pk])

    assert client.get(url).status_code == 200
    client.logout()
    assert client.get(url).status_code == 404
