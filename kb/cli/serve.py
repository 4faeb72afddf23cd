"""`kb serve`: the API under gunicorn (or Flask's reloader with --dev).

gunicorn runs threaded workers (`api.worker.HardenedThreadWorker`, gthread that
reads each request head in its main loop): a slow client holds no thread at
all, and one that has not sent its request head within `KB_HEADER_TIMEOUT`
seconds is disconnected, so slowloris sockets cannot starve the API; `/healthz`
has two threads of its own in each worker. Kept-alive connections are closed
after 5 idle seconds. Each worker keeps read answers until the next write
(`api.response_cache`; `--no-response-cache` turns it off). Sizing: workers =
cores (CPU-bound serialisation), threads = 4 each: with the response cache most
answers are Python work, and on two cores 2 x 4 served a read mix faster than
2 x 8, 3 x 4 or 4 x 4 in three runs at 10k and 100k claims
(docs/benchmarks/http-ceiling.md); raise threads (before workers) when reads
wait on a slow database. The URL limit is the API's own
(414 problem document, `api.guards`), so gunicorn's request-line limit is off.
No control socket: several instances on one machine must not share one.
"""

from __future__ import annotations

import ipaddress
import os
import sys

import click

from kb.errors import InvalidRequest

CACHE_ENV = "KB_RESPONSE_CACHE"  # api.response_cache reads it (kb does not import api)

WORKER_CLASS = "api.worker.HardenedThreadWorker"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to bind.")
@click.option("--workers", default=2, show_default=True, type=int, help="gunicorn workers.")
@click.option("--threads", default=4, show_default=True, type=int, help="Threads per worker.")
@click.option("--timeout", default=30, show_default=True, type=int, help="Worker timeout (s).")
@click.option(
    "--access-log/--no-access-log",
    default=True,
    show_default=True,
    help="One line per request on stdout (costs CPU under load: docs/benchmarks/http-ceiling.md).",
)
@click.option(
    "--response-cache/--no-response-cache",
    default=True,
    show_default=True,
    help="Keep read answers per worker until the next write (api/response_cache.py).",
)
@click.option(
    "--dev",
    is_flag=True,
    help="Flask's development server with reload and debugger (loopback hosts only).",
)
def serve(
    host: str,
    port: int,
    workers: int,
    threads: int,
    timeout: int,
    access_log: bool,
    response_cache: bool,
    dev: bool,
) -> None:
    """Serve the HTTP API (docs at /api/docs, spec at /api/v1/openapi.json)."""
    if dev and not _is_loopback(host):
        raise InvalidRequest(
            f"--dev runs Flask's interactive debugger; it may only bind a loopback host, not {host}"
        )
    os.environ[CACHE_ENV] = "1" if response_cache else "0"  # read by the app in each worker
    click.echo(f"Serving the API on http://{host}:{port}/api/v1 (Swagger UI: /api/docs)")
    if dev:
        argv = ["flask", "--app", "api:create_app", "run", "--debug", "--host", host]
        os.execvp(sys.executable, [sys.executable, "-m", *argv, "--port", str(port)])
    os.execvp(
        sys.executable,
        [
            sys.executable,
            "-m",
            "gunicorn",
            *gunicorn_args(host, port, workers, threads, timeout, access_log),
        ],
    )


def gunicorn_args(
    host: str, port: int, workers: int, threads: int, timeout: int, access_log: bool = True
) -> list[str]:
    """The gunicorn command line `kb serve` runs (after `python -m gunicorn`)."""
    log = ["--access-logfile", "-"] if access_log else []
    return [
        "--bind",
        f"{host}:{port}",
        "--worker-class",
        WORKER_CLASS,
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--timeout",
        str(timeout),
        "--keep-alive",
        "5",
        "--limit-request-line",
        "0",
        "--no-control-socket",
        *log,
        "api:create_app()",
    ]
