"""The researchers' queries (`cypher/browser/`) and the Neo4j Browser guide built from them.

Each file holds one question the graph must answer: a header of `//` comments
(`// title:`, `// question:`, `// param name: default`, then free comments that
explain the query) and one read-only statement using `$parameters`. The same
files are run by `kb query --file` and become the slides of the Browser guide,
so the guide can never drift from the queries the tests check.

`write_browser_files()` writes `guide.html` and `style.grass` into the folder
the local Neo4j serves at `/kb/` (see `neo4j-local/`), before each start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from kb.config import CYPHER_DIR, DEFAULT_EXPLORER_URL
from kb.errors import InvalidRequest
from kb.palette import load_palette, render_grass

BROWSER_DIR = CYPHER_DIR / "browser"
_HEADER = re.compile(r"^//\s*(title|question|param)\s*:?\s*(.*)$")
_PARAM = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*[:=]\s*(.*)$")


@dataclass(frozen=True)
class QueryFile:
    """One question: its title, the question in the domain's words, defaults, and Cypher."""

    path: Path
    title: str
    question: str
    statement: str
    params: dict[str, str | int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def coerce(value: str) -> str | int:
    """Whole numbers become integers (depths, limits); anything else stays text."""
    value = value.strip()
    return int(value) if re.fullmatch(r"-?\d+", value) else value


def parse_param(text: str) -> tuple[str, str | int]:
    """`name=value` (as given to `kb query --param`) as a pair; raises `InvalidRequest`."""
    match = _PARAM.match(text.strip())
    if match is None:
        raise InvalidRequest(f"a parameter must look like name=value, got {text!r}")
    return match.group(1), coerce(match.group(2))


def load_query_file(path: Path) -> QueryFile:
    """Read a query file; raises `InvalidRequest` when it cannot be read or has no statement."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidRequest(f"cannot read {path}: {exc.strerror or exc}") from exc
    title, question = path.stem, ""
    params: dict[str, str | int] = {}
    notes: list[str] = []
    lines = text.splitlines()
    body_start = 0
    for index, line in enumerate(lines):
        if not line.startswith("//"):
            body_start = index
            break
        header = _HEADER.match(line)
        if header and header.group(1) == "title":
            title = header.group(2).strip()
        elif header and header.group(1) == "question":
            question = header.group(2).strip()
        elif header and header.group(1) == "param":
            name, value = parse_param(header.group(2))
            params[name] = value
        else:
            notes.append(line[2:].strip())
    else:
        body_start = len(lines)
    statement = "\n".join(lines[body_start:]).strip().rstrip(";").strip()
    if not statement:
        raise InvalidRequest(f"{path} holds no Cypher statement")
    return QueryFile(path, title, question, statement, params, notes)


def query_files(folder: Path = BROWSER_DIR) -> list[QueryFile]:
    """Every `*.cypher` file of `folder`, in file-name order."""
    return [load_query_file(path) for path in sorted(folder.glob("*.cypher"))]


def _cypher_literal(value: str | int) -> str:
    if isinstance(value, int):
        return str(value)
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _slide(query: QueryFile, number: int) -> str:
    # One `:params {map}` line: Neo4j Browser runs a block as one command, one line each.
    pairs = ", ".join(f"{name}: {_cypher_literal(v)}" for name, v in query.params.items())
    params = f":params {{{pairs}}}" if pairs else ""
    notes = f"<p>{escape(' '.join(note for note in query.notes if note))}</p>"
    steps = []
    if params:
        steps.append(
            "<p>1. Set the parameters (click to put them in the editor, then run; "
            "change the values to ask about another claim):</p>"
            f'<pre class="code runnable standalone-example ng-binding" mode="cypher">'
            f"{escape(params)}</pre>"
        )
    steps.append(
        f"<p>{'2. ' if params else ''}Run the query (file "
        f"<code>cypher/browser/{escape(query.path.name)}</code>, also runnable with "
        f"<code>kb query --file</code>):</p>"
        f'<pre class="code runnable standalone-example ng-binding" mode="cypher">'
        f"{escape(comment_block(query))}{escape(query.statement)}</pre>"
    )
    return (
        '<slide class="row-fluid">\n<div class="col-sm-12">\n'
        f"<h3>{number}. {escape(query.title)}</h3>\n"
        f"<p><em>{escape(query.question)}</em></p>\n{notes}\n"
        + "\n".join(steps)
        + "\n</div>\n</slide>"
    )


def comment_block(query: QueryFile) -> str:
    """The query's explanation as Cypher comments, so a pasted query still says what it does."""
    lines = [f"// {query.question}"] if query.question else []
    lines += [f"// {note}" for note in query.notes if note]
    return "\n".join(lines) + ("\n" if lines else "")


def render_guide(
    queries: list[QueryFile],
    folder: Path = BROWSER_DIR,
    explorer_url: str = DEFAULT_EXPLORER_URL,
) -> str:
    """The Browser guide: the intro slide (`intro.html`, its `{explorer_url}` filled from the
    settings), then one slide per query file."""
    intro = (folder / "intro.html").read_text(encoding="utf-8").strip()
    intro = intro.replace("{explorer_url}", escape(explorer_url.rstrip("/") + "/"))
    slides = "\n".join(_slide(query, number) for number, query in enumerate(queries, start=1))
    return (
        '<article class="guide">\n<carousel class="deck container-fluid">\n'
        f"{intro}\n{slides}\n</carousel>\n</article>\n"
    )


def write_browser_files(
    target: Path, folder: Path = BROWSER_DIR, explorer_url: str = DEFAULT_EXPLORER_URL
) -> list[Path]:
    """Write `guide.html` and `style.grass` (from the palette) into `target` (created);
    returns their paths."""
    target.mkdir(parents=True, exist_ok=True)
    guide = target / "guide.html"
    guide.write_text(render_guide(query_files(folder), folder, explorer_url), encoding="utf-8")
    style = target / "style.grass"
    style.write_text(render_grass(load_palette()), encoding="utf-8")
    return [guide, style]
