"""An app's url_expectations merged from its areas' `tests/expect_<area>.py` modules (the same names as a
url_expectations module: EXPECTED, POST_DATA and optionally PK_OF, PATH_VALUES, POST_AS, POST_SETUP,
COUNTED_MODELS, build_world), so that areas built in parallel do not edit one file. Used as

    globals().update(merged_areas(AREAS))

by info's, events' and reports' url_expectations (see alliance/core/tests/url_matrix.py)."""

TABLES = ("EXPECTED", "POST_DATA", "PK_OF", "PATH_VALUES", "POST_AS", "POST_SETUP")


def merged_areas(areas) -> dict:
    """The url_expectations names of `areas` merged: each table updated area by area, the counted models in
    order, and one build_world that builds every area's objects into the world."""

    def build_world(world) -> dict:
        added: dict = {}
        for area in areas:
            if hasattr(area, "build_world"):
                new = area.build_world(world)
                world.update(new)
                added.update(new)
        return added

    merged = {name: {} for name in TABLES}
    for area in areas:
        for name in TABLES:
            merged[name].update(getattr(area, name, {}))
    merged["COUNTED_MODELS"] = tuple(model for area in areas for model in getattr(area, "COUNTED_MODELS", ()))
    merged["build_world"] = build_world
    return merged
