"""Mercato's REST API (FastAPI): sagas, the feed, sources, players, clubs, articles, squads
rules and corrections. Read endpoints are open; writes (POST /articles, the corrections)
need the operator's bearer token.

    app = create_app(Settings())          # or: mercato serve
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI

from mercato.api.corrections import router as corrections_router
from mercato.api.errors import ERROR_RESPONSES, install_error_handlers
from mercato.api.limits import RequestLimits
from mercato.api.news import router as news_router
from mercato.api.sagas import router as sagas_router
from mercato.api.squad import router as squad_router
from mercato.kb import load_kb
from mercato.sagas.likelihood import load_model
from mercato.settings import Settings
from mercato.store import open_store
from mercato.store.saga_refresh import ensure_sagas

__all__ = ["create_app"]


_THREADS = 2  # endpoints run at once per process: more only contend for the interpreter's lock


@asynccontextmanager
async def _lifespan(_: FastAPI) -> AsyncIterator[None]:
    # Endpoints are plain functions, run in anyio's thread pool (40 threads by default). Under
    # load, 40 threads share one interpreter lock and the store's few connections, and each
    # request takes longer than when a few run at a time and the rest wait their turn.
    anyio.to_thread.current_default_thread_limiter().total_tokens = _THREADS
    yield


def create_app(settings: Settings | None = None) -> FastAPI:
    """The API over the store ``settings.db`` names (opened and migrated here)."""
    settings = settings or Settings()
    app = FastAPI(
        title="Mercato",
        summary="Transfer sagas with a calibrated likelihood, the evidence behind them, and source track records.",
        version="1",
        responses=ERROR_RESPONSES,
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.store = open_store(settings.db)
    app.state.model = load_model()
    ensure_sagas(app.state.store, load_kb())  # news ingested by older versions gets its sagas
    install_error_handlers(app)
    app.add_middleware(RequestLimits, max_body=settings.max_request_bytes, max_in_flight=settings.max_in_flight)
    app.include_router(corrections_router)  # first: POST /sagas/merge is tried before GET /sagas/{id}
    app.include_router(sagas_router)
    app.include_router(news_router)
    app.include_router(squad_router)
    return app
