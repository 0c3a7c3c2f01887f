"""Who asserts a sentence (claimant) and through which medium (source).

``PersonRegistry`` collects the people named in an article and maps later
mentions (surname, misspelling, other transliteration) to the full name first
introduced. ``attribute`` finds the speech verb of a sentence, its subject
(name, pronoun, role such as "the adviser", or a group such as "Ukrainian
officials"), the medium ("told Fox News", "on Twitter", "according to Russian
news agencies") and which parts of the sentence are attribution, so the claim
text can be rendered without them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from service.extraction.data import (
    DEMONYMS,
    KNOWN_PEOPLE,
    NON_NAME_WORDS,
    ORG_VARIANTS,
    PLACE_VARIANTS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SOURCE_NAMES,
    SPEECH_VERBS,
    TITLE_WORDS,
)
from service.extraction.details import find_name_runs

# ----------------------------------------------------------------- registry


def _first_last(name: str) -> tuple[str, str]:
    parts = name.split()
    return parts[0], parts[-1]


_ROLE_ALT = "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
_LEAD_COMMA_RE = re.compile(
    rf",\s*(?:(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}?(?:{_ROLE_ALT})\s+)?$", re.IGNORECASE
)
_APPOSITIVE_ROLE_RE = re.compile(
    rf"\s*,\s+(?:(?:a|an|the)\s+|[A-Z][\w-]*['’]s\s+)(?:[\w-]+\s+){{0,4}}?({_ROLE_ALT})\b",
    re.IGNORECASE,
)
_PRE_ROLE_RE = re.compile(rf"\b({_ROLE_ALT})(?:\s+and\s+\w+)?\s*$", re.IGNORECASE)

# Description phrases ("NAME, a senior member of X," / "a senior member of X, NAME,"): the
# whole appositive, ended by a comma, a quote, the sentence's end or the reporting clause.
MAX_DESCRIPTION_WORDS = 12  # longer coordinated phrases are split at "and"
MAX_DESCRIPTIONS = 3  # per person and article
_SPEECH_ALT = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_DESCRIPTION_END = (
    r"(?=\s*(?:[,;:()\[\]\"“”«»]|[.!?]?\s*$)"
    rf"|\s+(?:{_SPEECH_ALT}|speaks|spoke|speaking|was|is|were|are|has|have|had|will|would|"
    r"who|whom|whose|which|that|later|earlier|reportedly|also|previously)\b"
    r"|\s+(?:on|via|in\s+an?\s+\w+\s+on)\s+(?:Twitter|Telegram|Facebook|Instagram)\b)"
)
_DESCRIPTION_AFTER_RE = re.compile(
    r"\s*,\s+(?P<app>(?:(?:a|an|the)\s+|[A-Z][\w-]*['’]s\s+(?=[a-z])|"
    rf"(?:{_ROLE_ALT})\s+(?:of|to|for|at)\s+)[^,;:()\[\]\"“”«»]{{2,200}}?){_DESCRIPTION_END}"
)
_DESCRIPTION_BEFORE_RE = re.compile(
    r"(?:^|[,;:]\s+|\b(?:Meanwhile|However|But|And|Separately|Earlier|Later)\s*,?\s+)"
    r"(?P<app>(?:(?:a|an|the)\s+|[A-Z][\w-]*['’]s\s+(?=[a-z]))[^,;:()\[\]\"“”«»·]{3,200}?)"
    r",\s+$"
)
_DESCRIPTION_ROLE_RE = re.compile(rf"\b(?:{_ROLE_ALT})\b", re.IGNORECASE)


def _descriptions(raw: str) -> list[str]:
    """Cleaned role phrases of an appositive: a long one split into its coordinated roles
    ("a member of the delegation and head of the X Committee" gives both); phrases that
    name no role ("part of the negotiating team") or still run too long are dropped."""
    phrase = " ".join(raw.replace("’", "'").split()).strip(" ,.;:")
    parts = [phrase]
    if len(phrase.split()) > MAX_DESCRIPTION_WORDS:
        parts = re.split(r"\s+(?:and|as well as)\s+", phrase)
    return [
        p
        for p in parts
        if len(p.split()) <= MAX_DESCRIPTION_WORDS and _DESCRIPTION_ROLE_RE.search(p)
    ]


_TITLE_MODIFIERS = frozenset(
    [
        "senior",
        "top",
        "chief",
        "deputy",
        "former",
        "foreign",
        "defence",
        "defense",
        "prime",
        "vice",
        "acting",
        "lead",
        "special",
        "interior",
        "state",
        "presidential",
    ]
)
_ROLE_WORDS = frozenset(r.lower() for r in ROLE_NOUNS)


def _title_before(chunk: str, s: int) -> str | None:
    """A title written before the name: "Ukrainian presidential adviser and negotiator"."""
    words = re.findall(r"\S+", chunk[max(0, s - 120) : s])
    if not words or not chunk[:s].endswith((" ", "\n")):
        return None
    taken: list[str] = []
    for word in reversed(words):
        low = word.lower()
        if len(taken) >= 6 or not re.fullmatch(r"[A-Za-z][\w-]*", word):
            break
        if low == "and" and taken and taken[0].lower() in _ROLE_WORDS:
            taken.insert(0, word)
            continue
        if taken and taken[0].lower() == "and" and low not in _ROLE_WORDS:
            break
        if (
            low in _ROLE_WORDS
            or low in _TITLE_MODIFIERS
            or word in DEMONYMS
            or word in TITLE_WORDS
            or word in _PLACE_NAMES
            or word in _ORG_NAMES
            or (word.islower() and low.endswith(("ial", "ian")))
        ):
            taken.insert(0, word)
            continue
        break
    while taken and taken[0].lower() == "and":
        taken = taken[1:]
    if len(taken) < 2 or taken[-1].lower() not in _ROLE_WORDS:
        return None
    return " ".join(taken)


def _same_description(a: str, b: str) -> bool:
    """Near-duplicates: "a senior member of Moscow's team" / "... of Russia's team"."""
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) / len(wa | wb) >= 0.7


@dataclass
class PersonRegistry:
    """People named in one article, with their roles."""

    names: list[str] = field(default_factory=list)  # canonical full names, in order
    alias: dict[str, str] = field(default_factory=dict)  # full-name variant -> canonical
    surnames: dict[str, str] = field(default_factory=dict)  # surname -> canonical
    roles: dict[str, set[str]] = field(default_factory=dict)  # canonical -> role nouns
    # canonical -> appositive role phrases, first seen first
    descriptions: dict[str, list[str]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # canonical -> first title seen

    def add(self, name: str) -> str:
        if name in self.alias:
            return self.alias[name]
        first, last = _first_last(name)
        for canon in self.names:
            cf, cl = _first_last(canon)
            same_last = cl == last or (
                len(last) >= 5 and last[0] == cl[0] and Levenshtein.distance(last, cl) <= 2
            )
            if same_last and (
                first == cf or (first[0] == cf[0] and Levenshtein.distance(first, cf) <= 2)
            ):
                self.alias[name] = canon
                return canon
        self.names.append(name)
        self.alias[name] = name
        self.surnames.setdefault(last, name)
        return name

    def add_role(self, canon: str, role: str) -> None:
        self.roles.setdefault(canon, set()).add(role.lower())

    def add_description(self, canon: str, raw: str) -> None:
        for phrase in _descriptions(raw):
            known = self.descriptions.setdefault(canon, [])
            if len(known) < MAX_DESCRIPTIONS and not any(
                _same_description(phrase, k) for k in known
            ):
                known.append(phrase)

    def description(self, canon: str | None) -> str | None:
        """What a claim carries about its claimant: the person's appositive role phrases
        in first-seen order, joined with "; " while they fit in ``MAX_DESCRIPTION_WORDS``
        (always the first), else the title written before the name ("Ukrainian
        negotiator"), else None.

        The budget keeps the claim's index row short: a long row lowers its BM25 score."""
        phrases = self.descriptions.get(canon or "")
        if not phrases:
            return self.titles.get(canon or "")
        taken = [phrases[0]]
        for phrase in phrases[1:]:
            if len(" ".join([*taken, phrase]).split()) > MAX_DESCRIPTION_WORDS:
                break
            taken.append(phrase)
        return "; ".join(taken)

    def resolve(self, mention: str) -> str | None:
        """Canonical full name for a mention, or None when it is not a known person."""
        mention = mention.strip()
        if mention in self.alias:
            return self.alias[mention]
        parts = mention.split()
        if len(parts) >= 2:
            for canon in self.names:
                cf, cl = _first_last(canon)
                if parts[-1] == cl and parts[0][0] == cf[0]:
                    return canon
            return None
        word = parts[0] if parts else ""
        if not word or word in NON_NAME_WORDS:
            return None
        if word in self.surnames:
            return self.surnames[word]
        if len(word) >= 5:
            best = None
            for last, canon in self.surnames.items():
                if last[0] == word[0] and Levenshtein.distance(last, word) <= 2:
                    best = canon
                    break
            if best:
                return best
        return KNOWN_PEOPLE.get(word)

    def role_holder(self, role: str) -> str | None:
        for canon in reversed(self.names):
            if role in self.roles.get(canon, ()):
                return canon
        return None


def build_registry(text: str, spans: list[tuple[int, int]]) -> PersonRegistry:
    """Collect people (and their roles) from the given spans of ``text``."""
    reg = PersonRegistry()
    for a, b in spans:
        chunk = text[a:b]
        for s, e, name in find_name_runs(chunk):
            canon = reg.add(name)
            m = _APPOSITIVE_ROLE_RE.match(chunk, e)
            if m:
                reg.add_role(canon, m.group(1))
            d = _DESCRIPTION_AFTER_RE.match(chunk, e)
            if d:
                reg.add_description(canon, d["app"])
            if chunk[e : e + 1] == ",":
                d = _DESCRIPTION_BEFORE_RE.search(chunk, 0, s)
                if d:
                    reg.add_description(canon, d["app"])
            title_phrase = _title_before(chunk, s)
            if title_phrase and canon not in reg.titles:
                reg.titles[canon] = title_phrase
            pre = _PRE_ROLE_RE.search(chunk[max(0, s - 60) : s])
            if pre:
                reg.add_role(canon, pre.group(1))
                if " and " in pre.group(0):
                    reg.add_role(canon, pre.group(0).split()[-1])
            title = re.search(
                r"\b(President|Minister|Secretary|Spokesman|Ambassador)\s*$",
                chunk[max(0, s - 30) : s],
            )
            if title:
                reg.add_role(canon, title.group(1))
    return reg


# ---------------------------------------------------------------- attribution

_VERB_ALT = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_VERB_RE = re.compile(
    rf"\b(?:(?:was|were|is|are|has been|have been)\s+quoted(?:\s+\w+)?\s+by\s+[^,.;]{{1,60}}?"
    rf"\s+as\s+saying|(?:cited|quoted)\s+(?:him|her|them)\s+as\s+saying|(?:{_VERB_ALT}))\b"
)
_ADVERBIAL_TAIL_RE = re.compile(
    r"\s*\b(?:(?:on|late|early|earlier|later|last|this|late on|early on)\s+)?"
    r"(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|week|night|morning|evening|"
    r"afternoon|also|however|then|again|already|has|have|had|was|were|is|are|would|will|"
    r"reportedly|earlier|later|separately|previously|recently|too|once|repeatedly|publicly|"
    r"first|further|meanwhile|today|yesterday|still)\s*$",
    re.IGNORECASE,
)
_FINITE_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|"
    r"do|does|did|\w{3,}ed)\b"
)
_TRAILING_ATTRIBUTION_RE = re.compile(
    r",\s+(?:according to [^,·]{1,60}|(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,4}\s+(?:reported|"
    r"said|cited him as saying)(?:\s+[\w’'-]+){0,3})\s*$"
)
_PRONOUN_END_RE = re.compile(r"\b(he|she|they|He|She|They)\s*$")
_ROLE_NP_END_RE = re.compile(
    rf"\b(?P<det>the|an?|his|her|their|[A-Z][\w-]*['’]s)\s+(?P<mods>(?:[\w-]+\s+){{0,4}}?)"
    rf"(?P<role>{_ROLE_ALT})\s*$",
    re.IGNORECASE,
)
_AGENT_NOUNS = frozenset(
    [
        "officials",
        "negotiators",
        "sides",
        "side",
        "delegation",
        "delegations",
        "government",
        "ministry",
        "municipality",
        "office",
        "authorities",
        "agencies",
        "agency",
        "military",
        "army",
        "forces",
        "diplomats",
        "leaders",
        "police",
        "administration",
        "council",
        "committee",
        "parliament",
        "lawmakers",
        "sources",
        "residents",
        "witnesses",
        "analysts",
        "experts",
        "media",
        "team",
        "presidency",
        "kremlin",
        "pentagon",
        "officers",
        "spokespeople",
        "organisers",
        "organizers",
        "prosecutors",
        "investigators",
        "observers",
        "monitors",
    ]
)
_SUBORDINATORS = frozenset(
    [
        "after",
        "before",
        "when",
        "as",
        "since",
        "because",
        "while",
        "although",
        "though",
        "if",
        "that",
        "which",
        "what",
        "who",
        "whom",
        "where",
        "how",
        "once",
        "until",
        "unless",
        "whether",
        "than",
    ]
)
_NP_STOP = frozenset(
    [
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "from",
        "into",
        "about",
        "over",
        "under",
        "between",
        "during",
        "against",
        "through",
        "come",
        "comes",
        "came",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
    ]
)
_PLACE_NAMES = frozenset(k for k in PLACE_VARIANTS) | frozenset(
    v for vs in PLACE_VARIANTS.values() for v in vs
)
_ORG_NAMES = frozenset(k for k in ORG_VARIANTS) | frozenset(
    v for vs in ORG_VARIANTS.values() for v in vs
)

