"""`kb.schema` is the one declaration of the graph: held against the schema scripts
(`cypher/schema/`) and the model document (`docs/model.md`), and the only place
outside `kb/queries` that spells a relationship type or a claim type."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kb import schema
from kb.config import CYPHER_DIR, PROJECT_ROOT
from kb.models import ClaimType

_SCHEMA_TEXT = "\n".join(p.read_text("utf-8") for p in sorted((CYPHER_DIR / "schema").glob("*")))
_NODE_UNIQUE = re.compile(r"FOR \(n:(\w+)\) REQUIRE n\.(\w+) IS UNIQUE")
_REL_UNIQUE = re.compile(r"FOR \(\)-\[r:(\w+)\]-\(\) REQUIRE r\.(\w+) IS UNIQUE")
_MODEL = (PROJECT_ROOT / "docs" / "model.md").read_text("utf-8")

LABELS = {kind.label for kind in schema.NODES} | {kind.label for kind in schema.CLAIMS}
TYPES = {kind.type for kind in schema.RELATIONSHIPS}


def test_every_key_has_its_uniqueness_constraint() -> None:
    constrained = set(_NODE_UNIQUE.findall(_SCHEMA_TEXT))
    for kind in schema.NODES:
        if kind.key is not None:
            assert (kind.label, kind.key) in constrained, kind.label


def test_every_constrained_label_and_relationship_is_declared() -> None:
    assert {label for label, _ in _NODE_UNIQUE.findall(_SCHEMA_TEXT)} <= LABELS
    # A relationship's own uniqueness constraint is what a bulk-load MERGE matches on.
    merge_keys = {(kind.type, kind.merge_key) for kind in schema.RELATIONSHIPS if kind.merge_key}
    assert set(_REL_UNIQUE.findall(_SCHEMA_TEXT)) <= merge_keys
    assert {rel for rel, _ in _REL_UNIQUE.findall(_SCHEMA_TEXT)} == {"SUPPORTS", "ATTACKS"}


def test_docs_name_every_label_and_no_other() -> None:
    # A label is a capitalised word in a code span, first or after `(`, `:` or `|`.
    spans = re.findall(r"`([^`]+)`", _MODEL)
    named = {m for span in spans for m in re.findall(r"(?:^|[(:|])([A-Z][a-z]\w*)(?![\w-])", span)}
    assert named == LABELS


def test_docs_name_every_relationship_and_no_other() -> None:
    assert set(re.findall(r"\[:([A-Z_]+)\]", _MODEL)) == TYPES


def test_claim_kinds_follow_the_claim_types() -> None:
    assert [kind.type for kind in schema.CLAIMS] == list(ClaimType)
    assert schema.CLAIM_LABELS == {"Claim", *schema.TYPE_LABELS.values()}


def test_a_merge_moves_what_a_claim_can_end() -> None:
    assert schema.merge_types("Claim") == {
        "ASSERTS", "SUPPORTS", "ATTACKS", "CAUSE_OF", "LEADS_TO",
        "ABOUT", "CONCERNS", "HAS_SLOT", "BEARS_ON",
    }  # fmt: skip
    assert "Evidence" not in schema.merge_endpoints("Claim")


def test_kind_names_are_unique() -> None:
    assert len({kind.name for kind in schema.RELATIONSHIPS}) == len(schema.RELATIONSHIPS)
    assert len({kind.label for kind in schema.NODES}) == len(schema.NODES)


# --- nobody else spells them -------------------------------------------------------------

_RELATIONSHIP_HOMES = ("kb/queries/", "kb/schema.py")
_CLAIM_TYPE_HOMES = ("kb/models.py", "kb/schema.py")
# "causal" also names a kind of dependency link (`LinkKind`): only a comparison with a
# claim's `type` makes it a claim type.
_UNAMBIGUOUS_TYPES = {t.value for t in ClaimType} - {"causal"}
_CYPHER_TYPE = re.compile(r"[:|]\s*(" + "|".join(sorted(TYPES)) + r")\b")


def _strings(tree: ast.AST) -> list[ast.Constant]:
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in docstrings
    ]


def _mentions_type(node: ast.expr) -> bool:
    if isinstance(node, ast.Attribute):
        return node.attr == "type"
    if isinstance(node, ast.Subscript):
        return isinstance(node.slice, ast.Constant) and node.slice.value == "type"
    return False


def relationship_spellings(tree: ast.AST) -> list[str]:
    return [
        node.value
        for node in _strings(tree)
        if node.value in TYPES or _CYPHER_TYPE.search(node.value)
    ]


def claim_type_spellings(tree: ast.AST) -> list[str]:
    found = [node.value for node in _strings(tree) if node.value in _UNAMBIGUOUS_TYPES]
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(_mentions_type(side) for side in sides):
                found += [
                    side.value
                    for side in sides
                    if isinstance(side, ast.Constant) and side.value == "causal"
                ]
    return found


def _kb_modules() -> list[Path]:
    return sorted((PROJECT_ROOT / "kb").rglob("*.py"))


def _relative(path: Path) -> str:
    return str(path.relative_to(PROJECT_ROOT))


@pytest.mark.parametrize("path", _kb_modules(), ids=_relative)
def test_only_the_schema_and_the_queries_spell_a_relationship_type(path: Path) -> None:
    if _relative(path).startswith(_RELATIONSHIP_HOMES):
        return
    assert relationship_spellings(ast.parse(path.read_text("utf-8"))) == []


@pytest.mark.parametrize(
    "path", [*_kb_modules(), *sorted((PROJECT_ROOT / "api").rglob("*.py"))], ids=_relative
)
def test_only_the_models_and_the_schema_spell_a_claim_type(path: Path) -> None:
    if _relative(path).startswith(_CLAIM_TYPE_HOMES):
        return
    assert claim_type_spellings(ast.parse(path.read_text("utf-8"))) == []


def test_the_scans_see_what_they_forbid() -> None:
    sample = ast.parse(
        '"""Docstrings may say SUPPORTS and factual."""\n'
        'A = "SUPPORTS"\nB = "MATCH (a)-[:CITES]->(b)"\nC = {"reported_speech": 1}\n'
        'ok = row["kind"] == "causal"\nbad = row["type"] == "causal"\n'
    )
    assert relationship_spellings(sample) == ["SUPPORTS", "MATCH (a)-[:CITES]->(b)"]
    assert sorted(claim_type_spellings(sample)) == ["causal", "reported_speech"]
