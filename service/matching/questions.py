"""A reader's question, or a checker's note, turned into the claim it asks about.

Readers send a desk what they doubt as questions, and checkers paste it framed: "Is it
true that X?", "I read that X. Is that so?", "Did Kirby really tell Fox News that X?",
"X, is this true?? saw it in replies", "CLAIM: X", "Viral post says X". The checks read
the claim itself: the framing is dropped, and "Did S (really) V …?" is read as "S V-ed
…". A question that is not one of these forms (a rhetorical opening, "Who is paying for
all this?!") is left as it is.
"""

from __future__ import annotations

import re

from service.extraction.data import ROLE_NOUNS, WEEKDAY_SHORT, WEEKDAYS
from service.matching.text import IRREGULAR_FORMS, MONTHS

_WORD = r"[\w'’-]+"
# where someone is or heard it: "at work", "in Kharkiv", "on the radio", "from a friend"
_PLACE_OF = rf"(?:in|at|on|from)\s+(?:my\s+|our\s+|the\s+|a\s+)?{_WORD}(?:\s+{_WORD})?"
# where and when a reader heard it: a place, or "this morning", "online"
_WHERE_HEARD = rf"{_PLACE_OF}|this morning|today|yesterday|last night|somewhere|online"
# who passed it on: someone (at work), a woman on my bus, my uncle (in Kharkiv)
_RELAYS = (
    r"friend|cousin|uncle|aunt|neighbou?r|colleague|relative|teacher|blog|blogger|columnist|"
    r"column|post|paper|newspaper|article|caption|message|video|podcast|website|site|forum|"
    r"thread|chat|commentator|pundit|newsletter|report|screenshot|meme"
)
_WHO_HEARD = (
    rf"(?:someone|somebody|some\s+(?:guy|bloke|man|woman|lady|people))(?:\s+{_PLACE_OF})?"
    rf"|an?\s+{_WORD}(?:\s+{_WORD})?\s+(?:in|at|on|from)\s+(?:my|our)\s+{_WORD}(?:\s+{_WORD})?"
    rf"|(?:my|our)\s+{_WORD}(?:\s+{_WORD})?(?:\s+{_PLACE_OF})?"
    # what passed it on, read or seen: "a friend's post", "a blog", "a photo caption I
    # saw", "a history teacher", "a columnist" (not "a spokesman": he is a speaker)
    rf"|an?\s+(?:{_WORD}\s+){{0,2}}?(?:{_RELAYS})(?:\s+i\s+(?:saw|read|found))?"
)
_HEARSAY_VERBS = (
    r"says|said|heard|hears|claims|claimed|swore|swears|insists|insisted|reckons|"
    r"told me|tells me|told my\s+\w+|is saying|keeps saying|mentioned|wrote|writes|"
    r"reported|reports|posted|shared|read|saw|saying|claiming|showing|suggesting"
)
# a reader's letter to the desk: its greeting, its sign-off, and the questions and
# comments around the claim ("Hi team, my local paper said X. Could that be right?
# Thanks, Ana")
_GREETING = re.compile(
    r"^\s*(?i:hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening))\b"
    r"(?:\s+(?:(?i:team|all|there|everyone|folks|desk|editors?|the\s+desk|fact[- ]?checkers?)"
    r"|[A-Z][\w'’-]*)){0,2}\s*[,!:;—–-]\s*"
)
_SIGN_OFF = re.compile(
    r"(?<=[.!?])\s*(?i:many\s+thanks|thanks(?:\s+(?:a\s+lot|so\s+much|in\s+advance))?|"
    r"thank\s+you(?:\s+so\s+much)?|thx|cheers|best(?:\s+(?:wishes|regards))?|"
    r"(?:kind\s+|warm\s+)?regards|sincerely|yours(?:\s+(?:truly|sincerely))?)"
    r"\s*[,!.—–-]?\s*(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?\s*[.!]?\s*$"
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])")


def _letter_body(text: str) -> str:
    """A reader's letter without its greeting and sign-off, and without the questions
    and comments around its claim (the sentences that ask, when one does not); any other
    text as it is."""
    body = _SIGN_OFF.sub("", _GREETING.sub("", text, count=1))
    if body == text:
        return text
    sentences = _SENTENCE_BREAK.split(body.strip())
    told = [s for s in sentences if not s.rstrip().endswith("?")]
    if told and len(told) < len(sentences):
        return " ".join(told)
    return body.strip()


