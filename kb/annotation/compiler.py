"""Compile an annotation document into the rows of a seed script, or say what is wrong.

Every problem is collected (not just the first), each naming the file, the
line and the rule. The checks that need only the file live here; those that
need the compiled graph (the `kb lint` rules) run in `kb.services.annotation`.
"""

from __future__ import annotations

import hashlib
from typing import Any

from kb.annotation import checks
from kb.annotation.anchors import AnchorError, Span, anchor, section_at
from kb.annotation.document import (
    AnnotationSyntaxError,
    Document,
    Path_,
    Problem,
    decode_utf8,
    schema_problems,
)
from kb.annotation.model import CLAIM_MARKS, Compiled, ExistingIds, Row
from kb.annotation.reanchor import place
from kb.annotation.revision import Previous
from kb.schema import CHECKABLE_BY_TYPE, TYPE_LABELS

# The appearance's stance (docs/annotation.md); `mode` is its older spelling.
STANCE_KEYS: tuple[str, ...] = ("stance", "speaker", "speaker_stance", "reporting")

# What an entry that references an existing id may say: where this source
# asserts it, and (for actors and topics) the aliases it adds.
REF_KEYS: dict[str, set[str]] = {
    "claim": {
        "ref",
        "quote",
        "occurrence",
        "section",
        "mode",
        *STANCE_KEYS,
        "also",
        "about",
        "topics",
        "draft",  # `kb draft`'s mark (kb/annotation/drafts.py)
        "matches",
    },
    "actor": {"ref", "aliases", "draft"},
    "topic": {"ref", "aliases", "draft"},
}


def compile_document(
    document: Document,
    existing: ExistingIds,
    script_name: str,
    previous: Previous | None = None,
) -> tuple[Compiled | None, list[Problem]]:
    """The compiled source and no problems, or None and every problem found.

    With `previous` (the source as applied), quotes re-anchor from their
    stored appearances (`kb.annotation.reanchor`) and every placement is kept
    in `Compiled.placements` for the revision report.
    """
    problems = schema_problems(document)
    if problems:
        return None, problems
    compiler = _Compiler(document, existing, script_name, previous)
    compiled = compiler.run()
    return (None, compiler.problems) if compiler.problems else (compiled, [])


