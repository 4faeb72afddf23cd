"""Actors and topics a text mentions, found by the names and aliases the knowledge base knows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.drafting.known import KnownEntity
from kb.drafting.lexicon import PERSON_NOUNS

_LAST_WORD = re.compile(r"([\w'’-]+)\W*$")


@dataclass(frozen=True)
class Mention:
    """One mention of a known entity: its id and span."""

    id: str
    start: int
    end: int


class AliasIndex:
    """One regular expression over every spelling, longest first; acronyms keep their case."""

    def __init__(self, entities: tuple[KnownEntity, ...]) -> None:
        self._ids: dict[str, str] = {}
        self._exact: set[str] = set()
        for entity in entities:
            for spelling in entity.names():
                spelling = spelling.strip()
                if len(spelling) < 2:
                    continue
                key = spelling.lower()
                self._ids.setdefault(key, entity.id)
                if spelling.isupper() and len(spelling) <= 6:
                    self._exact.add(spelling)
        names = sorted(self._ids, key=lambda name: (-len(name), name))
        self._pattern = (
            re.compile(r"\b(?:" + "|".join(re.escape(name) for name in names) + r")\b", re.I)
            if names
            else None
        )

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Mentions within text[start:end], in text order."""
        if self._pattern is None:
            return []
        end = len(text) if end is None else end
        found = []
        for match in self._pattern.finditer(text, start, end):
            spelling = match.group()
            if spelling.upper() in self._exact and spelling not in self._exact:
                continue
            found.append(Mention(self._ids[spelling.lower()], match.start(), match.end()))
        return found

    def resolve(self, phrase: str) -> str | None:
        """The entity a noun phrase names: the whole phrase, else its longest mention."""
        if phrase.lower().strip() in self._ids:
            return self._ids[phrase.lower().strip()]
        mentions = self.find(phrase)
        if not mentions:
            return None
        return max(mentions, key=lambda m: (m.end - m.start, -m.start)).id

    def resolve_speaker(self, phrase: str) -> str | None:
        """Like `resolve`, but a person head noun ("a US official", "Egypt's envoy") is not
        the entity its modifier names: the speaker is that person (None: propose a new actor),
        unless the known spelling itself ends on the head ("the mediators")."""
        phrase = phrase.strip()
        if phrase.lower() in self._ids:
            return self._ids[phrase.lower()]
        head = _LAST_WORD.search(phrase)
        if head is None or head.group(1).lower() not in PERSON_NOUNS:
            return self.resolve(phrase)
        covering = [m for m in self.find(phrase) if m.end >= head.end(1)]
        if not covering:
            return None
        return max(covering, key=lambda m: (m.end - m.start, -m.start)).id
