"""Mercato's web dashboard: server-rendered pages (Jinja2) over the same store and queries as
the REST API, served by the same app.

    app = create_site(Settings())         # or: mercato serve, then open http://127.0.0.1:8000/
"""

from __future__ import annotations

import inspect

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.responses import Response

from mercato.api import create_app
from mercato.settings import Settings
from mercato.web.pages import router as pages_router
from mercato.web.people import router as people_router
from mercato.web.render import STATIC, page

__all__ = ["create_site"]


def create_site(settings: Settings | None = None) -> FastAPI:
    """The REST API with the dashboard's pages at / beside it."""
    app = create_app(settings)
    app.include_router(pages_router)
    app.include_router(people_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _errors_as_pages(app)
    return app


def _errors_as_pages(app: FastAPI) -> None:
    """A browser that asks for a missing page or gives a bad address gets a page saying so;
    an API client (no text/html in its Accept header) the API's JSON error, as before."""
    as_json = {kind: app.exception_handlers[kind] for kind in (HTTPException, RequestValidationError)}

    async def error_page(request: Request, error: Exception) -> Response:
        if "text/html" not in request.headers.get("accept", ""):
            answer = as_json[RequestValidationError if isinstance(error, RequestValidationError) else HTTPException]
            found = answer(request, error)
            return await found if inspect.isawaitable(found) else found
        if isinstance(error, RequestValidationError):
            wrong = "; ".join(f"{'.'.join(map(str, e.get('loc', ())[1:]))}: {e.get('msg')}" for e in error.errors())
            return page(request, "missing.html", status=422, what=f"this address asks for something wrong ({wrong})")
        status = error.status_code if isinstance(error, HTTPException) else 500
        detail = str(error.detail) if isinstance(error, HTTPException) else ""
        what = detail if detail and detail != "Not Found" else f"nothing at {request.url.path}"
        return page(request, "missing.html", status=status, what=what)

    app.add_exception_handler(HTTPException, error_page)
    app.add_exception_handler(RequestValidationError, error_page)
