"""`kb import`: compile an annotation file, show what it would change, write and apply it.

The plan is made without writing anything: the file is compiled against the
ids the database holds, diffed by id against its current state, and its
script is run once inside a write transaction that is always rolled back, so
`kb lint`'s rules judge the graph the import would produce: every violation
the script adds counts, on this source's ids or on existing ones (a support
link closing a cycle through the article's claims). The trial lints only what
the script touches and its neighbourhood (`kb.services.import_trial`), so it
costs the file, not the graph. Applying writes the script as the next version
under `cypher/seed/` (or reuses an identical one) and applies it through the
seed loader, so the source arrives checksummed like every other seed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neo4j import ManagedTransaction

from kb.annotation.compiler import compile_document
from kb.annotation.diff import Diff, diff, state_parameters
from kb.annotation.document import AnnotationSyntaxError, Problem, load, mentioned_ids
from kb.annotation.matching import (
    CANDIDATES,
    WEIGHT_SAMPLE,
    Candidate,
    Match,
    Weights,
    candidate_text,
    kept,
    lucene_query,
    new_claim_texts,
    score,
)
from kb.annotation.model import Compiled, ExistingIds
from kb.annotation.revision import Previous, Revision, previous_from, revise
from kb.annotation.script import render
from kb.config import PROJECT_ROOT
from kb.db import Store
from kb.errors import KbError
from kb.lint.region import Touched, touched_by
from kb.lint.rows import Violation
from kb.repositories import annotation as repo
from kb.repositories import revision as revision_repo
from kb.seeding.loader import SCRIPT_NAME, ScriptResult, apply_scripts, discover_scripts
from kb.services.import_derived import recompute_for
from kb.services.import_trial import added_violations


class AnnotationError(KbError):
    """The file is wrong: every problem, each `file:line: rule: message`."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in {problems[0].file}; nothing written")


@dataclass
class ImportPlan:
    """What `kb import` would do: the script, the diff, the proposed matches."""

    compiled: Compiled
    script_name: str
    script_text: str
    reuses_script: bool
    diff: Diff
    matches: list[Match] = field(default_factory=list)
    revision: Revision | None = None  # the file revises an applied source
    already_applied: int | None = None  # the file is this revision of the source, applied


def plan_import(store: Store, path: Path, cypher_dir: Path) -> ImportPlan:
    """Compile and check `path`; raise `AnnotationError` listing every problem."""
    try:
        document = load(path)
    except AnnotationSyntaxError as exc:
        raise AnnotationError([exc.problem]) from exc
    # Only the ids the file mentions are looked up: the check costs the file, not the graph.
    mentioned = sorted(mentioned_ids(document.data))
    ids = store.read_bulk(repo.existing_among, mentioned)
    existing = ExistingIds(
        **{key: frozenset(value) for key, value in ids.items()},
        retired_claims=store.read_bulk(repo.retired_among, mentioned),
    )
    source = document.data.get("source")
    # The schema is checked by the compiler; a source that is no mapping is reported there.
    source_id = str(source.get("id", "source")) if isinstance(source, dict) else "source"
    name, reused = _script_name(cypher_dir, source_id, None)
    previous = previous_from(
        source_id, store.read_bulk(revision_repo.previous, source_id, _claim_ids(document.data))
    )
    compiled, problems = compile_document(document, existing, f"seed/{name}", previous)
    if compiled is None:
        raise AnnotationError(problems)
    state = store.read_bulk(repo.current_state, state_parameters(compiled))
    revision, applied = _revision(compiled, previous, path, document.data, f"seed/{name}", state)
    text = render(compiled, _shown(path))
    name, reused = _script_name(cypher_dir, source_id, text)
    if applied is not None and (cypher_dir / applied.script).is_file():
        # Re-importing the file of the latest revision reuses its script (already applied).
        name = applied.script.removeprefix("seed/")
        text, reused = (cypher_dir / applied.script).read_text(encoding="utf-8"), True
    violations = _lint_trial(store, compiled, text)
    if violations:
        raise AnnotationError(
            [
                Problem(document.name, _line_of(v, compiled), v.rule, f"{v.id}: {v.message}")
                for v in violations
            ]
        )
    plan = ImportPlan(compiled, f"seed/{name}", text, reused, diff(compiled, state))
    plan.revision = revision
    plan.already_applied = applied.number if applied is not None else None
    plan.matches = propose_matches(store, compiled, set(plan.diff.new.get("claims", [])))
    return plan


