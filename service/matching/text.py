"""Text normalisation shared by grouping, re-ranking and stance."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from service.extraction.data import DAY_ORDINALS
from service.extraction.details import DAY_WORD_ALT, figures_month_day

# Spelling variants that name the same thing; compared after lower-casing.
VARIANTS = {
    "kiev": "kyiv",
    "kharkov": "kharkiv",
    "lugansk": "luhansk",
    "odessa": "odesa",
    "podaliak": "podolyak",
    "podoliak": "podolyak",
    "mikhailo": "mykhailo",
    "zelenskyy": "zelensky",
    "zelenskiy": "zelensky",
    "chernobyl": "chornobyl",
    "ceasefire": "cease-fire",
    # a month as news style abbreviates it ("Feb. 24" / "February 24")
    **{
        month[:3]: month
        for month in (
            "january",
            "february",
            "march",
            "april",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        )
    },
    "sept": "september",
}

# Words news reports use for one another ("major headway" / "significant progress"):
# the re-ranker counts a statement word as covered by any word of its group. The
# full-text query is not expanded with them: on the seed statements that re-weighted
# bm25 towards the expansions and lost more than it found (candidates a statement
# words only by synonyms come from the claimant's role and from the embeddings).
# Kept to interchangeable words of reporting; a word with a second common sense that
# would mislead ("support", "arms", "forces") is left out.
SYNONYM_GROUPS = (
    ("progress", "headway", "advances"),
    ("significant", "major", "substantial", "considerable"),
    ("envoy", "ambassador"),
    ("adviser", "advisor", "aide"),
    ("assistance", "aid", "help"),
    ("talks", "negotiations"),
    ("specify", "clarify"),
    ("ceasefire", "cease-fire", "truce"),
    ("deal", "agreement", "accord"),
    ("troops", "soldiers"),
    ("invasion", "invaded", "invade", "invades", "invading"),
    ("weapons", "weaponry", "armaments"),
    ("journalists", "reporters"),
    ("children", "kids"),
    ("killed", "slain"),
    ("begin", "start"),
    ("quit", "resigned"),
    ("purchase", "buy"),
    ("large", "big"),
    ("crucial", "vital", "critical"),
    ("immediately", "instantly"),
    ("video-conference", "videoconference", "video-link", "online"),
    ("confirmed", "corroborated"),
    ("confirm", "corroborate"),
    ("confirms", "corroborates"),
    ("withdrawal", "pullout", "pull-out"),
    ("refugees", "evacuees"),
    ("sanctions", "penalties"),
    ("lawmakers", "legislators"),
    ("documents", "papers"),
    ("impact", "effect"),
    ("position", "stance"),
    ("fundamentally", "radically"),
    ("commitments", "obligations"),
    ("border", "frontier"),
    ("genuine", "real"),
    ("ready", "prepared"),
    ("possible", "potential"),
    ("aim", "goal", "objective"),
    ("primary", "main", "principal"),
    ("contention", "contentious", "contested", "dispute", "disputes", "disputed"),
    # a capital for its government, as reports write it ("Beijing" / "China")
    ("russia", "moscow", "kremlin"),
    ("ukraine", "kyiv"),
    ("china", "beijing"),
    ("belarus", "minsk"),
    ("israel", "jerusalem"),
    ("turkey", "ankara"),
    ("poland", "warsaw"),
    ("germany", "berlin"),
    ("france", "paris"),
    ("britain", "london"),
    ("iran", "tehran"),
)
# Words whose opposite is the same word with a negating prefix. Retrieval searches for
# the other word of a pair, and the re-ranker counts either for both, as it counts
# "agreed" for "did not agree": the stance then reads the opposite (``stance._ANTONYMS``).
PREFIXED_OPPOSITES = (
    ("willing", "unwilling"),
    ("possible", "impossible"),
    ("likely", "unlikely"),
    ("acceptable", "unacceptable"),
    ("necessary", "unnecessary"),
    ("successful", "unsuccessful"),
    ("legal", "illegal"),
    ("lawful", "unlawful"),
    ("agree", "disagree"),
    ("agreed", "disagreed"),
    ("armed", "unarmed"),
    ("confirmed", "unconfirmed"),
    ("verified", "unverified"),
)
# Irregular verb forms that no prefix of the word relates to its base ("saw" / "see"):
# each base with its past (first) and participle.
IRREGULAR_FORMS: dict[str, tuple[str, ...]] = {
    "see": ("saw", "seen"),
    "make": ("made",),
    "tell": ("told",),
    "give": ("gave", "given"),
    "take": ("took", "taken"),
    "go": ("went", "gone"),
    "come": ("came",),
    "hold": ("held",),
    "meet": ("met",),
    "win": ("won",),
    "lose": ("lost",),
    "leave": ("left",),
    "bring": ("brought",),
    "think": ("thought",),
    "begin": ("began", "begun"),
    "fall": ("fell", "fallen"),
    "rise": ("rose", "risen"),
    "run": ("ran",),
    "know": ("knew", "known"),
    "send": ("sent",),
    "spend": ("spent",),
    "build": ("built",),
    "keep": ("kept",),
    "pay": ("paid",),
    "sell": ("sold",),
    "buy": ("bought",),
    "fight": ("fought",),
    "catch": ("caught",),
    "strike": ("struck",),
    "shoot": ("shot",),
    "drive": ("drove", "driven"),
    "write": ("wrote", "written"),
    "speak": ("spoke", "spoken"),
    "break": ("broke", "broken"),
    "choose": ("chose", "chosen"),
    "freeze": ("froze", "frozen"),
    "steal": ("stole", "stolen"),
    "fly": ("flew", "flown"),
    "grow": ("grew", "grown"),
    "draw": ("drew", "drawn"),
    "throw": ("threw", "thrown"),
    "lead": ("led",),
    "flee": ("fled",),
    "seek": ("sought",),
    "find": ("found",),
    "stand": ("stood",),
    "become": ("became",),
    "forget": ("forgot", "forgotten"),
}
IRREGULAR = {form: base for base, forms in IRREGULAR_FORMS.items() for form in forms}
SENSE = {w: group[0] for group in SYNONYM_GROUPS for w in group}


def sense(word: str) -> str:
    """A canonical word's base form ("saw" -> "see"), then the head word of its synonym
    group ("headway" -> "progress"); the word itself when it has neither."""
    word = IRREGULAR.get(word, word)
    return SENSE.get(word, word)


STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        # (honorifics: "Mr Podolyak" names no more than "Podolyak")
        "mr",
        "mrs",
        "ms",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "said",
        "says",
        "say",
        "told",
        "according",
    ]
)
# Negation words are content for stance, noise for retrieval and grouping.
NEGATIONS = frozenset({"no", "not", "nor", "never", "neither", "none", "without"})

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "`": "'"})


FOLD_CACHED_CHARS = 2_000  # statements and passages; whole article texts are not kept


def fold(text: str) -> str:
    """Lower-case, straight quotes, no accents, one space.

    Texts up to ``FOLD_CACHED_CHARS`` are cached: verify folds the statement and each
    candidate passage for every check. Longer ones (article texts) are folded each time,
    so the cache stays a few megabytes per worker.
    """
    return _fold_cached(text) if len(text) <= FOLD_CACHED_CHARS else _fold(text)


@lru_cache(maxsize=16384)
def _fold_cached(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    if not text.isascii():  # ASCII has no curly quotes and nothing to decompose
        text = unicodedata.normalize("NFKD", text.translate(QUOTES))
        # Test each distinct character once, not every character of the text.
        marks = {ord(ch): None for ch in set(text) if unicodedata.combining(ch)}
        if marks:
            text = text.translate(marks)
    return " ".join(text.lower().split())


@lru_cache(maxsize=65536)
def canonical_word(word: str) -> str:
    """A word with spelling variants and possessives folded ("Kiev's" -> "kyiv")."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'-")
    return VARIANTS.get(word, word)