_EMPHASIS = (
    r"let\s+me\s+(?:remind\s+(?:you|everyone|the\s+\w+)|tell\s+you|"
    r"be\s+(?:very\s+)?(?:clear|frank|honest)|repeat|quote|say\s+this)(?:\s+what)?"
    r"|let(?:['’]?s|\s+us)\s+(?:be\s+(?:very\s+)?(?:clear|honest|frank)|not\s+forget|remember)"
    r"|make\s+no\s+mistake|mark\s+my\s+words|to\s+be\s+(?:clear|frank|honest)|frankly"
    r"|the\s+(?:fact|truth|reality|point)\s+is"
    r"|as\s+i(?:['’]ve|\s+have)?\s+(?:said|argued|pointed\s+out|warned|keep\s+saying|"
    r"told\s+(?:the\s+)?\w+)"
    r"(?:\s+(?:before|many\s+times|repeatedly|yesterday|all\s+along|from\s+the\s+start))?"
    r"|i\s+(?:have\s+)?said\s+(?:it|this)\s+before(?:\s+and\s+i['’]ll\s+say\s+it\s+again)?"
)
_PARLIAMENT = (
    r"(?:is|was|does|will)\s+the\s+(?:right\s+)?(?:honourable\s+|hon\.?\s+)?"
    r"(?:prime\s+)?(?:minister|secretary|member|government|house|committee)"
    rf"(?:\s+{_WORD}){{0,2}}?\s+(?:aware|agree|accept|confirm|know)"
    r"(?:\s+(?:of\s+the\s+fact|with\s+me))?"
    r"|(?:my|the)\s+(?:right\s+)?(?:honourable|hon\.?|noble)\s+"
    rf"(?:friend|member|lady|gentleman|lord)(?:\s+{_WORD}){{0,3}}?\s+"
    r"(?:will\s+know|knows|will\s+be\s+aware|is\s+aware|will\s+recall|will\s+have\s+seen)"
    r"|the\s+government['’]s\s+(?:understanding|position|assessment|view|information)\s+is"
    r"|it\s+is\s+(?:my|our)\s+understanding|(?:my|our)\s+understanding\s+is"
    r"|i\s+can\s+(?:confirm|tell|inform|assure)(?:\s+(?:to\s+)?the\s+(?:house|committee|chamber))?"
    r"|we\s+(?:understand|are\s+aware|have\s+been\s+(?:told|informed|advised))"
    r"|i\s+(?:am|was|have\s+been)\s+(?:informed|advised|told)"
)
# a filing's framing of what it alleges or takes as given: "It is alleged that", "It is
# not disputed that", "The record shows that", "The said official, <name>, …"
_FILING = (
    r"it\s+is\s+(?:further\s+|also\s+|hereby\s+)?(?:alleged|claimed|submitted|contended|"
    r"averred|asserted|not\s+disputed|undisputed|common\s+ground|admitted|accepted|established)"
    r"|the\s+(?:record|evidence|file|filing|complaint|transcript)\s+"
    r"(?:shows|reflects|indicates|establishes|records)"
    r"|the\s+(?:said|aforesaid|aforementioned)\s+(?:official|ambassador|minister|adviser|"
    r"spokes(?:man|woman|person)|envoy|negotiator|person|individual|party|president|officer)"
)
# a clause's number in a filing or a list ("5. ", "(b) ")
_CLAUSE_NUMBER = re.compile(r"^\s*(?:\d{1,2}\.|\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})\))\s+(?=[A-Z\"“‘'])")
# how a doubt opens: "Is it true (that)", "I read (that)", "Can anyone confirm (that)"
_OPENING = re.compile(
    r"^\s*(?:"
    r"(?:is|was) it (?:really )?(?:true|correct|right|a fact|the case)"
    r"|did you know|have you heard"
    # a checker's note or a post's framing: "CLAIM:", "Fact-check note:", "Screenshot
    # text:", "Viral post says (that)"
    r"|(?:claim|claims|claim being checked|claim to check|fact[- ]check(?: note)?|"
    r"working note|note|draft(?: verdict)?|verdict|screenshot(?: text)?|rumou?r|"
    r"(?:viral |facebook |twitter |telegram |tiktok )?(?:post|tweet|meme|message)(?: text)?)"
    r"\s*:"
    r"|(?:a |the |this )?(?:viral |widely[- ]shared |popular )?"
    r"(?:facebook |twitter |telegram |tiktok |instagram |whatsapp |social[- ]media )?"
    r"(?:post|tweet|meme|video|message|screenshot|image|chain message)s?\s+"
    r"(?:says|said|claims|claimed|states|stated|reads|alleges|alleged|suggests|shows)"
    r"|(?:can|could) (?:you|anyone|someone|somebody) (?:please )?(?:confirm|verify|check)"
    r"|please (?:confirm|verify|check)"
    r"|true or false\s*:"
    # (where a reader heard it first: "I heard on the radio this morning that")
    rf"|(?:i\s+)?heard(?:\s+(?:{_WHERE_HEARD})){{0,2}}?(?:\s*,|\s+that\b)"
    r"|i(?:'ve| have)? (?:just )?(?:read|heard|seen|saw)(?: (?:somewhere|online|today|on [a-z]+))?"
    r"|i keep (?:seeing|hearing|reading)"
    r"|(?:people|they) (?:are saying|say|claim)"
    # hearsay passed on to a tip line: "Heard on the radio this morning that", "Someone at
    # work claims", "My uncle in Kharkiv heard that", "A woman on my bus swore that",
    # "Apparently" (who passes it on is no speaker of the claim: someone, or someone of
    # the reader's own)
    rf"|(?:{_WHO_HEARD})\s+(?:{_HEARSAY_VERBS})(?!\s+by\b)"
    r"|apparently|supposedly|rumou?r has it|word is"
    # a member's question or a minister's answer in a parliament's record: "Is the
    # Minister aware that", "My honourable friend will know that", "The Government's
    # understanding is that", "I can confirm to the House that"
    rf"|{_PARLIAMENT}"
    # a politician's or a pundit's emphasis: "Let me remind you (that)", "Let me quote",
    # "Let's be clear:", "The fact is,", "As I've said before,", "Make no mistake,"
    rf"|{_EMPHASIS}"
    rf"|{_FILING}"
    r")(?:\b|(?<=:))\s*[,:]?\s*(?:that\s*,?\s+)?(?=\S)",
    re.IGNORECASE,
)
# how it closes: "…, is this true??", "… Is that so?", "… Correct?", "saw it in replies"
_LONG_TAG = (
    r"(?:is|was) (?:this|that|it) (?:really )?(?:true|so|correct|right|real|accurate|a fact)"
    r"|(?:is it )?true or (?:false|not)|fact[- ]check(?: this| please)?"
    r"|(?:can|could) (?:anyone|someone|somebody|you) (?:please )?(?:confirm|verify)(?: this| that)?"
)
_SHORT_TAG = r"true|correct|right|really|source|any (?:source|proof|confirmation)s?"
_CLOSING = re.compile(
    rf"(?:\s*[,;:.!?-]+\s*(?:{_LONG_TAG}|{_SHORT_TAG})|\s+(?:{_LONG_TAG}))?[\s?!.]*"
    r"(?:(?:saw|read|seen|heard) (?:it|this|that) (?:in|on) [\w' -]{1,40}?)?[\s?!.]*$",
    re.IGNORECASE,
)
# the reader's own aside after the claim: "…, according to my flatmate", "…, my dad heard
# it at the barber's", "…, no idea why she told strangers", "…, according to the reports
# before the Committee"
_ASIDE = re.compile(
    r"\s*[,;(—–-]+\s*(?:according to (?:my|our|a|some) [^,;]{1,50}"
    r"|according to (?:the )?reports? (?:before|to|in) the (?:house|committee|chamber)"
    r"|(?:my|our) [^,;]{1,60}"
    r"|(?:no idea|not sure|whatever that means|who knows|if (?:that'?s|it'?s) true)[^,;]{0,60}"
    r")[)\s?!.]*$",
    re.IGNORECASE,
)
# "Did S (really) V …?": S runs up to "really" (or a like word), else up to a base verb
_DID = re.compile(r"^\s*did\s+(?P<rest>.+?)[\s?!.]*$", re.IGNORECASE | re.DOTALL)
_REALLY = re.compile(r"\s+(?:really|actually|truly|in fact|indeed)\s+(?P<verb>[a-z]+)\b")
# pasts the re-ranker's table of irregular forms (``IRREGULAR_FORMS``) does not hold
_MORE_PASTS = {
    "say": "said",
    "get": "got",
    "put": "put",
    "set": "set",
    "cut": "cut",
    "lay": "laid",
    "hear": "heard",
    "forbid": "forbade",
    "be": "was",
    "have": "had",
    "do": "did",
}
# verbs whose last consonant doubles ("stop" -> "stopped")
_DOUBLING = {"stop", "ban", "plan", "admit", "commit", "submit", "drop", "ship", "shut", "step"}
# base forms that can follow a plain "Did S …" without "really"
_BASE_VERBS = frozenset(
    {
        *_DOUBLING,
        "say", "tell", "write", "meet", "give", "take", "make", "send", "hold", "leave", "go",
        "come", "speak", "sign", "agree", "see", "find", "get", "begin", "break", "win",
        "lose", "put", "set", "cut", "run", "keep", "bring", "buy", "fight", "think", "pay",
        "lay", "draw", "fly", "flee", "shoot", "stand", "hear", "know", "become", "seek",
        "forbid", "rise", "fall", "be", "have", "do",
        "claim", "announce", "tweet", "post", "warn", "confirm", "deny", "call", "urge",
        "accuse", "promise", "insist", "describe", "state", "declare", "host", "order",
        "approve", "authorize", "authorise", "walk", "offer", "refuse", "reject", "accept",
        "demand", "threaten", "vow", "pledge", "admit", "suggest", "propose", "ask", "report",
        "restore", "reconnect", "attack", "invade", "launch", "start", "end", "resume",
        "cancel", "postpone", "add", "praise", "criticize", "criticise", "condemn", "want",
        "expect", "hope", "try", "adopt", "change", "sanction",
    }
)  # fmt: skip


