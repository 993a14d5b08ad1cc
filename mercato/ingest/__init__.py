"""Ingest: files, folders, HTML pages, feeds and JSON (Lines) read into ``Article`` records."""

from mercato.ingest.articles import MAX_ARTICLE_CHARS, content_hash, make_article
from mercato.ingest.problems import IngestProblem
from mercato.ingest.reader import ARTICLES_ONLY, NOT_ARTICLES, Format, Selection, find_inputs, read_input

__all__ = [
    "ARTICLES_ONLY",
    "MAX_ARTICLE_CHARS",
    "NOT_ARTICLES",
    "Format",
    "IngestProblem",
    "Selection",
    "content_hash",
    "find_inputs",
    "make_article",
    "read_input",
]
