"""Lexicons of cue phrases, compiled for speed: the same matches, found several times sooner.

The extractor's lexicons are long alternations ("collaps\\w*|fell through|pull(?:ed|s)? out")
run over every clause. Python's ``re`` tries such alternatives one by one at each position,
and under ``re.IGNORECASE`` it cannot skip one by its first letter. Two things help:

- ``grouped`` compiles a pattern with every alternation grouped by first letter
  ("c(?:ollaps\\w*)|f(?:ell through)|p(?:ull(?:ed|s)? out)"), so that at each position only
  the alternatives that can start there are tried, and a leading word boundary becomes a
  look-back after that letter, so that ``re`` scans for those letters alone. Alternatives
  that can start at the same position keep their order, and that order decides a match.
- ``Prefilter`` reads from a pattern the strings one of which every match must contain
  ('collaps', 'fell through', 'pull out', 'pulled out'...) and tells, in one Aho-Corasick
  pass, which patterns a text may match at all; most clauses hold none of most lexicons.

``lexicon`` puts both together for case-blind patterns run on lower-cased text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from math import log2

from ahocorasick_rs import AhoCorasick

__all__ = ["Lexicon", "Prefilter", "grouped", "lexicon", "lowered"]

_QUANTIFIER = re.compile(r"[?*+]\??|\{\d*,?\d*\}\??")
_META = frozenset("().[]{}?*+|^$\\")
_CAPTURE = re.compile(r"(?<!\\)\((?!\?(?:[:=!]|<[=!]))")
_LETTERS = re.compile(r"\[-?[^\]\\^-]{1,4}\]")  # a class of a few plain characters: [Hh], [-–—]
_GROUP_OPENING = re.compile(r"\((?:\?(?:P<\w+>|:|=))?")
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
    '(?:is|are) closed' -> ('i', 's closed'), ('a', 're closed'); None where it has no such head.
    What follows an opened group is copied into each branch, unless a group in it captures."""
    if units[:1] == [r"\b"]:
        # '\bjoin' -> ('j', '(?<=\bj)oin'): the look back says that it starts a word. Only where
        # every branch has a head: re then scans for those characters, faster than for \b.
        heads = _heads(units[1:])
        if all(head for head, _ in heads):
            return [(head, [rf"(?<=\b{head})", *rest]) for head, rest in heads]
        return [(None, units)]
    if not units or (len(units) > 1 and _QUANTIFIER.fullmatch(units[1])):
        return [(None, units)]
    first, rest = units[0], units[1:]
    copyable = not _CAPTURE.search("".join(rest))
    if first.startswith("(?:") and (copyable or len(_alternatives(_units(first[3:-1]))) == 1):
        return [head for inner in _alternatives(_units(first[3:-1])) for head in _heads(inner + rest)]
    if _LETTERS.fullmatch(first) and copyable:
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
    """``source`` compiled with its alternations grouped by first character: the same matches.

    A pattern with numbered groups is compiled as it is: grouping would renumber them.
    """
    plain = re.compile(source)
    if plain.groups > len(plain.groupindex):
        return plain
    return re.compile(_factored(_alternatives(_inner_factored(_units(source)))))


class Lexicon:
    """A case-blind pattern compiled for lower-cased text: on it, the same matches that
    ``re.compile(source, re.IGNORECASE)`` finds in the original (see the module's docstring).
    A text without any of the strings every match contains is not searched at all."""

    __slots__ = ("source", "pattern", "may_match", "search", "finditer", "match")

    may_match: Callable[[str], bool]  # False only where the text lacks every string a match needs
    search: Callable[[str], re.Match[str] | None]
    finditer: Callable[[str], Iterator[re.Match[str]]]
    match: Callable[[str], re.Match[str] | None]

    def __init__(self, source: str) -> None:
        self.source = source
        self.pattern = pattern = grouped(lowered(source))
        prefilter = Prefilter(source)
        self.may_match, self.match = prefilter.may_match, pattern.match
        find = prefilter.find
        if find is None:  # no string that every match needs
            starts = _starts(_units(lowered(source)))
            if starts is None:
                self.search, self.finditer = pattern.search, pattern.finditer
            else:
                self.search, self.finditer = _read_at_starts(pattern, starts)
            return

        def search(lowered_text: str) -> re.Match[str] | None:
            return pattern.search(lowered_text) if find(lowered_text) else None

        def finditer(lowered_text: str) -> Iterator[re.Match[str]]:
            return pattern.finditer(lowered_text) if find(lowered_text) else iter(())

        self.search, self.finditer = search, finditer


