"""The one place that renders and sends e-mail.

Every e-mail of the platform is made by `render_message` from three templates under one prefix:
`<prefix>/subject.txt` (folded into one line), `<prefix>/body.txt` and, when it exists, `<prefix>/body.html`,
rendered in the recipient's language (default `settings.LANGUAGE_CODE`, Korean). Headers the platform always
sets:
- `Message-ID` with the site's own domain (the host of `SITE_URL`), not the machine's host name;
- `Reply-To` from `settings.EMAIL_REPLY_TO` when set (the sender is a no-reply address);
- `Auto-Submitted: auto-generated` (RFC 3834) unless the caller says a reply is wanted;
- for bulk mail the recipient may opt out of, `List-Unsubscribe: <url>` and
  `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
Bulk mail goes out through the delivery mechanism (`alliance.core.delivery`), which calls `render_message`
per recipient; single transactional e-mails call `send_message` from their task.
"""

from dataclasses import dataclass
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import translation

from alliance.core.korean import resolve_particles


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes | str
    mimetype: str


def site_domain() -> str:
    """The host of `SITE_URL` (no port): the domain of every Message-ID the platform writes."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def _optional_html(name: str, context: dict) -> str | None:
    try:
        template = get_template(name)
    except TemplateDoesNotExist:
        return None
    return template.render(context)


def render_message(
    prefix: str,
    context: dict,
    *,
    to: list[str],
    language: str = "",
    attachments: tuple[Attachment, ...] | list[Attachment] = (),
    unsubscribe_url: str = "",
    reply_wanted: bool = False,
    connection=None,
) -> EmailMultiAlternatives:
    """An unsent e-mail to `to` from the templates under `prefix`, in `language` (default: the site's).

    Every recipient in `to` sees the others: bulk mail makes one message per recipient.
    """
    with translation.override(language or settings.LANGUAGE_CODE):
        # Particles chosen by the word before them (대상을, 젠은), as on every page and document.
        subject = " ".join(resolve_particles(render_to_string(f"{prefix}/subject.txt", context)).split())
        text = resolve_particles(render_to_string(f"{prefix}/body.txt", context))
        html = _optional_html(f"{prefix}/body.html", context)
        html = resolve_particles(html) if html is not None else None
    headers = {"Message-ID": make_msgid(domain=site_domain())}
    if not reply_wanted:
        headers["Auto-Submitted"] = "auto-generated"
    if unsubscribe_url:
        headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    reply_to = [settings.EMAIL_REPLY_TO] if settings.EMAIL_REPLY_TO else None
    message = EmailMultiAlternatives(
        subject=subject, body=text, to=list(to), reply_to=reply_to, headers=headers, connection=connection
    )
    if html is not None:
        message.attach_alternative(html, "text/html")
    for attachment in attachments:
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    return message


def personalised_copy(
    message: EmailMultiAlternatives,
    *,
    to: list[str],
    replacements: dict[str, str],
    unsubscribe_url: str = "",
    extra_headers: dict[str, str] | None = None,
    connection=None,
) -> EmailMultiAlternatives:
    """A copy of a rendered `message` for `to`, with each placeholder of `replacements` in its subject, text and
    HTML replaced (a recipient's personal link), a Message-ID of its own and, when given, List-Unsubscribe.

    For bulk mail whose body is the same for everyone but a link: rendering the templates once and copying is
    what lets a 10,000-recipient newsletter go out in minutes; the headers follow `render_message`'s rules.
    """

    def personal(text: str) -> str:
        for placeholder, value in replacements.items():
            text = text.replace(placeholder, value)
        return text

    headers = {key: value for key, value in message.extra_headers.items() if not key.startswith("List-Unsubscribe")}
    headers["Message-ID"] = make_msgid(domain=site_domain())
    if unsubscribe_url:
        headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    headers.update(extra_headers or {})
    copy = EmailMultiAlternatives(
        subject=personal(message.subject),
        body=personal(message.body),
        from_email=message.from_email,
        to=list(to),
        reply_to=message.reply_to,
        headers=headers,
        connection=connection,
    )
    for content, mimetype in message.alternatives:
        copy.attach_alternative(personal(content), mimetype)
    copy.attachments = list(message.attachments)
    return copy


def send_message(prefix: str, context: dict, *, to: list[str], **options) -> int:
    """Render (see `render_message`) and send one e-mail; returns the number of recipients (0: nobody)."""
    if not to:
        return 0
    render_message(prefix, context, to=to, **options).send()
    return len(to)
