"""The store: articles, claims, injury claims and ingest errors in SQLite or PostgreSQL (SQLAlchemy 2)."""

from mercato.store.queries import IngestError, articles, claims, errors, injuries
from mercato.store.store import Store, Stored, is_new_file, open_store, schema_revision

__all__ = [
    "IngestError",
    "Store",
    "Stored",
    "articles",
    "claims",
    "errors",
    "injuries",
    "is_new_file",
    "open_store",
    "schema_revision",
]
