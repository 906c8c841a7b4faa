"""Every task is queued through `alliance.core.tasks.enqueue_on_commit`, with the task object itself.

A direct `task.enqueue(...)` queues before the commit (a worker may read rows that are not there yet, and a
rolled-back change still sends its e-mail); a task named by a string hides the dependency from readers and
from the import contract. Read from the source (AST), so the check covers every module, imported or not.
"""

import ast
from pathlib import Path

from django.conf import settings

ALLIANCE = Path(settings.BASE_DIR) / "alliance"
THE_HELPER = ALLIANCE / "core" / "tasks.py"


def _calls():
    for path in sorted(ALLIANCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Call):
                yield path.relative_to(ALLIANCE.parent).as_posix(), node


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def test_only_the_helper_calls_enqueue():
    direct = sorted(
        f"{where}:{call.lineno}"
        for where, call in _calls()
        if isinstance(call.func, ast.Attribute)
        and call.func.attr == "enqueue"
        and where != THE_HELPER.relative_to(ALLIANCE.parent).as_posix()
    )
    assert direct == []


def test_enqueue_on_commit_is_given_the_task_not_its_name():
    by_name = sorted(
        f"{where}:{call.lineno}"
        for where, call in _calls()
        if _name(call.func) == "enqueue_on_commit"
        and (
            not call.args
            or (isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str))
            or isinstance(call.args[0], ast.JoinedStr)
        )
    )
    assert by_name == []


def test_the_scan_sees_the_helper_and_its_callers():
    """Guards the two tests above against scanning nothing (a wrong root would pass them vacuously)."""
    callers = {where for where, call in _calls() if _name(call.func) == "enqueue_on_commit"}
    assert "alliance/core/password_reset.py" in callers
    assert "alliance/programs/services/applications.py" in callers
