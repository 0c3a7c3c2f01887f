"""Verification at scale: latency, quality, build time, size and memory from 10k to 1M claims.

For each size N and backend, builds a store deterministically — the five seed articles,
the CheckThat! 2020 Task 2 verified claims (so every test tweet's gold claim is inside),
and generated distractors up to N — through the same import code path as
`corroborate import-claims`, then, in a fresh process that loads the app as a gunicorn
worker does, runs the CheckThat! test tweets through the `/v1/verify` code and reports
latency p50/p99 (median over repeated passes), MAP@5, build time, database size and the
worker's resident memory.

Distractors keep the shape of the real vocabulary: each is a walk of a word-bigram model
of the verified claims and their titles (same words, same frequencies, same lengths). By
default (`--distractors heaps`) the store is read as N/10k copies of the archive in which
the 1,000 commonest words keep their spelling and rarer words take one of about
sqrt(copy) spellings, so the vocabulary grows as Heaps' law predicts (beta = 0.5) and
common words grow with N. `--distractors copies` keeps every spelling: the worst case, an
archive of near-copies of the same 10k claims, where each rare word recurs N/10k times.

    python bench/scale.py --claims 10000 100000 1000000 --backend sqlite postgresql

Built stores are kept under --workdir (SQLite files; PostgreSQL schemas `scale_<N>`) and
reused by later runs unless --rebuild is given.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import statistics
import subprocess
import sys
import time
import zlib
from collections import Counter, defaultdict
from pathlib import Path

from checkthat import DEFAULT_DATA, load_split, scores
from common import ROOT, percentile, table

from service.cli import read_records, seed_store
from service.storage import Store
from service.storage.migrate import upgrade
from service.verification import FactCheckRecord, import_claims

POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
BATCH = 5_000
SEED = 20221
PUBLISHERS = [f"Archive desk {c}" for c in "ABCDEFGH"]
_WORD = re.compile(r"\S+")
_NUMBER = re.compile(r"^\$?\d[\d,.]*%?$")
COMMON_WORDS = 1_000  # keep their spelling in every copy of the archive
FRESH_NUMBERS = 0.3  # share of numbers replaced by a new one
_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ren",
    "sto",
    "vat",
    "bel",
    "dor",
    "fin",
    "gra",
    "hul",
    "jas",
    "kem",
    "lin",
    "mor",
    "nat",
    "pel",
    "ros",
    "tun",
    "vik",
]


class BigramModel:
    """Word bigrams of a set of texts: walks reproduce their words, frequencies and lengths."""

    def __init__(self, texts: list[str]) -> None:
        self.starts: list[str] = []
        self.following: dict[str, list[str]] = defaultdict(list)
        self.lengths: list[int] = []
        for t in texts:
            words = _WORD.findall(t)
            if not words:
                continue
            self.starts.append(words[0])
            self.lengths.append(len(words))
            for a, b in zip(words, [*words[1:], None], strict=True):
                self.following[a].append(b)  # type: ignore[arg-type]

    def walk(self, rng: random.Random) -> list[str]:
        limit = rng.choice(self.lengths)
        word = rng.choice(self.starts)
        out = []
        while word is not None and len(out) < limit:
            out.append(word)
            word = rng.choice(self.following[word])
        return out


class Vocabulary:
    """How a generated archive N times the real one spells its words.

    The real claims' commonest words (by document frequency) keep their spelling
    everywhere. Every other word gets, in each copy ("universe") of the archive, one of
    about sqrt(universe) spellings: the original or a variant with a syllable added.
    So common words grow with N, the rare tail grows with sqrt(N) (Heaps' law,
    beta = 0.5), and a rare real word is shared by sqrt(N/10k), not N/10k, distractors.
    ``heaps=False`` keeps every spelling: the worst case, an archive of near-copies.
    """

    def __init__(self, texts: list[str], *, common: int = COMMON_WORDS, heaps: bool = True):
        df: Counter[str] = Counter()
        for t in texts:
            df.update({w.lower() for w in _WORD.findall(t)})
        self.fixed = {w for w, _ in df.most_common(common)}
        self.heaps = heaps

    def spell(self, word: str, universe: int, rng: random.Random) -> str:
        if _NUMBER.match(word):
            return f"{rng.randint(2, 99_999):,}" if rng.random() < FRESH_NUMBERS else word
        if not self.heaps or universe == 0 or word.lower() in self.fixed:
            return word
        core = word.rstrip(".,;:!?\"')")
        if not core[:1].isalpha():
            return word
        variant = zlib.crc32(f"{core.lower()}|{universe}".encode()) % (math.isqrt(universe) + 1)
        if variant == 0:
            return word
        return (
            core
            + _SYLLABLES[variant % len(_SYLLABLES)] * (1 + variant // len(_SYLLABLES))
            + word[len(core) :]
        )


def distractors(real: list[FactCheckRecord], count: int, *, heaps: bool = True):
    """``count`` generated fact-check records; record i is the same on every run."""
    claims = BigramModel([r.text for r in real])
    titles = BigramModel([r.title for r in real if r.title])
    spelling = Vocabulary([r.text for r in real], heaps=heaps)
    for i in range(count):
        rng = random.Random(SEED * 1_000_003 + i)
        universe = 1 + i // len(real)
        text = " ".join(spelling.spell(w, universe, rng) for w in claims.walk(rng))
        title = " ".join(spelling.spell(w, universe, rng) for w in titles.walk(rng))
        yield FactCheckRecord(
            external_id=f"synthetic-{i}",
            text=text,
            title=title,
            publisher=PUBLISHERS[i % len(PUBLISHERS)],
        )


# --------------------------------------------------------------------------- build


def store_name(n: int, kind: str) -> str:
    return f"scale_{n}" if kind == "heaps" else f"scale_{kind}_{n}"


def store_url(backend: str, name: str, workdir: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{workdir / f'{name}.db'}"
    return f"{POSTGRES_URL}?options=-csearch_path%3D{name}"


def reset(backend: str, name: str, workdir: Path) -> None:
    if backend == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            (workdir / f"{name}.db{suffix}").unlink(missing_ok=True)
        return
    import sqlalchemy as sa

    engine = sa.create_engine(POSTGRES_URL)
    with engine.begin() as conn:
        conn.execute(sa.text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
        conn.execute(sa.text(f"CREATE SCHEMA {name}"))
    engine.dispose()


def claim_count(url: str) -> int:
    store = Store(url)
    try:
        with store.read() as repo:
            return repo.counts()["claims"]
    except Exception:
        return 0
    finally:
        store.db.engine.dispose()


def build(url: str, n: int, data: Path, kind: str) -> dict:
    """Seeds, the verified claims, then distractors up to ``n`` claims; timed."""
    from tqdm import tqdm

    store = Store(url)
    upgrade(store.db.engine)
    started = time.perf_counter()
    seed_store(store, ROOT / "seeds")
    real = list(read_records(data / "verified_claims.docs.tsv"))
    for i in range(0, len(real), BATCH):
        with store.write() as repo:
            import_claims(repo, real[i : i + BATCH])
    with store.read() as repo:
        have = repo.counts()["claims"]
    todo = max(0, n - have)
    generated = distractors(real, todo, heaps=kind == "heaps")
    with tqdm(total=todo, desc=f"distractors to {n:,}", unit="claim", disable=None) as bar:
        while True:
            batch = [r for _, r in zip(range(BATCH), generated, strict=False)]
            if not batch:
                break
            with store.write() as repo:
                import_claims(repo, batch)
            bar.update(len(batch))
    if store.dialect == "sqlite":
        with store.write() as repo:  # as `corroborate import-claims` ends
            repo.optimize_search_index()
    else:
        # what an operator runs after a bulk load: planner statistics, GIN pending list merged
        with store.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM (ANALYZE) claims")
    seconds = time.perf_counter() - started
    with store.read() as repo:
        counts = repo.counts()
    store.db.engine.dispose()
    return {"claims": counts["claims"], "seconds": seconds}


def database_bytes(backend: str, name: str, workdir: Path) -> int:
    if backend == "sqlite":
        path = workdir / f"{name}.db"
        if path.exists():
            import sqlite3

            with sqlite3.connect(path) as conn:  # fold the WAL in before measuring
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return sum(
            p.stat().st_size
            for p in workdir.glob(f"{name}.db*")
            if p.name in {f"{name}.db", f"{name}.db-wal"}
        )
    import sqlalchemy as sa

    engine = sa.create_engine(POSTGRES_URL)
    with engine.connect() as conn:
        size = conn.execute(
            sa.text(
                "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                "JOIN pg_namespace s ON s.oid = c.relnamespace "
                "WHERE s.nspname = :schema AND c.relkind IN ('r', 'm')"
            ),
            {"schema": name},
        ).scalar_one()
    engine.dispose()
    return int(size)


# --------------------------------------------------------------------------- measure


def rss_kib() -> tuple[int, int]:
    """(VmRSS, VmHWM) of this process in KiB."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0])
    return fields["VmRSS"], fields["VmHWM"]


