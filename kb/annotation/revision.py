"""A revision of an applied source: what its annotation file changes, as rows of one script.

`kb import` on a source the database already holds compiles the file with the
source's stored appearances (`Previous`), so each quote re-anchors from where
it was (`kb.annotation.reanchor`). `revise` then adds to the compiled source
what the revision changes besides the plain MERGEs of a first import:

- the revision itself (number, text, SHA-256, why, the file's SHA-256, a
  snapshot of its spans with their context), and revision 1 backfilled from
  the applied state the first time a source is revised;
- appearances that moved (updated in place before the MERGEs, so no span is
  left at a stale offset), and those the file no longer has, retired into
  `RetiredAppearance` nodes;
- links of this source the file no longer has, superseded like
  `superseded_links` (a `SupersededLink` node keeps them), and causal links it
  no longer states that no other source asserts, superseded like
  `superseded_causal_links` (the node becomes a `SupersededCausalLink`);
- claims no source asserts any more, retired (never deleted), and claims the
  file asserts again, revived; each change is an event in the claim's history.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from kb.annotation.anchors import occurrence_of
from kb.annotation.model import Compiled, Row
from kb.annotation.reanchor import Anchor, context_of, stored

# An appearance whose quote the file changed is still the same appearance when the
# two quotes are at least this similar (rapidfuzz ratio, 0-100).
_SAME_APPEARANCE = 50
_HUNK_SHOWN = 60
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass
class Previous:
    """The source as applied: its text, appearances by key, links, recorded revisions."""

    source_id: str
    text: str
    sha256: str
    appearances: dict[str, list[Anchor]]
    links: dict[str, Row]
    revisions: list[Row]
    retired_claims: set[str]
    taken: set[tuple[str, int]] = field(default_factory=set)
    # The causal links this source asserts: id, mechanism, cause, effect, `shared` (another
    # source asserts it too).
    causal_links: dict[str, Row] = field(default_factory=dict)

    @property
    def latest(self) -> Row | None:
        return max(self.revisions, key=lambda r: r["number"], default=None)

    def take(self, key: str, quote: str, occurrence: int | None) -> Anchor | None:
        """The stored appearance the file's anchor continues, if any (each taken once)."""
        free = [a for a in self.appearances.get(key, []) if (key, a.start) not in self.taken]
        same = [a for a in free if a.quote == quote]
        chosen: Anchor | None = None
        if same:
            chosen = same[0]
            if occurrence is not None:
                chosen = next(
                    (a for a in same if occurrence_of(self.text, quote, a.start) == occurrence),
                    chosen,
                )
        elif free:
            best = max(free, key=lambda a: fuzz.ratio(a.quote, quote))
            chosen = best if fuzz.ratio(best.quote, quote) >= _SAME_APPEARANCE else None
        if chosen is not None:
            self.taken.add((key, chosen.start))
        return chosen


def previous_from(source_id: str, row: dict[str, Any] | None) -> Previous | None:
    """`Previous` from `REVISION_PREVIOUS_QUERY`'s row (None: the source is new)."""
    if row is None or row["text"] is None:
        return None
    text = str(row["text"])
    appearances: dict[str, list[Anchor]] = {}
    for item in sorted([*row["asserts"], *row["link_asserts"]], key=lambda a: a["start"]):
        appearances.setdefault(item["key"], []).append(
            stored(text, item["quote"], item["start"], item["end"])
        )
    links = {link["id"]: link for link in row["links"]}
    for link in links.values():
        appearances[f"link:{link['id']}"] = [
            stored(text, link["quote"], link["start"], link["end"])
        ]
    return Previous(
        source_id,
        text,
        str(row["sha256"]),
        appearances,
        links,
        list(row["revisions"]),
        set(row["retired"]),
        causal_links={link["id"]: link for link in row.get("causal_links", [])},
    )


