"""Memory and search time of the per-worker vector index at 10k and 1M claims.

Exact search: the worker holds every claim vector (float32, 384 dimensions) and answers
with one matrix-vector product. Random unit vectors stand in for claim embeddings: memory
and time depend on the count and the dimension only. Prints resident memory added and
search latency, beside float16 storage (half the memory) for comparison.
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np
from common import percentile, table

from service.matching.semantic import VectorIndex


def rss_mb() -> float:
    """Peak resident memory of this process, MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(n: int, dim: int, rng) -> VectorIndex:
    index = VectorIndex("bench", dim)
    batch = 50_000
    for start in range(0, n, batch):
        m = min(batch, n - start)
        vectors = rng.standard_normal((m, dim), dtype=np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        index._add(
            [(start + i + 1, start + i + 1, "bench", vectors[i].tobytes()) for i in range(m)]
        )
    return index


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,1000000")
    parser.add_argument("--queries", type=int, default=100)
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        before = rss_mb()
        index = build(n, 384, rng)
        added = rss_mb() - before
        query = rng.standard_normal(384, dtype=np.float32)
        query /= np.linalg.norm(query)
        latencies = []
        for _ in range(args.queries):
            t0 = time.perf_counter()
            index.search(query, limit=50)
            latencies.append((time.perf_counter() - t0) * 1000)
        half = index._matrix.astype(np.float16)
        t16 = []
        for _ in range(min(args.queries, 20)):
            t0 = time.perf_counter()
            scores = half @ query.astype(np.float16)
            np.argpartition(-scores, 49)[:50]
            t16.append((time.perf_counter() - t0) * 1000)
        rows.append(
            [
                f"{n:,}",
                index.memory_bytes() / 2**20,
                added,
                percentile(latencies, 50),
                percentile(latencies, 99),
                half.nbytes / 2**20,
                percentile(t16, 50),
            ]
        )
        del index, half
    print(
        table(
            [
                "claims",
                "float32 MB",
                "peak RSS added MB",
                "search p50 ms",
                "p99 ms",
                "float16 MB",
                "float16 p50 ms",
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main()
