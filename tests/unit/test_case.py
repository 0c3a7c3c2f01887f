"""Statements pasted in capitals, in Title Case or without any, read with the case their
evidence writes."""

from __future__ import annotations

import pytest

from service.matching.case import emphatic, flat, shouting, titled, truecased

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


@pytest.mark.parametrize(
    "text, cased",
    [
        # names the evidence writes with capitals; a place, a nationality; a month before
        # its day; shorthand as typed
        (
            "putin ordered his army into ukraine on feb 23 w/o warning",
            "Putin ordered his army into Ukraine on Feb 23 w/o warning",
        ),
        # a weekday shortened after a word that sets a time; "sun" the noun is left
        (
            "podolyak said late sun the talks resume on mon, under the sun",
            "Podolyak said late Sun the talks resume on Mon, under the sun",
        ),
        # a name's possessive typed without its apostrophe; an acronym; "us" the pronoun
        (
            "the iaea told us about ukraines plants and medinskys talks",
            "The IAEA told us about Ukraine's plants and Medinsky's talks",
        ),
    ],
)
def test_a_statement_in_lower_case_takes_the_capitals_of_its_evidence(text, cased):
    assert flat(text)
    assert truecased(text, EVIDENCE) == cased


@pytest.mark.parametrize(
    "text",
    [
        "Medinsky said the talks in Belarus found points of agreement.",
        "talks resumed",  # too short to tell
        "The talks in Belarus were long.",
    ],
)
def test_a_statement_with_capitals_past_its_first_letter_is_not_flat(text):
    assert not flat(text)


TITLE_EVIDENCE = [
    "Putin said the operation aims to defend people who suffered persecution for eight years.",
    "Pentagon spokesman John Kirby confirmed the department is working to send weapons.",
]


@pytest.mark.parametrize(
    "text, cased",
    [
        # the words the evidence writes in lower case, or another form of them
        # ("Persecuted": "persecution"); a speaker's label and its names stay
        (
            "Putin: Operation Aims To Defend People Persecuted For 10 Years",
            "Putin: Operation aims to defend people persecuted for 10 years",
        ),
        # a word the evidence does not write keeps its capital: it may be a name
        (
            "Sherman Confirms Pentagon Working To Send Weapons To Ukraine",
            "Sherman confirms Pentagon working to send weapons to Ukraine",
        ),
    ],
)
def test_a_headline_in_title_case_takes_the_case_of_its_evidence(text, cased):
    assert titled(text)
    assert truecased(text, TITLE_EVIDENCE) == cased


def test_a_sentence_with_a_few_names_is_no_headline():
    assert not titled("Zelensky said the talks in Belarus went well on Monday.")
    assert not titled("PUTIN: OPERATION AIMS TO DEFEND PEOPLE")  # capitals, not Title Case


@pytest.mark.parametrize(
    ("text", "cased"),
    [
        # a place, a stop word, a word the evidence writes in lower case
        (
            "Kyslytsya demanded in GENEVA that Russia stop its offensive!",
            "Kyslytsya demanded in Geneva that Russia stop its offensive!",
        ),
        (
            "Medinsky says there will be NO further talks",
            "Medinsky says there will be no further talks",
        ),
        (
            "Medinsky said the talks found POINTS of agreement",
            "Medinsky said the talks found points of agreement",
        ),
        # a name or an acronym no match writes keeps its capitals; "UN" is no emphasis
        ("Russia sent SHOIGU to the UN talks", "Russia sent SHOIGU to the UN talks"),
    ],
)
def test_words_in_capitals_for_emphasis_take_the_case_of_the_evidence(text, cased):
    assert emphatic(text)
    assert truecased(text, EVIDENCE) == cased


def test_acronyms_alone_are_no_emphasis():
    assert not emphatic("The UN and NATO met in the US.")
    assert not emphatic("MEDINSKY SAID THE TALKS FOUND POINTS OF AGREEMENT")  # shouting