@dataclass
class Revision:
    """What a revision changes, for the report `kb import` prints."""

    number: int
    why: str
    hunks: list[str]
    placements: list[Row]
    retired_appearances: list[Row]
    retired_links: list[str]
    retired_claims: list[str]
    revived_claims: list[str]
    changed_claims: list[str]
    retired_causal_links: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"revision {self.number}: {self.why}"]
        out += [f"  text {hunk}" for hunk in self.hunks] or ["  text unchanged"]
        hows = [p["how"] for p in self.placements]
        out.append(
            f"  spans: {hows.count('kept')} kept, {hows.count('moved')} moved, "
            f"{hows.count('context')} told apart by context, {hows.count('fuzzy')} re-anchored "
            f"fuzzily, {hows.count('new')} new, {len(self.retired_appearances)} orphaned"
        )
        for placed in self.placements:
            how = placed["how"]
            if how in ("new", "kept"):
                continue
            detail = f"{placed['old_start']} -> {placed['start']}"
            if how == "fuzzy":
                detail += f", score {placed['score']:.2f}"
            out.append(f"  span {how}: {placed['key']} ({detail})")
        out += [
            f"  span orphaned, appearance retired: {row['kind']}:{row['target']} "
            f"(at {row['start']})"
            for row in self.retired_appearances
        ]
        out += [f"  claim text changed: {claim}" for claim in self.changed_claims]
        out += [f"  link retired: {link}" for link in self.retired_links]
        out += [f"  causal link retired: {link}" for link in self.retired_causal_links]
        out += [
            f"  claim retired unless another source asserts it: {c}" for c in self.retired_claims
        ]
        out += [f"  claim revived: {claim}" for claim in self.revived_claims]
        return out


def revise(
    compiled: Compiled,
    previous: Previous,
    *,
    why: str | None,
    annotation_sha256: str,
    script_name: str,
    claim_texts: dict[str, str],
) -> Revision | None:
    """Add the revision's rows to `compiled`; None when the file changes nothing to revise.

    `claim_texts` holds the current text of the file's claims that exist.
    """
    source_id = compiled.source_id
    latest = previous.latest
    if latest is not None and latest.get("annotation_sha256") == annotation_sha256:
        return None  # this very file is the latest revision
    number = (latest["number"] if latest else 1) + 1
    reason = f"revision {number} of {source_id}: {why or 'revised'}"
    moved = [
        {
            "source_id": source_id,
            "target": p["key"].split(":", 1)[1],
            "old_start": p["old_start"],
            "start": p["start"],
            "end": p["end"],
            "quote": compiled.source["text"][p["start"] : p["end"]],
        }
        for p in compiled.placements
        if p["old_start"] is not None
        and p["old_start"] != p["start"]
        and not p["key"].startswith("link:")
    ]
    retired = [
        {
            "id": f"{source_id}@{number}:{key}@{old.start}",
            "source_id": source_id,
            "kind": key.split(":", 1)[0],
            "target": key.split(":", 1)[1],
            "start": old.start,
            "revision": number,
            "reason": reason,
        }
        for key, anchors in previous.appearances.items()
        if not key.startswith("link:")
        for old in anchors
        if (key, old.start) not in previous.taken
    ]
    kept_links = {str(r["id"]) for r in [*compiled.supports, *compiled.attacks]}
    kept_links |= {str(r["id"]) for r in compiled.superseded_links}
    dropped = [link for link_id, link in previous.links.items() if link_id not in kept_links]
    stated = {str(r["id"]) for r in [*compiled.causal_links, *compiled.superseded_causal]}
    # A causal link the file no longer states goes only when no other source asserts it
    # (else only this source's appearance of it is retired).
    dropped_causal = [
        link
        for link_id, link in sorted(previous.causal_links.items())
        if link_id not in stated and not link["shared"]
    ]
    asserted = {str(r["claim"]) for r in compiled.asserts}
    retired_claims = sorted({str(r["target"]) for r in retired if r["kind"] == "claim"} - asserted)
    revived = sorted(asserted & previous.retired_claims)
    changed = sorted(
        str(r["id"])
        for r in compiled.claims
        if r["id"] in claim_texts and claim_texts[r["id"]] != r["text"]
    )
    text_changed = previous.sha256 != compiled.source["sha256"]
    if not (
        text_changed or moved or retired or dropped or dropped_causal or changed or revived or why
    ):
        return None
    compiled.moved_appearances = moved
    compiled.retired_appearances = retired
    compiled.superseded_links += [
        {**link, "source_id": source_id, "reason": reason, "replaced_by": []} for link in dropped
    ]
    compiled.superseded_causal += [
        {
            "id": link["id"],
            "cause": link["cause"],
            "effect": link["effect"],
            "mechanism": link["mechanism"],
            "superseded_by": [],
            "superseded_reason": reason,
            "superseded_in": script_name,
        }
        for link in dropped_causal
    ]
    compiled.revision_retired_causal = [str(link["id"]) for link in dropped_causal]
    compiled.retired_claims = [
        {"id": claim, "revision": number, "reason": reason, "source_id": source_id}
        for claim in retired_claims
    ]
    compiled.revived_claims = [{"id": claim} for claim in revived]
    compiled.revisions = _revision_rows(
        compiled, previous, number, why or "revised", annotation_sha256, script_name
    )
    compiled.revision_events = _events(
        source_id, number, reason, retired, retired_claims, revived, changed, claim_texts
    )
    return Revision(
        number,
        why or "revised",
        hunks(previous.text, compiled.source["text"]),
        compiled.placements,
        retired,
        sorted(link["id"] for link in dropped),
        retired_claims,
        revived,
        changed,
        compiled.revision_retired_causal,
    )


