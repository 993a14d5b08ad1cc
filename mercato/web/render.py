"""What every page shares: the templates, the page's security policy and its filters."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

__all__ = ["PAGE_CSP", "STATIC", "page", "percent", "safe_url"]

_HERE = Path(__file__).resolve().parent
STATIC = _HERE / "static"
# Pages load their style sheet and pictures from here and nothing else; no script runs at all.
PAGE_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


def percent(value: float | None) -> str:
    """A likelihood as a whole percentage ('73%'), or a dash."""
    return "–" if value is None else f"{value:.0%}"


def safe_url(url: str | None) -> str | None:
    """A link to follow only if it is http(s): an article's 'javascript:' URL stays text."""
    return url if url and urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def _day(value: date | None) -> str:
    return value.isoformat() if value else "undated"


_templates = Jinja2Templates(directory=_HERE / "templates")
_templates.env.filters.update(percent=percent, safe_url=safe_url, day=_day)


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page from its template, with the dashboard's security policy."""
    response = _templates.TemplateResponse(request, template, context, status_code=status)
    response.headers["content-security-policy"] = PAGE_CSP
    return response
