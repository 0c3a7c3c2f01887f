"""From typed sentences to atomic, attributed, rendered claims."""

from __future__ import annotations

import datetime as dt
import re

from service.domain import ExtractedClaim, Extraction, Segment
from service.extraction.attribution import (
    ArticleContext,
    Attribution,
    attribute,
    build_registry,
    find_source,
    mask_quotes,
)
from service.extraction.data import DEMONYMS, TITLE_WORDS
from service.extraction.details import extract_details, find_dates, find_name_runs, last_day
from service.extraction.segment import Sentence, sentences
from service.extraction.worthiness import score

_QUOTE_CHARS = "\"'“”„«»‘’‚‹›"
_MIN_WORDS = 4

# ------------------------------------------------------------------ rendering


def normalize(text: str) -> str:
    """Plain text: straight quotes, no Markdown emphasis/links, collapsed whitespace."""
    t = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    t = re.sub(r"<(https?://[^>\s]+)>", r"\1", t)
    t = re.sub(r"(\*\*|__|(?<!\w)\*|\*(?!\w))", "", t)
    t = t.replace("“", '"').replace("”", '"').replace("„", '"').replace("«", '"')
    t = t.replace("»", '"').replace("‘", "'").replace("’", "'").replace("‚", "'")
    t = t.replace("\u200b", "").replace("\ufeff", "")
    return re.sub(r"\s+", " ", t).strip()


_ANTECEDENT_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "into",
        "over",
        "after",
        "before",
        "more",
        "most",
        "some",
        "many",
        "several",
        "that",
        "which",
        "who",
        "whom",
        "said",
        "says",
        "told",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "its",
        "his",
        "her",
        "their",
        "our",
        "this",
        "these",
        "those",
        "add",
        "added",
        "adds",
    ]
)


def _antecedent(local: str, a: int) -> str | None:
    """The noun phrase just before a relative clause starting at ``a`` ("corridors, which")."""
    head = local[:a].rstrip(" ,;:—–-\n\t")
    words = re.findall(r"[\w'’.-]+", head[-120:])
    phrase: list[str] = []
    for word in reversed(words):
        if word.lower() in _ANTECEDENT_STOP or len(phrase) == 4:
            break
        if word.islower() and word.endswith(("ly", "ed")):
            break  # an adverb or a verb: the noun phrase ended ("incited Ukrainians")
        phrase.insert(0, word)
    if not phrase or not any(ch.isalpha() for ch in phrase[-1]):
        return None
    return " ".join(phrase)


def _render(
    local: str,
    a: int,
    b: int,
    remove: list[tuple[int, int]],
    quotes: list[tuple[int, int]],
    claimant: str | None,
    is_person: bool,
) -> str:
    drop = set()
    for ra, rb in remove:
        drop.update(range(ra, rb))
    for qa, qb in quotes:
        if local[qa] in _QUOTE_CHARS:
            drop.add(qa)
        if qb - 1 > qa and local[qb - 1] in _QUOTE_CHARS:
            drop.add(qb - 1)
    chars = [(" " if i in drop else local[i]) for i in range(a, b)]
    t = "".join(chars)
    t = re.sub(r"\[([^\]]*)\]", r"\1", t)
    t = normalize(t).replace('"', "")
    t = re.sub(r"\s+([,.;:!?])", r"\1", t)
    t = re.sub(r"([,;:])(?=[,.;:])", "", t)
    t = re.sub(r"^[\s,;:—–-]+", "", t)
    if a > 0:
        for _ in range(2):
            t = re.sub(
                r"^(?:and|but|although|though|while|whereas|as|with|that|so|yet|adding|noting)\s+",
                "",
                t,
                flags=re.IGNORECASE,
            )
    t = re.sub(r"[\s,;:—–-]+$", "", t)
    t = re.sub(r"\s+", " ", t).strip()
    # subject relatives only: in "which it removed" the antecedent is the object, often
    # not the nearest noun
    if a > 0 and re.match(
        r"(?:which|who)\s(?!(?:it|they|he|she|we|i|you|the|a|an)\b)", t, flags=re.IGNORECASE
    ):
        # a relative clause cut from its sentence reads on its own with its antecedent
        antecedent = _antecedent(local, a)
        if antecedent:
            t = antecedent + t[t.index(" ") :]
    if claimant and is_person:
        t = re.sub(r"^(?:he|she)\b", lambda _m: claimant, t, flags=re.IGNORECASE)
    elif claimant and len(claimant.split()) <= 4:
        t = re.sub(r"^(?:it|they)\b(?!['’])", lambda _m: claimant, t, flags=re.IGNORECASE)
    if t and t[0].islower():
        t = t[0].upper() + t[1:]
    if t and t[-1] not in ".!?":
        t += "."
    return t


