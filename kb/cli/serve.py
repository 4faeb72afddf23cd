"""`kb serve`: the API under gunicorn (or Flask's reloader with --dev)."""

from __future__ import annotations

import os
import sys

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to bind.")
@click.option("--workers", default=2, show_default=True, type=int, help="gunicorn workers.")
@click.option("--dev", is_flag=True, help="Flask's development server with reload instead.")
def serve(host: str, port: int, workers: int, dev: bool) -> None:
    """Serve the HTTP API (docs at /api/docs, spec at /api/v1/openapi.json)."""
    click.echo(f"Serving the API on http://{host}:{port}/api/v1 (Swagger UI: /api/docs)")
    if dev:
        argv = ["flask", "--app", "api:create_app", "run", "--debug", "--host", host]
        os.execvp(sys.executable, [sys.executable, "-m", *argv, "--port", str(port)])
    os.execvp(
        sys.executable,
        [
            sys.executable, "-m", "gunicorn",
            "--bind", f"{host}:{port}",
            "--workers", str(workers),
            "--access-logfile", "-",
            "api:create_app()",
        ],
    )  # fmt: skip
