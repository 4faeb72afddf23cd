"""A synthetic argument graph of any size, streamed to CSV in neo4j-admin's import layout.

    python -m bench.graphgen OUT_DIR --claims 100000

Shaped like the graphs the project builds from real texts, so that reads cost
at 1M claims what they cost on real data:
- sources of 50-100 claims, each with a support DAG of 8 levels (premises below,
  conclusions above; 1-2 supports per claim), a few attacks and causal links
  (a chain of three in every source, so `causal-chains` always has an answer);
- one "hub" premise per 10,000 claims supporting two claims of each source in its
  block (a hub walk reaches a few thousand claims at every graph size), and one
  "sink" conclusion per block resting on a claim of half its sources;
- ~20% of claims asserted again by a later source; actor mentions following a
  power law (a few actors in most claims, most actors in few); evidence on ~10%
  of claims; an open evidence slot on every checkable claim.

Memory is flat in the graph size: each source is generated from its own seed
(so source j is the same at every size) and written out before the next; only
a window of recent claim ids is kept for repeated assertions. The files are the
ones `kb bulk-load` reads (`node-<Label>.csv`, `rel-<TYPE>-<Start>-<End>.csv`).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import resource
from collections import deque
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from rich.progress import Progress

from kb.cli.progress import progress_bar, stderr_console

LEVELS = 8
HUB_BLOCK = 10_000
RECENT_WINDOW = 2_000
SEARCH_WORD = "hostages"  # in exactly two claims at every size (see `_claim_text`)
SEARCH_CLAIMS = (17, 1717)
ADDED_AT = "2026-01-01T00:00:00+00:00"
TYPES = (
    ("factual", 35, True),
    ("causal", 10, True),
    ("interpretive", 25, False),
    ("predictive", 10, False),
    ("normative", 10, False),
    ("reported_speech", 10, True),
)
ROLES = ("agent", "target", "subject")
ACTOR_KINDS = ("person", "state", "organisation", "group", "population", "office")
SYLLABLES = "ka lo mi ren tor vash el dun pra sit gol mer".split()

HEADERS: dict[str, list[str]] = {
    "node-Source.csv": [
        "id:ID(Source)",
        "title",
        "kind",
        "text",
        "sha256",
        "length:int",
        "language",
        ":LABEL",
    ],
    "node-Claim.csv": ["id:ID(Claim)", "text", "type", "checkable:boolean", ":LABEL"],
    "node-Actor.csv": ["id:ID(Actor)", "name", "kind", "aliases:string[]", ":LABEL"],
    "node-CausalLink.csv": ["id:ID(CausalLink)", "mechanism", "basis", "marker", ":LABEL"],
    "node-EvidenceSlot.csv": ["id:ID(EvidenceSlot)", "kind", "question", "status", ":LABEL"],
    "node-Evidence.csv": [
        "id:ID(Evidence)",
        "url",
        "title",
        "publisher",
        "added_by",
        "added_at",
        ":LABEL",
    ],
    "node-EvidenceLink.csv": [
        "id:ID(EvidenceLink)",
        "stance",
        "confidence:double",
        "rationale",
        "added_by",
        "added_at",
        "target_id",
        "active_key",
        ":LABEL",
    ],
    "rel-ASSERTS-Source-Claim.csv": [
        ":START_ID(Source)",
        ":END_ID(Claim)",
        "quote",
        "start:int",
        "end:int",
        ":TYPE",
    ],
    "rel-SUPPORTS-Claim-Claim.csv": [
        ":START_ID(Claim)",
        ":END_ID(Claim)",
        "id",
        "source_id",
        "basis",
        "marker",
        ":TYPE",
    ],
    "rel-ATTACKS-Claim-Claim.csv": [
        ":START_ID(Claim)",
        ":END_ID(Claim)",
        "id",
        "source_id",
        "basis",
        ":TYPE",
    ],
    "rel-CAUSE_OF-Claim-CausalLink.csv": [":START_ID(Claim)", ":END_ID(CausalLink)", ":TYPE"],
    "rel-LEADS_TO-CausalLink-Claim.csv": [":START_ID(CausalLink)", ":END_ID(Claim)", ":TYPE"],
    "rel-ASSERTS_LINK-Source-CausalLink.csv": [
        ":START_ID(Source)",
        ":END_ID(CausalLink)",
        "quote",
        ":TYPE",
    ],
    "rel-ABOUT-Claim-Actor.csv": [":START_ID(Claim)", ":END_ID(Actor)", "role", ":TYPE"],
    "rel-HAS_SLOT-Claim-EvidenceSlot.csv": [":START_ID(Claim)", ":END_ID(EvidenceSlot)", ":TYPE"],
    "rel-CITES-EvidenceLink-Evidence.csv": [
        ":START_ID(EvidenceLink)",
        ":END_ID(Evidence)",
        ":TYPE",
    ],
    "rel-BEARS_ON-EvidenceLink-Claim.csv": [":START_ID(EvidenceLink)", ":END_ID(Claim)", ":TYPE"],
}


@dataclass
class GraphFacts:
    """What the benchmark needs to know about a generated graph: sizes and probe ids."""

    claims: int
    rows: dict[str, int] = field(default_factory=dict)
    small_claim: str = ""  # a premise of source 1: a walk of a few claims
    top_claim: str = ""  # a conclusion of source 1: its dependencies are its source's DAG
    hub_claim: str = ""  # block 0's hub premise: dependents reach thousands
    sink_claim: str = ""  # block 0's sink conclusion: dependencies reach thousands
    chain_from: str = ""
    chain_to: str = ""
    actor: str = "actor-00000"
    search_word: str = SEARCH_WORD

    @property
    def nodes(self) -> int:
        return sum(n for name, n in self.rows.items() if name.startswith("node-"))

    @property
    def relationships(self) -> int:
        return sum(n for name, n in self.rows.items() if name.startswith("rel-"))

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "nodes": self.nodes, "relationships": self.relationships}


def claim_id(index: int) -> str:
    return f"c-{index:07d}"


class _Sink:
    """One open CSV writer per file; rows are written as they come, never kept."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.files: dict[str, IO[str]] = {}
        self.writers: dict[str, Any] = {}
        self.rows: dict[str, int] = {}
        for name, header in HEADERS.items():
            handle = (out_dir / name).open("w", newline="", encoding="utf-8")
            self.files[name] = handle
            self.writers[name] = csv.writer(handle, lineterminator="\n")
            self.writers[name].writerow(header)
            self.rows[name] = 0

    def add(self, name: str, *cells: object) -> None:
        self.writers[name].writerow(cells)
        self.rows[name] += 1

    def close(self) -> None:
        for handle in self.files.values():
            handle.close()