# ------------------------------------------------------------------- splitting

_SPLIT_RE = re.compile(
    r"(?<!ing),?\s+(?=with\s+(?:[\w’'-]+\s+){1,6}?(?<!and\s)\w+ing\b)"
    r"|,?\s+(?=(?:but|although|though|whereas|while|yet)\s+\S)"
    r"|,\s+(?=as\s+(?!well\b|part\b|a\b|an\b|much\b|many\b|long\b|soon\b|of\b)\S)"
    r"|\s+(?=as\s+(?:[\w’'-]+\s+){1,4}?(?:make|makes|are|is|was|were|has|have|had|"
    r"continue|continues|\w{3,}ed)\b)"
    r"|,\s+(?=as\s+well\s+as\s+\w+ing\b)"
    r"|;\s+"
    r"|\s+(?=and\s+(?:that|instead|to|has|have|had|is|are|was|were|will|would|could|"
    r"\w{3,}ed|\w{3,}ing)\s)"
    r"|,?\s+(?=and\s+(?:(?:these|those|the|this|its|their)\s+\w+|he|she|they|it|we|[A-Z]\w+)"
    r"\s+(?:is|are|was|were|has|have|had|will|would|\w+ed)\b)"
    r"|(?:,|(?<=[,·][”\"’]))\s+(?=(?:which|including|refusing|adding|noting|saying|referring)\b)"
    r"|,\s+(?=(?:after|because|since|before|when)\s+\w+\s+\w+\s+\w+)"
)
_VERBISH_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|did|does|do|"
    r"should|must|shall|remain|remains|sent|made|took|gave|met|held|told|began|came|went|"
    r"\w{3,}ed|\w{3,}ing|says|said)\b"
)
# also common present-tense verbs: for the finer passages emitted beside a claim
_VERBISH_WIDE_RE = re.compile(
    _VERBISH_RE.pattern[:-3]
    + r"|(?:need|require|want|seem|continue|show|face|hold|keep|include|listen|pose|believe|"
    r"expect|hope|plan|know|think|see|come|go|get|give|take|make|rage|remain|stand|mean|"
    r"become|allow|call|lead)s?)\b"
)
_FINITE_LEFT_RE = re.compile(_VERBISH_RE.pattern.replace(r"\w{3,}ing|", ""))
_SPEECH_PARTICIPLES = ("adding", "noting", "saying", "referring", "refusing")


def _said_dates(
    local: str,
    remove: list[tuple[int, int]],
    a: int,
    b: int,
    published: dt.date | None,
    anchor: dt.date | None,
) -> list:
    """The dates of the attribution that the passage ``local[a:b]`` leaves out ("…,
    Mykhailo Podolyak said late Sunday"): when the claim was said."""
    outside = [local[ra : min(rb, a)] for ra, rb in remove if ra < a]
    outside += [local[max(ra, b) : rb] for ra, rb in remove if rb > b]
    # a relative clause on the speaker dates something else ("Putin, who ordered his
    # army into Ukraine on February 24, said this week")
    words = _SPEAKER_RELATIVE.sub(" ; ", " ; ".join(outside))
    return find_dates(words, published, anchor)[0] if words.strip(" ;") else []


_SPEAKER_RELATIVE = re.compile(r"\b(?:who|which|whose)\b[^,;]*")


def _split(local: str, masked: str, a: int, b: int, remove) -> list[tuple[int, int]]:
    cuts = [a]
    for m in _SPLIT_RE.finditer(masked, a, b):
        if any(ra <= m.start() and m.end() <= rb for ra, rb in remove):
            continue
        left = local[cuts[-1] : m.start()]
        right = local[m.end() : b]
        right_words = right.split()
        body = right_words[1:] if right_words else []
        if len(left.split()) < 4 or len(body) < _MIN_WORDS:
            continue
        if not _VERBISH_RE.search(left):
            continue
        if right_words[0].lower() == "which" and not _FINITE_LEFT_RE.search(left):
            continue  # "The meeting between X, which ...": the main verb is still to come
        if right_words[0].lower() in _SPEECH_PARTICIPLES:
            pass
        elif not _VERBISH_RE.search(" ".join(body)):
            continue
        cuts.append(m.start())
    cuts.append(b)
    parts = []
    for i in range(len(cuts) - 1):
        s, e = cuts[i], cuts[i + 1]
        while s < e and (local[s].isspace() or local[s] in ",;"):
            s += 1
        while e > s and (local[e - 1].isspace() or local[e - 1] in ",;"):
            e -= 1
        if s < e:
            parts.append((s, e))
    return parts


