"""A relative clause cut into its own claim reads on its own with its antecedent."""

from __future__ import annotations

import datetime as dt

from service.extraction import extract


def claim_texts(text: str) -> list[str]:
    return [c.text for c in extract(text, published=dt.date(2022, 3, 14)).claims]


def test_a_which_clause_takes_the_noun_it_describes():
    text = (
        "Daily talks, Zelensky said, were necessary to establish a cease-fire and add more "
        "humanitarian corridors, which saved more than 130,000 people in six days."
    )
    assert "Humanitarian corridors saved more than 130,000 people in six days." in claim_texts(text)


def test_a_which_clause_after_a_place_takes_the_place():
    text = (
        "The talks were held in Belarus, which has allowed Russian forces to pass through "
        "during the war."
    )
    assert "Belarus has allowed Russian forces to pass through during the war." in claim_texts(text)


def test_an_object_relative_clause_is_not_given_the_nearest_noun():
    text = (
        "The statement came after it came under fire for displaying flags of both Ukraine and "
        "Russia on the Old City’s walls, which it eventually removed under pressure."
    )
    texts = claim_texts(text)
    assert not any(t.startswith("Old City") for t in texts)


def test_a_who_clause_stops_at_the_verb_before_the_noun():
    text = (
        "Our western colleagues have sent instructors and effectively incited Ukrainians, "
        "who are facing a 120,000 strong military contingent, he said."
    )
    texts = claim_texts(text)
    assert not any(t.lower().startswith("effectively") for t in texts)
    assert any(t.startswith("Ukrainians are facing a 120,000 strong") for t in texts)
