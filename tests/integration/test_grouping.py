"""Claims from different articles that report one fact are grouped; different facts are not."""

from __future__ import annotations

from collections import defaultdict

from service.cli import seed_store
from tests.conftest import SEEDS


def facts_by_passage(store) -> dict[int, set[int]]:
    """fact id -> the article ids whose claims it groups."""
    with store.read() as repo:
        claims, page = [], 1
        while True:
            chunk = repo.list_claims(limit=100, page=page)
            claims += chunk.items
            if not chunk.has_next:
                break
            page += 1
    articles: dict[int, set[int]] = defaultdict(set)
    for claim in claims:
        articles[claim.fact_id].add(claim.article_id)
    return {"claims": claims, "articles": articles}


def articles_of(grouping, fragment: str) -> set[int]:
    """Every article grouped with a claim whose passage contains ``fragment``."""
    found: set[int] = set()
    for claim in grouping["claims"]:
        if fragment in claim.passage:
            found |= grouping["articles"][claim.fact_id]
    return found


def test_slutskys_significant_progress_is_one_fact_in_four_articles(store):
    seed_store(store, SEEDS)
    grouping = facts_by_passage(store)
    fact_articles = articles_of(grouping, "RIA Novosti as saying")
    assert len(fact_articles) == 4  # the RIA Novosti, RT and "important progress" versions


def test_podolyak_on_ultimatums_is_one_fact_in_three_articles(store):
    seed_store(store, SEEDS)
    grouping = facts_by_passage(store)
    assert len(articles_of(grouping, "stopped issuing")) == 3


def test_the_brest_and_gomel_captions_are_different_facts(store):
    seed_store(store, SEEDS)
    grouping = facts_by_passage(store)
    brest = next(c for c in grouping["claims"] if "Brest region on March 7" in c.passage)
    gomel = [c for c in grouping["claims"] if "Gomel region on February 28" in c.passage]
    assert gomel and all(c.fact_id != brest.fact_id for c in gomel)
