"""Query planning: the index's own posting counts, rarest terms searched first."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from service.cli import seed_store
from service.matching.retrieve import plan_search, scaled_budget
from service.verification import FactCheckRecord, Verifier, idf_weights, import_claims
from tests.conftest import SEEDS


def matching_claims(store, word: str) -> int:
    """Claims the full-text index finds for one word, counted without any cap."""
    with store.db.engine.connect() as conn:
        if store.dialect == "sqlite":
            sql = "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH :w"
            return conn.execute(sa.text(sql), {"w": f'"{word}"'}).scalar_one()
        sql = "SELECT count(*) FROM claims WHERE search_vector @@ plainto_tsquery('english', :w)"
        return conn.execute(sa.text(sql), {"w": word}).scalar_one()


def test_posting_counts_follow_the_index_stemming_included(store):
    seed_store(store, SEEDS)
    records = [FactCheckRecord(f"fc-{i}", f"Negotiations number {i} were held.") for i in range(60)]
    with store.write() as repo:
        import_claims(repo, records)
    if store.dialect == "postgresql":
        with store.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.exec_driver_sql("ANALYZE claims")  # the estimate reads the statistics
    words = ["negotiating", "negotiations", "slutsky", "zzzunknownword"]
    with store.read() as repo:
        counts = repo.posting_counts(words, cap=1000)
    # "negotiating" is not in the imported records, but its stem is: the counts see that
    assert counts["negotiating"] == counts["negotiations"] or store.dialect == "postgresql"
    for word in words:
        exact = matching_claims(store, word)
        if store.dialect == "sqlite":
            assert counts[word] == exact, word
        else:  # an estimate: right in magnitude
            assert exact / 3 - 2 <= counts[word] <= exact * 3 + 2, (word, counts[word], exact)
    assert counts["negotiations"] >= 60 and counts["zzzunknownword"] <= 1


def test_seeding_leaves_the_planner_statistics_of_the_seeded_store(store):
    """PostgreSQL reads posting counts (and so IDF) from ANALYZE's statistics: a seeded
    store is analysed, not left on the defaults of a table never analysed."""
    if store.dialect != "postgresql":
        pytest.skip("FTS5 counts the postings themselves")
    seed_store(store, SEEDS)
    with store.db.engine.connect() as conn:
        analysed = conn.exec_driver_sql(
            "SELECT reltuples FROM pg_class WHERE oid = 'claims'::regclass"
        ).scalar_one()
        claims = conn.exec_driver_sql("SELECT count(*) FROM claims").scalar_one()
    assert analysed == claims > 0
    with store.read() as repo:
        counts = repo.posting_counts(["slutsky", "talks"], cap=1000)
    assert counts["slutsky"] < counts["talks"] == matching_claims(store, "talks")


def test_sqlite_counts_stop_at_the_cap(stores):
    store = stores.store("sqlite")
    seed_store(store, SEEDS)
    with store.read() as repo:
        assert repo.posting_counts(["talks"], cap=5)["talks"] == 5
        assert matching_claims(store, "talks") > 5


def test_plan_takes_the_rarest_terms_within_the_budget():
    counts = {"said": 9000, "talks": 4000, "slutsky": 12, "progress": 700, "unknownword": 0}
    plan = plan_search(["said", "talks", "slutsky", "progress", "unknownword"], counts, budget=5000)
    assert plan.terms == ["slutsky", "progress", "talks"]  # a term with no postings is left out
    assert plan.dropped == ("said",) and not plan.require_all


def test_a_small_sqlite_store_searches_a_budget_in_step_with_its_size():
    # 30% of the claims, never under 3,000 postings nor over the configured budget
    assert scaled_budget("sqlite", 600, 15_000) == 3_000
    assert scaled_budget("sqlite", 10_000, 15_000) == 3_000
    assert scaled_budget("sqlite", 30_000, 15_000) == 9_000
    assert scaled_budget("sqlite", 100_000, 15_000) == 15_000
    assert scaled_budget("sqlite", 10_000, 2_000) == 2_000
    # PostgreSQL's budget does not depend on the store's size
    assert scaled_budget("postgresql", 10_000, 4_000) == 4_000


def test_plan_of_common_words_only_requires_the_two_rarest():
    counts = {"said": 90_000, "people": 50_000, "new": 70_000}
    plan = plan_search(["said", "new", "people"], counts, budget=20_000)
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
        counts = repo.posting_counts(words, cap=10_000)
        budget = sum(counts.values()) - max(counts.values())
        plan = plan_search(words, counts, budget=budget)
        assert plan.dropped and plan.terms
        assert min(counts[w] for w in plan.dropped) >= max(counts[w] for w in plan.terms)
        result = Verifier(posting_budget=budget).verify(repo, statement, limit=3)
    assert result.matches, "the rarer words alone must still retrieve the claim"
    assert "significant progress" in result.matches[0].claim.text.lower()


def test_remembered_counts_are_dropped_when_another_writer_adds_claims(store):
    seed_store(store, SEEDS)
    verifier = Verifier(posting_budget=10_000)
    with store.read() as repo:
        before = verifier._posting_counts(
            repo, ["geneva", "talks"], 10_000, repo.changes_since(0)[0]
        )
    records = [FactCheckRecord(f"gv-{i}", f"Geneva hosted round {i}.") for i in range(30)]
    with store.write() as repo:  # as another worker would: the verifier is not told
        import_claims(repo, records)
    if store.dialect == "postgresql":
        with store.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.exec_driver_sql("ANALYZE claims")
    with store.read() as repo:
        after = verifier._posting_counts(
            repo, ["geneva", "talks"], 10_000, repo.changes_since(0)[0]
        )
        fresh = repo.posting_counts(["geneva", "talks"], cap=10_001)
    assert after == fresh
    assert after["geneva"] >= before["geneva"] + 20


def test_one_read_tells_a_worker_the_newest_claim_and_the_words_it_has_not_seen(store):
    with store.read() as repo:
        assert repo.changes_since(0) == (0, [])  # an empty store
    seed_store(store, SEEDS)
    with store.read() as repo:
        newest, words = repo.changes_since(0)
        assert newest == repo.newest_claim_id() > 0
        assert words == repo.words_after(0)
        assert [w for _i, w in words if w in {"slutsky", "podolyak"}] != []
        last = words[-1][0]
        assert repo.changes_since(last) == (newest, [])
    with store.write() as repo:
        import_claims(repo, [FactCheckRecord("zz-1", "Zanzibar hosted the quokka summit.")])
    with store.read() as repo:
        newer, fresh = repo.changes_since(last)
        assert newer > newest
        assert {"zanzibar", "quokka"} <= {w for _i, w in fresh}
        assert all(i > last for i, _w in fresh)


def test_compacting_the_index_after_a_bulk_import_changes_no_answer(store):
    seed_store(store, SEEDS)
    records = [
        FactCheckRecord(f"bulk-{i}", f"Round {i} of the talks in Geneva ended without a deal.")
        for i in range(1_200)
    ]
    for i in range(0, len(records), 300):  # one index segment per transaction or so
        with store.write() as repo:
            import_claims(repo, records[i : i + 300])
    terms = ["geneva", "talks", "slutsky", "deal"]
    with store.read() as repo:
        before = repo.search(terms, limit=50)
        segments_before = _fts_segments(repo)
    with store.write() as repo:
        repo.optimize_search_index()
    with store.read() as repo:
        after = repo.search(terms, limit=50)
        segments_after = _fts_segments(repo)
    assert [h.claim_id for h in after] == [h.claim_id for h in before]
    assert [round(h.score, 9) for h in after] == [round(h.score, 9) for h in before]
    if store.dialect == "sqlite":
        assert segments_before > 1 and segments_after == 1


def _fts_segments(repo) -> int | None:
    if repo.dialect != "sqlite":
        return None
    rows = repo.session.execute(sa.text("SELECT DISTINCT segid FROM claims_fts_idx")).all()
    return len(rows)


def test_term_weights_rank_the_claims_without_changing_what_matches(store):
    """On PostgreSQL ts_rank has no IDF: the weights of the terms a claim holds pick the
    pool and, over the log of the claim's length, rank it, so the one claim holding the
    rare term comes first, as FTS5's bm25 puts it (SQLite ignores the weights)."""
    records = [
        FactCheckRecord(f"common-{i}", f"Talks on talks: round {i} of the talks resumed.")
        for i in range(60)
    ]
    records.append(FactCheckRecord("rare", "Talks near Zaporizhzhia resumed."))
    with store.write() as repo:
        import_claims(repo, records)
        repo.optimize_search_index()  # as import-claims does: fresh planner statistics
    terms = ["talks", "zaporizhzhia"]
    with store.read() as repo:
        counts = repo.posting_counts(terms, cap=10_000)
        weights = idf_weights(terms, counts, repo.newest_claim_id())
        assert weights["zaporizhzhia"] > 3 * weights["talks"]
        plain = repo.search(terms, limit=20)
        weighted = repo.search(terms, limit=20, weights=weights)
        everything = repo.search(terms, limit=100, weights=weights)
        rare = repo.session.scalar(sa.text("SELECT id FROM claims WHERE external_id = 'rare'"))
    assert len(weighted) == 20 and len(everything) == 61  # what matches is unchanged
    assert weighted[0].claim_id == rare
    assert [h.claim_id for h in weighted] == [h.claim_id for h in everything[:20]]
    if store.dialect == "sqlite":
        assert [h.claim_id for h in weighted] == [h.claim_id for h in plain]
    else:  # cover density alone, with no IDF, ranks the claims that repeat "talks" first
        assert plain[0].claim_id != rare


