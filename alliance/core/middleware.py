"""Refuse a request body larger than MAX_REQUEST_BYTES before anything reads it.

Forms check each upload's size with a Korean message naming the file, but only once Django has received
the whole body; a body announced as larger than any accepted upload (MAX_UPLOAD_BYTES plus room for the
form's other fields) is answered at once with 413 and a Korean page, so nothing spools it to disk. A web
server in front should set the same limit (nginx `client_max_body_size`) for bodies without a length.
"""

from django.conf import settings
from django.shortcuts import render

from alliance.core.korean import size_label


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
