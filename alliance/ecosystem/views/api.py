"""The read-only JSON API of published snapshots, for partner agencies' own use.

GET /api/ecosystem/snapshots.json lists them, newest first:

    {"snapshots": [{"year": 2025, "slug": "2025", "published_at": "…", "url": "/api/ecosystem/snapshots/2025.json"}]}

GET /api/ecosystem/snapshots/<slug>.json returns the frozen document as published, never changing
(a snapshot is immutable), so it is cacheable for a year and readable from any origin:

    {
      "format": 1,                       # version of this shape; keys are only ever added
      "year": 2025,
      "slug": "2025",
      "published_at": "2026-01-15T09:00:00+09:00",
      "categories": [                    # every taxonomy node, in tree order
        {"id": 12, "level": "domain" | "layer" | "category" | "subcategory", "name": "하드웨어",
         "path": ["핵심산업 영역", "기반 부문", "하드웨어"], "ksic_codes": ["26111"]}, ...],
      "technologies": ["XR 디바이스", ...],
      "fields": ["교육·훈련", ...],
      "players": [                       # sorted by name; "id" is stable across years
        {"id": 7, "name": "주식회사 젠", "member": true, "region": "서울", "homepage": "https://…",
         "founded_year": 2015, "description": "…"}, ...],
      "placements": [                    # confirmed placements, sorted by player name
        {"player": 7, "category": ["핵심산업 영역", "기반 부문", "하드웨어", "XR 디바이스"],
         "secondary": [[...]], "technologies": ["디지털 트윈"], "fields": ["제조·건설"],
         "revenue": 1200, "employees": 35,          # revenue in KRW million (백만원)
         "patents": 4, "rd_staff_share": 30.0, "certifications": 1, "awards": 0,
         "technology_score": 29.0}, ...]
    }
"""

from django.http import Http404, JsonResponse
from django.urls import reverse

from alliance.ecosystem import queries


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


def snapshot_json(request, slug: str):
    snapshot = queries.snapshot_by_slug(slug)
    if snapshot is None:
        raise Http404
    document = {
        "format": snapshot.data.get("format", 1),
        "year": snapshot.year,
        "slug": snapshot.slug,
        "published_at": snapshot.published_at.isoformat(),
        **{key: snapshot.data[key] for key in ("categories", "technologies", "fields", "players", "placements")},
    }
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["Access-Control-Allow-Origin"] = "*"
    return response
