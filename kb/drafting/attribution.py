"""Who a clause reports: "X said (that) Y", "Y, X said", "according to X, Y", "X denied Y".

Spans are relative to the clause string; the speaker is the noun phrase the
text uses, resolved to an actor by `kb.drafting.mentions`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.drafting.lexicon import DENIAL_VERBS, SAYING_VERBS, VIEW_NOUNS


@dataclass(frozen=True)
class Attribution:
    """A speaker, the reporting words, the reported content and whether the speaker rejects it."""

    speaker: tuple[int, int]
    reporting: tuple[int, int]
    content: tuple[int, int]
    rejects: bool


PRONOUNS = frozenset("he she they it we i".split())
# Speakers a text names without naming anyone: the claim is unattributed reported speech.
VAGUE = frozenset("some many others observers critics analysts people sources".split())
_AUX = re.compile(
    r"(?:\s+(?:has|have|had|is|are|was|were|also|again|did|does|do|not|then|now|\w+ly))+\s*$",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[\w'’-]+")
_DETERMINERS = frozenset(
    "the a an these those this that its their his her our each every any all no".split()
)
_FINITE_IN_SPEAKER = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|\w+ed)\b")
_ACCORDING_FIRST = re.compile(r"^according to (?P<sp>[^,]{2,80}),\s*", re.IGNORECASE)
_ACCORDING_LAST = re.compile(r",?\s+according to (?P<sp>[^,]{2,80})$", re.IGNORECASE)
_VERBS = "|".join(sorted(SAYING_VERBS | DENIAL_VERBS, key=len, reverse=True))
# '"...," said one resident' / '..., the minister said'
_TRAILING_INVERTED = re.compile(r'[,"”]+\s+(?P<verb>' + _VERBS + r")\s+(?P<sp>[^,]{2,60})$")
_TRAILING = re.compile(
    r'[,"”]+\s+(?P<sp>(?:[A-Z][^,]{1,60}?|he|she|they|'
    r"(?:the|a|an|one|several|two|three|four|many|some|both|other)\s[^,]{1,50}?))\s+(?P<verb>"
    + _VERBS
    + r")$"
)
MAX_SPEAKER_WORDS = 9
# A proper name in apposition: capitalised words only ("Samir Haddad", "Mira Castell").
_NAME = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}")
# "several aid officials who spoke to Meridian Desk": the speaker is the head noun phrase,
# without its relative clause, participle or apposition.
_SPEAKER_TAIL = re.compile(
    r"(?:,|\s+(?:who|whom|whose|which|that|speaking|talking|writing|quoted|cited|interviewed|"
    r"familiar|briefed|close|in\s+a\s+statement|on\s+condition)\b)",
    re.IGNORECASE,
)


def _head(clause: str, span: tuple[int, int]) -> tuple[int, int]:
    """The speaker span cut before a relative clause or a participle that describes it."""
    start, end = span
    tail = _SPEAKER_TAIL.search(clause, start + 1, end)
    if tail is None:
        return span
    return start, len(clause[: tail.start()].rstrip())


_OPENING_PHRASE = re.compile(
    r"(?:after|before|in|on|at|for|when|since|under|during|with|without|despite|following|"
    r"as|by|from|last|this|on)\b",
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"\b(?:was|were|been|be|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def find(clause: str) -> Attribution | None:
    """The attribution a clause makes, or None when it asserts in the source's own voice."""
    return _according(clause) or _trailing(clause) or _leading(clause)


def _according(clause: str) -> Attribution | None:
    first = _ACCORDING_FIRST.match(clause)
    if first:
        reporting = (first.start(), first.start() + len("according to"))
        return Attribution(
            _head(clause, first.span("sp")), reporting, (first.end(), len(clause)), False
        )
    last = _ACCORDING_LAST.search(clause)
    if last and last.start() > 0:
        at = clause.lower().rfind("according to")
        return Attribution(
            _head(clause, last.span("sp")),
            (at, at + len("according to")),
            (0, last.start()),
            False,
        )
    return None


def _trailing(clause: str) -> Attribution | None:
    for pattern in (_TRAILING_INVERTED, _TRAILING):
        match = pattern.search(clause)
        if match and match.start() > 0:
            if pattern is _TRAILING_INVERTED and _FINITE_IN_SPEAKER.search(match.group("sp")):
                continue  # ", told reporters that the talks had failed": content, no speaker
            verb = match.group("verb").lower()
            content_start = 1 if clause.startswith(('"', "“")) else 0
            return Attribution(
                _head(clause, match.span("sp")),
                match.span("verb"),
                (content_start, match.start()),
                verb in DENIAL_VERBS,
            )
    return None


def _leading(clause: str) -> Attribution | None:
    tokens = list(_TOKEN.finditer(clause))
    for index, token in enumerate(tokens):
        word = token.group()
        if index == 0 or word not in SAYING_VERBS | DENIAL_VERBS:
            continue
        if tokens[index - 1].group().lower() in _DETERMINERS:
            continue  # "the claims", "their reports": a noun
        head = clause[: token.start()]
        if _PASSIVE.search(head):
            continue  # "was announced": no speaker before the verb
        auxiliaries = _AUX.search(head)
        head = head[: auxiliaries.start()] if auxiliaries else head.rstrip()
        segments = [segment.strip() for segment in head.split(",")]
        # "After the announcement ..., some believed": the speaker follows the opening phrase
        speaker = segments[-1] if _OPENING_PHRASE.match(segments[0]) else segments[0]
        if len(segments) > 1 and _NAME.fullmatch(segments[1]) and not _NAME.fullmatch(speaker):
            speaker = segments[1]  # "The group's negotiator, Samir Haddad, said": the name
        if word.startswith("believ") and clause[token.end() : token.end() + 3] == " in":
            continue  # "believe in": a conviction, not a statement
        if not speaker or len(speaker.split()) > MAX_SPEAKER_WORDS:
            return None
        if _FINITE_IN_SPEAKER.search(speaker) or '"' in speaker or "“" in speaker:
            return None
        start = clause.find(speaker)
        return Attribution(
            (start, start + len(speaker)),
            token.span(),
            _content(clause, tokens, index),
            word in DENIAL_VERBS,
        )
    return None


def _content(clause: str, tokens: list[re.Match[str]], verb: int) -> tuple[int, int]:
    """After "that" when it follows within a few words ("told X that", "rejected the view
    that"), else right after the verb."""
    for later in tokens[verb + 1 : verb + 12]:
        if later.group().lower() == "that":
            return later.end(), len(clause)
        if later.group().lower() in VIEW_NOUNS:
            continue
    if verb + 1 < len(tokens):
        return tokens[verb + 1].start(), len(clause)
    return tokens[verb].end(), len(clause)