def _starts(units: Units) -> frozenset[str] | None:
    """The strings one of which every match of a pattern starts with ('former', 'ex-' for
    '\\bformer\\s+|\\bex-'); None where some match may start otherwise."""
    found: set[str] = set()
    for alternative in _alternatives(units):
        while alternative and (alternative[0] in (r"\b", "^") or alternative[0].startswith(("(?=", "(?!", "(?<"))):
            alternative = alternative[1:]  # takes no characters: the match starts with what follows
        if not alternative:
            return None
        first, quantifier = next(_quantified(alternative))
        if quantifier[:1] in ("?", "*") or quantifier.startswith(("{0", "{,")):
            return None
        if first.startswith("(") and not first.startswith(("(?=", "(?!", "(?<")):
            inner = _starts(_units(first[_GROUP_OPENING.match(first).end() : -1]))  # type: ignore[union-attr]
        else:
            spelt, _ = _leading(alternative)
            inner = None if "" in spelt else spelt
        if inner is None:
            return None
        found |= inner
    return frozenset(found)


def _read_at_starts(
    pattern: re.Pattern[str], starts: frozenset[str]
) -> tuple[Callable[[str], re.Match[str] | None], Callable[[str], Iterator[re.Match[str]]]]:
    """``pattern.search`` and ``pattern.finditer``, trying the pattern only where one of the
    strings its matches start with stands, found in one pass."""
    find = AhoCorasick(sorted(starts)).find_matches_as_indexes

    def search(text: str) -> re.Match[str] | None:
        hits = find(text, overlapping=True)
        for at in sorted({start for _, start, _ in hits}) if hits else ():
            if found := pattern.match(text, at):
                return found
        return None

    def finditer(text: str) -> Iterator[re.Match[str]]:
        end = 0
        for at in sorted({start for _, start, _ in find(text, overlapping=True)}):
            if at >= end and (found := pattern.match(text, at)):
                end = found.end()
                yield found

    return search, finditer


def lexicon(source: str) -> Lexicon:
    """``source`` compiled for lower-cased text (see ``Lexicon``)."""
    return Lexicon(source)


_MAX_EXACT = 64  # strings a stretch of pattern may spell out, beyond which it is not spelt out


def _exact(unit: str, quantifier: str) -> frozenset[str] | None:
    """The strings one unit (with its quantifier) matches, where they are few and literal."""
    if len(unit) == 1 and unit not in _META:
        strings = frozenset({unit})
    elif len(unit) == 2 and unit[0] == "\\" and not unit[1].isalnum():
        strings = frozenset({unit[1]})
    elif _LETTERS.fullmatch(unit):
        strings = frozenset(unit[1:-1])
    elif unit.startswith("(") and not unit.startswith(("(?=", "(?!", "(?<")):
        body = unit[_GROUP_OPENING.match(unit).end() : -1]  # type: ignore[union-attr]
        strings = frozenset()
        for alternative in _alternatives(_units(body)):
            spelt, whole = _leading(alternative)
            if not whole:
                return None
            strings |= spelt
    else:
        return None
    if quantifier in ("", "?"):
        return strings | {""} if quantifier else strings
    return None


def _quantified(units: Units) -> Iterator[tuple[str, str]]:
    """Each unit of a sequence with the quantifier that follows it ('' where none does)."""
    for i, unit in enumerate(units):
        if _QUANTIFIER.fullmatch(unit):
            continue
        following = units[i + 1] if i + 1 < len(units) else ""
        yield unit, following if _QUANTIFIER.fullmatch(following) else ""


