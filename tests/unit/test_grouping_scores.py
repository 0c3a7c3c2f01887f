"""How two claims score as reports of one fact, whichever form their details come in."""

from __future__ import annotations

import json

import pytest

from service.domain import Claim
from service.matching.grouping import SAME_CLAIMANT, SAME_DATE, same_fact_score, wording_score
from service.storage.repository import GroupingClaim, LazyDetails

TEXT = "Talks between the two delegations will resume by video link on Monday."


def claim(article_id: int, details: dict, claimant: str | None = None, text: str = TEXT) -> Claim:
    return Claim(
        id=article_id,
        article_id=article_id,
        outlet_id=1,
        start=0,
        end=len(text),
        passage=text,
        text=text,
        claimant=claimant,
        source=None,
        kind="narration",
        details=details,
        worthiness=1.0,
        language="en",
        fact_id=article_id,
    )


def stored(c: Claim) -> GroupingClaim:
    """The claim as grouping reads it from the store: details as JSON text, undecoded."""
    raw = LazyDetails(json.dumps(c.details))
    return GroupingClaim(c.id, c.article_id, c.fact_id, c.language, c.claimant, c.text, raw)


MONDAY = {"date": "2022-03-14", "text": "Monday"}
FRIDAY = {"date": "2022-03-18", "text": "Friday"}
CASES = [
    # (details a, details b, claimants, expected score over the wording)
    ({"dates": [MONDAY]}, {"dates": [MONDAY]}, (None, None), SAME_DATE),
    ({"dates": [MONDAY]}, {"dates": [FRIDAY]}, (None, None), None),  # two days, no place
    (
        {"dates": [MONDAY], "places": ["Minsk"]},
        {"dates": [FRIDAY], "places": ["Brest"]},
        (None, None),
        None,
    ),
    (
        {"dates": [MONDAY], "places": ["Minsk"]},
        {"dates": [FRIDAY], "places": ["Minsk"]},
        (None, None),
        0.0,
    ),
    ({"dates": [MONDAY], "places": ["Minsk"]}, {"dates": [FRIDAY]}, (None, None), 0.0),
    ({"dates": [{"text": "Monday"}]}, {"dates": [FRIDAY]}, (None, None), 0.0),  # no day named
    ({}, {"places": ["Minsk"]}, ("Podolyak", "Podolyak"), SAME_CLAIMANT),
    ({"dates": [MONDAY, FRIDAY]}, {"dates": [FRIDAY]}, ("Podolyak", "Peskov"), SAME_DATE - 15.0),
]


@pytest.mark.parametrize(("a", "b", "claimants", "bonus"), CASES)
def test_details_decide_alike_as_dicts_and_as_stored_json(a, b, claimants, bonus):
    first, second = claim(1, a, claimants[0]), claim(2, b, claimants[1])
    wording = wording_score(first, second)
    assert wording == 100.0
    expected = 0.0 if bonus is None else wording + bonus
    assert same_fact_score(first, second) == expected
    assert same_fact_score(stored(first), stored(second), wording) == expected
    assert same_fact_score(first, stored(second), wording) == expected
