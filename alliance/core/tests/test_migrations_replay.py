"""Migrations replay on a fresh database without today's application code.

A data migration that imports the application (a model's helper, a service, the search index) runs today's
code against the schema of its own time: once that code changes, replaying old migrations breaks or, worse,
writes something else. So a migration file imports nothing from `alliance` except what `makemigrations`
writes for its schema operations: a top-level `import alliance.<app>.models...` for a field's callable
default or a model's manager, which Django itself requires to stay importable. Data migrations copy what
they need (constants, a few lines of logic) and use `apps.get_model`.
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings

MIGRATION_FILES = sorted(Path(settings.BASE_DIR, "alliance").glob("*/migrations/0*.py"))


def _is_schema_reference(module: str) -> bool:
    """What makemigrations writes: `import alliance.<app>.models[.<module>]`."""
    parts = module.split(".")
    return len(parts) >= 3 and parts[0] == "alliance" and parts[2] == "models"


def forbidden_imports(source: str) -> list[str]:
    tree = ast.parse(source)
    top_level = set(tree.body)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "alliance":
            found.append(f"line {node.lineno}: from {node.module} import ...")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] != "alliance":
                    continue
                if node not in top_level or not _is_schema_reference(alias.name):
                    found.append(f"line {node.lineno}: import {alias.name}")
    return found


def test_there_are_migrations_to_scan():
    assert len(MIGRATION_FILES) > 20


def test_no_migration_imports_application_code():
    offenders = {
        f"{path.parent.parent.name}/{path.name}": found
        for path in MIGRATION_FILES
        if (found := forbidden_imports(path.read_text(encoding="utf-8")))
    }

    assert offenders == {}


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("import alliance.programs.models.programme\n", []),
        ("import alliance.core.models.user\n", []),
        (
            "from alliance.programs.default_rubric import BENEFITS\n",
            ["line 1: from alliance.programs.default_rubric import ..."],
        ),
        (
            "def seed(apps, editor):\n    from alliance.members import search\n",
            ["line 2: from alliance.members import ..."],
        ),
        (
            "def seed(apps, editor):\n    import alliance.programs.models.programme\n",
            ["line 2: import alliance.programs.models.programme"],
        ),
        ("import alliance.members.search\n", ["line 1: import alliance.members.search"]),
        ("from django.db import migrations\nimport json\n", []),
    ],
)
def test_the_scan_tells_schema_references_from_application_imports(source, found):
    assert forbidden_imports(source) == found
