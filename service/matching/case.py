"""Statements pasted in capitals (news tickers, push alerts), in Title Case (headlines)
or in lower case (text messages): their case restored.

The checks read names, places and speakers partly by their capitals ("MEDINSKY: EIGHT-HOUR
TALKS …" names no one, "ISRAEL HOSTS …" no place). A statement written mostly in capitals
takes each word's case from the claims it was matched against (how the stored articles
write "Medinsky", "Belarus", "the", "IAEA"), else from the calendar, the gazetteer and the
media names, else lower case; an acronym (no vowel: "PM", "FM"; or a known one: "UN",
"NATO") and the letters of an abbreviation ("U.S.") stay capitals.

A statement typed without capitals ("putin ordered his army into ukraine on feb 23") is
read the same way, a word at a time: a word the matched claims write with capitals
("Putin", "IAEA"), a day or a month, a nationality, a medium or a place takes them; every
other word stays as it was typed (shorthand has no vowels: "ppl", "mtg", "wk").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from service.extraction.data import DEMONYMS, WEEKDAY_SHORT, WEEKDAY_SHORT_AFTER, WEEKDAYS
from service.extraction.details import find_places
from service.matching.stance import MEDIA
from service.matching.text import MONTHS, STOPWORDS

SHOUTING_SHARE = 0.7  # of a statement's letters in capitals
_MIN_LETTERS = 12
_LETTERS = re.compile(r"[A-Za-z]+")
_DEMONYMS = {d.lower(): d for d in DEMONYMS}
_MEDIA = {k: v for k, v in MEDIA.items() if " " not in k}
# days and months ("ZELENSKY ON FRIDAY:", "FEB 28"), not "may" the verb
_CALENDAR = (set(WEEKDAYS) | set(MONTHS)) - {"may"}
_ACRONYMS = frozenset({"un", "us", "eu", "uk", "uae", "nato", "iaea", "osce", "icc", "icj", "opec"})
_VOWEL = re.compile(r"[aeiouy]")
# calendar words that are English words too ("may", "march") or shortened ("sun", "fri"):
# a day or a month, in lower case, only before a number ("mar 13") or after a word that
# sets a time ("on sat", "late sun")
_COMMON_CALENDAR = frozenset({"may", "mar", "march", *WEEKDAY_SHORT})
_FLAT_MIN_WORDS = 4
TITLE_SHARE = 0.8  # of a statement's words of four letters or more, capitalised
_TITLE_WORD = 4
_TITLE_STEM = 5  # letters a headline's word shares with another form of it ("Confirms")
# where a sentence opens again: the first word, after a full stop or a label's colon
# (not after the letters of an abbreviation: "U.S. sends")
_OPENING = re.compile(r"(^\W*|(?<=[a-z0-9\"'”’)]{2})[.!?]\s+|:\s+)([a-z])")


def _reopened(text: str) -> str:
    """``text`` with each sentence, and each label's words, opening with a capital."""
    return _OPENING.sub(lambda m: m.group(1) + m.group(2).upper(), text)


def shouting(text: str) -> bool:
    """Mostly capitals, as a ticker or an alert is written."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < _MIN_LETTERS:
        return False
    return sum(c.isupper() for c in letters) / len(letters) >= SHOUTING_SHARE


def flat(text: str) -> bool:
    """Typed without capitals (past its first letter), as a text message is."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < _MIN_LETTERS or len(text.split()) < _FLAT_MIN_WORDS:
        return False
    return not any(c.isupper() for c in letters[1:])


def titled(text: str) -> bool:
    """Written in Title Case, as a headline is: nearly every longer word capitalised."""
    if shouting(text):
        return False
    long_words = [w for w in _LETTERS.findall(text) if len(w) >= _TITLE_WORD]
    if len(long_words) < _FLAT_MIN_WORDS:
        return False
    capitalised = sum(w[0].isupper() and not w.isupper() for w in long_words)
    return capitalised / len(long_words) >= TITLE_SHARE


def _emphatic_word(word: str) -> bool:
    """A word in capitals for emphasis ("NO", "GENEVA"), not an acronym ("UN", "PM")."""
    low = word.lower()
    return word.isupper() and len(word) > 1 and low not in _ACRONYMS and bool(_VOWEL.search(low))


def emphatic(text: str) -> bool:
    """Written in sentence case with words in capitals for emphasis, as a tabloid post is
    ("… demanded in GENEVA that …", "Medinsky says there will be NO further talks")."""
    words = _LETTERS.findall(text)
    if sum(map(len, words)) < _MIN_LETTERS or len(words) < _FLAT_MIN_WORDS:
        return False  # too short to tell ("IAEA: NO RISK")
    return not shouting(text) and any(_emphatic_word(w) for w in words)


def miscased(text: str) -> bool:
    """Written in capitals, in Title Case, without capitals or with words in capitals for
    emphasis: its case is to be restored (``truecased``) before its names are read."""
    return shouting(text) or flat(text) or titled(text) or emphatic(text)


def _forms(evidence: Iterable[str]) -> dict[str, Counter]:
    """How each word is written in the evidence; a sentence's first word, capitalised
    whatever it is, counts only for words seen nowhere else ("Podolyak said …")."""
    forms: dict[str, Counter] = {}
    opening: dict[str, Counter] = {}
    for text in evidence:
        for m in _LETTERS.finditer(text):
            before = text[: m.start()].rstrip(" \"“‘'(")
            first = not before or before[-1] in ".!?:"
            (opening if first else forms).setdefault(m.group().lower(), Counter())[m.group()] += 1
    return {**{w: c for w, c in opening.items() if w not in STOPWORDS}, **forms}


