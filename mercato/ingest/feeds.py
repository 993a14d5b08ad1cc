"""RSS and Atom feed files: each entry becomes an article, its HTML stripped to text."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from typing import Any

import feedparser

from mercato.errors import UnreadableArticle
from mercato.ingest.articles import make_article
from mercato.ingest.html import with_title
from mercato.model import Article

__all__ = ["FeedEntry", "article_from_entry", "feed_entries", "strip_html"]

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment, a paragraph break after each block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def strip_html(fragment: str) -> str:
    """The text of an HTML fragment, one paragraph per block element."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    paragraphs = (" ".join(part.split()) for part in "".join(collector.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed entry as feedparser read it, with the feed's title and where it came from."""

    source: str
    outlet: str | None
    entry: Any  # feedparser's FeedParserDict


def feed_entries(data: bytes, source: str) -> list[FeedEntry]:
    """The entries of an RSS or Atom feed, in feed order."""
    feed = feedparser.parse(data)
    if not feed.get("version") and not feed.entries:
        reason = "not an RSS or Atom feed"
        if feed.get("bozo_exception") is not None:
            reason = f"{reason} ({feed.bozo_exception})"
        raise UnreadableArticle(source, reason, "check the file is a complete feed, saved as it was downloaded")
    if not feed.entries:
        raise UnreadableArticle(source, "the feed has no entries", "download the feed again")
    outlet = feed.feed.get("title")
    return [FeedEntry(f"{source}#{number}", outlet, entry) for number, entry in enumerate(feed.entries, start=1)]


def _entry_date(entry: Any) -> date | None:
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None


def article_from_entry(item: FeedEntry) -> Article:
    """The article a feed entry carries: text from its content, else its summary."""
    entry = item.entry
    contents = entry.get("content") or []
    html = contents[0].get("value", "") if contents else entry.get("summary", "")
    title = entry.get("title")
    body = strip_html(html)
    if not body:
        raise UnreadableArticle(
            item.source,
            f"entry {title!r} has no text in its content or summary",
            "use a feed that carries article text, or save the article page itself",
        )
    return make_article(
        with_title(title, body),
        item.source,
        url=entry.get("link"),
        outlet=item.outlet,
        published=_entry_date(entry),
        title=title,
    )
