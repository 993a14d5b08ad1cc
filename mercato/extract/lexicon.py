"""Lexicons of cue phrases, compiled for speed.

The extractor's lexicons are long alternations ("collaps\\w*|fell through|pull(?:ed|s)? out")
run over every clause. Python's ``re`` tries such alternatives one by one at each position,
and under ``re.IGNORECASE`` it cannot skip one by its first letter. ``lexicon`` compiles the
same pattern case-sensitively, for lower-cased text, with every alternation grouped by first
letter ("c(?:ollaps\\w*)|f(?:ell through)|p(?:ull(?:ed|s)? out)"), so that at each position
only the alternatives that can start there are tried. The matches are the same: alternatives
that can start at the same position keep their order, and that order decides a match.
"""

from __future__ import annotations

import re

__all__ = ["grouped", "lexicon", "lowered"]

_QUANTIFIER = re.compile(r"[?*+]\??|\{\d*,?\d*\}\??")
_META = frozenset("().[]{}?*+|^$\\")
_CAPTURE = re.compile(r"(?<!\\)\((?!\?(?:[:=!]|<[=!]))")
_LETTERS = re.compile(r"\[[^\]\\^-]{1,4}\]")  # a class of a few plain characters: [Hh]
_KEPT_OR_TEXT = re.compile(r"(?P<kept>\\.|\(\?P<\w+>)|[^\\(]+|\(")

Units = list[str]


def _class_end(source: str, i: int) -> int:
    j = i + 1
    if source[j : j + 1] == "^":
        j += 1
    if source[j : j + 1] == "]":
        j += 1
    while source[j] != "]":
        j += 2 if source[j] == "\\" else 1
    return j + 1


def _group_end(source: str, i: int) -> int:
    depth, j = 0, i
    while True:
        char = source[j]
        if char == "\\":
            j += 2
            continue
        if char == "[":
            j = _class_end(source, j)
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        j += 1
        if depth == 0:
            return j


def _units(source: str) -> Units:
    """The pattern's atoms at its top level: escapes, classes, groups, quantifiers, characters."""
    units, i = [], 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            j = i + 2
        elif char == "[":
            j = _class_end(source, i)
        elif char == "(":
            j = _group_end(source, i)
        elif quantifier := _QUANTIFIER.match(source, i):
            j = quantifier.end()
        else:
            j = i + 1
        units.append(source[i:j])
        i = j
    return units


def _alternatives(units: Units) -> list[Units]:
    alternatives: list[Units] = [[]]
    for unit in units:
        if unit == "|":
            alternatives.append([])
        else:
            alternatives[-1].append(unit)
    return alternatives


def _heads(units: Units) -> list[tuple[str | None, Units]]:
    """One alternative as (its first character or class, the rest), a leading group opened up:
    '(?:is|are) closed' -> ('i', 's closed'), ('a', 're closed'); None where it has no such head."""
    heads = _opened(units)
    if len(heads) > 1 and _CAPTURE.search("".join(units)):
        return [(None, units)]  # a group that captures cannot be copied into several branches
    return heads


def _opened(units: Units) -> list[tuple[str | None, Units]]:
    if units[:1] == [r"\b"]:
        # '\bjoin' -> ('j', '(?<=\bj)oin'): the look back says that it starts a word
        heads = _opened(units[1:])
        if all(head is not None for head, _ in heads):
            return [(head, [rf"(?<=\b{head})", *rest]) for head, rest in heads]
        return [(None, units)]
    if not units or (len(units) > 1 and _QUANTIFIER.fullmatch(units[1])):
        return [(None, units)]
    first, rest = units[0], units[1:]
    if first.startswith("(?:"):
        return [head for inner in _alternatives(_units(first[3:-1])) for head in _opened(inner + rest)]
    if _LETTERS.fullmatch(first) and not _CAPTURE.search("".join(rest)):
        return [(re.escape(char), rest) for char in first[1:-1]]  # '[Hh]e' -> 'He', 'he'
    if first.startswith("["):
        return [(first, rest)]
    if len(first) == 1 and first not in _META:
        return [(re.escape(first), rest)]
    if len(first) == 2 and first[0] == "\\" and not first[1].isalnum():
        return [(re.escape(first[1]), rest)]
    return [(None, units)]


def _may_compete(head: str, other: str) -> bool:
    """Whether two different heads can match the same character: a class and what it holds."""
    if head.startswith("[") and other.startswith("["):
        return True
    if head.startswith("["):
        head, other = other, head
    return other.startswith("[") and bool(re.fullmatch(other, head.removeprefix("\\")))


def _factored(alternatives: list[Units]) -> str:
    """An alternation grouped by first character, keeping the order of those that may compete."""
    parts: list[str] = []
    groups: dict[str, list[Units]] = {}

    def close_groups() -> None:
        for head, rests in groups.items():
            parts.append(head + (f"(?:{_factored(rests)})" if len(rests) > 1 else "".join(rests[0])))
        groups.clear()

    for alternative in alternatives:
        for head, rest in _heads(alternative):
            if head is None or any(k != head and _may_compete(head, k) for k in groups):
                close_groups()  # what came before it may match where it does, so is tried first
            if head is None:
                parts.append("".join(rest))
            else:
                groups.setdefault(head, []).append(rest)
    close_groups()
    return "|".join(parts)


def _inner_factored(units: Units) -> Units:
    """Units with the alternation inside each non-capturing group factored."""
    return [
        f"(?:{_factored(_alternatives(_inner_factored(_units(u[3:-1]))))})" if u.startswith("(?:") else u for u in units
    ]


def lowered(source: str) -> str:
    """A pattern for lower-cased text: its letters lower-cased, its escapes (\\S, \\W) kept."""
    return _KEPT_OR_TEXT.sub(lambda m: m.group(0) if m.group("kept") else m.group(0).lower(), source)


def grouped(source: str) -> re.Pattern[str]:
    """``source`` compiled with its alternations grouped by first character: the same matches."""
    return re.compile(_factored(_alternatives(_inner_factored(_units(source)))))


def lexicon(source: str) -> re.Pattern[str]:
    """``source`` compiled for lower-cased text: on it, the same matches that
    ``re.compile(source, re.IGNORECASE)`` finds in the original (see the module's docstring)."""
    return grouped(lowered(source))
