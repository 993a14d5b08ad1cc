"""The API against its own OpenAPI document (Schemathesis): generated requests, valid and
invalid, to every endpoint; no 500, every response matches its documented status and schema,
and none carries a traceback, a SQL statement or a file path."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

import mercato
from mercato.api import create_app
from mercato.settings import Settings
from mercato.store import open_store
from tests.api.conftest import TOKEN
from tests.saga_news import store_news

# Words that only a leaked internal would put in a body: Python's traceback, SQLAlchemy's SQL.
_INTERNALS = ("Traceback (most recent call last)", "[SQL:", "sqlalchemy", 'File "', "site-packages")
_EXAMPLES = 15  # per endpoint and kind of request: bounded, and the same every run


@pytest.fixture(scope="module")
def contract(tmp_path_factory):
    """The OpenAPI document of an API over a small news history, and what no body may show."""
    folder = tmp_path_factory.mktemp("contract")
    url = f"sqlite:///{folder / 'contract.db'}"
    store = open_store(url)
    store_news(store)
    store.close()
    app = create_app(Settings(db=url, api_token=TOKEN))
    yield schemathesis.openapi.from_asgi("/openapi.json", app), (*_INTERNALS, str(folder), _package())
    app.state.store.close()


def _package() -> str:
    return str(Path(mercato.__file__).resolve().parent)


def _has_input(operation) -> bool:
    return any(len(part) for part in (operation.path_parameters, operation.query, operation.body))


@pytest.mark.parametrize("mode", list(schemathesis.GenerationMode), ids=str)
def test_every_endpoint_keeps_to_its_schema(contract, mode):
    schema, internals = contract
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15  # every endpoint, not an empty document

    for operation in operations:
        if mode is schemathesis.GenerationMode.NEGATIVE and not _has_input(operation):
            continue  # nothing it takes can be sent wrong

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=_EXAMPLES, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
        def keeps_to_schema(case):
            # Schema-valid requests that mean nothing (a split before the saga's first day, a
            # fix that changes nothing) are rightly refused with 422, so that check is left out.
            response = case.call_and_validate(
                headers={"Authorization": f"Bearer {TOKEN}"},
                excluded_checks=[schemathesis.checks.positive_data_acceptance],
            )
            body = response.content.decode("utf-8", "replace")
            leaked = [word for word in internals if word in body]
            assert not leaked, f"{case.method} {case.formatted_path}: the response shows {leaked}"

        keeps_to_schema()
