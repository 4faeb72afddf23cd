"""`draft_annotation`: raw text in, a `kb-annotation/1` draft out, every item `draft: true`.

Deterministic rules over pysbd sentences and connective-bounded clauses
(docs/annotation.md, "The analyst's loop"): one candidate claim per assertive
clause, attributions from verbs of saying, rejected views from "not X but Y"
and "far from", candidate links from connectives, actors and topics from the
known aliases, and match proposals against the known claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kb.drafting import attribution as attributions
from kb.drafting.known import KnownGraph
from kb.drafting.lexicon import INTERPRETIVE, NORMATIVE, NORMATIVE_PHRASES, PREDICTIVE
from kb.drafting.matching import ClaimMatcher
from kb.drafting.mentions import AliasIndex
from kb.drafting.text import Clause, clauses
from kb.errors import KbError
from kb.models import ClaimType
from kb.schema import CHECKABLE_BY_TYPE

# "Why did X stop?" takes X for granted (docs/curation.md, questions and presuppositions).
_WHY = re.compile(r"^(?:why|how come)\b\s*", re.IGNORECASE)
_NOT_BUT = re.compile(r"\bnot\s+(?P<x>[^,;]{3,160}?)\s+but\b\s*(?P<y>.+)$", re.DOTALL)
_REPORTED_THAT = re.compile(r"^.*\bthat\s+", re.DOTALL)
_WORD = re.compile(r"[\w'’]+")
_SLUG = re.compile(r"[^a-z0-9]+")
_SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
LINK_CONTRASTS = frozenset("but however although though".split())
MAX_ID_WORDS = 5


class DraftInputError(KbError, ValueError):
    """The text or source id cannot be drafted (empty text, an id that is no slug)."""


@dataclass
class _Claim:
    """A drafted claim before it becomes a document entry."""

    id: str
    start: int
    end: int
    text: str
    type: str
    stance: str = "asserts"
    speaker: str | None = None
    speaker_stance: str | None = None
    reporting: str | None = None
    unattributed: bool = False
    rejected_view: bool = False
    said_after: bool = False  # the attribution follows its content ("Y, they said")
    about: list[dict[str, str]] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)


@dataclass
class _Draft:
    text: str
    source_id: str
    known: KnownGraph
    actors: AliasIndex
    topics: AliasIndex
    claims: list[_Claim] = field(default_factory=list)
    new_actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    links: list[dict[str, Any]] = field(default_factory=list)
    causal: list[dict[str, Any]] = field(default_factory=list)
    last_speaker: str | None = None

    def claim_id(self, words_from: str) -> str:
        words = [w.lower() for w in _WORD.findall(words_from)][:MAX_ID_WORDS]
        slug = _SLUG.sub("-", "-".join(words)).strip("-") or "claim"
        return f"c-{self.source_id}-{len(self.claims) + 1:03d}-{slug}"[:120].rstrip("-")


def draft_annotation(
    text: str, source_id: str, *, title: str | None = None, known: KnownGraph | None = None
) -> dict[str, Any]:
    """A `kb-annotation/1` document proposing the claims, links, actors and matches of `text`."""
    if not _SOURCE_ID.match(source_id) or len(source_id) > 60:
        raise DraftInputError(
            f"source id {source_id!r} must be a slug: lower case letters, digits and hyphens"
        )
    if not text.strip():
        raise DraftInputError("the text is empty: nothing to draft")
    known = known or KnownGraph()
    draft = _Draft(text, source_id, known, AliasIndex(known.actors), AliasIndex(known.topics))
    by_clause: list[_Claim | None] = []
    rejected: dict[int, _Claim] = {}
    all_clauses = clauses(text)
    for number, clause in enumerate(all_clauses):
        claim = _clause_claim(draft, clause)
        by_clause.append(claim)
        if claim is not None:
            view = _not_but(draft, claim)
            if view is not None:
                rejected[number] = view
    _sentence_attributions(draft, all_clauses, by_clause)
    _far_from(draft, by_clause)
    _connective_links(draft, all_clauses, by_clause)
    return _document(draft, title)


def _clause_claim(draft: _Draft, clause: Clause) -> _Claim | None:
    text = draft.text
    start, end = clause.start, clause.end
    if clause.question:
        return _question(draft, clause)
    quote = text[start:end]
    found = attributions.find(quote)
    if found is not None:
        claim = _reported(draft, clause, found)
        if claim is not None:
            return claim
    claim = _Claim(draft.claim_id(quote), start, end, _sentence(quote), _type(quote))
    _mentions(draft, claim, start, end)
    draft.claims.append(claim)
    return claim


def _question(draft: _Draft, clause: Clause) -> _Claim | None:
    """A why-question presupposes its content; other questions assert nothing."""
    quote = draft.text[clause.start : clause.end]
    why = _WHY.match(quote)
    if why is None:
        return None
    content = quote[why.end() :]
    claim = _Claim(
        draft.claim_id(content),
        clause.start,
        clause.end,
        _sentence(content),
        _type(content),
        stance="presupposes",
    )
    _mentions(draft, claim, clause.start, clause.end)
    draft.claims.append(claim)
    return claim


def _reported(draft: _Draft, clause: Clause, found: attributions.Attribution) -> _Claim | None:
    text = draft.text
    base = clause.start
    phrase = text[base + found.speaker[0] : base + found.speaker[1]].strip()
    content = text[base + found.content[0] : base + found.content[1]].strip(' ,"“”')
    if len(content.split()) < 2:
        return None
    claim = _Claim(
        draft.claim_id(content),
        clause.start,
        clause.end,
        _sentence(content),
        ClaimType.reported_speech.value,
    )
    claim.said_after = found.speaker[0] >= found.content[1]
    lowered = phrase.lower()
    if lowered.split()[0] in attributions.VAGUE:
        claim.unattributed = True
    else:
        speaker = _speaker(draft, phrase)
        if speaker is None:
            return None
        claim.stance = "reports"
        claim.speaker = speaker
        claim.speaker_stance = "rejects" if found.rejects else "asserts"
        claim.reporting = text[base + found.reporting[0] : base + found.reporting[1]]
        claim.about.append({"actor": speaker, "role": "speaker"})
        draft.last_speaker = speaker
    _mentions(draft, claim, base + found.content[0], base + found.content[1])
    draft.claims.append(claim)
    return claim


def _sentence_attributions(
    draft: _Draft, all_clauses: list[Clause], by_clause: list[_Claim | None]
) -> None:
    """ "Because X, Y, they said": an attribution closing a sentence covers its earlier
    clauses that assert in the source's own voice."""
    for index, claim in enumerate(by_clause):
        if claim is None or not claim.said_after:
            continue
        sentence = all_clauses[index].sentence
        earlier = index - 1
        while earlier >= 0 and all_clauses[earlier].sentence == sentence:
            premise = by_clause[earlier]
            earlier -= 1
            if premise is None or premise.stance != "asserts" or premise.rejected_view:
                continue
            if premise.type == ClaimType.reported_speech.value:
                break  # attributed on its own
            premise.type = ClaimType.reported_speech.value
            premise.unattributed = claim.unattributed
            if claim.speaker is not None:
                premise.stance = "reports"
                premise.speaker = claim.speaker
                premise.speaker_stance = "asserts"
                premise.reporting = claim.reporting
                premise.about.insert(0, {"actor": claim.speaker, "role": "speaker"})