def measure(url: str, data: Path, repeats: int, matcher: str) -> dict:
    """Run in a fresh process: load the app as a worker does, then verify every test tweet."""
    from service.app import create_app

    app = create_app({"database_url": url, "matcher": matcher, "seed_on_start": False})
    services = app.extensions["corroborate"]
    verifier, store = services.verifier, services.store
    tweets, gold = load_split(data, "test")
    ids, texts = list(tweets), list(tweets.values())
    golds = [gold[i] for i in ids]

    ranked: list[list[str]] = []
    p50s, p99s = [], []
    with store.read() as repo:
        verifier.verify(repo, "warm up the vocabulary mirror", limit=5)
        first_ms = []
        for text in texts:  # the first pass also gives quality (same code path)
            t0 = time.perf_counter()
            scored, _ = verifier.rank(repo, text)
            first_ms.append((time.perf_counter() - t0) * 1000)
            top = [s.claim.id for s in scored[:5]]
            externals = repo.claims_by_ids(top)
            ranked.append([externals[c].external_id or "" for c in top if c in externals])
        for _ in range(repeats):
            latencies = []
            for text in texts:
                t0 = time.perf_counter()
                verifier.verify(repo, text, limit=5)
                latencies.append((time.perf_counter() - t0) * 1000)
            p50s.append(percentile(latencies, 50))
            p99s.append(percentile(latencies, 99))
    rss, hwm = rss_kib()
    return {
        **scores(ranked, golds),
        "p50": statistics.median(p50s),
        "p99": statistics.median(p99s),
        "cold_p99": percentile(first_ms, 99),
        "rss_mib": rss / 1024,
        "hwm_mib": hwm / 1024,
        "vocabulary": len(verifier.vocabulary),
    }


