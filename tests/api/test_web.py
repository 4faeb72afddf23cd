"""The explorer page: served at `/` and `/explore`, self-contained, and safe with API data."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from kb.config import PROJECT_ROOT
from tests.api.openapi_check import CheckedClient

PAGES = ("/", "/explore")
SCRIPTS = (
    "/web/explorer.js",
    "/web/common.js",
    "/web/source.js",
    "/web/walks.js",
    "/web/analyst.js",
    "/web/graphpanel.js",
    "/web/graph.js",
    "/web/palette.js",
    "/web/route.js",
    "/web/compare.js",
    "/web/downloads.js",
    "/web/overview.js",
)
STYLES = ("/web/explorer.css", "/web/graph.css")
# The graph library, copied from web/node_modules by `make install`.
VENDOR = ("/web/vendor/cytoscape.esm.min.mjs", "/web/vendor/cytoscape-dagre.min.mjs")
# The API operations the page calls, with the fragment of the URL it builds for each.
CALLED = {
    "/api/v1/claims": '"/claims"',
    "/api/v1/claims/{claim_id}": "`/claims/${seg(claimId)}`",
    "/api/v1/claims/{claim_id}/dependents": "`${path}/dependents`",
    "/api/v1/claims/{claim_id}/dependencies": "`${path}/dependencies`",
    "/api/v1/claims/{claim_id}/impact": "/impact`",
    "/api/v1/actors": '"/actors"',
    "/api/v1/sources": '"/sources"',
    "/api/v1/sources/{source_id}": "`/sources/${seg(sourceId)}`",
    "/api/v1/sources/{source_id}/coverage": "/coverage`",
    "/api/v1/sources/{source_id}/argument-map": "/argument-map`",
    "/api/v1/causal-links/{link_id}": "`/causal-links/${seg(link.link_id)}`",
    "/api/v1/sources/{source_id}/agreement/{other_id}": "/agreement/${seg(b)}`",
    "/api/v1/export/{format_name}": "`/api/v1/export/${encodeURIComponent(format)}",
}
# The writes the analyst forms make: (method, operation, fragment of the URL the page builds).
WRITES = (
    ("post", "/api/v1/claims/{target_id}/evidence", "`${target.path}/evidence`"),
    ("post", "/api/v1/causal-links/{target_id}/evidence", "`${target.path}/evidence`"),
    ("delete", "/api/v1/evidence-links/{link_id}", "`/evidence-links/${seg(link.id)}`"),
    ("post", "/api/v1/claims/{target_id}/slots", "`${target.path}/slots`"),
    ("patch", "/api/v1/slots/{slot_id}", "`/slots/${seg(slot.id)}`"),
)
EXTERNAL_URL = re.compile(r"https?://|(?:src|href)\s*=\s*[\"']//", re.IGNORECASE)
CSS_FETCHES = re.compile(r"@import|url\(|@font-face", re.IGNORECASE)
HTML_SINKS = ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")


class _Tags(HTMLParser):
    """Collects (tag, attributes) pairs of a document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def _text(client: CheckedClient, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


@pytest.mark.parametrize("path", PAGES)
def test_page_is_html_that_loads_its_script_and_stylesheet(
    client: CheckedClient, path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    tags = _tags(response.get_data(as_text=True))
    scripts = [attrs for tag, attrs in tags if tag == "script"]
    assert scripts == [{"type": "module", "src": "/web/explorer.js"}]
    links = [attrs for tag, attrs in tags if tag == "link"]
    sheets = [attrs["href"] for attrs in links if attrs["rel"] == "stylesheet"]
    assert sheets == list(STYLES)


def test_root_and_explore_serve_the_same_file(client: CheckedClient) -> None:
    on_disk = (PROJECT_ROOT / "web" / "index.html").read_text(encoding="utf-8")
    assert _text(client, "/") == _text(client, "/explore") == on_disk


@pytest.mark.parametrize("path", SCRIPTS + STYLES)
def test_assets_are_served_with_their_content_type(client: CheckedClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    expected = "text/css" if path.endswith(".css") else "text/javascript"
    assert response.mimetype == expected
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    on_disk = PROJECT_ROOT / path.lstrip("/")
    assert response.get_data(as_text=True) == on_disk.read_text(encoding="utf-8")


def test_every_module_the_page_imports_is_served(client: CheckedClient) -> None:
    seen: set[str] = set()
    pending = ["/web/explorer.js"]
    imports = re.compile(
        r'^import .* from "\./([\w./-]+\.m?js)";$|import\("\./([\w.-]+\.js)"\)', re.M
    )
    while pending:
        path = pending.pop()
        seen.add(path)
        if path in VENDOR:
            continue
        for static, dynamic in imports.findall(_text(client, path)):
            if f"/web/{static or dynamic}" not in seen:
                pending.append(f"/web/{static or dynamic}")
    assert seen == set(SCRIPTS) | set(VENDOR)


@pytest.mark.parametrize("path", VENDOR)
def test_the_graph_library_is_served_as_a_module(client: CheckedClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, "run `make install` (npm ci + copy to web/vendor)"
    assert response.mimetype == "text/javascript"
    assert "export" in response.get_data(as_text=True)[-400:]


@pytest.mark.parametrize(
    "path",
    [
        "/web/node_modules/cytoscape/package.json",
        "/web/package.json",
        "/web/./package.json",
        "/web/./node_modules/cytoscape/package.json",
        "/web/vendor/../package-lock.json",
        "/web/.//node_modules/cytoscape/dist/cytoscape.esm.min.mjs",
        "/web/PACKAGE.JSON",
    ],
)
def test_npm_folders_are_not_served(client: CheckedClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_page_names_no_external_host(client: CheckedClient) -> None:
    for path in (*PAGES, *SCRIPTS, *STYLES):
        text = _text(client, path)
        found = EXTERNAL_URL.findall(text)
        if path.endswith(".css"):
            found += CSS_FETCHES.findall(text)
        assert found == [], f"{path} loads or links something from elsewhere: {found}"


def test_page_is_locked_to_its_own_origin(client: CheckedClient) -> None:
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "connect-src 'self'" in policy


def test_scripts_never_parse_strings_as_html(client: CheckedClient) -> None:
    for path in SCRIPTS:
        text = _text(client, path)
        assert [sink for sink in HTML_SINKS if sink in text] == [], path
    assert "node.textContent = value" in _text(client, "/web/common.js")


def test_every_form_control_has_a_label(client: CheckedClient) -> None:
    tags = _tags(_text(client, "/"))
    labelled = {attrs["for"] for tag, attrs in tags if tag == "label"}
    controls = [attrs.get("id") for tag, attrs in tags if tag in ("input", "select", "textarea")]
    assert len(controls) == 13
    assert [control for control in controls if control not in labelled] == []


def test_page_calls_only_operations_the_api_documents(client: CheckedClient) -> None:
    spec_paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    scripts = "\n".join(_text(client, path) for path in SCRIPTS)
    assert 'API = "/api/v1"' in scripts
    for operation, fragment in CALLED.items():
        assert "get" in spec_paths[operation], operation
        assert fragment in scripts, fragment
    for method, operation, fragment in WRITES:
        assert method in spec_paths[operation], operation
        assert fragment in scripts, fragment


@pytest.mark.parametrize(
    "path", ["/web/missing.js", "/web/../pyproject.toml", "/web/%2e%2e/kb/config.py"]
)
def test_nothing_outside_the_web_folder_is_served(client: CheckedClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
