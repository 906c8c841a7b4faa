"""Organisation logos at their `logo.url` (/media/logos/<name>): the only files of MEDIA_ROOT on the web.

Public, like the directory that shows them. Only names of the logo pattern are served, from logos/ and with
the content type of their extension; anything else is 404 (import sheets and rejected-row reports under
MEDIA_ROOT never are).
"""

from django.http import Http404
from django.views.decorators.http import require_GET

from alliance.core.files import image_response
from alliance.core.permissions import public
from alliance.members.logos import CONTENT_ADDRESSED, CONTENT_TYPES, LOGO_DIR, LOGO_FILE_NAME
from alliance.members.models import Organisation


@public
@require_GET
def logo_file(request, logo_name: str):
    match = LOGO_FILE_NAME.match(logo_name)
    if match is None:
        raise Http404
    storage = Organisation._meta.get_field("logo").storage
    return image_response(
        storage,
        LOGO_DIR + logo_name,
        CONTENT_TYPES[match.group("extension")],
        immutable=bool(CONTENT_ADDRESSED.match(match.group("stem"))),
    )
