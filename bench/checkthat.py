"""CLEF 2020 CheckThat! Task 2: verified-claim retrieval, ours beside two baselines.

Imports the verified claims through the `import-claims` code path, runs each tweet
of a split through the same ranking code as `POST /v1/verify`, and prints MAP@5,
P@1, MRR and latency — and, in the same run over the same claims, rapidfuzz
`token_set_ratio` brute force and the full-text index (FTS5 bm25 / PostgreSQL
ts_rank) alone. Tune on train/dev (`--split dev`, `--tune`); report test.

Data: https://github.com/sshaar/clef2020-factchecking-task2 (v3.0 plus test gold);
by default read from ../shared/data/checkthat2020-task2 next to the repository.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import time
from pathlib import Path

from common import ROOT, mean, percentile, table, temp_store
from rapidfuzz import fuzz, process

from service.cli import read_records
from service.matching.rerank import Weights
from service.matching.retrieve import query_terms
from service.verification import Verifier, import_claims

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "checkthat2020-task2"


def load_split(data: Path, split: str) -> tuple[dict[str, str], dict[str, str]]:
    """Tweets of a split and their gold claim id."""
    tweets: dict[str, str] = {}
    with (data / split / "tweets.queries.tsv").open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")
        next(reader)
        for row in reader:
            if len(row) >= 2:
                tweets[row[0]] = row[1]
    gold: dict[str, str] = {}
    for line in (data / split / "tweet-vclaim-pairs.qrels").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 3:
            gold[parts[0]] = parts[2]
    return {t: tweets[t] for t in gold if t in tweets}, gold


def scores(ranked: list[list[str]], golds: list[str]) -> dict[str, float]:
    """MAP@5 (one relevant claim per tweet: reciprocal rank cut at 5), P@1, MRR."""
    rr5, p1, rr = [], [], []
    for ranking, gold in zip(ranked, golds, strict=True):
        rank = ranking.index(gold) + 1 if gold in ranking else None
        rr5.append(1 / rank if rank and rank <= 5 else 0.0)
        p1.append(1.0 if rank == 1 else 0.0)
        rr.append(1 / rank if rank else 0.0)
    return {"MAP@5": mean(rr5), "P@1": mean(p1), "MRR": mean(rr)}


def run(args: argparse.Namespace) -> None:
    store = temp_store(args.database_url)
    records = list(read_records(args.data / "verified_claims.docs.tsv"))
    started = time.perf_counter()
    with store.write() as repo:
        report = import_claims(repo, records)
    import_seconds = time.perf_counter() - started
    print(f"imported {len(report.created)} claims in {import_seconds:.1f} s "
          f"({len(report.created) / import_seconds:,.0f} claims/s) on {store.dialect}")

    tweets, gold = load_split(args.data, args.split)
    ids, texts = list(tweets), list(tweets.values())
    golds = [gold[i] for i in ids]
    with store.read() as repo:
        id_of = {c.id: c.external_id for c in repo.claims_by_ids(
            h.claim_id for h in repo.search(["the", "a"], limit=1))}  # warm the connection
        del id_of
        all_claims = {}
        page = 1
        while True:
            chunk = repo.list_claims(page=page, limit=1000)
            all_claims.update({c.id: c for c in chunk.items})
            if not chunk.has_next:
                break
            page += 1
    external = {cid: c.external_id for cid, c in all_claims.items()}

    rows = []
    verifier = Verifier()
    if args.tune:
        tune(store, verifier, texts, golds, external)
        return

    # ours: the verify ranking (retrieval, typo expansion, rapidfuzz re-ranking)
    ranked, latencies = [], []
    with store.read() as repo:
        verifier.rank(repo, "warm up")
        for text in texts:
            t0 = time.perf_counter()
            scored, _ = verifier.rank(repo, text)
            verifier.verify(repo, text, limit=5)  # the full /v1/verify work, for latency
            latencies.append((time.perf_counter() - t0) * 1000)
            ranked.append([external[s.claim.id] for s in scored[:5]])
    rows.append(["corroborate (verify ranking)", *scores(ranked, golds).values(),
                 percentile(latencies, 50), percentile(latencies, 99)])

    # baseline: the full-text index alone
    ranked, latencies = [], []
    with store.read() as repo:
        for text in texts:
            t0 = time.perf_counter()
            terms, _ = query_terms(text)
            hits = repo.search(terms, limit=5)
            latencies.append((time.perf_counter() - t0) * 1000)
            ranked.append([external[h.claim_id] for h in hits])
    name = "FTS5 bm25 alone" if store.dialect == "sqlite" else "PostgreSQL ts_rank alone"
    rows.append([name, *scores(ranked, golds).values(),
                 percentile(latencies, 50), percentile(latencies, 99)])

    # baseline: rapidfuzz token_set_ratio, brute force over claim + title
    choices = {cid: f"{c.text} {c.article_title or ''}" for cid, c in all_claims.items()}
    ranked, latencies = [], []
    for text in texts:
        t0 = time.perf_counter()
        found = process.extract(text, choices, scorer=fuzz.token_set_ratio, limit=5)
        latencies.append((time.perf_counter() - t0) * 1000)
        ranked.append([external[cid] for _c, _s, cid in found])
    rows.append(["rapidfuzz token_set_ratio brute force", *scores(ranked, golds).values(),
                 percentile(latencies, 50), percentile(latencies, 99)])

    print(f"\nCheckThat! 2020 Task 2, split `{args.split}` ({len(texts)} tweets), "
          f"{len(all_claims):,} claims, {store.dialect}\n")
    print(table(["method", "MAP@5", "P@1", "MRR", "p50 ms", "p99 ms"], rows))


def tune(store, verifier: Verifier, texts, golds, external) -> None:
    """Grid-search the re-ranking weights on this split (never run it on test)."""
    with store.read() as repo:
        prepared = [verifier.rank(repo, t)[0] for t in texts]
    results = []
    grid = [x / 20 for x in range(0, 21)]
    for ts, cov, ccov in itertools.product(grid, grid, grid):
        bm = 1 - ts - cov - ccov
        if bm < -1e-9:
            continue
        w = Weights(token_set=ts, coverage=cov, claim_coverage=ccov, bm25=round(bm, 3))
        ranked = []
        for scored in prepared:
            order = sorted(
                scored,
                key=lambda s: -sum(getattr(w, k) * v for k, v in s.features.items()),
            )
            ranked.append([external[s.claim.id] for s in order[:5]])
        results.append((scores(ranked, golds)["MAP@5"], w))
    results.sort(key=lambda r: -r[0])
    for value, w in results[:10]:
        print(f"MAP@5 {value:.4f}  {w}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", default="test", choices=("train", "dev", "test"))
    parser.add_argument("--database-url", help="default: a new SQLite file")
    parser.add_argument("--tune", action="store_true", help="grid-search weights (train/dev)")
    args = parser.parse_args()
    if args.tune and args.split == "test":
        parser.error("tune on train or dev, never on test")
    if not args.data.exists():
        print(f"no data at {args.data}: download it (see the docstring) or pass --data")
        return
    run(args)


if __name__ == "__main__":
    main()
