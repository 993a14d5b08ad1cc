"""Turning text and its metadata into an ``Article``: clean text, content hash and id."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date

from mercato.errors import UnreadableArticle
from mercato.model import Article

__all__ = ["clean_text", "content_hash", "make_article", "parse_date"]

_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Article text as stored: NFC, Unix newlines, no trailing spaces, at most one blank line."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _TRAILING_SPACE.sub("\n", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


def content_hash(text: str) -> str:
    """The sha256 of the text with whitespace collapsed: the key that makes ingest idempotent."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def parse_date(value: str, source: str, field: str) -> date:
    """A YYYY-MM-DD date (a longer ISO timestamp keeps its date part)."""
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise UnreadableArticle(source, f"{field} {value!r} is not a date", "write it as YYYY-MM-DD") from None


def make_article(
    text: str,
    source: str,
    *,
    article_id: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    title: str | None = None,
) -> Article:
    """An article from its text and metadata; its id is the given one, else from its hash."""
    text = clean_text(text)
    if not text:
        raise UnreadableArticle(source, "no article text", "add the article's text or remove the input")
    digest = content_hash(text)
    return Article(
        id=article_id or digest[:16],
        text=text,
        content_hash=digest,
        url=url or None,
        outlet=outlet or None,
        published=published,
        title=title or None,
        source=source,
    )
