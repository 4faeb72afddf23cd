"""The Neo4j Browser's GraSS style, generated from the project's one palette (`web/palette.json`).

The explorer reads the same file (web/palette.js), so a claim type, a status or a
link kind has one colour in both tools. A Claim node carries a type label
(`:Factual`, ...), so the type's fill and line colour the node; links take the
colour of their kind.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kb.config import PROJECT_ROOT
from kb.errors import InvalidRequest
from kb.models import AppearanceStance
from kb.schema import CAUSE_OF

PALETTE_FILE = PROJECT_ROOT / "web" / "palette.json"


def load_palette(path: Path = PALETTE_FILE) -> dict[str, Any]:
    """The palette as a dict; `InvalidRequest` when it cannot be read or parsed."""
    try:
        palette: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidRequest(f"cannot read the palette {path}: {exc}") from exc
    return palette


def _rule(selector: str, **properties: str) -> str:
    body = "".join(f"  {name.replace('_', '-')}: {value};\n" for name, value in properties.items())
    return f"{selector} {{\n{body}}}\n"


def _caption(text: str) -> str:
    return f"'{text}'"


def render_grass(palette: dict[str, Any]) -> str:
    """The GraSS document: defaults, Claim and its type labels, other labels, relationships."""
    neutral, ink = palette["neutral"], palette["ink"]
    links = palette["links"]
    rules = [
        _rule(
            "node",
            diameter="50px",
            color=neutral["fill"],
            border_color=neutral["line"],
            border_width="2px",
            text_color_internal=ink,
            font_size="10px",
        ),
        _rule(
            "relationship",
            color=neutral["line"],
            shaft_width="2px",
            font_size="8px",
            padding="3px",
            text_color_external=ink,
            text_color_internal="#FFFFFF",
            caption=_caption("<type>"),
        ),
        _rule(
            "node.Claim",
            diameter="80px",
            color=neutral["fill"],
            border_color=neutral["line"],
            text_color_internal=ink,
            caption=_caption("{text}"),
        ),
    ]
    for claim_type in palette["claim_types"].values():
        rules.append(
            _rule(
                f"node.{claim_type['label']}",
                color=claim_type["fill"],
                border_color=claim_type["line"],
                text_color_internal=claim_type["ink"],
            )
        )
    for label, node in palette["browser_nodes"].items():
        rules.append(
            _rule(
                f"node.{label}",
                diameter=f"{node['diameter']}px",
                color=node["fill"],
                border_color=node["line"],
                text_color_internal=node["ink"],
                caption=_caption(node["caption"]),
            )
        )
    for link in links.values():
        rules.append(
            _rule(
                f"relationship.{link['type']}",
                color=link["line"],
                shaft_width="3px",
                caption=_caption("" if link["type"] == CAUSE_OF.type else "<type>"),
            )
        )
    for rel_type, rel in palette["browser_relationships"].items():
        line = links[rel["link"]]["line"] if "link" in rel else rel["line"]
        rules.append(
            _rule(
                f"relationship.{rel_type}",
                color=line,
                shaft_width=f"{rel['width']}px",
                caption=_caption(rel["caption"]),
            )
        )
    return "".join(rules)


def stance_marks(palette: dict[str, Any]) -> dict[str, dict[str, str]]:
    """How the explorer marks each appearance stance in a source's text (colours and the
    non-colour cue its legend names); `InvalidRequest` if the palette misses a stance."""
    stances: dict[str, dict[str, str]] = palette.get("stances", {})
    missing = [str(s) for s in AppearanceStance if s not in stances]
    if missing:
        raise InvalidRequest(f"the palette has no colours for stance(s) {', '.join(missing)}")
    return {str(s): stances[str(s)] for s in AppearanceStance}
