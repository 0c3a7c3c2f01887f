"""From scored claims to matches (facts), outlet stances and a verdict."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field

from service.domain import Claim, Difference
from service.matching.rerank import Scored, align
from service.matching.stance import StatementFacts, differences

MATCH_THRESHOLD = 0.53  # a fact scoring below this is not a match (tuned on bench/data statements)
VERDICT_MARGIN = 0.15  # matches this close to the best one count towards the verdict


@dataclass
class Passage:
    """An exact passage: ``article.text[start:end] == text``."""

    article_id: int
    claim_id: int
    start: int
    end: int
    text: str
    url: str | None
    article_title: str | None


@dataclass
class OutletStance:
    """How one outlet reports the matched fact."""

    outlet_id: int
    outlet_name: str
    stance: str  # supports | differs
    differences: list[Difference] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)


@dataclass
class Match:
    """One fact that matches the statement, with each outlet's stance."""

    claim: Claim  # the best-matching claim of the fact
    score: float
    fact_id: int | None
    outlets: list[OutletStance]


@dataclass
class Verdict:
    """The answer to a statement."""

    statement: str
    verdict: str
    matches: list[Match]
    corrections: dict[str, str] = field(default_factory=dict)


def passage_of(statement: str, claim: Claim) -> Passage:
    """The exact passage of ``claim`` the statement matches (narrowed by alignment)."""
    start, end = align(statement, claim)
    text = claim.passage[start - claim.start : end - claim.start]
    return Passage(claim.article_id, claim.id, start, end, text, claim.article_url,
                   claim.article_title)


def build_matches(
    statement: str,
    facts: StatementFacts,
    scored: Sequence[Scored],
    fact_claims: dict[int, list[Claim]],
    *,
    limit: int,
    outlets: set[int] | None = None,
    threshold: float = MATCH_THRESHOLD,
) -> list[Match]:
    """Group scored claims by fact; for each fact, the stance of every outlet reporting it."""
    best_by_fact: OrderedDict[object, Scored] = OrderedDict()
    for item in scored:
        if item.score < threshold:
            break
        key = item.claim.fact_id if item.claim.fact_id is not None else ("claim", item.claim.id)
        best_by_fact.setdefault(key, item)
    matches = []
    for key, best in best_by_fact.items():
        members = fact_claims.get(key, [best.claim]) if isinstance(key, int) else [best.claim]
        stances = outlet_stances(statement, facts, members, outlets=outlets)
        if not stances:
            continue
        matches.append(Match(best.claim, best.score, best.claim.fact_id, stances))
        if len(matches) == limit:
            break
    return matches


def outlet_stances(
    statement: str,
    facts: StatementFacts,
    claims: Sequence[Claim],
    *,
    outlets: set[int] | None = None,
) -> list[OutletStance]:
    """Per outlet: supports when any of its passages has no difference, else differs."""
    by_outlet: OrderedDict[int, list[Claim]] = OrderedDict()
    for claim in claims:
        if outlets is not None and claim.outlet_id not in outlets:
            continue
        by_outlet.setdefault(claim.outlet_id, []).append(claim)
    stances = []
    for outlet_id, members in by_outlet.items():
        supporting, differing, found = [], [], []
        for claim in members:
            diffs = differences(
                facts,
                passage_details=claim.details,
                claimant=claim.claimant,
                source=claim.source,
                passage_text=claim.passage,
            )
            passage = passage_of(statement, claim)
            if diffs:
                differing.append(passage)
                found.extend(d for d in diffs if d not in found)
            else:
                supporting.append(passage)
        if supporting:
            stances.append(OutletStance(outlet_id, members[0].outlet_name or "", "supports",
                                        [], supporting))
        else:
            stances.append(OutletStance(outlet_id, members[0].outlet_name or "", "differs",
                                        found, differing))
    return stances


def verdict_of(matches: Sequence[Match]) -> str:
    """supported / contradicted / mixed from the strongest matches; unverified when none."""
    if not matches:
        return "unverified"
    top = matches[0].score
    strong = [m for m in matches if m.score >= top - VERDICT_MARGIN]
    stances = {s.stance for m in strong for s in m.outlets}
    if stances == {"supports"}:
        return "supported"
    if stances == {"differs"}:
        return "contradicted"
    return "mixed"
