"""HTTP throughput of the real stack: `corroborate serve` (gunicorn) driven by wrk on loopback.

Builds (once, cached in the temporary folder) an SQLite store holding the seed articles and
the CheckThat! 2020 Task 2 verified claims (~10k) imported through `corroborate
import-claims`, starts `corroborate serve` with the default workers and threads (rate limiting
off), and drives it with wrk at a fixed number of connections: POST /v1/verify with the
statements of a CheckThat! split in a fixed cycle, and GET /v1/health in the same run as the
ceiling of the stack (gunicorn + Flask without any matching). Each measurement runs
--repeats times; the table gives the median requests/s and wrk's latency p50/p99.

Named http_load.py, not http.py: the scripts run as `python bench/x.py` put bench/ first on
sys.path, where an http.py would shadow the standard library's `http` package.

Needs wrk (`apt-get install -y wrk`). Never fails on timing; exits non-zero when the server
answers anything but 2xx.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from checkthat import DEFAULT_DATA, load_split
from common import (
    corroborate_env,
    machine_line,
    run_corroborate,
    served,
    table,
)

from service.config import Settings, gunicorn_worker_class
from service.storage import Store

# Runs in every wrk thread: a fixed cycle of prepared requests, and in done() the summary
# and latency percentiles as one JSON line (wrk's latency is in microseconds).
LUA = r"""
local bodies_file, path = BODIES, PATH
local requests, n, i = {}, 0, 0

if bodies_file ~= nil then
  for line in io.lines(bodies_file) do
    n = n + 1
    requests[n] = wrk.format("POST", path,
      {["Content-Type"] = "application/json", ["Accept"] = "application/json"}, line)
  end
else
  n = 1
  requests[1] = wrk.format("GET", path)
end

local counter = 0
function setup(thread)
  thread:set("offset", counter)
  counter = counter + 1
end

local started = false
function request()
  if not started then
    started = true
    i = (offset or 0) * 7919
  end
  i = i + 1
  return requests[(i % n) + 1]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '@@WRK {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, '
    .. '"write": %d, "status": %d, "timeout": %d, "p50_us": %d, "p90_us": %d, '
    .. '"p99_us": %d, "max_us": %d, "mean_us": %f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write,
    e.status, e.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean))
end
"""


def lua_string(value: str | None) -> str:
    return "nil" if value is None else json.dumps(value)  # a JSON string is a Lua string here


def write_lua(folder: Path, name: str, path: str, bodies: Path | None) -> Path:
    script = folder / f"{name}.lua"
    text = LUA.replace("BODIES", lua_string(str(bodies) if bodies else None), 1)
    text = text.replace("PATH", lua_string(path), 1)
    script.write_text(text, encoding="utf-8")
    return script


def run_wrk(
    base: str, script: Path, *, threads: int, connections: int, seconds: float
) -> dict[str, float]:
    """One wrk run; its done() summary."""
    done = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            base,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    for line in done.stdout.splitlines():
        if line.startswith("@@WRK "):
            result = json.loads(line[len("@@WRK ") :])
            result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
            return result
    sys.exit(f"wrk printed no summary (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")


# --- the store -----------------------------------------------------------------------------


def data_key(data: Path) -> str:
    claims = data / "verified_claims.docs.tsv"
    stat = claims.stat()
    return hashlib.sha256(
        f"{claims.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode()
    ).hexdigest()[:10]


def build_store(url: str, data: Path, matcher: str) -> None:
    """Migrate, seed and import the verified claims through the CLI (the real import path)."""
    env = corroborate_env(url, matcher)
    started = time.perf_counter()
    run_corroborate(["db", "upgrade"], env)
    run_corroborate(["seed"], env)
    out = run_corroborate(["import-claims", str(data / "verified_claims.docs.tsv")], env)
    print(
        f"built the store in {time.perf_counter() - started:.0f} s: "
        f"{out.strip().splitlines()[-1] if out.strip() else ''}",
        file=sys.stderr,
    )


def prepare_store(args: argparse.Namespace) -> str:
    """The URL of a store with the seeds and the verified claims, built when needed."""
    if args.database_url:
        url = args.database_url
        store = Store(url)
        try:
            from service.storage.migrate import current_revision

            migrated = current_revision(store.db.engine) is not None
            counts = {"claims": 0}
            if migrated:
                with store.read() as repo:
                    counts = repo.counts()
        finally:
            store.db.dispose()
        if counts["claims"] < 1000:
            print(f"building the store at {url}", file=sys.stderr)
            build_store(url, args.data, args.matcher)
        return url
    # hybrid needs the claims' embeddings, which a lexical import does not write
    folder = Path(tempfile.gettempdir()) / "corroborate-bench"
    folder.mkdir(exist_ok=True)
    db = folder / f"http-{args.matcher}-{data_key(args.data)}.db"
    marker = db.with_suffix(".complete")
    url = f"sqlite:///{db}"
    if db.exists() and marker.exists() and not args.rebuild:
        print(f"reusing the store {db}", file=sys.stderr)
        return url
    for stale in (db, marker, Path(f"{db}-wal"), Path(f"{db}-shm")):
        stale.unlink(missing_ok=True)
    print(f"building the store {db}", file=sys.stderr)
    build_store(url, args.data, args.matcher)
    marker.write_text("ok\n", encoding="utf-8")
    return url


def statements(data: Path, split: str) -> list[str]:
    """The tweets of a split, in file order (deterministic)."""
    tweets, _gold = load_split(data, split)
    return [t for t in tweets.values() if t.strip()][:2000]


def warm_up(base: str, texts: list[str]) -> None:
    """POST every statement once over one keep-alive connection; exit unless all answer 200."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    bad = []
    try:
        for text in texts:
            body = json.dumps({"statement": text})
            conn.request("POST", "/v1/verify", body, {"Content-Type": "application/json"})
            response = conn.getresponse()
            payload = response.read()
            if response.status != 200:
                bad.append((response.status, text[:60], payload[:200]))
        conn.request("GET", "/v1/health")
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            bad.append((response.status, "GET /v1/health", b""))
    finally:
        conn.close()
    if bad:
        lines = "\n".join(f"  {status} {what!r}: {payload!r}" for status, what, payload in bad[:10])
        sys.exit(f"warm-up: {len(bad)} responses were not 200:\n{lines}")


