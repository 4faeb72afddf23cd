"""Fuzzing the API from its own OpenAPI document (schemathesis, in-process WSGI).

Every operation gets generated requests, valid and invalid, with and without
an analyst's key, and every check schemathesis has runs on every answer: no
5xx, every status and body as documented, invalid input refused, valid input
accepted. Stateful runs follow the document's links (create -> read ->
retract). The budget is fixed (FUZZ_EXAMPLES per operation) so CI stays
short; `make fuzz` runs a larger one.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import ignored_auth

from api import create_app
from kb.db import Store
from tests.api.helpers import auth

FUZZ_EXAMPLES = int(os.environ.get("KB_FUZZ_EXAMPLES", "50"))
FUZZ_SETTINGS = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    derandomize=True,  # the same examples on every run: a CI failure reproduces
    suppress_health_check=list(HealthCheck),
)


# Loaded at collection (creating the app does no I/O); the store is given to
# the app by the fixture below. (schemathesis' lazy fixture loader does not run
# under pytest 9.)
FUZZ_APP: Flask = create_app({"TESTING": True})
# Invalid input may also be refused as too long (414) or too large (413): the
# guards answer those before the schema is consulted.
REJECTIONS = ["400", "401", "403", "404", "405", "406", "409", "413", "414", "415", "422", "428"]
CONFIG = schemathesis.config.SchemathesisConfig.from_dict(
    {"checks": {"negative_data_rejection": {"expected-statuses": REJECTIONS}}}
)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", FUZZ_APP, config=CONFIG)


@pytest.fixture(autouse=True)
def _fuzzed_app_uses_the_test_database(seeded_store: Store) -> None:
    FUZZ_APP.config["KB_STORE"] = seeded_store


@schema.parametrize()
@FUZZ_SETTINGS
def test_every_operation_without_a_key(case: schemathesis.Case) -> None:
    case.call_and_validate()


@schema.parametrize()
@FUZZ_SETTINGS
def test_every_operation_with_an_analyst_key(case: schemathesis.Case, keys: dict[str, str]) -> None:
    case.call_and_validate(headers=auth(keys["analyst"]))


class _AnalystWorkflow(schema.as_state_machine()):  # type: ignore[misc]
    """Sequences of calls along the document's links, as an analyst."""

    key: str = ""

    def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
        return {"headers": auth(self.key)}

    def validate_response(
        self, response: Any, case: schemathesis.Case, additional_checks: Any = None, **kwargs: Any
    ) -> None:
        # The ignored-auth probe would resend our fixed key and see it accepted;
        # keys and roles are fuzzed by the stateless runs (with and without a key)
        # and pinned down by tests/api/test_evidence.py's role matrix.
        case.validate_response(
            response,
            additional_checks=additional_checks,
            excluded_checks=[ignored_auth],
            transport_kwargs=kwargs,
        )


def test_stateful_workflows_along_the_links(keys: dict[str, str]) -> None:
    _AnalystWorkflow.key = keys["analyst"]
    _AnalystWorkflow.run(
        settings=settings(
            FUZZ_SETTINGS, max_examples=max(10, FUZZ_EXAMPLES // 2), stateful_step_count=6
        )
    )
