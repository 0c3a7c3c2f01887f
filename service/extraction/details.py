"""Checkable details of a passage: numbers, dates, places, people, organisations, polarity.

Pure functions over a string; article context (the publication date and the
people already named in the article) is passed in explicitly.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable

from service.domain import DateMention, Details, Quantity
from service.extraction.data import (
    APPROX_PHRASES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DAY_ORDINALS,
    DEMONYMS,
    KNOWN_PEOPLE,
    MONTHS,
    NON_NAME_WORDS,
    NON_UNIT_WORDS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    ORG_VARIANTS,
    PLACE_VARIANTS,
    SCALE_TYPOS,
    SCALES,
    TITLE_WORDS,
    UNIT_SINGULAR,
    UNIT_SKIP_WORDS,
    WEEKDAY_SHORT,
    WEEKDAY_SHORT_AFTER,
    WEEKDAYS,
)

# ------------------------------------------------------------------------ dates

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_ALT = "|".join(WEEKDAYS)
_MONTH_DAY_RE = re.compile(
    rf"\b(?:(?P<wd>{_WEEKDAY_ALT}),?\s+)?(?P<mon>{_MONTH_ALT})\.?\s+(?P<day>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:1[89]|20)\d\d)\b)?",
    re.IGNORECASE,
)
_DAY_MONTH_RE = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH_ALT})\.?"
    rf"(?:,?\s+(?P<year>(?:1[89]|20)\d\d))?\b",
    re.IGNORECASE,
)
# a day said aloud, as transcripts write it: "the twenty-sixth of February", "March the
# thirteenth", "February twenty-fourth"
_AFTER_A_DATE = (
    "and|or|at|in|on|when|as|with|after|before|to|by|that|the|he|she|they|it|we|was|were"
)
# (also read by ``matching.text.month_day``)
DAY_WORD_ALT = "|".join(sorted((re.escape(w) for w in DAY_ORDINALS), key=len, reverse=True))
_WORD_DAY_MONTH_RE = re.compile(
    rf"\b(?:the\s+)?(?P<day>{DAY_WORD_ALT})\s+of\s+(?P<mon>{_MONTH_ALT})\.?"
    rf"(?:,?\s+(?P<year>(?:1[89]|20)\d\d))?\b",
    re.IGNORECASE,
)
_MONTH_WORD_DAY_RE = re.compile(
    rf"\b(?:(?P<wd>{_WEEKDAY_ALT}),?\s+(?:the\s+)?)?(?P<mon>{_MONTH_ALT})\.?\s+(?:the\s+)?"
    rf"(?P<day>{DAY_WORD_ALT})\b(?:,?\s+(?P<year>(?:1[89]|20)\d\d)\b)?"
    # not a round or a place in a row: "the March first round", "in March second place"
    rf"(?!\s+(?!(?:{_AFTER_A_DATE})\b)[a-z])",
    re.IGNORECASE,
)
_MONTH_YEAR_RE = re.compile(
    rf"\b(?P<mon>{_MONTH_ALT})\.?,?\s+(?P<year>(?:1[89]|20)\d\d)\b", re.IGNORECASE
)
# a month alone, after a word that sets a time ("in February", "back in February", "early
# March"): a month written out with its capital, no day or year after it
_FULL_MONTHS = "|".join(
    max((w for w, n in MONTHS.items() if n == month), key=len).capitalize()
    for month in range(1, 13)
)
_MONTH_ALONE_RE = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?|[Ss]ince|[Uu]ntil|[Tt]hroughout)\s+"
    rf"(?P<mon>{_FULL_MONTHS})\b(?![\s,.]*(?:the\s+)?\d)(?!\s+(?:the\s+)?(?:{DAY_WORD_ALT})\b)"
)
_ISO_RE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)\b")
# a date in figures: "27/02/2022", "3/14", "14.03.2022", "3/14/22" (the day is the figure
# over 12; "4/5" says neither and is left alone; with dots, day first, and a year)
_NUMERIC_DATE_RE = re.compile(
    r"(?<![\w./$€£-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})"
    r"(?:(?P=sep)(?P<year>(?:19|20)\d\d|\d\d))?(?![\w/%-]|[.,]\d)"
)
_YEAR_RE = re.compile(r"(?<![\w$€£.,/-])(?P<year>(?:1[89]|20)\d\d)(?![\w,.]\d|[\w%-])")
_WEEKDAY_RE = re.compile(
    rf"\b(?:(?P<mod>next|last|this|coming|previous|past)\s+)?(?P<wd>{_WEEKDAY_ALT})(?:['’]s)?\b",
    re.IGNORECASE,
)
# "on Fri", "late Sun", "next Mon": a weekday shortened, after a word that sets a time
_SHORT_WEEKDAY_RE = re.compile(
    rf"\b(?P<pre>{'|'.join(WEEKDAY_SHORT_AFTER)})\s+"
    rf"(?P<wd>{'|'.join(sorted(WEEKDAY_SHORT, key=len, reverse=True))})\b\.?(?![\w'’-])",
    re.IGNORECASE,
)
# a day of the month the reader knows ("would be held on the 15th")
_DAY_OF_MONTH_RE = re.compile(
    r"\b(?:on|by|until|till|from|since|before|after)\s+(?P<the>the\s+(?P<day>\d{1,2})(?:st|nd|rd|th))\b"
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:and|at|in|when|as|with|after|before|or)\b)"
)
_RELATIVE_RE = re.compile(
    r"\b(?:(?P<day>today|tonight|yesterday|tomorrow)|(?P<rel>(?:earlier |later )?"
    r"(?:last|this|next|past|coming) (?:week|month|year|weekend)|a day (?:later|earlier)|"
    r"the day before|the following day|the next day|(?:earlier|later) (?:in the|that) day|"
    r"(?:that|the) same day))\b",
    re.IGNORECASE,
)
FUTURE_RE = re.compile(
    r"\b(?:will|shall|set to|slated to|scheduled|would resume|to resume|is to|are to|due to|"
    r"expected to|planned|plans to|going to)\b",
    re.IGNORECASE,
)


def _month_num(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def _month_ok(text: str, m: re.Match) -> bool:
    """Full month names must be capitalised ("May", not "may")."""
    mon = m.group("mon")
    return mon[0].isupper()


def _safe_date(y: int, mo: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def _resolve_year(mo: int, d: int, published: dt.date | None) -> dt.date | None:
    if published is None:
        return None
    cand = _safe_date(published.year, mo, d)
    if cand and (cand - published).days > 183 and published.year > 1:
        cand = _safe_date(published.year - 1, mo, d)
    return cand


def _said_ahead(text: str, start: int, end: int) -> bool:
    """The clause around a weekday speaks of the future ("talks will resume on Monday"),
    unless the day is when it was said ("said late Sunday")."""
    clause_start = max(text.rfind(c, 0, start) for c in ",.;:—(") + 1
    ends = [i for i in (text.find(c, end) for c in ",.;:—)") if i >= 0]
    clause = text[clause_start : min(ends) if ends else len(text)]
    return bool(FUTURE_RE.search(clause)) and not re.search(
        r"\b(?:said|says|told|wrote|late|earlier)\s*$", text[max(0, start - 12) : start]
    )


def _resolve_weekday(wd: str, mod: str | None, future: bool, published: dt.date | None):
    try:
        return _weekday_date(wd, mod, future, published)
    except OverflowError:
        return None


def _weekday_date(wd: str, mod: str | None, future: bool, published: dt.date | None):
    if published is None:
        return None
    target = WEEKDAYS.index(wd)
    cur = published.weekday()
    mod = (mod or "").lower()
    if mod in ("next", "coming") or (future and mod not in ("last", "past", "previous")):
        delta = (target - cur) % 7
        if mod == "next" and delta == 0:
            delta = 7
        return published + dt.timedelta(days=delta)
    delta = (cur - target) % 7
    if mod in ("last", "previous", "past") and delta == 0:
        delta = 7
    return published - dt.timedelta(days=delta)


_DAY_AFTER = {"a day later": 1, "the following day": 1, "the next day": 1}
_DAY_BEFORE = {"a day earlier": -1, "the day before": -1}
# the day last named: "Earlier in the day, Ukrainian officials accused Russia …"
_SAME_DAY = {
    "earlier in the day": 0,
    "later in the day": 0,
    "earlier that day": 0,
    "later that day": 0,
    "that same day": 0,
    "the same day": 0,
}


def figures_month_day(text: str) -> tuple[int, int] | None:
    """The (month, day) a date in figures names ("27/02/2022", "3/14"), or None when it
    names none for sure ("4/5"; "24.02" without a year is a decimal)."""
    m = _NUMERIC_DATE_RE.search(text)
    return _figures_day(m) if m else None


def _figures_day(m: re.Match) -> tuple[int, int] | None:
    """(month, day) of a ``_NUMERIC_DATE_RE`` match, as ``figures_month_day`` reads it."""
    a, b = int(m["a"]), int(m["b"])
    if m["sep"] == ".":
        if not m["year"]:
            return None
        day, mo = a, b
    elif a > 12 >= b:
        day, mo = a, b
    elif b > 12 >= a:
        day, mo = b, a
    else:
        return None
    return (mo, day) if 1 <= mo <= 12 and 1 <= day <= 31 else None


def find_dates(
    text: str, published: dt.date | None = None, anchor: dt.date | None = None
) -> tuple[list[DateMention], list[tuple[int, int]]]:
    """Date mentions in ``text`` and the character ranges they cover.

    ``anchor``: the last day the text before this one named, which "a day later" or "the
    day before" count from when this text names none before them."""
    found: list[tuple[int, int, DateMention]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(a: int, b: int, mention: DateMention) -> None:
        found.append((a, b, mention))
        taken.append((a, b))

    for m in _ISO_RE.finditer(text):
        d = _safe_date(int(m["year"]), int(m["mon"]), int(m["day"]))
        if d:
            add(m.start(), m.end(), DateMention(m.group(0), d.isoformat()))
    for m in _NUMERIC_DATE_RE.finditer(text):
        if found_day := _figures_day(m):
            mo, day = found_day
            if m["year"]:
                year = int(m["year"])
                d = _safe_date(year + 2000 if year < 100 else year, mo, day)
            else:
                d = _resolve_year(mo, day, published)
            add(m.start(), m.end(), DateMention(m.group(0), d.isoformat() if d else None))
    for rx in (_MONTH_DAY_RE, _DAY_MONTH_RE, _WORD_DAY_MONTH_RE, _MONTH_WORD_DAY_RE):
        for m in rx.finditer(text):
            if not free(m.start(), m.end()) or not _month_ok(text, m):
                continue
            mo = _month_num(m["mon"])
            day = DAY_ORDINALS.get(m["day"].lower()) or int(m["day"])
            if mo is None or not 1 <= day <= 31:
                continue
            if m["year"]:
                d = _safe_date(int(m["year"]), mo, day)
            else:
                d = _resolve_year(mo, day, published)
            wd = m.groupdict().get("wd")
            add(
                m.start(),
                m.end(),
                DateMention(m.group(0), d.isoformat() if d else None, wd.lower() if wd else None),
            )
    for m in _MONTH_YEAR_RE.finditer(text):
        if free(m.start(), m.end()) and _month_ok(text, m):
            mo = _month_num(m["mon"])
            add(m.start(), m.end(), DateMention(m.group(0), f"{m['year']}-{mo:02d}"))
    for m in _MONTH_ALONE_RE.finditer(text):
        if free(m.start("mon"), m.end("mon")):
            add(m.start("mon"), m.end("mon"), DateMention(m["mon"], None))
    for m in _YEAR_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        after = text[m.end() : m.end() + 12].lower()
        if re.match(r"\s*(?:people|troops|soldiers|civilians|km|miles|tons|dollars|%)", after):
            continue
        before = text[max(0, m.start() - 12) : m.start()]
        if re.search(r"[$€£]\s*$|\b[A-Z]\.\s*$", before):
            continue
        add(m.start(), m.end(), DateMention(m.group(0), m.group(0)))
    for m in _WEEKDAY_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        if not m["wd"][0].isupper():
            continue
        wd = m["wd"].lower()
        d = _resolve_weekday(wd, m["mod"], _said_ahead(text, m.start(), m.end()), published)
        add(m.start(), m.end(), DateMention(m.group(0), d.isoformat() if d else None, wd))
    for m in _SHORT_WEEKDAY_RE.finditer(text):
        if not free(m.start("wd"), m.end()) or not m["wd"][0].isupper():
            continue
        wd = WEEKDAY_SHORT[m["wd"].lower()]
        pre = m["pre"].lower()
        mod = pre if pre in ("last", "next", "this", "coming") else None
        start = m.start() if mod else m.start("wd")
        d = _resolve_weekday(wd, mod, _said_ahead(text, start, m.end()), published)
        add(start, m.end(), DateMention(text[start : m.end()], d.isoformat() if d else None, wd))
    for m in _DAY_OF_MONTH_RE.finditer(text):
        if free(m.start("the"), m.end()) and 1 <= int(m["day"]) <= 31:
            add(m.start("the"), m.end(), DateMention(m["the"], None))
    for m in _RELATIVE_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        d = None
        if m["day"] and published is not None:
            off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["day"].lower()]
            try:
                d = (published + dt.timedelta(days=off)).isoformat()
            except OverflowError:
                d = None
        rel = (m["rel"] or "").lower()
        shift = _DAY_AFTER.get(rel, _DAY_BEFORE.get(rel, _SAME_DAY.get(rel)))
        if shift is not None:
            earlier = sorted((f for f in found if f[0] < m.start()), key=lambda f: f[0])
            base = last_day(f[2] for f in earlier) or anchor
            if base is not None:
                try:
                    d = (base + dt.timedelta(days=shift)).isoformat()
                except OverflowError:
                    d = None
        add(m.start(), m.end(), DateMention(m.group(0), d))
    found.sort(key=lambda x: x[0])
    return [f[2] for f in found], sorted(taken)