_WEAK_CUT_RE = re.compile(
    r"\s+(?=(?:and|but|despite|after|as|because|while|whereas)\s)"
    r"|,\s+(?=(?:who|which|is|are|was|were|has|have|had|will)\s)"
    r"|(?<=[”\"’])\s+(?=aimed\s+at\s)"
)
_SUB_MIN_WORDS = 16
_PREPOSITIONAL = ("despite", "after", "as")
_CONNECTORS = frozenset(
    ["and", "but", "despite", "after", "as", "because", "while", "whereas", "who", "which", "that"]
)


def _sub_spans(local: str, a: int, b: int, att: Attribution | None) -> list[tuple[int, int]]:
    """Finer passages inside a long claim passage, emitted beside it."""
    head_end = None
    if att is not None and att.mode == "head":
        head_end = next((rb for ra, rb in att.remove if ra <= a < rb < b), None)
    content_a = head_end if head_end is not None else a
    while content_a < b and local[content_a].isspace():
        content_a += 1
    long_head = head_end is not None and (content_a - a) > 0.8 * (b - content_a)
    if len(local[a:b].split()) < _SUB_MIN_WORDS and not long_head:
        return []

    def clause_like(s: int, e: int) -> bool:
        words = local[s:e].split()
        if words and words[0].lower() in _PREPOSITIONAL:
            return len(words) >= (3 if words[0].lower() != "as" else 6)
        if words and words[0].lower() in _CONNECTORS:
            if words[0].lower() == "and":
                # "and <subject> <verb>": the verb comes early, or this is a noun phrase
                words = words[1:]
                return len(words) >= _MIN_WORDS and bool(
                    _VERBISH_WIDE_RE.search(" ".join(words[:6]))
                )
            words = words[1:]
        return len(words) >= _MIN_WORDS and bool(_VERBISH_WIDE_RE.search(" ".join(words)))

    cuts_l = sorted({a, b} | {m.start() for m in _WEAK_CUT_RE.finditer(local, content_a, b)})
    # drop a cut whose right-hand piece is no clause ("Russia and Ukraine")
    changed = True
    while changed and len(cuts_l) > 2:
        changed = False
        for i in range(1, len(cuts_l) - 1):
            if not clause_like(cuts_l[i], cuts_l[i + 1]):
                del cuts_l[i]
                changed = True
                break
    # the content of "X said (that) ..." when the head is long or the content splits
    if head_end is not None and (long_head or len(cuts_l) > 2):
        cuts_l = sorted(set(cuts_l) | {content_a})
    out = []
    for i in range(len(cuts_l) - 1):
        s, e = cuts_l[i], cuts_l[i + 1]
        while s < e and (local[s].isspace() or local[s] in ",;:"):
            s += 1
        while e > s and (local[e - 1].isspace() or local[e - 1] in ",;:"):
            e -= 1
        if (s, e) == (a, b) or (e - s) > 0.8 * (b - a) or local[s:e].endswith(" that"):
            continue
        if s == a and head_end is not None and e <= content_a:
            continue
        if not clause_like(s, e) and not (s == content_a and len(local[s:e].split()) >= 4):
            continue
        if local[s:e].startswith("aimed "):  # a modifier, not a claim of its own
            continue
        words = [w.strip(_QUOTE_CHARS + ",.").lower() for w in local[s:e].split()]
        if words[0] in ("if", "unless", "when", "although", "though"):
            continue  # a condition, not a claim
        after = local[e:b].split()
        if after and after[0].lower() in _PREPOSITIONAL and _VERBISH_WIDE_RE.fullmatch(words[-1]):
            continue  # "The round ... comes | after ...": the clause is cut short
        out.append((s, e))
    return out


