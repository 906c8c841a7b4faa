"""The import contract (pyproject.toml, [tool.importlinter]): the project keeps it, and the checker really
fails when `core` imports an app or a service imports a view: proved on a synthetic tree of packages named
like the project's, checked against the project's own contracts."""

import json
import re
import sys
import tomllib
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

PYPROJECT = Path(__file__).resolve().parents[3] / "pyproject.toml"
APPS = (
    "core",
    "members",
    "ecosystem",
    "programs",
    "agencies",
    "governance",
    "info",
    "regulation",
    "events",
    "reports",
    "portal",
)


def test_the_project_keeps_its_import_contract(capsys):
    exit_code = lint_imports(config_filename=str(PYPROJECT), no_cache=True)

    assert exit_code == 0, capsys.readouterr().out


def _synthetic_project(tmp_path: Path, root: str, modules: dict[str, str]) -> Path:
    """A package `root` with the apps and `modules` (dotted path under root → source), and a copy of
    the project's contracts with `alliance` renamed to `root`."""
    for app in APPS:
        (tmp_path / root / app).mkdir(parents=True)
        (tmp_path / root / app / "__init__.py").write_text("")
    (tmp_path / root / "__init__.py").write_text("")
    for dotted, source in modules.items():
        path = tmp_path / root / Path(*dotted.split("."))
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.parent != tmp_path / root:
            (path.parent / "__init__.py").touch()
        path.with_suffix(".py").write_text(source)
    settings = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]
    config = tmp_path / "contracts.toml"
    config.write_text(_as_toml(json.loads(re.sub(r"\balliance\b", root, json.dumps(settings)))))
    return config


def _as_toml(settings: dict) -> str:
    """The [tool.importlinter] table in TOML (its values are strings, booleans and lists of strings, which
    JSON writes as TOML reads them)."""
    lines = ["[tool.importlinter]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in settings.items() if key != "contracts"]
    for contract in settings["contracts"]:
        lines += ["", "[[tool.importlinter.contracts]]"]
        lines += [f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in contract.items()]
    return "\n".join(lines) + "\n"


@pytest.fixture
def synthetic(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))

    def check(root: str, modules: dict[str, str]) -> tuple[int, str]:
        config = _synthetic_project(tmp_path, root, modules)
        # The two layer contracts: the forbidden ones name modules that this small tree does not have.
        exit_code = lint_imports(config_filename=str(config), no_cache=True, limit_to_contracts=("apps", "layers"))
        for name in [name for name in sys.modules if name == root or name.startswith(f"{root}.")]:
            del sys.modules[name]
        return exit_code

    return check


def test_core_importing_an_app_breaks_the_contract(synthetic, capsys):
    exit_code = synthetic(
        "contract_core_up",
        {"members.membership": "", "core.views": "from contract_core_up.members import membership\n"},
    )

    out = " ".join(capsys.readouterr().out.split())  # the report wraps long lines
    assert exit_code == 1
    assert "contract_core_up.core.views -> contract_core_up.members.membership" in out


def test_a_service_importing_a_view_breaks_the_contract(synthetic, capsys):
    exit_code = synthetic(
        "contract_service_up",
        {"members.views.directory": "", "members.services.registry": "from ..views import directory\n"},
    )

    out = " ".join(capsys.readouterr().out.split())  # the report wraps long lines
    assert exit_code == 1
    assert "contract_service_up.members.services.registry -> contract_service_up.members.views.directory" in out


def test_the_synthetic_tree_keeps_the_contract_when_imports_point_down(synthetic, capsys):
    exit_code = synthetic(
        "contract_downwards",
        {
            "members.models": "",
            "members.queries": "from contract_downwards.members import models\n",
            "core.tasks": "",
            "ecosystem.services.logos": (
                "from contract_downwards.members import queries\nfrom contract_downwards.core import tasks\n"
            ),
        },
    )

    assert exit_code == 0, capsys.readouterr().out
