"""The real server: gunicorn with two workers, the rate limit shared through Redis."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest

from tests.conftest import IN_CI, ROOT

REDIS_URL = os.environ.get("CORROBORATE_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def redis_problem() -> str | None:
    host, port = REDIS_URL.split("//", 1)[1].split("/", 1)[0].split(":")
    try:
        with socket.create_connection((host, int(port)), timeout=2) as sock:
            sock.sendall(b"PING\r\n")
            if not sock.recv(16).startswith(b"+PONG"):
                return f"Redis at {REDIS_URL} did not answer PING"
    except OSError as exc:
        return f"Redis unreachable at {REDIS_URL}: {exc}"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, timeout: float = 10) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@contextmanager
def gunicorn(store, tmp_path, settings: dict[str, str], *, ready: str = "/v1/health"):
    """gunicorn with service/gunicorn_conf.py and two workers on ``store``; yields (base
    URL, port, process, access log) once ``ready`` answers 200, and stops it with SIGTERM."""
    port = free_port()
    log = tmp_path / "gunicorn.log"
    env = dict(os.environ)
    env.update(
        {
            "CORROBORATE_DATABASE_URL": store.db.url,
            "CORROBORATE_PORT": str(port),
            "CORROBORATE_WORKERS": "2",
            **settings,
        }
    )
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "python:service.gunicorn_conf",
                "service.app:create_app()",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if get(base + ready, timeout=1)[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        else:
            process.kill()
            pytest.fail("gunicorn did not start:\n" + log.read_text())
        yield base, port, process, log
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)


@pytest.fixture
def server(stores, tmp_path):
    """gunicorn, 2 workers × 2 threads, on a migrated SQLite store, rate limits in Redis."""
    if problem := redis_problem():
        if IN_CI:
            pytest.fail(problem)
        pytest.skip(problem)
    settings = {
        "CORROBORATE_THREADS": "2",
        "CORROBORATE_RATELIMIT_STORAGE_URL": REDIS_URL,
        "CORROBORATE_RATELIMIT_DEFAULT": "6 per minute",
        "CORROBORATE_RATELIMIT_KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        "CORROBORATE_SEED_ON_START": "false",
    }
    with gunicorn(stores.store("sqlite"), tmp_path, settings) as (base, _port, process, log):
        yield base, process, log


def served(log) -> list[tuple[int, str]]:
    """(status, worker pid) of every GET /v1/articles in the access log, in order."""
    pattern = r'"GET /v1/articles HTTP/1\.\d" (\d+) .* pid=<?(\d+)'
    return [(int(code), pid) for code, pid in re.findall(pattern, log.read_text())]


def test_the_rate_limit_holds_for_both_workers_together(server):
    base, _process, log = server
    statuses: list[int] = []
    # which worker accepts a connection is up to the kernel: send bounded rounds of
    # concurrent requests until both workers have answered some
    for _round in range(20):
        with ThreadPoolExecutor(max_workers=12) as pool:
            statuses += pool.map(lambda _: get(base + "/v1/articles")[0], range(12))
        time.sleep(0.3)  # let the access log flush
        if len({pid for _code, pid in served(log)}) == 2:
            break
    assert statuses.count(200) == 6, statuses  # six for the pair, not six per worker
    assert set(statuses) == {200, 429}
    rows = served(log)
    pids = {pid for _code, pid in rows}
    assert len(pids) == 2, "both workers must have served for the test to mean anything"
    # a worker that itself let fewer than six through refused: it saw the other's hits
    ok_by_pid = {pid: sum(1 for code, p in rows if p == pid and code == 200) for pid in pids}
    assert any(ok_by_pid[pid] < 6 and (429, pid) in rows for pid in pids), ok_by_pid
    status, headers, body = get(base + "/v1/articles")
    assert status == 429 and int(headers["Retry-After"]) > 0
    assert headers["Content-Type"] == "application/problem+json"
    assert json.loads(body)["status"] == 429


def test_sigterm_stops_gunicorn_gracefully(server):
    base, process, _log = server
    assert get(base + "/v1/health")[0] == 200
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0


def test_one_thread_per_worker_uses_the_sync_worker_and_more_threads_gthread():
    """gthread workers accept connections while busy and keep them: under a fixed set of
    client connections one worker could hold them all while the other idled."""
    script = "import service.gunicorn_conf as c; print(c.worker_class, c.threads)"
    for threads, expected in (("1", "sync 1"), ("4", "gthread 4")):
        env = dict(os.environ, CORROBORATE_THREADS=threads)
        out = subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert out.stdout.split() == expected.split(), out.stderr


@pytest.fixture
def sync_server(stores, tmp_path):
    """gunicorn with the default one thread per worker, two workers, on the seeds."""
    settings = {
        "CORROBORATE_THREADS": "1",
        "CORROBORATE_RATELIMIT_ENABLED": "false",
        "CORROBORATE_SEED_ON_START": "true",
        "CORROBORATE_MATCHER": "lexical",
        "CORROBORATE_CACHE_URL": "none",  # every answer computed: the workers stay busy
    }
    with gunicorn(stores.store("sqlite"), tmp_path, settings, ready="/v1/ready") as (
        base,
        port,
        _process,
        log,
    ):
        yield base, port, log


def test_every_worker_serves_a_fixed_set_of_client_connections(sync_server):
    """Eight clients that each keep one connection open (as a load tester or a proxy's
    pool does) are served by both workers, round after round: a worker takes a request
    only when it is free, and closes the connection after answering."""
    import http.client

    base, port, log = sync_server
    statements = [
        f"Zelensky said talks with Russia had been going on for {n} days." for n in range(2, 100)
    ]

    def client(number: int) -> list[str]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        closes = []
        for k in range(5):
            body = json.dumps({"statement": statements[number * 5 + k], "limit": 50})
            conn.request("POST", "/v1/verify", body, {"Content-Type": "application/json"})
            response = conn.getresponse()
            response.read()
            assert response.status == 200
            closes.append(response.getheader("Connection", ""))
        conn.close()
        return closes

    def verify_pids() -> list[str]:
        return re.findall(r'"POST /v1/verify HTTP/1\.\d" 200 .* pid=<?(\d+)', log.read_text())

    # both workers up (each loads the app and its vocabulary when it starts)
    for _ in range(50):
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(lambda _: get(base + "/v1/ready")[0], range(8)))
        time.sleep(0.1)
        if (
            len(set(re.findall(r'"GET /v1/ready HTTP/1\.\d" 200 .* pid=<?(\d+)', log.read_text())))
            == 2
        ):
            break
    for _round in range(3):
        before = len(verify_pids())
        with ThreadPoolExecutor(max_workers=8) as pool:
            closes = [c for found in pool.map(client, range(8)) for c in found]
        assert {c.lower() for c in closes} == {"close"}, "the sync worker closes each connection"
        time.sleep(0.3)  # let the access log flush
        pids = verify_pids()[before:]
        assert len(pids) == 40
        assert len(set(pids)) == 2, "both workers answered in this round"