def _word(rng: random.Random) -> str:
    # Power-law word choice: a few words are common, most are rare.
    index = int(600 ** rng.random())
    return SYLLABLES[index % 12] + SYLLABLES[(index // 12) % 12] + SYLLABLES[index // 144 % 12]


def _claim_text(index: int, rng: random.Random) -> str:
    words = " ".join(_word(rng) for _ in range(rng.randint(6, 12)))
    extra = f" about the {SEARCH_WORD}" if index in SEARCH_CLAIMS else ""
    return f"Synthetic claim {index}: {words}{extra}."


def _claim_type(rng: random.Random) -> tuple[str, bool]:
    pick = rng.randrange(100)
    for name, weight, checkable in TYPES:
        if pick < weight:
            return name, checkable
        pick -= weight
    return TYPES[0][0], TYPES[0][2]


def generate(out_dir: Path, claims: int, seed: int = 7, progress: bool = True) -> GraphFacts:
    """Write a graph of `claims` claims under `out_dir`; return its facts."""
    sink = _Sink(out_dir)
    actors = max(100, claims // 50)
    for a in range(actors):
        sink.add(
            "node-Actor.csv",
            f"actor-{a:05d}",
            f"Actor {a}",
            ACTOR_KINDS[a % 6],
            f"A{a};Actor number {a}",
            "Actor",
        )
    facts = GraphFacts(claims=claims)
    recent: deque[str] = deque(maxlen=RECENT_WINDOW)
    counters = {"link": 0, "evidence": 0, "rel": 0}
    blocks: dict[int, tuple[str, str]] = {}  # block number -> its hub and its sink
    next_claim, source = 0, 0
    console = stderr_console()
    with progress_bar(console) if progress else Progress(disable=True) as bar:
        task = bar.add_task(f"generating {claims:,} claims", total=claims)
        while next_claim < claims:
            rng = random.Random(seed * 1_000_003 + source)
            size = min(rng.randint(50, 100), claims - next_claim)
            _source(sink, rng, source, next_claim, size, actors, recent, counters, facts, blocks)
            next_claim += size
            source += 1
            bar.update(task, completed=next_claim)
    sink.close()
    facts.rows = dict(sink.rows)
    return facts


def _source(
    sink: _Sink,
    rng: random.Random,
    number: int,
    first: int,
    size: int,
    actors: int,
    recent: deque[str],
    counters: dict[str, int],
    facts: GraphFacts,
    blocks: dict[int, tuple[str, str]],
) -> None:
    source_id = f"src-{number:06d}"
    ids = [claim_id(first + p) for p in range(size)]
    level = [p * LEVELS // size for p in range(size)]
    by_level: dict[int, list[int]] = {}
    for p, lv in enumerate(level):
        by_level.setdefault(lv, []).append(p)
    spans: list[str] = []
    offset = 0

    def assert_claim(cid: str, text: str) -> None:
        nonlocal offset
        sink.add(
            "rel-ASSERTS-Source-Claim.csv",
            source_id,
            cid,
            text,
            offset,
            offset + len(text),
            "ASSERTS",
        )
        spans.append(text)
        offset += len(text) + 1

    for p, cid in enumerate(ids):
        index = first + p
        text = _claim_text(index, rng)
        ctype, checkable = _claim_type(rng)
        sink.add("node-Claim.csv", cid, text, ctype, "true" if checkable else "false", "Claim")
        assert_claim(cid, text)
        for role in rng.sample(ROLES, k=1 if rng.random() < 0.7 else 2):
            sink.add(
                "rel-ABOUT-Claim-Actor.csv",
                cid,
                f"actor-{int(actors ** rng.random()) - 1:05d}",
                role,
                "ABOUT",
            )
        if checkable:
            slot = f"slot-{cid}-1"
            sink.add(
                "node-EvidenceSlot.csv",
                slot,
                "claim",
                f"What record confirms or refutes claim {index}?",
                "open",
                "EvidenceSlot",
            )
            sink.add("rel-HAS_SLOT-Claim-EvidenceSlot.csv", cid, slot, "HAS_SLOT")
        if rng.random() < 0.1:
            _evidence(sink, rng, cid, counters)
    # Repeated assertions: ~20% of claims are asserted by a second source.
    for cid in rng.sample(list(recent), k=min(len(recent), size // 5)):
        assert_claim(cid, f"As reported elsewhere, {cid}.")
    recent.extend(ids)
    _arguments(sink, rng, source_id, first, ids, level, by_level, counters, blocks)
    text = " ".join(spans)
    sink.add(
        "node-Source.csv",
        source_id,
        f"Synthetic source {number}",
        "article",
        text,
        hashlib.sha256(text.encode()).hexdigest(),
        len(text),
        "en",
        "Source",
    )
    if number == 1:
        facts.small_claim = ids[by_level[LEVELS - 2][0]]
        facts.top_claim = ids[by_level[LEVELS - 1][-1]]
        facts.chain_from = ids[by_level[0][0]]
        facts.chain_to = ids[by_level[3][0]]
    if number == 0:
        facts.hub_claim, facts.sink_claim = ids[0], ids[-1]


def _arguments(
    sink: _Sink,
    rng: random.Random,
    source_id: str,
    first: int,
    ids: list[str],
    level: list[int],
    by_level: dict[int, list[int]],
    counters: dict[str, int],
    blocks: dict[int, tuple[str, str]],
) -> None:
    block = first // HUB_BLOCK
    opens_block = block not in blocks
    if opens_block:  # the first source of a block holds its hub (level 0) and sink (top)
        blocks[block] = (ids[0], ids[-1])
    hub, block_sink = blocks[block]
    top = LEVELS - 1
    for p, cid in enumerate(ids):
        above = by_level.get(level[p] + 1, [])
        if not above:
            continue
        for q in rng.sample(above, k=min(len(above), 1 if rng.random() < 0.7 else 2)):
            counters["rel"] += 1
            sink.add(
                "rel-SUPPORTS-Claim-Claim.csv",
                cid,
                ids[q],
                f"sup-{counters['rel']}",
                source_id,
                "connective",
                "because",
                "SUPPORTS",
            )
        if rng.random() < 0.03:
            counters["rel"] += 1
            sink.add(
                "rel-ATTACKS-Claim-Claim.csv",
                cid,
                ids[rng.choice(above)],
                f"att-{counters['rel']}",
                source_id,
                "structure",
                "ATTACKS",
            )
        if rng.random() < 0.1:
            _causal(sink, source_id, cid, ids[rng.choice(above)], counters)
    # A causal chain of three links through levels 0 -> 1 -> 2 -> 3.
    for lv in range(3):
        if by_level.get(lv) and by_level.get(lv + 1):
            _causal(sink, source_id, ids[by_level[lv][0]], ids[by_level[lv + 1][0]], counters)
    if not opens_block:
        for q in rng.sample(range(len(ids)), k=min(2, len(ids))):
            if level[q] >= 1:
                counters["rel"] += 1
                sink.add(
                    "rel-SUPPORTS-Claim-Claim.csv",
                    hub,
                    ids[q],
                    f"sup-{counters['rel']}",
                    source_id,
                    "curator",
                    "",
                    "SUPPORTS",
                )
        if rng.random() < 0.5 and by_level.get(top - 1):
            counters["rel"] += 1
            sink.add(
                "rel-SUPPORTS-Claim-Claim.csv",
                ids[by_level[top - 1][0]],
                block_sink,
                f"sup-{counters['rel']}",
                source_id,
                "curator",
                "",
                "SUPPORTS",
            )


def _causal(sink: _Sink, source_id: str, cause: str, effect: str, counters: dict[str, int]) -> None:
    counters["link"] += 1
    link = f"cl-{counters['link']}"
    sink.add(
        "node-CausalLink.csv", link, f"{cause} leads to {effect}", "connective", "so", "CausalLink"
    )
    sink.add("rel-CAUSE_OF-Claim-CausalLink.csv", cause, link, "CAUSE_OF")
    sink.add("rel-LEADS_TO-CausalLink-Claim.csv", link, effect, "LEADS_TO")
    sink.add(
        "rel-ASSERTS_LINK-Source-CausalLink.csv", source_id, link, f"so {effect}", "ASSERTS_LINK"
    )


def _evidence(sink: _Sink, rng: random.Random, cid: str, counters: dict[str, int]) -> None:
    counters["evidence"] += 1
    n = counters["evidence"]
    stance = "supports" if rng.random() < 0.7 else "refutes"
    sink.add(
        "node-Evidence.csv",
        f"ev-{n}",
        f"https://evidence.example/report/{n}",
        f"Report {n}",
        "Example Wire",
        "bench",
        ADDED_AT,
        "Evidence",
    )
    sink.add(
        "node-EvidenceLink.csv",
        f"el-{n}",
        stance,
        round(rng.uniform(0.5, 0.9), 2),
        "synthetic reading",
        "bench",
        ADDED_AT,
        cid,
        f"bench-{n}",
        "EvidenceLink",
    )
    sink.add("rel-CITES-EvidenceLink-Evidence.csv", f"el-{n}", f"ev-{n}", "CITES")
    sink.add("rel-BEARS_ON-EvidenceLink-Claim.csv", f"el-{n}", cid, "BEARS_ON")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    facts = generate(args.out_dir, args.claims, args.seed)
    # Peak memory of this process: flat in --claims if the generator streams.
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    summary = {**facts.as_dict(), "max_rss_mb": peak_mb}
    (args.out_dir / "facts.json").write_text(json.dumps(summary, indent=1))
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
