"""Mercato's web dashboard: server-rendered pages (Jinja2) over the same store and queries as
the REST API, served by the same app.

    app = create_site(Settings())         # or: mercato serve, then open http://127.0.0.1:8000/
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from mercato.api import create_app
from mercato.settings import Settings
from mercato.web.pages import router as pages_router
from mercato.web.people import router as people_router
from mercato.web.render import STATIC

__all__ = ["create_site"]


def create_site(settings: Settings | None = None) -> FastAPI:
    """The REST API with the dashboard's pages at / beside it."""
    app = create_app(settings)
    app.include_router(pages_router)
    app.include_router(people_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
