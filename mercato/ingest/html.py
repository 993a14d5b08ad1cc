"""Saved web pages: the main text and its metadata, found offline by trafilatura."""

from __future__ import annotations

import trafilatura
from trafilatura.settings import Document

from mercato.errors import UnreadableArticle
from mercato.ingest.articles import make_article, parse_date
from mercato.model import Article

__all__ = ["article_from_html", "with_title"]


def with_title(title: str | None, body: str) -> str:
    """The body with its headline as first line, as extraction reads headlines too."""
    if title and not body.lstrip().startswith(title):
        return f"{title}\n\n{body}"
    return body


def article_from_html(page: bytes, source: str) -> Article:
    """The article in a saved HTML page: title, date, site name and url as the page gives them."""
    document = trafilatura.bare_extraction(page, with_metadata=True)
    text = document.text if isinstance(document, Document) else None
    if not isinstance(document, Document) or not text or not text.strip():
        raise UnreadableArticle(
            source,
            "no article text found in the page",
            "save the page after it has loaded, or paste its text into a .txt file",
        )
    return make_article(
        with_title(document.title, text),
        source,
        url=document.url,
        outlet=document.sitename,
        published=parse_date(document.date, source, "the page date") if document.date else None,
        title=document.title,
    )
