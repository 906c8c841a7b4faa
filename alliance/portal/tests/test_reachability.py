"""Every page a role may open is linked from somewhere that role sees.

Generated from the role × URL matrix (`alliance/*/tests/url_expectations.py`): for each role, the pages it
may open with 200 (parameterless ones, and parameterised ones filled with the matrix's world objects) must be
reached by following links breadth-first from what the role sees first (home and, signed in, "My page";
both carry the header menu). A page that works but that no menu or link leads to fails this test, listed by
URL name. Pages reached only through an e-mail or loaded as a fragment are exempted below, each with its
reason.
"""

import re
from collections import deque
from html import unescape
from urllib.parse import urldefrag, urlsplit

import pytest
from django.urls import Resolver404, resolve, reverse

from alliance.core.tests import test_permission_matrix as matrix
from alliance.core.tests.test_permission_matrix import EXPECTED, project_urls, url_for
from alliance.core.tests.url_matrix import COMBINED, IDENTITIES, SIGNED_IN

world = matrix.world  # the matrix's fixture: two organisations, one user per role, and each app's objects

pytestmark = pytest.mark.django_db

# URL names a role may open that are legitimately linked from no page, with the reason.
EXEMPT = {
    # Personal links: reached from the e-mail that carries the token, never from a page.
    "members:census_respond",
    "ecosystem:survey_respond",
    "governance:minutes_comment_link",
    "core:password_reset_confirm",
    "governance:meeting_reply_link",
    "info:subscription_link",  # the newsletter's one-click unsubscribe, and its confirm and renewal links
    "info:subscription_confirm",
    "info:subscription_renew",
    "events:ticket",  # the ticket e-mail's link (also in its QR code), and its QR image shown on the ticket page
    "events:ticket_qr",
    "events:guest",  # an invited guest's registration link
    "events:survey",  # the satisfaction survey's link e-mailed to those who came
    # The public check of a filing: reached from the QR code printed on its receipt certificate (신고 접수증).
    "regulation:filing_check",
    # A personal calendar feed: its address is shown (to copy into a calendar app) on "My meetings".
    "governance:calendar_feed",
    # Answers to a form's POST (the reset request, the new password), not pages one follows a link to.
    "core:password_reset_sent",
    "core:password_reset_complete",
    # Fragments that a page loads with htmx or a script (progress polling, live search, the map's card).
    "members:import_progress",
    "ecosystem:landscape_search",
    "ecosystem:player_card",
    "core:delivery_status",  # polled by a mass e-mail's status box while it is sending
    # Files read by programs and embedding sites, not by people following links: the snapshot JSON API
    # (documented on the snapshot page) and the map's embeddable category frame (its code is offered by
    # "embed_code").
    "ecosystem:snapshot_api",
    "ecosystem:embed",
    # Redirects to the newest year, linked from the menu as such; the page they lead to is checked itself.
    "ecosystem:latest",
    "programs:latest_results",
    # E-mail previews, linked from the confirmation page that a send button's POST answers (this crawl follows
    # links; it submits no form).
    "programs:call_preview",
    "info:edition_delivery_preview",
    "info:post_mailing_preview",
    "members:census_open_preview",
    "members:census_remind_preview",
    "ecosystem:survey_open_preview",
    "programs:panel_results_preview",
    "programs:investment_send_preview",
    "governance:meeting_invite_preview",
    "events:survey_preview",
    # The language switch answers GET by going home (the switch itself is a POST form on every page).
    "core:set_language",
    # Health checks for the load balancer and monitoring, not pages for people.
    "core:healthz",
    "core:readyz",
}
# (role, URL name) pairs a role may open but is rightly not offered in the matrix's world.
EXEMPT_FOR_ROLE = {
    # Org A already has its group this year and a company belongs to one group a year: the form that starts
    # a group is offered to rep_b, whose organisation has none.
    ("rep_a", "programs:group_create"),
    # A member's representative registers for an event through the member form (prefilled from the account);
    # the public form is offered to visitors who are not signed in.
    *((role, "events:register_public") for role in ("rep_a", "rep_b")),
    # A company's self-check result is linked for staff from the statistics page only when the company shared it;
    # the matrix's world has no shared result (the company's own representative reaches it from the self-check).
    ("staff", "regulation:selfcheck_result"),
    ("staff", "regulation:selfcheck_pdf"),
    # A signed-in user has no use for the login page.
    *((role, "core:login") for role in SIGNED_IN),
    # ... nor for the password reset, offered on the login page.
    *((role, "core:password_reset") for role in SIGNED_IN),
}
# A user holding several roles is excused where each of its roles would be (rep_steering is org A's representative).
EXEMPT_FOR_ROLE |= {
    (identity, name) for identity, parts in COMBINED.items() for role, name in EXEMPT_FOR_ROLE if role in parts
}