def _past(verb: str) -> str:
    low = verb.lower()
    if low in _MORE_PASTS:
        return _MORE_PASTS[low]
    if low in IRREGULAR_FORMS:
        return IRREGULAR_FORMS[low][0]
    if low in _DOUBLING:
        return low + low[-1] + "ed"
    if low.endswith("e"):
        return low + "d"
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        return low[:-1] + "ied"
    return low + "ed"


def _declarative(question: str) -> str | None:
    """ "Did S (really) V X?" as "S V-ed X." (None when S and V cannot be told apart)."""
    did = _DID.match(question)
    if not did:
        return None
    rest = did.group("rest")
    really = _REALLY.search(rest)
    if really:
        subject, verb, tail = rest[: really.start()], really.group("verb"), rest[really.end() :]
    else:
        words = rest.split(" ")
        at = next((i for i, w in enumerate(words[1:], 1) if w.islower() and w in _BASE_VERBS), None)
        if at is None:
            return None
        subject, verb, tail = " ".join(words[:at]), words[at], " " + " ".join(words[at + 1 :])
    if not subject.strip():
        return None
    subject = subject.strip()
    return f"{subject[:1].upper()}{subject[1:]} {_past(verb)}{tail.rstrip()}."


# An explainer's fact box pasted as text: fields set off by bars, most of them "Key: value"
# ("Zelensky | Day: Fri | Claim: Russia has adopted …", "Quote: '…' | Speaker: Kremlin
# spokesman Dmitry Peskov"). Read as the sentence it stands for: who said it, through what,
# when and where, then what was said and the other fields.
_FIELD_BAR = re.compile(r"\s+\|\s+")
_FIELD = re.compile(r"^(?P<key>[A-Za-z][\w '’/-]{0,30}?)\s*:\s+(?P<value>\S.*)$")
_BOX_KEYS = {
    **dict.fromkeys(
        ("speaker", "said by", "per", "announced by", "quoted", "attributed to"), "who"
    ),
    **dict.fromkeys(("outlet", "medium", "via", "platform", "channel", "broadcaster"), "via"),
    **dict.fromkeys(("day", "date", "when"), "when"),
    **dict.fromkeys(("venue", "where", "place", "location"), "where"),
    **dict.fromkeys(("host", "hosted by"), "host"),
    **dict.fromkeys(("claim", "quote", "statement", "says", "said"), "what"),
}
# a field's value that is a day or a date ("Fri", "Mar 5", "14 March"), read after "on"
_DATE_OPENING = re.compile(
    rf"^(?:{'|'.join(sorted({*MONTHS, *WEEKDAYS, *WEEKDAY_SHORT}, key=len, reverse=True))}|\d)",
    re.IGNORECASE,
)


