"""Ingest: files, folders, HTML pages, feeds and JSON (Lines) read into ``Article`` records."""

from mercato.ingest.articles import content_hash
from mercato.ingest.problems import IngestProblem
from mercato.ingest.reader import ARTICLES_ONLY, NOT_ARTICLES, Format, Selection, find_inputs, read_input

__all__ = [
    "ARTICLES_ONLY",
    "NOT_ARTICLES",
    "Format",
    "IngestProblem",
    "Selection",
    "content_hash",
    "find_inputs",
    "read_input",
]
