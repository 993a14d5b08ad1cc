"""A store with a small news history in a temporary SQLite file, and the API over it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from mercato.api import create_app
from mercato.settings import Settings
from mercato.store import open_store
from tests.saga_news import store_news

TOKEN = "test-token"


@pytest.fixture(scope="module")
def db_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'api.db'}"
    store = open_store(url)
    store_news(store)
    store.close()
    return url


@pytest.fixture(scope="module")
def client(db_url):
    app = create_app(Settings(db=db_url, api_token=TOKEN))
    with TestClient(app) as test_client:
        yield test_client
    app.state.store.close()


@pytest.fixture
def fresh_client(tmp_path):
    """An API over its own store, for tests that write."""
    url = f"sqlite:///{tmp_path / 'w.db'}"
    app = create_app(Settings(db=url, api_token=TOKEN))
    with TestClient(app) as test_client:
        yield test_client
    app.state.store.close()