_SOURCE_ALIASES: dict[str, str] = {}
for _canon, _alts in ORG_VARIANTS.items():
    if _canon in SOURCE_NAMES:
        _SOURCE_ALIASES[_canon.lower()] = _canon
        for _a in _alts:
            _SOURCE_ALIASES[_a.lower()] = _canon
_SOURCE_ALT = "|".join(re.escape(k) for k in sorted(_SOURCE_ALIASES, key=len, reverse=True))
_MEDIA_NOUN = (
    r"(?:news agenc(?:y|ies)|agenc(?:y|ies)|broadcaster|television network|network|"
    r"channel|newspaper|daily|outlet|radio|television|TV|media|wire service)"
)
_GROUP_MEDIA_RE = re.compile(
    rf"\b((?:(?:[A-Z][a-z]+|state|official|local|foreign|western)\s+)?(?:state-run\s+)?"
    rf"{_MEDIA_NOUN})\b"
)
_SOURCE_PATTERNS: list[tuple[int, re.Pattern]] = [
    (
        0,
        re.compile(
            rf"\baccording to\s+(?:the\s+)?(?:state-run\s+|state\s+)?(?P<src>{_SOURCE_ALT}"
            rf"|(?:[A-Z][a-z]+\s+)?news agencies|state media)\b",
            re.IGNORECASE,
        ),
    ),
    (
        1,
        re.compile(
            rf"\bquoted(?:\s+\w+)?\s+by\s+(?:the\s+)?(?:state-run\s+|state\s+)?"
            rf"(?:[A-Z][\w-]*['’]s\s+)?(?P<src>{_SOURCE_ALT}|(?:[A-Z][a-z]+\s+)?news "
            rf"agencies|state media)\b",
            re.IGNORECASE,
        ),
    ),
    (
        2,
        re.compile(
            rf"\b(?:the\s+)?(?P<src>{_SOURCE_ALT})(?:\s+{_MEDIA_NOUN})?\s+"
            rf"(?:reported|said|cited|quoted)\b",
            re.IGNORECASE,
        ),
    ),
    (2, re.compile(r"\b(?P<src>(?:[A-Z][a-z]+\s+)?(?:news\s+)?agencies)\s+(?:cited|quoted)\b")),
    (
        3,
        re.compile(
            rf"\b(?:told|tells|speaking to|in an interview with|interviewed by|wrote in|"
            rf"writing in)\s+(?:the\s+)?(?:state-run\s+|state\s+|pro-\w+\s+)?"
            rf"(?:(?:television|TV)\s+(?:network|channel)\s+|news agency\s+|"
            rf"broadcaster\s+|newspaper\s+)?(?P<src>{_SOURCE_ALT}|state media|the network|"
            rf"the broadcaster|the agency|the channel|the newspaper)\b",
            re.IGNORECASE,
        ),
    ),
    (
        4,
        re.compile(
            r"\b(?:on\s+|in\s+an?\s+|via\s+)?(?P<src>Twitter|tweet(?:ed|ing|s)?|"
            r"Telegram|Facebook|Instagram|YouTube)\b",
            re.IGNORECASE,
        ),
    ),
]