def as_sentence(statement: str) -> str:
    """A fact box read as the sentence it stands for; any other statement as it is."""
    fields = _FIELD_BAR.split(statement.strip())
    if len(fields) < 2:
        return statement
    box: dict[str, str] = {}
    rest: list[str] = []
    for field in fields:
        m = _FIELD.match(field)
        role = _BOX_KEYS.get(m["key"].strip().lower()) if m else None
        if role and role not in box:
            box[role] = m["value"].strip().rstrip(".")
        else:
            rest.append(field.strip().rstrip("."))
    if "who" not in box and "what" in box and rest and not _FIELD.match(rest[0]):
        box["who"] = rest.pop(0)  # "Zelensky | Day: Fri | Claim: …": the card's subject
    if "who" not in box or (not ({"what", "via", "when"} & box.keys()) and not rest):
        return statement
    opening = box["who"]
    if "via" in box:
        opening += f", via {box['via']},"
    elif "," in opening:
        opening += ","  # "Vladimir Medinsky, Russian delegation head, said"
    opening += " said"
    if "when" in box:
        when = box["when"]
        opening += f" on {when}" if _DATE_OPENING.match(when) else f" {when}"
    if "where" in box:
        opening += f" in {box['where']}"
    if "host" in box:
        opening += f", hosted by {box['host']},"
    said = [box["what"]] if "what" in box else []
    return f"{opening.rstrip(',')}: {'; '.join(said + rest)}."


