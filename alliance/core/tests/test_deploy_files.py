"""The files in deploy/ agree with the code: the environment template lists every setting the code reads,
nginx takes the request bodies the platform takes and its site passes `nginx -t`, the units run what exists."""

import ast
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands

ROOT = Path(settings.BASE_DIR)
DEPLOY = ROOT / "deploy"
READERS = {"env_bool", "env_int", "env_list", "get"}


def variables_read(path: Path) -> set[str]:
    """Names passed to os.environ.get / os.environ[...] / env_bool / env_int / env_list in a Python file."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            function = node.func
            name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
            reads_environment = name in READERS - {"get"} or (
                name == "get" and isinstance(function, ast.Attribute) and ast.unparse(function.value) == "os.environ"
            )
            if reads_environment:
                names.add(node.args[0].value)
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
            names.add(ast.literal_eval(node.slice))
    return names


def template_variables() -> set[str]:
    text = (DEPLOY / "alliance.env.example").read_text(encoding="utf-8")
    return set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", text, re.M))


def test_the_environment_template_lists_every_setting_the_code_reads():
    read = variables_read(ROOT / "alliance" / "settings.py") | variables_read(DEPLOY / "gunicorn.conf.py")

    assert sorted(read - template_variables()) == []
    assert {"DEBUG", "SECRET_KEY", "EMAIL_BACKEND", "GUNICORN_WORKERS", "SENTRY_DSN"} <= read


def test_nginx_takes_the_largest_request_body_the_platform_takes():
    site = (DEPLOY / "nginx" / "alliance.conf").read_text(encoding="utf-8")
    (size,) = re.findall(r"client_max_body_size (\d+)m;", site)

    assert int(size) * 1024 * 1024 == settings.MAX_REQUEST_BYTES


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed (make install-test installs it)")
def test_the_nginx_site_passes_nginx_t(tmp_path):
    certificate, key = tmp_path / "fullchain.pem", tmp_path / "privkey.pem"
    subprocess.run(  # noqa: S603  a throw-away self-signed certificate for the syntax check
        ["/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
         "/CN=alliance.example.kr", "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True,
    )  # fmt: skip
    site = (DEPLOY / "nginx" / "alliance.conf").read_text(encoding="utf-8")
    site = site.replace("/etc/letsencrypt/live/alliance.example.kr/", f"{tmp_path}/")
    (tmp_path / "alliance.conf").write_text(site, encoding="utf-8")
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n  access_log off;\n  include {tmp_path}/alliance.conf;\n}}\n",
        encoding="utf-8",
    )

    result = subprocess.run(  # noqa: S603  the nginx binary with a fixed configuration
        [shutil.which("nginx"), "-t", "-q", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-e", "stderr"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip

    assert (result.returncode, result.stderr) == (0, "")


def test_the_systemd_units_run_what_the_repository_has():
    units = {path.name: path.read_text(encoding="utf-8") for path in (DEPLOY / "systemd").iterdir()}
    commands = {
        name: re.search(r"^ExecStart=\S+/(?:python manage\.py (\S+)|gunicorn -c (\S+))", text, re.M).groups()
        for name, text in units.items()
        if name.endswith(".service")
    }

    assert commands == {
        "alliance-web.service": (None, "deploy/gunicorn.conf.py"),
        "alliance-worker.service": ("db_worker", None),
        "alliance-jobs.service": ("run_jobs", None),
    }
    assert {"db_worker", "run_jobs"} <= set(get_commands())
    assert "OnCalendar=*-*-* *:*:00" in units["alliance-jobs.timer"]  # starts alliance-jobs.service each minute
    services = [text for name, text in units.items() if name.endswith(".service")]
    assert all("EnvironmentFile=/etc/alliance/alliance.env" in text for text in services)