# Phrases that say in several words what another text says in one ("pull out at once and
# without conditions" / "withdraw immediately and unconditionally"), read as that word.
_PHRASES = {
    r"pull(?:s|ed|ing)? out": "withdraw",
    r"at once": "immediately",
    r"spell(?:s|ed|ing)? out": "specify",
    r"without (?:any )?(?:pre-?)?conditions": "unconditionally",
    r"t(?:ake|akes|ook|aken|aking) (?:them |it )?down": "remove",
    r"video conferences?": "video-conference",
    r"video (?:link|call)s?": "video-link",
    r"pick(?:s|ed|ing)? up again": "resume",
    r"backed up": "confirmed",
    r"backs up": "confirms",
    # the Kremlin's name for the invasion, and sending an army in: one event in reports
    # from either side ("Putin announced a special military operation" / "Putin ordered
    # his army into Ukraine")
    r"special military operation": "invasion",
    r"(?:order(?:s|ed|ing)?|send(?:s|ing)?|sent) (?:(?:his|its|their|the|russian) )?"
    r"(?:army|troops|forces|soldiers) into": "invasion",
    r"(?:send(?:s|ing)?|sent) in (?:(?:his|its|their|the|russian) )?"
    r"(?:army|troops|forces|soldiers)": "invasion",
}
# An organisation's acronym and its name in full ("the IAEA warned …" against "the
# International Atomic Energy Agency downplayed those worries"): the search looks for the
# full name's words when a statement writes the acronym, and the re-ranker counts either
# as the other (``rerank._named_either_way``); the words themselves stay as written.
ACRONYMS = {
    "iaea": "international atomic energy agency",
    "un": "united nations",
    "eu": "european union",
    "imf": "international monetary fund",
    "icrc": "international committee of the red cross",
    "nato": "north atlantic treaty organization",
}
ACRONYM_WORDS = {
    acronym: tuple(w for w in full.split() if w not in {"of", "the"})
    for acronym, full in ACRONYMS.items()
}
_PHRASE_RE = re.compile(r"\b(?:" + "|".join(f"({rx})" for rx in _PHRASES) + r")\b")
_PHRASE_WORDS = list(_PHRASES.values())


