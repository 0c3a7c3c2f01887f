"""Query planning: document frequencies kept in step with writes, rarest terms searched first."""

from __future__ import annotations

from collections import Counter

import sqlalchemy as sa

from service.cli import seed_store
from service.matching.retrieve import plan_search
from service.storage.migrate import downgrade, upgrade
from service.storage.repository import terms_of
from service.verification import (
    FactCheckRecord,
    Verifier,
    delete_article,
    import_claims,
    ingest_article,
)
from tests.conftest import SEEDS

ARTICLE = (
    "Negotiators met in Geneva on Tuesday. The delegation said that 40 prisoners "
    "would be exchanged within two weeks, officials told Reuters."
)


def stored_df(store) -> dict[str, int]:
    with store.db.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT word, df FROM vocabulary WHERE df > 0"))
        return {w: int(n) for w, n in rows}


def counted_df(store) -> dict[str, int]:
    """Document frequencies counted afresh from every claim's index text."""
    with store.db.engine.connect() as conn:
        texts = conn.execute(sa.text("SELECT search_text FROM claims")).scalars()
        counts: Counter[str] = Counter()
        for t in texts:
            counts.update(terms_of(t))
    return dict(counts)


def test_document_frequencies_follow_ingest_import_and_delete(store):
    seed_store(store, SEEDS)
    with store.write() as repo:
        created = ingest_article(repo, outlet="Wire", title="Geneva talks", text=ARTICLE)
        import_claims(
            repo,
            [
                FactCheckRecord("fc-1", "Geneva hosted 40 rounds of talks.", title="Geneva"),
                FactCheckRecord("fc-2", "Prisoners were exchanged in Geneva."),
            ],
        )
    expected = counted_df(store)
    assert stored_df(store) == expected
    assert expected["geneva"] >= 4  # the article's claims, their title, and both records

    with store.write() as repo:
        assert delete_article(repo, created.article_id)
    after = counted_df(store)
    assert stored_df(store) == after
    assert after["geneva"] == expected["geneva"] - 2  # the article's two claims
    assert "reuters" not in after and "reuters" not in stored_df(store)
    with store.read() as repo:  # the word stays known for typo expansion
        assert "reuters" in dict(repo.words_after(0)).values()


def test_migration_counts_the_frequencies_of_an_existing_store(stores, backend):
    store = stores.store(backend)
    seed_store(store, SEEDS)
    expected = counted_df(store)
    downgrade(store.db.engine, "0002")  # drops the column, keeps claims and words
    upgrade(store.db.engine)
    assert stored_df(store) == expected


def test_plan_takes_the_rarest_terms_within_the_budget():
    df = {"said": 9000, "talks": 4000, "slutsky": 12, "progress": 700, "zelenksy": 0}
    plan = plan_search(["said", "talks", "slutsky", "progress", "unknownword"], df, budget=5000)
    assert plan.terms == ["unknownword", "slutsky", "progress", "talks"]
    assert plan.dropped == ("said",) and not plan.require_all


def test_plan_of_common_words_only_requires_the_two_rarest():
    df = {"said": 90_000, "people": 50_000, "new": 70_000}
    plan = plan_search(["said", "new", "people"], df, budget=20_000)
    assert plan.require_all and plan.terms == ["people", "new"]
    assert plan.dropped == ("said",)


def test_a_single_common_word_is_still_searched():
    plan = plan_search(["said"], {"said": 90_000}, budget=20_000)
    assert plan.terms == ["said"] and not plan.require_all


def test_a_tight_budget_still_finds_the_claim_by_its_rare_words(seeded_store):
    """With a budget that drops the most common word, the rarer ones still find the claim."""
    statement = "Slutsky said there was significant progress in the talks"
    words = ["slutsky", "said", "significant", "progress", "talks"]
    with seeded_store.read() as repo:
        df = repo.document_frequencies(words)
        commonest = max(words, key=lambda w: df[w])
        budget = sum(df.values()) - df[commonest]
        plan = plan_search(words, df, budget=budget)
        assert plan.dropped == (commonest,) and commonest not in plan.terms
        result = Verifier(posting_budget=budget).verify(repo, statement, limit=3)
    assert result.matches, "the rarer words alone must still retrieve the claim"
    assert "significant progress" in result.matches[0].claim.text.lower()