def test_dropped_words_rank_the_claims_that_hold_them_without_widening_the_match(stores):
    """Grouping searches a claim's rarest words and lets the common words the plan left
    out rank the matches: the claim sharing them comes first, and no claim that lacks
    the searched words is added."""
    store = stores.store("sqlite")
    records = [FactCheckRecord(f"short-{i}", f"Podolyak spoke {i} times.") for i in range(30)] + [
        FactCheckRecord("twin", "Podolyak is an adviser to the Ukrainian president."),
        FactCheckRecord("other", "An adviser to the Ukrainian president resigned."),
    ]
    with store.write() as repo:
        import_claims(repo, records)
    with store.read() as repo:
        ids = dict(repo.session.execute(sa.text("SELECT external_id, id FROM claims")).all())
        plain = repo.search(["podolyak"], limit=40)
        ranked = repo.search(["podolyak"], limit=40, rank_also=["adviser", "president"])
    assert {h.claim_id for h in ranked} == {h.claim_id for h in plain}
    assert len(ranked) == 31 and ids["other"] not in {h.claim_id for h in ranked}
    # bm25 alone prefers the short claims; the dropped words put the twin first
    assert plain[0].claim_id != ids["twin"]
    assert ranked[0].claim_id == ids["twin"]


def _crowded_store(store):
    """80 short claims holding the statement's rare word, 100 holding its common words,
    and the one claim holding all of them (long, so bm25 on the rare word alone puts it
    last)."""
    records = [FactCheckRecord(f"short-{i}", f"Podolyak spoke {i} times.") for i in range(80)]
    records += [
        FactCheckRecord(f"common-{i}", f"An adviser to the Ukrainian president met {i} people.")
        for i in range(100)
    ]
    records.append(
        FactCheckRecord(
            "twin", "Mykhailo Podolyak is an adviser to the Ukrainian president, in Kyiv."
        )
    )
    with store.write() as repo:
        import_claims(repo, records)
        repo.optimize_search_index()
    statement = "Podolyak is an adviser to the Ukrainian president"
    return statement