def _leading(units: Units) -> tuple[frozenset[str], bool]:
    """The strings that the longest stretch of few literal choices at a sequence's start
    spells, and whether that stretch is the whole sequence."""
    strings = frozenset({""})
    for unit, quantifier in _quantified(units):
        choices = _exact(unit, quantifier)
        if choices is None or len(strings) * len(choices) > _MAX_EXACT:
            return strings, False
        strings = frozenset(a + b for a in strings for b in choices)
    return strings, True


def _required(units: Units) -> frozenset[str] | None:
    """Strings one of which every match of a sequence contains; None where none can be told.
    Of the stretches that spell out few strings, the one whose shortest string is longest, each
    doubling of their number counting as half a character less: 'injury' is found in fewer
    texts than any of 'with a ', 'with the ', 'with his '..."""
    options: list[frozenset[str]] = []
    run: frozenset[str] = frozenset({""})
    for unit, quantifier in _quantified(units):
        choices = _exact(unit, quantifier)
        if choices is not None and len(run) * len(choices) <= _MAX_EXACT:
            run = frozenset(a + b for a in run for b in choices)
            continue
        optional = quantifier[:1] in ("?", "*") or quantifier.startswith(("{0", "{,"))
        if unit.startswith("(") and not optional and not unit.startswith(("(?!", "(?<")):  # (?= too
            branches = _alternatives(_units(unit[_GROUP_OPENING.match(unit).end() : -1]))  # type: ignore[union-attr]
            # the run goes on into how each branch starts: '\((?:acl|broken \w+)' needs '(acl' or '(broken '
            starts = frozenset().union(*(_leading(branch)[0] for branch in branches))
            if len(run) * len(starts) <= _MAX_EXACT:
                options.append(frozenset(a + b for a in run for b in starts))
            inner = [_required(branch) for branch in branches]
            if all(found is not None for found in inner):
                options.append(frozenset().union(*inner))  # type: ignore[arg-type]
        options.append(run)
        run = frozenset({""})
    options.append(run)
    best = max(options, key=lambda found: (min(map(len, found)) > 1, min(map(len, found)) - log2(len(found)) / 2))
    return best if min(map(len, best)) > 0 else None


class Prefilter:
    """Tells in one pass which of some lexicons may match a lower-cased text: only those whose
    required strings it holds ('collaps' for 'collaps\\w*|...'). One without such strings always may.

    The sources are case-blind patterns, as ``lexicon`` takes them.
    """

    def __init__(self, *sources: str) -> None:
        self._always = 0  # a bit for each pattern, as in ``candidates``
        words: dict[str, int] = {}
        for i, source in enumerate(sources):
            required = [_required(alternative) for alternative in _alternatives(_units(lowered(source)))]
            if not all(required) or any(min(map(len, found)) < 2 for found in required if found):
                self._always |= 1 << i
                continue
            for found in required:
                for word in found or ():
                    words[word] = words.get(word, 0) | 1 << i
        self._bits = list(words.values())  # of each required string, by its index
        self._strings = AhoCorasick(list(words)) if words else None
        # Finds required strings in a text (an empty list: none); None where some pattern needs none.
        self.find: Callable[[str], list[tuple[int, int, int]]] | None = None
        if not self._always:
            self.find = self._strings.find_matches_as_indexes if self._strings else lambda text: []
        find = self.find
        # Whether any of the patterns may match a text.
        self.may_match: Callable[[str], bool] = (lambda text: True) if find is None else (lambda text: bool(find(text)))

    def candidates(self, text: str) -> int:
        """The patterns that may match ``text``: bit ``i`` is set where pattern ``i`` may."""
        found = self._always
        if self._strings is not None:
            bits = self._bits
            for index, _, _ in self._strings.find_matches_as_indexes(text, overlapping=True):
                found |= bits[index]
        return found
