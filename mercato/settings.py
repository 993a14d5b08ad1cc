"""Mercato's one configuration object, read once at start-up and passed down."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings"]


class Settings(BaseSettings):
    """Settings from the environment (``MERCATO_*``), with documented defaults."""

    model_config = SettingsConfigDict(env_prefix="MERCATO_")

    db: str = "sqlite:///mercato.db"
    """SQLAlchemy URL of the store (``MERCATO_DB``); a SQLite file in the working folder."""

    api_token: str | None = None
    """Bearer token for the REST API's write endpoints (``MERCATO_API_TOKEN``); unset: writes refused."""

    max_article_bytes: int = 20 * 1024 * 1024
    """Files larger than this are refused at ingest (``MERCATO_MAX_ARTICLE_BYTES``)."""

    extract_budget_s: float = 10.0
    """Seconds extraction may spend on one article (``MERCATO_EXTRACT_BUDGET_S``) before ingest
    records it as failed and goes on, and ``POST /articles`` refuses it (a 1,000,000-character
    article of news takes about 3 s)."""

    max_in_flight: int = 200
    """REST API requests served at once per server process (``MERCATO_MAX_IN_FLIGHT``); past
    it, 503 with Retry-After at once, rather than a queue that grows for minutes."""

    max_request_bytes: int = 8 * 1024 * 1024
    """REST API request bodies larger than this get 413 before anything reads them
    (``MERCATO_MAX_REQUEST_BYTES``): room for the longest article, JSON-escaped."""
