"""landscape.yml: both forms read, refusals with line and reason, logos, the CNCF file, round trips."""

import time
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.utils.translation import gettext

from alliance.core.tests.confirming import carried_fields, confirmation_token, post_confirmed
from alliance.ecosystem.models import Placement, Player, Taxonomy, TaxonomyNode
from alliance.ecosystem.services.landscape_import import export_landscape, import_landscape
from alliance.ecosystem.services.landscape_yml import LandscapeError, parse_landscape, read_landscape_file
from alliance.ecosystem.tests.factories import PlacementFactory, PlayerFactory, small_taxonomy
from alliance.ecosystem.views.landscape_yml import LOGOS_NOT_UPLOADED, UPLOAD_GONE

CNCF = Path("/work/shared/data/cncf-landscape.yml")
if not CNCF.exists():  # the shared reference data, also kept beside the repository in CI
    CNCF = Path(__file__).resolve().parents[3] / "../shared/data/cncf-landscape.yml"

CURRENT = """\
categories:
  - name: XR 기기
    subcategories:
      - name: HMD
        items:
          - name: 가상기기
            homepage_url: https://vr.example.kr
            logo: vr.svg
            repo_url: https://git.example.kr/vr
          - name: 헤드셋랩
            description: 경량 헤드셋
      - name: 빈 분류
        items: []
  - name: 플랫폼
    subcategories:
      - name: 소셜
        items:
          - name: 가상기기
"""

OLDER = """\
landscape:
  - category:
    name: XR 기기
    subcategories:
      - subcategory:
        name: HMD
        items:
          - item:
            name: 가상기기
            homepage_url: https://vr.example.kr
"""

LOGO = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'


def structure(categories, name=str) -> dict:
    """{category: {subcategory: sorted item names}} of parsed Landscape categories."""
    return {
        category.name: {sub.name: sorted(name(item.name) for item in sub.items) for sub in category.subcategories}
        for category in categories
    }


def test_parse_current_form_keeps_unmodelled_keys():
    landscape = parse_landscape(CURRENT)

    assert structure(landscape.categories) == {
        "XR 기기": {"HMD": ["가상기기", "헤드셋랩"], "빈 분류": []},
        "플랫폼": {"소셜": ["가상기기"]},
    }
    first = landscape.categories[0].subcategories[0].items[0]
    assert (first.line, first.homepage, first.logo, first.extra) == (
        6,
        "https://vr.example.kr",
        "vr.svg",
        {"repo_url": "https://git.example.kr/vr"},
    )


def test_parse_older_form():
    landscape = parse_landscape(OLDER)

    assert structure(landscape.categories) == {"XR 기기": {"HMD": ["가상기기"]}}
    assert landscape.categories[0].subcategories[0].items[0].extra == {}


def test_parse_item_without_name_is_refused_with_line():
    text = CURRENT.replace("          - name: 헤드셋랩\n", "          - homepage_url: https://x.example.kr\n")

    with pytest.raises(LandscapeError) as error:
        parse_landscape(text)

    assert len(error.value.errors) == 1
    assert "10" in error.value.errors[0]


def test_parse_duplicate_item_in_subcategory_is_refused_with_both_lines():
    text = CURRENT.replace("          - name: 헤드셋랩", "          - name: 가상기기")

    with pytest.raises(LandscapeError) as error:
        parse_landscape(text)

    assert len(error.value.errors) == 1
    assert all(part in error.value.errors[0] for part in ("10", "6", "가상기기", "HMD"))


def test_parse_duplicate_by_player_key_in_subcategory_is_refused_with_both_lines():
    text = CURRENT.replace("          - name: 헤드셋랩", "          - name: 가상 기기")

    with pytest.raises(LandscapeError) as error:
        parse_landscape(text)

    assert error.value.errors == [
        gettext(
            "Line %(line)s: “%(name)s” is the same company as “%(first_name)s” on line %(first)s in the subcategory "
            "“%(subcategory)s” (names are compared without case or spacing)."
        )
        % {"line": 10, "name": "가상 기기", "first_name": "가상기기", "subcategory": "HMD", "first": 6}
    ]