def _revision_rows(
    compiled: Compiled,
    previous: Previous,
    number: int,
    why: str,
    annotation_sha256: str,
    script_name: str,
) -> list[Row]:
    source_id = compiled.source_id
    rows = []
    if previous.latest is None:  # the state as first applied becomes revision 1
        rows.append(
            {
                "id": f"{source_id}@1",
                "source_id": source_id,
                "number": 1,
                "text": previous.text,
                "sha256": previous.sha256,
                "why": "as first applied",
                "annotation_sha256": None,
                "spans": json.dumps(
                    [
                        _span(previous.text, key, a.start, a.end)
                        for key, anchors in sorted(previous.appearances.items())
                        for a in anchors
                    ],
                    ensure_ascii=False,
                ),
                "script": None,
                "backfill": True,
            }
        )
    text = str(compiled.source["text"])
    spans = [
        *(_span(text, f"claim:{r['claim']}", r["start"], r["end"]) for r in compiled.asserts),
        *(_span(text, f"causal:{r['link']}", r["start"], r["end"]) for r in compiled.link_asserts),
        *(
            _span(text, f"link:{r['id']}", r["start"], r["end"])
            for r in [*compiled.supports, *compiled.attacks]
        ),
    ]
    rows.append(
        {
            "id": f"{source_id}@{number}",
            "source_id": source_id,
            "number": number,
            "text": text,
            "sha256": compiled.source["sha256"],
            "why": why,
            "annotation_sha256": annotation_sha256,
            "spans": json.dumps(spans, ensure_ascii=False),
            "script": script_name,
            "backfill": False,
        }
    )
    return rows


def _span(text: str, key: str, start: int, end: int) -> Row:
    prefix, suffix = context_of(text, start, end)
    kind, item_id = key.split(":", 1)
    return {
        "kind": kind,
        "id": item_id,
        "quote": text[start:end],
        "start": start,
        "end": end,
        "prefix": prefix,
        "suffix": suffix,
    }


def _events(
    source_id: str,
    number: int,
    reason: str,
    retired: list[Row],
    retired_claims: list[str],
    revived: list[str],
    changed: list[str],
    claim_texts: dict[str, str],
) -> list[Row]:
    def event(kind: str, target: str, detail: str, n: int = 0) -> Row:
        return {
            "id": f"evt-{source_id}@{number}-{kind}-{target}-{n}",
            "kind": kind,
            "target": target,
            "detail": detail,
        }

    events = [
        event("appearance_retired", row["target"], f"{reason} (the quote at {row['start']})", i)
        for i, row in enumerate(retired)
        if row["kind"] == "claim"
    ]
    events += [event("claim_retired", claim, reason) for claim in retired_claims]
    events += [event("claim_revived", claim, reason) for claim in revived]
    events += [
        event("claim_text_revised", claim, f"{reason}; the text was: {claim_texts[claim]}")
        for claim in changed
    ]
    return events


def text_changes(old: str, new: str) -> list[Row]:
    """The text's changes word by word: where in each text, what went, what came."""
    before, after = _TOKEN.findall(old), _TOKEN.findall(new)
    old_at, new_at = _offsets(before), _offsets(after)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return [
        {
            "start": old_at[i1],
            "end": old_at[i2],
            "new_start": new_at[j1],
            "new_end": new_at[j2],
            "removed": "".join(before[i1:i2]),
            "added": "".join(after[j1:j2]),
        }
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def hunks(old: str, new: str) -> list[str]:
    """The text's changes, one line each: `@offset: -'old' +'new'` (offset in the old text)."""
    return [
        f"@{c['start']}: -{_cut(c['removed'])!r} +{_cut(c['added'])!r}"
        for c in text_changes(old, new)
    ]


def _offsets(tokens: list[str]) -> list[int]:
    starts = [0]
    for token in tokens:
        starts.append(starts[-1] + len(token))
    return starts


def _cut(value: str) -> str:
    return value if len(value) <= _HUNK_SHOWN else value[: _HUNK_SHOWN - 3] + "..."
