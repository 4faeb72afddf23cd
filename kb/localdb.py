"""The project's own local Neo4j server: build, start, stop, status.

The server is a tiny Java launcher (`neo4j-local/`) around Neo4j Community, fetched from
Maven Central. `build()` compiles it once and records its classpath; after that `start()`
runs a plain `java -cp ...` and needs neither Maven nor the network.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from neo4j import GraphDatabase
from neo4j.exceptions import DriverError, Neo4jError

from kb import generation
from kb.config import PROJECT_ROOT, LocalServerConfig, Settings
from kb.errors import KbError, LocalServerError
from kb.research import write_browser_files
from kb.sizing import Memory, derive, format_size, machine_ram, store_size

LAUNCHER_DIR = PROJECT_ROOT / "neo4j-local"
POM_FILE = LAUNCHER_DIR / "pom.xml"
SOURCE_DIR = LAUNCHER_DIR / "src"
TARGET_DIR = LAUNCHER_DIR / "target"
CLASSES_DIR = TARGET_DIR / "classes"
CLASSPATH_FILE = TARGET_DIR / "classpath.txt"
STAMP_FILE = TARGET_DIR / "build.stamp"
MAIN_CLASS = "kb.localneo4j.LocalNeo4j"
PASSWORD_VARIABLE = "KB_LOCAL_NEO4J_PASSWORD"
# The launcher prefixes its own messages with this; "ready" follows once the password is set.
LAUNCHER_PREFIX = "LocalNeo4j:"
SETTINGS_VARIABLE = "KB_LOCAL_NEO4J_SETTINGS"  # extra settings, one `name=value` a line
JAVA_NEEDED = "the local Neo4j needs Java 17 or 21"

# The heap (-Xmx) comes from `kb.sizing`; the page cache and transaction memory go to the
# launcher as arguments. The --add-opens flags are the ones Neo4j's own neo4j.conf ships
# with (page cache, netty).
JVM_OPTIONS = (
    "-XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+DisableExplicitGC"
    " -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true"
    " -Dlog4j2.disable.jmx=true --enable-native-access=ALL-UNNAMED"
    " --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED"
    " --add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
).split()


@dataclass(frozen=True)
class ServerStatus:
    """What `status()` knows about the local server."""

    running: bool
    pid: int | None
    bolt_uri: str
    http_url: str
    data_dir: Path
    log_file: Path
    version: str
    # What this process started the server with ("" when it did not start it).
    memory: str = ""


@cache
def neo4j_version() -> str:
    """The pinned Neo4j version: the `neo4j.version` property of the launcher's pom.xml."""
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    node = ET.parse(POM_FILE).getroot().find("m:properties/m:neo4j.version", ns)
    version = (node.text or "").strip() if node is not None else ""
    if not version:
        raise LocalServerError(f"{POM_FILE} has no <neo4j.version> property")
    return version


def _build_is_current() -> bool:
    if not (STAMP_FILE.exists() and CLASSPATH_FILE.exists() and CLASSES_DIR.exists()):
        return False
    inputs = [POM_FILE, *(p for p in SOURCE_DIR.rglob("*") if p.is_file())]
    if max(p.stat().st_mtime for p in inputs) > STAMP_FILE.stat().st_mtime:
        return False
    # A wiped ~/.m2 invalidates the recorded classpath as well.
    return all(Path(jar).exists() for jar in _classpath_entries())


def _classpath_entries() -> list[str]:
    return [e for e in CLASSPATH_FILE.read_text().strip().split(os.pathsep) if e]


