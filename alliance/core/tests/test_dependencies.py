"""Every pinned dependency is used, and every third-party package the code imports is pinned directly.

A pin nothing uses is weight and attack surface (nh3 and python-docx sat unused for months); a package
imported but only pulled in by another (numpy, scipy, lxml) changes version when that other one does.
"Used" means imported by the project's Python (app, tests, scripts, benchmarks) or named as a dotted path in
the settings (INSTALLED_APPS, MIDDLEWARE, backends); a few packages are used without either: RUNTIME_ONLY.
"""

import ast
import re
from importlib.metadata import packages_distributions
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
CODE = [ROOT / "alliance", ROOT / "scripts", ROOT / "bench", ROOT / "conftest.py", ROOT / "manage.py"]
REQUIREMENTS = [ROOT / "requirements.txt", ROOT / "requirements-dev.txt"]
# Used at run time without an import or a dotted name in the settings:
RUNTIME_ONLY = {
    "argon2-cffi",  # the Argon2 password hasher of PASSWORD_HASHERS (Django imports `argon2`)
    "kiwipiepy-model",  # the Korean tokenizer's model files, loaded by kiwipiepy
    "pytest-django",  # pytest plugins, loaded by entry point
    "pytest-xdist",
    "pytest-cov",
    "ruff",  # the linter, run as a command
    "gunicorn",  # the production web server, run as a command (deploy/gunicorn.conf.py)
}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*==")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned() -> set[str]:
    names = set()
    for path in REQUIREMENTS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := PIN.match(line.strip()):
                names.add(normalise(match.group(1)))
    return names


def python_files() -> list[Path]:
    files = []
    for place in CODE:
        files += [place] if place.is_file() else sorted(place.rglob("*.py"))
    return [path for path in files if "migrations" not in path.parts]


def imported_modules() -> set[str]:
    """The top-level names of every module the project's code imports."""
    names = set()
    for path in python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names


def settings_modules() -> set[str]:
    """The top-level names of the dotted paths the settings name (apps, middleware, backends)."""
    tree = ast.parse((ROOT / "alliance" / "settings.py").read_text(encoding="utf-8"))
    dotted = re.compile(r"^[a-z_][a-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
    return {
        node.value.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and dotted.match(node.value)
    }


def used_distributions() -> set[str]:
    distributions = packages_distributions()
    return {
        normalise(distribution)
        for module in imported_modules() | settings_modules()
        for distribution in distributions.get(module, [])
    }


def test_every_pinned_dependency_is_used():
    unused = pinned() - used_distributions() - RUNTIME_ONLY

    assert sorted(unused) == []


def test_every_imported_third_party_package_is_pinned_directly():
    own = {"alliance", "conftest", "bench", "scripts"}
    distributions = packages_distributions()
    unpinned = {
        module: distributions[module]
        for module in imported_modules() - own
        if module in distributions and not {normalise(name) for name in distributions[module]} & pinned()
    }

    assert unpinned == {}


def test_runtime_only_packages_are_pinned_and_really_not_imported():
    assert pinned() >= RUNTIME_ONLY
    assert RUNTIME_ONLY & used_distributions() == set()
