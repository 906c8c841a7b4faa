"""A request body larger than MAX_REQUEST_BYTES is refused before it is read, with a Korean page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_oversized_body_is_refused_with_a_korean_page(client, staff_user, settings):
    settings.MAX_UPLOAD_BYTES = 1024
    settings.MAX_REQUEST_BYTES = 2048
    client.force_login(staff_user)

    response = client.post(reverse("members:imports"), data=b"x" * 4096, content_type="application/octet-stream")

    assert response.status_code == 413
    assert "파일이 너무 큽니다" in response.content.decode()
    assert "1KB까지 올릴 수 있습니다" in response.content.decode()


def test_body_within_the_limit_reaches_the_view(client, staff_user, settings):
    settings.MAX_REQUEST_BYTES = 2048
    client.force_login(staff_user)

    response = client.post(reverse("members:imports"), {})

    assert (response.status_code, response.templates[0].name) == (200, "members/imports/index.html")
