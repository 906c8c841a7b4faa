"""The Content-Security-Policy, and templates that keep to it: no inline script, style or event handler."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

TEMPLATE_ROOTS = [settings.BASE_DIR / "alliance"]
SCRIPT_WITH_BODY = re.compile(r"<script\b[^>]*>(?P<body>.*?)</script>", re.S | re.I)
STYLE_ELEMENT = re.compile(r"<style\b", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.S | re.I)
HANDLER_ATTRIBUTE = re.compile(r"<[a-z][^>]*\s(?:on[a-z]+|hx-on[:-][^\s=]*)\s*=", re.S | re.I)
TEMPLATE_COMMENT = re.compile(r"{#.*?#}|{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S)


def project_templates() -> list[Path]:
    return sorted(
        path for root in TEMPLATE_ROOTS for path in root.rglob("*.html") if "templates" in path.relative_to(root).parts
    )


def is_email_body(path: Path) -> bool:
    """An HTML e-mail (a template under an `email` folder): mail clients read only inline styles, and the page
    that previews one serves it under its own policy allowing them (info's edition preview), so its style
    attributes are allowed; scripts and handlers are not."""
    return "email" in path.parts


def inline_code(text: str, *, email: bool = False) -> list[str]:
    """What in one template's text would need 'unsafe-inline' under the policy (for an e-mail: what no mail
    should carry)."""
    text = TEMPLATE_COMMENT.sub("", text)
    bodies = [m.group("body").strip() for m in SCRIPT_WITH_BODY.finditer(text)]
    found = [f"<script> with a body: {body[:40]!r}" for body in bodies if body]
    found += [f"<style> element at offset {m.start()}" for m in STYLE_ELEMENT.finditer(text)]
    if not email:
        found += [f"style= attribute at offset {m.start()}" for m in STYLE_ATTRIBUTE.finditer(text)]
    found += [f"event handler attribute at offset {m.start()}" for m in HANDLER_ATTRIBUTE.finditer(text)]
    return found


def csp_directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


@pytest.mark.django_db
def test_home_sends_content_security_policy(client):
    response = client.get(reverse("portal:home"))

    directives = csp_directives(response)

    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert [name for name, values in directives.items() if "'unsafe-inline'" in values] == []


@pytest.mark.django_db
def test_login_page_sends_frame_and_sniffing_protection(client):
    response = client.get(reverse("core:login"))

    assert (response["X-Frame-Options"], response["X-Content-Type-Options"]) == ("DENY", "nosniff")


def test_templates_found_to_scan():
    names = {path.name for path in project_templates()}

    assert {"base.html", "login.html", "locked_out.html"} <= names


def test_templates_have_no_inline_script_style_or_handlers():
    offenders = {
        str(path.relative_to(settings.BASE_DIR)): problems
        for path in project_templates()
        if (problems := inline_code(path.read_text(encoding="utf-8"), email=is_email_body(path)))
    }

    assert offenders == {}


@pytest.mark.parametrize(
    ("snippet", "problems"),
    [
        ('<script src="/static/js/a.js" defer></script>', []),
        ("<script>alert(1)</script>", ["<script> with a body: 'alert(1)'"]),
        ('<p style="color: red">', ["style= attribute at offset 0"]),
        ('<button type="button" onclick="go()">', ["event handler attribute at offset 0"]),
        ('<a href="/" data-on-click="x">', []),
        ('<form hx-on:submit="go()">', ["event handler attribute at offset 0"]),
        ("{# <p style='x'> #}<p>", []),
        ("<style>p{}</style>", ["<style> element at offset 0"]),
    ],
)
def test_inline_code_detects_what_the_policy_blocks(snippet, problems):
    assert inline_code(snippet) == problems


def test_an_email_body_may_style_inline_but_not_script():
    text = '<td style="padding:0"><a href="/" onclick="go()">x</a><script>x()</script></td>'

    assert inline_code(text, email=True) == ["<script> with a body: 'x()'", "event handler attribute at offset 22"]