def _one_word(match: re.Match) -> str:
    return _PHRASE_WORDS[match.lastindex - 1]


def phrase_words(text: str) -> list[str]:
    """The one word of each phrase of ``_PHRASES`` in a text ("at once" -> "immediately")."""
    return [_one_word(m) for m in _PHRASE_RE.finditer(fold(text))]


def words(text: str) -> list[str]:
    """Canonical word tokens of a text, in order."""
    folded = _PHRASE_RE.sub(_one_word, fold(text))
    return [canonical_word(m.group(0)) for m in _WORD.finditer(folded)]


def content_words(text: str) -> list[str]:
    """Canonical words without stopwords, in order."""
    return list(_content_words(text))


@lru_cache(maxsize=200_000)
def _content_words(text: str) -> tuple[str, ...]:
    # a pure function of the text: stored claims are re-scored on every query
    return tuple(w for w in words(text) if w not in STOPWORDS)


def match_text(text: str) -> str:
    """The content words of a text joined by spaces: what fuzzy scorers compare."""
    return " ".join(content_words(text))


def fold_in_place(text: str) -> str:
    """Lower-case with straight quotes, keeping every character's position."""
    folded = text.translate(QUOTES).lower()
    return folded if len(folded) == len(text) else text.translate(QUOTES)


MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_DAY = re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b")
_DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})\b")


_WORD_DAY_MONTH = re.compile(rf"\b(?P<day>{DAY_WORD_ALT})\s+of\s+(?P<month>{_MONTH})\b")
_MONTH_WORD_DAY = re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?:the\s+)?(?P<day>{DAY_WORD_ALT})\b")


def month_day(text: str) -> tuple[int, int] | None:
    """The (month, day) a date's words name ("Feb. 21", "21 February", "the twenty-sixth
    of February"), or None."""
    folded = fold(text)
    for pattern in (_MONTH_DAY, _DAY_MONTH, _WORD_DAY_MONTH, _MONTH_WORD_DAY):
        match = pattern.search(folded)
        if match:
            day = DAY_ORDINALS.get(match.group("day")) or int(match.group("day"))
            if 1 <= day <= 31:
                return MONTHS[match.group("month")], day
    return figures_month_day(folded)  # "3/14", "27/02/2022"


