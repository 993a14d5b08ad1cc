"""Alembic environment: migrates the connection open_store hands over, else alembic.ini's URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from mercato.store.schema import Base

config = context.config
connection = config.attributes.get("connection")

if connection is not None:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    url = config.get_main_option("sqlalchemy.url") or "sqlite:///mercato.db"
    with create_engine(url).connect() as own_connection:
        context.configure(connection=own_connection, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