@dataclass
class Attribution:
    """The attribution of one sentence."""

    claimant: str | None = None
    source: str | None = None
    is_person: bool = False
    mode: str = "none"  # head | tail | paren | quote_tail | none
    that: bool = False  # a "said that" complement
    remove: list[tuple[int, int]] = field(default_factory=list)  # local ranges to drop
    content: tuple[int, int] | None = None  # local range carrying the claim
    roles: tuple[str, ...] = ()
    start: int = 0  # local start of the claim passage when the attribution leads it


@dataclass
class ArticleContext:
    """What the attribution of later sentences depends on."""

    registry: PersonRegistry
    last_speaker: str | None = None  # last person claimant
    last_claimant: str | None = None
    role_speakers: dict[str, str] = field(default_factory=dict)
    last_network: str | None = None
    last_agencies: str | None = None


def mask_quotes(text: str, quotes: list[tuple[int, int]]) -> str:
    """``text`` with everything inside quotation marks replaced by '·' (same length)."""
    chars = list(text)
    for a, b in quotes:
        inner_end = b - 1 if b - 1 > a and text[b - 1] in "”\"’'»" else b
        for i in range(a + 1, inner_end):
            chars[i] = "·"
    return "".join(chars)


def _normalise_source(raw: str, ctx: ArticleContext) -> str | None:
    low = raw.lower().strip()
    if low in _SOURCE_ALIASES:
        return _SOURCE_ALIASES[low]
    if low.startswith("tweet") or low == "twitter":
        return "Twitter"
    if low in ("the network", "the broadcaster", "the channel", "the agency", "the newspaper"):
        return ctx.last_network
    if low.endswith("agencies"):
        if low in ("agencies", "news agencies") and ctx.last_agencies:
            return ctx.last_agencies
        return raw.strip()[0].upper() + raw.strip()[1:]
    if low == "state media":
        return "state media"
    return raw.strip()


