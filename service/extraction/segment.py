"""Rule-based segmentation of an article into typed, sentence-like units.

The article is first cut into lines (paragraphs); each line is typed as
``content``, ``caption``, ``heading``, ``furniture`` or ``foreign`` from
general cues (credit in parentheses, newsletter phrases, bylines, a date alone,
script of the letters...). Content, caption and foreign lines are then split
into sentences with exact offsets; quotation marks are tracked per paragraph so
every sentence knows which of its characters are inside a quote and whether it
starts or ends inside an open quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from service.domain import Segment
from service.extraction.data import FURNITURE_PATTERNS, MONTHS

# ------------------------------------------------------------------ line typing

_FURNITURE_RE = [re.compile(p, re.IGNORECASE) for p in FURNITURE_PATTERNS]
# "By [AFP](#)" style bylines are matched case-sensitively on the capital
_BYLINE_RE = re.compile(
    r"^By\s+(?:\[[^\]]{1,60}\]\([^)]*\)|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})"
    r"(?:\s*(?:,|and|&)\s*(?:\[[^\]]{1,60}\]\([^)]*\)|[A-Z][\w.'’-]*"
    r"(?:\s+[A-Z][\w.'’-]*){0,4}))*\s*$"
)
_MONTH_ALT = "|".join(sorted((m for m in MONTHS), key=len, reverse=True))
_DATE_LINE_RE = re.compile(
    rf"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?:(?:{_MONTH_ALT})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTH_ALT})\.?"
    rf",?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
    rf"(?:[,\s]+\d{{1,2}}:\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?$",
    re.IGNORECASE,
)
_TWEET_SIGNATURE_RE = re.compile(r"^[—–-]\s*\S.*\(@\w{1,30}\)\s*[A-Z][a-z]+\s+\d{1,2},\s*\d{4}\s*$")
_BREADCRUMB_RE = re.compile(r"^[^/>»|]{1,40}(?:\s*[/>»|]\s*[^/>»|]{1,40}){2,}$")
_CREDIT_WORDS_RE = re.compile(
    r"\b(?:via|photo|photos|photograph|images?|pool|file|handout|courtesy|credit|AFP|AP|Reuters|"
    r"Getty|EPA|TASS|Sputnik|Shutterstock|Xinhua|Anadolu|BelTA|Ria|Ukrinform|Press Service)\b",
    re.IGNORECASE,
)
_PAREN_CREDIT_RE = re.compile(r"\(([^()]{1,120})\)\s*$")
_BOLD_CREDIT_RE = re.compile(r"(?:\*\*|__|\*|_)([^*_\n]{2,80})(?:\*\*|__|\*|_)\s*$")
_MD_IMAGE_RE = re.compile(r"^!\[[^\]]*\]\([^)]*\)")
_MD_HEADING_RE = re.compile(r"^#{1,6}\s+\S")
_VERBISH_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|"
    r"do|does|did|says?|said|\w{3,}ed|\w{3,}s)\b"
)
_DATELINE_RE = re.compile(
    r"[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][\w.]+(?:\s[A-Z][\w.]+){0,2})?"
    r"(?:\s+\([A-Za-z]+\))?\s+[—–-]{1,2}\s+(?=[A-Z“\"])"
)
_WORD_RE = re.compile(r"[^\W_][\w'’.-]*")


def _letters(text: str) -> tuple[int, int, int, str]:
    """Return (latin, cyrillic, other, other-script code) letter counts."""
    latin = cyr = other = 0
    other_lang = ""
    for ch in text:
        if not ch.isalpha():
            continue
        o = ord(ch)
        if o < 0x250:
            latin += 1
        elif 0x400 <= o < 0x530:
            cyr += 1
        else:
            other += 1
            if not other_lang:
                if 0x590 <= o < 0x600:
                    other_lang = "he"
                elif 0x600 <= o < 0x700:
                    other_lang = "ar"
                elif 0x370 <= o < 0x400:
                    other_lang = "el"
                elif 0x3040 <= o < 0x3100:
                    other_lang = "ja"
                elif 0x4E00 <= o < 0xA000:
                    other_lang = "zh"
                elif 0xAC00 <= o < 0xD7B0:
                    other_lang = "ko"
                elif 0x10A0 <= o < 0x1100:
                    other_lang = "ka"
                elif 0x530 <= o < 0x590:
                    other_lang = "hy"
                else:
                    other_lang = "und"
    return latin, cyr, other, other_lang


_UK_ONLY = set("іїєґІЇЄҐ")
_RU_ONLY = set("ыэъёЫЭЪЁ")
_LATIN_STOP = {
    "en": set(
        [
            "the",
            "and",
            "of",
            "to",
            "in",
            "is",
            "that",
            "for",
            "on",
            "with",
            "was",
            "are",
            "by",
            "as",
            "at",
            "from",
            "it",
            "this",
            "have",
            "has",
        ]
    ),
    "fr": set(
        [
            "le",
            "la",
            "les",
            "des",
            "et",
            "est",
            "une",
            "du",
            "dans",
            "que",
            "pour",
            "sur",
            "pas",
            "qui",
            "au",
            "avec",
            "ce",
            "sont",
        ]
    ),
    "de": set(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "nicht",
            "mit",
            "den",
            "von",
            "zu",
            "ein",
            "eine",
            "auf",
            "dem",
            "des",
            "sich",
            "im",
            "für",
        ]
    ),
    "es": set(
        [
            "el",
            "la",
            "los",
            "las",
            "y",
            "es",
            "de",
            "que",
            "en",
            "un",
            "una",
            "por",
            "con",
            "para",
            "se",
            "del",
            "al",
            "como",
        ]
    ),
    "it": set(
        [
            "il",
            "lo",
            "gli",
            "le",
            "di",
            "che",
            "è",
            "e",
            "un",
            "una",
            "per",
            "con",
            "non",
            "sono",
            "della",
            "del",
            "nel",
        ]
    ),
}


def detect_language(text: str) -> str:
    """Guess the language of a short text from its script (and stop words for Latin)."""
    latin, cyr, other, other_lang = _letters(text)
    total = latin + cyr + other
    if total == 0:
        return "en"
    if cyr > total / 2:
        if any(ch in _UK_ONLY for ch in text):
            return "uk"
        if any(ch in _RU_ONLY for ch in text):
            return "ru"
        return "ru"
    if other > total / 2:
        return other_lang or "und"
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    if len(words) < 6:
        return "en"
    counts = {lang: sum(w in stop for w in words) for lang, stop in _LATIN_STOP.items()}
    best = max(counts, key=lambda k: counts[k])
    if best != "en" and counts[best] >= 3 and counts[best] > 2 * counts["en"]:
        return best
    return "en"


def _norm_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def credit_start(line: str) -> int | None:
    """Offset (in ``line``) where a trailing photo credit starts, or None."""
    m = _PAREN_CREDIT_RE.search(line)
    if m:
        inner = m.group(1)
        words = inner.split()
        if ("/" in inner or _CREDIT_WORDS_RE.search(inner)) and len(words) <= 12:
            before = line[: m.start()].rstrip()
            if len(before.split()) >= 3:
                return m.start()
    m = _BOLD_CREDIT_RE.search(line)
    if m:
        inner = m.group(1)
        if ("/" in inner or _CREDIT_WORDS_RE.search(inner)) and len(inner.split()) <= 10:
            before = line[: m.start()].rstrip()
            if len(before.split()) >= 3:
                return m.start()
    return None


def _is_furniture(line: str) -> bool:
    stripped = line.strip()
    if any(p.search(stripped) for p in _FURNITURE_RE):
        # long sentences that merely mention a newsletter are still content
        return len(stripped.split()) <= 30
    if _BYLINE_RE.match(stripped) or _DATE_LINE_RE.match(stripped):
        return True
    if (
        _BREADCRUMB_RE.match(stripped)
        and len(stripped.split()) <= 12
        and not re.search(r"[.!?,;]", stripped)
    ):
        return True
    if stripped.endswith(":") and len(stripped.split()) <= 12:
        return True
    return bool(re.fullmatch(r"[\W\d_]+", stripped))


def _looks_like_title(line: str) -> bool:
    words = line.split()
    if not words or len(words) > 25:
        return False
    if line.rstrip().endswith((".", "!", "?", ".”", '."')) and len(words) > 6:
        return False
    return True


def _short_label(line: str) -> bool:
    """A short verbless line such as 'Press TV News Roku' or 'Most Popular'."""
    words = line.split()
    if len(words) > 6 or line.rstrip().endswith((".", "!", "?", "”", '"')):
        return False
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return caps >= len(words) - 1 and not re.search(
        r"\b(?:is|are|was|were|has|have|had|said|says|will)\b", line
    )


# --------------------------------------------------------------- quote tracking

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_SINGLE_OPEN = "‘‚‹"
_SINGLE_CLOSE = "’›"
_OPEN_CONTEXT = " \t\n([{—–-/:;"


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted stretches ``[open, close]`` (inclusive of the marks) within ``text[start:end]``.

    A quote left open at ``end`` runs to ``end``. Apostrophes are ignored.
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []

    def close(kind: str, i: int) -> bool:
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == kind:
                spans.append((stack[k][1], i + 1))
                del stack[k:]
                return True
        return False

    for i in range(start, end):
        c = text[i]
        if c not in "\"'“”„«»‘’‚‹›":
            continue
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if c in _DOUBLE_OPEN:
            stack.append(('"', i))
        elif c in _DOUBLE_CLOSE:
            close('"', i)
        elif c == '"':
            has_open = any(k == '"' for k, _ in stack)
            if has_open and (not prev.isspace() or nxt.isspace() or nxt in ".,;:!?)"):
                close('"', i)
            elif prev in _OPEN_CONTEXT or prev in "“‘'" or i == start:
                stack.append(('"', i))
            elif has_open:
                close('"', i)
        elif c in _SINGLE_OPEN:
            if not nxt.isspace():
                stack.append(("'", i))
        elif c == "'" or c in _SINGLE_CLOSE:
            if prev.isalnum() and nxt.isalpha():
                continue  # apostrophe inside a word
            has_open = any(k == "'" for k, _ in stack)
            if has_open and not nxt.isalnum():
                close("'", i)
            elif (
                c == "'"
                and (prev in _OPEN_CONTEXT or prev in '“"' or i == start)
                and (nxt.isalpha())
            ):
                stack.append(("'", i))
    for _kind, i in stack:
        spans.append((i, end))
    spans.sort()
    # merge nested spans into their outer span
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


# ------------------------------------------------------------ sentence splitting

ABBREVIATIONS: frozenset[str] = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "maj",
        "adm",
        "st",
        "jr",
        "sr",
        "inc",
        "corp",
        "ltd",
        "co",
        "vs",
        "etc",
        "no",
        "nos",
        "vol",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "approx",
        "est",
        "dept",
        "univ",
        "assn",
        "bros",
        "rev",
        "hon",
        "pres",
        "supt",
        "det",
        "insp",
        "cmdr",
        "cpl",
        "pvt",
        "ave",
        "blvd",
        "rd",
        "mln",
        "bln",
        "tel",
        "ext",
        "op",
        "al",
        "ca",
        "cf",
    ]
)
_STARTERS = frozenset(
    [
        "The",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "But",
        "And",
        "In",
        "On",
        "At",
        "This",
        "That",
        "These",
        "Those",
        "A",
        "An",
        "However",
        "Meanwhile",
        "Earlier",
        "Later",
        "After",
        "Before",
        "Some",
        "Many",
        "Its",
        "His",
        "Her",
        "Their",
        "Our",
        "There",
        "Officials",
        "Both",
    ]
)
_CANDIDATE_RE = re.compile(r"[.!?…]+[”\"’'»)\]]*(?=\s)")


def _is_boundary(text: str, p: int, q: int, end: int) -> bool:
    """Is there a sentence boundary after ``text[p:q]`` (the punctuation run)?"""
    j = q
    while j < end and text[j].isspace():
        j += 1
    if j >= end:
        return False
    nxt = text[j]
    if nxt in "“\"‘'«[":
        k = j + 1
        if k < end and not (text[k].isupper() or text[k].isdigit()):
            return False
    elif not nxt.isupper():
        return False
    punct = text[p:q]
    if punct.startswith(".") and not punct.startswith(".."):
        m = re.search(r"([\w.\-]+)$", text[max(0, p - 30) : p])
        tok = m.group(1) if m else ""
        low = tok.lower().rstrip(".")
        if low in ABBREVIATIONS:
            return False
        if len(tok) == 1 and tok.isupper():
            return False  # an initial: "John F. Kennedy"
        if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", tok):
            # dotted acronym (U.S., H.R.): a boundary only before a typical sentence start
            word = re.match(r"[\w]+", text[j:])
            return bool(word and word.group(0) in _STARTERS)
    return True


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (trimmed of whitespace) within ``text[start:end]``."""
    out: list[tuple[int, int]] = []
    s = start
    for m in _CANDIDATE_RE.finditer(text, start, end):
        if _is_boundary(text, m.start(), m.end(), end):
            out.append((s, m.end()))
            s = m.end()
    out.append((s, end))
    return [span for a, b in out if (span := trim_span(text, a, b))]


