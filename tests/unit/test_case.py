"""Statements pasted in capitals read with the case their evidence writes."""

from __future__ import annotations

import pytest

from service.matching.case import shouting, truecased

EVIDENCE = [
    "The five-hour talks included finding points of agreement, Medinsky said.",
    "Turkey this week hosted a first meeting between the Russian and Ukrainian ministers.",
    "Podolyak said the talks are hard.",
    "The IAEA said on Twitter it saw no critical impact on safety.",
]


@pytest.mark.parametrize(
    "text, cased",
    [
        (
            "MEDINSKY: EIGHT-HOUR TALKS WITH UKRAINE IN BELARUS FOUND POINTS OF AGREEMENT",
            "Medinsky: Eight-hour talks with Ukraine in Belarus found points of agreement",
        ),
        # "FMs" and "PM" as written; Bennett, not in the evidence, reads as a word
        (
            "ISRAEL HOSTS FIRST MEETING OF RUSSIAN AND UKRAINIAN FMs AS PM BENNETT WORKS",
            "Israel hosts first meeting of Russian and Ukrainian FMs as PM bennett works",
        ),
        # a day the evidence does not write, and "may" the verb
        (
            "ZELENSKY ON FRIDAY: RUSSIA MAY HAVE TAKEN A DIFFERENT APPROACH",
            "Zelensky on Friday: Russia may have taken a different approach",
        ),
        # a name only the first word of a sentence in the evidence; an acronym; a scale
        (
            "PODOLYAK SAYS U.S. SENT $200M; IAEA AND NATO WARN OF RISKS TO UKRAINE'S PLANTS",
            "Podolyak says U.S. sent $200M; IAEA and NATO warn of risks to Ukraine's plants",
        ),
    ],
)
def test_a_statement_in_capitals_takes_the_case_of_its_evidence(text, cased):
    assert shouting(text)
    assert truecased(text, EVIDENCE) == cased


@pytest.mark.parametrize(
    "text",
    [
        "Medinsky said the talks found points of agreement.",
        "BREAKING: Medinsky said the talks found points of agreement.",
        "IAEA: NO RISK",  # too short to tell
    ],
)
def test_a_statement_in_ordinary_case_is_left_as_written(text):
    assert not shouting(text)
    assert truecased(text, EVIDENCE) == text
