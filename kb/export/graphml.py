"""GraphML, as Gephi, yEd, Cytoscape and networkx read it.

Every node of the claim graph (sources, claims, causal links, actors, topics,
evidence slots, evidence links, evidence) and every relationship between
them, each property a typed `<data>` field (`attr.type` long, double, boolean
or string). Node ids are `Label:id` (ids are unique per label, not across
labels); a node's Neo4j label is the `labels` attribute (`:Claim`, as Neo4j's
own GraphML export writes it). Gephi, yEd and Cytoscape show the `label`
attribute: on a node its text (claim text, source title, actor or topic name,
causal mechanism, slot question, evidence title, an evidence link's stance),
on an edge the relationship kind. Internal bookkeeping (`BOOKKEEPING`: the
stored grounded-labelling flags, write locks, the dedupe key of active
evidence links, restore markers) is left out: it is how the database keeps
itself consistent, not data. GraphML has no list or date types: such values
travel as JSON strings.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from kb.export.loss import Loss, lost
from kb.export.properties import KeyTypes, merge

# Properties the database keeps for itself, never exported (see kb/queries/derived.py,
# evidence.py and backup.py for what each is for).
BOOKKEEPING = frozenset(
    {
        "stands_baseline",
        "stands_now",
        "rests_on_defeated",
        "asserted_by",  # counts the claim's own ASSERTS edges already show (filters seek them)
        "reported_by",
        "slot",  # the claim's slot state its HAS_SLOT edges already show (filters seek it)
        "derived_lock",
        "retraction_lock",
        "active_key",
        "kb_restore_id",
    }
)
# The property a node's `label` shows, by Neo4j label, first one present wins (else its id).
LABEL_KEYS: dict[str, tuple[str, ...]] = {
    "Source": ("title",),
    "Claim": ("text",),
    "CausalLink": ("mechanism",),
    "Actor": ("name",),
    "Topic": ("name",),
    "EvidenceSlot": ("question",),
    "EvidenceLink": ("stance",),
    "Evidence": ("title", "url"),
}
GRAPHML_TYPES = {"long": "long", "double": "double", "boolean": "boolean", "string": "string"}
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def domain_types(types: KeyTypes, scope: str) -> dict[str, str]:
    """One GraphML type per key over every label (or relationship kind) of `scope`."""
    seen: dict[str, set[str]] = {}
    for (owner_scope, _name), keys in types.types.items():
        if owner_scope == scope:
            for key, kind in keys.items():
                if key not in BOOKKEEPING:
                    seen.setdefault(key, set()).add(kind)
    return {key: GRAPHML_TYPES.get(merge(kinds), "string") for key, kinds in sorted(seen.items())}


def node_id(label: str, key: str) -> str:
    return f"{label}:{key}"


def header(node_types: dict[str, str], edge_types: dict[str, str]) -> str:
    """The document up to the first node: one `<key>` per property, by domain."""
    keys = [
        '<key id="labels" for="node" attr.name="labels" attr.type="string"/>',
        '<key id="node_label" for="node" attr.name="label" attr.type="string"/>',
        '<key id="label" for="edge" attr.name="label" attr.type="string"/>',
    ]
    for prefix, domain, declared in (("n_", "node", node_types), ("e_", "edge", edge_types)):
        for key, kind in declared.items():
            keys.append(
                f'<key id={quoteattr(prefix + key)} for="{domain}"'
                f' attr.name={quoteattr(key)} attr.type="{kind}"/>'
            )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
        ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
        + "\n".join(keys)
        + '\n<graph id="claim-kb" edgedefault="directed">\n'
    )


FOOTER = "</graph>\n</graphml>\n"


# Text with none of these characters is written as it is (most values): one regex
# search instead of escaping and stripping every value.
_TEXT_SPECIAL = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f]")
_ATTR_SPECIAL = re.compile("[&<>\"'\n\r\t]")


def _text(text: str) -> str:
    """`text` escaped for element content, without the characters XML 1.0 forbids."""
    if _TEXT_SPECIAL.search(text) is None:
        return text
    return escape(_INVALID_XML.sub("", text))


def _attr(text: str) -> str:
    """`quoteattr(text)`, with the common case (nothing to escape) made cheap."""
    if _ATTR_SPECIAL.search(text) is None:
        return f'"{text}"'
    return quoteattr(text)


def _value(value: Any, kind: str) -> str:
    if kind == "boolean":
        return "true" if value else "false"
    if kind in ("long", "double") and isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)  # nothing to escape
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, list | tuple):
        text = json.dumps(list(value), ensure_ascii=False, default=str)
    else:
        text = str(value)
    return _text(text)


@functools.cache
def _data_open(prefix: str, key: str) -> str:
    """`<data key="...">` for a property key (few keys, many values: made once)."""
    return f"<data key={quoteattr(prefix + key)}>"


def _data(prefix: str, props: dict[str, Any], declared: dict[str, str]) -> str:
    """The `<data>` elements of `props`, by key. Per value: a string of a string key
    goes straight to `_text` (most values); anything else through `_value`."""
    parts: list[str] = []
    for key in sorted(props):
        value = props[key]
        if value is None or key in BOOKKEEPING:
            continue
        kind = declared.get(key, "string")
        if kind == "string" and value.__class__ is str:
            text = value if _TEXT_SPECIAL.search(value) is None else _text(value)
        else:
            text = _value(value, kind)
        parts.append(_data_open(prefix, key))
        parts.append(text)
        parts.append("</data>")
    return "".join(parts)


def node_label(label: str, row: dict[str, Any]) -> str:
    """What a graph tool shows on the node: its text, title or name (else its id)."""
    for key in LABEL_KEYS.get(label, ()):
        value = row["props"].get(key)
        if isinstance(value, str) and value:
            return value
    return str(row["id"])


def nodes(label: str, rows: Iterable[dict[str, Any]], declared: dict[str, str]) -> Iterator[str]:
    """`<node>` elements for rows of {id, props} of one label."""
    labels = f'<data key="labels">:{escape(label)}</data><data key="node_label">'
    for row in rows:
        yield (
            f"<node id={_attr(node_id(label, row['id']))}>{labels}"
            f"{_text(node_label(label, row))}</data>"
            f"{_data('n_', row['props'], declared)}</node>\n"
        )


def edges(
    kind: tuple[str, str, str],
    rels: Iterable[dict[str, Any]],
    declared: dict[str, str],
    first_number: int,
) -> Iterator[str]:
    """`<edge>` elements for relationships of kind (type, start label, end label),
    numbered from `first_number` (edge ids only need to be unique in the file)."""
    rel_type, start, end = kind
    label = f'<data key="label">{escape(rel_type)}</data>'
    for number, rel in enumerate(rels, start=first_number):
        yield (
            f'<edge id="e{number}" source={_attr(node_id(start, rel["start_id"]))}'
            f" target={_attr(node_id(end, rel['end_id']))}>{label}"
            f"{_data('e_', rel['props'], declared)}</edge>\n"
        )


def losses(types: KeyTypes) -> list[Loss]:
    """Lists, dates and other values without a GraphML type travel as strings."""
    lists: dict[str, int] = {}
    others: dict[str, int] = {}
    for (scope, name), keys in sorted(types.types.items()):
        for key, kind in keys.items():
            if key in BOOKKEEPING:
                continue
            count = types.values.get((scope, name, key), 0)
            bucket = lists if kind.endswith("[]") else others if kind not in GRAPHML_TYPES else None
            if bucket is not None:
                bucket[f"{name.split(':')[0]}.{key}"] = count
    return [
        *lost(
            "list properties",
            sum(lists.values()),
            f"values of {', '.join(lists)}: GraphML has no list type; kept as JSON strings",
        ),
        *lost(
            "dates and other typed values",
            sum(others.values()),
            f"values of {', '.join(others)}: no GraphML type; kept as strings",
        ),
    ]