@pytest.mark.parametrize(
    ("key", "text", "line", "owner", "kind"),
    [
        (
            "items",
            CURRENT.replace("        items: []\n", "        items:\n          name: 외톨이\n"),
            14,
            "빈 분류",
            "a mapping (key: value lines)",
        ),
        ("items", CURRENT.replace("        items: []\n", "        items: 외톨이\n"), 12, "빈 분류", "a single value"),
        (
            "subcategories",
            CURRENT.replace(
                "    subcategories:\n      - name: 소셜\n        items:\n          - name: 가상기기\n",
                "    subcategories:\n      name: 소셜\n",
            ),
            16,
            "플랫폼",
            "a mapping (key: value lines)",
        ),
    ],
)
def test_parse_list_given_as_something_else_is_refused_with_line(key, text, line, owner, kind):
    with pytest.raises(LandscapeError) as error:
        parse_landscape(text)

    assert error.value.errors == [
        gettext("Line %(line)s: “%(key)s:” of “%(owner)s” must be a list (one “- ” entry each), not %(kind)s.")
        % {"line": line, "key": key, "owner": owner, "kind": gettext(kind)}
    ]


@pytest.mark.parametrize(
    ("name", "kind"),
    [("[가상, 기기]", "a list"), ("{first: 가상}", "a mapping (key: value lines)"), ("yes", "yes/no")],
)
def test_parse_item_name_that_is_not_text_is_refused_with_line(name, kind):
    text = CURRENT.replace("          - name: 헤드셋랩", f"          - name: {name}")

    with pytest.raises(LandscapeError) as error:
        parse_landscape(text)

    assert error.value.errors == [
        gettext("Line %(line)s: the name of a %(what)s must be text, not %(kind)s.")
        % {"line": 10, "what": gettext("item"), "kind": gettext(kind)}
    ]


def test_parse_empty_items_and_numeric_name_accepted():
    text = CURRENT.replace("        items: []\n", "        items:\n").replace("name: 헤드셋랩", "name: 2048")

    landscape = parse_landscape(text)

    assert structure(landscape.categories)["XR 기기"] == {"HMD": ["2048", "가상기기"], "빈 분류": []}


def test_parse_bad_yaml_is_refused_with_line():
    with pytest.raises(LandscapeError) as error:
        parse_landscape("categories:\n  - name: [unclosed\n  - name: b\n")

    assert len(error.value.errors) == 1
    assert "3" in error.value.errors[0]


def test_parse_unknown_shape_is_refused():
    with pytest.raises(LandscapeError):
        parse_landscape("items:\n  - name: a\n")


def test_read_file_warns_about_missing_logo_only(tmp_path):
    path = tmp_path / "xr.yml"
    path.write_text(CURRENT, encoding="utf-8")

    landscape = read_landscape_file(path)

    assert len(landscape.warnings) == 1
    assert "vr.svg" in landscape.warnings[0]


@pytest.mark.django_db
def test_import_maps_categories_and_places_repeated_item_as_secondary(tmp_path):
    path = tmp_path / "xr.yml"
    path.write_text(CURRENT, encoding="utf-8")
    (tmp_path / "logos").mkdir()
    (tmp_path / "logos" / "vr.svg").write_bytes(LOGO)

    result = import_landscape(
        actor=None, landscape=read_landscape_file(path), year=2026, domain_name="xr", logo_dir=tmp_path / "logos"
    )

    assert (result.items, result.players_created, result.placements_created, result.logos) == (3, 2, 2, 1)
    placement = Placement.objects.get(player__name="가상기기")
    assert placement.primary.path == ["xr", "XR 기기", "XR 기기", "HMD"]
    assert [node.path for node in placement.secondary.all()] == [["xr", "플랫폼", "플랫폼", "소셜"]]
    assert placement.status == Placement.Status.CONFIRMED
    player = placement.player
    assert (player.homepage, player.landscape_extra["repo_url"], player.sources["name"]["source"]) == (
        "https://vr.example.kr",
        "https://git.example.kr/vr",
        "import",
    )
    assert player.logo.name.startswith("ecosystem/logos/")
    assert player.logo.name.endswith(".svg")


