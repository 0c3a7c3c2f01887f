"""Ingestion CPU per article, in process, by phase; and a fingerprint of the fact grouping.

Builds a new SQLite store, loads the seeds (as `corroborate seed` does), then ingests the
articles of bench/ingest.py (sentences no other article holds, then seed paragraphs
reshuffled) the way POST /v1/articles does: ``prepare_article`` (extraction), the grouping
searches in a read transaction (``searched_in``), then ``ingest_article`` in a write
transaction, of which the grouping (``assign_facts``) is timed apart from the storing.
Process CPU time (``time.process_time``), so that other work on the machine barely moves it.

The fingerprint is the grouping itself: every fact as the set of its claims (by article
and span), once after the seeds and once at the end; two versions of the code that
print the same fingerprints group identically. ``--dump`` writes both as JSON.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import pstats
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from checkthat import DEFAULT_DATA
from common import ROOT, temp_store
from ingest import make_articles, make_new_articles

import service.verification as verification
from service.cli import seed_store
from service.config import Settings
from service.verification import ingest_article, prepare_article

PHASES = ("extract", "search", "group", "store", "total")


def grouping(store) -> list[list[tuple[int, int, int]]]:
    """Every fact as the sorted (article id, start, end) of its claims, facts sorted."""
    with store.read() as repo:
        rows = repo._rows(
            "SELECT fact_id, article_id, span_start, span_end FROM claims "
            "WHERE fact_id IS NOT NULL",
            {},
        )
    facts: dict[int, list[tuple[int, int, int]]] = {}
    for fact_id, article_id, start, end in rows:
        facts.setdefault(fact_id, []).append((article_id, start, end))
    return sorted(sorted(claims) for claims in facts.values())


def digest(groups) -> str:
    return hashlib.sha256(json.dumps(groups).encode()).hexdigest()[:16]


def ingest(store, article: dict, timing: dict[str, float]) -> None:
    """One article as POST /v1/articles ingests it, its CPU added to ``timing`` by phase."""
    published = date.fromisoformat(article["published_at"])
    t0 = time.process_time()
    prepared = prepare_article(article["text"], title=article["title"], published_at=published)
    t1 = time.process_time()
    with store.read() as repo:
        prepared = prepared.searched_in(repo)
    t2 = time.process_time()
    grouped = [0.0]
    assign = verification.assign_facts

    def timed_assign(*args, **kwargs):
        started = time.process_time()
        try:
            return assign(*args, **kwargs)
        finally:
            grouped[0] += time.process_time() - started

    verification.assign_facts = timed_assign
    try:
        with store.write() as repo:
            ingest_article(
                repo,
                outlet=article["outlet"]["name"],
                outlet_url=article["outlet"].get("url"),
                title=article["title"],
                text=article["text"],
                url=article.get("url"),
                published_at=published,
                language=article["language"],
                prepared=prepared,
            )
    finally:
        verification.assign_facts = assign
    t3 = time.process_time()
    for phase, seconds in (
        ("extract", t1 - t0),
        ("search", t2 - t1),
        ("group", grouped[0]),
        ("store", t3 - t2 - grouped[0]),
        ("total", t3 - t0),
    ):
        timing.setdefault(phase, []).append(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="CheckThat! 2020 Task 2")
    parser.add_argument("--new", type=int, default=150, help="articles of new sentences")
    parser.add_argument("--reprinted", type=int, default=100, help="seed paragraphs reshuffled")
    parser.add_argument("--profile", type=Path, help="write cProfile stats of the articles here")
    parser.add_argument("--top", type=int, default=0, help="print the top N cProfile functions")
    parser.add_argument("--dump", type=Path, help="write the groupings as JSON here")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line")
    parser.add_argument(
        "--fts",
        action="append",
        default=[],
        metavar="OPTION=VALUE",
        help="an FTS5 configuration option set on the new store, e.g. automerge=2",
    )
    args = parser.parse_args()

    seeds = ROOT / Settings().seeds_dir
    folder = Path(tempfile.mkdtemp(prefix="corroborate-ingest-profile-"))
    store = temp_store(f"sqlite:///{folder / 'bench.db'}")
    for option in args.fts:
        name, value = option.split("=", 1)
        with store.write() as repo:
            repo._rows(
                "INSERT INTO claims_fts(claims_fts, rank) VALUES(:name, :value)",
                {"name": name, "value": int(value)},
            )
    seed_store(store, seeds)
    seeded = grouping(store)

    workloads = [
        ("new", make_new_articles(args.new, seeds, args.data)),
        ("reprinted", make_articles(args.reprinted, seeds)),
    ]
    profiler = cProfile.Profile() if args.profile or args.top else None
    timings: dict[str, dict[str, list[float]]] = {}
    for kind, articles in workloads:
        timing = timings.setdefault(kind, {})
        if profiler:
            profiler.enable()
        for article in articles:
            ingest(store, article, timing)
            with store.read() as repo:  # untimed: the index's segments the next one reads
                timing.setdefault("segments", []).append(
                    repo._rows("SELECT count(DISTINCT segid) FROM claims_fts_idx", {})[0][0]
                )
        if profiler:
            profiler.disable()
    final = grouping(store)

    with store.read() as repo:
        segments = repo._rows("SELECT count(DISTINCT segid) FROM claims_fts_idx", {})[0][0]
    result = {
        "segments": segments,
        "seeds": digest(seeded),
        "all": digest(final),
        "facts": len(final),
        "claims": sum(len(f) for f in final),
        "ms": {
            kind: {p: 1000 * statistics.fmean(t[p]) for p in PHASES if t.get(p)}
            for kind, t in timings.items()
        },
        "mean_segments": {
            kind: round(statistics.fmean(t["segments"]), 1)
            for kind, t in timings.items()
            if t.get("segments")
        },
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"grouping: seeds {result['seeds']}, all {result['all']} ", end="")
        print(f"({result['facts']} facts, {result['claims']} claims, {segments} index segments)")
        for kind, ms in result["ms"].items():
            print(
                f"{kind:10} "
                + "  ".join(f"{p} {v:6.1f}" for p, v in ms.items())
                + f"  ms/article; index segments {result['mean_segments'].get(kind)} on average"
            )
    if args.dump:
        args.dump.write_text(json.dumps({"seeds": seeded, "all": final}))
    if profiler:
        if args.profile:
            profiler.dump_stats(args.profile)
        if args.top:
            pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