def as_claim(statement: str) -> str:
    """The claim a reader's question or a checker's note asks about; any other statement as
    it is."""
    text = _letter_body(statement.strip())
    text = _CLAUSE_NUMBER.sub("", text, count=1)
    opened = _OPENING.sub("", text, count=1)
    closed = _CLOSING.sub("", opened)
    tagged = "?" in text and any(c.isalpha() for c in opened[len(closed) :])
    unasided = _ASIDE.sub("", closed)
    if unasided != closed and len(unasided.split()) >= 5:
        closed, tagged = unasided, True
    if opened == text and not tagged and not text.endswith("?"):
        return text if text != statement.strip() else statement
    if (did := _declarative(closed)) is not None:
        return did
    if (opened == text and not tagged) or len(closed.split()) < 3:
        return statement  # a question of another kind: left as it is
    return f"{closed[:1].upper()}{closed[1:]}."


# Who a named person is, said between the name and what they did, as a reader explains
# it ("Mr Medinsky, the head of the Russian team, said …", "Kyslytsya, Ukraine's
# ambassador, spoke …", "told Kan, a news service in Israel, that …"): the articles'
# claims hold what was done, and say who the person is apart, so the description is
# left out of what the statement is matched on (its stance still reads it whole)
# (a place after a preposition is no one described: "As talks went on in Belarus,
# Ukraine's UN ambassador … addressed the General Assembly, demanding …")
_DESCRIBED = re.compile(
    r"(?<!\bin\s)(?<!\bat\s)(?<!\bon\s)(?<!\bto\s)(?<!\bof\s)(?<!\bfrom\s)"
    r"(?P<name>\b[A-Z][\w'’.-]*)\s*,\s+"
    r"(?P<app>(?:(?:a|an|the)\s+|[A-Z][\w-]*['’]s\s+)(?:[^,;:()\"“”\s]+\s+){0,13}?"
    r"[^,;:()\"“”\s]+)\s*,\s+"
    r"(?=[a-z])(?!(?:and|but|or|nor|while|who|whom|whose|which)\b)"
)
_DESCRIBING = re.compile(
    rf"\b(?:{'|'.join(sorted(ROLE_NOUNS))}|service|agency|network|broadcaster|channel|"
    r"newspaper|outlet|station|team|delegation)\b",
    re.IGNORECASE,
)


def without_descriptions(statement: str) -> str:
    """The statement without the descriptions of who its named people are."""

    def drop(found: re.Match) -> str:
        if not _DESCRIBING.search(found.group("app")):
            return found.group(0)  # "In Gomel, the talks ended, …": no description
        return found.group("name") + " "

    return _DESCRIBED.sub(drop, statement)
