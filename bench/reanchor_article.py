"""Benchmark: re-anchoring every span of the article after a revision of its text.

Compiles `corpus/article-001.yaml` (no database), stores each span as a
quote with its context, revises the text (a sentence inserted at the top and
every " the " misspelt " teh ", so most quotes change) and re-anchors every
span (`kb.annotation.reanchor`). Run: `.venv/bin/python -m bench.reanchor_article`.
"""

from __future__ import annotations

import time
from collections import Counter

from kb.annotation.compiler import compile_document
from kb.annotation.document import load
from kb.annotation.model import ExistingIds
from kb.annotation.reanchor import reanchor, stored
from kb.config import PROJECT_ROOT


def main() -> None:
    compiled, problems = compile_document(
        load(PROJECT_ROOT / "corpus" / "article-001.yaml"), ExistingIds(), "seed/bench"
    )
    if compiled is None:
        raise SystemExit(str(problems[0]))
    text = str(compiled.source["text"])
    rows = [*compiled.asserts, *compiled.link_asserts, *compiled.supports, *compiled.attacks]
    anchors = [stored(text, row["quote"], row["start"], row["end"]) for row in rows]
    revised = "A correction was added. " + text.replace(" the ", " teh ")
    started = time.perf_counter()
    placed = [reanchor(revised, old) for old in anchors]
    seconds = time.perf_counter() - started
    outcomes = Counter(p.how if p else "orphaned" for p in placed)
    print(f"{len(text)} characters, {len(anchors)} spans: {dict(outcomes)} in {seconds:.3f} s")


if __name__ == "__main__":
    main()
