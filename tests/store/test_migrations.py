"""The Alembic migrations build exactly the schema the tables declare."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from mercato.errors import MercatoError
from mercato.store import open_store
from mercato.store.schema import Base


def test_migrated_database_matches_the_declared_tables(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'm.db'}")
    with store.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
        tables = set(inspect(connection).get_table_names())
    store.close()
    assert {"articles", "clubs", "players", "claims", "renewals", "ingest_errors"} <= tables
    assert "alembic_version" in tables


def test_opening_a_missing_folder_says_what_to_check(tmp_path):
    with pytest.raises(MercatoError, match="check MERCATO_DB"):
        open_store(f"sqlite:///{tmp_path / 'no' / 'such' / 'm.db'}")