@pytest.mark.django_db
def test_import_refused_file_writes_nothing(tmp_path):
    path = tmp_path / "bad.yml"
    path.write_text(CURRENT.replace("- name: 소셜", "- description: 이름 없음"), encoding="utf-8")

    with pytest.raises(CommandError) as error:
        call_command("import_landscape", str(path), "--year", "2026")

    assert "16" in str(error.value)
    assert (Taxonomy.objects.count(), Player.objects.count(), TaxonomyNode.objects.count()) == (0, 0, 0)


@pytest.mark.django_db
def test_import_into_year_with_same_domain_twice_is_refused(tmp_path):
    path = tmp_path / "xr.yml"
    path.write_text(CURRENT, encoding="utf-8")
    call_command("import_landscape", str(path), "--year", "2026", stdout=StringIO(), stderr=StringIO())

    with pytest.raises(CommandError):
        call_command("import_landscape", str(path), "--year", "2026", stdout=StringIO(), stderr=StringIO())
    assert Player.objects.count() == 2


@pytest.mark.django_db
def test_round_trip_export_then_import_gives_same_structure(tmp_path):
    source = tmp_path / "in" / "xr.yml"
    source.parent.mkdir()
    source.write_text(CURRENT, encoding="utf-8")
    (source.parent / "logos").mkdir()
    (source.parent / "logos" / "vr.svg").write_bytes(LOGO)
    call_command("import_landscape", str(source), "--year", "2026", stdout=StringIO(), stderr=StringIO())
    exported = tmp_path / "out" / "landscape.yml"
    exported.parent.mkdir()

    call_command("export_landscape", "--year", "2026", "--out", str(exported), stdout=StringIO())
    call_command("import_landscape", str(exported), "--year", "2027", stdout=StringIO(), stderr=StringIO())
    again = tmp_path / "again.yml"
    export_landscape(year=2027, out_path=again)

    original = read_landscape_file(source)
    round_tripped = read_landscape_file(exported)
    assert structure(round_tripped.categories) == structure(original.categories)
    assert round_tripped.warnings == []
    assert again.read_text(encoding="utf-8") == exported.read_text(encoding="utf-8")
    first = round_tripped.categories[0].subcategories[0].items[0]
    stored = Player.objects.get(name="가상기기").logo.name
    assert (first.name, first.homepage, first.extra["repo_url"], first.logo) == (
        "가상기기",
        "https://vr.example.kr",
        "https://git.example.kr/vr",
        Path(stored).name,
    )
    assert sorted(path.name for path in (exported.parent / "logos").iterdir()) == [Path(stored).name]


@pytest.mark.django_db
def test_export_names_only_logos_it_has_stored(tmp_path):
    tree = small_taxonomy()
    for name, logo, extra in (
        ("로고있음", "ecosystem/logos/" + "a" * 64 + ".svg", {}),
        ("파일없음", "ecosystem/logos/" + "b" * 64 + ".svg", {}),
        ("불러온이름만", "", {"logo": "ghost.svg", "twitter": "https://x.example/g"}),
    ):
        player = PlayerFactory(name=name, logo=logo, landscape_extra=extra, description="")
        PlacementFactory(player=player, primary=tree["software"], status=Placement.Status.CONFIRMED)
    default_storage.save("ecosystem/logos/" + "a" * 64 + ".svg", ContentFile(LOGO))
    out = tmp_path / "map.yml"

    counts = export_landscape(year=2026, out_path=out)

    items = yaml.safe_load(out.read_text(encoding="utf-8"))["categories"][1]["subcategories"][0]["items"]
    assert items == [
        {"name": "로고있음", "logo": "a" * 64 + ".svg"},
        {"name": "불러온이름만", "twitter": "https://x.example/g"},
        {"name": "파일없음"},
    ]
    assert counts["logos"] == 1
    assert [path.name for path in (tmp_path / "logos").iterdir()] == ["a" * 64 + ".svg"]
    assert (tmp_path / "logos" / ("a" * 64 + ".svg")).read_bytes() == LOGO