def _trim_part(local: str, a: int, b: int, att: Attribution | None) -> tuple[int, int]:
    """Shrink a claim passage to its content: no edge attribution, quotes or commas."""
    if att is not None and att.mode in ("head",) and a <= att.start < b:
        a = att.start
    if att is not None:
        for ra, rb in att.remove:
            if att.mode in ("tail", "quote_tail", "paren") and ra < b <= rb + 2 and ra > a:
                b = ra
    while a < b and (local[a].isspace() or local[a] in ",;:—–"):
        a += 1
    while b > a and (local[b - 1].isspace() or local[b - 1] in ",;:—–"):
        b -= 1
    # a closing quote mark (and the comma before it) at the very end
    if (
        b - a > 2
        and local[b - 1] in "”\"’'»"
        and local[b - 2] in ","
        and (att is None or any(b <= ra <= b + 2 for ra, _ in att.remove))
    ):
        b -= 2
    return a, b


_APPOS_ROLES = "chairman|chairwoman|head|member|leader|spokesman|spokeswoman"
_APPOSITIVE_RE = re.compile(
    rf",\s+(?P<app>(?:(?:a|an|the|who|whose)\s|[A-Z][\w-]*['’]s\s+[a-z]|(?:{_APPOS_ROLES})\s+of\s)"
    r"[^,;·]{3,140}?)(?=,|\s+on\s+(?:Twitter|Telegram|Facebook)\b|[.;]?$)"
)


_PLACE_APPOSITIVE_RE = re.compile(
    r"(?P<np>(?:[A-Z][\w’'-]*\s+)+[a-z][\w-]*|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
    r",\s+(?P<app>(?:the\s+)?(?:scene|site|home|birthplace|seat)\s+(?:of|to)\s+"
    r"[^,;·]{3,120}?)(?=[,;]|[.!?]?$)"
)


def _appositives(local: str, masked: str, registry) -> list[tuple[int, int, str]]:
    """'Mykhailo Podolyak, an adviser to X' style descriptions: (start, end, rendering)."""
    out = []
    # "the Chernobyl plant, scene of the world's worst nuclear disaster"
    for pm in _PLACE_APPOSITIVE_RE.finditer(masked):
        app = local[pm.start("app") : pm.end("app")].strip()
        out.append(
            (
                pm.start("app"),
                pm.end("app"),
                f"{pm.group('np')} was the {app}"
                if not app.lower().startswith("the ")
                else f"{pm.group('np')} was {app}",
            )
        )
    runs = list(find_name_runs(masked))
    covered = [(s, e) for s, e, _ in runs]
    # a single known surname: "Putin, who ordered ..."
    for wm in re.finditer(r"(?<![\w-])[A-Z][a-z]{2,}(?=,\s+(?:who|whose)\s)", masked):
        if any(s <= wm.start() < e for s, e in covered):
            continue
        if registry.resolve(wm.group(0)):
            runs.append((wm.start(), wm.end(), wm.group(0)))
    for s, e, name in runs:
        # with its leading titles: "Russian President Vladimir Putin"
        while True:
            tm = re.search(r"([A-Z][\w.]*)\s+$", masked[:s])
            if not tm or (tm.group(1) not in TITLE_WORDS and tm.group(1) not in DEMONYMS):
                break
            s = tm.start(1)
        m = _APPOSITIVE_RE.match(masked, e)
        if m:
            app = local[m.start("app") : m.end("app")].strip()
            canon = registry.resolve(name) or name
            if app.lower().startswith(("who ", "whose ")):
                text = f"{canon} {app.split(' ', 1)[1]}"
            else:
                text = f"{canon} is {app}"
            out.append((s, m.end("app"), text))
            continue
        # "a senior member of Russia's negotiating team, Leonid Slutsky,"
        pre = re.search(
            r"(?:^|,\s+|\b(?:Meanwhile|However),\s+)(?P<app>(?:a|an|the)\s+[^,;·]{3,100}"
            r"),\s+$",
            masked[:s],
        )
        if pre and masked[e : e + 1] == ",":
            canon = registry.resolve(name) or name
            out.append(
                (pre.start("app"), e, f"{canon} is {local[pre.start('app') : pre.end('app')]}")
            )
    # a description runs up to the sentence's last word, not the space before its stop
    # ("Aa Aa, a 00 ." ends at "00")
    return [(s, len(local[:e].rstrip()), text) for s, e, text in out]


# ---------------------------------------------------------------------- kinds