def run(args: argparse.Namespace) -> None:
    settings = Settings()
    workers = args.workers or settings.workers
    threads = args.threads or settings.threads
    url = prepare_store(args)
    texts = statements(args.data, args.split)
    tmp = Path(tempfile.mkdtemp(prefix="corroborate-bench-http-"))
    bodies = tmp / "verify-bodies.jsonl"
    # ensure_ascii: one line per body, no raw newlines or non-ASCII bytes for the Lua side
    bodies.write_text(
        "".join(json.dumps({"statement": t}, ensure_ascii=True) + "\n" for t in texts),
        encoding="ascii",
    )
    scripts = {
        "verify": write_lua(tmp, "verify", "/v1/verify", bodies),
        "health": write_lua(tmp, "health", "/v1/health", None),
    }
    wrk = {"threads": args.wrk_threads, "connections": args.connections}
    try:
        runs = measure(args, url, texts, tmp, scripts, wrk, workers, threads)
        served_by = max(len(worker_pids(log)) for log in tmp.glob("gunicorn-*.log"))
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    report(args, url, texts, runs, workers, threads)
    print(
        f"worker processes that served: {served_by} ({max(0, served_by - workers)} "
        "restarts by gunicorn's max_requests recycling; each restart stalls its connections)"
    )


COMPUTED = "POST /v1/verify, every answer computed (cache off)"
CACHED = "POST /v1/verify, answers cached (statements repeat)"
HEALTH = "GET /v1/health"


def measure(args, url, texts, tmp, scripts, wrk, workers, threads) -> dict[str, list[dict]]:
    """Two servers, one after the other: caching off (verify computes every answer, and
    health), then caching on (the same cycle of statements, after every statement has
    been answered once). Every run's summary per row."""
    runs: dict[str, list[dict]] = {COMPUTED: [], CACHED: [], HEALTH: []}
    sessions = [
        ("none", [(COMPUTED, scripts["verify"]), (HEALTH, scripts["health"])]),
        (args.cache_url, [(CACHED, scripts["verify"])]),
    ]
    for number, (cache_url, plan) in enumerate(sessions):
        env = {"CORROBORATE_CACHE_URL": cache_url}
        if args.no_recycle:  # GUNICORN_CMD_ARGS overrides service/gunicorn_conf.py
            env["GUNICORN_CMD_ARGS"] = "--max-requests 0"
        if cache_url.startswith("redis"):  # a fresh key prefix: nothing from an earlier run
            env["CORROBORATE_RATELIMIT_KEY_PREFIX"] = f"bench-http-{time.time_ns()}"
        with served(
            url,
            matcher=args.matcher,
            workers=workers,
            threads=threads,
            log_path=tmp / f"gunicorn-{number}.log",
            extra_env=env,
        ) as base:
            warm_up(base, texts)
            for name, script in plan:  # every worker warm, and nothing but 2xx
                result = run_wrk(base, script, seconds=args.warmup, **wrk)
                if result["status"] or result["timeout"] or result["connect"]:
                    sys.exit(f"warm-up of {name} under load: non-2xx or failed requests: {result}")
            # verify first, then health: thousands of health requests a second reach
            # gunicorn's max_requests and recycle the workers, whose restart (and, in
            # hybrid, model and vector index load) must not fall into a verify run
            for name, script in plan:
                for _ in range(args.repeats):
                    runs[name].append(run_wrk(base, script, seconds=args.duration, **wrk))
    return runs


