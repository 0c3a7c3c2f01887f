"""Group claims of different articles that report the same fact.

A new claim joins the fact of the most similar claim from another article when
their content words agree closely; otherwise it starts a fact of its own. Wording
may differ (translations, paraphrase) and details may differ (that is what the
product surfaces), but two claims with conflicting dates *and* places are
different events, however many words they share (photo captions of two meetings).
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from service.domain import Claim
from service.matching.retrieve import plan_search
from service.matching.text import match_text
from service.storage.repository import Repository, terms_of

SAME_FACT = (
    70.0  # token similarity (0..100, after the bonuses below) at which two claims report one fact
)
# Candidates per new claim: PostgreSQL ranks without IDF, so a rare shared word needs a
# wide pool; FTS5's bm25 puts the claims sharing the rare words first.
CANDIDATES = {"sqlite": 40, "postgresql": 100}
# Two reports of one fact share their rare words: grouping searches those only.
GROUPING_POSTINGS = 3_000
SAME_CLAIMANT = 10.0
OTHER_CLAIMANT = 15.0
SAME_DATE = 8.0


def same_fact_score(a: Claim, b: Claim) -> float:
    """Similarity 0..100 of two claims as reports of one fact (0 when they cannot be)."""
    ta, tb = match_text(a.text), match_text(b.text)
    if not ta or not tb:
        return 0.0
    if _conflict(a.details, b.details, "dates") and _conflict_places(a.details, b.details):
        return 0.0
    score = 0.5 * fuzz.token_set_ratio(ta, tb) + 0.5 * fuzz.token_sort_ratio(ta, tb)
    if a.claimant and b.claimant:
        # the same person saying it is evidence of one fact; two people, of two
        score += SAME_CLAIMANT if a.claimant == b.claimant else -OTHER_CLAIMANT
    if _shared_dates(a.details, b.details):
        score += SAME_DATE
    return score


def _shared_dates(a: dict, b: dict) -> bool:
    da = {d.get("date") for d in a.get("dates", []) if d.get("date")}
    db = {d.get("date") for d in b.get("dates", []) if d.get("date")}
    return bool(da & db)


def _conflict(a: dict, b: dict, key: str) -> bool:
    da = {d.get("date") for d in a.get(key, []) if d.get("date")}
    db = {d.get("date") for d in b.get(key, []) if d.get("date")}
    return bool(da and db and not da & db)


def _conflict_places(a: dict, b: dict) -> bool:
    pa, pb = set(a.get("places", [])), set(b.get("places", []))
    return bool(pa and pb and not pa & pb) or not (pa or pb)


def best_fact(claim: Claim, candidates: Sequence[Claim]) -> tuple[int | None, float]:
    """The fact id of the best candidate from another article at or above ``SAME_FACT``."""
    best: tuple[int | None, float] = (None, 0.0)
    for other in candidates:
        if other.article_id == claim.article_id or other.fact_id is None:
            continue
        if other.language != claim.language:
            continue
        score = same_fact_score(claim, other)
        if score >= SAME_FACT and score > best[1]:
            best = (other.fact_id, score)
    return best


def assign_facts(repo: Repository, claim_ids: Sequence[int]) -> None:
    """Put each new claim (all of one article) into the fact it reports, creating facts.

    Candidates are the grouped claims of other articles that the full-text index
    ranks highest for the claim's content words, searched rarest words first within
    the planner's budget; they are read in one query for the whole article, and the
    claims are written to their facts in one statement per fact.
    """
    if not claim_ids:
        return
    claims = repo.claims_by_ids(claim_ids)
    texts = {cid: terms_of(match_text(claims[cid].text)) for cid in claim_ids}
    frequencies = repo.posting_counts(
        {t for terms in texts.values() for t in terms}, cap=GROUPING_POSTINGS + 1
    )
    article_id = claims[claim_ids[0]].article_id
    hits: dict[int, list[int]] = {}
    for cid in claim_ids:
        plan = plan_search(texts[cid], frequencies, budget=GROUPING_POSTINGS)
        hits[cid] = [
            h.claim_id
            for h in repo.search(
                plan.terms,
                limit=CANDIDATES[repo.dialect],
                require_all=plan.require_all,
                grouped_only=True,
                exclude_article=article_id,
            )
        ]
    pool = repo.claims_by_ids({h for found in hits.values() for h in found})
    fact_of: dict[int, int] = {}
    alone: list[int] = []
    for cid in claim_ids:
        fact_id, _score = best_fact(claims[cid], [pool[h] for h in hits[cid] if h in pool])
        if fact_id is None:
            alone.append(cid)
        else:
            fact_of[cid] = fact_id
    fact_of.update(zip(alone, repo.new_facts(len(alone)), strict=True))
    repo.set_facts(fact_of)
