"""Ingestion throughput: articles through POST /v1/articles, fact-check records through the CLI.

(a) `corroborate serve` (gunicorn, default workers and threads, rate limiting off) on a new
    SQLite store holding the seeds; a few client threads, each on its own keep-alive
    connection, POST N distinct articles built deterministically, of two kinds of text
    (--text): the seed articles' paragraphs reshuffled (each with a dateline and a first
    sentence of its own, so every SHA-256 differs; most sentences are stored already, as
    with wire copy several outlets print), and sentences no other article holds (the
    CheckThat! verified claims, each used once). Reports articles/s and claims/s.
(b) `corroborate import-claims` (a subprocess, timed from start to exit) on a new SQLite store
    with the CheckThat! 2020 Task 2 verified claims (~10k). The start-up of the command (Python,
    the app and, for hybrid, the model) is measured by importing one record into another new
    store, and claims/s is also given without it.
(c) (b) on PostgreSQL, in a schema of its own that is dropped afterwards.

--matcher hybrid embeds every claim (about 100 claims/s on one CPU thread): --hybrid-limit
cuts the records imported in hybrid. Never fails on timing: articles answered 503 because
they outlived CORROBORATE_REQUEST_BUDGET are counted in the table; any other error exits
non-zero.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import http.client
import json
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from checkthat import DEFAULT_DATA
from common import (
    ROOT,
    corroborate_command,
    corroborate_env,
    create_token,
    machine_line,
    percentile,
    postgres_problem,
    postgres_schema,
    run_corroborate,
    served,
    table,
)

from service.cli import read_records
from service.config import Settings
from service.seeds import load_manifest

POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

OUTLETS = [
    ("Example Wire", "https://wire.example.org"),
    ("Northern Ledger", "https://ledger.example.net"),
    ("Daily Courier", "https://courier.example.com"),
    ("Border Gazette", "https://gazette.example.org"),
    ("Evening Dispatch", "https://dispatch.example.com"),
]
CITIES = ["KYIV", "MOSCOW", "ISTANBUL", "LVIV", "MINSK", "WARSAW", "GENEVA", "ANTALYA"]
PEOPLE = [
    ("Mykhailo Podolyak", "an adviser to the Ukrainian president"),
    ("Dmitry Peskov", "the Kremlin spokesman"),
    ("Leonid Slutsky", "a Russian negotiator"),
    ("Oleksii Reznikov", "Ukraine's defence minister"),
    ("Vladimir Medinsky", "the head of the Russian delegation"),
]
TOPICS = [
    "humanitarian corridors out of besieged cities",
    "a ceasefire along the front line",
    "the exchange of prisoners of war",
    "security guarantees for Ukraine",
    "the repair of damaged power lines",
]


# --- (a) articles over HTTP ----------------------------------------------------------------


def seed_paragraphs(seeds_dir: Path) -> tuple[list[str], int]:
    """Every paragraph of the seed articles, and their mean length in characters."""
    paragraphs, lengths = [], []
    for article in load_manifest(seeds_dir):
        lengths.append(len(article.text))
        paragraphs += [p.strip() for p in article.text.split("\n\n") if len(p.strip()) > 40]
    return paragraphs, round(sum(lengths) / len(lengths))


def make_articles(count: int, seeds_dir: Path) -> list[dict]:
    """``count`` distinct articles (deterministic): seed paragraphs reshuffled per article."""
    paragraphs, length = seed_paragraphs(seeds_dir)
    articles = []
    start = dt.date(2022, 3, 1)
    for i in range(count):
        rng = random.Random(i)
        day = start + dt.timedelta(days=i % 60)
        name, url = OUTLETS[i % len(OUTLETS)]
        person, role = PEOPLE[rng.randrange(len(PEOPLE))]
        topic = TOPICS[rng.randrange(len(TOPICS))]
        number = 1000 + 37 * i
        lead = (
            f"{CITIES[i % len(CITIES)]} — {person}, {role}, said on {day:%A} that talks on "
            f"{topic} would continue, and that {number:,} people had left the region since "
            f"round {i + 1} of the negotiations began."
        )
        body = [lead]
        size = len(lead)
        pool = rng.sample(paragraphs, len(paragraphs))
        for paragraph in pool:
            if size >= length:
                break
            body.append(paragraph)
            size += len(paragraph) + 2
        articles.append(
            {
                "outlet": {"name": name, "url": url},
                "title": f"Round {i + 1}: talks on {topic} to continue",
                "url": f"{url}/{day:%Y/%m/%d}/talks-{i + 1}",
                "published_at": day.isoformat(),
                "language": "en",
                "text": "\n\n".join(body),
            }
        )
    return articles


def make_new_articles(count: int, seeds_dir: Path, data: Path) -> list[dict]:
    """``count`` articles of sentences no other article holds: the CheckThat! verified
    claims (real checkable sentences on other subjects), shuffled once, each used once,
    three to a paragraph, as long as the seed articles on average."""
    _, length = seed_paragraphs(seeds_dir)
    sentences = [r.text.strip() for r in read_records(data / "verified_claims.docs.tsv")]
    sentences = [s if s.endswith((".", "!", "?")) else s + "." for s in sentences if s]
    random.Random(0).shuffle(sentences)
    articles, next_sentence = [], 0
    start = dt.date(2022, 3, 1)
    for i in range(count):
        body: list[str] = []
        size = 0
        while size < length and next_sentence < len(sentences):
            body.append(sentences[next_sentence])
            size += len(sentences[next_sentence]) + 1
            next_sentence += 1
        if not body:
            sys.exit(f"the verified claims fill only {i} new articles")
        paragraphs = [" ".join(body[j : j + 3]) for j in range(0, len(body), 3)]
        day = start + dt.timedelta(days=i % 60)
        name, url = OUTLETS[i % len(OUTLETS)]
        articles.append(
            {
                "outlet": {"name": name, "url": url},
                "title": f"Fact-check round-up {i + 1}",
                "url": f"{url}/{day:%Y/%m/%d}/round-up-{i + 1}",
                "published_at": day.isoformat(),
                "language": "en",
                "text": "\n\n".join(paragraphs),
            }
        )
    return articles


WORKLOADS = {
    "reprinted": "seed paragraphs reshuffled (reprinted sentences)",
    "new": "new sentences (CheckThat! verified claims)",
}


def post_articles(base: str, token: str, articles: list[dict], clients: int) -> dict:
    """POST every article from ``clients`` threads, each with a keep-alive connection."""
    parts = urlsplit(base)
    headers = {
        "Content-Type": "application/json",
        "Accept": "application/json",
        "Authorization": f"Bearer {token}",
    }
    bodies = [json.dumps(a).encode() for a in articles]
    lock = threading.Lock()
    next_index = [0]
    statuses: dict[int, int] = {}
    claims = [0]
    latencies: dict[int, float] = {}
    errors: list[str] = []

    def worker() -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        try:
            while True:
                with lock:
                    i = next_index[0]
                    next_index[0] += 1
                if i >= len(bodies):
                    return
                t0 = time.perf_counter()
                conn.request("POST", "/v1/articles", bodies[i], headers)
                response = conn.getresponse()
                payload = response.read()
                elapsed = time.perf_counter() - t0
                with lock:
                    statuses[response.status] = statuses.get(response.status, 0) + 1
                    latencies[i] = elapsed
                    if response.status == 201:
                        claims[0] += len(json.loads(payload)["claims"])
                    elif len(errors) < 3:
                        errors.append(f"{response.status}: {payload[:300]!r}")
        finally:
            conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - started
    ordered = [latencies[i] for i in sorted(latencies)]
    quarter = max(1, len(ordered) // 4)
    return {
        "seconds": seconds,
        "statuses": statuses,
        "claims": claims[0],
        "errors": errors,
        "p50": percentile(ordered, 50),
        "p99": percentile(ordered, 99),
        "p50_first": percentile(ordered[:quarter], 50),
        "p50_last": percentile(ordered[-quarter:], 50),
    }


def bench_articles(
    args: argparse.Namespace, matcher: str, workload: str, tmp: Path
) -> tuple[list, dict]:
    """(a) for one matcher and one kind of text: a table row and the statuses."""
    settings = Settings()
    folder = Path(tempfile.mkdtemp(prefix=f"articles-{matcher}-", dir=tmp))
    url = f"sqlite:///{folder / 'bench.db'}"
    env = corroborate_env(url, matcher)
    run_corroborate(["db", "upgrade"], env)
    run_corroborate(["seed"], env)
    token = create_token(env, name=f"bench-{matcher}")
    count = args.articles if matcher == "lexical" else args.hybrid_articles
    if workload == "new":
        articles = make_new_articles(count, ROOT / settings.seeds_dir, args.data)
    else:
        articles = make_articles(count, ROOT / settings.seeds_dir)
    warm = make_articles(args.clients * 2, ROOT / settings.seeds_dir)
    for article in warm:  # distinct from the measured ones: other texts and titles
        article["text"] = "Warm-up. " + article["text"]
        article["title"] = "Warm-up: " + article["title"]
    with served(
        url, matcher=matcher, workers=args.workers, threads=args.threads, log_path=folder / "log"
    ) as base:
        warmed = post_articles(base, token, warm, args.clients)
        if set(warmed["statuses"]) - {201, 503}:
            sys.exit(f"warm-up: articles answered other than 201: {warmed}")
        result = post_articles(base, token, articles, args.clients)
    created = result["statuses"].get(201, 0)
    mean_chars = sum(len(a["text"]) for a in articles) / len(articles)
    others = {k: v for k, v in result["statuses"].items() if k != 201}
    if others:
        print(f"{matcher}: responses other than 201: {others}", file=sys.stderr)
        for error in result["errors"]:
            print(f"  {error}", file=sys.stderr)
    row = [
        matcher,
        WORKLOADS[workload],
        count,
        f"{mean_chars:,.0f}",
        result["claims"],
        f"{result['seconds']:.1f}",
        f"{created / result['seconds']:.2f}",
        f"{result['claims'] / result['seconds']:,.0f}",
        f"{result['p50'] * 1000:,.0f}",
        f"{result['p99'] * 1000:,.0f}",
        f"{result['p50_first'] * 1000:,.0f} / {result['p50_last'] * 1000:,.0f}",
        ", ".join(f"{v}× {k}" for k, v in sorted(others.items())) or "0",
    ]
    return row, others


# --- (b), (c) import-claims ------------------------------------------------------------------


def claims_file(data: Path, limit: int | None, tmp: Path) -> tuple[Path, int]:
    """The CheckThat! verified claims TSV, or its first ``limit`` rows; and the row count."""
    source = data / "verified_claims.docs.tsv"
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        rows = list(reader)
        fields = reader.fieldnames or []
    if limit is None or limit >= len(rows):
        return source, len(rows)
    path = tmp / f"verified_claims.first{limit}.tsv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, delimiter="\t")
        writer.writeheader()
        writer.writerows(rows[:limit])
    return path, limit


def timed_import(url: str, matcher: str, path: Path) -> tuple[float, str]:
    """Migrate the store at ``url`` (untimed), then time `corroborate import-claims PATH`."""
    env = corroborate_env(url, matcher)
    run_corroborate(["db", "upgrade"], env)
    started = time.perf_counter()
    done = subprocess.run(
        [*corroborate_command(), "import-claims", str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"import-claims failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    return seconds, summary


def added(summary: str) -> int:
    """The count of claims added from `claims: N added, …`."""
    try:
        return int(summary.split(":", 1)[1].split("added", 1)[0].strip().replace(",", ""))
    except (IndexError, ValueError):
        sys.exit(f"cannot read the import summary: {summary!r}")


def bench_import(
    backend: str, new_url, matcher: str, path: Path, records: int, tmp: Path
) -> list[object]:
    """(b)/(c) for one backend and matcher: a table row. ``new_url`` makes a new store."""
    one = tmp / "one_claim.jsonl"
    one.write_text(
        json.dumps({"external_id": "startup-1", "text": "Talks resume by video on Monday."}) + "\n",
        encoding="utf-8",
    )
    with new_url() as url:
        startup, _ = timed_import(url, matcher, one)
    with new_url() as url:
        seconds, summary = timed_import(url, matcher, path)
    count = added(summary)
    if count != records:
        print(f"note: {backend} {matcher}: {summary}", file=sys.stderr)
    net = max(seconds - startup, 1e-9)
    return [
        backend,
        matcher,
        count,
        f"{seconds:.1f}",
        f"{count / seconds:,.0f}",
        f"{startup:.1f}",
        f"{count / net:,.0f}",
    ]


def run(args: argparse.Namespace) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="corroborate-bench-ingest-"))
    try:
        measure(args, tmp)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


def measure(args: argparse.Namespace, tmp: Path) -> None:
    settings = Settings()
    matchers = ["lexical", "hybrid"] if args.matcher == "both" else [args.matcher]
    print(machine_line())
    workers = args.workers or settings.workers
    threads = args.threads or settings.threads

    article_rows = []
    failed: dict[int, int] = {}
    if not args.skip_articles:
        workloads = list(WORKLOADS) if args.text == "both" else [args.text]
        for matcher in matchers:
            for workload in workloads:
                print(f"(a) POST /v1/articles, {matcher}, {workload} …", file=sys.stderr)
                row, others = bench_articles(args, matcher, workload, tmp)
                article_rows.append(row)
                for status, n in others.items():
                    failed[status] = failed.get(status, 0) + n

    import_rows = []
    if not args.skip_import:
        from contextlib import contextmanager

        @contextmanager
        def new_sqlite():
            folder = Path(tempfile.mkdtemp(prefix="import-", dir=tmp))
            yield f"sqlite:///{folder / 'bench.db'}"

        def new_postgres():
            return postgres_schema(args.postgres_url)

        backends = [("SQLite", new_sqlite)]
        pg_note = None
        if args.postgres_url:
            pg_note = postgres_problem(args.postgres_url)
            if pg_note is None:
                backends.append(("PostgreSQL", new_postgres))
        for matcher in matchers:
            limit = args.limit
            if matcher == "hybrid" and args.hybrid_limit:
                limit = min(limit or args.hybrid_limit, args.hybrid_limit)
            path, records = claims_file(args.data, limit, tmp)
            for backend, new_url in backends:
                print(f"(b) import-claims, {backend}, {matcher}, {records} …", file=sys.stderr)
                import_rows.append(bench_import(backend, new_url, matcher, path, records, tmp))

    if article_rows:
        print(
            f"\n(a) POST /v1/articles: `corroborate serve` {workers} workers × {threads} "
            f"threads, rate limiting off, SQLite with the seeds; {args.clients} client threads "
            "with keep-alive connections on loopback; distinct articles, either of the seed "
            "paragraphs reshuffled (most sentences are stored already, as with wire copy that "
            "several outlets print) or of sentences no other article holds\n"
        )
        print(
            table(
                [
                    "matcher",
                    "text",
                    "articles",
                    "chars/article",
                    "claims",
                    "s",
                    "articles/s",
                    "claims/s",
                    "p50 ms",
                    "p99 ms",
                    "p50 ms first / last quarter",
                    "not 201",
                ],
                article_rows,
            )
        )
    if import_rows:
        print(
            "\n(b, c) `corroborate import-claims` (CheckThat! 2020 Task 2 verified claims), "
            "new store each, wall time of the command; `start-up s` is the same command "
            "importing one record\n"
        )
        print(
            table(
                [
                    "store",
                    "matcher",
                    "claims",
                    "s",
                    "claims/s",
                    "start-up s",
                    "claims/s without start-up",
                ],
                import_rows,
            )
        )
        if args.postgres_url and pg_note:
            print(f"\nPostgreSQL skipped: {pg_note}")
    if failed.get(503):
        print(
            f"\n{failed[503]} articles answered 503: the request outlived "
            "CORROBORATE_REQUEST_BUDGET (a timing result, reported, not a failure)"
        )
    if set(failed) - {503}:
        sys.exit(f"articles answered with errors: {failed}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="CheckThat! 2020 Task 2")
    parser.add_argument("--matcher", choices=("lexical", "hybrid", "both"), default="lexical")
    parser.add_argument("--articles", type=int, default=200, help="articles to POST (lexical)")
    parser.add_argument("--hybrid-articles", type=int, default=60, help="articles to POST (hybrid)")
    parser.add_argument(
        "--text",
        choices=(*WORKLOADS, "both"),
        default="both",
        help="articles of reprinted seed paragraphs, of new sentences, or both (default)",
    )
    parser.add_argument("--clients", type=int, default=4, help="concurrent client connections")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: Settings)")
    parser.add_argument("--threads", type=int, help="threads per worker (default: Settings)")
    parser.add_argument("--limit", type=int, help="import at most this many records")
    parser.add_argument(
        "--hybrid-limit",
        type=int,
        default=2000,
        help="import at most this many records in hybrid (0: all)",
    )
    parser.add_argument(
        "--postgres-url",
        default=POSTGRES_URL,
        help="PostgreSQL for (c), a schema of its own is created and dropped; '' skips it",
    )
    parser.add_argument("--skip-articles", action="store_true", help="skip (a)")
    parser.add_argument("--skip-import", action="store_true", help="skip (b) and (c)")
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary stores and server logs"
    )
    args = parser.parse_args()
    if not args.skip_import and not (args.data / "verified_claims.docs.tsv").exists():
        sys.exit(f"no data at {args.data}: see bench/checkthat.py or pass --data")
    run(args)


if __name__ == "__main__":
    main()