def trim_span(text: str, a: int, b: int) -> tuple[int, int] | None:
    """``[a, b)`` without surrounding whitespace; None when nothing is left."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if a < b else None


# -------------------------------------------------------------------- segments


@dataclass
class Sentence:
    """A sentence with the extra knowledge the claim extractor needs."""

    start: int
    end: int
    kind: str
    language: str
    line: int  # index of the paragraph/line it belongs to
    quotes: list[tuple[int, int]] = field(default_factory=list)  # quoted stretches (global)
    opens_inside: bool = False  # starts inside a quote opened earlier in the paragraph
    ends_inside: bool = False  # a quote is still open at its end
    credit: int | None = None  # for captions: where the photo credit starts

    def in_quote(self, i: int) -> bool:
        return any(a <= i < b for a, b in self.quotes)

    def quoted_chars(self, a: int, b: int) -> int:
        return sum(max(0, min(b, qe) - max(a, qs)) for qs, qe in self.quotes)


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        a, b = pos, pos + len(raw)
        pos = b
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def classify_lines(
    text: str, lines: list[tuple[int, int]], title: str | None = None
) -> list[tuple[str, str]]:
    """(kind, language) for every line."""
    kinds: list[tuple[str, str]] = []
    heading_texts: set[str] = set()
    if title:
        heading_texts.add(_norm_line(title))
    seen_content = False
    for a, b in lines:
        line = text[a:b]
        norm = _norm_line(line)
        lang = detect_language(line)
        if _TWEET_SIGNATURE_RE.match(line):
            kind = (
                "foreign"
                if lang != "en" or any("\u0400" <= c < "\u0530" for c in line)
                else ("furniture")
            )
            if kind == "foreign" and lang == "en":
                lang = kinds[-1][1] if kinds and kinds[-1][0] == "foreign" else "und"
            kinds.append((kind, lang))
            continue
        if lang != "en":
            kinds.append(("foreign", lang))
            continue
        if _MD_HEADING_RE.match(line) or norm in heading_texts:
            kinds.append(("heading", lang))
            heading_texts.add(norm.lstrip("# "))
            continue
        if _MD_IMAGE_RE.match(line) or credit_start(line) is not None:
            kinds.append(("caption", lang))
            continue
        if _is_furniture(line):
            kinds.append(("furniture", lang))
            continue
        if not seen_content and not heading_texts and _looks_like_title(line):
            kinds.append(("heading", lang))
            heading_texts.add(norm)
            continue
        if _short_label(line):
            kinds.append(("heading" if not seen_content else "short", lang))
            continue
        kinds.append(("content", lang))
        seen_content = True
    # short labels after the last content line are page furniture, else sub-headings
    last_content = max((i for i, (k, _) in enumerate(kinds) if k == "content"), default=-1)
    fixed = []
    for i, (k, lang) in enumerate(kinds):
        if k == "short":
            k = "furniture" if i > last_content else "heading"
        fixed.append((k, lang))
    # a Cyrillic line without distinctive letters takes the language of its foreign neighbours
    for i, (k, lang) in enumerate(fixed):
        if k == "foreign" and lang == "ru":
            a, b = lines[i]
            if not any(ch in _RU_ONLY for ch in text[a:b]):
                for j in (i - 1, i + 1):
                    if 0 <= j < len(fixed) and fixed[j][0] == "foreign" and fixed[j][1] == "uk":
                        fixed[i] = (k, "uk")
                        break
    return fixed


def _merge_fragments(text: str, spans: list[tuple[int, int]], quotes) -> list[tuple[int, int]]:
    """Glue a tiny quoted lead-in ("“To clarify.") to the sentence that follows."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        a, b = spans[i]
        words = text[a:b].split()
        if (
            i + 1 < len(spans)
            and len(words) <= 2
            and any(qs <= a < qe and qe > b for qs, qe in quotes)
        ):
            out.append((a, spans[i + 1][1]))
            i += 2
            continue
        out.append((a, b))
        i += 1
    return out