def _kind(
    sent: Sentence, local: str, quotes, a: int, b: int, remove, att: Attribution | None
) -> str:
    if att is None or not (att.claimant or att.source):
        return "narration"
    body = [i for i in range(a, b) if not any(ra <= i < rb for ra, rb in remove)]
    body = [i for i in body if not local[i].isspace()]
    if not body:
        return "reported_speech"
    inside = sum(1 for i in body if any(qa <= i < qb for qa, qb in quotes))
    if inside / len(body) >= (0.8 if att.that else 0.5):
        return "direct_quote"
    if not inside or att.that:
        return "reported_speech"
    first = body[0]
    starts_quoted = local[first] in "“\"‘'«„" or any(qa <= first < qb for qa, qb in quotes)
    if att.mode == "quote_tail" or (att.mode in ("head", "inherited") and starts_quoted):
        return "direct_quote"
    if att.mode == "inherited" and sent.ends_inside:
        return "direct_quote"
    return "reported_speech"


# ---------------------------------------------------------------------- main


def _groups(sents: list[Sentence]) -> list[list[int]]:
    """Indices of content sentences grouped by quotes that run across them."""
    groups: list[list[int]] = []
    for i, s in enumerate(sents):
        if s.kind != "content":
            continue
        prev = groups[-1][-1] if groups else None
        if (
            prev is not None
            and sents[prev].line == s.line
            and sents[prev].ends_inside
            and s.opens_inside
        ):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _is_quote_start(local: str) -> bool:
    return bool(local) and local[0] in "“\"‘'«„"


# "His statement, on Twitter, confirmed …": the sentence names the medium of what the
# sentence before it reported (``verdict.ArticleContext`` does the same for stored claims
# whose passage ends where the sentence ends; here the attribution may lie in between).
_BACK_MEDIUM_RE = re.compile(
    r"^(?:His|Her|Their|The|That|This)\s+(?:earlier\s+|latest\s+|own\s+)?"
    r"(?:statement|announcement|remarks?|comments?|words|message|post)\s*,?\s+"
    r"(?=(?:posted\s+|made\s+|published\s+)?(?:on|in|via)\s)"
)


def _back_medium(local: str, masked: str, ctx: ArticleContext) -> str | None:
    """The medium a sentence gives to the statement reported just before it."""
    m = _BACK_MEDIUM_RE.match(local)
    if m is None:
        return None
    return find_source(masked[m.end() : m.end() + 40], ctx)


def _last_day(claims: list[ExtractedClaim]) -> dt.date | None:
    """The last full date the body claims name, in text order (captions date photos)."""
    body = sorted((c for c in claims if c.kind != "caption"), key=lambda c: c.start)
    return last_day(m for c in body for m in c.details.dates)


