"""Split article text into sentences and clauses, keeping character spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "split_clauses", "split_sentences"]

# A sentence ends at . ! ? (optionally closed by a quote or bracket) before a space and a capital,
# a quote or a digit; abbreviations and initials do not end one.
_END = re.compile(r"""[.!?]['"’”)\]]*\s+(?=[A-Z0-9'"‘“(£€$])""")
_LAST_WORD = re.compile(r"(\w+)\.\S*\s*$")
_ABBREVIATIONS = ("St", "Mr", "Dr", "No", "Jr", "Sr", "vs", "v", "Ath", "Atl", "Bor", "Man", "Utd", "Inc")
# A new subject and its verb after a comma start a new claim: 'Liverpool eye Wirtz, United want Cunha'.
_NEW_SUBJECT_VERBS = (
    r"are|is|have|has|were|was|wants?|eyes?|targets?|targeted|joins?|makes?|plots?|chases?|monitors?|"
    r"enters?|submits?|opens?|rejects?|bids?|leads?|agrees?|considers?|wanted|linked"
)
_CONJUNCTIONS = r"(?:while|whereas|but|although|though|as|and|with|after|despite|meanwhile|however|before|having)\b"
# Clause breaks: ', while' or ', United want' (a conjunction, or a new subject and its verb,
# after a comma), '; ', ' - ' (any dash between spaces) and ' having'. Each starts with one
# character, so that re looks only at commas, semicolons and spaces; and where a sentence has
# no dash and no 'having', only at commas and semicolons.
_AT_PUNCTUATION = rf",\s+(?={_CONJUNCTIONS}|(?:[A-Z][\w'’-]+\s){{1,3}}(?:{_NEW_SUBJECT_VERBS})\b)|;\s+"
_CLAUSE_BREAKS = re.compile(rf"{_AT_PUNCTUATION}|\s\s*(?:[-–—]\s+|(?=having\b))")
_PUNCTUATION_BREAKS = re.compile(_AT_PUNCTUATION)
# A "sentence" longer than this (a list with no full stop, a run of names) is read in pieces
# of at most this many characters, cut at a space: what a sentence costs to read is bounded,
# so an article costs in proportion to its length. Real sentences are far shorter.
_LONGEST = 400


# Not frozen: built by the hundred for each article, and a frozen dataclass takes three times
# as long to build. Nothing changes one after it is built.
@dataclass(slots=True)
class Sentence:
    """A sentence of the article: its text and where it starts in the article."""

    text: str
    start: int
    paragraph: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _ends_with_abbreviation(text: str) -> bool:
    tokens = text.rsplit(None, 1)  # the pattern cannot cross a space: it is read in the last word
    word = _LAST_WORD.search(tokens[-1]) if tokens else None
    if not word:
        return False
    token = word.group(1)
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isupper())


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a text, paragraph by paragraph (each line is at least one sentence)."""
    sentences: list[Sentence] = []
    offset = 0
    for paragraph, line in enumerate(text.split("\n")):
        if not line:
            offset += 1
            continue
        start = 0
        for match in _END.finditer(line):
            if _ends_with_abbreviation(line[start : match.start() + 1]):
                continue
            piece = line[start : match.end()].rstrip()
            if piece.strip():
                sentences += _bounded(piece, offset + start, paragraph)
            start = match.end()
        piece = line[start:].rstrip()
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            sentences += _bounded(piece.lstrip(), offset + start + lead, paragraph)
        offset += len(line) + 1
    return sentences


def _bounded(text: str, start: int, paragraph: int) -> list[Sentence]:
    """A sentence, or a too long one cut at spaces into pieces of at most ``_LONGEST`` characters."""
    pieces = []
    while len(text) > _LONGEST:
        cut = text.rfind(" ", 0, _LONGEST)
        cut = cut if cut > 0 else _LONGEST  # one very long word: cut inside it
        pieces.append(Sentence(text[:cut], start, paragraph))
        rest = text[cut:]
        lead = len(rest) - len(rest.lstrip())
        text, start = rest.lstrip(), start + cut + lead
    if text:
        pieces.append(Sentence(text, start, paragraph))
    return pieces


def split_clauses(sentence: str) -> list[tuple[int, int]]:
    """Character ranges of a sentence's clauses, split at conjunctions that start a new claim."""
    at_spaces = "-" in sentence or "–" in sentence or "—" in sentence or "having" in sentence
    breaks = [match.end() for match in (_CLAUSE_BREAKS if at_spaces else _PUNCTUATION_BREAKS).finditer(sentence)]
    if not breaks:  # most sentences are one clause
        return [(0, len(sentence))] if sentence else []
    cuts = [0, *breaks, len(sentence)]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
