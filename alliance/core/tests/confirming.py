"""Posting a mass action the way staff do: the first POST shows the confirmation page, the second confirms."""

import html
import re

CONFIRMED_FIELD = re.compile(r'name="confirmed" value="([^"]+)"')
CARRIED_FIELD = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)" data-carried>')


def confirmation_token(response) -> str:
    """The `confirmed` token of a confirmation page (fails when the page offers no confirm button)."""
    found = CONFIRMED_FIELD.search(response.content.decode())
    assert found is not None, "the response is not a confirmation page with a confirm button"
    return found.group(1)


def carried_fields(response) -> dict[str, str]:
    """What the confirmation page carries besides the original POST (a stored upload's reference)."""
    return {name: html.unescape(value) for name, value in CARRIED_FIELD.findall(response.content.decode())}


def post_confirmed(client, url: str, data: dict | None = None, **kwargs):
    """POST `data` to `url`, then confirm it on the page that answers; returns the second response."""
    first = client.post(url, data or {})
    assert first.status_code == 200, f"expected the confirmation page, got {first.status_code}"
    confirmed = {**(data or {}), **carried_fields(first), "confirmed": confirmation_token(first)}
    return client.post(url, confirmed, **kwargs)
