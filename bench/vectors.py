"""Per-worker vector index: exact numpy beside faiss ANN indexes, measured in one run.

For each size (``--sizes``, default 10k, 100k and 1M) and each index, in a fresh
subprocess so one index's memory never pollutes another's figures:

1. exact float32: the service's own ``VectorIndex`` (one matrix-vector product),
2. exact float16: the same matrix stored as float16 (half the memory),
3. faiss ``IndexHNSWFlat`` (M=32, inner product), searched with efSearch 64 and 128,
4. faiss ``IndexIVFPQ`` (nlist = 4·sqrt(N), 48 subquantizers x 8 bits, inner product,
   trained on a 50k sample), searched with nprobe 16 and 64.

Reported: build time; memory the index adds to the worker, as the growth of the
process's *anonymous* resident memory (``RssAnon`` in /proc/self/status) across the
build, after the build's temporaries are freed; the vectors are read from a memory-mapped
file, whose pages count as file-backed, not anonymous, so they stay out of the figure;
beside it the bytes the index itself reports; search latency p50/p99 for the top 50 over
single-query searches (``--queries``, default 200; five warm-up searches first, not
counted; 20 for float16, which numpy multiplies without BLAS); recall@50 against exact
float32 search. Builds use every core; searches run one query at a time on one faiss
thread (numpy's matrix-vector product keeps its BLAS's default threads).

Two data sets. Random unit vectors (seed 7) at every size: the worst case for ANN
recall, since they have no cluster structure. And the real all-MiniLM-L6-v2 embeddings of
the CheckThat! 2020 verified claims (about 10k), queried with the CheckThat! test
tweets: what recall looks like on text embeddings. Their vectors are cached in
/tmp/ann_ct_vectors.npy and /tmp/ann_ct_queries.npy (encoding takes about two minutes).

faiss is optional (``pip install '.[ann]'``); without it only the exact indexes are
measured. A 1M HNSW build is skipped when the largest build measured before it,
extrapolated as N·log N, exceeds ``--hnsw-max-build-seconds``.
"""

from __future__ import annotations

import argparse
import csv
import gc
import importlib.util
import json
import math
import os
import subprocess
import sys
import time
from contextlib import suppress
from pathlib import Path

import numpy as np
from common import ROOT, machine_line, percentile, table

DIM = 384
TOP = 50
CHECKTHAT = ROOT.parent / "shared" / "data" / "checkthat2020-task2"
CACHE = Path("/tmp")
HNSW_EF = (64, 128)
IVF_NPROBE = (16, 64)


# --- measurement inside one worker subprocess ------------------------------------------


def rss_anon_mb() -> float:
    """Anonymous resident memory of this process, MB (file-backed pages excluded)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def trimmed_rss_anon_mb() -> float:
    """``rss_anon_mb`` once garbage is collected and glibc has handed freed heap back.

    Without ``malloc_trim`` the figure also counts freed build temporaries that the
    allocator keeps (measured: about twice the matrix for the exact index at 20k).
    """
    import ctypes

    gc.collect()
    with suppress(OSError, AttributeError):  # not glibc: freed memory may still count
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    return rss_anon_mb()


def build_exact(data: np.ndarray):
    """The service's VectorIndex, fed rows as the database hands them (float32 bytes)."""
    from service.matching.semantic import VectorIndex

    index = VectorIndex("bench", DIM)
    batch = 50_000
    for start in range(0, len(data), batch):
        chunk = np.asarray(data[start : start + batch], dtype=np.float32)
        index._add(
            [(start + i + 1, start + i + 1, "bench", chunk[i].tobytes()) for i in range(len(chunk))]
        )
    return index, index.memory_bytes()


def build_half(data: np.ndarray):
    half = np.empty(data.shape, dtype=np.float16)
    for start in range(0, len(data), 100_000):
        half[start : start + 100_000] = data[start : start + 100_000]
    return half, half.nbytes


def build_hnsw(data: np.ndarray):
    import faiss

    index = faiss.IndexHNSWFlat(DIM, 32, faiss.METRIC_INNER_PRODUCT)
    for start in range(0, len(data), 50_000):
        index.add(np.ascontiguousarray(data[start : start + 50_000], dtype=np.float32))
    hnsw = index.hnsw
    size = (
        index.ntotal * DIM * 4  # the vectors themselves (Flat storage)
        + hnsw.neighbors.size() * 4
        + hnsw.offsets.size() * 8
        + hnsw.levels.size() * 4
    )
    return index, size


def ivf_nlist(n: int) -> int:
    return max(1, round(4 * math.sqrt(n)))


def build_ivfpq(data: np.ndarray):
    import faiss

    n = len(data)
    nlist = ivf_nlist(n)
    quantizer = faiss.IndexFlatIP(DIM)
    index = faiss.IndexIVFPQ(quantizer, DIM, nlist, 48, 8, faiss.METRIC_INNER_PRODUCT)
    rng = np.random.default_rng(11)
    sample = np.sort(rng.choice(n, size=min(n, 50_000), replace=False))
    index.train(np.ascontiguousarray(data[sample], dtype=np.float32))
    for start in range(0, n, 50_000):
        index.add(np.ascontiguousarray(data[start : start + 50_000], dtype=np.float32))
    size = (
        index.ntotal * (index.code_size + 8)  # PQ codes + int64 ids in the inverted lists
        + nlist * DIM * 4  # coarse centroids
        + index.pq.centroids.size() * 4
    )
    return index, size


