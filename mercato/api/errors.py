"""One JSON shape for every error: {"error": {"status": ..., "message": ...}}."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from mercato.api.schemas import ErrorOut
from mercato.errors import MercatoError, UnknownEntity
from mercato.rules import BadRulesInput

__all__ = ["ERROR_RESPONSES", "error_response", "install_error_handlers"]

# The errors any endpoint may answer with, for the OpenAPI document.
ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorOut, "description": "A body that is not JSON, or input Mercato cannot use."},
    413: {"model": ErrorOut, "description": "A request body over the size limit."},
    422: {"model": ErrorOut, "description": "A parameter or field out of its bounds; the message names it."},
    503: {"model": ErrorOut, "description": "More requests in flight than the server takes: retry after a second."},
}


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """The error body every endpoint answers with."""
    return JSONResponse({"error": {"status": status, "message": message}}, status, headers)


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for problem in error.errors():
        if problem.get("type") == "json_invalid":
            parts.append("body: not JSON; send a JSON object with Content-Type: application/json")
            continue
        where = ".".join(str(p) for p in problem.get("loc", ()) if p != "body") or "request"
        parts.append(f"{where}: {problem.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    """Answer HTTP, validation, Mercato and unexpected errors in the one shape."""

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, error: HTTPException) -> JSONResponse:
        message = str(error.detail)
        if message == "There was an error parsing the body":  # FastAPI's words for a body it cannot decode
            message = "body: not UTF-8 JSON; send a JSON object encoded as UTF-8"
        return error_response(error.status_code, message, getattr(error, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, error: RequestValidationError) -> JSONResponse:
        return error_response(422, _validation_message(error))

    @app.exception_handler(UnknownEntity)
    async def unknown_entity(_: Request, error: UnknownEntity) -> JSONResponse:
        return error_response(404, str(error))

    @app.exception_handler(BadRulesInput)
    async def bad_rules_input(_: Request, error: BadRulesInput) -> JSONResponse:
        return error_response(422, str(error))

    @app.exception_handler(MercatoError)
    async def mercato_error(_: Request, error: MercatoError) -> JSONResponse:
        return error_response(400, str(error))

    @app.exception_handler(Exception)
    async def unexpected(_: Request, error: Exception) -> JSONResponse:
        return error_response(500, f"internal error ({type(error).__name__}); see the server log")