def measure_in_subprocess(url: str, args: argparse.Namespace) -> dict:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    out = subprocess.run(
        [
            sys.executable,
            __file__,
            "--measure",
            url,
            "--data",
            str(args.data),
            "--repeats",
            str(args.repeats),
            "--matcher",
            args.matcher,
        ],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument(
        "--backend", nargs="+", choices=("sqlite", "postgresql"), default=["sqlite"]
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/corroborate-scale"))
    parser.add_argument("--rebuild", action="store_true", help="rebuild stores that exist")
    parser.add_argument("--repeats", type=int, default=3, help="timed passes over the tweets")
    parser.add_argument("--matcher", choices=("lexical", "hybrid"), default="lexical")
    parser.add_argument(
        "--distractors",
        choices=("heaps", "copies"),
        default="heaps",
        help="how the generated archive spells rare words (see the module docstring)",
    )
    parser.add_argument("--measure", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.data, args.repeats, args.matcher)))
        return
    if not args.data.exists():
        print(f"no data at {args.data}: see bench/checkthat.py")
        return
    args.workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    for backend in args.backend:
        for n in args.claims:
            name = store_name(n, args.distractors)
            url = store_url(backend, name, args.workdir)
            built = None
            if args.rebuild or claim_count(url) < min(n, 10_000):
                reset(backend, name, args.workdir)
                built = build(url, n, args.data, args.distractors)
                print(
                    f"built {backend} {built['claims']:,} claims in {built['seconds']:.0f} s "
                    f"({built['claims'] / built['seconds']:,.0f} claims/s)",
                    flush=True,
                )
            result = measure_in_subprocess(url, args)
            size = database_bytes(backend, name, args.workdir)
            rows.append(
                [
                    backend,
                    f"{claim_count(url):,}",
                    result["MAP@5"],
                    result["P@1"],
                    f"{result['p50']:.1f}",
                    f"{result['p99']:.1f}",
                    f"{result['cold_p99']:.1f}",
                    f"{built['seconds']:.0f}" if built else "(kept)",
                    f"{size / 2**20:,.0f}",
                    f"{result['rss_mib']:.0f}",
                    f"{result['vocabulary']:,}",
                ]
            )
            print(json.dumps({"backend": backend, "n": n, **result}), flush=True)
    print(
        f"\nScale, matcher {args.matcher}, distractors {args.distractors}: "
        "CheckThat! 2020 Task 2 test tweets "
        f"through the verify code, {args.repeats} timed passes (median)\n"
    )
    print(
        table(
            [
                "backend",
                "claims",
                "MAP@5",
                "P@1",
                "p50 ms",
                "p99 ms",
                "first-pass p99 ms",
                "build s",
                "DB MiB",
                "worker RSS MiB",
                "vocabulary",
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main()
