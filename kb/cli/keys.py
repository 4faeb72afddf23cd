"""`kb keys create|list|revoke`: API keys for analysts and admins."""

from __future__ import annotations

import click
from rich.table import Table

from kb.cli.common import connected, console
from kb.models import Role, choices
from kb.services import keys as key_service


@click.group()
def keys() -> None:
    """Manage API keys (stored only as hashes; a key is shown once, at creation)."""


@keys.command()
@click.option("--name", required=True, help="Who holds the key; recorded as `added_by`.")
@click.option(
    "--role",
    type=click.Choice(choices(Role)),
    default="analyst",
    show_default=True,
    help="reader: read when reads need a key; analyst: write evidence; admin: everything.",
)
def create(name: str, role: str) -> None:
    """Create a key and print it alone on stdout (it cannot be shown again)."""
    with connected() as store:
        click.echo(key_service.create_key(store, name, role))


@keys.command("list")
def list_keys() -> None:
    """List keys by name and role (never the keys themselves)."""
    with connected() as store:
        rows = key_service.list_keys(store)
    table = Table("name", "role", "created_at", "revoked_at")
    for row in rows:
        table.add_row(row["name"], row["role"], row["created_at"], row["revoked_at"] or "")
    console.print(table)


@keys.command()
@click.argument("name")
def revoke(name: str) -> None:
    """Revoke the key called NAME; requests with it get 401 from then on."""
    with connected() as store:
        key_service.revoke_key(store, name)
    click.echo(f"revoked {name}")
