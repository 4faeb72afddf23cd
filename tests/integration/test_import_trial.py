"""The import trial lints only what a script touches, with the verdicts of a full lint.

Random annotation files (new claims, references to the article's claims, support,
attack and causal links among both, hedged quotes, presupposed premises, doubled
and duplicated links, odd markers) are compiled against the seeded graph; for each,
the bounded trial (`kb.services.import_trial`) and a full lint before and after the
script (every claim and link, the trial of old) must name the same added
violations. Both run in transactions that are rolled back. 15 examples in CI;
KB_TRIAL_EXAMPLES raises the budget.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from neo4j import ManagedTransaction

from kb.annotation.compiler import compile_document
from kb.annotation.document import load
from kb.annotation.model import ExistingIds
from kb.annotation.script import render
from kb.db import Store
from kb.lint.region import touched_by
from kb.lint.rows import Violation
from kb.lint.rules import check
from kb.repositories import annotation as annotation_repo
from kb.repositories import lint as lint_repo
from kb.repositories.seeding import run_script_statement
from kb.seeding.splitter import split_statements
from kb.services.import_trial import added_violations

EXAMPLES = int(os.environ.get("KB_TRIAL_EXAMPLES", "15"))
# Claims of the article's argument layer, so new links can close cycles through them.
ARTICLE = (
    "c-second-phase-decisive-moment",
    "c-second-phase-provisions",
    "c-second-phase-stopped",
    "c-first-phase-announced",
)
WORDS = ("appears", "because", "the", "so", "if", "far from", "plainly")
TYPES = ("factual", "interpretive", "predictive", "reported_speech", "normative", "causal")


class _Rollback(Exception):
    def __init__(self, added: list[Violation]) -> None:
        super().__init__("rolled back")
        self.added = added


def _full(tx: ManagedTransaction, script: str) -> None:
    before = set(check(lint_repo.claim_rows(tx), lint_repo.link_rows(tx)))
    for statement in split_statements(script):
        run_script_statement(tx, statement.text)
    after = check(lint_repo.claim_rows(tx), lint_repo.link_rows(tx))
    raise _Rollback([v for v in after if v not in before])


def _bounded(tx: ManagedTransaction, compiled: Any, script: str) -> None:
    raise _Rollback(added_violations(tx, touched_by(compiled), script))


def _rolled_back(store: Store, work: Any, *args: Any) -> list[Violation]:
    try:
        store.write(work, *args)
    except _Rollback as rollback:
        return rollback.added
    raise AssertionError("the work must end in _Rollback")


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    sentences: list[str] = []

    def sentence(words: str) -> str:
        sentences.append(f"Sentence {len(sentences)} {words} in place {len(sentences)}.")
        return sentences[-1]

    new = [f"c-tr-{i}" for i in range(draw(st.integers(1, 4)))]
    refs = draw(st.lists(st.sampled_from(ARTICLE), unique=True, max_size=3))
    claims: list[dict[str, Any]] = []
    for claim_id in new:
        word = draw(st.sampled_from(WORDS))
        claim: dict[str, Any] = {
            "id": claim_id,
            "text": f"Claim {claim_id} {draw(st.sampled_from(('holds', 'appears to hold')))}.",
            "type": draw(st.sampled_from(TYPES)),
            "quote": sentence(f"says {word} it holds"),
        }
        if draw(st.booleans()):
            claim["checkable"] = draw(st.booleans())
        if draw(st.integers(0, 3)) == 0:
            claim["stance"] = "presupposes"
        if draw(st.integers(0, 4)) == 0:
            claim["restates"] = draw(st.sampled_from([*new, *refs] or new))
        claims.append(claim)
    for ref in refs:
        claims.append({"ref": ref, "quote": sentence("recalls an earlier point")})
    ends = [*new, *refs, *ARTICLE]
    links: list[dict[str, Any]] = []
    causal: list[dict[str, Any]] = []
    for i in range(draw(st.integers(0, 6))):
        source, target = draw(st.sampled_from(ends)), draw(st.sampled_from(ends))
        assume(source != target)
        marker = draw(st.sampled_from(("because", "the", "so", "if")))
        quote = sentence(f"argues {marker} it follows")
        basis = draw(st.sampled_from(("connective", "curator")))
        extra = {"marker": marker} if basis == "connective" else {"rationale": "Random."}
        if draw(st.integers(0, 3)) == 0:
            causal.append(
                {
                    "id": f"cl-tr-{i}",
                    "cause": source,
                    "effect": target,
                    "mechanism": "Random.",
                    "quote": quote,
                    "basis": basis,
                    **extra,
                }
            )
        else:
            kind = draw(st.sampled_from(("supports", "supports", "attacks")))
            links.append(
                {
                    "id": f"{kind[:3]}-tr-{i}",
                    "kind": kind,
                    "from": source,
                    "to": target,
                    "quote": quote,
                    "basis": basis,
                    **extra,
                }
            )
    return {
        "format": "kb-annotation/1",
        "source": {
            "id": "trial-random",
            "title": "A random source for the trial test",
            "kind": "news_report",
            "language": "en",
            "fictional": True,
            "text": " ".join(sentences),
        },
        "claims": claims,
        "links": links,
        "causal_links": causal,
    }


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(document=documents())
def test_the_bounded_trial_finds_what_a_full_lint_finds(
    seeded_store: Store, tmp_path_factory: Any, document: dict[str, Any]
) -> None:
    path = Path(tmp_path_factory.mktemp("trial")) / "trial-random.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    ids = seeded_store.read_bulk(annotation_repo.existing_ids)
    existing = ExistingIds(**{key: frozenset(value) for key, value in ids.items()})
    compiled, problems = compile_document(load(path), existing, "seed/V099__trial.cypher")
    assume(compiled is not None)
    assert compiled is not None
    script = render(compiled, path.name)
    bounded = _rolled_back(seeded_store, _bounded, compiled, script)
    full = _rolled_back(seeded_store, _full, script)
    assert bounded == full


def test_a_cycle_through_the_article_is_found_by_the_bounded_trial(seeded_store: Store) -> None:
    """The fixture's link closes a loop through the article's sup-001: the trial sees it."""
    path = Path(__file__).resolve().parent.parent / "fixtures" / "annotations"
    document = load(path / "cycle_through_existing.yaml")
    ids = seeded_store.read_bulk(annotation_repo.existing_ids)
    existing = ExistingIds(**{key: frozenset(value) for key, value in ids.items()})
    compiled, _ = compile_document(document, existing, "seed/V099__trial.cypher")
    assert compiled is not None
    script = render(compiled, "cycle_through_existing.yaml")
    bounded = _rolled_back(seeded_store, _bounded, compiled, script)
    assert [(v.id, v.rule) for v in bounded] == [("sup-001", "no-cycle")]
    assert bounded == _rolled_back(seeded_store, _full, script)
