"""Cue phrases: the lexicon files, compiled to the regular expressions the extractor runs.

A lexicon file, ``lexicons/<language>/<kind>.txt``, holds one phrase per line with ``#``
comments; ``lexicons/README.md`` gives the syntax. ``source(kind)`` reads one and gives the
alternation of its phrases in file order (where two match at one place, the first wins), for
``lexicon.lexicon``, ``lexicon.grouped`` or ``re.compile`` to compile.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from mercato.errors import BadPhrase

__all__ = ["LANGUAGE", "compile_lexicon", "source"]

LANGUAGE = "en"  # the lexicons the extractor reads

_SETTING = re.compile(r"#\s*(words|anchor|capitals):\s*(.*?)\s*$")
_CHOICES = {"words": ("whole", "start", "any"), "anchor": ("end", "start"), "capitals": ("first",)}
_TRAILING_COMMENT = re.compile(r"\s+#.*$")
_META = frozenset(".^$*+?{}[]\\|()")
_SYNTAX = frozenset("()|?*+~_<>!`\\")
_EDGES_HINT = "set 'words: any' and mark the word edges that count with '<' and '>'"


class _Unreadable(Exception):
    """What is wrong with a phrase, and what to write instead."""

    def __init__(self, reason: str, hint: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint


@dataclass(frozen=True, slots=True)
class _Piece:
    regex: str
    optional_ok: bool  # whether a '?' may follow it
    letter: bool = False  # a letter or digit, which '*' and '+' may follow


@dataclass(slots=True)
class _Reader:
    """Reads one phrase, piece by piece."""

    text: str
    at: int = 0

    def peek(self, length: int = 1) -> str:
        return self.text[self.at : self.at + length]

    def alternatives(self, capitalise: bool) -> list[str]:
        """Sequences separated by '|', up to the ')' that closes them."""
        found = [self.sequence(capitalise)]
        while self.peek() == "|":
            self.at += 1
            found.append(self.sequence(capitalise))
        if self.peek() != ")":
            raise _Unreadable("a '(' is never closed", "close it with ')'")
        self.at += 1
        if "" in found:
            raise _Unreadable("an empty alternative", "write '(a|b)?' for a part that may be left out")
        return found

    def sequence(self, capitalise: bool) -> str:
        pieces: list[_Piece] = []
        while self.at < len(self.text) and self.peek() not in ("|", ")"):
            start = self.at
            piece = self.piece(pieces[-1] if pieces else None, capitalise and not pieces)
            if self.peek() == "?":
                self.at += 1
                if not piece.optional_ok:
                    written = self.text[start : self.at - 1]
                    raise _Unreadable(f"a '?' after '{written}'", "put what may be left out in brackets: '(a )?'")
                piece = _Piece(r"\s*" if piece.regex == r"\s+" else piece.regex + "?", False)
            pieces.append(piece)
        return "".join(piece.regex for piece in pieces)

    def piece(self, previous: _Piece | None, capitalise: bool) -> _Piece:
        char = self.peek()
        if capitalise and not (char.isalpha() or char == "("):
            raise _Unreadable("a phrase that does not start with a letter", "'capitals: first' needs one")
        if self.peek(3) == "...":
            self.at += 3
            return _Piece(".*", False)
        self.at += 1
        if char == "(":
            return _Piece(f"(?:{'|'.join(self.alternatives(capitalise))})", True)
        if char == "!":
            if self.peek() != "(":
                raise _Unreadable("a '!' without a bracket after it", "write what may not follow as '!(...)'")
            self.at += 1
            return _Piece(f"(?!{'|'.join(self.alternatives(False))})", False)
        if char == "`":
            return self.raw()
        if char == "~":
            return self.gap()
        if char in "*+":
            if previous is not None and previous.letter:
                return _Piece(rf"\w{char}", False)
            if char == "+" and not (previous is not None and previous.regex.endswith(")")):
                return _Piece(r"\w+", False)  # a word of its own: 'broken +'
            raise _Unreadable(f"a '{char}' that follows no letter", "write it at a word's end: 'collaps*'")
        if char == "_":
            return _Piece(r"\s+", True)
        if char in "<>":
            return _Piece(r"\b", False)
        if char == "\\":
            return self.escaped()
        if char in _SYNTAX:
            raise _Unreadable(f"a '{char}' out of place", "write '\\' before it to mean the character itself")
        if capitalise and char.lower() != char.upper():
            return _Piece(f"[{char.upper()}{char.lower()}]", True, True)
        return _Piece("\\" + char if char in _META else char, True, bool(re.fullmatch(r"\w", char)))

    def raw(self) -> _Piece:
        end = self.text.find("`", self.at)
        if end < 0:
            raise _Unreadable("a '`' is never closed", "end the regular expression with '`'")
        regex, self.at = self.text[self.at : end], end + 1
        try:
            groups = re.compile(regex).groups
        except re.error as error:
            raise _Unreadable(f"'{regex}' is not a regular expression ({error})", "correct it") from None
        if groups:
            raise _Unreadable(f"'{regex}' has a numbered group", "write its groups as '(?:...)'")
        return _Piece(regex, False)

    def gap(self) -> _Piece:
        digits = re.match(r"\d+", self.text[self.at :])
        if digits is None or int(digits.group(0)) == 0:
            raise _Unreadable("a '~' without a number of words", "write '~2 ' for up to two words")
        self.at += len(digits.group(0))
        if self.at == len(self.text) or self.peek() in ("|", ")"):
            raise _Unreadable("a '~' gap with nothing after it", "follow it with ' ' or '_', as after each word")
        separator = self.piece(None, False)
        if self.peek() == "?":
            raise _Unreadable("a '?' after a gap's separator", "the gap may already be empty")
        count = int(digits.group(0))
        return _Piece(rf"(?:\w+{separator.regex})" + ("?" if count == 1 else f"{{0,{count}}}"), False)

    def escaped(self) -> _Piece:
        char = self.peek()
        self.at += 1
        if char == "d":
            return _Piece(r"\d", True)
        if not char or char.isalnum():
            raise _Unreadable(f"'\\{char}' is no escape", "write '\\d' for a digit, '\\(' for a bracket")
        return _Piece("\\" + char if char in _META else char, True)


def _edge(text: str, at: int) -> str | None:
    """The character a phrase starts (``at`` 0) or ends (-1) with, where it is one to match."""
    if at == 0 and text[:1] == "\\" and text[1:2] != "d":
        return text[1:2]
    if at == -1 and text[-2:-1] == "\\":
        return text[-1]
    if text[at] == "_":
        return " "  # white space
    return None if text[at] in _SYNTAX else text[at]


def _word_edges(text: str, words: str) -> None:
    """Refuses a phrase that a word boundary the file puts at its start or end would never let match."""
    for at, setting, edge in ((0, ("whole", "start"), "starts"), (-1, ("whole",), "ends")):
        char = _edge(text, at)
        if words in setting and char is not None and not re.fullmatch(r"\w", char):
            raise _Unreadable(f"'{char}' {edge} a phrase that must {edge[:-1]} a word", _EDGES_HINT)


def _phrase(text: str, capitals: bool) -> str:
    reader = _Reader(text)
    regex = reader.sequence(capitals)
    if reader.peek() == "|":
        raise _Unreadable("a '|' outside brackets", "write each phrase on a line of its own, or the choices in '(a|b)'")
    if reader.peek() == ")":
        raise _Unreadable("a ')' that closes nothing", "remove it, or open its group with '('")
    return regex


def compile_lexicon(text: str, where: str, glue: str = "") -> str:
    """The regular expression a lexicon file's text stands for (``where`` names the file).

    ``glue`` is a regular expression put between the phrases and the anchor: what stands between
    the phrase and the name in a lexicon read just before or after one (in grammar, not words).
    """
    settings: dict[str, str] = {}
    phrases: list[str] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if setting := _SETTING.match(stripped):
            key, value = setting.groups()
            if phrases:
                raise BadPhrase(where, number, f"the setting '{key}' follows a phrase", "put settings at the top")
            if value not in _CHOICES[key] or key in settings:
                choices = " or ".join(_CHOICES[key])
                raise BadPhrase(where, number, f"'{key}: {value}' is not a setting", f"write one '{key}: {choices}'")
            settings[key] = value
            continue
        phrase = _TRAILING_COMMENT.sub("", stripped)
        if not phrase or phrase.startswith("#"):
            continue
        if phrase in first_line:
            raise BadPhrase(where, number, f"'{phrase}' repeats line {first_line[phrase]}", "remove one of them")
        first_line[phrase] = number
        try:
            _word_edges(phrase, settings.get("words", "whole"))
            phrases.append(_phrase(phrase, settings.get("capitals") == "first"))
        except _Unreadable as unreadable:
            raise BadPhrase(where, number, f"{unreadable.reason} in '{phrase}'", unreadable.hint) from None
    if not phrases:
        raise BadPhrase(where, 1, "no phrase in the file", "write one phrase a line")
    anchor, words = settings.get("anchor"), settings.get("words", "whole")
    if glue and anchor is None:
        raise ValueError(f"{where}: glue goes between the phrases and an anchor, and the file sets none")
    alternation = "|".join(phrases)
    if words != "any":
        alternation = rf"\b(?:{alternation})" + (r"\b" if words == "whole" else "")
    elif anchor is not None:
        alternation = f"(?:{alternation})"
    if anchor == "end":
        return f"{alternation}{glue}$"
    if anchor == "start":
        return f"^{glue}{alternation}"
    return alternation


@cache
def source(kind: str, glue: str = "", language: str = LANGUAGE) -> str:
    """The regular expression of the lexicon file ``kind`` (``lexicons/<language>/<kind>.txt``),
    with ``glue`` between its phrases and its anchor (see ``compile_lexicon``)."""
    path = resources.files("mercato.extract").joinpath(f"lexicons/{language}/{kind}.txt")
    return compile_lexicon(path.read_text(encoding="utf-8"), str(path), glue)
