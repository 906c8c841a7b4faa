"""Past one machine, on the loopback interface: two application nodes (gunicorn with deploy/gunicorn.conf.py)
behind nginx with the shipped site (deploy/nginx/alliance.conf, rendered for the test's ports: one TLS port
in front of each node, so the test knows which node answers), PostgreSQL (the test database), Redis (the
cache), moto's S3 server (the uploads) and two background workers (`db_worker`).

In Debian's chromium, staff log in through nginx, upload a member list on node A, and watch its progress
through node B; the worker writing the import is killed (SIGKILL) and the other finishes it once; the logo
of a company, stored in the bucket, downloads through nginx. Runs on PostgreSQL (`.ci/run`'s second pass,
or DATABASE_URL=… locally) where nginx, redis-server, chromium and moto are installed; skipped otherwise.
"""

import contextlib
import io
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django_tasks_db.models import DBTaskResult
from PIL import Image
from playwright.sync_api import expect

from alliance import settings as production
from alliance.core.tests.factories import PASSWORD
from alliance.core.tests.redis_fixture import free_port, redis_server, shared_database_url
from alliance.core.tests.s3_fixture import s3_client, s3_server, storage_environment
from alliance.members.models import ImportJob, Organisation
from alliance.members.services.import_progress import progress_key
from alliance.members.services.registry import store_logo
from alliance.members.tests.factories import OrganisationFactory
from alliance.members.tests.test_import_worker_killed import write_member_list
from alliance.settings import cache_settings, object_storage

ROOT = Path(__file__).resolve().parents[3]
DEPLOY = ROOT / "deploy"
ROWS = 2_000
BUCKET = "alliance-two-nodes"

