"""Posting a mass action the way staff do: the first POST shows the confirmation page, the second confirms."""

import re

CONFIRMED_FIELD = re.compile(r'name="confirmed" value="([^"]+)"')


def confirmation_token(response) -> str:
    """The `confirmed` token of a confirmation page (fails when the page offers no confirm button)."""
    found = CONFIRMED_FIELD.search(response.content.decode())
    assert found is not None, "the response is not a confirmation page with a confirm button"
    return found.group(1)


def post_confirmed(client, url: str, data: dict | None = None, **kwargs):
    """POST `data` to `url`, then confirm it on the page that answers; returns the second response."""
    first = client.post(url, data or {})
    assert first.status_code == 200, f"expected the confirmation page, got {first.status_code}"
    return client.post(url, {**(data or {}), "confirmed": confirmation_token(first)}, **kwargs)
