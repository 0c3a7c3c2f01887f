"""The hand-labelled statements of bench/data hold together: what the quality figures
are computed from must point at real passages of the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SETS = sorted((ROOT / "bench" / "data").glob("seed_statements*.yaml"))
ARTICLES = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt")}
CATEGORIES = {
    "verbatim",
    "paraphrase",
    "wrong_number",
    "wrong_date",
    "wrong_place",
    "wrong_speaker",
    "wrong_source",
    "negation",
    "half_true",
    "typo",
    "unrelated",
}
KINDS = {"number", "date", "place", "speaker", "source", "negation"}


@pytest.mark.parametrize("path", SETS, ids=[p.stem for p in SETS])
def test_every_label_points_at_real_passages_of_the_seed_articles(path):
    statements = yaml.safe_load(path.read_text(encoding="utf-8"))["statements"]
    assert statements
    for item in statements:
        assert item["statement"].strip(), item
        assert item["category"] in CATEGORIES, item["statement"]
        passages = item.get("expected_passages") or []
        supports = item.get("supports") or []
        differs = item.get("differs") or {}
        if item["category"] == "unrelated":
            assert not passages and not supports and not differs, item["statement"]
            continue
        for passage in passages:
            assert any(passage in text for text in ARTICLES.values()), (item["statement"], passage)
        for name in [*supports, *differs]:
            assert name in ARTICLES, (item["statement"], name)
            assert any(p in ARTICLES[name] for p in passages), (item["statement"], name)
        assert not set(supports) & set(differs), item["statement"]
        for name, kinds in differs.items():
            assert kinds and set(kinds) <= KINDS, (item["statement"], name, kinds)
