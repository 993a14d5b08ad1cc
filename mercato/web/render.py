"""What every page shares: the templates, the page's security policy and its filters."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from mercato.model import Stage

__all__ = ["PAGE_CSP", "STATIC", "Field", "form_day", "form_share", "form_stage", "page", "percent", "safe_url"]

# A form's field as the browser sends it: text, empty when left blank. Pages read it here.
Field = Annotated[str, Query(max_length=200)]

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


def form_day(text: str, name: str) -> date | None:
    """A date field (blank: none); a ValueError naming the field if it is no day from 1850 to 2100."""
    if not text.strip():
        return None
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        day = None
    if day is None or not 1850 <= day.year <= 2100:
        raise ValueError(f"{name}: {text!r} is not a day from 1850 to 2100; write it as YYYY-MM-DD")
    return day


def form_share(text: str, name: str) -> float | None:
    """A likelihood field from 0 to 1 (blank: none)."""
    if not text.strip():
        return None
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 1:
        raise ValueError(f"{name}: {text!r} is not a likelihood; give a number from 0 to 1")
    return value


def form_stage(text: str) -> Stage | None:
    """A stage field (blank: any)."""
    if not text.strip():
        return None
    try:
        return Stage(text.strip())
    except ValueError:
        raise ValueError(f"stage: {text!r} is not one of {', '.join(Stage)}") from None


def _day(value: date | None) -> str:
    return value.isoformat() if value else "undated"


_templates = Jinja2Templates(directory=_HERE / "templates")
_templates.env.filters.update(percent=percent, safe_url=safe_url, day=_day)


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page from its template, with the dashboard's security policy."""
    response = _templates.TemplateResponse(request, template, context, status_code=status)
    response.headers["content-security-policy"] = PAGE_CSP
    return response