BUILDERS = {"exact32": build_exact, "exact16": build_half, "hnsw": build_hnsw, "ivfpq": build_ivfpq}


def searchers(kind: str, index) -> list[tuple[str, object]]:
    """(label, search(query) -> row numbers of the top 50) for each search setting."""
    if kind == "exact32":
        return [("exact float32", lambda q: [cid - 1 for cid, _s in index.search(q, limit=TOP)])]
    if kind == "exact16":

        def half_search(q):
            scores = index @ q.astype(np.float16)
            top = np.argpartition(-scores, TOP - 1)[:TOP]
            return top[np.argsort(-scores[top])]

        return [("exact float16", half_search)]
    if kind == "hnsw":
        out = []
        for ef in HNSW_EF:

            def hnsw_search(q, ef=ef):
                index.hnsw.efSearch = ef
                return index.search(q[None, :], TOP)[1][0]

            out.append((f"HNSW M=32 efSearch={ef}", hnsw_search))
        return out
    out = []
    for nprobe in IVF_NPROBE:

        def ivf_search(q, nprobe=nprobe):
            index.nprobe = nprobe
            return index.search(q[None, :], TOP)[1][0]

        out.append((f"IVFPQ nlist={index.nlist} m=48x8 nprobe={nprobe}", ivf_search))
    return out


def worker(args: argparse.Namespace) -> None:
    """Build one index over the first ``n`` rows and print its figures as one JSON line."""
    if args.worker in ("hnsw", "ivfpq"):
        import faiss  # imported before the baseline: the library is not the index

        faiss.omp_set_num_threads(os.cpu_count() or 1)  # builds use every core
    import service.matching.semantic  # noqa: F401  (likewise)

    data = np.load(args.data, mmap_mode="r")[: args.n]
    queries = np.load(args.query_file)
    truth = np.load(args.truth)
    before = trimmed_rss_anon_mb()
    started = time.perf_counter()
    index, size = BUILDERS[args.worker](data)
    build_s = time.perf_counter() - started
    added = trimmed_rss_anon_mb() - before
    if args.worker in ("hnsw", "ivfpq"):
        import faiss

        faiss.omp_set_num_threads(1)  # one query at a time, as a request does
    # numpy has no BLAS kernel for float16: a search takes seconds at 1M, so 20 queries
    count = min(len(queries), 20) if args.worker == "exact16" else len(queries)
    rows = []
    for label, search in searchers(args.worker, index):
        for q in queries[:5]:
            search(q)
        latencies, recalls = [], []
        for q, gold in zip(queries[:count], truth[:count], strict=True):
            t0 = time.perf_counter()
            found = search(q)
            latencies.append((time.perf_counter() - t0) * 1000)
            recalls.append(len(set(gold.tolist()) & {int(i) for i in found}) / TOP)
        rows.append(
            {
                "index": label,
                "build_s": build_s,
                "rss_mb": added,
                "size_mb": size / 2**20,
                "p50": percentile(latencies, 50),
                "p99": percentile(latencies, 99),
                "recall": float(np.mean(recalls)),
                "queries": count,
            }
        )
    print(json.dumps(rows))


# --- the driver -------------------------------------------------------------------------


def random_vectors(count: int) -> Path:
    """``count`` random unit vectors (seed 7) in a .npy file, made once and reused."""
    path = CACHE / f"ann_random_{count}_seed7.npy"
    if path.exists() and np.load(path, mmap_mode="r").shape == (count, DIM):
        return path
    rng = np.random.default_rng(7)
    out = np.lib.format.open_memmap(path.with_suffix(".tmp.npy"), "w+", np.float32, (count, DIM))
    for start in range(0, count, 100_000):
        m = min(100_000, count - start)
        v = rng.standard_normal((m, DIM), dtype=np.float32)
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        out[start : start + m] = v
    out.flush()
    del out
    path.with_suffix(".tmp.npy").rename(path)
    return path


def random_queries(count: int) -> Path:
    path = CACHE / f"ann_random_queries_{count}.npy"
    rng = np.random.default_rng(8)
    q = rng.standard_normal((count, DIM), dtype=np.float32)
    np.save(path, q / np.linalg.norm(q, axis=1, keepdims=True))
    return path


def checkthat_vectors(data: Path) -> tuple[Path, Path]:
    """Embeddings of the verified claims and of the test tweets (cached in /tmp)."""
    claims_path, queries_path = CACHE / "ann_ct_vectors.npy", CACHE / "ann_ct_queries.npy"
    if claims_path.exists() and queries_path.exists():
        return claims_path, queries_path
    from service.matching.semantic import load_embedder

    with (data / "verified_claims.docs.tsv").open(encoding="utf-8", newline="") as handle:
        claims = [r["vclaim"] for r in csv.DictReader(handle, delimiter="\t") if r.get("vclaim")]
    with (data / "test" / "tweets.queries.tsv").open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")
        next(reader)
        tweets = [row[1] for row in reader if len(row) >= 2]
    embedder = load_embedder(os.cpu_count() or 1)
    print(f"encoding {len(claims):,} claims and {len(tweets)} tweets ...", file=sys.stderr)
    np.save(queries_path, embedder.encode(tweets))
    np.save(claims_path, embedder.encode(claims))
    return claims_path, queries_path


