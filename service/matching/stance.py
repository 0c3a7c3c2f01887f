"""Stance of a passage towards a statement, from their checkable details.

Only details decide: a passage that reports the matched fact supports the
statement unless a number, date or weekday, place, speaker, source or polarity
the statement asserts conflicts with what the passage says. Wording never
decides (a translation variant of a quote, "Kiev" vs "Kyiv" support).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz, process

from service.domain import Difference
from service.extraction.data import DEMONYMS, NUMBER_WORDS, ROLE_NOUNS, TITLE_WORDS, WEEKDAYS
from service.extraction.details import find_negations, find_places, negation_spans
from service.matching.text import (
    MONTHS,
    PREFIXED_OPPOSITES,
    STOPWORDS,
    canonical_word,
    content_words,
    fold,
    month_day,
    sense,
)

SPEECH_VERBS = (
    r"said|says|say|told|tells|wrote|writes|tweeted|tweets|stated|states|claimed|claims|"
    r"announced|announces|added|adds|confirmed|confirms|insisted|insists|declared|declares|"
    r"believes|believed|expects|noted|notes|argued|argues|explained|explains|warned|warns|"
    r"acknowledged|acknowledges|admitted|admits|asserted|asserts|reiterated|reiterates|"
    r"denied|denies|reported|reports|posted|posts|"
    r"called|calls|urged|urges|accused|accuses|described|describes|praised|praises|"
    r"critici[sz]ed|critici[sz]es|demanded|demands|asked|asks|vowed|vows|promised|promises|"
    r"pledged|pledges|hailed|hails|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|"
    r"predicted|predicts|suggested|suggests|dismissed|dismisses|welcomed|welcomes|"
    r"mocked|mocks|ridiculed|ridicules|taunted|taunts|scoffed|scoffs|joked|jokes|"
    r"quipped|quips|boasted|boasts|complained|complains|lamented|laments|conceded|"
    r"concedes|remarked|remarks|replied|replies|responded|responds|revealed|reveals|"
    r"hinted|hints|slammed|slams|blasted|blasts|condemned|condemns|jibed|jibes|saying|stating"
)
_NAME = r"(?:[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){0,3}"
# words that join or place a name, not describe it ("talks with Medinsky")
_NOT_DESCRIPTION = (
    r"(?:with|and|of|for|to|by|from|in|on|at|the|a|an|as|than|but|or|after|before|"
    r"between|against|about|over|under|without|like|said|says|told)"
)
# an adverb that hedges or places a saying: "Podolyak reportedly stated", "Peskov later said"
_HEDGE = r"(?:reportedly|allegedly|apparently|purportedly|also|later|then|again|earlier|once)"
_ROLE_ALT = "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))  # longest first
# the comma that sets off an attribution, after the closing quote of a quotation that
# opens the statement ("'A hard negotiation has started,' Slutsky said")
_COMMA = r",[\"'”’]?\s+"
_SPEAKER_PATTERNS = [
    # "It was said by Podolyak on Saturday that …", "…, it was told by Zelensky adviser
    # Podolyak": the impersonal passive of saying, its speaker after "by" (after a role,
    # if any); it comes first, as its verb would make the opening word a speaker
    re.compile(
        r"(?:^|,\s*)(?:[Ii]t|[Tt]his)\s+(?:was|has been|had been|is)\s+"
        r"(?:said|stated|declared|told|announced|claimed|confirmed|written|tweeted|posted|"
        r"noted|added|stressed|underlined|emphasi[sz]ed|insisted|promised|denied|asserted|"
        r"reported|alleged|maintained|argued|contended|acknowledged|admitted|conceded|warned)\s+"
        # "It was stated on Saturday by the adviser …": when, before who
        r"(?:(?:on|late|early|in|at|last|this)\s+(?:[\w'’.-]+\s+){1,3}?)?by\s+"
        rf"(?:the\s+)?(?:(?:[A-Z][\w'’-]+\s+)?(?:[a-z][\w'’-]*\s+){{0,3}}?(?:{_ROLE_ALT})\s+)?"
        rf"(?P<who>{_NAME})"
    ),
    # "it was Nebenzia who told the General Assembly …": a cleft sentence names its speaker
    re.compile(
        rf"\b[Ii]t\s+(?:was|is|had been)\s+(?P<who>{_NAME})\s+(?:who|that)\s+"
        rf"(?:{_HEDGE}\s+)?(?:{SPEECH_VERBS})\b"
    ),
    # ">> progress could develop … into documents to be signed — Medinsky. Big if true.":
    # a quotation signed with its speaker's name after a dash
    re.compile(rf"^.{{20,}}?\s[—–]{{1,2}}\s*(?P<who>{_NAME})(?=\s*[.!,;:]|\s*$)"),
    # … with the office before the name ("— Ukraine's digital minister Mykhailo Fedorov")
    re.compile(
        rf"^.{{20,}}?[\"”’']\s*[—–]{{1,2}}\s*(?:[A-Z][\w-]*['’]s\s+)?(?:[A-Z][\w'’-]+\s+)?"
        rf"(?:[a-z][\w'’-]*\s+){{0,3}}(?:{_ROLE_ALT})\s+(?P<who>{_NAME})(?=\s*[.!,;:]|\s*$)"
    ),
    # "Peskov said ...": a name and its verb open the statement ("Peskov reportedly said")
    re.compile(rf"^(?P<who>{_NAME})\s+(?:{_HEDGE}\s+)?(?:{SPEECH_VERBS})\b"),
    # "Peskov: talks will resume on Monday": a headline's speaker label ("Zelensky
    # himself: …")
    re.compile(rf"^(?P<who>{_NAME})(?:\s+(?:himself|herself))?\s*:\s"),
    # "As Zelensky put it, Moscow has turned to China": the speaker fronted with "as"
    re.compile(
        rf"^As\s+(?P<who>{_NAME})(?:\s+(?:himself|herself))?\s+"
        rf"(?:put\s+it|(?:{SPEECH_VERBS})(?:\s+it)?)\s*,"
    ),
    # "Russia's Leonid Slutsky on the talks: '…'", "Medinsky after the Feb. 28 talks: '…'":
    # the label with what it is about, before a quotation
    re.compile(
        rf"^(?P<who>{_NAME})\s+(?:on|after|about|over|at|before|during)\s[^:;]{{1,60}}:\s*[\"“‘']"
    ),
    # "Putin, to state media in February: '…'", "Pentagon spokesman John Kirby, to Fox
    # News: '…'": a quote card's label, with whom the words were for
    re.compile(
        rf"^(?:[A-Z][\w'’-]+\s+)?(?:(?:[a-z][\w'’-]*\s+){{0,3}}(?:{_ROLE_ALT})\s+)?"
        rf"(?P<who>{_NAME}),\s+to\s+[^:;\"“‘']{{1,60}}:\s*[\"“‘']"
    ),
    # "..., Leonid Slutsky told RT.": the attribution closes it
    re.compile(rf"{_COMMA}(?P<who>{_NAME})\s+(?:{SPEECH_VERBS})\b[^,;]{{0,40}}$"),
    # "'…,' said Russian delegation head Vladimir Medinsky.": closing, inverted, with a role
    re.compile(
        rf"{_COMMA}(?:{SPEECH_VERBS})\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s+)?(?:[a-z][\w'’-]*\s+){{0,3}}"
        rf"(?:{_ROLE_ALT})\s+(?P<who>{_NAME})"
        rf"[^,;]{{0,40}}$"
    ),
    # "Talks will resume on Monday, says Podolyak": closing, inverted, the name alone
    re.compile(rf"{_COMMA}(?:{SPEECH_VERBS})\s+(?P<who>{_NAME})\s*[.!]?\s*$"),
    # "Daily talks, Zelensky said, were necessary ...": the attribution set off by commas
    re.compile(
        rf"^[^,;]{{3,150}}{_COMMA}(?:[\w'’-]+\s+){{0,4}}?(?P<who>{_NAME})\s+(?:{SPEECH_VERBS}),\s"
    ),
    # "Speaking to state media on Friday, Kremlin spokesman Dmitry Peskov said ...": a
    # fronted phrase, then the attribution
    re.compile(
        rf"^[^,;]{{3,150}}?{_COMMA}(?!(?:and|but|or|while|as|because|after|before|when)\b)"
        rf"(?:[\w'’-]+\s+){{0,4}}?(?P<who>{_NAME})\s+(?:{SPEECH_VERBS})\b"
    ),
    # "On Saturday, 12 March 2022, Andriy Yermak, head of the Office of the President,
    # said …": a fronted time or place, then the name, an aside and the verb
    re.compile(
        r"^(?:On|In|At|Late|Early|Last|Earlier|Later|After|Before|Speaking)\b[^;:]{1,80}?,\s*"
        rf"(?P<who>{_NAME})\s*,[^.;:]{{1,80}}?,\s*(?:{_HEDGE}\s+)?(?:{SPEECH_VERBS})\b"
    ),
    # "Peskov, the Kremlin spokesman, said": the name, an aside, the verb (not across a
    # headline's colon: "Chernobyl is back on the grid: Ukraine says …" is Ukraine's)
    re.compile(
        rf"^(?:[A-Z][\w'’-]+\s+)?(?P<who>{_NAME})\s*,?[^.;:]{{0,60}}?\b(?:{SPEECH_VERBS})\b"
    ),
    # "Russian delegation head Vladimir Medinsky said": a role in lower case, then the
    # name; "Kremlin spokesman Dmitry Peskov: '…'": the same as a speaker label
    re.compile(
        rf"^(?:[A-Z][\w'’-]+\s+)?(?:[a-z][\w'’-]*\s+){{0,3}}"
        rf"(?:{_ROLE_ALT})\s+"
        rf"(?P<who>{_NAME})(?:\s+(?:{SPEECH_VERBS})\b|\s*:\s"
        # "Kremlin spokesman Dmitry Peskov on the talks: '…'"
        r"|\s+(?:on|after|about|over|at|before|during)\s[^:;]{1,60}:\s*[\"“‘'])"
    ),
    re.compile(rf"\b[Aa]ccording to (?P<who>{_NAME})"),
    # "Israel's Kan broadcaster quoted Zelensky himself calling Bennett a fair broker"
    re.compile(
        rf"\bquoted\s+(?P<who>{_NAME})(?:\s+(?:himself|herself))?,?\s+"
        r"(?:as\s+)?(?:saying|calling|describing|telling|warning|urging)\b"
    ),
    re.compile(rf"\b(?:{SPEECH_VERBS}) (?P<who>{_NAME})\s*[,.]"),
    # "The Head of the Russian delegation, Vladimir Medinsky, stated …": an office held,
    # then the name set off by commas, then the verb
    re.compile(
        rf"^(?:The|A|An)\s+(?:[\w'’.-]+\s+){{0,8}}?(?i:{_ROLE_ALT})\b[^,;:\"“”]{{0,60}},\s+"
        rf"(?P<who>{_NAME}),\s+(?:{_HEDGE}\s+)?(?:{SPEECH_VERBS})\b"
    ),
    # "'…,' the spokesman for the Russian presidency, Dmitry Peskov, stated.": closing,
    # with the office before the name
    re.compile(
        rf"{_COMMA}(?:the|a|an)\s+(?:[\w'’.-]+\s+){{0,8}}?(?:{_ROLE_ALT})\b[^,;\"“”]{{0,60}}?"
        rf",?\s+(?P<who>{_NAME}),?\s+(?:{_HEDGE}\s+)?(?:{SPEECH_VERBS})\b[^,;]{{0,40}}$"
    ),
    # "Even Kremlin hawk Slutsky concedes …": a description in lower case that is no role
    # noun, then the name and its verb
    re.compile(
        rf"^(?:[A-Z][\w'’-]+\s+){{0,2}}(?:(?!{_NOT_DESCRIPTION}\b)[a-z][\w'’-]+\s+){{1,2}}"
        rf"(?P<who>{_NAME})\s+"
        rf"(?:{_HEDGE}\s+)?(?:{SPEECH_VERBS})\b"
    ),
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
    "ap": "AP",
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
    "abc": "ABC News",
    "abc news": "ABC News",
    "npr": "NPR",
    "sputnik": "Sputnik",
    "xinhua": "Xinhua",
    "ukrinform": "Ukrinform",
    "unian": "UNIAN",
    "belta": "BelTA",
    "anadolu": "Anadolu",
    "bloomberg": "Bloomberg",
    "press tv": "Press TV",
    "msnbc": "MSNBC",
    "sky news": "Sky News",
    "izvestia": "Izvestia",
    "army radio": "Army Radio",
    "new york times": "The New York Times",
    "washington post": "The Washington Post",
    "the guardian": "The Guardian",
    "russian news agencies": "Russian news agencies",
    "news agencies": "Russian news agencies",
    "state media": "state media",
}
_MEDIA_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(k) for k in MEDIA), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
# Media named only by their country ("Ukrainian media", "Israeli television"): the
# canonical name keeps the demonym, and they agree only with media of that country.
_NATIONAL_MEDIA_RE = re.compile(
    r"\b(?P<nation>" + "|".join(sorted(DEMONYMS, key=len, reverse=True)) + r")\s+"
    r"(?:state[- ]run\s+|state\s+|official\s+|public\s+)?"
    r"(?P<kind>news agencies|news agency|agencies|media|television|TV|broadcasters?|"
    r"newspapers?|press|outlets|news outlets|radio)\b"
)
# Numbered channels ("Israel's Channel 12", "Channel 4 News") are media too.
# Their number may be spelt out, as a transcript does ("Channel Twelve").
_CHANNEL_NUMBERS = {w: n for w, n in NUMBER_WORDS.items() if " " not in w and n <= 99}
_CHANNEL_RE = re.compile(
    r"\bChannel\s+(?P<number>\d{1,3}|(?i:"
    + "|".join(sorted(_CHANNEL_NUMBERS, key=len, reverse=True))
    + r"))\b"
)


def _channel_number(word: str) -> str:
    return str(_CHANNEL_NUMBERS.get(word.lower(), word))


# Where the media a statement may name come from, for "Russian media" and the like.
MEDIA_COUNTRY = {
    "RT": "Russia",
    "RIA Novosti": "Russia",
    "TASS": "Russia",
    "Interfax": "Russia",
    "Izvestia": "Russia",
    "Sputnik": "Russia",
    "state media": "Russia",
    "Russian news agencies": "Russia",
    "BelTA": "Belarus",
    "Ukrinform": "Ukraine",
    "UNIAN": "Ukraine",
    "Kan": "Israel",
    "Army Radio": "Israel",
    "The New York Times": "United States",
    "The Washington Post": "United States",
    "The Guardian": "United Kingdom",
    "Fox News": "United States",
    "CNN": "United States",
    "NBC": "United States",
    "CBS": "United States",
    "ABC News": "United States",
    "MSNBC": "United States",
    "NPR": "United States",
    "AP": "United States",
    "Bloomberg": "United States",
    "BBC": "United Kingdom",
    "Sky News": "United Kingdom",
    "Reuters": "United Kingdom",
    "AFP": "France",
    "Al Jazeera": "Qatar",
    "Press TV": "Iran",
    "Xinhua": "China",
    "Anadolu": "Turkey",
}
# Capitalised only because they open the sentence.
_FUNCTION_WORDS = frozenset(
    [
        "both",
        "all",
        "late",
        "early",
        "earlier",
        "later",
        "overnight",
        "speaking",
        "citing",
        "quoting",
        "in",
        "on",
        "at",
        "after",
        "before",
        "during",
        "since",
        "until",
        "with",
        "without",
        "for",
        "from",
        "by",
        "to",
        "as",
        "while",
        "when",
        "but",
        "and",
        "or",
        "yet",
        "so",
        "if",
        "although",
        "though",
        "meanwhile",
        "also",
        "then",
        "there",
        "here",
        "his",
        "her",
        "their",
        "its",
        "our",
        "these",
        "those",
        # a question turned into a claim: "Did you know that …", "Why is nobody saying …"
        "did",
        "do",
        "does",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "can",
        "could",
        "will",
        "would",
        "should",
        "why",
        "how",
        "what",
    ]
)
_NOT_SPEAKERS = {
    "the",
    "a",
    "an",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "this",
    "that",
    "officials",
    "negotiators",
    "russia",
    "ukraine",
    # unnamed sources, capitalised only because they open the statement ("Reports on the
    # talks say …", "Analysts said …"): nobody whose words an article could attribute
    "reports",
    "sources",
    "analysts",
    "experts",
    "observers",
    "witnesses",
    "critics",
    "diplomats",
    "journalists",
    "reporters",
    "residents",
    "insiders",
}
# Relays that name no one medium: "according to Russian news agencies" does not
# contradict "told RT" (the agencies relayed what he told the network).
RUSSIAN_MEDIA = {
    "RT",
    "RIA Novosti",
    "TASS",
    "Interfax",
    "Izvestia",
    "state media",
    "Russian news agencies",
}
VAGUE_SOURCES: dict[str, set[str] | None] = {  # None: compatible with any named medium
    "Russian news agencies": RUSSIAN_MEDIA,
    "state media": RUSSIAN_MEDIA,
    "news agencies": None,
    "agencies": None,
    "media": None,
}
# A city stands for its country's government ("Moscow said", "Kyiv's envoy").
CITY_COUNTRY = {
    "moscow": "russia",
    "kremlin": "russia",
    "kyiv": "ukraine",
    "kharkiv": "ukraine",
    "donetsk": "ukraine",
    "luhansk": "ukraine",
    "mariupol": "ukraine",
    "odesa": "ukraine",
    "lviv": "ukraine",
    "minsk": "belarus",
    "brest": "belarus",
    "gomel": "belarus",
    "washington": "united states",
    "beijing": "china",
    "jerusalem": "israel",
    "istanbul": "turkey",
    "ankara": "turkey",
    "antalya": "turkey",
    "warsaw": "poland",
    "london": "united kingdom",
    "paris": "france",
    "berlin": "germany",
    "new york": "united states",
    "u.s.": "united states",
    "us": "united states",
    "usa": "united states",
}
# Words that make a negation of continuing ("stopped issuing", "no longer laying down").
CESSATION = re.compile(
    r"\b(?:stopped|stops|ceased|ceases|halted|quit|quits|quitting|no longer|any longer|anymore|"
    r"(?:gave|given|giving|gives) up(?: on)?|"
    # a bare "stop" only as what someone will do: "urged Russia to stop its offensive" is a
    # demand, not a report that anything stopped
    r"(?:will|would|shall|['’]ll|going to)\s+stop|"
    # giving up a demand: "dropped their ultimatums", "abandoned its demand for …"
    r"(?:dropped|drops|dropping|abandoned|abandons|abandoning|renounced|renounces)"
    r"(?=\s+(?:(?:its|their|his|her|the|all|any)\s+)?(?:[\w-]+\s+)?[\"'‘’“”]?(?:demands?|ultimatums?|"
    r"conditions?|preconditions?|claims?|plans?|insistence|objections?|opposition|"
    r"requests?|bids?|threats?)\b))\b",
    re.IGNORECASE,
)


def with_negations_spelt(statement: str, corrections: dict[str, str]) -> str:
    """The statement with each misspelt negating word read as the word it misspells
    ("Russia has stoped issuing ultimatums": stopped), from the search's typo
    corrections (``{typo: word}``). Only negating words: a word the store does not hold
    may be spelt right (a place no article names), and a difference must not come from
    reading it as another."""

    def negating(text: str) -> bool:
        return bool(find_negations(text) or CESSATION.search(text))

    for typo, word in corrections.items():
        if negating(word) and not negating(typo):
            statement = re.sub(rf"\b{re.escape(typo)}\b", word, statement, flags=re.IGNORECASE)
    return statement


# What is given up: "dropped its demand for Russian troops to withdraw" speaks of a
# demand; a passage on the troops alone says nothing of it (``_speaks_of_negated``)
_GIVEN_UP = re.compile(
    r"(?:dropped|drops|dropping|abandoned|abandons|abandoning|renounced|renounces)"
    r"\s+(?:(?:its|their|his|her|the|all|any)\s+)?(?:[\w-]+\s+)?[\"'‘’“”]?(?P<what>demands?|"
    r"ultimatums?|conditions?|preconditions?|claims?|plans?|insistence|objections?|"
    r"opposition|requests?|bids?|threats?)\b",
    re.IGNORECASE,
)


@dataclass
class StatementFacts:
    """What a statement asserts that a passage can contradict."""

    details: dict
    text: str = ""
    speaker: str | None = None
    source: str | None = None
    extra_people: list[str] = field(default_factory=list)
    # a part of a compound statement: the whole statement's text (``statement_clauses``)
    whole: str = ""


# Where a compound statement joins two assertions: ", and" / ", but" / "; " /
# "... and that ..." (a second thing the same speaker said).
_CLAUSE_BREAK = re.compile(
    r"\s*(?:(?:[,;]|\s[-–—])\s*(?:and|but|while|whereas|though|although|yet|with)\s+"
    r"(?P<that1>that\s+)?|;\s+"
    # "Putin sent troops in on February 22, before negotiators held several rounds of
    # talks": another event, set before or after the first (a clause: a subject and more;
    # not "…, after days of heavy fighting")
    r"|,\s*(?:(?:a|one|two|three|four|five|six|a\s+few)\s+(?:days?|weeks?)\s+)?"
    r"(?:before|after|even\s+as)\s+(?!(?:days|weeks|months|hours|years)\s+of\b)"
    r"(?=(?:[\w'’.-]+\s+){3})"
    r"|\s+(?:and|but)\s+(?P<that2>that)\s+"
    # "X blamed Ukraine for …, and insisted Russian forces are not …": a second saying
    # of the same speaker
    r"|,?\s+and\s+(?P<said>insisted|added|claimed|conceded|admitted|warned|argued|stressed|"
    r"acknowledged|maintained|asserted|called|dismissed|described|branded)\s+(?:that\s+)?"
    # "X announced A, adding that B": a second saying of the same speaker
    r"|,\s*(?P<adding>adding|insisting|stressing|warning)\s+that\s+"
    # "Putin launched the operation on Feb. 24, claiming it would defend people …": what
    # the act was said to be for, a claim of its own (not "…, saying": "Podolyak took a
    # jibe at Moscow on Twitter, saying …" is what he said)
    r"|,\s*(?P<claiming>(?=(?:claiming|arguing|alleging)\s+[a-z]))"
    # "Talks resume on Monday, Podolyak says, as Kyiv warns B": another saying, its own
    r"|,\s+as\s+(?=(?:[A-Z][\w'’.-]*\s+){1,4}(?:" + SPEECH_VERBS + r")\b)"
    # "…, contradicting an earlier statement by X": what the saying did to another one
    r"|,\s*(?=(?:contradicting|confirming|corroborating|echoing|denying|reversing)\s)"
    # "Kiev says it is not willing to negotiate, refuses to surrender": a headline's
    # second verb of the same subject (not "…, says Podolyak": who said the first)
    r"|,\s+(?P<then>(?=(?:says|refuses|rejects|denies|vows|insists|warns|urges|agrees|"
    r"threatens|pledges|promises|accuses|plans|wants)\s+(?![A-Z])))"
    # "urged the assembly to demand A and to recognise B": a second call of the same
    # speaker; "…, saying A and calling B": a second thing the same saying did
    r"|\s+and\s+(?P<also>to\s+(?!(?:the|his|her|its|their|our|your|all|any|each|both|other|"
    r"those|these|this|that|what|whom|which|some|many|more|most|one|two|three)\s)(?=[a-z]{3,}\s)"
    r"|(?=(?:calling|saying|describing|dismissing|"
    r"accusing|urging|adding|claiming|insisting|warning|branding|labelling|labeling)\s)))"
)
MIN_CLAUSE_WORDS = 3  # content words a part needs to be checked on its own


def may_have_parts(text: str) -> bool:
    """Whether ``statement_clauses`` may find more than one part (without reading details)."""
    return _CLAUSE_BREAK.search(text) is not None


def statement_clauses(facts: StatementFacts) -> list[StatementFacts]:
    """The assertions of a compound statement, each with its own details.

    "X happened, and Y" is two claims: a passage on X says nothing about Y's
    numbers, and a wrong detail in Y makes the statement half true. A part
    introduced by "and that" keeps the statement's speaker and medium ("the mayor
    said A and that B"). A simple statement is one part: itself.
    """
    text = facts.text
    parts: list[tuple[str, bool]] = []
    start, inherits = 0, False
    for match in _CLAUSE_BREAK.finditer(text):
        parts.append((text[start : match.start()], inherits))
        start, inherits = (
            match.end(),
            bool(
                match.group("that1")
                or match.group("that2")
                or match.group("said")
                or match.group("adding")
                or match.group("claiming") is not None
                or match.group("then") is not None
                or match.group("also") is not None
            ),
        )
    parts.append((text[start:], inherits))
    parts = [(p.strip(" ,;."), i) for p, i in parts]
    if len(parts) < 2 or any(len(content_words(p)) < MIN_CLAUSE_WORDS for p, _ in parts):
        return [facts]
    from service.extraction import extract_details  # extraction imports nothing of matching

    clauses = []
    for part, inherit in parts:
        speaker, source = statement_speaker(part), statement_source(part)
        if inherit:
            speaker, source = speaker or facts.speaker, source or facts.source
        clauses.append(
            StatementFacts(
                details=extract_details(part).to_dict(),
                text=part,
                speaker=speaker,
                source=source,
                whole=text,
            )
        )
    return clauses


# Capitalised words that open a statement but name a time, not a speaker
_TIME_WORDS = frozenset(WEEKDAYS) | {
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "earlier",
    "later",
    "last",
    "next",
    "this",
}


# a word of saying, which an exclamation before a claim does not hold
_SAYING_WORD = r"(?:says|said|tells|told|claims|claimed)\b"
# time zones a live blog stamps its entries with ("16:40 GMT — …")
_ZONES = "gmt|utc|bst|cet|cest|eet|eest|msk|est|edt|pst|pdt|et|pt"
# how a pasted post may open before its claim: "Did you know that …", "BREAKING: …",
# "TV transcript: …", "Photo caption: …"
_LEAD_IN = re.compile(
    r"^\s*(?:(?:did you know|have you heard|fun fact|reminder|breaking|just in|update)\b"
    r"[^A-Za-z]*(?:that\s+)?"
    # a live blog's entry label, with its time: "Updated 9.05am: …", "KEY EVENT: …"
    r"|(?:updated|key\s+event|latest)(?:\s+(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s?(?:[ap]\.?m\.?)?"
    rf"(?:\s+(?:{_ZONES}))?)?\s*:\s*"
    r"|(?:(?:photo|video|tv|radio|news)\s+)?(?:caption|transcript|headline|chyron|clip)\s*:\s*"
    # a video's subtitles and captions: who reads them or where they stand is no speaker
    # ("NARRATOR: …", "ON SCREEN TEXT: …", "Lower third: …")
    r"|(?:on[- ]screen(?:\s+text)?|text\s+on\s+screen|narrator|anchor|presenter|reporter|"
    r"correspondent|voice[- ]?over|v/o|lower\s+third|graphic|subtitles?|super|title\s+card)"
    r"\s*:\s*"
    # a hedge before the claim: "Reports say Kremlin spokesman Dmitry Peskov said …"
    r"|(?:(?:media|news|press|local)\s+)?reports\s+(?:say|said|suggest|claim)\s+(?:that\s+)?"
    # a question that opens a post ("Is Moscow changing course? Kremlin spokesman …")
    r"|[^.?!\"“”]{3,80}\?\s+(?=[A-Z\"“‘'])"
    # an exclamation of a few words, and its emoji ("Round two INCOMING! 🥊 Medinsky
    # says …", "WHAT?! 😱 Russia's envoy …")
    # (not a saying, and a sentence of five words or more after it: "Zelensky says talks
    # go well! Amazing news" is a claim and a reaction)
    rf"|(?:(?!{_SAYING_WORD})[\w'’-]+\s+){{0,4}}(?!{_SAYING_WORD})[\w'’-]+\s*\?*![?!]*\s+"
    r"(?:[^\w\s\"“‘'(\[$£€]+\s+)?(?=[A-Z\"“‘']\S*(?:\s+\S+){4}))",
    re.IGNORECASE,
)
# the stamp of a live blog's or a timeline's entry: "Mar 13 - Podolyak: …", "Sunday, 14:05 |
# Lavrov says …", "Feb 28, UN | …" (a day, a time and a short dateline, then a bar or a
# dash set off by spaces)
_STAMP = re.compile(
    r"^\s*(?P<stamp>(?:[A-Za-z]{2,9}\.?|\d{1,2}(?:[:.]\d{2})?(?:\s?[ap]\.?m\.?)?|\d{4})"
    r"(?:,?\s+(?:[A-Za-z]{2,9}\.?|\d{1,2}(?:[:.]\d{2})?(?:\s?[ap]\.?m\.?)?|\d{4})){0,4})"
    r",?\s+(?:\||[-–—])\s+(?=\S)"
)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?[ap]\.?m\b")


def _a_stamp(stamp: str) -> bool:
    """A day, a date or a time of day opens the stamp ("Mar 13", "Sunday, 14:05")."""
    words = [fold(w).strip(".,") for w in stamp.split()]
    return bool(words) and (
        words[0] in MONTHS
        or words[0] in WEEKDAYS
        or words[0] in {"today", "yesterday", "tonight"}
        or bool(_CLOCK.match(stamp.strip()))
    )


# "Press TV: Podolyak said …": the outlet that reports the claim, named as a label
# ("AFP, March 14, 2022: …": with the day of the report)
_OUTLET_LABEL = re.compile(
    r"^\s*(?P<label>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?)?\s*:\s+"
)
_OUTLET_WORDS = ("tv", "news", "times", "post", "radio", "agency", "press", "daily", "herald")
# "The Epoch Times reports (that) …", "According to Press TV, …", "…, the Times of Israel
# reports.": the outlet that reports the claim, as the label above
_OUTLET_NAME = r"(?:[Tt]he\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*){0,3}"
_REPORTING = r"(?:reports|reported|writes|wrote|notes|noted|recalls|recalled)"
# whom the outlet had it from ("The Epoch Times, citing AP, reported …", "AFP, in a report
# carried by The Moscow Times, said …", "…, AFP reported via The Moscow Times.")
_RELAYED = (
    r"(?:citing|quoting|drawing\s+on|via|(?:in\s+a\s+report\s+|as\s+)?"
    r"(?:carried|published|run|relayed)\s+by)\s+[^,;:]{1,60}?"
)
_REPORTED_BY = re.compile(
    rf"^\s*(?:[Aa]ccording to\s+(?P<by>{_OUTLET_NAME})\s*,\s*"
    rf"|(?P<outlet>{_OUTLET_NAME})\s+{_REPORTING}\s+(?:that\s+)?(?=\S)"
    rf"|(?P<relayer>{_OUTLET_NAME})\s*,\s*{_RELAYED}\s*,\s*(?:{_REPORTING}|said|says)\s+"
    r"(?:that\s+)?(?=\S))"
)
_REPORTED_BY_TAIL = re.compile(
    rf",\s*(?:according to\s+(?P<by>{_OUTLET_NAME})"
    rf"|(?P<outlet>{_OUTLET_NAME})\s+(?:{_REPORTING}|says|said))(?:\s*,?\s*{_RELAYED})?"
    r"\s*[.!]?\s*$"
)


def _an_outlet(name: str, *, medium: bool = True) -> bool:
    """A name that is a news outlet's ("Press TV", "The Epoch Times", "Times of Israel");
    without ``medium``, not one a speaker talks to as well (RIA, RT, Fox News: "According
    to RIA Novosti, Slutsky said …" names whom he told)."""
    folded = fold(name).strip(" .")
    folded = folded[4:] if folded.startswith("the ") else folded
    if folded in MEDIA:
        return medium
    return any(w in _OUTLET_WORDS for w in folded.split())


# pictographs and flags before a post's first word (no letter, digit, quote or bracket)
_EMOJI_OPENING = re.compile(r"^\s*[^\w\s\"“‘'(\[$£€.,;:!?*#@&%+<>=/\\|~^-]+\s*")
# a transcript's time code ("00:42 ", "[01:15:03] ")
_TIME_CODE = re.compile(r"^\s*[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+(?=\S)")
# a subtitle's speaker tag: "ZELENSKY (translated): …", "[PESKOV] …", "[PODOLYAK, via
# Twitter] …", "Nebenzia (UN General Assembly): …"
_SPEAKER_TAG = re.compile(
    r"^\s*(?:\[(?P<bracketed>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})(?:\s*,\s*(?P<via>[^\]]{1,50}))?\]"
    r"|(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\s*\((?P<aside>[^)]{1,50})\)\s*:"
    r"|(?P<caps>[A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]{2,}){0,2})\s*:)\s*(?=\S)"
)
# what a tag's aside says of the words, not of who said them or where
_TRANSLATED = re.compile(
    r"^(?:translated|translation|subtitled|interpreted|via (?:an )?interpreter|through an interpreter|"
    r"voice of (?:the )?interpreter|in (?:russian|ukrainian|english)|cont(?:inued|'?d)?\.?)$",
    re.IGNORECASE,
)


# an alert's label in capitals, which names no one ("BREAKING: …")
_TAG_WORDS = frozenset(
    {"breaking", "update", "correction", "just in", "alert", "flash", "urgent", "exclusive"}
)


def _speaker_tagged(statement: str) -> str:
    """A subtitle's speaker tag as a plain label ("ZELENSKY (translated): X" -> "Zelensky:
    X"); an aside that says more than how the words were rendered closes the line."""
    tag = _SPEAKER_TAG.match(statement)
    if not tag:
        return statement
    name = tag["bracketed"] or tag["name"] or tag["caps"]
    aside = (tag["via"] or tag["aside"] or "").strip()
    if tag["caps"] and (name.lower() in _TAG_WORDS or _an_outlet(name)):
        return statement  # "BREAKING: …", "RT: …": no speaker
    if name.isupper():
        name = " ".join(w.capitalize() for w in name.split())
    rest = statement[tag.end() :].rstrip()
    if aside and not _TRANSLATED.match(aside):
        rest = f"{rest.rstrip('.')} ({aside})."
    return f"{name}: {rest}"


def without_lead_in(statement: str) -> str:
    """A statement without the label a pasted post opens with (a lead-in, a genre, or the
    outlet that reports it): who said the claim and to whom is read after it."""
    # (emoji before a post's words: "🤣 Zelensky takes a jibe …")
    statement = _EMOJI_OPENING.sub("", statement)
    # (a live blog's stamp before a subtitle's time code: "16:40 GMT — …" is one stamp)
    stamp = _STAMP.match(statement)
    if stamp and _a_stamp(stamp.group("stamp")):
        statement = statement[stamp.end() :]
    statement = _TIME_CODE.sub("", statement)
    stripped = _LEAD_IN.sub("", statement)
    if stripped != statement:
        # the claim now opens the sentence: "Reports say port spokesman X said …"
        statement = stripped[:1].upper() + stripped[1:]
    label = _OUTLET_LABEL.match(statement)
    if label:
        words = fold(label.group("label")).split()
        if fold(label.group("label")) in MEDIA or words[-1] in _OUTLET_WORDS:
            statement = statement[label.end() :]
    return without_reporting_outlet(_speaker_tagged(statement))


def without_reporting_outlet(statement: str) -> str:
    """A statement without the outlet that reports it ("The Epoch Times reports …", "…,
    the Times of Israel reports", "According to <a publisher>, …"): neither its speaker,
    its source nor a place it names."""
    reported = _REPORTED_BY.match(statement)
    if reported and (
        _an_outlet(reported.group("outlet") or reported.group("relayer"))
        if reported.group("outlet") or reported.group("relayer")
        else _an_outlet(reported.group("by"), medium=False)
    ):
        statement = statement[reported.end() :]
        statement = statement[:1].upper() + statement[1:]
    tail = _REPORTED_BY_TAIL.search(statement)
    if tail and (
        _an_outlet(tail.group("outlet"))
        if tail.group("outlet")
        else _an_outlet(tail.group("by"), medium=False)
    ):
        statement = statement[: tail.start()] + "."
    return statement


def statement_speaker(statement: str) -> str | None:
    """The person a statement attributes its content to ("Peskov said ..." -> "Peskov")."""
    statement = without_lead_in(statement)
    for pattern in _SPEAKER_PATTERNS:
        match = pattern.search(statement)
        if match and _OTHER_SUBJECT.search(statement, match.end("who"), match.end()):
            continue  # "Negotiations will continue, the Kremlin spokesman said": unnamed
        if match:
            who = match.group("who").strip(" ,.")
            words = who.split()
            while words and (
                fold(words[0]) in _FUNCTION_WORDS
                or (len(words) > 1 and fold(words[0]).strip(",") in WEEKDAYS)
                or (len(words) > 1 and fold(words[0]).endswith("'s"))
            ):
                # "In a video address, X said", "On Sunday Peskov said", "Russia's Leonid
                # Slutsky said": they open it
                words = words[1:]
            if not words:
                continue
            who = " ".join(words)
            through = _THROUGH_ROLE.match(statement, match.end("who"))
            if through:
                # "The Pentagon, through spokesman John Kirby, confirmed": Kirby speaks
                who = through.group("who").strip(" ,.")
            elif fold(who.split()[-1]).rstrip(".") == "no":
                # "America's No. 2 diplomat Wendy Sherman says": a rank, then the name
                named = _NAME_AFTER_RANK.match(statement, match.end("who"))
                if not named:
                    continue
                who = named.group("who").strip(" ,.")
            elif _role_follows(statement, match.end("who")):
                # "Police spokeswoman Jane Doe said": the name after the role;
                # "France's EU envoy said": an unnamed holder of the role
                named = _NAME_AFTER_ROLE.match(statement, match.end("who"))
                if not named:
                    named = _NAME_AFTER_MISSPELT_ROLE.match(statement, match.end("who"))
                    if not named or _role_noun(named.group("role")) is None:
                        continue
                who = named.group("who").strip(" ,.")
            elif all(_is_title(w) for w in words):
                # "U.S. Deputy Secretary of State Wendy Sherman said": the name after the
                # title's "of …"
                named = _NAME_AFTER_TITLE.match(statement, match.end("who"))
                if not named:
                    continue
                who = named.group("who").strip(" ,.")
            if who.endswith(("'s", "’s")):
                continue  # "Moscow's negotiator said": the speaker is the negotiator, unnamed
            if (
                who.lower() in _NOT_SPEAKERS
                or who.lower() in MEDIA
                or _is_place(who)
                or _misspelt_place(who)
                # "Russia-Ukraine talks resume Monday": the talks of two countries
                or ("-" in who and all(_is_place(p) for p in who.split("-")))
            ):
                continue
            if who.split()[-1].lower() in MEDIA:
                continue  # "Israel's Kan said": a medium reports, it is not the speaker
            if who.split()[0].lower() in {"russian", "ukrainian", "the"} and len(who.split()) == 1:
                continue
            first = fold(who.split()[0]).rstrip(".")
            if first in MONTHS or first in _TIME_WORDS:
                continue  # "The Oct. 3 vote ... said", "Earlier Sunday, X said": a time
            return who
    return None


# Between a capitalised opening word and the verb of saying, another subject: the
# opening word was not the speaker ("Negotiations will continue on Monday, the Kremlin
# spokesman said").
_OTHER_SUBJECT = re.compile(
    rf",\s+(?:the|a|an|its|his|her|their)\s+[\w'’ -]*?\b(?:{SPEECH_VERBS})\b$"
)
_NAME_AFTER_TITLE = re.compile(rf"\s+of\s+(?:the\s+)?[A-Z][\w.]*\s+(?P<who>{_NAME})")


def _is_title(word: str) -> bool:
    """A word of a title before a name: "Deputy", "Secretary", "U.S.", "UN"."""
    return (
        word in TITLE_WORDS
        or word.lower() in ROLE_NOUNS
        or bool(re.fullmatch(r"[A-Z.]{2,5}", word))
    )


_THROUGH_ROLE = re.compile(
    rf",?\s+(?:through|via)\s+(?:its\s+|his\s+|her\s+|their\s+)?(?:[a-z]+\s+)?"
    rf"(?:{_ROLE_ALT})\s+(?P<who>{_NAME})"
)
_NAME_AFTER_RANK = re.compile(rf"\s*\d+\s+(?:[a-z][\w'’-]*\s+){{1,3}}(?P<who>{_NAME})")
_NAME_AFTER_ROLE = re.compile(rf"\s+(?:[a-z]+\s+){{0,3}}(?:{_ROLE_ALT})\s+(?P<who>{_NAME})")


# A statement's own subject when it opens with a name: "The International Court of
# Justice ordered …", "The Pope called …" (up to the first lower-case word).
_SUBJECT = re.compile(
    r"^(?:[Tt]he\s+)?(?P<subject>[A-Z][\w’'.-]*(?:\s+(?:of|for|and|the|de)?\s*[A-Z][\w’'.-]*)*)\s+[a-z]"
)
# a time fronted before the subject ("On 10 March 2022, …", "Late on Sunday, …")
_FRONTED_TIME = re.compile(
    r"^(?:On|In|Early|Late|Last|Earlier|Later|By|Since|During)\s+(?P<when>[^,;:]{1,40}),\s+(?=\S)"
)
_TIMELY = re.compile(
    rf"\b(?:{'|'.join(sorted(set(WEEKDAYS) | set(MONTHS), key=len, reverse=True))}|"
    r"\d{4}|week|month|year|morning|evening|night|day)\b",
    re.IGNORECASE,
)
_SPEECH_RE = re.compile(rf"\b(?:{SPEECH_VERBS})\b")


def reports_speech(statement: str) -> bool:
    """The statement reports what someone said ("… said", "told", "urged" …), or gives
    it after its speaker as a label ("Russian delegation head Vladimir Medinsky: 'a hard
    negotiation … has started.'")."""
    if _SPEECH_RE.search(statement):
        return True
    if _SIGNED_QUOTE.match(statement) and statement_speaker(statement):
        return True  # "'…,' — Wendy Sherman, on Fox News": a quotation signed by its speaker
    rest = without_lead_in(statement)
    label = _SPEAKER_LABEL.match(rest)
    speaker = statement_speaker(rest) if label else None
    # a full name: "Vienna: the bridge will reopen" is a dateline, "Photo: …" a caption
    return bool(
        speaker
        and len(speaker.split()) >= 2
        and speaker in label.group(0)
        and not find_places(speaker)
    )


# a quotation that opens the statement, then a dash and who said it
_SIGNED_QUOTE = re.compile(r"^\s*[\"“‘'][^\"“”]{10,}?[\"”’']\s*[—–]{1,2}\s*[A-Z]")
# what opens a statement before its first colon, when no quotation opens first
_SPEAKER_LABEL = re.compile(r"^[^:;\"“”‘']{2,80}?:\s+\S")


def statement_subject(statement: str) -> list[str]:
    """The words of the named subject a statement opens with, when it asserts something
    that subject did ("The Pope called for a ceasefire" -> ["pope"]); empty for a report
    of speech (whose speaker the stance rules compare), a place, a nationality or a time.
    """
    text = statement.strip()
    if reports_speech(text):
        return []
    # "On 10 March 2022, United States Vice President Kamala Harris met …": the subject
    # follows a fronted time
    fronted = _FRONTED_TIME.match(text)
    if fronted and _TIMELY.search(fronted.group("when")):
        text = text[fronted.end() :]
    match = _SUBJECT.match(text)
    if not match:
        return []
    subject = match.group("subject")
    if len(subject.split()) < 2 and not (subject.isupper() and len(subject) > 1):
        return []  # one capitalised word may just open the sentence ("Humanitarian …")
    first = fold(subject.split()[0]).rstrip(".")
    if first in _FUNCTION_WORDS or first in _TIME_WORDS or first in MONTHS:
        return []
    words = [canonical_word(w) for w in content_words(subject) if len(w) > 2]
    if not words:
        return []
    if _is_place(" ".join(subject.split()[:2])) or any(
        _is_place(w) or w in _COUNTRY_DEMONYMS or w in _DEMONYM_WORDS for w in words
    ):
        # countries, capitals and nationalities go by many names; a person's name after
        # them and a title does not ("Turkish Foreign Minister Mevlut Cavusoglu")
        return _name_after_titles(subject)
    return words


def _name_after_titles(subject: str) -> list[str]:
    """The words of a person's name (two words or more) that closes a subject after a
    nationality or a place and a title; empty when there is none."""

    def qualifies(token: str) -> bool:  # a title, a nationality or a place before the name
        word = canonical_word(fold(token))
        return (
            _is_title(token.strip(".,"))
            or word in _DEMONYM_WORDS
            or word in _COUNTRY_DEMONYMS
            or _is_place(word)
        )

    tokens = subject.split()
    k = 0
    while k < len(tokens):
        if qualifies(tokens[k]):
            k += 1
        elif k + 1 < len(tokens) and _is_place(f"{tokens[k]} {tokens[k + 1]}"):
            k += 2  # "United States Vice President Kamala Harris"
        else:
            break
    name = [canonical_word(fold(t)) for t in tokens[k:]]
    if (
        k == 0
        or len(name) < 2
        or any(
            len(w) < 2 or _is_place(w) or w in _DEMONYM_WORDS or _is_title(t)
            for w, t in zip(name, tokens[k:], strict=True)
        )
    ):
        return []
    return name


def spells_out(text: str, acronym: str) -> bool:
    """``text`` names what ``acronym`` stands for: capitalised words whose initials spell
    it, small words between them allowed ("International Atomic Energy Agency" for
    "iaea", "North Atlantic Treaty Organization" for "nato")."""
    if not 2 <= len(acronym) <= 6 or not acronym.isalpha():
        return False
    return _spelled_out(acronym.upper()).search(text) is not None


@lru_cache(maxsize=256)
def _spelled_out(acronym: str) -> re.Pattern:
    between = r"(?:\s+(?:of|for|and|the|on|in|de))?\s+"
    return re.compile(r"\b" + between.join(rf"{letter}[a-z]+" for letter in acronym) + r"\b")


def _role_follows(statement: str, end: int) -> bool:
    """The name is followed by a role noun, so it qualifies the role ("EU envoy", and
    misspelt: "UN ambasador")."""
    # (after up to three lower-case words that qualify it: "Duma foreign affairs chief
    # Leonid Slutsky", not "Reznikov told reporters")
    for word in statement[end:].split(None, 4)[:4]:
        if _role_noun(word.strip(",.")) is not None:
            return True
        if not (word.islower() and word.isalpha()) or word in STOPWORDS or _SPEECH_RE.match(word):
            return False
    return False


def _role_noun(word: str) -> str | None:
    """``word`` as a role noun, allowing one slip in a long one ("ambasador")."""
    lowered = word.lower()
    if lowered in ROLE_NOUNS:
        return lowered
    if len(lowered) < 7 or not lowered.isalpha() or not word.islower():
        return None
    found = process.extractOne(lowered, ROLE_NOUNS, scorer=fuzz.ratio, score_cutoff=88)
    return found[0] if found else None


# the name after a role noun written with a slip ("UN ambasador Vassily Nebenzia")
_NAME_AFTER_MISSPELT_ROLE = re.compile(rf"\s+(?P<role>[a-z]{{7,}})\s+(?P<who>{_NAME})")


def _misspelt_place(name: str) -> bool:
    """One word that is a place, or a people's adjective, with a slip in it ("Jeruslaem
    municipality says", "Russain delegation head … said")."""
    word = canonical_word(fold(name))
    if " " in word or len(word) < 6:
        return False
    return (
        process.extractOne(word, _PLACE_NAMES, scorer=fuzz.ratio, score_cutoff=85) is not None
        or process.extractOne(word, _DEMONYM_NAMES, scorer=fuzz.ratio, score_cutoff=85) is not None
    )


_DEMONYM_NAMES = sorted({fold(d).lower() for d in DEMONYMS})


def _is_place(name: str) -> bool:
    lowered = canonical_word(fold(name))
    return lowered in CITY_COUNTRY or lowered in set(CITY_COUNTRY.values())


def statement_source(statement: str) -> str | None:
    """The medium a statement names ("told RT", "on Twitter", "Fox News reported"), in
    the clause of its saying: "Peskov had said talks would continue before Ukraine's
    Podolyak confirmed them on Twitter" names Podolyak's medium, not Peskov's."""
    statement = without_lead_in(statement)
    verb = _SPEECH_RE.search(statement)
    if verb and (other := _OTHER_SUBJECT_CLAUSE.search(statement, verb.end())):
        statement = statement[: other.start()]
    found: list[tuple[int, str]] = []
    for match in _MEDIA_RE.finditer(statement):
        word = match.group(1)
        if word.lower() in {"kan", "abc", "rt", "ap"} and not word.isupper():
            continue  # lower-case "kan"/"abc"/"ap" are not the broadcasters
        if word.lower() in {"news agencies", "russian news agencies"} and _national(
            statement, match.start()
        ):
            continue  # "Ukrainian news agencies": the national form below
        found.append((match.start(), MEDIA[word.lower()]))
        break
    national = _NATIONAL_MEDIA_RE.search(statement)
    if national and not (
        national.group("nation") == "Russian" and "agenc" in national.group("kind")
    ):
        found.append((national.start(), f"{national.group('nation')} media"))
    channel = _CHANNEL_RE.search(statement)
    if channel:
        found.append((channel.start(), f"Channel {_channel_number(channel.group('number'))}"))
    named = _NAMED_OUTLET_RE.search(statement)
    if named:
        group = "name" if named.group("name") else "before"
        name = named.group(group)
        # "told the Ukrainian newspaper": a nationality, not a name
        if not (group == "before" and any(w in DEMONYMS for w in name.split())):
            found.append((named.start(group), MEDIA.get(name.lower(), name)))
    return min(found)[1] if found else None


# An outlet named after what it is: "told the newspaper Kommersant", "in an interview
# with the broadcaster Sky News" (known media are read by name wherever they stand)
_OUTLET_KINDS = (
    r"(?:newspaper|daily|paper|magazine|weekly|broadcaster|network|channel|station|agency|"
    r"outlet|website|tabloid)"
)
_NAMED_OUTLET_RE = re.compile(
    r"\b(?:told|[Ii]n\s+an\s+interview\s+with|[Ss]peaking\s+to)\s+(?:the\s+)?"
    # "told state TV channel Rossiya 24": what it is, then its name (with a number)
    rf"(?:(?:[a-z][\w-]*|TV)\s+){{0,3}}{_OUTLET_KINDS}\s+"
    r"(?P<name>[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|\d{1,3}\b)){0,2})"
    # "told the Haaretz newspaper", "told Ukraine's 1+1 television": its name, then what
    # it is
    rf"|\b(?:told|[Ii]n\s+an\s+interview\s+with|[Ss]peaking\s+to)\s+(?:(?:the|[A-Z][a-z]+['’]s)\s+)?"
    rf"(?P<before>[A-Z0-9][\w'’&.+-]*(?:\s+[A-Z][\w'’&.-]*){{0,2}})\s+"
    rf"(?:{_OUTLET_KINDS}|television|TV|radio)\b"
)


# After the verb of saying, a clause of someone named: "… before Ukraine's Podolyak
# confirmed …", "… while Zelensky said …"
_OTHER_SUBJECT_CLAUSE = re.compile(r"\s(?:before|after|until|while|whereas|when)\s+(?=[A-Z])")


def _national(statement: str, start: int) -> bool:
    before = statement[:start].split()
    return bool(before) and before[-1] in DEMONYMS


def same_person(a: str, b: str) -> bool:
    """True when two names can denote one person ("Slutsky" ~ "Leonid Slutsky")."""
    ta = [canonical_word(w) for w in fold(a).replace(".", " ").split()]
    tb = [canonical_word(w) for w in fold(b).replace(".", " ").split()]
    if not ta or not tb:
        return False
    if ta[-1] == tb[-1]:
        return True
    # transliterations from Cyrillic swap "y" and "i" ("Kislitsya" / "Kyslytsya",
    # "Podoliak" / "Podolyak"): read alike before the slip allowance
    return fuzz.ratio(ta[-1].replace("y", "i"), tb[-1].replace("y", "i")) >= 80


def _quantities(details: dict) -> list[dict]:
    return [q for q in details.get("numbers", []) if q.get("value") is not None]


def unstated_numbers(statement: dict, passages: Iterable[dict]) -> list[dict]:
    """The statement's amounts (not ordinals: "the first round" and "the fourth round"
    are two events) that none of the passages (details) counts in their unit."""
    found = [_quantities(p) for p in passages]
    return [
        q
        for q in _quantities(statement)
        if not q.get("ordinal") and not any(_comparable_numbers(q, f) for f in found)
    ]


_YEAR = re.compile(r"\d{4}")
_YEAR_WRITTEN = re.compile(r"\b\d{4}\b")


def years_given(details: dict) -> list[str]:
    """The bare years a text dates something to ("in 2014"), as written."""
    return [
        d.get("text") or ""
        for d in details.get("dates", [])
        if _YEAR.fullmatch(str(d.get("date") or "")) and d.get("text")
    ]


def unstated_years(statement: dict, passages: Iterable[dict]) -> list[str]:
    """The bare years the statement dates something to ("regions that declared
    themselves republics in 2016") when none of the passages dates anything to a year
    (one that writes a year is compared with them as it is)."""
    if any(_YEAR_WRITTEN.search(d.get("text") or "") for p in passages for d in p.get("dates", [])):
        return []
    return years_given(statement)


def unstated_days(statement: dict, passages: Iterable[dict]) -> list[str]:
    """The days (a weekday or a day of a month) the statement dates its saying or its
    event to, when none of the passages dates anything ("Sherman told Fox News on
    Thursday …" against her quote, whose day is in the sentence before it)."""
    if any(p.get("dates") for p in passages):
        return []
    return days_given(statement)


def days_given(details: dict) -> list[str]:
    """The days a text's details name (a weekday or a day of a month), as written."""
    return [
        d.get("text") or ""
        for d in details.get("dates", [])
        if _weekday(d) or ((parts := _date_parts(d)) and parts[2] is not None)
    ]


def unstated_places(statement: dict, text: str, passages: Iterable[dict]) -> list[str]:
    """The places the statement says something happened in ("in Geneva"; not a party,
    a country or a capital standing for its government) that none of the passages
    (details) names."""
    found = [p.get("places", []) for p in passages]
    return [
        place
        for place in where_named(text, statement.get("places", []))
        if not _is_country(place)
        and not _party_only(place, text)
        and not any(_places_named([place], f) for f in found)
    ]


# Words before a place that say it is where: a capital only after "in" ("a swipe at
# Moscow" is at its government).
_WHERE = {False: "in|at|near|outside", True: "in"}


def where_named(text: str, places: Iterable[str]) -> list[str]:
    """The places a text names as where ("in Geneva", "at the Kremlin", "in Belarus's
    Gomel region")."""
    folded = fold(text)
    return [
        place
        for place in places
        if re.search(
            rf"\b(?:{_WHERE[fold(place) in CITY_COUNTRY]})\s+(?:the\s+)?(?:[a-z]+['’]s?\s+)?"
            rf"{re.escape(fold(place))}\b",
            folded,
        )
    ]


def counted(numbers: list[dict], passage: dict) -> list[str]:
    """How the passage words its counts of ``numbers`` in their unit ("five")."""
    theirs = _quantities(passage)
    return [p.get("text") or "" for q in numbers for p in _comparable_numbers(q, theirs)]


def _bare(q: dict, *, any_unit: bool = False) -> bool:
    """A large count that is not a year; without a unit unless ``any_unit``."""
    value = float(q["value"])
    return (
        (any_unit or not q.get("unit"))
        and not q.get("ordinal")
        and value >= 1000
        and not (value.is_integer() and 1800 <= value <= 2100)
    )


def _comparable_numbers(q: dict, passage_numbers: list[dict]) -> list[dict]:
    """Passage numbers that count the same thing as ``q``: same unit, or, for a large
    count whose unit the statement leaves unsaid ("a 40,000-strong force"), the
    passage's only large count of the same order of magnitude."""
    same_unit = [p for p in passage_numbers if _unit_match(q, p)]
    if same_unit or not _bare(q):
        return same_unit
    bare = [p for p in passage_numbers if _bare(p, any_unit=True)]
    if len(bare) == 1:
        a, b = float(q["value"]), float(bare[0]["value"])
        if max(a, b) / min(a, b) < 10:
            return bare
    return []


def _number_differences(statement: dict, passage: dict) -> list[Difference]:
    differences = []
    passage_numbers = _quantities(passage)
    for q in _quantities(statement):
        same_unit = _comparable_numbers(q, passage_numbers)
        if not same_unit:
            continue
        if any(_value_match(q, p) for p in same_unit):
            continue
        closest = min(same_unit, key=lambda p: abs(_size(p, q) - _size(q, p)))
        said, found = q.get("text") or str(q["value"]), closest.get("text") or str(closest["value"])
        if _measure(q) is not None:
            # lengths of time and distances: the unit is half of it ("a single day"
            # against "six days", "50 km" against "12 miles")
            said, found = f"{said} {_plural(q)}", f"{found} {_plural(closest)}"
        differences.append(Difference("number", said, found))
    return differences


def _size(q: dict, other: dict) -> float:
    """``q``'s value, in days or km when both measure time or distance in different units."""
    measured = _converted(q, other)
    return measured[0] if measured else float(q["value"])


def _plural(q: dict) -> str:
    unit = q["unit"].lower().rstrip("s")
    return unit if float(q["value"]) == 1 or unit == "km" else unit + "s"


_COUNTED = re.compile(r"\s+((?:[\w-]+\s+){0,3}?)([a-z]{3,}s)\b")


def _single_count_differences(
    facts: StatementFacts, passage: dict, passage_text: str
) -> list[Difference]:
    """A count the passage gives as one thing: "three broken power lines" against "a
    broken power line". Only when the passage has no number of its own for the noun."""
    if not passage_text:
        return []
    for q in _quantities(facts.details):
        value, text = float(q["value"]), q.get("text") or ""
        if value < 2 or not value.is_integer() or q.get("approx") or q.get("ordinal"):
            continue
        at = facts.text.find(text) if text else -1
        counted = _COUNTED.match(facts.text, at + len(text)) if at >= 0 else None
        if counted is None:
            continue
        plural = counted.group(2)
        forms = {plural[:-1], plural[:-2]} if plural.endswith("es") else {plural[:-1]}
        nouns = "|".join(sorted(re.escape(f) for f in forms if len(f) >= 3))
        if not nouns:
            continue
        single = re.search(
            rf"\b(an?|one|single)\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})\b(?!['’]s)",
            passage_text,
            flags=re.IGNORECASE,
        )
        if single is None or re.search(rf"\b(?:{re.escape(plural)})\b", passage_text, re.I):
            continue
        if any(_unit_match(q, p) for p in _quantities(passage)):
            continue
        return [Difference("number", f"{text} {plural}", single.group(0))]
    return []


# Units that count the same things: "300,000 civilians" is compared with "130,000 people".
_UNIT_KINDS = {
    form: kind
    for kind, units in {
        "people": (
            "people",
            "persons",
            "person",
            "civilians",
            "residents",
            "individuals",
            "inhabitants",
            "citizens",
            "evacuees",
        ),
        "troops": ("troops", "soldiers", "servicemen", "service members", "fighters"),
        "children": ("children", "kids", "minors"),
    }.items()
    for unit in units
    for form in (unit, unit.rstrip("s"), unit[:-3] + "y" if unit.endswith("ies") else unit)
}
_UNIT_KINDS["child"] = "children"


def _unit_kind(unit: str) -> str:
    unit = unit.lower()
    return _UNIT_KINDS.get(unit) or unit.rstrip("s")


# Lengths of time in days: "two weeks" is compared with "six days" (14 against 6).
_DURATION_DAYS = {
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "fortnight": 14.0,
    "month": 30.0,
    "year": 365.0,
    "decade": 3650.0,
}


# Distances in km: "50 kilometres" is compared with "12 miles" (50 against 19.3).
_LENGTH_KM = {"km": 1.0, "mile": 1.609344, "metre": 0.001, "meter": 0.001}


def _measure(q: dict) -> tuple[str, float] | None:
    """A length of time in days or a distance in km, or None when ``q`` counts something
    else."""
    unit = (q.get("unit") or "").lower().rstrip("s")
    for dimension, scale in (("time", _DURATION_DAYS), ("length", _LENGTH_KM)):
        if unit in scale:
            return dimension, float(q["value"]) * scale[unit]
    return None


def _converted(a: dict, b: dict) -> tuple[float, float] | None:
    """Both values in one unit, when they measure one dimension in different units."""
    ma, mb = _measure(a), _measure(b)
    if ma and mb and ma[0] == mb[0] and a.get("unit") != b.get("unit"):
        return ma[1], mb[1]
    return None


def _unit_match(a: dict, b: dict) -> bool:
    ua, ub = a.get("unit"), b.get("unit")
    if bool(a.get("ordinal")) != bool(b.get("ordinal")):
        return False
    if ua and ub:
        if ua == ub or _unit_kind(ua) == _unit_kind(ub):
            return True
        ma, mb = _measure(a), _measure(b)
        return bool(ma and mb and ma[0] == mb[0])
    return False


def _value_match(a: dict, b: dict) -> bool:
    va, vb = float(a["value"]), float(b["value"])
    converted = _converted(a, b)
    if converted:  # "two weeks" against "14 days", "20 km" against "12 miles"
        va, vb = converted
        if abs(va - vb) <= 0.1 * max(abs(va), abs(vb)):
            return True  # a conversion is rounded
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


def _date_parts(mention: dict) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of a mention; a date without a year ("Feb. 21") keeps its day."""
    iso = mention.get("date")
    if iso:
        try:
            parts = [int(p) for p in iso.split("-")[:3]]
        except ValueError:
            return None
        parts += [None] * (3 - len(parts))
        return parts[0], parts[1], parts[2]
    found = month_day(mention.get("text") or "")
    if not found and (day := _DAY_ONLY.fullmatch(mention.get("text") or "")):
        return None, None, int(day.group(1))  # "the 15th": a day of a month left unsaid
    if not found and (month := MONTHS.get(fold(mention.get("text") or ""))):
        return None, month, None  # "in February": a month alone
    return (None, *found) if found else None


_DAY_ONLY = re.compile(r"the\s+(\d{1,2})(?:st|nd|rd|th)")


def _comparable(a: tuple, b: tuple) -> bool:
    """Both name a day of a month, or both a year: something to compare ("the 15th" is
    compared with a day of any month)."""
    return (
        (None not in a[1:] and None not in b[1:])
        or (a[0] is not None and b[0] is not None)
        or (a[2] is not None and b[2] is not None and None in (a[1], b[1]))
        # the statement's month alone against a day of a month ("in February" against
        # "March 11")
        or (a[0] is None and a[1] is not None and a[2] is None and None not in b[1:])
    )


def _same_date(a: tuple, b: tuple) -> bool:
    return all(x == y for x, y in zip(a, b, strict=True) if x is not None and y is not None)


_COUNTED_FROM = re.compile(r"\b(?:later|earlier|before|following|next day)\b", re.IGNORECASE)


def _shown(mention: dict) -> str:
    """A date as the passage writes it, with the day it resolves to when the words are
    relative to another sentence ("A day later (2022-03-12)")."""
    text, day = mention.get("text", ""), mention.get("date")
    if day and len(day) == 10 and _COUNTED_FROM.search(text):
        return f"{text} ({day})"
    return text


def _passage_dates(passage: dict) -> list[dict]:
    """The dates a passage states: of what was said, and of when it was said."""
    return [*passage.get("dates", []), *passage.get("said_dates", [])]


_COMPLEMENT = re.compile(r"\b(?:that|would|will|could|to|whether)\b")


def _reported_dates(statement: str, mentions: list[dict]) -> set[int]:
    """The statement's dates that belong to what was said, not to the saying: after a
    speech verb and a complement ("was first to say talks would go on Monday"; not "said
    late Sunday that ..."). With no speech verb, after a complement anywhere: "Podolyak
    backed up Peskov's word that talks would resume Monday" dates the talks, not a word.
    A date in the possessive dates the noun it qualifies, wherever it stands: "Podolyak
    says Monday's round will be held by video link" dates the round."""
    verb = _SPEECH_RE.search(statement)
    after = verb.end() if verb else 0
    # "Talks to resume on Monday, March 14, negotiators and the Kremlin say": what comes
    # before a closing attribution is what was said
    closing = _CLOSING_SAYING.search(statement)
    found = set()
    for k, mention in enumerate(mentions):
        text = mention.get("text") or "\0"
        at = statement.find(text, after)
        complement = at >= 0 and _COMPLEMENT.search(statement, after, at)
        closed = closing and 0 <= statement.find(text) < closing.start()
        if complement or closed or text.endswith(("'s", "’s")):
            found.add(k)
    return found


# A closing attribution: ", negotiators and the Kremlin say", ", Podolyak said late
# Sunday", ", he said on Twitter" (when or where at most after the verb: ", Zelensky
# said his requests …" is not one)
_CLOSING_SAYING = re.compile(
    rf",\s+(?:[\w.'’-]+\s+){{1,6}}?(?:{SPEECH_VERBS})"
    r"(?:\s+(?:on|in|at|late|early|earlier|last|this|yesterday|today|tonight|via|during)"
    r"(?:\s+[\w.'’-]+){0,3})?[.!]?\s*$"
)


# ", who launched the invasion on February 24,": what a name is known for, set apart
_RELATIVE_ASIDE = re.compile(r",\s*(?:who|which|whose)\b[^,]*,")


def _aside_dates(statement: str, mentions: list[dict]) -> set[int]:
    """The statement's dates inside a relative clause set apart by commas ("Putin, who
    launched the invasion on February 24, now says …"): they date what the clause says
    of someone, not the statement's event or its saying. The extraction leaves such a
    clause out of a passage's dates too (``said_dates``); the clause is a claim of its own
    ("Putin ordered his army into Ukraine on February 24")."""
    asides = [m.span() for m in _RELATIVE_ASIDE.finditer(statement)]
    if not asides:
        return set()
    return {
        k
        for k, mention in enumerate(mentions)
        if any(start < statement.find(mention.get("text") or "\0") < end for start, end in asides)
    }


def _date_differences(statement: dict, passage: dict, text: str = "") -> list[Difference]:
    s_dates = statement.get("dates", [])
    p_dates = _passage_dates(passage)
    if not s_dates or not p_dates:
        return []
    differences = []
    # a passage date that one of the statement's dates names is that date's: it says
    # nothing about the statement's others ("talks resume on Monday, Podolyak said late
    # Sunday" against a passage that dates only the talks)
    same = [[_names_same_day(m, d) for d in p_dates] for m in s_dates]
    free = [d for j, d in enumerate(p_dates) if not any(row[j] for row in same)]
    # a date of what was said is not compared with the day it was said on
    said = passage.get("said_dates", [])
    reported = _reported_dates(text, s_dates) if text and said else set()
    asides = _aside_dates(text, s_dates) if text else set()
    unsaid = [d for d in free if not any(d is m for m in said)]
    p_text = ", ".join(_shown(d) for d in p_dates)
    for k, (mention, row) in enumerate(zip(s_dates, same, strict=True)):
        if any(row) or k in asides:
            continue
        pool = unsaid if k in reported else free
        p_parts = [parts for d in pool if (parts := _date_parts(d))]
        p_days = {w for d in pool if (w := _weekday(d))}
        parts, day = _date_parts(mention), _weekday(mention)
        comparable = [p for p in p_parts if parts and _comparable(parts, p)]
        if comparable:
            if not any(_same_date(parts, p) for p in comparable):
                differences.append(Difference("date", mention.get("text") or "", p_text))
        elif day and p_days and day not in p_days:
            differences.append(Difference("date", mention.get("text", day), p_text))
    if not differences:
        differences = _period_differences(s_dates, p_dates, p_text)
    return differences


def _names_same_day(a: dict, b: dict) -> bool:
    """Two mentions that name the same day: the same date, or the same weekday."""
    a_parts, b_parts = _date_parts(a), _date_parts(b)
    if a_parts and b_parts and _comparable(a_parts, b_parts):
        return _same_date(a_parts, b_parts)
    day = _weekday(a)
    return day is not None and day == _weekday(b)


# How far ahead something is expected, in days: "in the coming days" is not "within the
# next few months".
_HORIZON_LEAD = (
    r"(?:(?:with)?in (?:a |the )?matter of|(?:the )?coming|(?:the )?next (?:few|couple of)|"
    r"within(?: a few)?|in(?: a few)?)"
)
_HORIZONS = [
    (
        r"within (?:24|twenty-four) hours|within (?:a|one) day|within hours|in (?:a|one) day"
        r"|by tomorrow",
        (0, 1),
    ),
    (rf"{_HORIZON_LEAD} days(?! of)", (2, 10)),
    (rf"{_HORIZON_LEAD} weeks(?! of)", (11, 60)),
    (rf"{_HORIZON_LEAD} months(?! of)", (30, 365)),
    (rf"{_HORIZON_LEAD} years(?! of)", (365, 3650)),
]
_HORIZON_RES = [(re.compile(rf"\b(?:{rx})\b"), span) for rx, span in _HORIZONS]


@lru_cache(maxsize=4096)
def _horizons(text: str) -> tuple[tuple[str, tuple[int, int]], ...]:
    folded = fold(text or "")
    return tuple((m.group(0), span) for rx, span in _HORIZON_RES if (m := rx.search(folded)))


def _horizon_differences(statement: str, passage: str) -> list[Difference]:
    ours, theirs = _horizons(statement), _horizons(passage)
    if not ours or not theirs:
        return []
    for said, (a, b) in ours:
        if all(b < c or d < a for _, (c, d) in theirs):
            return [Difference("date", said, ", ".join(t for t, _ in theirs))]
    return []


# Amounts, frequencies and ranks said in words: "a handful of issues" is not "a large
# number of issues", "once a week" is not "almost daily", "the second-worst" is not "the
# worst". Each scale is a list of classes; two different classes of one scale conflict.
_FEW = (
    r"(?:a )?handful|(?:a )?few(?! (?:days|weeks|months|years|hours|minutes)\b)|"
    r"a small number|a couple of"
)
_MANY = r"(?:a )?large numbers?|a great many|many|numerous|dozens|scores of|countless"
_SCALES: list[list[str]] = [
    [_FEW, _MANY],
    # how many times something happened: "met just once" is not "held several rounds"
    [
        r"(?:just |only )once|a single (?:round|meeting|session)|only one (?:round|meeting)",
        r"(?:several|multiple|many|numerous|repeated) (?:rounds|times|meetings|sessions)"
        r"|repeatedly",
    ],
    [
        r"(?:almost |nearly )?(?:daily|every day|each day)|day after day",
        r"(?:twice|two times|three times|four times|a few times|several times) "
        r"(?:a|per|each) week",
        r"(?:almost |nearly )?(?:weekly|once a week|every week|each week)",
        r"(?:almost |nearly )?(?:monthly|once a month|every month|each month)",
        r"(?:almost |nearly )?(?:annually|yearly|once a year|every year|each year)",
    ],
]
_SCALE_RES = [[re.compile(rf"\b(?:{rx})\b") for rx in scale] for scale in _SCALES]
_RANKED = re.compile(
    r"\b(?:(second|third|fourth|fifth|2nd|3rd|4th|5th)[- ])?"
    r"(worst|best|largest|biggest|deadliest|greatest|highest|lowest|longest|smallest)\b"
)


@lru_cache(maxsize=4096)
def _scale_words(text: str) -> tuple[tuple[object, object, str], ...]:
    """(scale, class, words) for each amount, frequency or rank said in words."""
    folded = fold(text or "").replace('"', "")
    found = []
    for scale, classes in enumerate(_SCALE_RES):
        for cls, rx in enumerate(classes):
            if m := rx.search(folded):
                found.append((scale, cls, m.group(0)))
    for m in _RANKED.finditer(folded):
        rank = m.group(1) or "first"
        found.append((f"rank of {m.group(2)}", rank[:2], m.group(0)))
    return tuple(found)


def _scale_differences(statement: str, passage: str) -> list[Difference]:
    """Amounts, frequencies or ranks said in words that the passage says otherwise."""
    if not passage:
        return []
    theirs = _scale_words(passage)
    for scale, cls, said in _scale_words(statement):
        same_scale = [(c, w) for s, c, w in theirs if s == scale]
        if same_scale and all(c != cls for c, _ in same_scale):
            return [Difference("number", said, ", ".join(w for _, w in same_scale))]
    return []


def _scale_agreements(statement: str, passage: str) -> list[str]:
    theirs = {(s, c) for s, c, _ in _scale_words(passage)}
    return [said for s, c, said in _scale_words(statement) if (s, c) in theirs]


# Periods named relative to the day of writing, as days before it: "last month" is not
# "this week", nor a weekday (which names one of the last seven days).
_PERIODS = {
    "today": (0, 0),
    "yesterday": (1, 1),
    "this week": (0, 6),
    "earlier this week": (0, 6),
    "last week": (7, 13),
    "this month": (0, 30),
    "earlier this month": (0, 30),
    "last month": (14, 62),
    "this year": (0, 365),
    "earlier this year": (0, 365),
    "last year": (30, 730),
}


def _period(mention: dict, *, weekdays: bool) -> tuple[int, int] | None:
    text = " ".join(fold(mention.get("text") or "").split())
    if text in _PERIODS:
        return _PERIODS[text]
    if weekdays and _weekday(mention):
        return (0, 7)
    return None


def _period_differences(s_dates: list[dict], p_dates: list[dict], p_text: str) -> list[Difference]:
    theirs = [p for d in p_dates if (p := _period(d, weekdays=True))]
    if not theirs:
        return []
    for mention in s_dates:
        ours = _period(mention, weekdays=False)
        if ours and all(ours[1] < a or b < ours[0] for a, b in theirs):
            return [Difference("date", mention.get("text") or "", p_text)]
    return []


def _place_key(place: str) -> str:
    return canonical_word(fold(place).split()[0]) if place.strip() else ""


def _country(place: str) -> str:
    folded = " ".join(canonical_word(w) for w in fold(place).split())
    return CITY_COUNTRY.get(folded, folded)


_PARTY_BEFORE = {"with", "between", "against", "and", "by"}
_LOCATIVE_AFTER = {"border", "borders", "region", "city", "capital", "territory", "soil", "side"}
# a place that says, wants or prepares something is the government seated there
# ("Moscow was readying concessions", "Kyiv insists"), not where something happened
_ACTS = {
    "said",
    "says",
    "wants",
    "wanted",
    "demanded",
    "demands",
    "insisted",
    "insists",
    "agreed",
    "agrees",
    "refused",
    "refuses",
    "rejected",
    "rejects",
    "accused",
    "accuses",
    "denied",
    "denies",
    "claimed",
    "claims",
    "warned",
    "warns",
    "offered",
    "offers",
    "proposed",
    "proposes",
    "hopes",
    "hoped",
    "expects",
    "expected",
    "signalled",
    "signaled",
    # "Jerusalem takes down the flags": what its government did, not where
    "takes",
    "took",
    "removes",
    "removed",
    "sends",
    "sent",
    "urges",
    "urged",
    "asks",
    "asked",
    "announces",
    "announced",
    "welcomes",
    "welcomed",
    "condemns",
    "condemned",
}
_ACTS_AFTER_BE = {
    "ready",
    "readying",
    "preparing",
    "prepared",
    "willing",
    "seeking",
    "trying",
    "planning",
    "insisting",
    "demanding",
    "refusing",
    "pushing",
    "pressing",
    "offering",
    "hoping",
}
_BE = {"is", "was", "are", "were", "has been", "had been"}
_AUXILIARIES = {"has", "had", "have", "will", "would", "could", "should", "must", "did", "does"}
_WHERE_BEFORE = {"in", "at", "near", "inside", "outside", "across", "from", "into", "to", "of"}
_BOUNDARIES = {"border", "borders", "frontier", "frontiers", "boundary"}
_COUNTRY_DEMONYMS: dict[str, list[str]] = {}
for _demonym, _country_name in DEMONYMS.items():
    _COUNTRY_DEMONYMS.setdefault(fold(_country_name), []).append(fold(_demonym))


_COUNTRIES = set(_COUNTRY_DEMONYMS) | set(CITY_COUNTRY.values())
_PLACE_NAMES = sorted(_COUNTRIES | set(CITY_COUNTRY))
_DEMONYM_WORDS = {d for names in _COUNTRY_DEMONYMS.values() for d in names}


_DASH_IN_WORD = re.compile(r"(?<=\w)[–—](?=\w)")


@lru_cache(maxsize=8192)
def _party_only(place: str, text: str) -> bool:
    """The statement names the place only as a party ("talks with Ukraine", "Ukraine's
    envoy", "Ukrainian officials"), never as where something happened."""
    if not text:
        return False
    text = without_lead_in(text)  # "AFP, March 14: Russia and Ukraine are …" opens there
    # "Russia–Ukraine talks" with a dash for the hyphen: one compound
    folded = _DASH_IN_WORD.sub("-", fold(text))
    tokens = [canonical_word(t) for t in re.findall(r"[\w'’-]+", folded)]
    raw = re.findall(r"[\w'’-]+", folded.replace("’", "'"))
    name = [canonical_word(w) for w in fold(place).split()]
    demonyms = set(_COUNTRY_DEMONYMS.get(fold(place), []))
    seen = False
    for i in range(len(tokens)):
        if tokens[i : i + len(name)] == name:
            seen = True
            before = tokens[i - 1] if i else ""
            possessive = raw[i + len(name) - 1].endswith("'s")
            according = before == "to" and i > 1 and tokens[i - 2] == "according"
            # "Russia and Ukraine are negotiating": two countries opening the sentence act
            after = tokens[i + len(name) : i + len(name) + 2]
            acting = i == 0 and len(after) == 2 and after[0] == "and" and after[1] in _COUNTRIES
            follows = raw[i + len(name) : i + len(name) + 2]
            acting = acting or bool(
                follows
                and not possessive
                and (
                    follows[0] in _ACTS
                    or (len(follows) == 2 and follows[0] in _BE and follows[1] in _ACTS_AFTER_BE)
                )
            )
            # "Russia had sought help": the subject of an auxiliary acts, unless a
            # preposition makes it where ("talks in Ukraine have stalled")
            acting = acting or bool(
                follows
                and not possessive
                and follows[0] in _AUXILIARIES
                and before not in _WHERE_BEFORE
            )
            # "the Jerusalem municipality", "Kyiv officials", "Moscow negotiator Slutsky":
            # the place names who acts
            institution = (
                bool(follows)
                and not possessive
                and (follows[0] in _INSTITUTIONS or follows[0] in ROLE_NOUNS)
            )
            if (
                before not in _PARTY_BEFORE
                and not possessive
                and not according
                and not acting
                and not institution
            ):
                return False
            if before in {"with", "and"} and i > 1 and tokens[i - 2] in _BOUNDARIES:
                return False  # "Ukraine's frontier with Romania": where, not who
            if before == "and" and follows and follows[0] in {"region", "regions", "provinces"}:
                return False  # "the Donetsk and Kharkiv regions": where, not who
            if before == "by" and {"hosted", "convened"} & set(tokens[max(0, i - 5) : i - 1]):
                return False  # "talks hosted (this week) by Israel": the host is where
            if before == "against" and not possessive and fold(place) not in _COUNTRIES:
                return False  # "an offensive against Crimea": a region is where it happens
        elif len(name) == 1 and "-" in tokens[i] and name[0] in tokens[i].split("-"):
            # "Russia-Ukraine talks": the two sides, when every part is a country
            if not all(canonical_word(p) in _COUNTRIES for p in tokens[i].split("-")):
                return False
            seen = True
        elif tokens[i] in demonyms:
            seen = True
            after = tokens[i + 1] if i + 1 < len(tokens) else ""
            if after in _LOCATIVE_AFTER or after.split("-")[0] in _LOCATIVE_AFTER:
                return False
    return seen


# Nouns after a place name that make it the name of who acts, not of where.
_INSTITUTIONS = frozenset(
    [
        "municipality",
        "government",
        "authorities",
        "officials",
        "council",
        "mayor",
        "parliament",
        "administration",
        "ministry",
        "embassy",
        "delegation",
        "negotiators",
        "leadership",
    ]
)


_COMPOUND_BORDER = re.compile(r"\b([a-z]+)-([a-z]+)\s+(?:border|frontier)")


_COUNTRY_OF_DEMONYM = {fold(d): fold(c) for d, c in DEMONYMS.items()}


_BORDER_WORDS = [*_COUNTRY_OF_DEMONYM, *_PLACE_NAMES]  # what a misspelt border word may be


@lru_cache(maxsize=1024)
def _border_country(word: str) -> str:
    """The country a word before "border" names ("polish" -> "poland", "kyiv" -> "ukraine";
    with a slip in it too: "polsih" -> "poland")."""
    found = _COUNTRY_OF_DEMONYM.get(word) or _country(word)
    if found in _COUNTRIES or len(word) < 5:
        return found
    near = process.extractOne(word, _BORDER_WORDS, scorer=fuzz.ratio, score_cutoff=80)
    return (_COUNTRY_OF_DEMONYM.get(near[0]) or _country(near[0])) if near else found


def _border_pairs(text: str) -> set[frozenset[str]]:
    """The countries of each "Hungarian-Slovak border" a text names."""
    return {
        frozenset(_border_country(word) for word in match.groups())
        for match in _COMPOUND_BORDER.finditer(fold(text))
    }


_SINGLE_BORDERS = (
    re.compile(r"\b([a-z]+)\s+(?:border|frontier)"),
    re.compile(r"\b(?:border|frontier)\s+with\s+([a-z]+)"),
)


def _border_countries(text: str) -> set[str]:
    """The country of each "Polish border" or "border with Poland" a text names (not
    the two-country borders of ``_border_pairs``)."""
    found = set()
    folded = _COMPOUND_BORDER.sub(" ", fold(text))
    for word in (m.group(1) for rx in _SINGLE_BORDERS for m in rx.finditer(folded)):
        name = _border_country(word)
        if name in _COUNTRIES:
            found.add(name)
    return found


def _show_pairs(pairs: set[frozenset[str]]) -> str:
    return ", ".join("-".join(sorted(n.title() for n in p)) for p in sorted(pairs, key=sorted))


def _show_countries(names: set[str]) -> str:
    return ", ".join(sorted(n.title() for n in names))


def _border_differences(statement_text: str, passage_text: str) -> list[Difference]:
    """A border between two countries is not the border between two others, nor one
    country's border another's ("the Hungarian border" against "the Polish border")."""
    ours, theirs = _border_pairs(statement_text), _border_pairs(passage_text)
    if ours and theirs and not ours & theirs:
        return [Difference("place", _show_pairs(ours) + " border", _show_pairs(theirs) + " border")]
    ours_one, theirs_one = _border_countries(statement_text), _border_countries(passage_text)
    if ours_one and theirs_one and not ours_one & theirs_one:
        return [
            Difference(
                "place",
                _show_countries(ours_one) + " border",
                _show_countries(theirs_one) + " border",
            )
        ]
    # one country's border against a border of two others: "near the Lithuanian border"
    # against "close to the Polish-Belarusian border"
    if ours_one and theirs and not ours and not theirs_one and not ours_one & set().union(*theirs):
        return [
            Difference(
                "place", _show_countries(ours_one) + " border", _show_pairs(theirs) + " border"
            )
        ]
    if theirs_one and ours and not theirs and not ours_one and not theirs_one & set().union(*ours):
        return [
            Difference(
                "place", _show_pairs(ours) + " border", _show_countries(theirs_one) + " border"
            )
        ]
    return []


def _all_place_differences(
    facts: StatementFacts, passage: dict, passage_text: str
) -> list[Difference]:
    return (
        _place_differences(facts.details, passage, facts.text, passage_text)
        or _institution_differences(facts.details, passage, facts.text, passage_text)
        or _border_differences(facts.text, passage_text)
        or _direction_differences(facts.text, passage_text)
    )


# A city's own institution: "Tel Aviv's municipality", "the Jerusalem municipality",
# "the mayor of Lviv"
_CITY_INSTITUTIONS = ("municipality", "mayor", "city council", "city hall", "city administration")


def _city_institutions(places: list[str], text: str) -> dict[str, str]:
    """institution -> the city a text names it of (not a country: "Ukraine's government"
    is a party, compared as who acts)."""
    found: dict[str, str] = {}
    folded = fold(text).replace("’", "'")
    for place in places:
        if _is_country(place):
            continue
        name = re.escape(fold(place))
        for noun in _CITY_INSTITUTIONS:
            if re.search(rf"\b{name}(?:'s)? {noun}\b|\b{noun} of {name}\b", folded):
                found.setdefault(noun, place)
    return found


def _institution_differences(
    statement: dict, passage: dict, text: str, passage_text: str
) -> list[Difference]:
    """The same institution of another city: "Tel Aviv's municipality says it is happy to
    host talks" against "the Jerusalem municipality said it was happy to host talks". The
    place rules read a city before its institution as the party that acts, not where."""
    ours = _city_institutions(statement.get("places", []), text)
    if not ours:
        return []
    theirs = _city_institutions(passage.get("places", []), passage_text)
    return [
        Difference("place", city, theirs[noun])
        for noun, city in ours.items()
        if noun in theirs and _place_key(theirs[noun]) != _place_key(city)
    ][:1]


# Compass directions written in lower case ("roads to the south", "northward from
# Brest"); capitalised ones are names ("South Korea", "East Jerusalem").
_DIRECTION = re.compile(r"\b(north|south|east|west)(?:-?(east|west))?(?:ern|wards?|erly)?\b")


def _directions(text: str) -> list[str]:
    found = []
    for m in _DIRECTION.finditer(text):
        name = m.group(1) + (f"-{m.group(2)}" if m.group(2) else "")
        if name not in found:
            found.append(name)
    return found


def _direction_differences(statement: str, passage: str) -> list[Difference]:
    """The statement's compass direction where the passage gives another one."""
    ours, theirs = _directions(statement), _directions(passage)
    if not ours or not theirs or set(ours) & set(theirs):
        return []
    return [Difference("place", ", ".join(ours), ", ".join(theirs))]


@lru_cache(maxsize=4096)
def _place_tokens(text: str) -> tuple[str, ...]:
    """A text's words as the place rules read them (canonical, without "'s"): a
    statement is read against many passages, and every place of each."""
    tokens = [canonical_word(t) for t in re.findall(r"[\w'’-]+", fold(text).replace("’", "'"))]
    return tuple(t[:-2] if t.endswith("'s") else t for t in tokens)


_NEAR = {"near", "nearby"}
_DISTANCES = {"mile", "miles", "kilometre", "kilometres", "kilometer", "kilometers", "km", "away"}


def _border_only(place: str, text: str) -> bool:
    """Every mention of the place (or its demonym) in the text is a landmark, the edge
    of a border or what something is near: "just across the border from Belarus",
    "close to the Polish-Belarusian border", "the border with Poland", "close to
    Poland", "12 miles from the Polish border". Not where something happened."""
    if not text:
        return False
    tokens = _place_tokens(text)
    name = canonical_word(fold(place).split()[0]) if place.strip() else ""
    words = {name, *_COUNTRY_DEMONYMS.get(fold(place), [])}
    seen = False
    for i, token in enumerate(tokens):
        parts = token.split("-")
        if token not in words and not (len(parts) > 1 and words & set(parts)):
            continue
        seen = True
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        before = tokens[max(0, i - 3) : i]
        if (
            after in _BOUNDARIES
            or (before and before[-1] in _NEAR)
            or (len(before) >= 2 and before[-2:] == ("close", "to"))
            or (
                len(before) >= 2
                and before[-1] in {"with", "from", "of"}
                and (
                    before[-2] in _BOUNDARIES | _DISTANCES
                    or (before[-2] == "the" and before[0] in _BOUNDARIES)
                )
            )
        ):
            continue
        return False
    return seen


# A clause that opens the statement with another event going on at the time: "While the
# delegations met in Belarus, Ukraine's envoy urged the General Assembly …"
_LEADING_WHILE = re.compile(
    r"^\s*(?:While|Whilst|Even as|Just as|As(?!\s+(?:many|much|few|long|far|well|soon|of|"
    r"part|a|an|the result|expected|planned|agreed)\b))\s+[^,;:]{6,120},\s"
)


def _only_in_leading_clause(place: str, text: str) -> bool:
    """The statement names the place only in an opening "While …," clause: where that
    other event went on, not where the statement's own one did."""
    lead = _LEADING_WHILE.match(text)
    if not lead:
        return False
    name = fold(place).lower()
    folded = fold(text).lower()
    return name in folded[: lead.end()] and name not in folded[lead.end() :]


def _place_differences(
    statement: dict, passage: dict, text: str = "", passage_text: str = ""
) -> list[Difference]:
    p_places = passage.get("places", [])
    s_places = [
        p
        for p in statement.get("places", [])
        if not _party_only(p, text)
        # (unless the passage is about that other event: it names the place too)
        and not (_only_in_leading_clause(p, text) and p not in p_places)
    ]
    if not s_places or not p_places:
        return []
    if passage_text and all(_party_only(p, passage_text) for p in p_places):
        return []  # "… listening to Ukraine's proposals": a party, and nothing of where
    # a border named as a landmark on either side is not where it happened, when the
    # text names a place that is ("talks in Poland, just across the border from
    # Belarus" against "talks in Belarus, close to the Polish-Belarusian border")
    s_landmarks = {p for p in statement.get("places", []) if _border_only(p, text)}
    s_where = [p for p in s_places if p not in s_landmarks]
    p_where = [p for p in p_places if not _border_only(p, passage_text)]
    if s_where and p_where and (len(s_where) < len(s_places) or len(p_where) < len(p_places)):
        s_places, p_places = s_where, p_where
    p_countries = {_country(p) for p in p_places}
    named = set(_places_named(s_places, p_places))
    s_keys = {_place_key(p) for p in statement.get("places", [])}

    def substituted(place: str) -> bool:
        # a city or region the passage names in its stead, in the same country: "the
        # suburbs of Odesa" against "the Kiev suburbs", "Kharkiv and Luhansk" against
        # "Donetsk and Lugansk". A country is never substituted by one of its cities.
        # Only where both stand in the same setting ("suburbs", "regions"): a place the
        # passage names about another part of the statement is no substitute.
        country = _country(place)
        return country != _place_key(place) and any(
            _country(p) == country
            and _place_key(p) not in s_keys
            and not _is_country(p)
            and _setting(text, place) & _setting(passage_text, p)
            for p in p_places
        )

    s_countries = {_country(p) for p in s_places} | {
        _country(p) for p in statement.get("places", []) if p not in s_landmarks
    }

    def displaced(place: str) -> bool:
        # a place in another country that the passage names in the same setting: "met
        # for talks in Poland" against "hold talks in Belarus' Gomel region", where both
        # also name Ukraine about something else
        setting = _setting(text, place)
        return bool(setting) and any(
            _country(p) not in s_countries and setting & _setting(passage_text, p) for p in p_places
        )

    missing = [
        p for p in s_places if p not in named and (_country(p) not in p_countries or substituted(p))
    ]
    if not missing or (
        len(missing) < len(s_places)
        and not _disjoint_kind(missing, p_places)
        and not any(substituted(m) or displaced(m) for m in missing)
    ):
        return []
    return [Difference("place", ", ".join(missing), ", ".join(p_places))]


_SETTING_SKIP = frozenset(
    [
        "with",
        "from",
        "that",
        "this",
        "have",
        "were",
        "been",
        "their",
        "there",
        "into",
        "than",
        "also",
        "said",
        "says",
        "about",
        "after",
        "before",
        "while",
        "which",
        "where",
        "when",
        "would",
        "could",
    ]
)


def _setting(text: str, place: str, reach: int = 4) -> set[str]:
    """The words around a place's first mention: "the suburbs of Odesa" -> {suburb}."""
    if not text:
        return set()
    tokens = _place_tokens(text)
    name = canonical_word(fold(place).split()[0]) if place.strip() else ""
    if name in tokens:
        i = tokens.index(name)
    else:
        # one of a compound's countries: "at the Polish-Belarusian border" for Poland
        country = _country(place)
        compound = (
            k
            for k, t in enumerate(tokens)
            if "-" in t and country in {_border_country(w) for w in t.split("-") if w}
        )
        i = next(compound, -1)
        if i < 0:
            return set()
    around = tokens[max(0, i - reach) : i] + tokens[i + 1 : i + 1 + reach]
    return {t.rstrip("s") for t in around if len(t) > 3 and t not in _SETTING_SKIP}


def _is_country(place: str) -> bool:
    return _country(place) in _COUNTRIES and _country(place) == " ".join(
        canonical_word(w) for w in fold(place).split()
    )


def _disjoint_kind(missing: list[str], passage_places: list[str]) -> bool:
    """A named border, region or city the passage names differently is a conflict."""
    kinds = ("border", "region", "city", "oblast")
    return any(any(k in fold(m) for k in kinds) for m in missing) and any(
        any(k in fold(p) for k in kinds) for p in passage_places
    )


# Whose earlier word a statement says was confirmed, contradicted or echoed: "confirmed
# an earlier announcement by Russian Foreign Minister Sergei Lavrov" against "an earlier
# statement by Dmitry Peskov".
_EARLIER_WORD = re.compile(
    r"\b(?:earlier|previous|prior)\s+(?:statement|announcement|remarks?|comments?|claims?|"
    r"words?|report)\s+(?:issued\s+|made\s+|given\s+)?by\s+(?P<who>[^,;.:()]+)"
)
_NAME_RUN = re.compile(r"(?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+")


def _earlier_word_by(text: str) -> str | None:
    """The person whose earlier word the text speaks of: the last run of capitalised
    words after "an earlier statement by", to the clause's end or "that"."""
    m = _EARLIER_WORD.search(text.replace("’", "'"))
    if not m:
        return None
    who = re.split(r"\s+(?:that|on|about|who|which)\s+", m.group("who"))[0]
    # a possessive or a place is whose role follows, not a name ("by the Kremlin's
    # spokesman"): an unnamed person
    runs = [r for r in _NAME_RUN.findall(who) if not r.endswith("'s") and not _is_place(r)]
    return " ".join(runs[-1].split()[-2:]) if runs else None


def _earlier_word_differences(statement: str, passage: str) -> list[Difference]:
    ours, theirs = _earlier_word_by(statement), _earlier_word_by(passage)
    if ours and theirs and not same_person(ours, theirs):
        return [Difference("speaker", ours, theirs)]
    return []


# The offices a speaker may hold, by the role nouns that name them; a role that says
# only that someone took part ("negotiator", "member", "official", "head") names none.
_OFFICES = {
    "minister": "minister",
    "premier": "minister",
    "president": "president",
    "ambassador": "ambassador",
    "envoy": "ambassador",
    "spokesman": "spokesman",
    "spokeswoman": "spokesman",
    "spokesperson": "spokesman",
    "adviser": "adviser",
    "advisor": "adviser",
    "aide": "adviser",
    "mayor": "mayor",
    "governor": "governor",
    "chancellor": "chancellor",
    "senator": "senator",
}
# A statement that names its speaker only by the office: "Ukraine's foreign minister
# tweeted …", "A Kremlin spokesman said …"
_UNNAMED_OFFICE = re.compile(
    r"^(?:[A-Z][\w.-]*(?:'s|’s)\s+|(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,2}?"
    rf"(?P<role>{'|'.join(_OFFICES)})"
    # "an adviser to the mayor said"
    r"(?:\s+(?:to|of|for)(?:\s+[\w'’.-]+){1,4}?)?"
    # "the Kremlin spokesperson reportedly wrote": a hedge before the verb
    rf"(?:\s+{_HEDGE})?\s+(?:{SPEECH_VERBS})\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)
def statement_office(statement: str) -> tuple[str, str] | None:
    """(the words naming the speaker, the office) of a statement whose speaker is named
    only by the office held ("Ukraine's foreign minister tweeted …")."""
    rest = without_lead_in(statement)
    found = _UNNAMED_OFFICE.match(rest)
    if not found:
        return None
    return rest[: found.end("role")], _OFFICES[found.group("role").lower()]


def _nations(text: str) -> set[str]:
    """The countries words name or stand for: "Russia's", "Ukrainian", "the Kremlin"."""
    found = set()
    for token in _place_tokens(text):
        country = _COUNTRY_OF_DEMONYM.get(token) or (_country(token) if _is_place(token) else "")
        if country in _COUNTRIES:
            found.add(country)
    return found


def _offices(roles: Iterable[str]) -> set[str]:
    return {
        _OFFICES[w] for role in roles for w in re.findall(r"[a-z]+", role.lower()) if w in _OFFICES
    }


def differences(
    facts: StatementFacts,
    *,
    passage_details: dict,
    claimant: str | None,
    source: str | None,
    passage_text: str = "",
    claimant_roles: Iterable[str] = (),
) -> list[Difference]:
    """Every checkable way in which a passage differs from the statement
    (``claimant_roles``: how the articles describe the passage's speaker)."""
    found: list[Difference] = []
    found += _number_differences(facts.details, passage_details)
    if not found:
        found += _single_count_differences(facts, passage_details, passage_text)
    found += _date_differences(facts.details, passage_details, facts.text) or _horizon_differences(
        facts.text, passage_text
    )
    if not found:
        found += _scale_differences(facts.text, passage_text)
    found += _all_place_differences(facts, passage_details, passage_text)
    found += _earlier_word_differences(facts.text, passage_text)
    if facts.speaker and claimant and not same_person(facts.speaker, claimant):
        found.append(Difference("speaker", facts.speaker, claimant))
    elif not facts.speaker and claimant and (office := statement_office(facts.text)):
        # "Ukraine's foreign minister tweeted …" against a remark of a presidential adviser
        held = _offices(claimant_roles)
        ours = _nations(office[0])
        theirs = set().union(*(_nations(role) for role in claimant_roles))
        if held and office[1] not in held:
            found.append(Difference("speaker", office[0], claimant))
        elif ours and theirs and not ours & theirs:
            # "Russia's ambassador to the UN" against Ukraine's UN ambassador
            found.append(Difference("speaker", office[0], claimant))
    owner = _medium_owner(facts.text)
    if owner and claimant and not same_person(owner, claimant):
        pass  # "Podolyak's Twitter post backed what Peskov said": not Peskov's medium
    elif facts.source and source and not _compatible_sources(facts.source, source):
        found.append(Difference("source", facts.source, source))
    elif passage_text:
        found += _channel_differences(facts.text, passage_text, source)
    ours, theirs = _negations(facts.details, facts.text), _negations(passage_details, passage_text)
    if bool(ours) != bool(theirs):
        negated, other = (facts.text, passage_text) if ours else (passage_text, facts.text)
        # a part of a statement that says it in another part says it too ("… a meeting
        # with Putin, though the Kremlin has so far ignored his requests")
        said_in = facts.whole or other if not ours else other
        if other and (
            _says_in_an_aside(said_in, ours or theirs) or _says_alike(said_in, ours or theirs)
        ):
            # "…, whose Kremlin has so far left his requests unanswered", "the Kremlin has
            # so far ignored his requests": said too
            pass
        elif not other or _speaks_of_negated(negated, other):
            found.append(Difference("negation", _polarity(ours), _polarity(theirs)))
        elif ours and passage_text:
            # the negation sits in what the saying is about, after a word the passage
            # says the opposite of ("the IAEA shared fears that the plant might be
            # unable to …" against "the agency downplayed those worries")
            found += _antonym_differences(facts.text, passage_text, before=ours)
    elif not ours:
        found += _antonym_differences(facts.text, passage_text)
    elif passage_text and _crossed_negations(facts.text, passage_text):
        found.append(Difference("negation", _polarity(ours), _polarity(theirs)))
    elif passage_text and (went_on := _ceased_against_continued(facts.text, passage_text)):
        ceased_here, word = went_on
        found.append(
            Difference("negation", _polarity(ours), word)
            if ceased_here
            else Difference("negation", word, _polarity(theirs))
        )
    if passage_text and not any(d.kind == "negation" for d in found):
        found += [
            Difference("negation", done, planned)
            for done, planned in _done_against_planned(facts.text, passage_text)
        ]
    return found


def _says_in_an_aside(text: str, negations: list[str]) -> bool:
    """The text says each of these negating words too, in an aside (``_ASIDE``): a word of
    its own such as "unanswered", not a bare "not" or "no". (Said in its main clause, the
    word was cancelled out there: "Podolyak did not say that Russia had stopped …".)"""
    folded, main = fold(text), fold(_ASIDE.sub(",", text))

    def in_aside(word: str) -> bool:
        forms = "|".join(re.escape(w) for w in (fold(word), *_SAID_ALIKE.get(fold(word), ())))
        said = re.compile(rf"\b(?:{forms})\b")
        return len(word) >= 5 and bool(said.search(folded)) and not said.search(main)

    return all(in_aside(word) for word in negations)


def _says_alike(text: str, negations: list[str]) -> bool:
    """The text, which has no negating word, says each of these in other words that
    mean the same ("ignored" for "unanswered")."""
    folded = fold(text)
    return bool(negations) and all(
        any(re.search(rf"\b{re.escape(w)}\b", folded) for w in _SAID_ALIKE.get(fold(word), ()))
        for word in negations
    )


# Negating words said in other words in an aside ("…, whose office has so far ignored
# his requests" for "requests …, which, so far, have gone unanswered"; "…, whose
# Kremlin has yet to answer his requests").
_SAID_ALIKE = {
    "unanswered": (
        "ignored",
        "unheeded",
        "unreturned",
        "yet to answer",
        "yet to respond",
        "yet to reply",
    )
}


# Something a text says has been done ("had already signed documents", "the deal was
# approved") and the other says is still to be done ("documents to be signed",
# "documents for signing"): the statement reports as done what has not happened.
_DONE = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:already\s+)?(?:been\s+)?|(?:was|were)\s+(?:already\s+)?"
    r"|already\s+)(?P<verb>[a-z]{3,}ed)\b",
    re.IGNORECASE,
)
_PLANNED = re.compile(
    r"\b(?:(?<!reported )(?<!said )(?<!believed )(?<!thought )(?<!known )(?<!feared )"
    r"(?:yet\s+)?to\s+be|(?:will|would|could|may|might)\s+be)\s+(?P<verb>[a-z]{3,}ed)\b"
    r"|\b(?:documents?|papers?|agreements?|treat(?:y|ies)|deals?|texts?|drafts?)\s+"
    r"(?:ready\s+)?for\s+(?P<ing>[a-z]{3,}ing)\b",
    re.IGNORECASE,
)


def _verb_root(word: str) -> str:
    """signed, signing, sign -> sign; agreed, agreeing -> agre."""
    root = word.lower()
    for ending in ("ing", "ed"):
        if root.endswith(ending) and len(root) - len(ending) >= 3:
            root = root[: -len(ending)]
            break
    return root.rstrip("e")


@lru_cache(maxsize=4096)
def _done_against_planned(statement: str, passage: str) -> tuple[tuple[str, str], ...]:
    """(the statement's words, the passage's) for each thing the statement says was done
    that the passage says is still to be done, and that the passage nowhere says was
    done."""
    done = {_verb_root(m["verb"]): m.group(0) for m in _DONE.finditer(statement)}
    if not done:
        return ()
    passage_done = {_verb_root(m["verb"]) for m in _DONE.finditer(passage)}
    found = []
    for m in _PLANNED.finditer(passage):
        root = _verb_root(m["verb"] or m["ing"])
        if root in done and root not in passage_done:
            found.append((done.pop(root), m.group(0)))
    return tuple(found)


_CONTINUED = re.compile(r"\b(?:continu(?:e|es|ed|ing)|keep(?:s|ing)? on|still)\b", re.IGNORECASE)
_CONTINUED_REACH = re.compile(r"[;:.!?]|\b(?:but|while|whereas|because|although)\b")


@lru_cache(maxsize=4096)
def _continued(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """What a text says goes on: each "continue"/"still" with the words after it to its
    sentence's end ("will continue negotiating with Russia and making requests for a
    meeting"), as compared keys."""
    main = _ASIDE.sub(",", text)
    found = []
    for m in _CONTINUED.finditer(main):
        rest = main[m.end() :]
        stop = _CONTINUED_REACH.search(rest)
        words = _common_words(rest[: stop.start()] if stop else rest)
        found.append((m.group(0), frozenset(_key(w) for w in words)))
    return tuple(found)


@lru_cache(maxsize=4096)
def _ceased(text: str) -> frozenset[str] | None:
    """The words a text's main clauses say stopped ("would no longer seek a meeting" ->
    seek, meeting), as compared keys; None when nothing in them stopped. Read for every
    passage against the statement and back (differences and agreements)."""
    main = _ASIDE.sub(",", text)
    spans = [m.span() for m in CESSATION.finditer(main)]
    if not spans:
        return None
    return frozenset(_key(w) for a, b in spans for w in _governed(main, a, b))


def _ceased_against_continued(statement: str, passage: str) -> tuple[bool, str] | None:
    """Both texts negate, but one says something stopped ("would no longer seek a
    meeting") that the other says goes on ("will continue … making requests for a
    meeting, which have gone unanswered"), and the other's negation is about something
    else: (whether the statement is the one that says it stopped, the other's word)."""
    for ceased_here, (ceased, other) in (
        (True, (statement, passage)),
        (False, (passage, statement)),
    ):
        stopped = _ceased(ceased)
        if stopped is None or _ceased(other) is not None:
            continue
        for word, going_on in _continued(other):
            if stopped & going_on:
                return ceased_here, word
    return None


# How something was said, when no outlet is named: a video address is not a radio
# interview, a tweet is not what someone told reporters, state media are not foreign
# media. Each channel with the phrases that name it.
_CHANNELS = {
    "video address": r"video (?:address|message|statement|speech|appeal)|in a video\b",
    "radio interview": r"radio (?:interview|address|show)|on the radio",
    "television": r"televised|(?:tv|television) (?:interviewer|interview|address|appearance|broadcast)"
    r"|on (?:tv|television)",
    "Twitter": r"tweet(?:s|ed|ing)?|(?:on|to|via) twitter|twitter (?:video|post|message|feed)",
    "Telegram": r"(?:on|to|via) telegram|telegram (?:channel|post|message|video)",
    "reporters": r"told (?:reporters|journalists|the press|the media|media)"
    r"|(?:press|news) conference|speaks? to (?:the )?(?:media|reporters|journalists)"
    r"|briefing",
    "state media": r"state(?:-run| run)? (?:media|television|tv|news agency|broadcaster)",
    "foreign media": r"foreign (?:media|journalists|reporters|press|news agencies)",
}
_CHANNEL_RES = {name: re.compile(rf"\b(?:{rx})\b") for name, rx in _CHANNELS.items()}


@lru_cache(maxsize=4096)
def _channels(text: str) -> frozenset[str]:
    folded = fold(text)
    return frozenset(name for name, rx in _CHANNEL_RES.items() if rx.search(folded))


def _passage_channels(passage: str, source: str | None) -> frozenset[str]:
    """The channels a passage names, and the one its claim's medium is (a claim the
    article says was tweeted: "…, he said, tweeting a photo of the talks")."""
    found = _channels(passage)
    return found | {source} if source in _CHANNELS else found


_MEDIUM_OWNER = re.compile(
    r"\b(?P<who>[A-Z][\w’'-]+)['’]s\s+(?:[\w-]+\s+)?(?:Twitter|Telegram|Facebook|Instagram|"
    r"tweets?|posts?|video|interview|message)\b"
)


@lru_cache(maxsize=4096)
def _medium_owner(statement: str) -> str | None:
    """Whose the statement's medium is, when it says so ("Podolyak's Twitter post")."""
    m = _MEDIUM_OWNER.search(statement)
    return m["who"] if m else None


def _channel_differences(
    statement: str, passage: str, source: str | None = None
) -> list[Difference]:
    """The statement names a channel the passage gives otherwise ("in a tweet" against
    "told reporters"); a passage that names none is silent on it."""
    ours, theirs = _channels(statement), _passage_channels(passage, source)
    if not ours or not theirs or ours & theirs:
        return []
    return [Difference("source", ", ".join(sorted(ours)), ", ".join(sorted(theirs)))]


# Words that assert the opposite of each other without a negating word. A passage that
# uses one where the statement uses the other, and never the statement's word, reverses
# it: "prices increased" against "prices fell".
_ANTONYMS = [
    (
        r"increas(?:e|es|ed|ing)|ris(?:e|es|en|ing)|rose|grew|grow(?:s|n|ing)?|"
        r"rais(?:e|es|ed|ing)|escalat(?:e|es|ed|ing)|heighten(?:s|ed|ing)?",
        r"decreas(?:e|es|ed|ing)|fall(?:s|en|ing)?|fell|declin(?:e|es|ed|ing)|drop(?:s|ped|ping)?|"
        r"reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?|eas(?:e|es|ed|ing)|de-?escalat(?:e|es|ed|ing)",
    ),
    (
        r"smooth(?:ly)?|eas(?:y|ily|ier)|constructive(?:ly)?",
        r"hard|difficult(?:y|ies)?|tough|tense|strained",
    ),
    (
        r"honou?r(?:s|ed|ing)?|respect(?:s|ed|ing)?|compl(?:y|ies|ied|ying)|abid(?:e|es|ed|ing)",
        r"violat(?:e|es|ed|ing)|breach(?:es|ed|ing)?|flout(?:s|ed|ing)?|broke|break(?:s|ing)?",
    ),
    (
        r"progress(?:es|ed|ing)?|breakthrough|advanc(?:e|es|ed|ing)|headway|positive",
        r"stall(?:s|ed|ing)?|deadlock(?:ed)?|stalemate|impasse|stuck",
    ),
    (r"succe(?:ed|eds|eded|eding|ss|ssful|ssfully)", r"fail(?:s|ed|ing|ure)?|unsuccessful"),
    (r"open(?:s|ed|ing)?|reopen(?:s|ed|ing)?", r"clos(?:e|es|ed|ing)|shut(?:s|ting)?"),
    (r"lift(?:s|ed|ing)?", r"impos(?:e|es|ed|ing)"),
    (r"w[oi]n|wins|winning", r"los(?:e|es|ing|t)"),
    (
        r"support(?:s|ed|ing)?|endors(?:e|es|ed|ing)|prais(?:e|es|ed|ing)|welcom(?:e|es|ed|ing)",
        r"oppos(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|critici[sz](?:e|es|ed|ing)",
    ),
    (
        r"continu(?:e|es|ed|ing)|keep(?:s|ing)?|kept|maintain(?:s|ed|ing)?|insist(?:s|ed|ing)?",
        r"break(?:s|ing)? off|broke off|suspend(?:s|ed|ing)?|abandon(?:s|ed|ing)?|"
        r"drop(?:s|ped|ping)?|gave up|giv(?:e|es|en|ing) up",
    ),
    (r"approv(?:e|es|ed|ing)", r"veto(?:es|ed|ing)?"),
    (
        r"confirm(?:s|ed|ing)?|corroborat(?:e|es|ed|ing)|back(?:s|ed|ing)? up",
        r"contradict(?:s|ed|ing)?",
    ),
    (r"strengthen(?:s|ed|ing)?", r"weaken(?:s|ed|ing)?"),
    (r"accelerat(?:e|es|ed|ing)", r"slow(?:s|ed|ing)?"),
    (r"guilty", r"innocent|acquitted"),
    (r"necessary|needed|essential", r"unnecessary|needless|pointless"),
    (r"possible", r"impossible"),
    (r"likely", r"unlikely"),
    (r"acceptable", r"unacceptable"),
    (r"willing", r"unwilling"),
    (r"vocal|outspoken|speak(?:s)? out", r"silent|quiet"),
    (r"alive|survived", r"dead|died|killed"),
    # "Russia's approach was unchanged" against "a fundamentally different approach"
    # ("has not changed at all" is unchanged too)
    (
        r"unchanged|unaltered|(?:not|never|n't) (?:been |really |yet )?(?:changed?|shifted)",
        r"different|(?<!not )(?<!never )(?<!n't )(?<!not been )(?<!n't been )"
        r"(?<!never been )(?<!not really )(?<!n't really )(?<!not yet )(?<!n't yet )"
        r"(?:changed|shifted)",
    ),
    # "kept the flags on the walls" against "the flags, which it eventually removed"
    (
        r"kept|keep(?:s|ing)?|still (?:hang|hangs|hanging|fly|flies|flying|up|on display)|"
        r"stay(?:s|ed|ing)? (?:up|on|in place)|remain(?:s|ed|ing)? (?:up|on|in place)",
        r"remov(?:e|es|ed|ing)|t(?:ook|ake|akes|aken|aking) (?:them |it |\w+ )?down|"
        r"pull(?:s|ed|ing)? (?:them |it )?down",
    ),
    # "both sides praised each other" against "both sides accused one another"
    (
        r"prais(?:e|es|ed|ing)|commend(?:s|ed|ing)?|applaud(?:s|ed|ing)?",
        r"accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|"
        r"criticiz(?:e|es|ed|ing)|criticis(?:e|es|ed|ing)",
    ),
    # "the IAEA warned of a serious threat" against "the IAEA downplayed those worries"
    (
        # (sharing or echoing the fears is warning of them too, and so is being worried
        # or voicing concern: "the IAEA said it was seriously worried …")
        r"warn(?:s|ed|ing)?|alarm(?:s|ed|ing)?|"
        r"(?:shar(?:e|es|ed|ing)|echo(?:es|ed|ing)?) (?:the |those |these |its |their )?"
        r"(?:fears|concerns|worries)|"
        r"(?:is|was|are|were|remains?|remained|grew|became) (?:\w+ )?"
        r"(?:worried|concerned|alarmed|fearful)|"
        r"(?:express|voic)(?:e|es|ed|ing)? (?:\w+ )?(?:concerns?|fears|worries|alarm)",
        r"downplay(?:s|ed|ing)?|play(?:s|ed|ing)? down|reassur(?:e|es|ed|ing)",
    ),
]
# every word the re-ranker reads as its prefixed opposite has its pair here
_ANTONYMS += [
    (a, b)
    for a, b in PREFIXED_OPPOSITES
    if not any(re.fullmatch(x, a) and re.fullmatch(y, b) for x, y in _ANTONYMS)
]
_ANTONYM_RE = [(re.compile(rf"\b(?:{a})\b"), re.compile(rf"\b(?:{b})\b")) for a, b in _ANTONYMS]


@lru_cache(maxsize=4096)
def _antonym_words(text: str) -> dict[tuple[int, int], str]:
    """The words of each side of each opposite pair that a text uses, by (pair, side):
    a statement is compared with many passages, and a passage with many statements."""
    folded = fold(text)
    found = {}
    for pair, sides in enumerate(_ANTONYM_RE):
        for side, rx in enumerate(sides):
            if m := rx.search(folded):
                found[(pair, side)] = m.group(0)
    return found


_NEGATED_ANTONYM = re.compile(r"\b(?:not|never)\b|n't\b")


def _antonym_differences(
    statement: str, passage: str, *, before: Iterable[str] = ()
) -> list[Difference]:
    """The passage says the opposite word of one the statement uses (and not its own);
    with ``before``, only a statement word that comes before each of those words."""
    if not passage:
        return []
    ours, theirs = _antonym_words(statement), _antonym_words(passage)
    folded = fold(statement)
    first = None  # where the first of ``before`` stands
    if before:
        first = min((i for w in before if (i := folded.find(fold(w))) >= 0), default=None)
        if first is None:
            return []
    for pair in range(len(_ANTONYM_RE)):
        for side in (0, 1):
            said, other = (pair, side), (pair, 1 - side)
            if said in ours and other in theirs and said not in theirs and other not in ours:
                if (
                    first is not None
                    # (a word that holds the negation itself: "not changed")
                    and not _NEGATED_ANTONYM.search(ours[said])
                    and not 0 <= folded.find(ours[said]) < first
                ):
                    continue
                return [Difference("negation", ours[said], theirs[other])]
    return []


def _antonym_agreements(statement: str, passage: str) -> list[str]:
    """The statement's words of an opposite pair that the passage uses too."""
    if not passage:
        return []
    ours, theirs = _antonym_words(statement), _antonym_words(passage)
    return [word for key, word in ours.items() if key in theirs]


def agreements(
    facts: StatementFacts,
    *,
    passage_details: dict,
    claimant: str | None,
    source: str | None,
    passage_text: str = "",
) -> set[tuple[str, str]]:
    """The statement's details a passage states too, as (kind, statement text) keys.

    A passage silent on a detail agrees with nothing about it; one that states it
    the same way answers a difference found on it in another passage of the same
    article. ``"*"`` stands for every detail of a kind (places, polarity).
    """
    found: set[tuple[str, str]] = set()
    passage_numbers = _quantities(passage_details)
    for q in _quantities(facts.details):
        if any(_value_match(q, p) for p in _comparable_numbers(q, passage_numbers)):
            found.add(("number", q.get("text") or str(q["value"])))
    p_dates = _passage_dates(passage_details)
    p_parts = [parts for d in p_dates if (parts := _date_parts(d))]
    p_days = {w for d in p_dates if (w := _weekday(d))}
    for mention in facts.details.get("dates", []):
        parts, day = _date_parts(mention), _weekday(mention)
        text = mention.get("text") or ""
        same_day = (
            any(_comparable(parts, p) and _same_date(parts, p) for p in p_parts) if parts else False
        )
        period = _period(mention, weekdays=False)
        same_period = period is not None and any(
            _period(d, weekdays=False) == period for d in p_dates
        )
        # a weekday agrees only where the statement names no day of a month: "Monday"
        # cannot vouch for "Monday, March 21"
        same_weekday = bool(day and day in p_days) and not (parts and None not in parts[1:])
        if same_day or same_weekday or same_period:
            found.add(("date", text))
    theirs = {span for _, span in _horizons(passage_text)}
    found.update(("date", said) for said, span in _horizons(facts.text) if span in theirs)
    found.update(("number", said) for said in _scale_agreements(facts.text, passage_text))
    if (
        facts.details.get("places")
        and passage_details.get("places")
        and not _all_place_differences(facts, passage_details, passage_text)
    ):
        # the places the passage names itself: one that names only the country
        # ("Belarus") does not vouch for the region the statement gives ("the Brest
        # region") against another passage of the article that gives another one
        named = _places_named(facts.details["places"], passage_details["places"])
        if len(named) == len(facts.details["places"]):
            found.add(("place", "*"))
        found.update(("place", p) for p in named)
    if facts.speaker and claimant and same_person(facts.speaker, claimant):
        found.add(("speaker", facts.speaker))
    if (
        facts.source
        and source
        and _compatible_sources(facts.source, source)
        and (_vague_source(facts.source) or not _vague_source(source))
    ):
        # a relay that names no medium ("according to Russian news agencies") does not
        # contradict "told Izvestia", nor does it vouch for it against a passage of the
        # article that names the medium ("told … RT")
        found.add(("source", facts.source))
    shared = _channels(facts.text) & _passage_channels(passage_text, source)
    if shared:
        found.add(("source", ", ".join(sorted(_channels(facts.text)))))
    ours, theirs = _negations(facts.details, facts.text), _negations(passage_details, passage_text)
    if bool(ours) == bool(theirs) and not (
        ours
        and passage_text
        and (
            _negate_apart(facts.text, passage_text)
            or _ceased_against_continued(facts.text, passage_text)
        )
    ):
        found.add(("negation", "*"))
    found.update(("negation", word) for word in _antonym_agreements(facts.text, passage_text))
    return found


def _places_named(ours: list[str], theirs: list[str]) -> list[str]:
    """The statement's places that the passage names too (spelling variants folded)."""
    keys = {_place_key(p) for p in theirs}
    folded = " ".join(fold(p) for p in theirs)
    return [p for p in ours if _place_key(p) in keys or fold(p) in folded]


def answered(difference: Difference, agreed: set[tuple[str, str]]) -> bool:
    """Whether another passage states the differing detail the way the statement does.

    An opposite word ("smoothly" against "hard") is answered only by a passage that
    uses the statement's own word: one that merely has no negating word is silent on it.
    A place difference over several places is answered when each of them is.
    """
    if (difference.kind, difference.statement) in agreed:
        return True
    if difference.kind == "place" and ", " in difference.statement:
        if all(("place", p) in agreed for p in difference.statement.split(", ")):
            return True
    if difference.kind == "negation" and not difference.statement.startswith(
        ("affirmed", "negated")
    ):
        return False
    return (difference.kind, "*") in agreed


def _compatible_sources(a: str, b: str) -> bool:
    """Same medium, or a vague relay that may stand for the named one."""
    if a == b:
        return True
    for vague, named in ((a, b), (b, a)):
        if vague in VAGUE_SOURCES:
            allowed = VAGUE_SOURCES[vague]
            if allowed is None:
                return True
            country = _media_country(vague)
            return named in allowed or (country is not None and _media_country(named) == country)
    for vague, named in ((a, b), (b, a)):
        if vague.endswith(" media") and vague.split()[0] in DEMONYMS:
            # "Ukrainian media" agrees with a Ukrainian outlet, not with RT or CNN
            return _media_country(named) == DEMONYMS[vague.split()[0]]
    return False


def _vague_source(source: str) -> bool:
    """A relay that names no one medium ("Russian news agencies", "Ukrainian media")."""
    return source in VAGUE_SOURCES or _national_relay(source) is not None


def _media_country(source: str) -> str | None:
    return MEDIA_COUNTRY.get(source) or _national_relay(source)


def _national_relay(source: str) -> str | None:
    """The country of media named only by it ("Ukrainian media" -> Ukraine)."""
    first = source.split()[0] if source.split() else ""
    if source.endswith((" media", " news agencies")) and first in DEMONYMS:
        return DEMONYMS[first]
    return None


# Stretches that qualify the sentence without being what it asserts: a relative or
# concessive clause set off by commas ("…, which comes after … despite no significant
# breakthrough, was held via video conference"), a "despite …" phrase, a parenthesis, a
# stretch set off by dashes ("… ensure he and Putin meet — requests the Kremlin has so far
# left unanswered"). A negation inside one does not make the sentence negative.
_ASIDE = re.compile(
    r",\s*(?:which|who|whom|whose|despite|although|though|even though|while)\b[^,;]*(?:,|(?=;)|$)"
    r"|\bdespite\b[^,;]*"
    r"|\([^()]*\)"
    r"|\s[—–]\s[^—–]*(?:[—–]|$)",
    re.IGNORECASE,
)


# A negated verb of saying: the statement denies the report, not its content.
_NOT_SAID = re.compile(
    r"\b(?:(?:did|does|do|has|have|had|would|will)\s+not|didn['’]t|doesn['’]t|never)\s+"
    r"(?:say|said|claim|claimed|tell|told|state|stated|confirm|confirmed|announce|announced)\b",
    re.IGNORECASE,
)


def _negations(details: dict, text: str) -> list[str]:
    """The negating words of a text's main clauses (all of them without a text)."""
    words = list(details.get("negations", [])) if details.get("negated") else []
    words += [m.group(0) for m in CESSATION.finditer(text or "")]
    if words and text:
        main = _ASIDE.sub(",", text)
        if not find_negations(main) and not CESSATION.search(main):
            return []  # every negation sits in an aside
        reporting = _NOT_SAID.search(main)
        if reporting:
            # "X did not say that Russia had stopped …": the denial and the content's
            # negation cancel out against a passage in which X says Russia had stopped
            rest = find_negations(main[: reporting.start()] + main[reporting.end() :])
            rest += [m.group(0) for m in CESSATION.finditer(main)]
            return [] if rest else [reporting.group(0)]
    return words


# Where what a negation governs ends: "he did not elaborate, but …" negates elaborating only.
_SCOPE_END = re.compile(r"[,;:.!?]|\b(?:but|and|while|whereas|because|although)\b")
# Back to where its subject starts: commas stay in ("requests …, which, so far, have
# gone unanswered"), a contrast does not ("positive shifts …, but he did not elaborate").
# (and "… and making requests for a meeting, which have gone unanswered": a second
# action of the sentence's subject, whose object the negating word is about)
_SUBJECT_END = re.compile(
    r"[;:.!?]|\b(?:but|while|whereas|because|although)\b|\band\s+(?=[a-z]+ing\b)"
)
_SCOPE_WORDS = 6
# negating words that govern only what follows them: "met several times, without any
# breakthrough" negates no meeting
_NEGATING_FUNCTION_WORDS = frozenset(
    {"without", "never", "neither", "none", "nothing", "nobody", "nowhere", "hardly"}
)


def _common_words(text: str) -> list[str]:
    """Content words not written with a capital: what is said, not who or where
    ("does not pose a threat to the civilians of Ukraine" -> pose, threat, civilians)."""
    return content_words(" ".join(w for w in text.split() if not w[:1].isupper()))


def _key(word: str) -> str:
    return sense(word)[:5]


def _negation_spans(main: str) -> list[tuple[int, int]]:
    return negation_spans(main) + [m.span() for m in CESSATION.finditer(main)]


def _governed(main: str, start: int, end: int) -> list[str]:
    """The words the negation at ``main[start:end]`` governs: the first few content
    words after it, to the end of its clause, and the noun of "no X"."""
    rest = main[end:]
    stop = _SCOPE_END.search(rest)
    governed = _common_words(rest[: stop.start()] if stop else rest)[:_SCOPE_WORDS]
    if main[start:end].lower().startswith("no "):  # "no agreement": the noun too
        governed.append(canonical_word(main[start:end].split()[-1]))
    return governed


@lru_cache(maxsize=4096)
def _governed_keys(text: str) -> tuple[frozenset[str], ...]:
    """The words each negation of a text governs (``_governed``), as compared keys; read
    for every passage against the statement and back (differences and agreements)."""
    main = _ASIDE.sub(",", text)
    return tuple(
        frozenset(_key(w) for w in _governed(main, a, b)) for a, b in _negation_spans(main)
    )


def _both_governed(statement: str, passage: str):
    """The words each negation of either text governs, when both negate and every
    negation governs something readable; else None."""
    ours, theirs = _governed_keys(statement), _governed_keys(passage)
    if not ours or not theirs or not all(ours) or not all(theirs):
        return None
    return ours, theirs


def _negate_apart(statement: str, passage: str) -> bool:
    """Both texts negate, each something the other does not: "is not listening"
    against "had stopped issuing ultimatums" is no agreement on polarity."""
    both = _both_governed(statement, passage)
    return both is not None and not set().union(*both[0]) & set().union(*both[1])


def _crossed_negations(statement: str, passage: str) -> bool:
    """Both texts negate, but not the same thing, and one affirms what the other
    negates: "Russia is still issuing ultimatums and is not listening" against "Russia
    had stopped issuing ultimatums and instead listens"."""
    both = _both_governed(statement, passage)
    if both is None:
        return False
    ours, theirs = both
    our_words = {_key(w) for w in content_words(statement)}
    their_words = {_key(w) for w in content_words(passage)}
    all_ours, all_theirs = set().union(*ours), set().union(*theirs)

    def affirmed_by(keys, words: set[str], negated: set[str]) -> bool:
        return any(g & words and not g & negated for g in keys)

    return affirmed_by(ours, their_words, all_theirs) or affirmed_by(theirs, our_words, all_ours)


# A request, a call or an offer as the subject of a negated predicate, with what it asks
# for after it
_SPEECH_ACT_SUBJECT = re.compile(
    r"\b(?P<act>requests?|calls?|demands?|appeals?|pleas?|offers?|proposals?|invitations?|"
    r"questions?|bids?)\s+(?:for|of|to|from|by)\b",
    re.IGNORECASE,
)


_PARTICIPLE_BEFORE = re.compile(r",\s*$")


def _speaks_of_negated(negated_text: str, other_text: str) -> bool:
    """Whether ``other_text`` speaks of what a negation in ``negated_text`` governs.

    What a negation governs is the first few content words from it to the end of its
    clause ("did not elaborate" -> elaborate; "no agreement on a ceasefire" -> agreement,
    ceasefire). A passage that uses none of them (allowing a misspelling) says nothing
    either way about the negated clause: "there had been positive shifts" is silent on
    "… but he did not elaborate", not its opposite. A negation followed by nothing
    readable keeps the difference.
    """
    main = _ASIDE.sub(",", negated_text)
    spans = _negation_spans(main)
    if not spans:
        return True
    other = {_key(w) for w in content_words(other_text)}
    # a text whose every word the negated one holds says nothing it does not: it repeats
    # the rest of it ("… making requests for a meeting with Putin" against "… making
    # requests …, which, so far, have gone unanswered")
    repeats = other <= {_key(w) for w in content_words(negated_text)}
    for start, end in spans:
        given_up = _GIVEN_UP.match(main, start)
        governed = (
            [canonical_word(given_up.group("what").lower())]
            if given_up
            else _governed(main, start, end)
        )
        predicate = not given_up and set(content_words(main[start:end])) - _NEGATING_FUNCTION_WORDS
        if not governed and not predicate:  # "denied it": what is denied stands elsewhere
            return True
        if (
            predicate
            and governed
            and main[start:end].rstrip().endswith("ing")
            and _PARTICIPLE_BEFORE.search(main[:start])
        ):
            # a participle clause after the main one (", refusing to recognize the
            # government"): it is about what it governs, not the main clause's subject
            predicate = set()
        if predicate:
            # a negating word that is itself the predicate ("unanswered", "refused")
            # governs its subject too: "requests …, which, so far, have gone unanswered";
            # a text that only repeats that subject says nothing of the predicate
            if not governed and repeats:
                continue
            before = main[:start]
            breaks = list(_SUBJECT_END.finditer(before))
            subject = before[breaks[-1].end() :] if breaks else before
            # "requests for a meeting with Putin … have gone unanswered": what went
            # unanswered is the requests, not the meeting they ask for
            act = _SPEECH_ACT_SUBJECT.search(subject)
            governed += [act.group("act")] if act else _common_words(subject)[-_SCOPE_WORDS:]
            if not governed:
                return True
        for word in governed:
            key = _key(word)
            if key in other or (
                len(key) == 5 and any(fuzz.ratio(key, k) >= 80 for k in other if len(k) == 5)
            ):
                return True
    return False


def _polarity(negations: list[str]) -> str:
    return "negated: " + ", ".join(negations) if negations else "affirmed"