# Links whose target is a file (an extension in the route, or these): counted as reached, never fetched.
FILE_ROUTE = re.compile(r"\.(xlsx|csv|pdf|svg|png|yml|json|ics|docx)$")
FILES = {
    "members:directory_export",
    "members:registry_export",
    "members:statistics_export",
    "members:import_report",
    "members:logo_file",
    "ecosystem:logo_file",
    "programs:attachment_download",
    "programs:judging_attachment",
    "programs:interim_download",
    "info:analytics_export",
    "info:archive_file",
    "info:board_attachment",
    "info:promotion_image",
    "events:photo_file",
    "regulation:selfcheck_pdf",
    "regulation:filing_evidence",
    "regulation:filing_xlsx",
    "regulation:filing_certificate",
    "reports:indicator_evidence",
    "reports:briefing_download",
}
LINK = re.compile(r'\b(?:href|hx-get|src|action)="([^"]+)"')
MAX_PAGES = 1500  # the staff crawl fetches about 500 pages of the matrix world; the cap only stops a runaway crawl


def url_name_of(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def links_on(html: str) -> list[str]:
    paths = []
    for raw in LINK.findall(html):
        url, _fragment = urldefrag(unescape(raw))
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.startswith("/static/"):
            continue
        paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def is_file(name: str) -> bool:
    return name in FILES or bool(FILE_ROUTE.search(project_urls()[name][0]))


def crawl(client, user, on_page=None) -> set[str]:
    """Paths (without query) linked from the pages the user reaches from home and "My page"; `on_page(url,
    html)` is called with every HTML page fetched."""
    starts = [reverse("portal:home")] + ([reverse("portal:dashboard")] if user else [])
    queue = deque(starts)
    fetched: set[str] = set()
    linked: set[str] = set(starts)
    while queue and len(fetched) < MAX_PAGES:
        url = queue.popleft()
        path = urlsplit(url).path
        if path in fetched:
            continue
        fetched.add(path)
        response = client.get(url)
        if response.status_code in {301, 302} and response["Location"].startswith("/"):
            linked.add(urlsplit(response["Location"]).path)  # a redirect leads on to its target
            queue.append(response["Location"])
            continue
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        if on_page:
            on_page(url, html)
        for link in links_on(html):
            link_path = urlsplit(link).path
            linked.add(link_path)
            name = url_name_of(link_path)
            if name and link_path not in fetched and not is_file(name):
                queue.append(link)
    return linked


def pages_to_reach(role: str, world) -> dict[str, str]:
    """Path → URL name of every page `role` may open with 200, filled with the world's objects."""
    urls = project_urls()
    targets = {}
    for name, statuses in EXPECTED.items():
        if statuses[role] != 200 or name in EXEMPT or (role, name) in EXEMPT_FOR_ROLE:
            continue
        targets[url_for(name, urls[name][1], world)] = name
    return targets


@pytest.mark.parametrize("role", IDENTITIES)
def test_every_page_a_role_may_open_is_linked_from_what_it_sees(role, world, client):
    user = world["users"].get(role)
    if user:
        client.force_login(user)
    linked = crawl(client, user)

    unreached = sorted(name for path, name in pages_to_reach(role, world).items() if path not in linked)

    assert unreached == [], f"{role} may open these pages but no link it sees leads to them: {unreached}"