def _top_external_ids(repo, verifier, statement, n=5):
    scored, _ = verifier.rank(repo, statement)
    ids = [s.claim.id for s in scored[:n]]
    claims = repo.claims_by_ids(ids)
    return [claims[i].external_id for i in ids]


def test_words_the_plan_leaves_out_rank_the_candidates_when_asked(store):
    """A budget that searches only "podolyak" finds 81 claims, and the 40 candidates by
    bm25 alone are the short ones: the claim that also holds the dropped words is not
    among them. Letting the dropped words rank the hits (``rank_dropped``) brings it first,
    on both backends, without adding claims that lack the searched word."""
    statement = _crowded_store(store)
    with store.read() as repo:
        counts = repo.posting_counts(["podolyak", "adviser", "president"], cap=1_000)
        budget = counts["podolyak"] + 10
        plan = plan_search(["podolyak", "adviser", "president"], counts, budget=budget)
        assert plan.terms == ["podolyak"] and set(plan.dropped) == {"adviser", "president"}
        plain = _top_external_ids(
            repo, Verifier(posting_budget=budget, rank_dropped=False), statement
        )
        ranked = _top_external_ids(
            repo, Verifier(posting_budget=budget, rank_dropped=True), statement
        )
    assert "twin" not in plain
    assert ranked[0] == "twin"
    assert all(e == "twin" or e.startswith("short-") for e in ranked)


def test_a_large_sqlite_store_ranks_by_the_dropped_words_by_default(stores, monkeypatch):
    """The default follows the store's size: below ``LARGE_STORE`` claims the plain plan,
    from it on the smaller budget whose dropped words rank the hits."""
    import service.verification as verification

    store = stores.store("sqlite")
    statement = _crowded_store(store)
    with store.read() as repo:
        budget = repo.posting_counts(["podolyak"], cap=1_000)["podolyak"] + 10
        monkeypatch.setattr(verification, "POSTING_BUDGETS", {"sqlite": budget})
        monkeypatch.setattr(verification, "LARGE_STORE_BUDGETS", {"sqlite": budget})
        monkeypatch.setattr(verification, "LARGE_STORE", 10_000)
        assert "twin" not in _top_external_ids(repo, Verifier(), statement)
        monkeypatch.setattr(verification, "LARGE_STORE", 100)
        assert _top_external_ids(repo, Verifier(), statement)[0] == "twin"