def find_source(masked: str, ctx: ArticleContext) -> str | None:
    """The medium a statement came through, by priority of the cue."""
    best: tuple[int, str] | None = None
    for prio, rx in _SOURCE_PATTERNS:
        for m in rx.finditer(masked):
            src = _normalise_source(m["src"], ctx)
            if src and (best is None or prio < best[0]):
                best = (prio, src)
            break
    if best is None:
        return None
    src = best[1]
    if src.endswith("agencies"):
        ctx.last_agencies = src
    elif src not in ("Twitter", "state media", "Telegram", "Facebook", "Instagram", "YouTube"):
        ctx.last_network = src
    return src


def _strip_adverbials(region: str) -> str:
    prev = None
    while prev != region:
        prev = region
        region = _ADVERBIAL_TAIL_RE.sub("", region).rstrip()
    return region


def _remove_appositive(region: str) -> str:
    """'Mykhailo Podolyak, an adviser to X,' -> 'Mykhailo Podolyak'."""
    if not region.endswith(","):
        return region
    body = region[:-1].rstrip()
    # look for the comma that opens the appositive
    for m in reversed(list(re.finditer(r",\s+", body))):
        app = body[m.end() :]
        first = app.split()[0] if app.split() else ""
        if (
            first[:1].islower()
            or re.match(r"[A-Z][\w-]*['’]s\s+[a-z]", app)
            or first
            in (
                "A",
                "An",
                "The",
            )
        ):
            return body[: m.start()].rstrip()
        break
    return body