def last_day(mentions: Iterable[DateMention]) -> dt.date | None:
    """The last full date among date mentions given in text order."""
    day = None
    for mention in mentions:
        if mention.date and len(mention.date) == 10:
            try:
                day = dt.date.fromisoformat(mention.date)
            except ValueError:
                continue
    return day


# ---------------------------------------------------------------------- numbers

_UNIT_WORD_ALT = "one|two|three|four|five|six|seven|eight|nine"
# "thirty", "thirty-five", "twelve" (not "dozen")
_BELOW_HUNDRED_ALT = (
    "(?:"
    + "|".join(
        sorted(
            (w for w, n in NUMBER_WORDS.items() if n < 100 and w.isalpha() and "dozen" not in w),
            key=len,
            reverse=True,
        )
    )
    + rf")(?:-(?:{_UNIT_WORD_ALT}))?"
)
_NUMWORD_ALT = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_ORD_ALT = "|".join(ORDINAL_WORDS)
# scale words as typed in a hurry too ("$200 milion"): SCALE_TYPOS
_SCALE_ALT = "|".join(
    sorted(
        ["thousand", "million", "billion", "trillion", "mln", "bn", "tn", *SCALE_TYPOS],
        key=len,
        reverse=True,
    )
)
_NUMBER_RE = re.compile(
    r"(?P<cur>[$€£₴₽])?\s?(?P<num>(?<![\w.,/])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|"
    r"(?<![\w.,/])\d+(?:\.\d+)?(?![\d]))(?P<pct>\s?%)?"
    rf"(?:[\s-](?P<scale>{_SCALE_ALT})\b"
    # a scale letter written onto the number, as headlines do ("$200M", "30K", "$1.5bn")
    r"|(?P<abbr>bn|mln|mn|tn|[kmb])\b)?"
    rf"|\b(?P<word>(?:{'|'.join(w for w in NUMBER_WORDS if ' ' not in w and w != 'dozens')})"
    rf"(?:-(?:{_UNIT_WORD_ALT}))?|dozens|a dozen|a hundred|"
    rf"a thousand|hundreds|thousands|millions)\b"
    r"(?:[\s-](?P<wscale>hundred|thousand|million|billion)\b"
    # "one hundred and thirty (thousand)": the tens and units after the scale word
    rf"(?:\s+(?:and\s+)?(?P<wrest>{_BELOW_HUNDRED_ALT})\b)?)?"
    # "three hundred million (dollars)": a second scale word
    r"(?:[\s-](?P<wscale2>thousand|million|billion)\b)?"
    rf"|\b(?P<ord>{_ORD_ALT}|\d+(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)
_UNIT_WORD_RE = re.compile(r"[\s-]+([A-Za-z%][A-Za-z%'’]*)")


def _singular(word: str) -> str:
    w = word.lower().strip("'’")
    if w in UNIT_SINGULAR:
        return UNIT_SINGULAR[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def _word_value(word: str) -> float | None:
    w = word.lower()
    if w in NUMBER_WORDS:
        return float(NUMBER_WORDS[w])
    if "-" in w:
        a, b = w.split("-", 1)
        if a in NUMBER_WORDS and b in NUMBER_WORDS:
            return float(NUMBER_WORDS[a] + NUMBER_WORDS[b])
    return {"hundreds": 100.0, "thousands": 1000.0, "millions": 1e6}.get(w)


def _unit_after(text: str, pos: int) -> tuple[str | None, int]:
    """The unit noun after a number ("-hour", "previous rounds"), and where it ends."""
    skipped = 0
    p = pos
    while True:
        m = _UNIT_WORD_RE.match(text, p)
        if not m:
            return None, pos
        word = m.group(1)
        low = word.lower().strip("'’")
        if low in ("long", "old", "strong") and skipped == 0 and text[p : m.start(1)] == "-":
            # "two-week-long": the unit was before
            return None, pos
        if low in UNIT_SKIP_WORDS and skipped < 2:
            skipped += 1
            p = m.end()
            continue
        if low in NON_UNIT_WORDS or (not word[0].isalpha() and word != "%"):
            return None, pos
        if word[0].isupper() and low not in CURRENCY_WORDS:
            return None, pos
        return _singular(low), m.end()


def _scale_letter(abbr: str | None, *, currency: bool) -> str | None:
    """The scale of a letter written onto a number: "bn", "mln", "k" in any case; a
    capital "M" or "B" (a lower-case "m" or "b" only after a currency sign: "200m" alone
    may be metres)."""
    if not abbr:
        return None
    if abbr.lower() in ("bn", "mln", "mn", "tn", "k") or abbr in ("M", "B") or currency:
        return "mln" if abbr.lower() == "mn" else abbr.lower()
    return None


def find_numbers(text: str, skip: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """Quantities in ``text``, skipping character ranges in ``skip`` (dates)."""
    skip = skip or []
    out: list[Quantity] = []
    for m in _NUMBER_RE.finditer(text):
        a, b = m.start(), m.end()
        if m["num"]:
            a = m.start("cur") if m["cur"] else m.start("num")
        if any(a < e and b > s for s, e in skip):
            continue
        before = text[max(0, a - 8) : a]
        ordinal = False
        if m["num"]:
            if re.search(r"(?:\b[A-Z]\.|\bNo\.?|#)\s*$", before) or re.match(
                r"[LR]\)", text[b : b + 2]
            ):
                continue  # bill numbers ("H.R. 1"), positions in captions ("(4L)")
            if re.search(r"[A-Za-z]-$", before):
                continue  # "COVID-19", "Su-35"
            value = float(m["num"].replace(",", ""))
            scale = m["scale"]
            if scale:
                scale = SCALE_TYPOS.get(scale.lower(), scale.lower())
                value *= SCALES[scale]
            elif abbr := _scale_letter(m["abbr"], currency=bool(m["cur"])):
                value *= SCALES[abbr]
            elif m["abbr"]:
                b = m.start("abbr")  # "200m": not a scale; the letter is read as before
        elif m["word"]:
            value = _word_value(m["word"]) or 0.0
            if m["wscale"]:
                value *= SCALES.get(m["wscale"].lower(), 100.0)
            if m["wrest"]:
                value += _word_value(m["wrest"]) or 0.0
            if m["wscale2"]:
                value *= SCALES[m["wscale2"].lower()]
        else:
            word = m["ord"].lower()
            value = float(ORDINAL_WORDS.get(word) or int(re.sub(r"\D", "", word)))
            ordinal = True
        unit = None
        if m["num"] and m["cur"]:
            unit = CURRENCY_SYMBOLS[m["cur"]]
        elif m["num"] and m["pct"]:
            unit = "percent"
        else:
            unit, _ = _unit_after(text, b)
            if unit in CURRENCY_WORDS:
                unit = CURRENCY_WORDS[unit]
            elif unit == "per":
                unit = (
                    "percent" if text[b : b + 12].lower().strip().startswith("per cent") else None
                )
        if (m["word"] or ordinal) and unit is None:
            continue  # "one another", "the first": no unit, nothing to compare
        if m["word"] and m["word"].lower() == "one" and unit in ("another", "side"):
            continue
        if ordinal and re.search(r"\b(?:in the|at)\s*$", text[max(0, a - 8) : a].lower()):
            if unit in ("instance", "place", "time", "sight", "glance"):
                continue
        approx = None
        low_before = text[max(0, a - 24) : a].lower().rstrip()
        for phrase in APPROX_PHRASES:
            if low_before.endswith(phrase) and (
                len(low_before) == len(phrase) or not low_before[-len(phrase) - 1].isalnum()
            ):
                approx = phrase
                break
        out.append(Quantity(value, unit, text[a:b].strip(), approx, ordinal))
    for m in _SINGLE_SPAN.finditer(text):
        if not any(m.start("n") < e and m.end() > s for s, e in skip):
            out.append(Quantity(1.0, m["unit"].lower(), m["n"], None, False))
    return out


# "in a single day", "within a week": a length of time of one unit without a number word
_SINGLE_SPAN = re.compile(
    r"\b(?:in|within|over|for)\s+(?P<n>a\s+single|a|one\s+single)\s+(?P<unit>day|week|month|year)\b"
    r"(?!\s+(?:later|earlier|before|after|ago))",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------- entities


def _alternation(variants: dict[str, tuple[str, ...]]) -> tuple[re.Pattern, dict[str, str]]:
    lookup: dict[str, str] = {}
    for canon, alts in variants.items():
        lookup[canon] = canon
        for alt in alts:
            lookup[alt] = canon
    alt = "|".join(re.escape(k) for k in sorted(lookup, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alt})(?![\w]|\.\w)"), lookup


_PLACE_RE, _PLACE_LOOKUP = _alternation(PLACE_VARIANTS)
_ORG_RE, _ORG_LOOKUP = _alternation(ORG_VARIANTS)
_REGION_RE = re.compile(r"\b([A-Z][\w-]+)(?:['’]s)?\s+(?:region|province|oblast|district)s?\b")
_BORDER_RE = re.compile(r"\b([A-Z][a-z]+)(?:-([A-Z][a-z]+))?\s+border\b")


def find_places(text: str) -> list[str]:
    """Canonical place names mentioned in ``text`` (spelling variants normalised)."""
    out: list[str] = []

    def add(name: str) -> None:
        if name not in out:
            out.append(name)

    for m in _PLACE_RE.finditer(text):
        add(_PLACE_LOOKUP[m.group(0)])
    for m in _REGION_RE.finditer(text):
        word = m.group(1)
        if word in _PLACE_LOOKUP:
            add(_PLACE_LOOKUP[word])
        elif word not in NON_NAME_WORDS and word not in DEMONYMS:
            add(word)
    for m in _BORDER_RE.finditer(text):
        for word in m.groups():
            if word and word in DEMONYMS:
                add(DEMONYMS[word])
    return out


def find_organisations(text: str) -> list[str]:
    """Canonical organisation names mentioned in ``text``."""
    out: list[str] = []
    for m in _ORG_RE.finditer(text):
        canon = _ORG_LOOKUP[m.group(0)]
        if canon not in out:
            out.append(canon)
    return out


_CAP_TOKEN_RE = re.compile(r"[^\W\d_][\w'’.-]*")


def _strip_possessive(tok: str) -> str:
    for suf in ("’s", "'s", "’", "'"):
        if tok.endswith(suf):
            return tok[: -len(suf)]
    return tok


def find_name_runs(text: str) -> list[tuple[int, int, str]]:
    """Multi-word personal names ("Mykhailo Podolyak") with their spans.

    Runs of capitalised words; leading titles, demonyms and place/org words are
    stripped; a run that ends in a place/organisation word is not a name.
    """
    toks = [(m.start(), m.end(), m.group(0)) for m in _CAP_TOKEN_RE.finditer(text)]
    runs: list[list[tuple[int, int, str]]] = []
    cur: list[tuple[int, int, str]] = []
    for a, b, tok in toks:
        word = tok.rstrip(".") if tok not in TITLE_WORDS else tok
        capital = (word[:1].isupper() and not word.isupper()) or tok in ("Rep.", "Sen.")
        if (
            capital
            and cur
            and text[cur[-1][1] : a] == " "
            and not cur[-1][2].endswith(("’s", "'s"))
        ):
            cur.append((a, b, tok))
        else:
            if cur:
                runs.append(cur)
            cur = [(a, b, tok)] if capital else []
    if cur:
        runs.append(cur)
    out = []
    for run in runs:
        words = [(a, b, _strip_possessive(t.rstrip(".,"))) for a, b, t in run]
        while words and (
            words[0][2] in TITLE_WORDS
            or words[0][2] in NON_NAME_WORDS
            or words[0][2] in DEMONYMS
            or words[0][2] in _PLACE_LOOKUP
            or words[0][2] in _ORG_LOOKUP
            or words[0][2].rstrip(".") + "." in TITLE_WORDS
        ):
            words = words[1:]
        if len(words) < 2 or len(words) > 4:
            continue
        if any(
            w in NON_NAME_WORDS or w in _PLACE_LOOKUP or w in _ORG_LOOKUP or w in DEMONYMS
            for _, _, w in words
        ):
            continue
        if any(not w[0].isupper() or len(w) < 2 for _, _, w in words):
            continue
        out.append((words[0][0], words[-1][1], " ".join(w for _, _, w in words)))
    return out


def find_people(text: str, resolve: Callable[[str], str | None] | None = None) -> list[str]:
    """People named in ``text``; ``resolve`` maps a name or surname to a canonical name."""
    out: list[str] = []
    covered: list[tuple[int, int]] = []
    for a, b, name in find_name_runs(text):
        canon = (resolve(name) if resolve else None) or name
        covered.append((a, b))
        if canon not in out:
            out.append(canon)
    for m in re.finditer(r"\b[A-Z][a-z][\w'’-]+", text):
        if any(a <= m.start() < b for a, b in covered):
            continue
        word = _strip_possessive(m.group(0))
        if word in NON_NAME_WORDS or word in _PLACE_LOOKUP or word in _ORG_LOOKUP:
            continue
        canon = resolve(word) if resolve else None
        if canon is None:
            canon = KNOWN_PEOPLE.get(word)
        if canon and canon not in out:
            out.append(canon)
    return out


# ---------------------------------------------------------------------- negation

_NEGATION_RE = re.compile(
    r"\b(?:(?:did|does|do|is|are|was|were|has|have|had|will|would|could|can|should|may|might|"
    r"must)\s+not|\w+n['’]t|no\s+['‘\"“]?(?!longer\b|doubt\b)[a-z]+|not|never|neither|nor|none|nobody|"
    r"nothing|nowhere|cannot|unable|unanswered|refus(?:ed|es|ing|e)|fail(?:ed|s|ing)?(?:\s+to)?|"
    # "without" negates, but "without conditions" means unconditionally
    r"without(?!\s+(?:any\s+)?(?:pre)?conditions?\b|\s+delay\b|\s+exception\b|\s+doubt\b)|"
    r"den(?:ied|ies|y|ying)|reject(?:ed|s|ing)?|lack(?:ed|s|ing)?|"
    # verbs that forbid what follows ("barred Russian forces from passing")
    r"barr(?:ed|ing)|bann(?:ed|ing)|prohibit(?:ed|s|ing)|forb(?:ade|ids|idden|idding)|"
    r"prevent(?:ed|s|ing)|"
    # refusals in two words ("turned down the request", "ruled out concessions")
    r"turn(?:ed|s|ing)?\s+down|rul(?:ed|es|ing|e)\s+out|declin(?:ed|es|ing|e)\s+to)\b",
    re.IGNORECASE,
)


def find_negations(text: str) -> list[str]:
    """Negating words and phrases as written ("did not", "no results", "unanswered")."""
    return [m.group(0) for m in _NEGATION_RE.finditer(text)]


def negation_spans(text: str) -> list[tuple[int, int]]:
    """Where each negating word or phrase of ``find_negations`` stands in ``text``."""
    return [m.span() for m in _NEGATION_RE.finditer(text)]


# ---------------------------------------------------------------------- all


def extract_details(
    text: str,
    *,
    published: dt.date | None = None,
    resolve_person: Callable[[str], str | None] | None = None,
    anchor: dt.date | None = None,
) -> Details:
    """All checkable details of a passage or a user's statement (``anchor``: see
    ``find_dates``)."""
    dates, date_spans = find_dates(text, published, anchor)
    numbers = find_numbers(text, date_spans)
    negations = find_negations(text)
    return Details(
        numbers=numbers,
        dates=dates,
        places=find_places(text),
        people=find_people(text, resolve_person),
        organisations=find_organisations(text),
        negated=bool(negations),
        negations=negations,
    )
