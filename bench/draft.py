"""`python -m bench.draft`: how close `kb draft` comes to the curated annotations (issue 23).

    python -m bench.draft [--tuning-only] [--json]

For each curated source (the article, the two samples, heldout-001 and
heldout-002 (each held out at its first run, tuned on since: tuning data),
and heldout-003, the held-out source the rules were never tuned on) the
text is drafted against the known graph the sources imported before it
leave (`known_from_annotations`: no database), and compared with its curated annotation:

- claims recall: curated claims (each entry's first quote) at least half
  covered by one drafted quote;
- drafted per curated: drafted claims / curated claims;
- attributions: curated reported claims (stance `reports`, or type
  `reported_speech` with a speaker) whose covering drafted claim reports the
  same speaker (the actor id, or a proposed new actor named as the curated
  one) with the same speaker stance where the curation gives one; `unattributed`
  ones must be drafted unattributed;
- connective links: curated links and causal links with basis `connective`
  for which a drafted link has the same marker (case aside), overlaps the
  quote, and joins drafted claims covering the curated ends (`marker only`
  drops the ends);
- time: best of three drafts; plus one text of 20,000 words (the six texts
  repeated) drafted against the full known graph.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from kb.config import PROJECT_ROOT
from kb.drafting import draft_annotation
from kb.drafting.known import KnownGraph, known_from_annotations

CORPUS = PROJECT_ROOT / "corpus"
# Import order: each source is drafted against what the ones before it left.
SOURCES = (
    ("article-001", CORPUS / "article-001.yaml", False),
    ("wire-001", CORPUS / "samples" / "wire-001.yaml", False),
    ("statement-001", CORPUS / "samples" / "statement-001.yaml", False),
    # held out in i23a's first run, tuned on since: tuning data now
    ("heldout-001", CORPUS / "samples" / "heldout-001.yaml", False),
    # held out in i23c's first run, tuned on since: tuning data now
    ("heldout-002", CORPUS / "samples" / "heldout-002.yaml", False),
    # held out: the gold was committed before the drafter first ran on it
    ("heldout-003", CORPUS / "samples" / "heldout-003.yaml", True),
)
# Sources held out at their first run and tuned on since: labelled so in the table.
FORMERLY_HELD_OUT = frozenset({"heldout-001", "heldout-002"})
LARGE_WORDS = 20_000


@dataclass
class Figures:
    source: str
    held_out: bool
    words: int
    curated_claims: int
    drafted_claims: int
    recall: float
    drafted_per_curated: float
    attributions: int
    attributions_right: int
    connective_links: int
    connective_right: int
    connective_marker_only: int
    seconds: float


def _text(path: Path, data: dict[str, Any]) -> str:
    source = data["source"]
    if "text" in source:
        return str(source["text"])
    return (path.parent / source["text_file"]).read_text("utf-8")


def _span(text: str, entry: dict[str, Any]) -> tuple[int, int] | None:
    quote = entry.get("quote")
    if not quote:
        return None
    at = -1
    for _ in range(int(entry.get("occurrence", 1))):
        at = text.find(quote, at + 1)
        if at < 0:
            return None
    return at, at + len(quote)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _covering(gold: tuple[int, int], drafted: list[tuple[tuple[int, int], dict[str, Any]]]):
    """The drafted claim covering at least half of the curated span, most overlap first."""
    best = None
    best_overlap = 0
    best_len = 0
    for span, claim in drafted:
        overlap = _overlap(gold, span)
        if overlap * 2 < gold[1] - gold[0]:
            continue
        # equal overlap: the tighter drafted quote (a rejected view inside its "not X but Y")
        if overlap > best_overlap or (overlap == best_overlap and span[1] - span[0] < best_len):
            best, best_overlap, best_len = claim, overlap, span[1] - span[0]
    return best


def _names(entity_id: str, gold: dict[str, Any], known: KnownGraph) -> set[str]:
    names = {entity_id}
    for entity in known.actors:
        if entity.id == entity_id:
            names |= {n.lower() for n in entity.names()}
    for entry in gold.get("actors") or []:
        if (entry.get("id") or entry.get("ref")) == entity_id:
            names |= {str(a).lower() for a in entry.get("aliases") or []}
            if entry.get("name"):
                names.add(str(entry["name"]).lower())
    return names


def _speaker_right(
    drafted: dict[str, Any], speakers: list[str], doc: dict[str, Any], gold, known
) -> bool:
    speaker = drafted.get("speaker")
    if speaker is None:
        return False
    proposed = {
        str(name).lower()
        for actor in doc["actors"]
        if actor.get("id") == speaker
        for name in (actor.get("name"), *(actor.get("aliases") or []))
    }
    for wanted in speakers:
        names = _names(wanted, gold, known)
        if speaker in names or proposed & names:
            return True
    return False


def measure(name: str, path: Path, held_out: bool, known: KnownGraph) -> Figures:
    gold = yaml.safe_load(path.read_text("utf-8"))
    text = _text(path, gold)
    seconds = float("inf")
    doc: dict[str, Any] = {}
    for _ in range(3):
        started = time.perf_counter()
        doc = draft_annotation(text, name, title=gold["source"]["title"], known=known)
        seconds = min(seconds, time.perf_counter() - started)
    drafted = [(_span(text, c), c) for c in doc["claims"]]
    drafted_spans = [(s, c) for s, c in drafted if s is not None]
    by_id = {c["id"]: s for s, c in drafted_spans}
    curated = [(c, _span(text, c)) for c in gold.get("claims") or []]
    curated = [(c, s) for c, s in curated if s is not None]
    gold_spans: dict[str, list[tuple[int, int]]] = {}
    for claim in gold.get("claims") or []:
        for anchor in (claim, *(claim.get("also") or [])):
            span = _span(text, anchor)
            if span is not None:
                gold_spans.setdefault(claim.get("id") or claim.get("ref"), []).append(span)
    covered = sum(1 for _, s in curated if _covering(s, drafted_spans) is not None)

    attributions = right = 0
    for claim, span in curated:
        speakers = [a["actor"] for a in claim.get("about") or [] if a["role"] == "speaker"]
        if claim.get("stance") == "reports":
            speakers = [claim["speaker"]]
        reported = claim.get("stance") == "reports" or (
            claim.get("type") == "reported_speech" and (speakers or claim.get("unattributed"))
        )
        if not reported:
            continue
        attributions += 1
        match = _covering(span, drafted_spans)
        if match is None:
            continue
        if claim.get("unattributed"):
            right += bool(match.get("unattributed"))
            continue
        stance_ok = claim.get("stance") != "reports" or match.get("speaker_stance") == claim.get(
            "speaker_stance", "asserts"
        )
        right += (
            match.get("stance") == "reports"
            and stance_ok
            and _speaker_right(match, speakers, doc, gold, known)
        )

    drafted_links = [
        (link, link.get("from", link.get("cause")), link.get("to", link.get("effect")))
        for link in (*doc["links"], *doc["causal_links"])
    ]
    connective = ends_right = marker_only = 0
    for link in (*(gold.get("links") or []), *(gold.get("causal_links") or [])):
        if link.get("basis") != "connective":
            continue
        connective += 1
        span = _span(text, link)
        ends = (link.get("from", link.get("cause")), link.get("to", link.get("effect")))
        marker = str(link.get("marker", "")).lower()
        found_marker = found_ends = False
        for drafted_link, start, end in drafted_links:
            d_span = _span(text, drafted_link)
            if str(drafted_link.get("marker", "")).lower() != marker or span is None:
                continue
            if d_span is None or _overlap(span, d_span) == 0:
                continue
            found_marker = True
            if all(
                _end_right(gold_spans.get(g, []), by_id.get(d), span)
                for g, d in zip(ends, (start, end), strict=True)
            ):
                found_ends = True
        marker_only += found_marker
        ends_right += found_ends
    return Figures(
        source=name,
        held_out=held_out,
        words=len(text.split()),
        curated_claims=len(curated),
        drafted_claims=len(doc["claims"]),
        recall=covered / len(curated) if curated else 0.0,
        drafted_per_curated=len(doc["claims"]) / len(curated) if curated else 0.0,
        attributions=attributions,
        attributions_right=right,
        connective_links=connective,
        connective_right=ends_right,
        connective_marker_only=marker_only,
        seconds=seconds,
    )


def _end_right(
    curated: list[tuple[int, int]], drafted: tuple[int, int] | None, link: tuple[int, int]
) -> bool:
    """The drafted end overlaps one of the curated end's quotes; when none of them stands in
    the link's quote (the claim is quoted elsewhere), the drafted end must stand in it."""
    if drafted is None:
        return False
    if any(_overlap(span, drafted) > 0 for span in curated):
        return True
    if any(_overlap(span, link) > 0 for span in curated):
        return False
    return _overlap(drafted, link) > 0


