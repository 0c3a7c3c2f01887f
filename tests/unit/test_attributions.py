"""The passage where an outlet names its own speaker or medium (``show_attributions``)."""

from __future__ import annotations

from service.domain import Difference
from service.matching.verdict import Match, OutletStance, Passage, show_attributions

TEXT = (
    "Talks went on all week.\n"
    "Sanctions are “beginning to have some effect. We see signs of serious talks,” "
    "Sherman told Fox News. She spoke on Sunday.\n"
    "Later, CNN aired an interview with another official."
)


def stance_of(passage_text: str, *differences: Difference) -> OutletStance:
    start = TEXT.index(passage_text)
    passage = Passage(1, 7, start, start + len(passage_text), passage_text, None, None)
    return OutletStance(1, "Outlet", "differs", list(differences), [passage])


def shown(stance: OutletStance) -> list[str]:
    show_attributions([Match(None, 1.0, None, [stance])], {1: TEXT})  # type: ignore[arg-type]
    for p in stance.passages:
        assert TEXT[p.start : p.end] == p.text
    return [p.text for p in stance.passages]


def test_the_clause_naming_the_outlets_medium_is_shown_after_the_matched_passage():
    stance = stance_of(
        "Sanctions are “beginning to have some effect.", Difference("source", "CNN", "Fox News")
    )
    assert shown(stance) == [
        "Sanctions are “beginning to have some effect.",
        "Sherman told Fox News",
    ]


def test_a_speaker_is_found_by_the_last_word_of_the_name_and_not_in_another_paragraph():
    stance = stance_of(
        "Sanctions are “beginning to have some effect.",
        Difference("speaker", "Antony Blinken", "Wendy Sherman"),
        # named in the next paragraph only: not this passage's medium
        Difference("source", "Fox News", "CNN"),
    )
    assert shown(stance) == [
        "Sanctions are “beginning to have some effect.",
        "Sherman told Fox News",
    ]


def test_nothing_is_added_when_the_passage_names_it_or_the_difference_is_of_another_kind():
    named = stance_of("Sherman told Fox News", Difference("source", "CNN", "Fox News"))
    assert shown(named) == ["Sherman told Fox News"]
    number = stance_of("She spoke on Sunday", Difference("date", "Monday", "Sunday"))
    assert shown(number) == ["She spoke on Sunday"]