def _speaker(draft: _Draft, phrase: str) -> str | None:
    """The actor a speaker phrase names: a pronoun is the last speaker; unknown ones are new."""
    if phrase.lower() in attributions.PRONOUNS:
        return draft.last_speaker
    known = draft.actors.resolve_speaker(phrase)
    if known is not None:
        return known
    words = [w for w in _WORD.findall(phrase)]
    while words and words[0].lower() in ("the", "a", "an", "one", "two", "several"):
        words = words[1:]
    slug = _SLUG.sub("-", "-".join(words).lower()).strip("-")[:60].strip("-")
    if not slug:
        return None
    if slug not in draft.new_actors:
        draft.new_actors[slug] = {
            "id": slug,
            "name": phrase,
            "kind": _actor_kind(words),
            "aliases": [phrase],
            "draft": True,
        }
    return slug


def _actor_kind(words: list[str]) -> str:
    organisation = {
        "ministry",
        "secretariat",
        "agency",
        "office",
        "council",
        "army",
        "military",
        "committee",
        "government",
        "service",
        "union",
        "bank",
        "court",
        "commission",
    }
    lowered = {w.lower() for w in words}
    if lowered & organisation:
        return "organisation"
    if words and words[-1].lower().endswith("s") and not words[0][:1].isupper():
        return "group"
    return "person"


def _not_but(draft: _Draft, claim: _Claim) -> _Claim | None:
    """ "A is not X but Y": the claim becomes "A is Y"; "A is X" is the rejected view it attacks."""
    quote = draft.text[claim.start : claim.end]
    match = _NOT_BUT.search(quote)
    if match is None or claim.stance == "presupposes":
        return None
    # In a report ("X said that A is not B but C") the subject starts after the reporting words.
    subject = _REPORTED_THAT.sub("", quote[: match.start()]).strip()
    x_start = claim.start + match.start()
    x_end = claim.start + match.end("x")
    view = _Claim(
        draft.claim_id(f"view {match.group('x')}"),
        x_start,
        x_end,
        _sentence(f"{subject} {match.group('x')}"),
        _type(match.group("x")),
        stance="rejects",
        rejected_view=True,
    )
    if claim.stance == "reports":  # the speaker rejects X: the source only reports that
        view.type = ClaimType.reported_speech.value
        view.stance = "reports"
        view.speaker = claim.speaker
        view.speaker_stance = "rejects" if claim.speaker_stance == "asserts" else "asserts"
        view.reporting = claim.reporting
        view.about.append({"actor": str(claim.speaker), "role": "speaker"})
    _mentions(draft, view, claim.start, x_end)
    claim.text = _sentence(f"{subject} {match.group('y')}")
    draft.claims.append(view)
    marker_end = claim.start + match.start("y")
    draft.links.append(
        _link(
            draft,
            "attacks",
            claim,
            view,
            claim.start,
            claim.end,
            draft.text[x_start:marker_end].strip(),
        )
    )
    return view