def worker_pids(log: Path) -> list[str]:
    """The worker pids that served requests, in order of their first request."""
    pids: dict[str, None] = {}
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if " pid=" in line:
            pids.setdefault(line.rsplit(" pid=", 1)[1].strip("<>"), None)
    return list(pids)


def report(args, url, texts, runs, workers, threads) -> None:
    """Print the table; exit non-zero when a request failed."""
    print(f"\n{machine_line()}")
    print(
        f"`corroborate serve`: {workers} workers × {threads} threads "
        f"({gunicorn_worker_class(threads)} worker class), "
        f"matcher {args.matcher}, rate limiting off"
        f"{', worker recycling off' if args.no_recycle else ''}; store: {url}"
    )
    print(
        f"wrk on the same machine: -t{args.wrk_threads} -c{args.connections}, "
        f"{args.duration:g} s × {args.repeats} runs each (median), verify runs first; "
        "verify statements: "
        f"{len(texts)} CheckThat! `{args.split}` tweets in a fixed cycle\n"
    )
    rows = []
    medians = {}
    failures = 0
    for name, results in runs.items():
        rps = statistics.median(r["rps"] for r in results)
        medians[name] = rps
        failed = sum(r["status"] + r["timeout"] + r["connect"] + r["read"] for r in results)
        failures += failed
        rows.append(
            [
                name,
                f"{rps:,.0f}",
                f"{statistics.median(r['p50_us'] for r in results) / 1000:.2f}",
                f"{statistics.median(r['p99_us'] for r in results) / 1000:.2f}",
                " / ".join(f"{r['rps']:,.0f}" for r in results),
                sum(r["requests"] for r in results),
                failed,
            ]
        )
    print(
        table(
            ["endpoint", "req/s", "p50 ms", "p99 ms", "req/s per run", "requests", "failed"],
            rows,
        )
    )
    print(
        f"\nverify / health (req/s): {medians[COMPUTED] / medians[HEALTH]:.2f} with every "
        f"answer computed, {medians[CACHED] / medians[HEALTH]:.2f} with answers cached "
        f"({args.cache_url})"
    )
    if failures:
        sys.exit(f"{failures} requests were not 2xx or failed (see `failed`)")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="CheckThat! 2020 Task 2")
    parser.add_argument(
        "--split", default="test", choices=("train", "dev", "test"), help="tweets to verify"
    )
    parser.add_argument("--matcher", choices=("lexical", "hybrid"), default="lexical")
    parser.add_argument(
        "--database-url",
        help="use this store (built there when it holds no claims); "
        "default: a cached SQLite file in the temporary folder",
    )
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached store")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: Settings)")
    parser.add_argument("--threads", type=int, help="threads per worker (default: Settings)")
    parser.add_argument("--connections", type=int, default=8, help="wrk -c")
    parser.add_argument("--wrk-threads", type=int, default=2, help="wrk -t")
    parser.add_argument("--duration", type=float, default=10, help="seconds per wrk run")
    parser.add_argument("--warmup", type=float, default=3, help="seconds of wrk warm-up")
    parser.add_argument("--repeats", type=int, default=3, help="wrk runs per endpoint")
    parser.add_argument(
        "--no-recycle",
        action="store_true",
        help="turn off gunicorn's max_requests worker recycling (not the served configuration)",
    )
    parser.add_argument(
        "--cache-url",
        default="memory://",
        help="the cache of the second server (memory:// per worker, or redis://host:6379/N)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the Lua scripts and server log")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: `apt-get install -y wrk` (or brew install wrk)")
    if not (args.data / "verified_claims.docs.tsv").exists():
        sys.exit(f"no data at {args.data}: see bench/checkthat.py or pass --data")
    run(args)


if __name__ == "__main__":
    main()