def apply_import(store: Store, plan: ImportPlan, cypher_dir: Path) -> list[ScriptResult]:
    """Write the plan's script (unless an identical one exists) and apply pending scripts;
    then derive again what the import reaches (`kb.services.import_derived`)."""
    target = cypher_dir / plan.script_name
    if not plan.reuses_script:
        target.write_text(plan.script_text, encoding="utf-8")
    scripts = discover_scripts(cypher_dir)
    # Derived values of what the import reaches, not of the whole graph (unless other
    # seeds are pending too).
    recompute = recompute_for(store, plan.compiled, plan.script_name, scripts)
    return apply_scripts(store, scripts, recompute=recompute)


def propose_matches(store: Store, compiled: Compiled, new_ids: set[str]) -> list[Match]:
    """Existing claims similar to each new claim (text or quote), best first.

    A claim the file only reports is compared by what was said, without its
    reporting frame (kb/annotation/matching.py). All full-text probes, and the
    claim texts that weigh the words (a bounded sample), are read in one transaction.
    """
    appearances = {row["claim"]: row for row in reversed(compiled.asserts)}
    claims = [claim for claim in compiled.claims if claim["id"] in new_ids]
    compared = [_compared_texts(claim, appearances.get(claim["id"])) for claim in claims]
    if not compared:
        return []
    weight_texts, hits = store.read_bulk(_probe_all, compared)
    weights = Weights(weight_texts)
    matches = []
    for claim, texts, claim_hits in zip(claims, compared, hits, strict=True):
        candidates: dict[str, Candidate] = {}
        shown = {hit["claim_id"]: str(hit["text"]) for hit in claim_hits}
        for hit in claim_hits:
            if hit["claim_id"] in new_ids:
                continue
            known = candidates.get(hit["claim_id"])
            quotes = (
                *(known.quotes if known else ()),
                *([hit["quote"]] if hit.get("quote") else []),
            )
            text = candidate_text(hit["text"], hit.get("type"))
            candidates[hit["claim_id"]] = Candidate(hit["claim_id"], text, quotes)
        found = {c.claim_id: score(texts, c, weights) for c in candidates.values()}
        matches += [
            Match(claim["id"], claim_id, shown[claim_id], value)
            for claim_id, value in kept(found.items())
        ]
    return matches


def _compared_texts(claim: dict[str, Any], appearance: dict[str, Any] | None) -> list[str]:
    """A new claim's text and first quote as compared: a report's by their content."""
    if appearance is None:
        return [claim["text"], ""]
    return new_claim_texts(
        claim["text"], appearance["quote"], appearance["stance"], appearance.get("reporting")
    )


def _probe_all(
    tx: ManagedTransaction, probes: list[list[str]]
) -> tuple[list[str], list[list[dict[str, Any]]]]:
    """The claim texts (for word weights) and the full-text candidates of each probe's
    texts (text and quote): two statements for all the probes, not one round trip each."""
    texts = _hits(tx, repo.text_hits_each, [lucene_query(text) for text, _ in probes])
    quotes = _hits(tx, repo.quote_hits_each, [lucene_query(quote) for _, quote in probes])
    weight_texts = repo.claim_texts(tx, WEIGHT_SAMPLE)
    return weight_texts, [t + q for t, q in zip(texts, quotes, strict=True)]


def _hits(tx: ManagedTransaction, probe: Any, searches: list[str]) -> list[list[dict[str, Any]]]:
    """`probe`'s hits for each search; none for an empty one."""
    asked = [at for at, search in enumerate(searches) if search]
    found = probe(tx, [searches[at] for at in asked], CANDIDATES)
    hits: list[list[dict[str, Any]]] = [[] for _ in searches]
    for at, hit in zip(asked, found, strict=True):
        hits[at] = hit
    return hits


