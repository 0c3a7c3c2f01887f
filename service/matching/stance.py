"""Stance of a passage towards a statement, from their checkable details.

Only details decide: a passage that reports the matched fact supports the
statement unless a number, date or weekday, place, speaker, source or polarity
the statement asserts conflicts with what the passage says. Wording never
decides (a translation variant of a quote, "Kiev" vs "Kyiv" support).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz

from service.domain import Difference
from service.matching.text import canonical_word, fold

SPEECH_VERBS = (
    r"said|says|say|told|tells|wrote|writes|tweeted|tweets|stated|states|claimed|claims|"
    r"announced|announces|added|adds|confirmed|confirms|insisted|insists|declared|declares|"
    r"believes|believed|noted|notes|argued|argues|explained|explains|warned|warns|"
    r"acknowledged|admitted|denied|denies|reported|reports|posted|posts"
)
_NAME = r"(?:[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){0,3}"
_SPEAKER_PATTERNS = [
    re.compile(rf"^(?:[A-Z][\w'’-]+\s+)?(?P<who>{_NAME})\s*,?[^.;]{{0,60}}?\b(?:{SPEECH_VERBS})\b"),
    re.compile(rf"\baccording to (?P<who>{_NAME})"),
    re.compile(rf"\b(?:{SPEECH_VERBS}) (?P<who>{_NAME})\s*[,.]"),
]
# How a source is named in a statement -> the canonical name extraction uses.
MEDIA = {
    "rt": "RT",
    "russia today": "RT",
    "ria novosti": "RIA Novosti",
    "ria": "RIA Novosti",
    "tass": "TASS",
    "interfax": "Interfax",
    "fox news": "Fox News",
    "fox": "Fox News",
    "cnn": "CNN",
    "bbc": "BBC",
    "reuters": "Reuters",
    "associated press": "AP",
    "afp": "AFP",
    "twitter": "Twitter",
    "tweet": "Twitter",
    "telegram": "Telegram",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "youtube": "YouTube",
    "kan": "Kan",
    "al jazeera": "Al Jazeera",
    "nbc": "NBC",
    "cbs": "CBS",
    "abc": "ABC",
    "msnbc": "MSNBC",
    "sky news": "Sky News",
    "izvestia": "Izvestia",
    "russian news agencies": "Russian news agencies",
    "news agencies": "Russian news agencies",
    "state media": "state media",
}
_MEDIA_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(k) for k in MEDIA), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_NOT_SPEAKERS = {"the", "a", "an", "it", "officials", "negotiators", "russia", "ukraine"}
# Relays that name no one medium: "according to Russian news agencies" does not
# contradict "told RT" (the agencies relayed what he told the network).
RUSSIAN_MEDIA = {"RT", "RIA Novosti", "TASS", "Interfax", "Izvestia", "state media",
                 "Russian news agencies"}
VAGUE_SOURCES: dict[str, set[str] | None] = {  # None: compatible with any named medium
    "Russian news agencies": RUSSIAN_MEDIA,
    "state media": RUSSIAN_MEDIA,
    "news agencies": None,
    "agencies": None,
    "media": None,
}
# A city stands for its country's government ("Moscow said", "Kyiv's envoy").
CITY_COUNTRY = {
    "moscow": "russia", "kremlin": "russia", "kyiv": "ukraine", "kharkiv": "ukraine",
    "donetsk": "ukraine", "luhansk": "ukraine", "mariupol": "ukraine", "odesa": "ukraine",
    "lviv": "ukraine", "minsk": "belarus", "brest": "belarus", "gomel": "belarus",
    "washington": "united states", "beijing": "china", "jerusalem": "israel",
    "istanbul": "turkey", "ankara": "turkey", "antalya": "turkey", "warsaw": "poland",
    "london": "united kingdom", "paris": "france", "berlin": "germany", "new york": "united states",
    "u.s.": "united states", "us": "united states", "usa": "united states",
}
# Words that make a negation of continuing ("stopped issuing", "no longer laying down").
CESSATION = re.compile(r"\b(?:stopped|stops|ceased|ceases|halted|no longer|any longer|anymore)\b",
                       re.IGNORECASE)


@dataclass
class StatementFacts:
    """What a statement asserts that a passage can contradict."""

    details: dict
    text: str = ""
    speaker: str | None = None
    source: str | None = None
    extra_people: list[str] = field(default_factory=list)


def statement_speaker(statement: str) -> str | None:
    """The person a statement attributes its content to ("Peskov said ..." -> "Peskov")."""
    for pattern in _SPEAKER_PATTERNS:
        match = pattern.search(statement)
        if match:
            who = match.group("who").strip(" ,.")
            if who.endswith(("'s", "’s")):
                continue  # "Moscow's negotiator said": the speaker is the negotiator, unnamed
            if who.lower() in _NOT_SPEAKERS or who.lower() in MEDIA or _is_place(who):
                continue
            if who.split()[0].lower() in {"russian", "ukrainian", "the"} and len(who.split()) == 1:
                continue
            return who
    return None


def _is_place(name: str) -> bool:
    lowered = canonical_word(fold(name))
    return lowered in CITY_COUNTRY or lowered in set(CITY_COUNTRY.values())


def statement_source(statement: str) -> str | None:
    """The medium a statement names ("told RT", "on Twitter", "Fox News reported")."""
    match = _MEDIA_RE.search(statement)
    if not match:
        return None
    word = match.group(1)
    if word.lower() in {"kan", "fox", "abc", "rt"} and not word.isupper() and word.lower() != "fox":
        return None  # lower-case "kan"/"abc" are not the broadcasters
    return MEDIA[word.lower()]


def same_person(a: str, b: str) -> bool:
    """True when two names can denote one person ("Slutsky" ~ "Leonid Slutsky")."""
    ta = [canonical_word(w) for w in fold(a).replace(".", " ").split()]
    tb = [canonical_word(w) for w in fold(b).replace(".", " ").split()]
    if not ta or not tb:
        return False
    if ta[-1] == tb[-1]:
        return True
    return fuzz.ratio(ta[-1], tb[-1]) >= 80


def _quantities(details: dict) -> list[dict]:
    return [q for q in details.get("numbers", []) if q.get("value") is not None]


def _number_differences(statement: dict, passage: dict) -> list[Difference]:
    differences = []
    passage_numbers = _quantities(passage)
    for q in _quantities(statement):
        same_unit = [p for p in passage_numbers if _unit_match(q, p)]
        if not same_unit:
            continue
        if any(_value_match(q, p) for p in same_unit):
            continue
        closest = min(same_unit, key=lambda p: abs(float(p["value"]) - float(q["value"])))
        differences.append(Difference("number", q.get("text") or str(q["value"]),
                                      closest.get("text") or str(closest["value"])))
    return differences


def _unit_match(a: dict, b: dict) -> bool:
    ua, ub = a.get("unit"), b.get("unit")
    if bool(a.get("ordinal")) != bool(b.get("ordinal")):
        return False
    if ua and ub:
        return ua == ub or ua.rstrip("s") == ub.rstrip("s")
    return False


def _value_match(a: dict, b: dict) -> bool:
    va, vb = float(a["value"]), float(b["value"])
    if va == vb:
        return True
    # "more than 130,000" is not contradicted by "135,000"; "about 12" by "12.5"
    approx = {a.get("approx"), b.get("approx")} - {None}
    if approx and vb and abs(va - vb) / max(abs(va), abs(vb)) <= 0.05:
        return True
    return False


def _weekday(mention: dict) -> str | None:
    if mention.get("weekday"):
        return mention["weekday"].lower()
    if mention.get("date"):
        try:
            return date.fromisoformat(mention["date"]).strftime("%A").lower()
        except ValueError:
            return None
    return None


def _date_differences(statement: dict, passage: dict) -> list[Difference]:
    s_dates = statement.get("dates", [])
    p_dates = passage.get("dates", [])
    if not s_dates or not p_dates:
        return []
    differences = []
    p_iso = {d["date"] for d in p_dates if d.get("date")}
    p_days = {w for d in p_dates if (w := _weekday(d))}
    p_text = ", ".join(d.get("text", "") for d in p_dates)
    for mention in s_dates:
        iso, day = mention.get("date"), _weekday(mention)
        if iso and p_iso:
            if iso not in p_iso:
                differences.append(Difference("date", mention.get("text", iso), p_text))
        elif day and p_days and day not in p_days:
            differences.append(Difference("date", mention.get("text", day), p_text))
    return differences


def _place_key(place: str) -> str:
    return canonical_word(fold(place).split()[0]) if place.strip() else ""


def _country(place: str) -> str:
    folded = " ".join(canonical_word(w) for w in fold(place).split())
    return CITY_COUNTRY.get(folded, folded)


def _place_differences(statement: dict, passage: dict) -> list[Difference]:
    s_places = statement.get("places", [])
    p_places = passage.get("places", [])
    if not s_places or not p_places:
        return []
    p_keys = {_place_key(p) for p in p_places}
    p_countries = {_country(p) for p in p_places}
    p_folded = " ".join(fold(p) for p in p_places)
    missing = [
        p
        for p in s_places
        if _place_key(p) not in p_keys
        and fold(p) not in p_folded
        and _country(p) not in p_countries
    ]
    if not missing or (len(missing) < len(s_places) and not _disjoint_kind(missing, p_places)):
        return []
    return [Difference("place", ", ".join(missing), ", ".join(p_places))]


def _disjoint_kind(missing: list[str], passage_places: list[str]) -> bool:
    """A named border, region or city the passage names differently is a conflict."""
    kinds = ("border", "region", "city", "oblast")
    return any(any(k in fold(m) for k in kinds) for m in missing) and any(
        any(k in fold(p) for k in kinds) for p in passage_places
    )


def differences(
    facts: StatementFacts,
    *,
    passage_details: dict,
    claimant: str | None,
    source: str | None,
    passage_text: str = "",
) -> list[Difference]:
    """Every checkable way in which a passage differs from the statement."""
    found: list[Difference] = []
    found += _number_differences(facts.details, passage_details)
    found += _date_differences(facts.details, passage_details)
    found += _place_differences(facts.details, passage_details)
    if facts.speaker and claimant and not same_person(facts.speaker, claimant):
        found.append(Difference("speaker", facts.speaker, claimant))
    if facts.source and source and not _compatible_sources(facts.source, source):
        found.append(Difference("source", facts.source, source))
    ours, theirs = _negations(facts.details, facts.text), _negations(passage_details, passage_text)
    if bool(ours) != bool(theirs):
        found.append(Difference("negation", _polarity(ours), _polarity(theirs)))
    return found


def _compatible_sources(a: str, b: str) -> bool:
    """Same medium, or a vague relay that may stand for the named one."""
    if a == b:
        return True
    for vague, named in ((a, b), (b, a)):
        if vague in VAGUE_SOURCES:
            allowed = VAGUE_SOURCES[vague]
            return allowed is None or named in allowed
    return False


def _negations(details: dict, text: str) -> list[str]:
    words = list(details.get("negations", [])) if details.get("negated") else []
    words += [m.group(0) for m in CESSATION.finditer(text or "")]
    return words


def _polarity(negations: list[str]) -> str:
    return "negated: " + ", ".join(negations) if negations else "affirmed"