class _Compiler:
    def __init__(
        self,
        document: Document,
        existing: ExistingIds,
        script_name: str,
        previous: Previous | None = None,
    ) -> None:
        self.previous = previous
        self.placements: list[Row] = []
        self.doc = document
        self.existing = existing
        self.script_name = script_name
        self.problems: list[Problem] = []
        self.text = ""
        self.sections: list[tuple[int, str]] = []
        self.defined: dict[str, dict[str, Path_]] = {
            kind: {} for kind in ("claim", "actor", "topic", "link", "causal", "slot")
        }

    def problem(self, path: Path_, rule: str, message: str) -> None:
        self.problems.append(self.doc.problem(path, rule, message))

    def run(self) -> Compiled:
        data = self.doc.data
        compiled = Compiled(source=self._source(data["source"]))
        self._define_all(data)
        self._actors(compiled, data.get("actors", []))
        self._topics(compiled, data.get("topics", []))
        self._claims(compiled, data.get("claims", []))
        self._links(compiled, data.get("links", []))
        self._causal(compiled, data.get("causal_links", []))
        self._superseded(compiled, data)
        compiled.source_slots = compiled.source.pop("slots")
        for link_id, message in checks.cycles(compiled):
            link_path = self.defined["link"].get(link_id) or self.defined["causal"][link_id]
            self.problem((*link_path, "id"), "cycle", message)
        compiled.placements = self.placements
        compiled.lines = {
            item_id: self.doc.line(path)
            for table in self.defined.values()
            for item_id, path in table.items()
        }
        return compiled

    # -- the source ---------------------------------------------------------------------------

    def _source(self, source: dict[str, Any]) -> Row:
        path: Path_ = ("source",)
        if "text_file" in source:
            text_path = self.doc.path.parent / source["text_file"]
            try:
                self.text = decode_utf8(str(text_path), text_path.read_bytes())
            except OSError as exc:
                self.problem((*path, "text_file"), "text-file", f"cannot read {text_path}: {exc}")
            except AnnotationSyntaxError as exc:
                bad = exc.problem
                self.problem(
                    (*path, "text_file"), bad.rule, f"{text_path}:{bad.line}: {bad.message}"
                )
        else:
            self.text = source["text"]
        for index, section in enumerate(source.get("sections", [])):
            span = self._anchor(
                (*path, "sections", index), section["starts_at"], section.get("occurrence")
            )
            if span is not None:
                self.sections.append((span.start, section["id"]))
        self.sections.sort()
        metadata = ("author", "publisher", "published_on", "url", "fictional")
        return {
            "id": source["id"],
            "title": source["title"],
            "kind": source["kind"],
            "language": source["language"],
            "sha256": hashlib.sha256(self.text.encode("utf-8")).hexdigest(),
            "length": len(self.text),
            "text": self.text,
            **{key: source.get(key) for key in metadata},
            "slots": [
                {"id": f"slot-{source['id']}-{field}", "field": field, "question": question}
                for field, question in source.get("unknown", {}).items()
            ],
        }

    def _anchor(
        self, path: Path_, quote: str, occurrence: int | None, key: str | None = None
    ) -> Span | None:
        try:
            if key is None or self.previous is None:
                return anchor(self.text, quote, occurrence)
            old = self.previous.take(key, quote, occurrence)
            placed = place(self.text, quote, occurrence, old)
            self.placements.append(
                {
                    "key": key,
                    "quote": quote,
                    "old_start": None if old is None else old.start,
                    "start": placed.start,
                    "end": placed.end,
                    "how": placed.how,
                    "score": placed.score,
                }
            )
            return Span(placed.start, placed.end)
        except AnchorError as exc:
            self.problem(
                (*path, "quote") if path[-2:-1] != ("sections",) else path, exc.rule, str(exc)
            )
            return None

    def _anchors(self, path: Path_, entry: dict[str, Any], key: str | None = None) -> list[Row]:
        """The spans of an entry's `quote` and of each of its `also` anchors.

        `key` (`claim:ID`, `causal:ID`) names the appearances a revision re-anchors from.
        """
        anchors = [(path, entry)] + [
            ((*path, "also", i), a) for i, a in enumerate(entry.get("also", []))
        ]
        rows = []
        for anchor_path, item in anchors:
            span = self._anchor(anchor_path, item["quote"], item.get("occurrence"), key)
            if span is None:
                continue
            section = item.get("section") or section_at(self.sections, span.start)
            if "section" in item and item["section"] not in {s for _, s in self.sections}:
                self.problem(
                    (*anchor_path, "section"),
                    "unknown-id",
                    f"section {item['section']!r} is not in source.sections",
                )
            rows.append(
                {
                    "quote": self.text[span.start : span.end],
                    "start": span.start,
                    "end": span.end,
                    "section": section,
                    **self._stance(anchor_path, item),
                }
            )
        return rows

    def _stance(self, path: Path_, item: dict[str, Any]) -> Row:
        """`stance` (`mode` in files written before it; absent: asserts) and a report's speaker."""
        mode, stance = item.get("mode"), item.get("stance")
        if mode is not None and stance is not None and mode != stance:
            self.problem(
                (*path, "stance"), "schema", f"stance {stance!r} contradicts mode {mode!r}"
            )
        stance = stance or mode or "asserts"
        speaker = item.get("speaker")
        if stance == "reports":
            if speaker is None:
                self.problem((*path, "speaker"), "schema", "a `reports` stance names its speaker")
            else:
                self.known((*path, "speaker"), "actor", speaker)
        else:
            for key in ("speaker", "speaker_stance", "reporting"):
                if key in item:
                    self.problem((*path, key), "schema", f"`{key}` goes only with stance `reports`")
        reports = stance == "reports"
        return {
            "stance": stance,
            "speaker": speaker if reports else None,
            "speaker_stance": item.get("speaker_stance", "asserts") if reports else None,
            "reporting": item.get("reporting") if reports else None,
        }

    # -- ids ----------------------------------------------------------------------------------

    def _define_all(self, data: dict[str, Any]) -> None:
        """Record every id the file defines first, so references may point forward."""
        tables = (
            ("actors", "actor"),
            ("topics", "topic"),
            ("claims", "claim"),
            ("links", "link"),
            ("superseded_links", "link"),
            ("causal_links", "causal"),
            ("superseded_causal_links", "causal"),
        )
        for key, kind in tables:
            for index, entry in enumerate(data.get(key, [])):
                path: Path_ = (key, index)
                if "ref" in entry:
                    for extra in sorted(set(entry) - REF_KEYS[kind]):
                        self.problem(
                            (*path, extra),
                            "schema",
                            f"`{extra}` does not go with `ref` (it belongs where {kind} "
                            f"{entry['ref']!r} is defined)",
                        )
                item_id = entry.get("id") or entry.get("ref")
                if item_id in self.defined[kind]:
                    first = self.doc.line(self.defined[kind][item_id])
                    self.problem(
                        (*path, "id" if "id" in entry else "ref"),
                        "duplicate-id",
                        f"{kind} id {item_id!r} is already used on line {first}",
                    )
                    continue
                self.defined[kind][item_id] = path
                if "ref" in entry and item_id not in self._existing(kind):
                    self.problem((*path, "ref"), *self._missing(kind, item_id, "referenced"))

    def _existing(self, kind: str) -> frozenset[str]:
        return {
            "claim": self.existing.claims,
            "actor": self.existing.actors,
            "topic": self.existing.topics,
            "causal": self.existing.causal_links,
            "link": self.existing.links,
        }.get(kind, frozenset())

    def known(self, path: Path_, kind: str, item_id: str) -> bool:
        """True when `item_id` is defined in the file or exists; else a problem."""
        if item_id in self.defined[kind] or item_id in self._existing(kind):
            return True
        self.problem(path, *self._missing(kind, item_id, "neither defined in this file"))
        return False

    def _missing(self, kind: str, item_id: str, how: str) -> tuple[str, str]:
        """The rule and message for an id the database does not hold as current."""
        retired_in = self.existing.retired_claims.get(item_id) if kind == "claim" else None
        if retired_in is not None:
            return (
                "retired-claim",
                f"claim {item_id!r} is retired ({retired_in}); to revive it, assert it "
                f"again with `id: {item_id}` and its text instead of `ref`",
            )
        if how == "referenced":
            return "unknown-id", f"{kind} {item_id!r} is referenced but not in the database"
        return "unknown-id", f"{kind} {item_id!r} is {how} nor in the database"

    def slot_id(self, path: Path_, wanted: str | None, owner: str, index: int) -> str:
        slot_id = wanted or f"slot-{owner}-{index}"
        if slot_id in self.defined["slot"]:
            self.problem(path, "duplicate-id", f"slot id {slot_id!r} is already used")
        self.defined["slot"][slot_id] = path
        return slot_id

    def slots(
        self, path: Path_, owner: str, entry: dict[str, Any], default: str | None
    ) -> list[Row]:
        """The owner's slots as rows; one default question when it needs one and has none."""
        given = entry.get("slots")
        if given is None:
            given = [{"question": default}] if default else []
        return [
            {
                "id": self.slot_id((*path, "slots", i), slot.get("id"), owner, i + 1),
                "owner": owner,
                "question": slot["question"],
            }
            for i, slot in enumerate(given)
        ]

    # -- actors and topics --------------------------------------------------------------------

    def _actors(self, compiled: Compiled, actors: list[dict[str, Any]]) -> None:
        for index, entry in enumerate(actors):
            path: Path_ = ("actors", index)
            if "ref" in entry:
                compiled.actor_aliases.append(
                    {"id": entry["ref"], "aliases": entry.get("aliases", [])}
                )
                continue
            compiled.actors.append(
                {
                    "id": entry["id"],
                    "name": entry["name"],
                    "kind": entry["kind"],
                    "aliases": entry.get("aliases", []),
                }
            )
            compiled.actor_slots += self.slots(path, entry["id"], entry, None)
            for i, member in enumerate(entry.get("includes", [])):
                if self.known((*path, "includes", i), "actor", member):
                    compiled.includes.append({"actor": entry["id"], "member": member})

    def _topics(self, compiled: Compiled, topics: list[dict[str, Any]]) -> None:
        for entry in topics:
            if "ref" in entry:
                compiled.topic_aliases.append(
                    {"id": entry["ref"], "aliases": entry.get("aliases", [])}
                )
            else:
                compiled.topics.append(
                    {"id": entry["id"], "name": entry["name"], "aliases": entry.get("aliases", [])}
                )

    # -- claims -------------------------------------------------------------------------------

    def _claims(self, compiled: Compiled, claims: list[dict[str, Any]]) -> None:
        for index, entry in enumerate(claims):
            path: Path_ = ("claims", index)
            claim_id = entry.get("id") or entry["ref"]
            for row in self._anchors(path, entry, f"claim:{claim_id}"):
                compiled.asserts.append({"claim": claim_id, **row})
            if "ref" in entry:
                compiled.claim_refs.append({"id": claim_id, "quote": entry["quote"]})
            else:
                if claim_id in self.existing.retired_claims:  # asserted again: revived
                    compiled.revived_claims.append({"id": claim_id})
                compiled.claims.append(self._claim_row(path, entry))
                checkable = compiled.claims[-1]["checkable"]
                default = (
                    f"What record would settle this claim: {entry['text']}" if checkable else None
                )
                compiled.claim_slots += self.slots(path, claim_id, entry, default)
            for i, about in enumerate(entry.get("about", [])):
                known = self.known((*path, "about", i, "actor"), "actor", about["actor"])
                if "via" in about:
                    known = self.known((*path, "about", i, "via"), "actor", about["via"]) and known
                if known:
                    compiled.about.append(
                        {
                            "claim": claim_id,
                            "actor": about["actor"],
                            "role": about["role"],
                            "via": about.get("via"),
                        }
                    )
            for i, topic in enumerate(entry.get("topics", [])):
                if self.known((*path, "topics", i), "topic", topic):
                    compiled.concerns.append({"claim": claim_id, "topic": topic})

    def _claim_row(self, path: Path_, entry: dict[str, Any]) -> Row:
        if "restates" in entry:
            self.known((*path, "restates"), "claim", entry["restates"])
        if "restates_link" in entry:
            self.known((*path, "restates_link"), "causal", entry["restates_link"])
        return {
            "id": entry["id"],
            "text": entry["text"],
            "type": entry["type"],
            "label": TYPE_LABELS[entry["type"]],
            "checkable": entry.get("checkable", CHECKABLE_BY_TYPE[entry["type"]]),
            **{key: entry.get(key) for key in CLAIM_MARKS},
        }

    # -- links --------------------------------------------------------------------------------

    def _basis(self, path: Path_, entry: dict[str, Any]) -> Row:
        """basis/marker/rationale; a marker must stand in the link's quote (or one of them)."""
        basis, marker, rationale = entry["basis"], entry.get("marker"), entry.get("rationale")
        if basis == "connective":
            if not marker:
                self.problem(path, "missing-marker", "a connective link needs `marker`")
            elif not any(marker in a["quote"] for a in [entry, *entry.get("also", [])]):
                self.problem(
                    (*path, "marker"),
                    "marker-not-in-quote",
                    f"marker {marker!r} does not occur in the link's quote",
                )
        elif marker:
            self.problem(
                (*path, "marker"), "schema", f"only a connective link has a marker ({basis})"
            )
        if basis == "curator" and not rationale:
            self.problem(path, "missing-rationale", "a curator link needs `rationale`")
        # `premise_as: report`: argued from the premise having been said (lint stance-not-premise).
        return {
            "basis": basis,
            "marker": marker,
            "rationale": rationale,
            "premise_as": entry.get("premise_as"),
        }

    def _ends_known(self, path: Path_, entry: dict[str, Any], ends: tuple[str, str]) -> bool:
        results = [self.known((*path, end), "claim", entry[end]) for end in ends]
        return all(results)

    def _links(self, compiled: Compiled, links: list[dict[str, Any]]) -> None:
        for index, entry in enumerate(links):
            path: Path_ = ("links", index)
            key = f"link:{entry['id']}"
            span = self._anchor(path, entry["quote"], entry.get("occurrence"), key)
            basis = self._basis(path, entry)
            if not self._ends_known(path, entry, ("from", "to")) or span is None:
                continue
            row = {
                "id": entry["id"],
                "from_claim": entry["from"],
                "to_claim": entry["to"],
                "source_id": compiled.source_id,
                "quote": self.text[span.start : span.end],
                "start": span.start,
                "end": span.end,
                **basis,
            }
            (compiled.supports if entry["kind"] == "supports" else compiled.attacks).append(row)

    def _causal(self, compiled: Compiled, links: list[dict[str, Any]]) -> None:
        for index, entry in enumerate(links):
            path: Path_ = ("causal_links", index)
            anchors = self._anchors(path, entry, f"causal:{entry['id']}")
            basis = self._basis(path, entry)
            if not self._ends_known(path, entry, ("cause", "effect")):
                continue
            compiled.causal_links.append(
                {
                    "id": entry["id"],
                    "cause": entry["cause"],
                    "effect": entry["effect"],
                    "mechanism": entry["mechanism"],
                    **basis,
                }
            )
            compiled.link_asserts += [{"link": entry["id"], **row} for row in anchors]
            default = f"What record would show whether this happened: {entry['mechanism']}"
            compiled.causal_slots += self.slots(path, entry["id"], entry, default)

    def _superseded(self, compiled: Compiled, data: dict[str, Any]) -> None:
        for index, entry in enumerate(data.get("superseded_links", [])):
            path: Path_ = ("superseded_links", index)
            span = self._anchor(path, entry["quote"], entry.get("occurrence"))
            if span is not None:
                compiled.superseded_links.append(
                    {
                        "id": entry["id"],
                        "kind": entry["kind"],
                        "from_id": entry["from"],
                        "to_id": entry["to"],
                        "source_id": compiled.source_id,
                        "quote": entry["quote"],
                        "start": span.start,
                        "end": span.end,
                        "reason": entry["reason"],
                        "replaced_by": entry.get("replaced_by", []),
                    }
                )
        for index, entry in enumerate(data.get("superseded_causal_links", [])):
            path = ("superseded_causal_links", index)
            anchors = self._anchors(path, entry) if "quote" in entry else []
            if not self._ends_known(path, entry, ("cause", "effect")):
                continue
            compiled.superseded_causal.append(
                {
                    "id": entry["id"],
                    "cause": entry["cause"],
                    "effect": entry["effect"],
                    "mechanism": entry["mechanism"],
                    "superseded_by": entry.get("replaced_by", []),
                    "superseded_reason": entry["reason"],
                    "superseded_in": entry.get("superseded_in", self.script_name),
                }
            )
            compiled.superseded_asserts += [{"link": entry["id"], **row} for row in anchors]
            compiled.superseded_slots += self.slots(path, entry["id"], entry, None)