def truecased(text: str, evidence: Iterable[str]) -> str:
    """``text`` with the case restored when it is written in capitals or without any,
    else unchanged."""
    if flat(text):
        return _flat_cased(text, _forms(evidence))
    if titled(text):
        return _title_cased(text, _forms(evidence))
    if emphatic(text):
        return _emphasis_cased(text, _forms(evidence))
    if not shouting(text):
        return text
    forms = _forms(evidence)

    def case(m: re.Match) -> str:
        word = m.group()
        if not word.isupper() or m.string[m.start() - 1 : m.start()].isdigit():
            return word  # "FMs": written in mixed case on purpose; "$200M": a scale
        low = word.lower()
        if (form := _written_form(low, forms)) is not None:
            return form
        if low in STOPWORDS:
            return low
        if low in _ACRONYMS or (len(word) > 1 and not _VOWEL.search(low)):
            return word  # "PM", "FM", "UN"
        if len(word) == 1 and m.string[m.end() : m.end() + 1] == ".":
            return word  # "U.S."
        return low

    cased = _LETTERS.sub(case, text)
    return _reopened(cased)


def _written_form(low: str, forms: dict[str, Counter]) -> str | None:
    """How a word written in capitals is written where it is not: as the matches write
    it, else as a day or a month, a nationality, a medium or a place; None for any other."""
    if low in forms:
        return forms[low].most_common(1)[0][0]
    if low in _CALENDAR:
        return low.capitalize()
    if low in _DEMONYMS:
        return _DEMONYMS[low]
    if low in _MEDIA:
        return _MEDIA[low]
    if find_places(low.capitalize()):
        return low.capitalize()
    return None


def _capitalised(low: str, forms: dict[str, Counter]) -> str | None:
    """How a lower-case word is written where it names something, or None."""
    if low in forms:
        form = forms[low].most_common(1)[0][0]
        return form if form != low else None
    if low in _DEMONYMS:
        return _DEMONYMS[low]
    if low in _MEDIA:
        # the word as the medium's name writes it ("fox" -> "Fox", "ria" -> "RIA"; not
        # "tweet" -> "Twitter")
        named = [w for w in _MEDIA[low].split() if w.lower() == low]
        if named:
            return named[0]
    if low in _ACRONYMS and low != "us":
        return low.upper()  # "un", "nato": not "us" the pronoun
    if low not in STOPWORDS and find_places(low.capitalize()):
        return low.capitalize()
    return None


def _flat_cased(text: str, forms: dict[str, Counter]) -> str:
    def case(m: re.Match) -> str:
        word = m.group()
        low = word.lower()
        if low in _CALENDAR or low in WEEKDAY_SHORT:
            after = m.string[m.end() :].lstrip(" .")
            before = m.string[: m.start()].rstrip().rsplit(" ", 1)[-1].lower()
            if low not in _COMMON_CALENDAR or after[:1].isdigit() or before in WEEKDAY_SHORT_AFTER:
                return low.capitalize()
            return word
        cased = _capitalised(low, forms)
        if cased is None and low.endswith("s") and len(low) > 3:
            # "ukraines", "zelenskys office": a name's possessive typed without its
            # apostrophe
            stem = _capitalised(low[:-1], forms)
            cased = stem + "'s" if stem else None
        return cased or word

    cased = _LETTERS.sub(case, text)
    return _reopened(cased)


def _title_cased(text: str, forms: dict[str, Counter]) -> str:
    """A headline's words in the case its matches write them ("Operation Aims To Defend
    People" -> "operation aims to defend people"), or another form of them ("Confirms":
    "confirmed"); a word they do not write, a day, a nationality, a medium or a place
    keeps its capital (it may be a name)."""
    written = {low: c.most_common(1)[0][0] for low, c in forms.items()}
    lower = {low[:_TITLE_STEM] for low, form in written.items() if form.islower()}
    upper = {low[:_TITLE_STEM] for low, form in written.items() if not form.islower()}

    def case(m: re.Match) -> str:
        word = m.group()
        if not word[0].isupper() or word.isupper():
            return word  # "IAEA", "PM" as written
        low = word.lower()
        if low in written:
            return written[low]
        if low in _CALENDAR:
            return word
        if low in STOPWORDS or (low[:_TITLE_STEM] in lower and low[:_TITLE_STEM] not in upper):
            return low
        return word

    cased = _LETTERS.sub(case, text)
    return _reopened(cased)


def _emphasis_cased(text: str, forms: dict[str, Counter]) -> str:
    """The words in capitals for emphasis in the case the matches write them, or another
    form of them ("CONFIRMS": "confirmed"); a day, a nationality, a medium or a place
    capitalised; a stop word in lower case; any other kept as written (it may be a name
    or an acronym no match writes: "SHOIGU", "NTD")."""
    lower = {low[:_TITLE_STEM] for low, c in forms.items() if c.most_common(1)[0][0].islower()}

    def case(m: re.Match) -> str:
        word = m.group()
        if not _emphatic_word(word):
            return word
        low = word.lower()
        if (form := _written_form(low, forms)) is not None:
            return form
        if low in STOPWORDS or (len(low) >= _TITLE_STEM and low[:_TITLE_STEM] in lower):
            return low
        return word

    return _reopened(_LETTERS.sub(case, text))
