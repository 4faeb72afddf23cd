"""`kb serve` turns the response cache on for its workers unless told not to."""

from __future__ import annotations

import importlib
import os
from typing import Any

import pytest
from click.testing import CliRunner

serve_module = importlib.import_module("kb.cli.serve")  # kb.cli's `serve` is the command


@pytest.mark.parametrize(("flags", "expected"), [([], "1"), (["--no-response-cache"], "0")])
def test_the_workers_inherit_the_cache_setting(
    monkeypatch: pytest.MonkeyPatch, flags: list[str], expected: str
) -> None:
    ran: list[Any] = []
    monkeypatch.setattr(serve_module.os, "execvp", lambda *args: ran.append(args))
    monkeypatch.delenv(serve_module.CACHE_ENV, raising=False)
    result = CliRunner().invoke(serve_module.serve, flags)
    assert result.exit_code == 0, result.output
    assert ran and "gunicorn" in ran[0][1]
    assert os.environ[serve_module.CACHE_ENV] == expected
    monkeypatch.delenv(serve_module.CACHE_ENV, raising=False)
