"""Turning text and its metadata into an ``Article``: clean text, content hash and id."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date

from mercato.errors import UnreadableArticle
from mercato.model import Article

__all__ = ["MAX_ARTICLE_CHARS", "clean_text", "content_hash", "date_from_url", "make_article", "parse_date"]

# The longest text read as one article. Extraction costs about 0.4 s per 100 KB of any text
# (benchmarks/adversarial.py), so this bounds the time one article may hold a worker or the
# server to a few seconds; a longer text is a collection, to be split.
MAX_ARTICLE_CHARS = 1_000_000

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# A day in a URL's path: /2023/08/14/, /2023-08-14-, /2023/aug/14/ (The Guardian), -20190719-.
_URL_DATES = (
    re.compile(r"[/_-]((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=[/_.-]|$)"),
    re.compile(rf"/((?:19|20)\d\d)/({'|'.join(_MONTHS)})[a-z]*/(\d{{1,2}})(?=/|$)", re.IGNORECASE),
    re.compile(r"[/_-]((?:19|20)\d\d)(\d\d)(\d\d)(?=[/_.-]|$)"),
)
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


def date_from_url(url: str | None) -> date | None:
    """The day a URL's path names, if it names one: many outlets file an article under it."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    for pattern in _URL_DATES:
        for m in pattern.finditer(path):
            year, month, day = m.groups()
            number = _MONTHS.index(month.lower()[:3]) + 1 if month.isalpha() else int(month)
            try:
                return date(int(year), number, int(day))
            except ValueError:
                continue
    return None


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
    """An article from its text and metadata; its id is the given one, else from its hash, and
    its date the given one, else the day its URL names."""
    text = clean_text(text)
    if not text:
        raise UnreadableArticle(source, "no article text", "add the article's text or remove the input")
    if "\x00" in text:
        raise UnreadableArticle(source, "its text holds NUL characters (binary data)", "give the article as plain text")
    if len(text) > MAX_ARTICLE_CHARS:
        raise UnreadableArticle(
            source,
            f"its text is {len(text):,} characters, more than the {MAX_ARTICLE_CHARS:,} read as one article",
            "split it into its articles",
        )
    digest = content_hash(text)
    return Article(
        id=article_id or digest[:16],
        text=text,
        content_hash=digest,
        url=url or None,
        outlet=outlet or None,
        published=published or date_from_url(url),
        title=title or None,
        source=source,
    )
