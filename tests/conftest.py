"""Stores on both engines: a real SQLite file, and a real PostgreSQL server (Debian's
`postgresql`, which `make test` installs when missing) that pytest-postgresql starts in a
temporary data folder on a free loopback port and stops afterwards. As root, the server
runs as the `postgres` user (scripts/pg_ctl_unprivileged): PostgreSQL refuses root."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytest_postgresql import factories

from mercato.store import open_store

_PG_CTL = Path(__file__).resolve().parents[1] / "scripts" / "pg_ctl_unprivileged"
HAS_POSTGRESQL = bool(shutil.which("pg_ctl") or list(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")))

postgresql_server = factories.postgresql_proc(executable=str(_PG_CTL), unixsocketdir="/tmp")
postgresql_database = factories.postgresql("postgresql_server")

ENGINES = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not HAS_POSTGRESQL, reason="PostgreSQL is missing: `make test` installs it"),
    ),
]


@pytest.fixture(params=ENGINES)
def store_url(request, tmp_path) -> str:
    """A new, empty database on each engine in turn."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'mercato.db'}"
    database = request.getfixturevalue("postgresql_database").info
    return f"postgresql+psycopg://{database.user}@{database.host}:{database.port}/{database.dbname}"


@pytest.fixture
def store(store_url):
    opened = open_store(store_url)
    yield opened
    opened.close()
