"""Plain-text and Markdown articles: an optional ``date YYYY-MM-DD`` first line, then the text."""

from __future__ import annotations

import re

from mercato.ingest.articles import make_article, parse_date
from mercato.model import Article

__all__ = ["article_from_text"]

_DATE_LINE = re.compile(r"date:?\s+(?P<value>\d[\d/.-]*)\s*$", re.IGNORECASE)
_HEADING = re.compile(r"^#{1,6}[ \t]+", re.MULTILINE)  # Markdown heading marks


def article_from_text(text: str, source: str) -> Article:
    """The article a text file holds; its first line is the title."""
    lines = text.lstrip("\ufeff").splitlines()
    published = None
    if lines and (found := _DATE_LINE.match(lines[0].strip())):
        published = parse_date(found["value"], source, "the date line")
        lines = lines[1:]
    body = _HEADING.sub("", "\n".join(lines)).strip()
    title = body.split("\n", 1)[0].strip() if "\n" in body else None
    return make_article(body, source, published=published, title=title)
