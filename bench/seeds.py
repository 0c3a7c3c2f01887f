"""Verification quality on the seed corpus, from hand-labelled statements.

Seeds a new store, sends every statement of bench/data/seed_statements.yaml to
`POST /v1/verify` (the WSGI app, as a client would) and prints match@1, match@5,
stance accuracy per outlet, recall of `differs`, verdict accuracy and the share of
unrelated statements answered `unverified`, per category and overall.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

import yaml
from common import ROOT, mean, table, temp_store

from service import create_app
from service.cli import seed_store
from service.config import Settings
from service.seeds import load_manifest

LABELS = ROOT / "bench" / "data" / "seed_statements.yaml"


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """The spans share at least half of the shorter one."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter >= 0.5 * min(a[1] - a[0], b[1] - b[0])


def expected_spans(item: dict, texts: dict[str, str]) -> dict[str, list[tuple[int, int]]]:
    """Where each expected passage stands, per article file."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for passage in item.get("expected_passages") or []:
        for name, text in texts.items():
            start = text.find(passage)
            while start != -1:
                spans[name].append((start, start + len(passage)))
                start = text.find(passage, start + 1)
    return spans


def evaluate(
    client,
    labels: list[dict],
    texts: dict[str, str],
    file_of: dict[int, str],
    verbose: bool = False,
):
    """Run every statement; return per-category rows and overall figures."""
    per_cat: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    failures = []
    for item in labels:
        response = client.post("/v1/verify", json={"statement": item["statement"], "limit": 5})
        assert response.status_code == 200, response.get_data(as_text=True)
        result = response.get_json()
        cat = per_cat[item["category"]]
        expected_verdict = _expected_verdict(item)
        cat["verdict"].append(float(result["verdict"] == expected_verdict))
        if result["verdict"] != expected_verdict and item.get("expected_passages"):
            failures.append(
                (item["statement"], f"verdict want {expected_verdict} got {result['verdict']}", "")
            )
        if item["category"] == "unrelated" or not item.get("expected_passages"):
            cat["unverified"].append(float(result["verdict"] == "unverified"))
            if result["verdict"] != "unverified":
                failures.append(
                    (
                        item["statement"],
                        "unrelated got " + result["verdict"],
                        result["matches"][0]["claim"]["text"],
                    )
                )
            continue
        spans = expected_spans(item, texts)

        def hits(match: dict, spans=spans) -> bool:
            for outlet in match["outlets"]:
                for p in outlet["passages"]:
                    name = file_of[p["article_id"]]
                    claim_span = (p["start"], p["end"])
                    if any(
                        overlaps(claim_span, s) or (s[0] >= p["start"] and s[1] <= p["end"])
                        for s in spans.get(name, [])
                    ):
                        return True
            return False

        ranks = [i for i, m in enumerate(result["matches"]) if hits(m)]
        cat["match@1"].append(float(bool(ranks) and ranks[0] == 0))
        cat["match@5"].append(float(bool(ranks)))
        if not ranks or ranks[0] != 0:
            failures.append(
                (
                    item["statement"],
                    "match rank " + str(ranks[:1]),
                    result["matches"][0]["claim"]["text"] if result["matches"] else "-",
                )
            )
        labelled = {name: "supports" for name in item.get("supports") or []}
        labelled.update({name: "differs" for name in (item.get("differs") or {})})
        for name, want in labelled.items():
            got = _stance_for(result, name, file_of, spans)
            cat["stance"].append(float(got == want))
            if want == "differs":
                cat["differs_recall"].append(float(got == "differs"))
            if got != want:
                failures.append(
                    (
                        item["statement"],
                        f"{name[:3]} want {want} got {got}",
                        _diffs_for(result, name, file_of),
                    )
                )
    if verbose:
        for statement, what, extra in failures:
            print(f"- {what}: {statement}\n    {extra}")
    return per_cat


def _expected_verdict(item: dict) -> str:
    supports, differs = bool(item.get("supports")), bool(item.get("differs"))
    if supports and differs:
        return "mixed"
    if supports:
        return "supported"
    if differs:
        return "contradicted"
    return "unverified"


def _stance_for(result, name, file_of, spans) -> str:
    """The stance given to article ``name`` in the first match that cites it on the fact."""
    for match in result["matches"]:
        for outlet in match["outlets"]:
            for p in outlet["passages"]:
                if file_of[p["article_id"]] != name:
                    continue
                if any(
                    overlaps((p["start"], p["end"]), s) or (s[0] >= p["start"] and s[1] <= p["end"])
                    for s in spans.get(name, [])
                ):
                    return outlet["stance"]
    return "absent"


def _diffs_for(result, name, file_of):
    for match in result["matches"]:
        for outlet in match["outlets"]:
            if any(file_of[p["article_id"]] == name for p in outlet["passages"]):
                return outlet["differences"]
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--database-url", help="default: a new SQLite file")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--matcher", choices=("lexical", "hybrid"), default="lexical")
    args = parser.parse_args()

    store = temp_store(args.database_url)
    app = create_app(
        Settings(database_url=store.db.url, ratelimit_enabled=False, matcher=args.matcher)
    )
    seed_store(store, ROOT / "seeds", embedder=app.extensions["corroborate"].verifier.embedder)
    client = app.test_client()
    manifest = load_manifest(ROOT / "seeds")
    texts = {m.file: m.text for m in manifest}
    file_of = {}
    for article in client.get("/v1/articles?limit=100").get_json()["items"]:
        full = client.get(f"/v1/articles/{article['id']}").get_json()
        file_of[article["id"]] = next(n for n, t in texts.items() if t == full["text"])

    labels = yaml.safe_load(args.labels.read_text(encoding="utf-8"))["statements"]
    per_cat = evaluate(client, labels, texts, file_of, verbose=args.verbose)
    metrics = ["match@1", "match@5", "stance", "differs_recall", "verdict", "unverified"]
    rows, overall = [], defaultdict(list)
    for cat, values in per_cat.items():
        row: list[object] = [cat, len(next(iter(values.values())))]
        for m in metrics:
            row.append(mean(values[m]) if values.get(m) else "")
            overall[m].extend(values.get(m, []))
        rows.append(row)
    rows.append(
        ["**overall**", len(labels), *[mean(overall[m]) if overall[m] else "" for m in metrics]]
    )
    print(f"\nSeed statements ({len(labels)}), {store.dialect}, {args.matcher} matcher\n")
    print(table(["category", "n", *metrics], rows))


if __name__ == "__main__":
    main()