@dataclass(frozen=True)
class _Applied:
    number: int
    script: str


def _revision(
    compiled: Compiled,
    previous: Previous | None,
    path: Path,
    data: dict[str, Any],
    script_name: str,
    state: dict[str, Any],
) -> tuple[Revision | None, _Applied | None]:
    """The revision the file makes of an applied source, or the one it already made."""
    if previous is None:
        return None, None
    file_sha = hashlib.sha256(path.read_bytes()).hexdigest()
    latest = previous.latest
    if (
        latest is not None
        and latest.get("annotation_sha256") == file_sha
        and latest.get("sha256") == compiled.source["sha256"]
        and latest.get("script")
    ):
        return None, _Applied(int(latest["number"]), str(latest["script"]))
    header = data.get("revision")
    why = header.get("why") if isinstance(header, dict) else None
    claim_texts = {str(row["id"]): str(row["text"]) for row in state["claims"]}
    revision = revise(
        compiled,
        previous,
        why=why,
        annotation_sha256=file_sha,
        script_name=script_name,
        claim_texts=claim_texts,
    )
    return revision, None


def _claim_ids(data: dict[str, Any]) -> list[str]:
    """The claim ids the file names (before its schema is checked: anything else is skipped)."""
    claims = data.get("claims")
    entries = claims if isinstance(claims, list) else []
    return [
        str(entry.get("id") or entry.get("ref"))
        for entry in entries
        if isinstance(entry, dict) and isinstance(entry.get("id") or entry.get("ref"), str)
    ]


class _Rollback(Exception):
    def __init__(self, violations: list[Violation]) -> None:
        super().__init__("trial import rolled back")
        self.violations = violations


def _lint_trial(store: Store, compiled: Compiled, script_text: str) -> list[Violation]:
    """The lint violations the script adds, wherever they land; nothing is kept."""
    try:
        store.write(_trial, touched_by(compiled), script_text)
    except _Rollback as rollback:
        return rollback.violations
    raise AssertionError("the trial transaction must end in _Rollback")  # pragma: no cover


def _trial(tx: ManagedTransaction, touched: Touched, script_text: str) -> None:
    """Run the script in `tx` linting what it touches before and after, then raise so
    the driver rolls back.

    Only what the script adds counts (a violation the graph already had is
    `kb lint`'s business), but it counts wherever it lands: a support link
    closing a cycle through existing claims is a violation on an existing id.
    """
    raise _Rollback(added_violations(tx, touched, script_text))


def _line_of(violation: Violation, compiled: Compiled) -> int:
    """The file's line for a violation: its id's, else the first of the file's ids it names."""
    if violation.id in compiled.lines:
        return compiled.lines[violation.id]
    named = set(re.findall(r"[\w-]+", violation.message))
    links = {
        str(row["id"]) for row in [*compiled.supports, *compiled.attacks, *compiled.causal_links]
    }
    for wanted in (named & links, named):  # a link of the file names the cause best
        lines = [line for item_id, line in compiled.lines.items() if item_id in wanted]
        if lines:
            return min(lines)
    return 1


def _script_name(cypher_dir: Path, source_id: str, text: str | None) -> tuple[str, bool]:
    """An existing script with exactly `text`, or the next free version for the source."""
    seed = cypher_dir / "seed"
    versions = []
    for path in seed.glob("V*__*.cypher"):
        match = SCRIPT_NAME.match(path.name)
        if match is None:
            continue
        versions.append(int(match.group(1)))
        if text is not None and path.read_text(encoding="utf-8") == text:
            return path.name, True
    slug = source_id.replace("-", "_")
    return f"V{max(versions, default=1) + 1:03d}__{slug}.cypher", False


def _shown(path: Path) -> str:
    """The file's path relative to the project when inside it (stable script headers)."""
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return path.name
