"""An S3-compatible server for the object-storage tests: moto's server (`moto[server]`, requirements-dev) in a
process of its own on a free loopback port, holding its objects in memory, with one bucket made through
boto3 as an operator would. Without moto the tests are skipped on a developer's machine and fail in CI.
"""

import contextlib
import os
import subprocess
import sys
import time

import boto3
import pytest
from botocore.exceptions import BotoCoreError, ClientError

from alliance.core.tests.redis_fixture import free_port

ACCESS = {"aws_access_key_id": "alliance-test", "aws_secret_access_key": "alliance-test-secret"}
REGION = "ap-northeast-2"


def s3_client(endpoint: str):
    return boto3.client("s3", endpoint_url=endpoint, region_name=REGION, **ACCESS)


def _answers(endpoint: str) -> bool:
    try:
        s3_client(endpoint).list_buckets()
    except (BotoCoreError, ClientError):
        return False
    return True


@contextlib.contextmanager
def s3_server():
    """Yields the endpoint URL of a fresh moto server."""
    try:
        import moto.server  # noqa: F401  only to know it is installed
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("moto[server] is missing: requirements-dev.txt installs it")
        pytest.skip("moto[server] is not installed (requirements-dev.txt)")
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(  # noqa: S603  moto's server from the venv, for this test only
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **{key.upper(): value for key, value in ACCESS.items()}},
    )
    try:
        deadline = time.monotonic() + 30
        while not _answers(endpoint):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("moto's S3 server did not start")
            time.sleep(0.1)
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


def storage_environment(endpoint: str, bucket: str) -> dict[str, str]:
    """The settings (deploy/alliance.env.example) that put uploads in `bucket`."""
    return {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": ACCESS["aws_access_key_id"],
        "AWS_SECRET_ACCESS_KEY": ACCESS["aws_secret_access_key"],
    }
