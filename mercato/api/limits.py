"""What every request meets before any endpoint: a cap on requests in flight, a cap on the
body, and security headers.

Past ``max_in_flight`` requests at once, a request gets 503 with Retry-After straight away:
load beyond capacity is shed, not queued.

A body larger than ``max_body`` bytes gets 413 from its Content-Length, or as soon as a body
sent without one (streamed) passes the cap: before authentication or parsing reads any of it,
so no request can make the server hold more than the cap. Every response carries
X-Content-Type-Options, X-Frame-Options and a Content-Security-Policy (the interactive
documentation pages get one that lets them load their viewer; the dashboard's pages set
their own).
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["RequestLimits"]

_CSP = b"default-src 'none'; frame-ancestors 'none'"
_DOCS_CSP = (
    b"default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    b"style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
    b"frame-ancestors 'none'"
)
_DOCS = ("/docs", "/redoc")


class RequestLimits:
    """ASGI middleware: the body cap and the security headers (see the module docstring)."""

    def __init__(self, app: ASGIApp, max_body: int, max_in_flight: int) -> None:
        self.app = app
        self.max_body = max_body
        self.max_in_flight = max_in_flight
        self.in_flight = 0  # the event loop runs this middleware on one thread: a plain count

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.max_in_flight:
            await _answer(send, 503, "the server is at capacity; try again in a second", [(b"retry-after", b"1")])
            return
        self.in_flight += 1
        try:
            await self._limited(scope, receive, send)
        finally:
            self.in_flight -= 1

    async def _limited(self, scope: Scope, receive: Receive, send: Send) -> None:
        csp = _DOCS_CSP if str(scope.get("path", "")).startswith(_DOCS) else _CSP
        started = refused = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 went out: what the endpoint makes of the cut body is dropped
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                own = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY")]
                if not any(name.lower() == b"content-security-policy" for name, _ in headers):
                    own.append((b"content-security-policy", csp))  # a page sets its own
                message["headers"] = [*headers, *own]
            await send(message)

        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await self._refuse(send_with_headers)
            return
        seen = 0

        async def capped_receive() -> Message:
            nonlocal seen, refused
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body and not started:
                    await self._refuse(send_with_headers)
                    refused = True
                    return {"type": "http.disconnect"}  # the endpoint stops reading
            return message

        await self.app(scope, capped_receive, send_with_headers)

    async def _refuse(self, send: Send) -> None:
        message = f"the request body is larger than {self.max_body:,} bytes; send one article at a time"
        await _answer(send, 413, message)


async def _answer(send: Send, status: int, message: str, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    """An error answer in the API's one shape, sent from here."""
    body = json.dumps({"error": {"status": status, "message": message}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