def extract(text: str, *, published: dt.date | None = None, title: str | None = None) -> Extraction:
    """Segments and atomic claims of an article."""
    sents = sentences(text, title)
    segments = [Segment(s.start, s.end, s.kind, s.language) for s in sents]  # type: ignore[arg-type]
    registry = build_registry(
        text,
        [(s.start, s.credit or s.end) for s in sents if s.kind in ("content", "caption")],
    )
    ctx = ArticleContext(registry)
    claims: list[ExtractedClaim] = []
    seen_captions: set[str] = set()
    atts: dict[int, Attribution | None] = {}
    last_line_att: dict[int, Attribution] = {}
    prev_att: Attribution | None = None
    prev_content: int | None = None

    # attribution, group by group (a quote spanning sentences shares its speaker)
    for group in _groups(sents):
        found: Attribution | None = None
        for i in group:
            s = sents[i]
            local = text[s.start : s.end]
            lq = [(a - s.start, b - s.start) for a, b in s.quotes]
            att = attribute(local, lq, ctx)
            atts[i] = att if (att.claimant or att.source) else None
            if atts[i] and found is None:
                found = att
            back = atts.get(prev_content) if prev_content is not None else None
            if back is not None and back.claimant and not back.source:
                back.source = _back_medium(local, mask_quotes(local, lq), ctx)
            prev_content = i
        for i in group:
            s = sents[i]
            local = text[s.start : s.end]
            if atts[i] is None:
                inherit = found
                if inherit is None and (_is_quote_start(local) or s.opens_inside):
                    inherit = last_line_att.get(s.line)
                    if inherit is None and ctx.last_speaker and _is_quote_start(local):
                        inherit = Attribution(claimant=ctx.last_speaker, is_person=True)
                if inherit is not None:
                    atts[i] = Attribution(
                        claimant=inherit.claimant,
                        source=inherit.source,
                        is_person=inherit.is_person,
                        mode="inherited",
                    )
            cur = atts[i]
            if (
                cur is not None
                and cur.claimant
                and not cur.source
                and prev_att is not None
                and prev_att.claimant == cur.claimant
                and prev_att.source
                and (
                    cur.mode == "inherited"
                    or re.search(
                        r"\b(?:he|she)\s+(?:said|added|"
                        r"continued|wrote)\b",
                        local,
                    )
                )
            ):
                cur.source = prev_att.source
            if cur is not None and cur.claimant:
                last_line_att[s.line] = cur
            prev_att = cur

    anchor: dt.date | None = None  # the last day the body named: "a day later" counts from it
    dated = 0  # claims[:dated] have given their days to ``anchor``
    for i, s in enumerate(sents):
        if s.kind not in ("content", "caption"):
            continue
        anchor = _last_day(claims[dated:]) or anchor
        dated = len(claims)
        end = s.end
        if s.kind == "caption":
            if s.credit is not None:
                end = s.credit
            while end > s.start and text[end - 1].isspace():
                end -= 1
            local = text[s.start : end]
            local_md = re.sub(r"[*_]+$", "", local)
            end = s.start + len(local_md.rstrip())
            if end <= s.start:
                continue
            local = text[s.start : end]
            lq = [(max(0, a - s.start), min(end, b) - s.start) for a, b in s.quotes if a < end]
            rendered = _render(local, 0, len(local), [], lq, None, False)
            key = rendered.lower()
            if len(rendered.split()) < _MIN_WORDS or key in seen_captions:
                continue
            seen_captions.add(key)
            details = extract_details(
                local, published=published, resolve_person=registry.resolve, anchor=anchor
            )
            claims.append(
                ExtractedClaim(
                    start=s.start,
                    end=end,
                    text=rendered,
                    kind="caption",
                    details=details,
                    worthiness=score(rendered, details, "caption", None),
                    language=s.language,
                )
            )
            continue
        local = text[s.start : s.end]
        lq = [(a - s.start, b - s.start) for a, b in s.quotes]
        masked = mask_quotes(local, lq)
        att = atts.get(i)
        remove = list(att.remove) if att else []
        ca, cb = (0, len(local))
        parts = _split(local, masked, ca, cb, remove)
        if len(parts) > 1:
            spans = parts
        else:
            spans = [(0, len(local))]
        for a, b, app_text in _appositives(local, masked, registry):
            rendered = _render(app_text, 0, len(app_text), [], [], None, False)
            details = extract_details(
                local[a:b], published=published, resolve_person=registry.resolve, anchor=anchor
            )
            claims.append(
                ExtractedClaim(
                    start=s.start + a,
                    end=s.start + b,
                    text=rendered,
                    kind="narration",
                    details=details,
                    worthiness=score(rendered, details, "narration", None),
                    language=s.language,
                )
            )
        emitted: set[tuple[int, int]] = set()
        final: list[tuple[int, int]] = []
        for a, b in spans:
            a, b = _trim_part(local, a, b, att)
            if a < b:
                final.append((a, b))
                emitted.add((a, b))
        subs = []
        for a, b in final:
            for sa, sb in _sub_spans(local, a, b, att):
                if (sa, sb) not in emitted:
                    emitted.add((sa, sb))
                    subs.append((sa, sb))
        for a, b in final + subs:
            claimant = att.claimant if att else None
            is_person = att.is_person if att else False
            rendered = _render(local, a, b, remove, lq, claimant, is_person)
            if len(rendered.split()) < _MIN_WORDS or not re.search(r"[^\W\d_]", rendered):
                continue
            passage = local[a:b]
            details = extract_details(
                passage, published=published, resolve_person=registry.resolve, anchor=anchor
            )
            details.said_dates = _said_dates(local, remove, a, b, published, anchor)
            kind = _kind(s, local, lq, a, b, remove, att)
            claims.append(
                ExtractedClaim(
                    start=s.start + a,
                    end=s.start + b,
                    text=rendered,
                    kind=kind,
                    claimant=claimant,
                    source=att.source if att else None,
                    details=details,
                    worthiness=score(rendered, details, kind, claimant),
                    language=s.language,
                    claimant_role=registry.description(claimant) if is_person else None,
                )
            )
    return Extraction(segments=segments, claims=claims)
