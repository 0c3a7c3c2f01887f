"""Shared benchmark plumbing: temporary stores, tables, percentiles."""

from __future__ import annotations

import statistics
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from service.storage import Store  # noqa: E402
from service.storage.migrate import upgrade  # noqa: E402


def temp_store(url: str | None = None) -> Store:
    """A migrated store: the given URL, or a new SQLite file in a temporary folder."""
    if url is None:
        folder = Path(tempfile.mkdtemp(prefix="corroborate-bench-"))
        url = f"sqlite:///{folder / 'bench.db'}"
    store = Store(url)
    upgrade(store.db.engine)
    return store


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0..100) by nearest rank."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def table(headers: list[str], rows: list[list[object]]) -> str:
    """A Markdown table."""

    def cell(v: object) -> str:
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def mean(values: list[float]) -> float:
    """Arithmetic mean, NaN when empty."""
    return statistics.fmean(values) if values else float("nan")


# --- helpers for the benchmarks that drive a real server and the real CLI -------------


def machine_line() -> str:
    """Cores, CPU model and Python version, for the header of a benchmark's output."""
    import os
    import platform

    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {model}, Python {platform.python_version()}"


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def corroborate_env(database_url: str, matcher: str = "lexical", **extra: object) -> dict:
    """The environment for a `corroborate` subprocess on ``database_url``.

    ``extra`` keys are settings names (``workers=2`` sets ``CORROBORATE_WORKERS``).
    """
    import os

    env = dict(os.environ)
    env.update(
        {
            "CORROBORATE_DATABASE_URL": database_url,
            "CORROBORATE_MATCHER": matcher,
            "HF_HUB_OFFLINE": "1",
            "TQDM_DISABLE": "1",
        }
    )
    env.update({f"CORROBORATE_{k.upper()}": str(v) for k, v in extra.items() if v is not None})
    return env


def corroborate_command() -> list[str]:
    """The `corroborate` console script of this interpreter's environment."""
    script = Path(sys.executable).parent / "corroborate"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from service.cli import main; main()"]


def run_corroborate(args: list[str], env: dict) -> str:
    """Run `corroborate ARGS` in the repository root; its stdout, or exit with its output."""
    import subprocess

    done = subprocess.run(
        [*corroborate_command(), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(
            f"`corroborate {' '.join(args)}` failed ({done.returncode}):\n"
            f"{done.stdout}\n{done.stderr}"
        )
    return done.stdout


def create_token(env: dict, name: str = "bench") -> str:
    """Create an API token in the store of ``env`` through `corroborate token create`."""
    out = run_corroborate(["token", "create", "--name", name], env)
    lines = [line.strip() for line in out.splitlines() if line.strip()]
    if not lines:
        sys.exit("`corroborate token create` printed no token")
    return lines[0]


def http_get(url: str, timeout: float = 5.0) -> tuple[int, bytes]:
    """GET ``url``: (status, body); HTTP errors are returned, not raised."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@contextmanager
def served(
    database_url: str,
    *,
    matcher: str = "lexical",
    workers: int | None = None,
    threads: int | None = None,
    log_path: Path | None = None,
    seed_on_start: bool = False,
    startup_timeout: float = 180.0,
    extra_env: dict[str, str] | None = None,
) -> Iterator[str]:
    """Run `corroborate serve` (gunicorn) on a free port; yield its base URL.

    Rate limiting is off. ``workers``/``threads`` default to the Settings defaults.
    The server runs in its own process group, which is always terminated on exit.
    """
    import os
    import signal
    import subprocess
    import time

    port = free_port()
    env = corroborate_env(
        database_url,
        matcher,
        port=port,
        host="127.0.0.1",
        workers=workers,
        threads=threads,
        ratelimit_enabled="false",
        seed_on_start="true" if seed_on_start else "false",
        log_level="warning",
    )
    env.update(extra_env or {})
    if log_path is None:
        log_path = Path(tempfile.mkdtemp(prefix="corroborate-bench-")) / "gunicorn.log"
    base = f"http://127.0.0.1:{port}"
    with log_path.open("wb") as out:
        process = subprocess.Popen(
            [*corroborate_command(), "serve"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: gunicorn and every worker
        )
        try:
            deadline = time.monotonic() + startup_timeout
            while True:
                if process.poll() is not None:
                    sys.exit(
                        f"`corroborate serve` exited ({process.returncode}):\n"
                        + log_path.read_text(errors="replace")[-4000:]
                    )
                try:
                    if http_get(base + "/v1/ready", timeout=2)[0] == 200:
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    sys.exit(
                        "`corroborate serve` did not become ready:\n"
                        + log_path.read_text(errors="replace")[-4000:]
                    )
                time.sleep(0.2)
            yield base
        finally:
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(timeout=10)
                except ProcessLookupError:
                    pass
            with suppress(ProcessLookupError, PermissionError):  # workers left behind
                os.killpg(process.pid, signal.SIGKILL)


def postgres_problem(url: str) -> str | None:
    """Why PostgreSQL at ``url`` cannot be used, or None."""
    import sqlalchemy as sa

    try:
        engine = sa.create_engine(url)
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # any failure means: skip PostgreSQL
        return f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    return None


@contextmanager
def postgres_schema(url: str) -> Iterator[str]:
    """A new, empty schema in the database at ``url``; yield a URL that uses it; drop it after.

    As tests/conftest.py does: ``search_path`` in the connection options.
    """
    import uuid
    from urllib.parse import quote

    import sqlalchemy as sa

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in url else "?"
    try:
        yield f"{url}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()
