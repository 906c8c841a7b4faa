"""The read-only JSON API of published snapshots, for partner agencies' own use.

GET /api/ecosystem/snapshots.json lists them, newest first:

    {"snapshots": [{"year": 2025, "slug": "2025", "published_at": "…", "url": "/api/ecosystem/snapshots/2025.json"}]}

GET /api/ecosystem/snapshots/<slug>.json returns a published snapshot, never changing (a snapshot is
immutable), so it is cacheable for a year and readable from any origin. It is computed once, when the snapshot
is published, and served as stored, gzip-compressed to clients that accept it, with a strong ETag (304 Not
Modified to a matching If-None-Match). Like the public map it carries no
contacts and no exact figures: a placement has its revenue band and its technology score, not its revenue,
employees, patents, R&D share, certifications or awards (alliance/ecosystem/snapshot_api.py):

    {
      "format": 2,                       # version of this shape (see "Versions" below)
      "year": 2025,
      "slug": "2025",
      "published_at": "2026-01-15T09:00:00+09:00",
      "revenue_bands": [                 # what "revenue_band" names; bounds in KRW million (백만원), inclusive
        {"key": "unknown", "min": null, "max": null},       # not disclosed
        {"key": "under-1b", "min": 0, "max": 999},
        {"key": "1b-10b", "min": 1000, "max": 9999},
        {"key": "10b-100b", "min": 10000, "max": 99999},
        {"key": "over-100b", "min": 100000, "max": null}],
      "categories": [                    # every taxonomy node, in tree order
        {"id": 12, "level": "domain" | "layer" | "category" | "subcategory", "name": "하드웨어",
         "path": ["핵심산업 영역", "기반 부문", "하드웨어"], "ksic_codes": ["26111"]}, ...],
      "technologies": ["XR 디바이스", ...],
      "fields": ["교육·훈련", ...],
      "players": [                       # sorted by name; "id" is stable across years
        {"id": 7, "name": "주식회사 젠", "member": true,
         "member_category": "large" | "medium" | "small" | "agency" | "nonprofit" | "university" | null,
         "region": "서울", "homepage": "https://…", "founded_year": 2015, "description": "…",
         "logo": "/ecosystem/logos/<sha256>.svg" | null}, ...],
      "placements": [                    # confirmed placements, sorted by player name
        {"player": 7, "category": ["핵심산업 영역", "기반 부문", "하드웨어", "XR 디바이스"],
         "secondary": [[...]], "technologies": ["디지털 트윈"], "fields": ["제조·건설"],
         "revenue_band": "1b-10b", "technology_score": 29.0}, ...]      # score 0–100, /ecosystem/score/
    }

Versions: keys are only added within a format. Format 1 (until December 2026) carried each placement's
exact "revenue", "employees", "patents", "rd_staff_share", "certifications" and "awards"; format 2
replaces them by "revenue_band" and adds "revenue_bands", "member_category" and "logo" (null where a
snapshot frozen before them does not hold them).
"""

from django.http import Http404, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from alliance.core import downloads
from alliance.core.permissions import public
from alliance.core.ratelimit import rate_limited
from alliance.ecosystem import queries
from alliance.ecosystem.services.snapshot_files import api_file


@public
@rate_limited("api")
def snapshot_index_json(request):
    listing = [
        {
            "year": snapshot.year,
            "slug": snapshot.slug,
            "published_at": snapshot.published_at.isoformat(),
            "url": reverse("ecosystem:snapshot_api", args=[snapshot.slug]),
        }
        for snapshot in queries.published_snapshots()
    ]
    response = JsonResponse({"snapshots": listing}, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "public, max-age=300"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@public
@rate_limited("api")
@require_safe
def snapshot_json(request, slug: str):
    """The document computed when the snapshot was published (services/snapshot_files.py), with its ETag: a
    client or proxy holding it gets 304 Not Modified."""
    stored = api_file(slug)
    if stored is None:
        raise Http404
    response = downloads.stored_file_response(
        request,
        stored.file,
        compressed=stored.compressed,
        etag=stored.etag,
        content_type=downloads.JSON,
        cache_control="public, max-age=31536000, immutable",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
