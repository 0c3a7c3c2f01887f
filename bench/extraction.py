"""Claim-extraction benchmark on the hand-labelled seed facts.

Run from the repository root::

    .venv/bin/python bench/extraction.py [--labels bench/data/seed_facts.yaml]

Prints, per article and overall: fact recall, claims per sentence, claimant,
source and detail accuracy over covered facts, furniture claims and span
exactness; then a comparison of the rule-based sentence splitter with pysbd.
Always exits 0 (a benchmark, not a test).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.extraction import extract  # noqa: E402
from service.extraction.segment import (  # noqa: E402
    _lines,
    classify_lines,
    split_sentences,
    trim_span,
)


def _occurrences(text: str, passage: str) -> list[tuple[int, int]]:
    out, i = [], text.find(passage)
    while i >= 0:
        out.append((i, i + len(passage)))
        i = text.find(passage, i + 1)
    return out


def _covering(claims, spans):
    """The tightest claim covering one occurrence of the passage (<= 2x its length)."""
    best = None
    for a, b in spans:
        for c in claims:
            if c.start <= a and c.end >= b and (c.end - c.start) <= 2 * (b - a):
                if best is None or (c.end - c.start) < (best.end - best.start):
                    best = c
    return best


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return str(a).strip().lower() == str(b).strip().lower()


def _details_ok(claim, fact) -> bool | None:
    nums = fact.get("numbers") or []
    dates = fact.get("dates") or []
    if not nums and not dates:
        return None
    got_nums = [(q.value, (q.unit or "").lower()) for q in claim.details.numbers]
    for n in nums:
        want_v = float(n["value"])
        want_u = (n.get("unit") or "").lower()
        if not any(abs(v - want_v) < 1e-6 and (not want_u or u == want_u) for v, u in got_nums):
            return False
    got_dates = {d.date for d in claim.details.dates}
    return all(str(d) in got_dates for d in dates)


def _pct(n: int, d: int) -> str:
    return f"{n / d:.2f}" if d else "  - "


def run_labels(path: Path) -> None:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    header = (
        f"{'article':<28}{'facts':>6}{'recall':>8}{'cl/sent':>8}{'claimant':>9}{'source':>8}"
        f"{'details':>8}{'kind':>6}{'furn':>6}{'exact':>7}{'ms':>7}"
    )
    print(header)
    print("-" * len(header))
    tot = dict(
        facts=0,
        cov=0,
        cl=0,
        cl_ok=0,
        src_ok=0,
        det=0,
        det_ok=0,
        kind_ok=0,
        furn=0,
        claims=0,
        sents=0,
        exact=0,
    )
    misses: list[str] = []
    wrong: list[str] = []
    for art in data.get("articles", []):
        text = (ROOT / "seeds" / art["file"]).read_text(encoding="utf-8")
        published = art.get("published")
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        t0 = time.perf_counter()
        result = extract(text, published=published)
        ms = (time.perf_counter() - t0) * 1000
        claims = result.claims
        n_sent = sum(1 for s in result.segments if s.kind in ("content", "caption"))
        exact = sum(
            1
            for c in claims
            if 0 <= c.start < c.end <= len(text)
            and text[c.start : c.end].strip() == text[c.start : c.end]
        )
        a = dict(facts=0, cov=0, cl_ok=0, src_ok=0, det=0, det_ok=0, kind_ok=0)
        for fact in art.get("facts", []) or []:
            passage = fact["passage"]
            spans = _occurrences(text, passage)
            a["facts"] += 1
            if not spans:
                misses.append(f"{art['file'][:3]} NOT IN TEXT: {passage[:70]!r}")
                continue
            c = _covering(claims, spans)
            if c is None:
                misses.append(f"{art['file'][:3]} miss: {passage[:90]!r}")
                continue
            a["cov"] += 1
            if _same(c.claimant, fact.get("claimant")):
                a["cl_ok"] += 1
            else:
                wrong.append(
                    f"{art['file'][:3]} claimant {c.claimant!r} != "
                    f"{fact.get('claimant')!r}: {passage[:60]!r}"
                )
            if _same(c.source, fact.get("source")):
                a["src_ok"] += 1
            else:
                wrong.append(
                    f"{art['file'][:3]} source {c.source!r} != "
                    f"{fact.get('source')!r}: {passage[:60]!r}"
                )
            if c.kind == fact.get("kind"):
                a["kind_ok"] += 1
            ok = _details_ok(c, fact)
            if ok is not None:
                a["det"] += 1
                a["det_ok"] += int(ok)
                if not ok:
                    wrong.append(
                        f"{art['file'][:3]} details {fact.get('numbers')} "
                        f"{fact.get('dates')}: {passage[:60]!r}"
                    )
        furn = 0
        for f in art.get("furniture", []) or []:
            for fa, fb in _occurrences(text, f):
                furn += sum(1 for c in claims if c.start < fb and c.end > fa)
        print(
            f"{art['file'][:27]:<28}{a['facts']:>6}{_pct(a['cov'], a['facts']):>8}"
            f"{len(claims) / max(1, n_sent):>8.2f}{_pct(a['cl_ok'], a['cov']):>9}"
            f"{_pct(a['src_ok'], a['cov']):>8}{_pct(a['det_ok'], a['det']):>8}"
            f"{_pct(a['kind_ok'], a['cov']):>6}{furn:>6}{_pct(exact, len(claims)):>7}{ms:>7.1f}"
        )
        for k in ("facts", "cov", "cl_ok", "src_ok", "det", "det_ok", "kind_ok"):
            tot[k] += a[k]
        tot["furn"] += furn
        tot["claims"] += len(claims)
        tot["sents"] += n_sent
        tot["exact"] += exact
    print("-" * len(header))
    print(
        f"{'overall':<28}{tot['facts']:>6}{_pct(tot['cov'], tot['facts']):>8}"
        f"{tot['claims'] / max(1, tot['sents']):>8.2f}{_pct(tot['cl_ok'], tot['cov']):>9}"
        f"{_pct(tot['src_ok'], tot['cov']):>8}{_pct(tot['det_ok'], tot['det']):>8}"
        f"{_pct(tot['kind_ok'], tot['cov']):>6}{tot['furn']:>6}"
        f"{_pct(tot['exact'], tot['claims']):>7}"
    )
    print("targets: recall >= 0.95, claimant >= 0.90, furniture claims == 0")
    if misses or wrong:
        print("\nmissed facts / wrong attributes:")
        for line in misses + wrong:
            print("  " + line)


# ----------------------------------------------------------- segmenter comparison

_ABBREV_RE = re.compile(
    r"(?:\b(?:[A-Z]\.){2,}|\b(?:Rep|Sen|Dr|Mr|Mrs|Ms|Gov|Gen|St|Jan|Feb|Mar|"
    r"Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No)\.)$"
)


def _boundaries_rules(text: str, a: int, b: int) -> list[tuple[int, int]]:
    return split_sentences(text, a, b)


def _boundaries_pysbd(seg, text: str, a: int, b: int) -> list[tuple[int, int]]:
    spans = (trim_span(text, a + s.start, a + s.end) for s in seg.segment(text[a:b]))
    return [span for span in spans if span]


def compare_segmenters(labels: Path | None) -> None:
    """Boundary errors of both splitters on the seed content/caption paragraphs.

    Errors counted: a boundary right after an abbreviation ("U.S.", "Feb.",
    "Rep.") or inside a labelled fact passage (when labels exist), a boundary
    before a lower-case word, and a unit whose span is not trimmed.
    """
    try:
        import pysbd
    except ImportError:  # pragma: no cover - optional
        print("\npysbd not installed: segmenter comparison skipped")
        return
    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    passages: dict[str, list[str]] = {}
    if labels and labels.exists():
        import yaml

        for art in yaml.safe_load(labels.read_text(encoding="utf-8")).get("articles", []):
            passages[art["file"]] = [f["passage"] for f in art.get("facts", []) or []]
    stats = {"rules": [0, 0, 0, 0, 0.0], "pysbd": [0, 0, 0, 0, 0.0]}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = _lines(text)
        kinds = classify_lines(text, lines)
        cuts = []
        for p in passages.get(path.name, []):
            cuts += _occurrences(text, p)
        for (a, b), (kind, _lang) in zip(lines, kinds, strict=True):
            if kind not in ("content", "caption"):
                continue
            for name in stats:
                t0 = time.perf_counter()
                spans = (
                    _boundaries_rules(text, a, b)
                    if name == "rules"
                    else _boundaries_pysbd(seg, text, a, b)
                )
                stats[name][4] += time.perf_counter() - t0
                stats[name][0] += len(spans)
                for (_s1, e1), (s2, _e2) in itertools.pairwise(spans):
                    if _ABBREV_RE.search(text[max(a, e1 - 12) : e1]):
                        stats[name][1] += 1
                    if text[s2 : s2 + 1].islower():
                        stats[name][2] += 1
                    stats[name][3] += sum(
                        1 for pa, pb in cuts if pa < e1 and s2 < pb and pa < s2 and pb > e1
                    )
    print("\nsentence splitter on seed content+caption paragraphs")
    print(f"{'splitter':<10}{'units':>7}{'abbrev':>8}{'lower':>7}{'cut-fact':>9}{'ms':>8}")
    for name, (n, ab, low, cut, secs) in stats.items():
        print(f"{name:<10}{n:>7}{ab:>8}{low:>7}{cut:>9}{secs * 1000:>8.1f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", type=Path, default=ROOT / "bench" / "data" / "seed_facts.yaml")
    args = ap.parse_args(argv)
    try:
        if args.labels.exists():
            run_labels(args.labels)
        else:
            print(f"no labels at {args.labels}: extraction metrics skipped")
        compare_segmenters(args.labels)
    except Exception as exc:  # a benchmark never fails the build
        print(f"benchmark error: {exc!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