def large_text_seconds(known: KnownGraph) -> tuple[int, float]:
    """Seconds to draft the six texts repeated up to `LARGE_WORDS` words."""
    texts = [_text(path, yaml.safe_load(path.read_text("utf-8"))) for _, path, _ in SOURCES]
    parts: list[str] = []
    words = 0
    while words < LARGE_WORDS:
        for text in texts:
            parts.append(text)
            words += len(text.split())
    text = "\n\n".join(parts)
    started = time.perf_counter()
    draft_annotation(text, "large-draft", known=known)
    return len(text.split()), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tuning-only", action="store_true", help="Leave out the held-out source.")
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args()
    results = []
    for number, (name, path, held_out) in enumerate(SOURCES):
        if held_out and args.tuning_only:
            continue
        known = known_from_annotations([p for _, p, _ in SOURCES[:number]])
        results.append(measure(name, path, held_out, known))
    large_words, large_seconds = large_text_seconds(
        known_from_annotations([p for _, p, _ in SOURCES])
    )
    if args.json:
        print(
            json.dumps(
                {
                    "sources": [asdict(r) for r in results],
                    "large": {"words": large_words, "seconds": large_seconds},
                },
                indent=2,
            )
        )
        return
    print(
        "| source | words | curated | drafted | claims recall | drafted/curated "
        "| attributions | connective links (ends right) | marker only | time |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        name = r.source
        if r.held_out:
            name += " (held out)"
        elif r.source in FORMERLY_HELD_OUT:
            name += " (tuning data; held out at its first run)"
        print(
            f"| {name} | {r.words} | {r.curated_claims} | {r.drafted_claims} | {r.recall:.0%} "
            f"| {r.drafted_per_curated:.2f} | {r.attributions_right}/{r.attributions} "
            f"({_share(r.attributions_right, r.attributions)}) "
            f"| {r.connective_right}/{r.connective_links} "
            f"({_share(r.connective_right, r.connective_links)}) "
            f"| {r.connective_marker_only}/{r.connective_links} | {r.seconds * 1000:.0f} ms |"
        )
    print(f"\n{large_words} words drafted in {large_seconds:.2f} s")


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "n/a"


if __name__ == "__main__":
    main()
