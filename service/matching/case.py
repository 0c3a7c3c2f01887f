"""Statements pasted in capitals (news tickers, push alerts): their case restored.

The checks read names, places and speakers partly by their capitals ("MEDINSKY: EIGHT-HOUR
TALKS …" names no one, "ISRAEL HOSTS …" no place). A statement written mostly in capitals
takes each word's case from the claims it was matched against (how the stored articles
write "Medinsky", "Belarus", "the", "IAEA"), else from the calendar, the gazetteer and the
media names, else lower case; an acronym (no vowel: "PM", "FM"; or a known one: "UN",
"NATO") and the letters of an abbreviation ("U.S.") stay capitals.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from service.extraction.data import DEMONYMS, WEEKDAYS
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
# where a sentence opens again: the first word, after a full stop or a label's colon
# (not after the letters of an abbreviation: "U.S. sends")
_OPENING = re.compile(r"(^\W*|(?<=[a-z0-9\"'”’)]{2})[.!?]\s+|:\s+)([a-z])")


def shouting(text: str) -> bool:
    """Mostly capitals, as a ticker or an alert is written."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < _MIN_LETTERS:
        return False
    return sum(c.isupper() for c in letters) / len(letters) >= SHOUTING_SHARE


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
    """``text`` with the case restored when it is written in capitals, else unchanged."""
    if not shouting(text):
        return text
    forms = _forms(evidence)

    def case(m: re.Match) -> str:
        word = m.group()
        if not word.isupper() or m.string[m.start() - 1 : m.start()].isdigit():
            return word  # "FMs": written in mixed case on purpose; "$200M": a scale
        low = word.lower()
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
        if low in STOPWORDS:
            return low
        if low in _ACRONYMS or (len(word) > 1 and not _VOWEL.search(low)):
            return word  # "PM", "FM", "UN"
        if len(word) == 1 and m.string[m.end() : m.end() + 1] == ".":
            return word  # "U.S."
        return low

    cased = _LETTERS.sub(case, text)
    return _OPENING.sub(lambda m: m.group(1) + m.group(2).upper(), cased)
