"""Pages go out gzip-compressed to browsers that accept it; files that are compressed already do not
(alliance/core/middleware.py TextCompressionMiddleware)."""

import gzip

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_page_is_compressed_for_a_browser_that_accepts_gzip(client, organisation):
    response = client.get(reverse("members:directory"), HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert (response["Content-Encoding"], response["Vary"].split(", ")[-1]) == ("gzip", "Accept-Encoding")
    assert "주식회사 젠" in gzip.decompress(response.content).decode()


def test_a_page_is_sent_plain_to_a_client_that_does_not_accept_gzip(client, organisation):
    response = client.get(reverse("members:directory"))

    assert (response.has_header("Content-Encoding"), "주식회사 젠" in response.content.decode()) == (False, True)


def test_a_spreadsheet_is_not_compressed_again(client, organisation):
    response = client.get(reverse("members:directory_export", args=["xlsx"]), HTTP_ACCEPT_ENCODING="gzip")

    assert (response.status_code, response.has_header("Content-Encoding")) == (200, False)
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
