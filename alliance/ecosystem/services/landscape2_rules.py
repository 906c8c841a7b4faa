"""What a landscape2 build (cncf/landscape2) requires of a landscape.yml and its logos/, as a checker.

Written from landscape2's own validation (crates/core/src/data/legacy.rs `LandscapeData::validate`, the serde
types it reads the file into, and crates/core/src/util.rs `validate_url`), so an export can be checked here
without the Rust tool:
- the top is `categories:` (or `landscape:`), a list; a category has a non-empty `name` and a `subcategories`
  list; a subcategory a non-empty `name` and an `items` list;
- an item has a non-empty text `name`, unique (exactly) within its subcategory, a non-empty `homepage_url`
  and a non-empty `logo`; the logo is a file in logos/ (the build reads it; an SVG);
- URLs (homepage_url, repo_url, twitter, crunchbase, url_for_bestpractices, additional_repos[].repo_url and
  extra's links such as blog_url, slack_url) parse, with scheme http or https; crunchbase matches
  `https://www.crunchbase.com/organization/<name>`; twitter, youtube, linkedin… links are on their sites;
- dates (`joined`, extra's `accepted`, `incubating`, `graduated`, `archived`, `annual_review_date`) are
  YYYY-MM-DD; `second_path` is a list of text; `enduser`, `unnamed_organization` yes/no; extra's `tag`
  values use only lowercase letters and hyphens; extra's `other_links` each have a name and a url.
"""

import datetime
import re
from pathlib import Path
from urllib.parse import urlsplit

CRUNCHBASE = re.compile(r"^https://www.crunchbase.com/organization/[^/]+/?$")
TAG = re.compile(r"^[a-z\-]+$")
ITEM_URLS = ("homepage_url", "repo_url", "twitter", "crunchbase", "url_for_bestpractices")
DATES = ("accepted", "incubating", "graduated", "archived", "annual_review_date")
BOOLEANS = ("enduser", "unnamed_organization")
EXTRA_URLS = (
    "annual_review", "artwork", "blog", "bluesky", "dev_stats", "discord", "docker", "documentation", "facebook",
    "github_discussions", "gitter", "linkedin", "mailing_list", "package_manager", "pinterest", "reddit", "slack",
    "stack_overflow", "youtube",
)  # fmt: skip
DOMAINS = {
    "bluesky": ("bsky.app",),
    "facebook": ("facebook.com",),
    "linkedin": ("linkedin.com",),
    "pinterest": ("pinterest.com",),
    "reddit": ("reddit.com",),
    "stack_overflow": ("stackoverflow.com",),
    "twitter": ("twitter.com", "x.com"),
    "youtube": ("youtube.com",),
}


def _url_problem(kind: str, url) -> str:
    if not isinstance(url, str):
        return f"invalid {kind} url: not text"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"invalid {kind} url: {url!r}"
    if kind == "crunchbase" and not CRUNCHBASE.match(url):
        return f"invalid crunchbase url: {url!r}"
    if kind in DOMAINS and not (parts.hostname or "").endswith(DOMAINS[kind]):
        return f"invalid {kind} url: expecting https://{'|'.join(DOMAINS[kind])}/..."
    return ""


def _is_date(value) -> bool:
    if isinstance(value, datetime.date):
        return True
    try:
        datetime.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def _item_problems(item: dict, logos: Path | None) -> list[str]:
    problems = []
    for key in ("homepage_url", "logo"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            problems.append(f"{key} is required")
    logo = item.get("logo")
    if isinstance(logo, str) and logo.strip() and logos is not None and not (logos / logo).is_file():
        problems.append(f"logo file logos/{item['logo']} is missing")
    problems += [
        _url_problem(key, item[key]) for key in ITEM_URLS if key in item and item[key] is not None and key != "logo"
    ]
    problems += [
        _url_problem("additional_repository", repo.get("repo_url")) for repo in item.get("additional_repos") or []
    ]
    if "joined" in item and not _is_date(item["joined"]):
        problems.append("joined is not a date")
    if "second_path" in item and not (
        isinstance(item["second_path"], list) and all(isinstance(p, str) for p in item["second_path"])
    ):
        problems.append("second_path is not a list of text")
    problems += [f"{key} is not yes/no" for key in BOOLEANS if key in item and not isinstance(item[key], bool)]
    extra = item.get("extra")
    if extra is not None:
        if not isinstance(extra, dict):
            return [*problems, "extra is not a mapping"]
        problems += [f"extra.{key} is not a date" for key in DATES if key in extra and not _is_date(extra[key])]
        problems += [
            _url_problem(kind, extra[f"{kind}_url"]) for kind in EXTRA_URLS if extra.get(f"{kind}_url") is not None
        ]
        problems += [f"invalid tag {tag!r}" for tag in extra.get("tag") or [] if not TAG.match(str(tag))]
        for link in extra.get("other_links") or []:
            if not link.get("name") or not link.get("url"):
                problems.append("other_links need a name and a url")
    return [problem for problem in problems if problem]


def landscape2_problems(document, logos: Path | None = None) -> list[str]:
    """Every rule of landscape2 the parsed YAML `document` breaks, as "where: what" lines ([] = accepted).
    `logos`, when given, is the logos/ folder the build would read."""
    categories = document.get("categories", document.get("landscape")) if isinstance(document, dict) else None
    if not isinstance(categories, list):
        return ["the file has no categories list"]
    problems = []
    for c_index, category in enumerate(categories):
        name = category.get("name") if isinstance(category, dict) else None
        where = f"category [{name or c_index}]"
        if not isinstance(name, str) or not name:
            problems.append(f"{where}: name is required")
        subcategories = category.get("subcategories") if isinstance(category, dict) else None
        if not isinstance(subcategories, list):
            problems.append(f"{where}: subcategories is required (a list)")
            continue
        for s_index, sub in enumerate(subcategories):
            sub_where = f"{where} / subcategory [{sub.get('name') or s_index}]"
            if not isinstance(sub.get("name"), str) or not sub["name"]:
                problems.append(f"{sub_where}: name is required")
            if not isinstance(sub.get("items"), list):
                problems.append(f"{sub_where}: items is required (a list)")
                continue
            seen = set()
            for i_index, item in enumerate(sub["items"]):
                item_name = item.get("name")
                item_where = f"{sub_where} / item [{item_name or i_index}]"
                if not isinstance(item_name, str) or not item_name:
                    problems.append(f"{item_where}: name is required")
                elif item_name in seen:
                    problems.append(f"{item_where}: duplicate item name")
                seen.add(item_name)
                problems += [f"{item_where}: {problem}" for problem in _item_problems(item, logos)]
    return problems