@dataclass
class _Subject:
    start: int  # local start of the subject phrase
    end: int
    claimant: str | None
    is_person: bool
    roles: tuple[str, ...] = ()


def _subject_at_end(region: str, ctx: ArticleContext, sentence: str) -> _Subject | None:
    """The subject phrase ending ``region``."""
    end = len(region)
    m = _PRONOUN_END_RE.search(region)
    if m:
        who = ctx.last_speaker or ctx.last_claimant
        return _Subject(m.start(), end, who, who is not None and who == ctx.last_speaker)
    runs = [r for r in find_name_runs(region) if r[1] >= end - 3]
    if runs:
        s, _e, name = runs[-1]
        canon = ctx.registry.resolve(name) or name
        return _Subject(s, end, canon, True, tuple(ctx.registry.roles.get(canon, ())))
    m = _ROLE_NP_END_RE.search(region)
    if m:
        role = m["role"].lower()
        det = m["det"].lower()
        phrase = region[m.start() : end]
        if det == "the" and not m["mods"].strip():
            who = ctx.role_speakers.get(role) or ctx.registry.role_holder(role)
            if who:
                return _Subject(m.start(), end, who, who in ctx.registry.names, (role,))
        if det.endswith(("’s", "'s")):
            owner = ctx.registry.resolve(m["det"][:-2]) or m["det"][:-2]
            for canon in reversed(ctx.registry.names):
                if canon != owner and role in ctx.registry.roles.get(canon, ()):
                    return _Subject(m.start(), end, canon, True, (role,))
        claimant = re.sub(r"^(?:the|an?)\s+", "", phrase, flags=re.IGNORECASE)
        if role in ("member", "head"):
            return None
        return _Subject(m.start(), end, claimant, False, (role,))
    m = re.search(r"\b([A-Z][\w-]+)(?:['’]s)?\s*$", region)
    if m:
        word = m.group(1)
        canon = ctx.registry.resolve(word)
        if canon:
            return _Subject(m.start(), end, canon, True, tuple(ctx.registry.roles.get(canon, ())))
    # a group or an institution: "Ukrainian officials", "the Jerusalem municipality", "Ukraine"
    words = list(re.finditer(r"[\w'’-]+", region))
    take: list[re.Match] = []
    for w in reversed(words):
        gap = region[w.end() : (take[0].start() if take else end)]
        if re.search(r"[,;:—–()\"“”]", gap):
            break
        low = w.group(0).lower()
        if low in _NP_STOP or low in _SUBORDINATORS or len(take) >= 6:
            break
        take.insert(0, w)
    if not take:
        return None
    head = re.sub(r"['’]s$", "", take[-1].group(0))
    while take and take[0].group(0).lower() in (
        "meanwhile",
        "however",
        "earlier",
        "later",
        "also",
        "but",
        "and",
        "so",
        "then",
        "now",
    ):
        take = take[1:]
    if not take:
        return None
    if not (head.lower() in _AGENT_NOUNS or head in _PLACE_NAMES or head in _ORG_NAMES):
        return None
    phrase = region[take[0].start() : end]
    phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
    return _Subject(take[0].start(), end, phrase, False)