@pytest.mark.django_db
def test_export_our_taxonomy_puts_category_players_in_same_named_subcategory(tmp_path):
    tree = small_taxonomy()
    PlacementFactory(player=PlayerFactory(name="하드"), primary=tree["hardware"], status=Placement.Status.CONFIRMED)
    PlacementFactory(player=PlayerFactory(name="엑스"), primary=tree["xr"], status=Placement.Status.CONFIRMED)
    PlacementFactory(player=PlayerFactory(name="초안"), primary=tree["xr"])
    out = tmp_path / "map.yml"

    export_landscape(year=2026, out_path=out)

    document = yaml.safe_load(out.read_text(encoding="utf-8"))
    hardware = document["categories"][0]
    assert hardware == {
        "name": "하드웨어",
        "subcategories": [
            {"name": "하드웨어", "items": [{"name": "하드", "description": "메타버스 플랫폼을 개발하는 기업입니다."}]},
            {
                "name": "XR 디바이스",
                "items": [{"name": "엑스", "description": "메타버스 플랫폼을 개발하는 기업입니다."}],
            },
            {"name": "센서", "items": []},
        ],
    }
    assert [category["name"] for category in document["categories"]] == ["하드웨어", "소프트웨어", "클라우드", "교육"]


@pytest.mark.django_db
def test_cncf_landscape_loads_completely_and_round_trips(tmp_path):
    started = time.perf_counter()
    out = StringIO()
    call_command("import_landscape", str(CNCF), "--year", "2026", "--format", "json", stdout=out)
    elapsed = time.perf_counter() - started
    original = read_landscape_file(CNCF)

    exported = tmp_path / "cncf.yml"
    export_landscape(year=2026, out_path=exported)

    assert original.item_count == 2413
    names = {
        item.name.casefold().replace(" ", "") for c in original.categories for s in c.subcategories for item in s.items
    }
    # One player per name key and shared homepage or repository: "openGauss" and "OpenGauss" share their
    # repository (one player), the two "DeepFlow" entries share neither (two players).
    assert Player.objects.count() == len(names) + 1
    assert Player.objects.filter(name="DeepFlow").count() == 2
    again = read_landscape_file(exported)
    assert structure(again.categories) == structure(original.categories)
    # The CNCF file names logos, but none came with it: the export claims none.
    assert [item.logo for c in again.categories for s in c.subcategories for item in s.items if item.logo] == []
    assert (again.warnings, (tmp_path / "logos").exists()) == ([], False)
    assert elapsed < 30, f"import took {elapsed:.1f} s"


@pytest.mark.django_db
def test_import_page_loads_file_and_lists_missing_logo_warnings(client, staff_user):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    small_taxonomy()
    client.force_login(staff_user)

    url = reverse("ecosystem:landscape_import", args=[2026])
    upload = SimpleUploadedFile("xr.yml", CURRENT.encode(), content_type="application/yaml")

    response = post_confirmed(client, url, {"file": upload, "domain": ""})

    assert (response.context["result"].domain.name, response.context["result"].items) == ("xr", 3)
    assert len(response.context["warnings"]) == 1
    assert "1" in response.context["warnings"][0]
    assert Placement.objects.filter(taxonomy__year=2026, primary__taxonomy__year=2026).count() == 2


@pytest.mark.django_db
def test_import_page_refuses_bad_file_with_lines_and_writes_nothing(client, staff_user):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    small_taxonomy()
    client.force_login(staff_user)
    bad = CURRENT.replace("          - name: 헤드셋랩", "          - name: 가상기기")

    response = client.post(
        reverse("ecosystem:landscape_import", args=[2026]),
        {"file": SimpleUploadedFile("xr.yml", bad.encode(), content_type="application/yaml")},
    )

    assert len(response.context["errors"]) == 1
    assert "10" in response.context["errors"][0]
    assert Player.objects.count() == 0