def exact_truth(data_path: Path, n: int, queries_path: Path, tag: str) -> Path:
    """Row numbers of the exact float32 top 50 of every query among the first n rows."""
    data = np.load(data_path, mmap_mode="r")[:n]
    queries = np.load(queries_path)
    best_rows = np.zeros((len(queries), 0), dtype=np.int64)
    best_scores = np.zeros((len(queries), 0), dtype=np.float32)
    for start in range(0, n, 100_000):
        scores = queries @ np.asarray(data[start : start + 100_000]).T
        k = min(TOP, scores.shape[1])
        top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        best_rows = np.hstack([best_rows, top + start])
        best_scores = np.hstack([best_scores, np.take_along_axis(scores, top, axis=1)])
        keep = np.argsort(-best_scores, axis=1)[:, :TOP]
        best_rows = np.take_along_axis(best_rows, keep, axis=1)
        best_scores = np.take_along_axis(best_scores, keep, axis=1)
    path = CACHE / f"ann_truth_{tag}_{n}.npy"
    np.save(path, best_rows)
    return path


def run_worker(kind: str, data: Path, n: int, queries: Path, truth: Path) -> list[dict]:
    command = [sys.executable, __file__, "--worker", kind, "--data", str(data), "--n", str(n)]
    command += ["--query-file", str(queries), "--truth", str(truth)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode != 0:
        sys.exit(f"{kind} at {n:,} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def row(n: int, r: dict) -> list[object]:
    return [
        f"{n:,}",
        r["index"],
        round(r["build_s"], 2),
        round(r["rss_mb"], 1),
        round(r["size_mb"], 1),
        r["p50"],
        r["p99"],
        round(r["recall"], 4),
        r["queries"],
    ]


HEADERS = [
    "claims",
    "index",
    "build s",
    "RSS added MB",
    "index MB",
    "search p50 ms",
    "p99 ms",
    "recall@50",
    "queries",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--data-dir", type=Path, default=CHECKTHAT, help="CheckThat! 2020 task 2")
    parser.add_argument("--no-checkthat", action="store_true", help="random vectors only")
    parser.add_argument("--hnsw-max-build-seconds", type=float, default=480.0)
    parser.add_argument("--worker", choices=sorted(BUILDERS), help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--query-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--truth", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return

    print(machine_line())
    kinds = ["exact32", "exact16"]
    if importlib.util.find_spec("faiss") is None:
        print("faiss-cpu not installed: pip install '.[ann]'")
    else:
        import faiss

        print(f"faiss-cpu {faiss.__version__}")
        kinds += ["hnsw", "ivfpq"]
    notes: list[str] = []
    sizes = sorted(int(x) for x in args.sizes.split(","))
    data = random_vectors(max(sizes))
    queries = random_queries(args.queries)
    rows = []
    hnsw_timed: tuple[int, float] | None = None
    for n in sizes:
        truth = exact_truth(data, n, queries, "random")
        for kind in kinds:
            if kind == "hnsw" and hnsw_timed is not None:
                m, seconds = hnsw_timed
                guess = seconds * n * math.log(n) / (m * math.log(m))
                if guess > args.hnsw_max_build_seconds:
                    notes.append(
                        f"HNSW at {n:,} skipped: its build would take about {guess:.0f} s "
                        f"(extrapolated as N log N from {seconds:.0f} s at {m:,})"
                    )
                    continue
            results = run_worker(kind, data, n, queries, truth)
            if kind == "hnsw":
                hnsw_timed = (n, results[0]["build_s"])
            rows += [row(n, r) for r in results]
            print(f"  measured {kind} at {n:,}", file=sys.stderr, flush=True)
    print(f"\n## Random unit vectors, {DIM} dims, {args.queries} queries, top {TOP}\n")
    print(table(HEADERS, rows))
    for note in notes:
        print(f"\n{note}")

    if args.no_checkthat or not (args.data_dir / "verified_claims.docs.tsv").exists():
        return
    claims, tweets = checkthat_vectors(args.data_dir)
    n = len(np.load(claims, mmap_mode="r"))
    truth = exact_truth(claims, n, tweets, "checkthat")
    rows = []
    for kind in kinds:
        rows += [row(n, r) for r in run_worker(kind, claims, n, tweets, truth)]
        print(f"  measured {kind} on CheckThat!", file=sys.stderr, flush=True)
    count = len(np.load(tweets))
    print(
        f"\n## CheckThat! 2020 verified claims (all-MiniLM-L6-v2), "
        f"{count} test tweets as queries, top {TOP}\n"
    )
    print(table(HEADERS, rows))


if __name__ == "__main__":
    main()