def _preceded_by_subordinator(region: str, start: int) -> bool:
    m = re.search(r"([\w'’]+)\W*$", region[:start])
    return bool(m and m.group(1).lower() in _SUBORDINATORS)


def attribute(sentence: str, quotes: list[tuple[int, int]], ctx: ArticleContext) -> Attribution:
    """Attribution of one sentence; ``quotes`` are local quoted stretches."""
    masked = mask_quotes(sentence, quotes)
    att = Attribution()
    for vm in _VERB_RE.finditer(masked):
        verb = vm.group(0).split()[-1]
        vstart, vend = vm.start(), vm.end()
        before = masked[:vstart]
        # the clause the subject lives in starts after the last closing quote
        qclose = max((b for a, b in quotes if b <= vstart), default=0)
        region_full = before
        inverted = None
        after = masked[vend:]
        if re.search(r"(?:,|[”\"’'])\s*$", before.rstrip() if before.strip() else ",") and (
            verb in ("said", "says", "added", "wrote", "continued", "noted", "claimed")
        ):
            runs = find_name_runs(after[:80])
            nm = re.match(
                rf"\s+(?P<np>(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?:{_ROLE_ALT}))\b",
                after,
                re.IGNORECASE,
            )
            if runs and runs[0][0] <= 2:
                s, e, name = runs[0]
                canon = ctx.registry.resolve(name) or name
                inverted = _Subject(
                    vend + s, vend + e, canon, True, tuple(ctx.registry.roles.get(canon, ()))
                )
            elif nm and not _PRONOUN_END_RE.search(before):
                region_np = nm.group("np")
                sub = _subject_at_end(region_np, ctx, sentence)
                if sub:
                    inverted = _Subject(
                        vend + nm.start("np"),
                        vend + nm.end("np"),
                        sub.claimant,
                        sub.is_person,
                        sub.roles,
                    )
        if re.match(r"(?:cited|quoted)\s+(?:him|her|them)", vm.group(0)):
            # "agencies cited him as saying": the speaker is the one already speaking
            who = ctx.last_speaker
            if who is None:
                continue
            inverted = _Subject(vstart, vend, who, True, ())
            agent = re.search(r"([\w'’-]+(?:\s+[\w'’-]+){0,2})\s*$", before)
            if agent:
                inverted = _Subject(agent.start(1), vend, who, True, ())
        if inverted is not None:
            subj = inverted
            clause_start = qclose
        else:
            region = region_full[qclose:]
            stripped = _strip_adverbials(region.rstrip())
            if not stripped.strip():
                continue
            if (verb.endswith("ing") and verb not in ("saying",)) or (
                verb == "saying" and "quoted" not in vm.group(0)
            ):
                # participle: the subject of the main clause ("Podolyak made ..., saying")
                subj = None
                for s, e, name in find_name_runs(stripped):
                    if not re.search(
                        r"\b(?:to|of|for|by|with|from|at|in|on)\s+(?:\w+\s+)?$", stripped[:s]
                    ):
                        canon = ctx.registry.resolve(name) or name
                        subj = _Subject(
                            qclose + s,
                            qclose + e,
                            canon,
                            True,
                            tuple(ctx.registry.roles.get(canon, ())),
                        )
                        break
                if subj is None:
                    pm = re.search(r"\b(he|she|He|She)\b", stripped)
                    if pm:
                        who = ctx.last_speaker
                        subj = _Subject(qclose + pm.start(), qclose + pm.end(), who, True)
                    else:
                        for sm in re.finditer(r"(?<![\w-])([A-Z][a-z]{3,})\b", stripped):
                            canon = ctx.registry.resolve(sm.group(1))
                            if canon:
                                subj = _Subject(qclose + sm.start(), qclose + sm.end(), canon, True)
                                break
                if subj is None or subj.claimant is None:
                    continue
                clause_start = qclose
            else:
                stripped = re.sub(
                    r"\s+(?:quoted|cited|interviewed|speaking|writing)\s+(?:by|to|in|on)\s+"
                    r"[^,;·]{1,60}$",
                    "",
                    stripped,
                )
                core = _remove_appositive(stripped.rstrip())
                sub = _subject_at_end(core, ctx, sentence)
                if sub is None:
                    continue
                if _preceded_by_subordinator(core, sub.start):
                    continue
                subj = _Subject(
                    qclose + sub.start, qclose + sub.end, sub.claimant, sub.is_person, sub.roles
                )
                clause_start = qclose
        att.claimant = subj.claimant
        att.is_person = subj.is_person
        att.roles = subj.roles
        n = len(sentence)
        end_trim = n
        while end_trim > 0 and sentence[end_trim - 1] in ".!? ":
            end_trim -= 1
        # where does the attribution sit?
        prefix = masked[clause_start : min(subj.start, vstart)]
        if qclose and quotes and clause_start == qclose and not prefix.strip(" ,"):
            # “...,” he said (, according to ...)
            att.mode = "quote_tail"
            att.content = (0, qclose)
            adding = re.search(r",\s+(?:adding|noting)\s+that\b", masked[qclose:end_trim])
            att.remove = [(qclose, qclose + adding.start() if adding else end_trim)]
        else:
            lead = masked[: min(subj.start, vstart)]
            tail_after = masked[vend:end_trim]
            that = re.match(r"(?:[^·“”\".;]{0,80}?)\bthat\b", tail_after)
            # "…, Podolyak said" / "…, negotiator Jane Doe said": the lead ends at a comma,
            # possibly followed by the speaker's role
            lead_comma = _LEAD_COMMA_RE.search(lead) if lead.strip() else None
            lead_ends_comma = lead_comma is not None
            lead_is_clause = lead_ends_comma and bool(_FINITE_RE.search(lead))
            paren = None
            if inverted is None and lead_ends_comma:
                paren = re.match(r"^(?:\s+\w+){0,2}\s*,\s*(?=\S)", tail_after)
                if paren and len(tail_after[paren.end() :].split()) < 3:
                    paren = None
            if inverted is not None or paren or (lead_is_clause and not that):
                cut = (
                    len(lead[: lead_comma.start()].rstrip())
                    if inverted is None and lead_comma is not None
                    else len(lead.rstrip().rstrip(",").rstrip())
                    if inverted is None
                    else (len(masked[:vstart].rstrip().rstrip(",").rstrip()))
                )
                if paren and len(tail_after[paren.end() :].split()) >= 3:
                    att.mode = "paren"
                    att.remove = [(cut, vend + paren.end() - 1)]
                    att.content = (0, end_trim)
                else:
                    att.mode = "tail"
                    att.remove = [(cut, end_trim)]
                    att.content = (0, cut)
            else:
                att.mode = "head"
                between = masked[subj.end : vstart]
                if subj.end <= vstart and "," in between:
                    k = subj.end + between.rfind(",") + 1
                    while k < vstart and masked[k].isspace():
                        k += 1
                    att.start = k
                else:
                    att.start = 0
                if that:
                    att.that = True
                    cut = vend + that.end()
                elif verb in REPORTING_VERBS:
                    adv = re.match(
                        r"(?:\s+(?:on|late|early|late on|earlier|later|last)?\s*(?:Sunday|Monday|"
                        r"Tuesday|Wednesday|Thursday|Friday|Saturday|this week|last week))?",
                        tail_after,
                    )
                    cut = vend + (adv.end() if adv else 0)
                    if verb in ("told", "tells"):
                        cut = vend
                        att.that = False
                        cut = -1
                else:
                    cut = -1
                if cut > 0:
                    att.remove = [(0, cut)]
                att.content = (0, end_trim)
        if att.mode == "head":
            tail = _TRAILING_ATTRIBUTION_RE.search(masked, 0, end_trim)
            if tail and tail.start() > vend:
                att.remove.append((tail.start(), end_trim))
        att.source = find_source(masked, ctx)
        if att.is_person and att.claimant:
            ctx.last_speaker = att.claimant
            for role in att.roles:
                ctx.role_speakers[role.lower()] = att.claimant
        elif att.claimant and att.roles:
            for role in att.roles:
                ctx.role_speakers[role.lower()] = att.claimant
        if att.claimant:
            ctx.last_claimant = att.claimant
        return att
    # no speech verb: "according to X" still attributes
    m = re.search(r"\baccording to\s+(?:the\s+)?(?P<who>[^,.;·]{2,60})", masked)
    if m:
        src = find_source(masked, ctx)
        who = m["who"].strip()
        runs = find_name_runs(who)
        if (src and src.lower() in who.lower()) or (src and who.lower().endswith("agencies")):
            att.source = src
        elif runs:
            att.claimant = ctx.registry.resolve(runs[0][2]) or runs[0][2]
            att.is_person = True
        elif not re.match(r"(?:comments|reports?|a|an)\b", who):
            att.claimant = who
        if att.claimant or att.source:
            cut = m.start()
            while cut > 0 and masked[cut - 1] in " ,":
                cut -= 1
            att.mode = "tail"
            att.remove = [(cut, len(sentence.rstrip(". ")))]
            att.content = (0, cut)
    return att
