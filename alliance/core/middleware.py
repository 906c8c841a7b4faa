"""Project middleware: the request size limit, the Korean-first language choice, Korean particles and the
compression of pages.

RequestSizeLimitMiddleware refuses a request body larger than MAX_REQUEST_BYTES before anything reads it.

Forms check each upload's size with a Korean message naming the file, but only once Django has received
the whole body; a body announced as larger than any accepted upload (MAX_UPLOAD_BYTES plus room for the
form's other fields) is answered at once with 413 and a Korean page, so nothing spools it to disk. A web
server in front should set the same limit (nginx `client_max_body_size`) for bodies without a length.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.utils import translation

from alliance.core.korean import resolve_particles, size_label


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            context = {"limit": size_label(settings.MAX_UPLOAD_BYTES)}
            return render(request, "413.html", context, status=413)
        return self.get_response(request)


class KoreanFirstLocaleMiddleware(LocaleMiddleware):
    """Korean unless the visitor chose English with the language switch (Django's language cookie).

    Django's LocaleMiddleware follows the browser's Accept-Language, so a Korean secretariat on a computer
    set up in English would get English pages; the platform is Korean first, and English is one click away.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class KoreanParticlesMiddleware:
    """Every page's Korean particles chosen by the word before them (`젠을`, `대상을`, not `을(를)`).

    Messages are translated before the name they carry is known, so the catalogue writes `%(name)s을(를)`;
    once the page is rendered the name is there and `resolve_particles` keeps the one form Korean uses. On the
    page as a whole, so messages, form errors and templates are all covered without each call site knowing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
            return response
        charset = response.charset or "utf-8"
        text = response.content.decode(charset, errors="surrogateescape")
        resolved = resolve_particles(text)
        if resolved != text:
            response.content = resolved.encode(charset, errors="surrogateescape")
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response


# Answers worth compressing: pages, fragments, feeds, JSON, SVG. PDF, XLSX, DOCX, images and archives are
# compressed already; compressing them again costs the server time and saves nothing.
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/xml",
    "application/atom+xml",
    "application/rss+xml",
    "application/javascript",
    "image/svg+xml",
)


class TextCompressionMiddleware(GZipMiddleware):
    """Pages and other text answers gzip-compressed for browsers that accept it, whether or not a proxy in front
    compresses (a phone on a slow network gets a directory page of ~5 KB instead of ~22 KB).

    Django's GZipMiddleware, with its BREACH mitigation (random padding in the gzip header; CSRF tokens are
    masked per response). Streamed downloads and already-compressed files pass untouched; static files never
    reach it (WhiteNoise, above it, serves their precompressed copies).
    """

    def process_response(self, request, response):
        if response.streaming or not response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES):
            return response
        return super().process_response(request, response)
