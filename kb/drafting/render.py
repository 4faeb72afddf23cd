"""`to_yaml`: a draft as the YAML file the analyst edits, match proposals as comments.

The match proposals are not part of the format: each claim's `matches` become
comment lines (`# - ref: c-... (score 0.72): text`) under it, so accepting
one is replacing the claim's id, text and type with the commented `ref:` line.
"""

from __future__ import annotations

from typing import Any

import yaml

HEADER = (
    "# Draft annotation written by `kb draft`: every item marked `draft: true` is a proposal.\n"
    "# Review each one (accept: delete its `draft: true`; reject: delete the item; edit freely),\n"
    "# then `kb import FILE --dry-run`. Under a claim, `# - ref:` lines are existing claims that\n"
    "# look the same (score 0..1): to reuse one, keep `quote` and replace id/text/type with it.\n"
)


class _Dumper(yaml.SafeDumper):  # type: ignore[misc]  # PyYAML ships no types
    """Multi-line strings as literal blocks, so the source text reads as text."""


def _string(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _string)


def _dump(value: Any) -> str:
    text: str = yaml.dump(
        value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2
    )
    # A keep-chomping block (`|+`, text ending in blank lines) makes PyYAML close the
    # document with "..."; the parts are concatenated into one document.
    return text.removesuffix("...\n")


def to_yaml(doc: dict[str, Any]) -> str:
    """The draft as YAML: the document's keys in order, claims with their proposals as comments."""
    parts = [HEADER]
    for key, value in doc.items():
        if key != "claims":
            parts.append(_dump({key: value}))
            continue
        parts.append("claims:\n" if value else "claims: []\n")
        for claim in value:
            entry = {k: v for k, v in claim.items() if k != "matches"}
            block = _dump([entry])
            parts.append("".join(f"  {line}\n" for line in block.splitlines()))
            for match in claim.get("matches", []):
                text = " ".join(str(match["text"]).split())
                parts.append(f"    # - ref: {match['ref']}  (score {match['score']:.2f}): {text}\n")
    return "".join(parts)
