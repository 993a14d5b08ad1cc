"""The API through a real uvicorn server (`mercato serve`) on a free loopback port."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

import pytest

from tests.api.conftest import TOKEN


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url, headers=None, data=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@contextmanager
def _serving(db_url, **settings):
    """A real `mercato serve` on a free loopback port, over the store at ``db_url``."""
    port = _free_port()
    env = {**os.environ, "MERCATO_DB": db_url, "MERCATO_API_TOKEN": TOKEN, **settings}
    command = [
        sys.executable,
        "-c",
        "from mercato.cli import app; app()",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/openapi.json", timeout=2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"server did not start: {process.stdout.read()!r}") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        process.stdout.close()


@pytest.fixture
def server(db_url):
    with _serving(db_url) as base:
        yield base


def test_a_real_server_answers_reads_writes_and_errors(server):
    status, page = _get(f"{server}/sagas?player=Kane")
    assert status == 200 and page["total"] == 2
    saga_id = page["items"][0]["id"]
    status, detail = _get(f"{server}/sagas/{saga_id}")
    assert status == 200 and detail["timeline"]
    status, error = _get(f"{server}/sagas/999999")
    assert (status, error["error"]["status"]) == (404, 404)
    body = json.dumps({"text": "Chelsea have signed Mason Mount.", "id": "e2e"}).encode()
    status, error = _get(f"{server}/articles", {"Content-Type": "application/json"}, body)
    assert status == 401


def test_a_body_over_the_cap_is_refused_before_the_token_is_asked_for(server):
    import http.client
    from urllib.parse import urlparse

    address = urlparse(server)
    declared = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    declared.putrequest("POST", "/articles")
    declared.putheader("Content-Type", "application/json")
    declared.putheader("Content-Length", str(300 * 1024 * 1024))
    declared.endheaders()
    answer = declared.getresponse()
    assert answer.status == 413 and b"larger than" in answer.read()
    declared.close()

    def chunks():  # 40 MB streamed with no Content-Length, no token
        block = b"x" * (1024 * 1024)
        for _ in range(40):
            yield block

    streamed = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    try:
        streamed.request("POST", "/articles", body=chunks(), headers={"Content-Type": "application/json"})
        answer = streamed.getresponse()
        assert answer.status == 413
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server answered 413 and closed while the client was still sending: refused either way
    finally:
        streamed.close()
    status, _ = _get(f"{server}/sagas")
    assert status == 200  # the server is still serving


def test_load_past_capacity_is_shed_with_503_and_retry_after(db_url):
    from concurrent.futures import ThreadPoolExecutor

    def fetch(_):
        try:
            with urllib.request.urlopen(f"{base}/clubs/Arsenal/squad", timeout=60) as response:
                return response.status, None
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Retry-After")

    with _serving(db_url, MERCATO_MAX_IN_FLIGHT="1") as base, ThreadPoolExecutor(16) as pool:
        answers = list(pool.map(fetch, range(32)))
    assert {status for status, _ in answers} <= {200, 503}
    assert (200, None) in answers and (503, "1") in answers
