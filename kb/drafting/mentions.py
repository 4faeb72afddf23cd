"""Actors and topics a text mentions, found by the names and aliases the knowledge base knows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.drafting.known import KnownEntity


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
