"""Reading input paths into articles; each unreadable input becomes an ``IngestProblem``.

This is the one place that guards a single input with ``try``: a bad file, line or feed
entry is recorded and the batch goes on.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from fnmatch import fnmatch
from functools import partial
from pathlib import Path

from charset_normalizer import from_bytes

from mercato.errors import UnreadableArticle
from mercato.ingest.feeds import article_from_entry, feed_entries
from mercato.ingest.html import article_from_html
from mercato.ingest.jsonfiles import article_from_json, json_lines
from mercato.ingest.problems import IngestProblem
from mercato.ingest.text import article_from_text
from mercato.model import Article

__all__ = ["ARTICLES_ONLY", "NOT_ARTICLES", "Format", "Selection", "find_inputs", "format_of", "read_input"]


class Format(StrEnum):
    """The article formats Mercato reads."""

    JSON = "json"
    JSON_LINES = "jsonl"
    TEXT = "text"
    HTML = "html"
    FEED = "feed"


_SUFFIXES = {
    ".json": Format.JSON,
    ".jsonl": Format.JSON_LINES,
    ".ndjson": Format.JSON_LINES,
    ".txt": Format.TEXT,
    ".md": Format.TEXT,
    ".markdown": Format.TEXT,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xml": Format.FEED,
    ".rss": Format.FEED,
    ".atom": Format.FEED,
}

# Files that describe a folder rather than hold news, read from a folder only when included.
NOT_ARTICLES = ("readme*", "licen[cs]e*", "copying*", "changelog*", "contributing*", "notes*", "provenance*")


@dataclass(frozen=True, slots=True)
class Selection:
    """Which files of a folder are inputs: those with an article suffix, not hidden, whose
    names match no ``exclude`` pattern or match an ``include`` one (shell patterns, case-blind)."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = NOT_ARTICLES

    def takes(self, name: str) -> bool:
        """Whether a file of this name, found in a folder, is an input."""
        if name.startswith(".") or Path(name).suffix.lower() not in _SUFFIXES:
            return False
        lowered = name.lower()
        if any(fnmatch(lowered, pattern.lower()) for pattern in self.include):
            return True
        return not any(fnmatch(lowered, pattern.lower()) for pattern in self.exclude)


ARTICLES_ONLY = Selection()  # the default: every article file, none of the folder's notes

_Input = Path | IngestProblem
_Piece = tuple[str, Callable[[], Article]]  # where one article comes from, and how to read it


def find_inputs(paths: Iterable[str | Path], selection: Selection = ARTICLES_ONLY) -> Iterator[_Input]:
    """Every input file under the paths, folders walked recursively in name order.

    In folders the files ``selection`` takes are inputs (articles: no README, LICENSE, notes or
    hidden files by default); a file named on its own is always an input, its format sniffed if
    the suffix says nothing.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, selection)
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield IngestProblem(str(path), "no such file or folder", "check the path")


def _walk(folder: Path, selection: Selection) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if selection.takes(name):
                yield Path(root, name)


def format_of(path: Path, head: bytes) -> Format:
    """The format of a file, from its suffix, else from its first bytes."""
    known = _SUFFIXES.get(path.suffix.lower())
    if known is not None:
        return known
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    if start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return Format.FEED
    if start.startswith((b"<!doctype html", b"<html")):
        return Format.HTML
    if start.startswith(b"{"):
        return Format.JSON
    return Format.TEXT


def read_input(path: Path, max_bytes: int) -> Iterator[Article | IngestProblem]:
    """The articles in one input file, and a problem for each part that cannot be read."""
    source = str(path)
    try:
        pieces = _pieces(path, source, max_bytes)
    except UnreadableArticle as error:
        yield IngestProblem.from_error(error)
        return
    for piece_source, read in pieces:
        try:
            yield read()
        except UnreadableArticle as error:
            yield IngestProblem.from_error(error)
        except RecursionError:
            yield IngestProblem(piece_source, "nested too deeply to read", "simplify the input")


def _pieces(path: Path, source: str, max_bytes: int) -> list[_Piece]:
    data = _unicode_bom(_read_bytes(path, source, max_bytes), source)
    if b"\x00" in data:
        raise UnreadableArticle(source, "binary data, not text", "give a text, JSON, HTML or feed file")
    kind = format_of(path, data[:512])
    if kind is Format.FEED:
        entries = feed_entries(data, source)
        return [(entry.source, partial(article_from_entry, entry)) for entry in entries]
    if kind is Format.HTML:
        return [(source, partial(article_from_html, data, source))]
    text = _decode(data, source)
    if kind is Format.JSON_LINES:
        lines: list[_Piece] = [
            (where, partial(article_from_json, line, where)) for where, line in json_lines(text, source)
        ]
        if not lines:
            raise UnreadableArticle(source, "no JSON lines in the file", "add one article object per line")
        return lines
    if kind is Format.JSON:
        return [(source, partial(article_from_json, text, source))]
    return [(source, partial(article_from_text, text, source))]


def _read_bytes(path: Path, source: str, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableArticle(
                source,
                f"file is {size:,} bytes, over the {max_bytes:,}-byte limit",
                "split it into smaller files or raise MERCATO_MAX_ARTICLE_BYTES",
            )
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableArticle(
            source,
            f"cannot read the file ({error.strerror or error})",
            "check that it exists and that you may read it",
        ) from None
    if not data.strip():
        raise UnreadableArticle(source, "empty file", "add the article or remove the file")
    return data


# Byte order marks of the Unicode encodings other than UTF-8, longest first (UTF-32 LE
# starts with UTF-16 LE's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A guess of the encoding is taken only when the text it gives reads this cleanly (the
# detector's "chaos": the share of the text that looks garbled).
_MOST_CHAOS = 0.05
_WESTERN = ("cp1252", "latin_1", "iso8859_15")


def _unicode_bom(data: bytes, source: str) -> bytes:
    """A file in UTF-16 or UTF-32 (marked so by its byte order mark) as UTF-8 bytes."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).encode("utf-8")
            except UnicodeDecodeError as error:
                raise UnreadableArticle(
                    source, f"marked as {encoding.upper()} but not valid ({error.reason})", "re-save it as UTF-8"
                ) from None
    return data


def _decode(data: bytes, source: str) -> str:
    """Text from bytes: UTF-8 (a BOM allowed), else the encoding a well-kept detector
    (charset-normalizer) finds with confidence; anything else is refused naming what it saw."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        first_bad = error.start
    matches = from_bytes(data)
    best = matches.best()
    if best is not None and best.chaos <= _MOST_CHAOS:
        # of the readings about as clean as the best, a Western one (most football news is)
        clean = [m for m in matches if m.chaos <= best.chaos + 0.02]
        western = [m for m in clean if m.encoding in _WESTERN]
        return str(western[0] if western else best)
    seen = f", perhaps {best.encoding} ({best.chaos:.0%} garbled)" if best is not None else ""
    raise UnreadableArticle(
        source,
        f"not UTF-8 text (byte 0x{data[first_bad]:02x} at offset {first_bad}) and no clear encoding{seen}",
        "re-save the file as UTF-8",
    )
