"""Saved web pages: the main text and its metadata, found offline by trafilatura."""

from __future__ import annotations

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import Document
from trafilatura.utils import decode_file

from mercato.errors import UnreadableArticle
from mercato.ingest.articles import make_article, parse_date
from mercato.model import Article

__all__ = ["article_from_html", "with_title"]

_DEEPEST = 2048  # levels of nesting libxml2 reads with huge_tree (256 without)
# trafilatura's own parser settings, with huge_tree: a page nested 300 levels deep is still read
_PARSER = lxml.html.HTMLParser(
    collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
)


def with_title(title: str | None, body: str) -> str:
    """The body with its headline as first line, as extraction reads headlines too."""
    if title and not body.lstrip().startswith(title):
        return f"{title}\n\n{body}"
    return body


def article_from_html(page: bytes, source: str) -> Article:
    """The article in a saved HTML page: title, date, site name and url as the page gives them."""
    try:
        tree = lxml.html.fromstring(decode_file(page).encode("utf-8", "surrogatepass"), parser=_PARSER)
    except lxml.etree.ParserError:  # nothing but blanks
        tree = None
    if any(problem.type_name == "ERR_RESOURCE_LIMIT" for problem in _PARSER.error_log):
        raise UnreadableArticle(
            source, f"the page nests more than {_DEEPEST:,} levels deep", "save the article's text as a .txt file"
        )
    document = trafilatura.bare_extraction(tree, with_metadata=True) if tree is not None else None
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