def build(config: LocalServerConfig | None = None) -> None:
    """Compile the launcher and resolve its classpath with Maven, unless already up to date.

    Maven's full output goes to `<home>/logs/build.log` (home of `config`, or of the settings).
    """
    if _build_is_current():
        return
    mvn = _tool("mvn", "building the local Neo4j needs Maven 3.8+ and Java 17+")
    _tool("java", JAVA_NEEDED)
    home = (config or Settings.from_env().local).home
    build_log = home / "logs" / "build.log"
    build_log.parent.mkdir(parents=True, exist_ok=True)
    cmd = [mvn, "-B", "-ntp", "-Dstyle.color=never", "-f", str(POM_FILE), "package"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    build_log.write_text(proc.stdout + proc.stderr)
    if proc.returncode != 0 or not CLASSPATH_FILE.exists():
        errors = [ln for ln in proc.stdout.splitlines() if ln.startswith("[ERROR]")]
        first = errors[0][8:].strip()[:200] if errors else f"exit code {proc.returncode}"
        raise LocalServerError(f"Maven build of the local Neo4j failed: {first} (see {build_log})")
    STAMP_FILE.touch()


def _tool(name: str, need: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise LocalServerError(f"'{name}' not found on PATH; {need}")
    return found


def status(config: LocalServerConfig) -> ServerStatus:
    """Report whether the server of `config` runs (per its pid file), and where."""
    pid = _read_pid(config)
    running = pid is not None and _is_alive(pid) and _is_launcher(pid)
    return ServerStatus(
        running=running,
        pid=pid if running else None,
        bolt_uri=f"bolt://127.0.0.1:{config.bolt_port}",
        http_url=f"http://127.0.0.1:{config.http_port}/",
        data_dir=config.data_dir,
        log_file=config.log_file,
        version=neo4j_version(),
    )


def start(config: LocalServerConfig, timeout: float = 120.0) -> ServerStatus:
    """Start the server (building it first if needed) and wait until Bolt accepts the password.

    Returns the status of an already running server unchanged. `timeout` bounds the wait for
    the server only, not a first Maven build (which downloads Neo4j, about 150 MB).
    """
    build(config)
    current = status(config)
    if current.running:
        return current
    config.pid_file.unlink(missing_ok=True)  # stale: its process is gone
    for name, port in (("Bolt", config.bolt_port), ("HTTP", config.http_port)):
        if _port_open(port):
            raise LocalServerError(
                f"{name} port {port} on 127.0.0.1 is already in use by another process; "
                "stop it or choose other ports (KB_LOCAL_BOLT_PORT / KB_LOCAL_HTTP_PORT)"
            )
    java = _tool("java", JAVA_NEEDED)
    config.data_dir.mkdir(parents=True, exist_ok=True)
    config.log_file.parent.mkdir(parents=True, exist_ok=True)
    memory = memory_for(config)
    args = {
        "--bolt-port": config.bolt_port,
        "--http-port": config.http_port,
        "--data-dir": config.data_dir,
        "--browser-dir": _browser_files(config),
        "--pagecache": format_size(memory.pagecache),
        "--tx-memory": format_size(memory.tx_memory),
    }
    cmd = [java, *_heap_options(memory.heap), *JVM_OPTIONS, "-cp", _classpath(), MAIN_CLASS]
    cmd += [str(item) for pair in args.items() for item in pair]
    with config.log_file.open("a") as log:
        log.write(f"\n=== kb.localdb start {datetime.now(UTC).isoformat()} ===\n")
        log.flush()
        # Only this run's output counts when looking for the ready marker.
        log_offset = config.log_file.stat().st_size
        # A new session keeps the server alive after the calling shell or CLI exits.
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=config.home,
            # The password travels in the environment, not argv, so `ps` does not show it.
            env={
                **os.environ,
                PASSWORD_VARIABLE: config.password,
                SETTINGS_VARIABLE: "\n".join(config.settings),
            },
            start_new_session=True,
        )
    _CHILDREN[proc.pid] = proc
    config.pid_file.write_text(f"{proc.pid}\n")
    generation.bump()  # its store may have been replaced offline (restore, bulk import)
    try:
        _wait_until_ready(config, proc, log_offset, timeout)
    except BaseException:
        _kill(proc.pid, signal.SIGKILL)
        proc.wait()
        config.pid_file.unlink(missing_ok=True)
        raise
    return replace(status(config), memory=memory.describe())


def memory_for(config: LocalServerConfig) -> Memory:
    """The server's memory: what `config` asks for, the rest derived from RAM and store."""
    return derive(config.memory, machine_ram(), store_size(config.data_dir))


def _heap_options(heap: int) -> list[str]:
    # Start at most 256 MB so that a large -Xmx does not claim its memory up front.
    return [f"-Xms{format_size(min(heap, 256 * 1024 * 1024))}", f"-Xmx{format_size(heap)}"]


def _classpath() -> str:
    return os.pathsep.join([str(CLASSES_DIR), *_classpath_entries()])


def admin_import(
    config: LocalServerConfig, options: list[str], cwd: Path, log: Path
) -> dict[str, int]:
    """Run `neo4j-admin database import full neo4j OPTIONS` on the stopped server's store.

    The import tool is on the launcher's classpath (`org.neo4j.cli.AdminTool`); it reads
    the data directory from a one-line `neo4j.conf` under `<home>/admin-conf`. Its output goes
    to `log`; a failure raises `LocalServerError` with the tool's last line. Returns the
    counts the tool reports (`nodes`, `relationships`, `properties`).
    """
    _admin(config, ["database", "import", "full", "neo4j", "{off_heap}", *options], cwd, log)
    report = log.read_text(errors="replace").rpartition("IMPORT DONE")[2]
    return {
        what: int(match.group(1))
        for what in ("nodes", "relationships", "properties")
        if (match := re.search(rf"(\d+) {what}\b", report))
    }


def admin_dump(config: LocalServerConfig, target: Path, log: Path) -> None:
    """`neo4j-admin database dump neo4j` of the stopped server's store into the file `target`.

    The tool writes `<dir>/neo4j.dump`; it goes to a scratch folder beside
    `target` and is renamed into place, so a failed dump never leaves a partial
    file under `target`'s name.
    """
    scratch = target.parent / f".{target.name}.dumping"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    try:
        args = ["database", "dump", "neo4j", f"--to-path={scratch.resolve()}"]
        _admin(config, args, target.parent, log)
        os.replace(scratch / "neo4j.dump", target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def admin_load(config: LocalServerConfig, source: Path, log: Path) -> None:
    """`neo4j-admin database load neo4j --overwrite-destination` from the dump file `source`
    into the stopped server's store."""
    scratch = source.parent / f".{source.name}.loading"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    try:
        (scratch / "neo4j.dump").symlink_to(source.resolve())
        args = ["database", "load", "neo4j", f"--from-path={scratch.resolve()}"]
        _admin(config, [*args, "--overwrite-destination=true"], source.parent, log)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _admin(config: LocalServerConfig, args: list[str], cwd: Path, log: Path) -> None:
    """Run `neo4j-admin ARGS` on the stopped server's store (`{off_heap}` in ARGS becomes
    the tool's off-heap limit); a failure raises `LocalServerError` with its last line.

    The tool is on the launcher's classpath (`org.neo4j.cli.AdminTool`); it reads the
    data directory from a one-line `neo4j.conf` under `<home>/admin-conf`.
    """
    build(config)
    what = " ".join(args[:2])
    if status(config).running:
        raise LocalServerError(f"neo4j-admin {what} needs the local Neo4j stopped (kb db stop)")
    conf_dir = config.home / "admin-conf"
    conf_dir.mkdir(parents=True, exist_ok=True)
    (conf_dir / "neo4j.conf").write_text(
        f"server.directories.data={config.data_dir.resolve()}\n"
        f"server.directories.logs={(config.data_dir / 'logs').resolve()}\n"
    )
    java = _tool("java", JAVA_NEEDED)
    memory = memory_for(config)
    cmd = [java, *_heap_options(memory.heap), "-cp", _classpath(), "org.neo4j.cli.AdminTool"]
    # The tool would otherwise take 90% of free memory off-heap: give it the server's share.
    off_heap = f"--max-off-heap-memory={format_size(memory.pagecache + memory.heap)}"
    cmd += [off_heap if arg == "{off_heap}" else arg for arg in args]
    env = {**os.environ, "NEO4J_HOME": str(config.home.resolve()), "NEO4J_CONF": str(conf_dir)}
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
    if proc.returncode != 0:
        lines = [ln for ln in log.read_text(errors="replace").splitlines() if ln.strip()]
        last = lines[-1][:300] if lines else f"exit code {proc.returncode}"
        raise LocalServerError(f"neo4j-admin {what} failed: {last} (see {log})")


def _browser_files(config: LocalServerConfig) -> Path:
    """Write the Browser guide and style where the server serves them (`/kb/`), fresh each start,
    so the guide always shows the queries of `cypher/browser/` as they are now."""
    folder = config.home / "browser"
    try:
        write_browser_files(folder, explorer_url=config.explorer_url)
    except (OSError, KbError) as exc:
        raise LocalServerError(
            f"cannot write the Neo4j Browser guide into {folder}: {exc}"
        ) from exc
    return folder


def browser_urls(config: LocalServerConfig) -> dict[str, str]:
    """Where the Browser, its guide and its style are, for banners and docs."""
    base = f"http://127.0.0.1:{config.http_port}"
    return {
        "browser": f"{base}/browser/",
        "guide": f"{base}/kb/guide.html",
        "style": f"{base}/kb/style.grass",
    }


def stop(config: LocalServerConfig, timeout: float = 60.0) -> bool:
    """Stop the server with SIGTERM (SIGKILL after `timeout`); True if one was running."""
    pid = _read_pid(config)
    if pid is None or not (_is_alive(pid) and _is_launcher(pid)):
        config.pid_file.unlink(missing_ok=True)
        return False
    _kill(pid, signal.SIGTERM)  # Neo4j's shutdown hook stops the databases cleanly
    deadline = time.monotonic() + timeout
    while _is_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    if _is_alive(pid):
        _kill(pid, signal.SIGKILL)
        while _is_alive(pid):
            time.sleep(0.1)
    config.pid_file.unlink(missing_ok=True)
    generation.bump()
    return True


# Servers this process started, so that `stop()` can reap them (no zombies, no ResourceWarning).
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}


def _wait_until_ready(
    config: LocalServerConfig, proc: subprocess.Popen[bytes], log_offset: int, timeout: float
) -> None:
    # Wait for the launcher's marker before logging in: trying earlier would fail auth (the
    # password is set just after Bolt opens) and trip Neo4j's failed-login lockout.
    deadline = time.monotonic() + timeout
    uri = f"bolt://127.0.0.1:{config.bolt_port}"
    problem = "no ready message from the launcher"
    while time.monotonic() < deadline:
        exited = proc.poll() is not None  # checked before reading, so no last words are missed
        said = _launcher_lines(config.log_file, log_offset)
        if exited:
            detail = said[-1] if said else f"{LAUNCHER_PREFIX} exit code {proc.returncode}"
            raise LocalServerError(
                f"local Neo4j stopped while starting ({detail}); see {config.log_file}"
            )
        if any(line.startswith(f"{LAUNCHER_PREFIX} ready") for line in said):
            try:
                with GraphDatabase.driver(uri, auth=("neo4j", config.password)) as driver:
                    driver.verify_connectivity()
                return
            except (DriverError, Neo4jError, OSError) as exc:
                problem = f"last error: {exc}"
        time.sleep(0.5)
    raise LocalServerError(
        f"local Neo4j was not ready on {uri} within {timeout:.0f}s ({problem}); "
        f"see {config.log_file}"
    )


def _launcher_lines(log_file: Path, offset: int) -> list[str]:
    """The launcher's own messages in this run's part of the log."""
    with log_file.open("rb") as log:
        log.seek(offset)
        text = log.read().decode(errors="replace")
    return [line for line in text.splitlines() if line.startswith(LAUNCHER_PREFIX)]


def _read_pid(config: LocalServerConfig) -> int | None:
    try:
        return int(config.pid_file.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None


def _is_alive(pid: int) -> bool:
    child = _CHILDREN.get(pid)
    if child is not None:
        if child.poll() is None:
            return True
        del _CHILDREN[pid]
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, but belongs to another user
        pass
    return True


def _is_launcher(pid: int) -> bool:
    """Guard against a reused pid: the process must be our Java launcher (Linux /proc check)."""
    try:
        return MAIN_CLASS.encode() in Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        return not Path("/proc/self").exists()  # no /proc (e.g. macOS): trust the pid file
    except OSError:
        return True


def _kill(pid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@contextlib.contextmanager
def throwaway(
    config: LocalServerConfig,
    *,
    start_server: bool = True,
    attempts: int = 1,
    timeout: float = 300.0,
    **settings: Any,
) -> Iterator[Settings]:
    """A server of `config` on an emptied data folder, stopped afterwards: for tests and
    benchmarks, never a user's database. With `attempts` > 1 a start that fails (a port
    taken: test ports lie in Linux's ephemeral range) moves both ports up by 10 and tries
    again. `start_server=False` leaves the start to the caller (a bulk import starts it
    on the store it writes). `settings` are `Settings` fields beyond the connection."""
    shutil.rmtree(config.data_dir, ignore_errors=True)
    if start_server:
        config = _start_on_free_ports(config, attempts, timeout)
    try:
        yield Settings(
            neo4j_uri=f"neo4j://127.0.0.1:{config.bolt_port}",
            neo4j_password=config.password,
            local=config,
            **settings,
        )
    finally:
        stop(config)


def _start_on_free_ports(
    config: LocalServerConfig, attempts: int, timeout: float
) -> LocalServerConfig:
    for attempt in range(attempts):
        shifted = replace(
            config,
            bolt_port=config.bolt_port + 10 * attempt,
            http_port=config.http_port + 10 * attempt,
        )
        try:
            start(shifted, timeout=timeout)
            return shifted
        except LocalServerError:
            if attempt == attempts - 1:
                raise
    raise LocalServerError("no attempt to start the server was made")