@pytest.mark.django_db
def test_import_page_refuses_other_file_types(client, staff_user):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    small_taxonomy()
    client.force_login(staff_user)

    response = client.post(
        reverse("ecosystem:landscape_import", args=[2026]),
        {"file": SimpleUploadedFile("xr.xlsx", b"PK\x03\x04", content_type="application/vnd.ms-excel")},
    )

    assert list(response.context["form"].errors) == ["file"]


@pytest.mark.django_db
def test_landscape_yml_download_round_trips(client):
    from django.urls import reverse

    tree = small_taxonomy()
    PlacementFactory(player=PlayerFactory(name="엑스"), primary=tree["xr"], status=Placement.Status.CONFIRMED)

    response = client.get(reverse("ecosystem:landscape_yml", args=[2026]))

    landscape = parse_landscape(response.content.decode())
    assert structure(landscape.categories)["하드웨어"] == {"XR 디바이스": ["엑스"], "센서": []}
    assert response["Content-Disposition"] == 'attachment; filename="ecosystem-2026-landscape.yml"'


@pytest.mark.django_db
def test_import_refuses_items_given_as_a_mapping_and_writes_nothing(tmp_path):
    path = tmp_path / "bad.yml"
    path.write_text(
        CURRENT.replace("        items: []\n", "        items:\n          name: 외톨이\n"), encoding="utf-8"
    )

    with pytest.raises(CommandError) as error:
        call_command("import_landscape", str(path), "--year", "2026")

    assert "14" in str(error.value)
    assert (Taxonomy.objects.count(), Player.objects.count(), TaxonomyNode.objects.count()) == (0, 0, 0)


@pytest.mark.django_db
def test_import_page_first_post_stores_the_file_and_only_says_what_it_would_do(client, staff_user, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    settings.LANGUAGE_CODE = "ko"
    small_taxonomy()
    PlayerFactory(name="헤드셋랩", homepage="")
    client.force_login(staff_user)
    url = reverse("ecosystem:landscape_import", args=[2026])

    page = client.post(
        url, {"file": SimpleUploadedFile("xr.yml", CURRENT.encode(), content_type="application/yaml"), "domain": ""}
    )

    confirmation = page.context["confirmation"]
    stored = default_storage.listdir("imports/landscape")[1]
    assert (page.status_code, confirmation.count, len(stored)) == (200, 2, 1)
    assert (Player.objects.count(), TaxonomyNode.objects.filter(name="xr").count()) == (1, 0)
    assert Placement.objects.count() == 0
    assert "새 기업 1개사를 만들고" in page.content.decode()
    assert confirmation.warnings[0] == response_warning_logos(1)
    response = client.post(url, {"upload": carried_fields(page)["upload"], "confirmed": confirmation_token(page)})
    assert (response.context["result"].players_created, response.context["result"].players_matched) == (1, 1)
    assert (Player.objects.count(), Placement.objects.count()) == (2, 2)
    assert default_storage.listdir("imports/landscape")[1] == []
    again = client.post(url, {"upload": carried_fields(page)["upload"], "confirmed": confirmation_token(page)})
    assert (again.context["errors"], Player.objects.count()) == ([gettext(str(UPLOAD_GONE))], 2)


@pytest.mark.django_db
def test_import_page_forged_upload_reference_is_refused(client, staff_user):
    from django.urls import reverse

    small_taxonomy()
    client.force_login(staff_user)

    response = client.post(
        reverse("ecosystem:landscape_import", args=[2026]), {"upload": "imports/landscape/x.yml", "confirmed": "x"}
    )

    assert (response.context["errors"], Player.objects.count()) == ([gettext(str(UPLOAD_GONE))], 0)


def response_warning_logos(count: int) -> str:
    return str(LOGOS_NOT_UPLOADED % {"count": count})
