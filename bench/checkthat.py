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
import os
import time
from pathlib import Path

import numpy as np
from common import ROOT, mean, percentile, table, temp_store
from rapidfuzz import fuzz, process, utils

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
    for line in (
        (data / split / "tweet-vclaim-pairs.qrels").read_text(encoding="utf-8").splitlines()
    ):
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
    embedder = None
    if args.matcher == "hybrid":
        from service.matching.semantic import load_embedder

        embedder = load_embedder()
    started = time.perf_counter()
    with store.write() as repo:
        report = import_claims(repo, records)
    import_seconds = time.perf_counter() - started
    with store.write() as repo:  # as `corroborate import-claims` ends
        repo.optimize_search_index()
    print(
        f"imported {len(report.created)} claims in {import_seconds:.1f} s "
        f"({len(report.created) / import_seconds:,.0f} claims/s, lexical) on {store.dialect}"
    )
    if embedder is not None:
        from service.verification import reindex

        started = time.perf_counter()
        count = reindex(store, embedder, batch_size=512)
        seconds = time.perf_counter() - started
        print(f"embedded {count} claims in {seconds:.1f} s ({count / seconds:,.0f} claims/s)")

    tweets, gold = load_split(args.data, args.split)
    ids, texts = list(tweets), list(tweets.values())
    golds = [gold[i] for i in ids]
    with store.read() as repo:
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
    verifiers = [("corroborate lexical (verify ranking)", Verifier())]
    if embedder is not None:
        verifiers.append(("corroborate hybrid (verify ranking)", Verifier(embedder=embedder)))
    if args.tune:
        tune(store, verifiers[-1][1], texts, golds, external)
        return

    # ours: the verify ranking (retrieval, typo expansion, rapidfuzz re-ranking[, vectors])
    for name, verifier in verifiers:
        ranked, latencies = [], []
        with store.read() as repo:
            verifier.rank(repo, "warm up")
            for text in texts:
                scored, _ = verifier.rank(repo, text)
                ranked.append([external[s.claim.id] for s in scored[:5]])
                t0 = time.perf_counter()
                verifier.verify(repo, text, limit=5)  # the whole of /v1/verify's work
                latencies.append((time.perf_counter() - t0) * 1000)
        rows.append(
            [
                name,
                *scores(ranked, golds).values(),
                percentile(latencies, 50),
                percentile(latencies, 99),
            ]
        )

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
    rows.append(
        [
            name,
            *scores(ranked, golds).values(),
            percentile(latencies, 50),
            percentile(latencies, 99),
        ]
    )

    # baseline: rapidfuzz token_set_ratio, brute force over claim + title
    choices = {cid: f"{c.text} {c.article_title or ''}" for cid, c in all_claims.items()}
    ranked, latencies = [], []
    for text in texts:
        t0 = time.perf_counter()
        found = process.extract(
            text, choices, scorer=fuzz.token_set_ratio, processor=utils.default_process, limit=5
        )
        latencies.append((time.perf_counter() - t0) * 1000)
        ranked.append([external[cid] for _c, _s, cid in found])
    rows.append(
        [
            "rapidfuzz token_set_ratio brute force",
            *scores(ranked, golds).values(),
            percentile(latencies, 50),
            percentile(latencies, 99),
        ]
    )

    print(
        f"\nCheckThat! 2020 Task 2, split `{args.split}` ({len(texts)} tweets), "
        f"{len(all_claims):,} claims, {store.dialect}\n"
    )
    print(table(["method", "MAP@5", "P@1", "MRR", "p50 ms", "p99 ms"], rows))


def tune(store, verifier: Verifier, texts, golds, external) -> None:
    """Grid-search the re-ranking weights on this split (never run it on test)."""
    names = list(Weights.__dataclass_fields__)
    prepared = []
    with store.read() as repo:
        for text, gold in zip(texts, golds, strict=True):
            scored = verifier.rank(repo, text)[0]
            features = (
                np.array([[s.features[n] for n in names] for s in scored]) if scored else None
            )
            is_gold = np.array([external[s.claim.id] == gold for s in scored])
            prepared.append((features, is_gold))
    hybrid = verifier.embedder is not None
    step = 0.1 if hybrid else 0.05
    units = round(1 / step)
    free = [n for n in names if n != "bm25" and (hybrid or n != "cosine")]
    # every weighting on the grid whose free weights sum to at most 1; bm25 takes the rest
    grid = []
    for combo in itertools.product(range(units + 1), repeat=len(free)):
        if sum(combo) <= units:
            w = dict.fromkeys(names, 0.0)
            w.update({n: k / units for n, k in zip(free, combo, strict=True)})
            w["bm25"] = 1 - sum(combo) / units
            grid.append([w[n] for n in names])
    weights = np.array(grid).T  # features x weightings
    reciprocal = np.zeros(weights.shape[1])
    for features, is_gold in prepared:
        if features is None or not is_gold.any():
            continue
        totals = features @ weights
        best_gold = totals[is_gold].max(axis=0)
        rank = 1 + (totals > best_gold).sum(axis=0)
        reciprocal += np.where(rank <= 5, 1 / rank, 0.0)
    reciprocal /= len(prepared)
    results = [
        (float(v), tuple(round(float(x), 2) for x in weights[:, i]))
        for i, v in enumerate(reciprocal)
    ]
    results.sort(key=lambda r: -r[0])
    current = tuple(round(getattr(verifier.weights, n), 2) for n in names)
    print("MAP@5  weights (" + ", ".join(names) + ")")
    print(next((f"{v:.4f}  {w}  (current)" for v, w in results if w == current), current))
    found = sum(1 for f, g in prepared if f is not None and g.any()) / len(prepared)
    print(f"gold among the candidates: {found:.3f} (the ceiling of MAP@5)")
    for w in (os.environ.get("CHECK_WEIGHTS") or "").split(";"):
        if w:
            target = tuple(float(x) for x in w.split(","))
            print(next((f"{v:.4f}  {w}  (checked)" for v, w in results if w == target), w))
    for value, w in results[:10]:
        print(f"{value:.4f}  {w}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", default="test", choices=("train", "dev", "test"))
    parser.add_argument("--database-url", help="default: a new SQLite file")
    parser.add_argument("--tune", action="store_true", help="grid-search weights (train/dev)")
    parser.add_argument(
        "--matcher",
        choices=("lexical", "hybrid"),
        default="lexical",
        help="hybrid adds sentence embeddings (semantic extra) beside lexical",
    )
    args = parser.parse_args()
    if args.tune and args.split == "test":
        parser.error("tune on train or dev, never on test")
    if not args.data.exists():
        print(f"no data at {args.data}: download it (see the docstring) or pass --data")
        return
    run(args)


if __name__ == "__main__":
    main()