# --- pasted posts -----------------------------------------------------------------------
# Fact-checkers paste social posts as they are: links, an embed's signature line
# ("— Jane Doe (@jane) March 3, 2020"), hashtags and handles written in CamelCase.
# Links and the signature's handle and date are not the claim and are dropped; its
# author often is the claimant and stays; hashtags and handles are split into their
# words ("#DefundTheCBC" -> "Defund The CBC").
_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S*", re.IGNORECASE)
_SIGNATURE = re.compile(
    r"\s*[—–-]{1,2}\s*(?P<author>[^—–\n]{0,100}?)\s*\(@\w{1,30}\)\s*"
    r"(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?\s*[\"”]?\s*$"
)
_TAG = re.compile(r"(?<![\w@#])[#@](\w+)")
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


def _split_tag(match: re.Match) -> str:
    parts = _CAMEL.findall(match.group(1))
    return " ".join(parts) if parts else match.group(1)


# Verbs of saying as typed in a hurry: the statement reports speech all the same, and who
# spoke is read from it ("Slutskiy … sayed there is 'significant progres'").
SPEECH_TYPOS = {
    "sayed": "said",
    "sayd": "said",
    "siad": "said",
    "sais": "says",
    "sayes": "says",
    "toled": "told",
    "annouced": "announced",
    "anounced": "announced",
    "claimd": "claimed",
    "stateed": "stated",
}
_SPEECH_TYPO = re.compile(r"\b(" + "|".join(SPEECH_TYPOS) + r")\b")


# Text-message shorthand, written out so that its words are searched and its numbers
# counted ("5 hr talks", "150,000 ppl", "belarus hasnt let …"): a whole word in lower case
# only ("U.S." and "R." are no shorthand); "2" and "4" stay numbers.
SHORTHAND = {
    "w/": "with",
    "w/o": "without",
    "b/c": "because",
    "&": "and",
    "u": "you",
    "r": "are",
    "ur": "your",
    "thru": "through",
    "abt": "about",
    "ppl": "people",
    "govt": "government",
    "govts": "governments",
    "pres": "president",
    "spox": "spokesman",
    "dept": "department",
    "intl": "international",
    "mtg": "meeting",
    "mtgs": "meetings",
    "conf": "conference",
    "wk": "week",
    "wks": "weeks",
    "hr": "hour",
    "hrs": "hours",
    "yr": "year",
    "yrs": "years",
    "tmrw": "tomorrow",
    "thx": "thanks",
    "pls": "please",
    "bc": "because",
}
_SHORTHAND = re.compile(
    r"(?<!\S)(" + "|".join(re.escape(k) for k in sorted(SHORTHAND, key=len, reverse=True)) + r")"
    r"(?=[\s,.;:!?]|$)"
)
# a negation or a contraction typed without its apostrophe ("hasnt", "theres"; not "its")
_NO_APOSTROPHE = re.compile(
    r"\b(?:(?P<neg>has|is|was|were|are|did|does|do|could|would|should|have|had|must|ca|wo)nt"
    r"|(?P<be>there|who|that|what|he|she)s)\b"
)


def _apostrophe(m: re.Match) -> str:
    if m["neg"]:
        return m["neg"] + "n't"
    return m["be"] + "'s"


_LINE_BREAK = re.compile(r"\s+/\s+")


def written_out(text: str) -> str:
    """``text`` with text-message shorthand written out and its apostrophes put back."""
    text = _SHORTHAND.sub(lambda m: SHORTHAND[m.group(1)], text)
    return _NO_APOSTROPHE.sub(_apostrophe, text)


def clean_statement(text: str) -> str:
    """A statement without the parts of a pasted post that are not its claim, with its
    verb of saying spelt right and its text-message shorthand written out.

    Text with no link, no signature, no ``#``/``@`` tag, no misspelt verb of saying and
    no shorthand is returned unchanged.
    """
    text = written_out(_SPEECH_TYPO.sub(lambda m: SPEECH_TYPOS[m.group(1)], text))
    # a subtitle's line break ("… is working / to send Ukraine …")
    text = _LINE_BREAK.sub(" ", text)
    if "#" not in text and "@" not in text and "//" not in text and "www." not in text:
        return text
    cleaned = _SIGNATURE.sub(lambda m: " — " + m.group("author"), text)
    cleaned = _URL.sub(" ", cleaned)
    cleaned = _TAG.sub(_split_tag, cleaned)
    cleaned = " ".join(cleaned.split())
    return cleaned or text
