"""docker-compose.yml agrees with the README, kb/config.py and `make run`.

There is no docker binary on every machine that runs the tests, so this reads
the file with PyAML instead of `docker compose config` (which `make test` also
runs where docker exists): the same ports and password as the README and the
settings' defaults, the Browser's guide and style served as the local launcher
serves them, and the API built from the Dockerfile.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from kb.config import DEFAULT_PASSWORD, PROJECT_ROOT, Settings
from kb.research import write_browser_files

COMPOSE = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
SERVICES: dict[str, Any] = COMPOSE["services"]
README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
DOCKERFILE = (PROJECT_ROOT / "Dockerfile").read_text(encoding="utf-8")
MAKEFILE = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
DEFAULT = re.compile(r"\$\{(\w+):-([^}]*)\}")


def resolved(text: str) -> str:
    """`${NAME:-default}` with its default, as compose reads it with NAME unset."""
    return DEFAULT.sub(lambda match: match.group(2), text)


def host_ports(service: dict[str, Any]) -> dict[int, int]:
    """container port -> host port (defaults resolved), checking each binds loopback only."""
    ports = {}
    for entry in service["ports"]:
        address, host, container = resolved(entry).split(":")
        assert address == "127.0.0.1", entry
        ports[int(container)] = int(host)
    return ports


def test_neo4j_has_the_readme_and_config_ports() -> None:
    local = Settings().local
    assert host_ports(SERVICES["neo4j"]) == {7687: local.bolt_port, 7474: local.http_port}
    assert f"bolt://127.0.0.1:{local.bolt_port}" in README
    assert f"http://127.0.0.1:{local.http_port}/browser/" in README
    # moved by the same variables as `kb db start`'s ports
    assert "${KB_LOCAL_BOLT_PORT:-" in SERVICES["neo4j"]["ports"][0]
    assert "${KB_LOCAL_HTTP_PORT:-" in SERVICES["neo4j"]["ports"][1]


def test_every_password_is_the_readme_default_unless_exported() -> None:
    assert f"password\n**`{DEFAULT_PASSWORD}`**" in README.replace(" **`", "\n**`")
    neo4j, api = SERVICES["neo4j"], SERVICES["api"]
    with_default = "${NEO4J_PASSWORD:-" + DEFAULT_PASSWORD + "}"
    assert neo4j["environment"]["NEO4J_AUTH"] == "neo4j/" + with_default
    assert api["environment"]["NEO4J_PASSWORD"] == with_default
    assert resolved(" ".join(neo4j["healthcheck"]["test"])).count(DEFAULT_PASSWORD) == 1


def test_the_api_is_built_from_the_dockerfile_on_the_make_run_port() -> None:
    api = SERVICES["api"]
    assert api["build"] == {"context": ".", "target": "api"}
    assert re.search(r"^FROM python:3\.11-slim AS api$", DOCKERFILE, re.MULTILINE)
    make_port = int(re.search(r"^PORT \?= (\d+)$", MAKEFILE, re.MULTILINE).group(1))  # type: ignore[union-attr]
    assert host_ports(api) == {make_port: make_port}
    assert f"http://127.0.0.1:{make_port}/api/v1" in README
    assert f"--port {make_port}" in api["command"]
    assert api["environment"]["NEO4J_URI"] == "neo4j://neo4j:7687"
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"


def test_neo4j_is_the_version_the_local_launcher_pins() -> None:
    pom = (PROJECT_ROOT / "neo4j-local" / "pom.xml").read_text(encoding="utf-8")
    pinned = re.search(r"<neo4j.version>(\d+\.\d+)\.\d+</neo4j.version>", pom)
    assert pinned is not None
    assert f"FROM neo4j:{pinned.group(1)}-community AS neo4j" in DOCKERFILE
    assert SERVICES["neo4j"]["build"] == {"context": ".", "target": "neo4j"}


def test_the_browser_gets_the_guide_and_style_as_make_run_serves_them(tmp_path: Path) -> None:
    writer, neo4j = SERVICES["browser-files"], SERVICES["neo4j"]
    env = neo4j["environment"]
    folder = env["NEO4J_server_jvm_additional"].removeprefix("-Dkb.browser.dir=")
    assert f"browser-files:{folder}" in writer["volumes"]
    assert f"browser-files:{folder}:ro" in neo4j["volumes"]
    assert "browser-files" in COMPOSE["volumes"]
    assert f"write_browser_files(Path('{folder}'))" in writer["command"]
    assert neo4j["depends_on"]["browser-files"]["condition"] == "service_completed_successfully"
    # what write_browser_files writes is what the Browser loads after login, from /kb/
    names = sorted(path.name for path in write_browser_files(tmp_path / "browser"))
    command = resolved(env["NEO4J_browser_post__connect__cmd"])
    assert command == (
        "style http://127.0.0.1:7474/kb/style.grass; play http://127.0.0.1:7474/kb/guide.html"
    )
    assert names == ["guide.html", "style.grass"]
    launcher = (PROJECT_ROOT / "neo4j-local/src/main/java/kb/localneo4j/LocalNeo4j.java").read_text(
        encoding="utf-8"
    )
    for setting, value in (
        ("server.unmanaged_extension_classes", env["NEO4J_server_unmanaged__extension__classes"]),
        ("dbms.security.http_auth_allowlist", env["NEO4J_dbms_security_http__auth__allowlist"]),
    ):
        assert f'conf.put("{setting}", "{value}")' in launcher


@pytest.mark.parametrize(
    "phrase",
    ["docker compose up", "KB_TEST_DOCKER=1", "`docker compose` plugin", "NEO4J_PASSWORD"],
)
def test_the_readme_says_how_to_run_it_and_what_the_docker_tests_need(phrase: str) -> None:
    section = README.split("\n## Docker\n", 1)[1].split("\n## ", 1)[0]
    assert phrase in section