def _far_from(draft: _Draft, by_clause: list[_Claim | None]) -> None:
    """ "Far from X, Y": X is a rejected view (its words after "Far from"), Y attacks it."""
    for index, claim in enumerate(by_clause[:-1]):
        if claim is None:
            continue
        quote_start = claim.start
        before = draft.text[max(0, quote_start - 12) : quote_start]
        match = re.search(r"(far from|rather than)\s*$", before, re.IGNORECASE)
        following = by_clause[index + 1]
        if match is None or following is None:
            continue
        claim.stance = "rejects"
        claim.rejected_view = True
        marker_start = quote_start - len(before) + match.start()
        draft.links.append(
            _link(
                draft,
                "attacks",
                following,
                claim,
                marker_start,
                following.end,
                draft.text[marker_start : quote_start - len(before) + match.end()].strip(),
            )
        )


def _connective_links(
    draft: _Draft, all_clauses: list[Clause], by_clause: list[_Claim | None]
) -> None:
    for index, clause in enumerate(all_clauses):
        boundary = clause.joined_by
        if boundary.marker is None or boundary.kind is None:
            continue
        marker = boundary.marker.lower()
        this = by_clause[index]
        before = by_clause[index - 1] if index > 0 else None
        after = by_clause[index + 1] if index + 1 < len(by_clause) else None
        kind = boundary.kind
        if kind == "reason-before" and _opens_sentence(draft.text, clause, boundary):
            # "Why Y? - Because X.": the answer explains the question's presupposition
            pair = (this, _last_why(draft, clause.start) or before)
        elif kind == "reason-before":  # "Y because X"
            pair = (this, before)
        elif kind in ("opening-reason-before", "opening-condition"):  # "Because X, Y"
            pair = (this, after)
        elif kind == "reason-after":  # "X. Therefore Y"
            pair = (before, this)
        elif kind == "contrast" and marker in LINK_CONTRASTS:  # "X, but Y": Y attacks X
            pair = (this, before)
        elif kind == "opening-contrast" and marker in LINK_CONTRASTS:  # "Although X, Y"
            pair = (after, this)
        else:
            continue
        source, target = pair
        if source is None or target is None or source is target:
            continue
        if target.stance == "presupposes" and kind != "reason-before":
            continue
        start = min(source.start, target.start, boundary.marker_start)
        end = max(source.end, target.end, boundary.marker_end)
        quote_marker = draft.text[boundary.marker_start : boundary.marker_end]
        if "contrast" in kind:
            draft.links.append(_link(draft, "attacks", source, target, start, end, quote_marker))
        elif (
            target.type in (ClaimType.factual.value, ClaimType.reported_speech.value)
            or marker == "if"
        ):
            draft.causal.append(_causal(draft, source, target, start, end, quote_marker))
        else:
            draft.links.append(_link(draft, "supports", source, target, start, end, quote_marker))


def _opens_sentence(text: str, clause: Clause, boundary: Any) -> bool:
    """The marker is the first word of its line's sentence ("- Because X.")."""
    line_start = text.rfind("\n", 0, boundary.marker_start) + 1
    return text[line_start : boundary.marker_start].strip(" -–—•*") == "" or text[
        : boundary.marker_start
    ].rstrip().endswith((".", "?", "!"))


def _last_why(draft: _Draft, before: int) -> _Claim | None:
    """The last why-question's presupposed claim before `before`."""
    found = None
    for claim in draft.claims:
        if claim.stance == "presupposes" and claim.end <= before:
            if found is None or claim.end > found.end:
                found = claim
    return found


def _link(
    draft: _Draft, kind: str, source: _Claim, target: _Claim, start: int, end: int, marker: str
) -> dict[str, Any]:
    prefix = "sup" if kind == "supports" else "att"
    number = len(draft.links) + 1
    return {
        "id": f"{prefix}-{draft.source_id}-d{number}",
        "kind": kind,
        "from": source.id,
        "to": target.id,
        **_anchor(draft.text, start, end),
        "basis": "connective",
        "marker": marker,
        "draft": True,
    }


