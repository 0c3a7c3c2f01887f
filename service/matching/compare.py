"""Where outlets differ on one fact: pairwise comparison of their claims.

Each claim of one outlet is read as a statement against each claim of another (the same
rules as a fact-checker's statement: numbers, dates, places, speaker, source, negation),
and short quoted phrases are compared word for word ("important progress" against
"significant progress").
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz

from service.domain import Claim
from service.matching.stance import StatementFacts, differences
from service.matching.text import content_words, fold

_QUOTED = re.compile(r"[“\"‘]([^“”\"‘’]{2,60})[”\"’]")
MAX_QUOTE_WORDS = 5  # a longer quote is a translation to compare as a whole, not a phrase


@dataclass(frozen=True)
class OutletDifference:
    """One detail on which two outlets report a fact differently."""

    kind: str  # number | date | place | speaker | source | negation | wording
    outlet_a: tuple[int, str]
    outlet_b: tuple[int, str]
    claim_a: int
    claim_b: int
    a: str
    b: str


def quoted_phrases(passage: str) -> list[str]:
    """Short phrases a passage puts in quotation marks."""
    return [
        m.group(1).strip()
        for m in _QUOTED.finditer(passage)
        if 1 <= len(m.group(1).split()) <= MAX_QUOTE_WORDS
    ]


def _wording(a: Claim, b: Claim) -> list[tuple[str, str]]:
    """Quoted phrases of ``a`` that ``b`` quotes in other words (sharing a content word)."""
    ours, theirs = quoted_phrases(a.passage), quoted_phrases(b.passage)
    found = []
    for phrase in ours:
        if any(fold(phrase) in fold(other) or fold(other) in fold(phrase) for other in theirs):
            continue  # the same words, one quote longer than the other
        words = set(content_words(phrase))
        near = [o for o in theirs if words & set(content_words(o)) and fuzz.ratio(phrase, o) < 95]
        if near:
            found.append((phrase, near[0]))
    return found


def compare_claims(claims: Sequence[Claim]) -> list[OutletDifference]:
    """Every difference between the claims of different outlets in one fact, each once."""
    by_outlet: OrderedDict[int, list[Claim]] = OrderedDict()
    for claim in claims:
        by_outlet.setdefault(claim.outlet_id, []).append(claim)
    found: dict[tuple, OutletDifference] = {}
    for oa, ob in combinations(by_outlet, 2):
        for ca in by_outlet[oa]:
            for cb in by_outlet[ob]:
                facts = StatementFacts(
                    details=ca.details, text=ca.passage, speaker=ca.claimant, source=ca.source
                )
                pairs = [
                    (d.kind, d.statement, d.passage)
                    for d in differences(
                        facts,
                        passage_details=cb.details,
                        claimant=cb.claimant,
                        source=cb.source,
                        passage_text=cb.passage,
                    )
                ]
                pairs += [("wording", x, y) for x, y in _wording(ca, cb)]
                for kind, a_text, b_text in pairs:
                    if kind != "negation" and (
                        fold(a_text) in fold(cb.passage) or fold(b_text) in fold(ca.passage)
                    ):
                        continue  # each passage also says the other's wording: no conflict
                    key = (oa, ob, kind, fold(a_text), fold(b_text))
                    if key not in found:
                        found[key] = OutletDifference(
                            kind,
                            (oa, ca.outlet_name or ""),
                            (ob, cb.outlet_name or ""),
                            ca.id,
                            cb.id,
                            a_text,
                            b_text,
                        )
    return list(found.values())


def canonical_claim(claims: Sequence[Claim]) -> Claim:
    """The claim that best states the fact: body text over captions, then worthiness."""
    return max(claims, key=lambda c: (c.kind != "caption", c.worthiness, -c.id))