def sentences(text: str, title: str | None = None) -> list[Sentence]:
    """Every sentence-like unit of ``text`` with its kind, language and quote map."""
    lines = _lines(text)
    kinds = classify_lines(text, lines, title)
    out: list[Sentence] = []
    for li, ((a, b), (kind, lang)) in enumerate(zip(lines, kinds, strict=True)):
        if kind in ("heading", "furniture"):
            out.append(Sentence(a, b, kind, lang, li))
            continue
        if kind == "content":
            dl = _DATELINE_RE.match(text, a, b)
            if dl and dl.end() < b:
                out.append(Sentence(a, a + len(dl.group(0).rstrip()), "furniture", lang, li))
                a = dl.end()
        quotes = quote_spans(text, a, b) if kind != "foreign" else []
        credit = credit_start(text[a:b]) if kind == "caption" else None
        body_end = a + credit if credit is not None else b
        spans = split_sentences(text, a, body_end)
        if credit is not None and spans:
            spans[-1] = (spans[-1][0], b)
        elif credit is not None:
            spans = [(a, b)]
        spans = _merge_fragments(text, spans, quotes)
        for s, e in spans:
            local = [(max(qs, s), min(qe, e)) for qs, qe in quotes if qs < e and qe > s]
            opens = any(qs < s < qe for qs, qe in quotes)
            ends = any(
                qs < e < qe or (qe == b and qs < e and qe >= e and _unclosed(text, qs, qe))
                for qs, qe in quotes
            )
            sent = Sentence(s, e, kind, lang, li, local, opens, ends)
            if credit is not None and e == b:
                sent.credit = a + credit
            out.append(sent)
    return out


def _unclosed(text: str, qs: int, qe: int) -> bool:
    last = text[qe - 1]
    return last not in "”\"’'»"


def segment(text: str, title: str | None = None) -> list[Segment]:
    """Public segmentation: sentence-like units with exact offsets, kind and language."""
    return [Segment(s.start, s.end, s.kind, s.language) for s in sentences(text, title)]