def _causal(
    draft: _Draft, cause: _Claim, effect: _Claim, start: int, end: int, marker: str
) -> dict[str, Any]:
    return {
        "id": f"cl-{draft.source_id}-d{len(draft.causal) + 1}",
        "cause": cause.id,
        "effect": effect.id,
        "mechanism": f"Draft: how, as the source says, {_lower(cause.text)} leads to "
        f"{_lower(effect.text)}",
        **_anchor(draft.text, start, end),
        "basis": "connective",
        "marker": marker,
        "draft": True,
    }


def _mentions(draft: _Draft, claim: _Claim, start: int, end: int) -> None:
    seen = {entry["actor"] for entry in claim.about}
    for mention in draft.actors.find(draft.text, start, end):
        if mention.id not in seen:
            seen.add(mention.id)
            role = "agent" if mention.start - start <= 4 else "subject"
            claim.about.append({"actor": mention.id, "role": role})
    for mention in draft.topics.find(draft.text, start, end):
        if mention.id not in claim.topics:
            claim.topics.append(mention.id)


def _type(clause: str) -> str:
    words = {w.lower() for w in _WORD.findall(clause)}
    lowered = clause.lower()
    if words & NORMATIVE or any(phrase in lowered for phrase in NORMATIVE_PHRASES):
        return ClaimType.normative.value
    if words & PREDICTIVE or lowered.startswith("if "):
        return ClaimType.predictive.value
    if words & INTERPRETIVE:
        return ClaimType.interpretive.value
    return ClaimType.factual.value


def _sentence(words: str) -> str:
    cleaned = " ".join(words.replace("“", "").replace("”", "").replace('"', "").split())
    cleaned = cleaned.strip(" ,;:-—")
    if not cleaned:
        return "Draft claim."
    cleaned = cleaned[0].upper() + cleaned[1:]
    return cleaned if cleaned.endswith((".", "!", "?")) else cleaned + "."


def _lower(sentence: str) -> str:
    return (sentence[0].lower() + sentence[1:]).rstrip(".") if sentence else sentence


def _anchor(text: str, start: int, end: int) -> dict[str, Any]:
    """The quote of text[start:end], with `occurrence` when the words occur more than once."""
    quote = text[start:end]
    starts = []
    at = text.find(quote)
    while at >= 0:
        starts.append(at)
        at = text.find(quote, at + 1)
    if len(starts) > 1:
        return {"quote": quote, "occurrence": starts.index(start) + 1}
    return {"quote": quote}


def _document(draft: _Draft, title: str | None) -> dict[str, Any]:
    matcher = ClaimMatcher(draft.known.claims)
    claims = []
    actor_refs: list[str] = []
    topic_refs: list[str] = []
    for claim in sorted(draft.claims, key=lambda c: (c.start, c.end, c.id)):
        claims.append(_claim_entry(draft, claim, matcher))
        for entry in claim.about:
            if entry["actor"] not in draft.new_actors and entry["actor"] not in actor_refs:
                actor_refs.append(entry["actor"])
        topic_refs.extend(t for t in claim.topics if t not in topic_refs)
    actors = [{"ref": ref, "draft": True} for ref in actor_refs]
    actors += list(draft.new_actors.values())
    document: dict[str, Any] = {
        "format": "kb-annotation/1",
        "source": {
            "id": draft.source_id,
            "title": title or f"Draft: {draft.source_id}",
            "kind": "other",
            "language": "en",
            "text": draft.text,
        },
        "actors": actors,
        "topics": [{"ref": ref, "draft": True} for ref in topic_refs],
        "claims": claims,
        "links": sorted(draft.links, key=lambda link: link["id"]),
        "causal_links": draft.causal,
    }
    return document


def _claim_entry(draft: _Draft, claim: _Claim, matcher: ClaimMatcher) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": claim.id,
        "text": claim.text,
        "type": claim.type,
        "checkable": CHECKABLE_BY_TYPE[claim.type],
        **_anchor(draft.text, claim.start, claim.end),
    }
    if claim.stance != "asserts":
        entry["stance"] = claim.stance
    if claim.stance == "reports":
        entry["speaker"] = claim.speaker
        entry["speaker_stance"] = claim.speaker_stance
        entry["reporting"] = claim.reporting
    if claim.unattributed:
        entry["unattributed"] = True
    if claim.rejected_view:
        entry["framing"] = "rejected_view"
        entry["held_by"] = "author-framing"
    if claim.about:
        entry["about"] = claim.about
    if claim.topics:
        entry["topics"] = claim.topics
    matches = matcher.best(claim.text, draft.text[claim.start : claim.end])
    if matches:
        entry["matches"] = [
            {"ref": m.claim_id, "score": round(m.score, 2), "text": m.text} for m in matches
        ]
    entry["draft"] = True
    return entry