pytestmark = [pytest.mark.two_nodes, pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("the two-node test runs on PostgreSQL (DATABASE_URL; .ci/run's second pass)")
    if shutil.which("nginx") is None:
        if os.environ.get("CI"):
            pytest.fail("nginx is missing: `make apt-test` installs nginx-light")
        pytest.skip("nginx is not installed (`make apt-test`)")


def render_site(*, listen: int, node: int, static_root: Path, certificates: Path) -> str:
    """deploy/nginx/alliance.conf with its TLS server only, on `listen`, in front of the node on port `node`."""
    site = (DEPLOY / "nginx" / "alliance.conf").read_text(encoding="utf-8")
    site = re.sub(r"# Plain HTTP.*?\n}\n", "", site, flags=re.S)  # port 80 (the ACME challenge) is not tested
    site = re.sub(r"\n\s*listen \[::\]:443[^\n]*", "", site)
    replacements = {
        "listen 443 ssl http2;": f"listen 127.0.0.1:{listen} ssl http2;",
        "alliance_app": f"alliance_{node}",
        "server 127.0.0.1:8000": f"server 127.0.0.1:{node}",
        "/etc/letsencrypt/live/alliance.example.kr/": f"{certificates}/",
        "/srv/alliance/var/static/": f"{static_root}/",
    }
    for old, new in replacements.items():
        assert old in site, old
        site = site.replace(old, new)
    return site


@contextlib.contextmanager
def nginx(folder: Path, sites: list[str]):
    subprocess.run(  # noqa: S603  a throw-away self-signed certificate
        ["/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-keyout", str(folder / "privkey.pem"), "-out", str(folder / "fullchain.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    temporary = "".join(f"  {kind}_temp_path {folder}/{kind};\n" for kind in ("proxy", "fastcgi", "uwsgi", "scgi"))
    (folder / "nginx.conf").write_text(
        ("user root;\n" if os.geteuid() == 0 else "")  # the test's folders are its own
        + f"pid {folder}/nginx.pid;\nerror_log {folder}/error.log;\ndaemon off;\nevents {{}}\n"
        + f"http {{\n  access_log off;\n  client_body_temp_path {folder}/body;\n{temporary}"
        + "".join(sites)
        + "}\n",
        encoding="utf-8",
    )
    process = subprocess.Popen(  # noqa: S603  the nginx binary with the rendered configuration
        [shutil.which("nginx"), "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", "stderr"],
        stderr=(folder / "nginx.stderr").open("wb"),
    )
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)


def start(command: list[str], environment: dict, log: Path) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603  our own commands from the running Python's venv
        command, cwd=ROOT, env=environment, stdout=log.open("ab"), stderr=subprocess.STDOUT
    )


def wait_for(condition, *, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


def warm_up(url: str) -> None:
    unverified = ssl.create_default_context()
    unverified.check_hostname, unverified.verify_mode = False, ssl.CERT_NONE  # the test's self-signed certificate
    with urllib.request.urlopen(url, timeout=180, context=unverified) as answer:  # noqa: S310  nginx on loopback
        assert answer.status == 200


def answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def test_two_nodes_behind_nginx_share_an_import_a_killed_worker_and_the_uploads(
    postgresql, browser, staff_user, tmp_path, settings
):
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS  # the nodes check the password with these
    staff_user.set_password(PASSWORD)
    staff_user.save()
    member_list = tmp_path / "회원사.xlsx"
    write_member_list(member_list, ROWS)
    logs = tmp_path / "logs"
    logs.mkdir()
    with (
        redis_server(tmp_path) as redis_port,
        s3_server() as endpoint,
    ):
        s3_client(endpoint).create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "ap-northeast-2"}
        )
        cache_url = f"redis://127.0.0.1:{redis_port}/0"
        settings.CACHES = {"default": cache_settings(cache_url)}
        settings.STORAGES = {**settings.STORAGES, "default": object_storage(storage_environment(endpoint, BUCKET))}
        picture = io.BytesIO()
        Image.new("RGB", (8, 8), (11, 58, 110)).save(picture, format="PNG")
        company = OrganisationFactory()
        company.logo = store_logo(organisation=company, upload=SimpleUploadedFile("logo.png", picture.getvalue()))
        company.save()

        front, back = free_port(), free_port()  # nginx's TLS ports in front of node A and node B
        node_a, node_b = free_port(), free_port()
        origins = f"https://127.0.0.1:{front},https://127.0.0.1:{back}"
        environment = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "SECURE_"))}
        environment |= storage_environment(endpoint, BUCKET) | {
            "DEBUG": "0",
            "SECRET_KEY": "two-nodes-" + "x" * 50,
            "ALLOWED_HOSTS": "127.0.0.1",
            "CSRF_TRUSTED_ORIGINS": origins,
            "SITE_URL": f"https://127.0.0.1:{front}",
            "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
            "TRUSTED_PROXIES": "127.0.0.1",
            "DATABASE_URL": shared_database_url(tmp_path),
            "CACHE_URL": cache_url,
            "TASKS_BACKEND": "database",
            "TASK_WORKER_HEARTBEAT_SECONDS": "1",
            "TASK_WORKER_LEASE_SECONDS": "3",
            "ALLIANCE_VAR_DIR": str(tmp_path / "var"),
            "STATIC_ROOT": str(tmp_path / "static"),
            "MEDIA_ROOT": str(tmp_path / "media"),  # must stay empty: the uploads are in the bucket
            "AXES_ENABLED": "0",
            "PAGE_CACHE_SECONDS": "0",
            "GUNICORN_WORKERS": "1",
        }
        python = sys.executable
        subprocess.run(  # noqa: S603  a release's step: collect the static files nginx serves
            [python, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            cwd=ROOT, env=environment, check=True, capture_output=True,
        )  # fmt: skip
        gunicorn = str(Path(python).with_name("gunicorn"))
        processes = {
            name: start(
                [gunicorn, "-c", str(DEPLOY / "gunicorn.conf.py"), "alliance.wsgi"],
                environment | {"GUNICORN_BIND": f"127.0.0.1:{port}"},
                logs / f"{name}.log",
            )
            for name, port in (("node-a", node_a), ("node-b", node_b))
        }
        worker = [python, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"]
        for name in ("worker-1", "worker-2"):
            processes[name] = start([*worker, "--worker-id", name], environment, logs / f"{name}.log")
        sites = [
            render_site(listen=front, node=node_a, static_root=tmp_path / "static", certificates=tmp_path),
            render_site(listen=back, node=node_b, static_root=tmp_path / "static", certificates=tmp_path),
        ]
        context = None
        try:
            with nginx(tmp_path, sites):
                for port in (front, back, node_a, node_b):
                    wait_for(lambda port=port: answers(port), seconds=90, what=f"port {port}")
                for port in (front, back):  # each node's first page loads the code it serves (seconds)
                    warm_up(f"https://127.0.0.1:{port}/accounts/login/")
                context = browser.new_context(locale="ko-KR", ignore_https_errors=True)
                page = context.new_page()
                page.set_default_timeout(60_000)
                a, b = f"https://127.0.0.1:{front}", f"https://127.0.0.1:{back}"

                page.goto(f"{a}/accounts/login/")  # node A: log in, upload, check, confirm
                page.fill("input[name=username]", staff_user.email)
                page.fill("input[name=password]", PASSWORD)
                page.click("main button[type=submit]")
                page.wait_for_url(lambda url: "/accounts/login/" not in url)
                page.goto(f"{a}/members/imports/")
                page.set_input_files("input[name=file]", str(member_list))
                page.click("main button[type=submit]")
                page.click("#import-checked")  # shown once a worker has checked the file
                page.click("button.confirm-go")
                page.wait_for_url(re.compile(r"/members/imports/\d+/$"))
                job = ImportJob.objects.get(dry_run=False)

                reading = wait_for(
                    lambda: (r := cache.get(progress_key(job))) and r["status"] == "writing" and r,
                    seconds=90,
                    what="a worker writing the import",
                )
                (task,) = DBTaskResult.objects.filter(status="RUNNING")
                killed = task.worker_ids[-1]
                processes[killed].send_signal(signal.SIGKILL)  # in the middle of its write transaction
                page.goto(f"{b}{page.url.split(str(front), 1)[1]}")  # node B: the progress, then the outcome
                expect(page.locator(".import-counts")).to_be_visible(timeout=90_000)
                counts = page.locator(".import-counts dd").all_inner_texts()
                logo = page.request.get(f"{b}{company.logo.url}")
                logo_body, logo_caching = logo.body(), logo.headers["cache-control"]
        finally:
            if context is not None:
                context.close()
            for process in processes.values():
                if process.poll() is None:
                    process.terminate()
            for process in processes.values():
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
        task.refresh_from_db()
        job.refresh_from_db()
        survivor = ({"worker-1", "worker-2"} - {killed}).pop()

        assert 0 <= reading["processed_rows"] < reading["total_rows"] == ROWS
        assert (job.status, job.created_count, Organisation.objects.count()) == ("done", ROWS, ROWS + 1)
        assert (task.status, task.worker_ids) == ("SUCCESSFUL", [killed, survivor])
        assert counts[:2] == [f"{ROWS:,}행", f"{ROWS:,}개사"]
        assert (logo_body, logo_caching) == (picture.getvalue(), "public, max-age=31536000, immutable")
        assert not (tmp_path / "media").exists()
