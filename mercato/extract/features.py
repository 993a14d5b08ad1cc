"""Features: what the article says around each candidate, as named binary features.

A feature is a short string ("club_before=from", "cue=signed", "rules_stage=agreed"); the
model gives each a weight. They describe the words beside each name and their order, the
cue words of the clause and where they sit, whether the clause tells history, whether the
line is a headline, how crowded the sentence and the article are, and what the rules make
of the pair. Nothing here names an article, a player or a club.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from mercato.extract.candidates import Candidate, Candidates, Occurrence, RenewalCandidate
from mercato.extract.claims import is_hedged_pair, pair_stage, pair_terms
from mercato.extract.cues import is_hedged
from mercato.extract.mentions import is_title_case
from mercato.extract.reading import Reading
from mercato.extract.sentences import Sentence
from mercato.model import DealType, Fee

__all__ = ["CandidateFeatures", "Features", "RenewalFeatures", "Terms", "describe", "terms_of"]

_WORD = re.compile(r"[\w£€$%]+(?:['’-]\w+)*|[,;:()\"“”‘’'-]")
_DIGITS = str.maketrans("123456789", "000000000")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WINDOW = 40  # characters read on each side of a name
_HEADLINE_NAMES = {(True, True): "both", (True, False): "player", (False, True): "club", (False, False): "none"}


@dataclass(frozen=True, slots=True)
class CandidateFeatures:
    """A candidate pair and the features the article gives it."""

    candidate: Candidate
    names: frozenset[str]


@dataclass(frozen=True, slots=True)
class Terms:
    """The deal type and fee the rules read for a candidate, and the features they make."""

    deal_type: DealType
    fee: Fee | None
    names: frozenset[str]


@dataclass(frozen=True, slots=True)
class RenewalFeatures:
    """A renewal candidate and the features the article gives it."""

    candidate: RenewalCandidate
    names: frozenset[str]


@dataclass(frozen=True, slots=True)
class Features:
    """The features of every candidate of one article."""

    pairs: tuple[CandidateFeatures, ...]
    renewals: tuple[RenewalFeatures, ...]


def describe(reading: Reading, candidates: Candidates) -> Features:
    """The features of every candidate of an article."""
    context = _Context(reading)
    article = context.article_features(candidates)
    pairs = tuple(CandidateFeatures(c, frozenset(_pair_features(c, context) | article)) for c in candidates.pairs)
    renewals = tuple(
        RenewalFeatures(r, frozenset(_renewal_features(r, context) | article)) for r in candidates.renewals
    )
    return Features(pairs, renewals)


class _Context:
    """One article's text and the readings several candidates share, each worked out once."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.year = reading.article.published.year if reading.article.published else None
        self._headline: dict[int, bool] = {}
        self._tokens: dict[int, tuple[list[int], list[int], list[str]]] = {}
        self._club_features: dict[tuple[int, int], frozenset[str]] = {}
        self._clause_features: dict[int, frozenset[str]] = {}
        self.sentence_no = {s.start: i for i, s in enumerate(reading.sentences)}
        # How often the article names each player and club, and in what order it first names them.
        mentions = reading.mentions
        self.player_refs = Counter(ref.entity for ref in mentions.players)
        self.player_rank = {player: i for i, player in enumerate(self.player_refs)}
        self.club_refs = Counter(ref.club.name for ref in mentions.clubs)
        self.first_line = reading.sentences[0].paragraph if reading.sentences else 0  # the headline's
        headline = [s for s in reading.sentences if s.paragraph == self.first_line]
        end = headline[-1].end if headline else 0
        self.headline_players = {p.entity for p in mentions.players if p.start < end}
        self.headline_clubs = {c.club.name for c in mentions.clubs if c.start < end}

    def is_headline(self, clause: int) -> bool:
        sentence = self.reading.clauses[clause].sentence
        if sentence.start not in self._headline:
            first_line = sentence.paragraph == self.first_line
            self._headline[sentence.start] = first_line or is_title_case(sentence.text)
        return self._headline[sentence.start]

    def tokens(self, sentence: Sentence) -> tuple[list[int], list[int], list[str]]:
        """A sentence's words as features see them (``_word``), with where each starts and ends."""
        found = self._tokens.get(sentence.start)
        if found is None:
            offset = sentence.start
            matches = list(_WORD.finditer(sentence.text))
            words = [m.group() for m in matches]
            found = self._tokens[sentence.start] = (
                [offset + m.start() for m in matches],
                [offset + m.end() for m in matches],
                ["Cap" if w[0].isupper() else w.lower().translate(_DIGITS) for w in words],  # as _word does
            )
        return found

    def words_between(self, sentence: Sentence, start: int, end: int) -> list[str]:
        """The words of a sentence that lie within ``start`` and ``end``."""
        starts, ends, words = self.tokens(sentence)
        return words[bisect_left(starts, start) : bisect_right(ends, end)]

    def words_before(self, sentence: Sentence, at: int) -> list[str]:
        return self.words_between(sentence, at - _WINDOW, at)

    def words_after(self, sentence: Sentence, at: int) -> list[str]:
        return self.words_between(sentence, at, at + _WINDOW)

    def club_features(self, i: int, club_start: int, club_end: int) -> frozenset[str]:
        """What a clause says around one of its clubs, whoever the player (worked out once a club)."""
        key = (i, club_start)
        found = self._club_features.get(key)
        if found is not None:
            return found
        clause = self.reading.clauses[i]
        sentence = clause.sentence
        names = set(self.clause_features(i))
        if i in self.reading.background:
            names.add("background")
        if any(ref.start == club_start for ref in clause.after_history):
            names.add("after_history")
        before = self.words_before(sentence, club_start)
        after = self.words_after(sentence, club_end)
        names.add(f"club_w-1={before[-1] if before else '^'}")
        names.add(f"club_w-2={' '.join(before[-2:]) if len(before) > 1 else '^'}")
        names.add(f"club_w+1={after[0] if after else '$'}")
        if club_start - sentence.start < 3:
            names.add("club_opens_sentence")
        for cue in self.reading.cues(i):
            side = "before" if clause.start + cue.start < club_start else "after"
            names.add(f"cue_{side}={cue.stage.value}")
        found = self._club_features[key] = frozenset(names)
        return found

    def clause_features(self, i: int) -> frozenset[str]:
        """What a clause says whatever the club and the player: its cues, hedges, years, headline."""
        found = self._clause_features.get(i)
        if found is not None:
            return found
        clause = self.reading.clauses[i]
        names = {f"clause_players={_bucket(len({p.entity for p in clause.players}), (0, 1, 2, 4))}"}
        if self.is_headline(i):
            names.add("headline")
        for cue in self.reading.cues(i):
            names.add(f"cue={' '.join(_words(clause.text[cue.start : cue.end]))}")
            if cue.hedged:
                names.add("cue_hedged")
        if is_hedged(clause.text):
            names.add("hedged")
        starts, ends, words = self.tokens(clause.sentence)
        within = words[bisect_left(starts, clause.start) : bisect_right(ends, clause.end)]
        names.update([f"word={w}" for w in within if w[0].isalpha() and w != "Cap"])  # words no lexicon lists
        years = [int(y) for y in _YEAR.findall(clause.sentence.text)]
        if years and self.year is not None:
            oldest = self.year - min(years)
            names.add("year_past" if oldest > 0 else "year_now" if oldest == 0 else "year_future")
        found = self._clause_features[i] = frozenset(names)
        return found

    def article_features(self, candidates: Candidates) -> frozenset[str]:
        players = {c.player for c in candidates.pairs}
        clubs = {c.club for c in candidates.pairs}
        return frozenset(
            {
                f"article_players={_bucket(len(players), (1, 2, 4, 8))}",
                f"article_clubs={_bucket(len(clubs), (1, 2, 4, 8))}",
                f"article_sentences={_bucket(len(self.reading.sentences), (3, 8, 16))}",
            }
        )


