"""The Alembic migrations build exactly the schema the tables declare."""

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from mercato.errors import MercatoError
from mercato.store import open_store
from mercato.store.saga_queries import player_ids_named
from mercato.store.schema import Base
from mercato.store.store import _MIGRATIONS


def test_migrated_database_matches_the_declared_tables(store_url):
    store = open_store(store_url)
    with store.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
        tables = set(inspect(connection).get_table_names())
    store.close()
    assert {"articles", "clubs", "players", "claims", "renewals", "ingest_errors"} <= tables
    assert "alembic_version" in tables


def test_opening_a_missing_folder_says_what_to_check(tmp_path):
    with pytest.raises(MercatoError, match="check MERCATO_DB"):
        open_store(f"sqlite:///{tmp_path / 'no' / 'such' / 'm.db'}")


def test_names_stored_before_search_keys_get_theirs(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    engine = create_engine(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")  # a store written before search keys
        connection.execute(text("INSERT INTO players (id, name) VALUES (1, 'Marc Guéhi'), (2, 'Declan Rice')"))
    engine.dispose()
    store = open_store(url)  # migrates to the latest
    assert player_ids_named(store, "GUEHI") == [1]
    assert player_ids_named(store, "rice") == [2]
    store.close()


def test_db_upgrade_brings_an_old_store_to_the_latest_schema(store_url):
    from typer.testing import CliRunner

    from mercato import cli

    engine = create_engine(store_url)
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")  # a store written by an older Mercato
    engine.dispose()
    result = CliRunner().invoke(cli.app, ["db", "upgrade"], env={"MERCATO_DB": store_url})
    assert result.exit_code == 0, result.output
    assert "schema at revision 0007, the latest" in result.output
    store = open_store(store_url)
    with store.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    store.close()
