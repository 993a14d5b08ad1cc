"""Which club each stretch of an article names: names and aliases found by the linker, an
ambiguous one resolved by the clubs the article names outright, "the Spanish giants" by a club
of that country named nearby, and "they" by the club last named as a subject."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Container

from ahocorasick_rs import AhoCorasick

from mercato.extract.lexicon import grouped
from mercato.extract.refs import SUBJECT_WINDOW, ClubRef, Spans
from mercato.kb.link import Linker, NameMatch

__all__ = ["resolve_clubs"]

_COUNTRY_WORDS: dict[str, tuple[str, ...]] = {
    "German": ("Germany",),
    "Bundesliga": ("Germany",),
    "Bavarian": ("Germany",),
    "Spanish": ("Spain",),
    "LaLiga": ("Spain",),
    "La Liga": ("Spain",),
    "Catalan": ("Spain",),
    "Italian": ("Italy",),
    "Serie A": ("Italy",),
    "French": ("France",),
    "Ligue 1": ("France",),
    "Parisian": ("France",),
    "English": ("England",),
    "Premier League": ("England",),
    "Merseyside": ("England",),
    "London": ("England",),
    "Portuguese": ("Portugal",),
    "Dutch": ("Netherlands",),
    "Eredivisie": ("Netherlands",),
    "Scottish": ("Scotland",),
    "Turkish": ("Türkiye",),
    "Saudi": ("Saudi Arabia",),
    "Saudi Pro League": ("Saudi Arabia",),
    "MLS": ("United States", "Canada"),
    "Mexican": ("Mexico",),
    "Brazilian": ("Brazil",),
    "Belgian": ("Belgium",),
    "Greek": ("Greece",),
}
_DESCRIPTOR = grouped(
    r"\b[Tt]he (?P<adj>" + "|".join(sorted(_COUNTRY_WORDS, key=len, reverse=True)) + r")\s+"
    r"(?:giants|club|side|outfit|champions|heavyweights|powerhouse|team|leaders|holders)\b"
)
_DESCRIPTOR_STARTS = AhoCorasick([f"{the} {word}" for the in ("The", "the") for word in _COUNTRY_WORDS])


def _descriptors(text: str) -> list[re.Match[str]]:
    """What ``_DESCRIPTOR.finditer`` finds, read only where the string finder sees one start."""
    found: list[re.Match[str]] = []
    for start in sorted({start for _, start, _ in _DESCRIPTOR_STARTS.find_matches_as_indexes(text, overlapping=True)}):
        m = _DESCRIPTOR.match(text, start) if not found or start >= found[-1].end() else None
        if m:
            found.append(m)
    return found


def resolve_clubs(
    text: str, names: list[NameMatch], linker: Linker, blocked: Spans, outlets: Container[str]
) -> list[ClubRef]:
    matches = [
        m
        for m in names
        if not blocked.overlaps(m.start, m.end) and m.surface not in outlets and m.surface.lower() not in outlets
    ]
    named = {m.ids[0] for m in matches if len(m.ids) == 1}
    refs = []
    for m in matches:
        club_id = m.ids[0] if len(m.ids) == 1 else next((i for i in m.ids if i in named), m.ids[0])
        refs.append(ClubRef(m.start, m.end, linker.kb.clubs[club_id]))
    descriptors = _descriptors(text)
    named_spans = Spans((r.start, r.end) for r in refs) if descriptors else Spans()
    for found in descriptors:
        countries = _COUNTRY_WORDS[found.group("adj")]
        before = [r for r in refs if r.end <= found.start() and r.club.country in countries]
        after = [r for r in refs if r.start >= found.end() and r.club.country in countries]
        target = before[-1] if before else (after[0] if after else None)
        if target and not named_spans.overlaps(found.start(), found.end()):
            refs.append(ClubRef(found.start(), found.end(), target.club))
    refs.sort(key=lambda r: r.start)
    refs += _club_pronouns(text, refs)
    refs.sort(key=lambda r: r.start)
    return refs


_CLUB_PRONOUNS = AhoCorasick(["They", "they", "them"])
_CLUB_SUBJECT_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:\w+\s+)?(?:are|have|has|is|were|had|will|would|could|made|signed|agreed)\b"
)


def _club_pronouns(text: str, refs: list[ClubRef]) -> list[ClubRef]:
    """'They have already signed X': 'they' as the club last named as a sentence's subject."""
    pronouns = _whole_words(_CLUB_PRONOUNS, text)
    subjects = [r for r in refs if _CLUB_SUBJECT_AFTER.match(text[r.end : r.end + 40])] if pronouns else []
    ends = [r.end for r in subjects]  # in order: club names do not overlap
    pointers = []
    for start, end in pronouns:
        last = bisect_right(ends, start)
        if last and start - ends[last - 1] <= SUBJECT_WINDOW:
            pointers.append(ClubRef(start, end, subjects[last - 1].club))
    return pointers


def _whole_words(words: AhoCorasick, text: str) -> list[tuple[int, int]]:
    """Where the words (of word characters alone) stand in a text as whole words, in text order:
    what ``\\b(?:...)\\b`` finds."""
    return [
        (start, end)
        for _, start, end in words.find_matches_as_indexes(text, overlapping=True)
        if not (start and (text[start - 1].isalnum() or text[start - 1] == "_"))
        and not (end < len(text) and (text[end].isalnum() or text[end] == "_"))
    ]