def _word(word: str) -> str:
    """A word as features see it: a capitalised word (a name, most often) only as 'Cap', digits
    as 0, so that no feature names a player, a club or a sum."""
    return "Cap" if word[0].isupper() else word.lower().translate(_DIGITS)


def _words(text: str) -> list[str]:
    return [_word(word) for word in _WORD.findall(text)]


def terms_of(item: CandidateFeatures) -> Terms:
    """The terms the rules read for a candidate, and the features they make (asked only of the
    candidates that are claims: reading fees is costly and says little about whether a pair is
    one). A player the article says is out of contract moves free where no other terms are said."""
    deal_type, fee = pair_terms(item.candidate.evidence)
    if deal_type is DealType.UNKNOWN and "free_agent" in item.names:
        deal_type = DealType.FREE
    names = {f"deal={deal_type.value}"}
    if fee is not None:
        names.add("fee")
    if item.candidate.proposed:
        names.add(f"rules_deal={deal_type.value}")
    return Terms(deal_type, fee, frozenset(names))


def _known_club(known: str | None, club: str) -> str:
    """Whether the reference data had the player at this club when the window opened."""
    return "known_club" if known == club else "known_elsewhere" if known else "known_none"


def _bucket(n: int, edges: Iterable[int]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return "more"


def _pair_features(candidate: Candidate, context: _Context) -> set[str]:
    reading = context.reading
    names = {"bias"}
    if candidate.proposed:
        names.add(f"rules_stage={pair_stage(candidate.evidence.stages).value}")
        if is_hedged_pair(candidate.evidence):
            names.add("rules_hedged")
    else:
        names.add("rules_none")
    if reading.current.get(candidate.player) == candidate.club:
        names.add("current_club")
    elif candidate.player in reading.current:
        names.add("current_elsewhere")
    known = reading.known.get(candidate.player)
    club = known.club if known else None
    names.add(_known_club(club, candidate.club))
    if known and candidate.club in known.joined:
        names.add("known_joined" if club == candidate.club else "known_left")
    current = reading.current.get(candidate.player)
    if current and club and current != club:  # the article's reading and the reference data disagree
        names.add("current_not_known" + ("_here" if candidate.club in (current, club) else ""))
    if candidate.player in reading.free_agents:
        names.add("free_agent")
    names.add(f"occurrences={_bucket(len(candidate.occurrences), (1, 2, 4))}")
    names.add(f"player_refs={_bucket(context.player_refs.get(candidate.player, 0), (1, 2, 4, 8))}")
    names.add(f"club_refs={_bucket(context.club_refs.get(candidate.club, 0), (1, 2, 4, 8))}")
    names.add(f"player_rank={_bucket(context.player_rank.get(candidate.player, 99), (0, 1, 3))}")
    player_in, club_in = candidate.player in context.headline_players, candidate.club in context.headline_clubs
    names.add(f"in_headline={_HEADLINE_NAMES[player_in, club_in]}")
    sentences = {reading.clauses[o.clause].sentence.start for o in candidate.occurrences}
    names.add(f"sentences={_bucket(len(sentences), (1, 2, 4))}")
    first = min(context.sentence_no[s] for s in sentences)
    names.add(f"first_sentence={_bucket(first, (0, 2, 5, 10))}")
    stages = set()
    for occurrence in candidate.occurrences:
        _add_occurrence_features(names, occurrence, candidate, context)
        if occurrence.stage is not None:
            stages.add(occurrence.stage)
    if stages:
        names.add(f"top_stage={max(stages, key=lambda s: s.rank).value}")
    if len(stages) > 1:
        names.add("several_stages")
    return names


def _add_occurrence_features(names: set[str], occurrence: Occurrence, candidate: Candidate, context: _Context) -> None:
    """Add to a candidate's features what one place naming its player and club says."""
    reading = context.reading
    i = occurrence.clause
    clause = reading.clauses[i]
    sentence = clause.sentence
    club_start, club_end = occurrence.club_at
    names |= context.club_features(i, club_start, club_end)
    names.add(f"stage={occurrence.stage.value if occurrence.stage else 'none'}")
    for hint in reading.hints[i]:
        if hint.player == candidate.player and hint.club.start == club_start:
            names.add(f"seller_hint={hint.strength}")
    if occurrence.player_at is not None:
        player_start, player_end = occurrence.player_at
        names.add("same_clause" if clause.start <= player_start < clause.end else "other_clause")
        names.add("named" if occurrence.explicit else "pointed")
        if player_start < club_start:
            names.add("player_first")
            between = context.words_between(sentence, player_end, club_start)
        else:
            names.add("club_first")
            between = context.words_between(sentence, club_end, player_start)
        names.add(f"gap={_bucket(len(between), (0, 1, 3, 6, 10))}")
        if len(between) <= 8:
            names.update([f"between={w}" for w in between])
        pb = context.words_before(sentence, player_start)
        names.add(f"player_w-1={pb[-1] if pb else '^'}")
    else:
        names.add("carried")
    others = sum(1 for ref in clause.clubs if ref.club.name != candidate.club)
    names.add(f"other_clubs={_bucket(others, (0, 1, 2))}")


def _renewal_features(candidate: RenewalCandidate, context: _Context) -> set[str]:
    reading = context.reading
    names = {"bias", "rules_renewal" if candidate.proposed else "rules_none"}
    for stage in candidate.stages:
        names.add(f"renewal_stage={stage.value}")
    current = reading.current.get(candidate.player)
    names.add("current_club" if current == candidate.club else "current_elsewhere" if current else "current_unknown")
    known = reading.known.get(candidate.player)
    names.add(_known_club(known.club if known else None, candidate.club))
    for i in candidate.clauses:
        clause = reading.clauses[i]
        if i in reading.background:
            names.add("background")
        if context.is_headline(i):
            names.add("headline")
        if is_hedged(clause.text):
            names.add("hedged")
        names.add("club_in_clause" if any(r.club.name == candidate.club for r in clause.clubs) else "club_elsewhere")
        names.add("player_in_clause" if any(p.entity == candidate.player for p in clause.players) else "carried")
        names |= {f"word={w}" for w in _words(clause.text)}
        for cue in reading.cues(i):
            names.add(f"cue_stage={cue.stage.value}")
    moves = [pair for pair in reading.proposed.values() if pair.player == candidate.player]
    names.add(f"proposed_moves={_bucket(len(moves), (0, 1, 2))}")
    if (candidate.player, candidate.club) in reading.proposed:
        names.add("proposed_move_to_club")
    return names
