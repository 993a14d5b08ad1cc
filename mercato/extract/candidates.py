"""Candidates: every (player, club) pair that could be a transfer claim, and every player who
could be renewing, with where the article names them together.

A pair is a candidate wherever a sentence names the player (or points to him) and the club,
and wherever the rules propose it; the club's role (destination, seller, neither) is decided
later, by the model.
"""

from __future__ import annotations

from dataclasses import dataclass

from mercato.extract.claims import PairEvidence, listed_together, stage_for
from mercato.extract.cues import renewal_stage
from mercato.extract.reading import Reading
from mercato.extract.refs import PlayerRef
from mercato.model import Stage

__all__ = ["Candidate", "Candidates", "Occurrence", "RenewalCandidate", "find_candidates"]


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One place a sentence names a candidate's player and club."""

    clause: int  # position in ``Reading.clauses`` of the clause naming the club
    club_at: tuple[int, int]  # the club reference's span
    player_at: tuple[int, int] | None  # the nearest reference to the player in the sentence, if any
    explicit: bool  # the player is named there, not pointed to
    stage: Stage | None  # the stage the cues of the clause give this club (None: no cue)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A (player, club) pair that could be a claim, the club as destination or as seller."""

    player: str
    club: str
    occurrences: tuple[Occurrence, ...]
    evidence: PairEvidence  # the rules' evidence where they propose the pair, else the clauses naming it
    proposed: bool  # the rules propose the club as the player's destination


@dataclass(frozen=True, slots=True)
class RenewalCandidate:
    """A player who could be extending his contract at a club."""

    player: str
    club: str
    stages: tuple[Stage, ...]  # the renewal stages the clauses about him assert
    clauses: tuple[int, ...]  # positions in ``Reading.clauses``
    proposed: bool  # the rules propose it


@dataclass(frozen=True, slots=True)
class Candidates:
    """Every candidate of one article."""

    pairs: tuple[Candidate, ...]
    renewals: tuple[RenewalCandidate, ...]


def find_candidates(reading: Reading) -> Candidates:
    """Every pair and renewal of an article that could be a claim."""
    position = {id(c): i for i, c in enumerate(reading.clauses)}  # a clause's place in reading.clauses
    return Candidates(_pairs(reading, position), _renewals(reading, position))


def _pairs(reading: Reading, position: dict[int, int]) -> tuple[Candidate, ...]:
    clauses = reading.clauses
    text = reading.article.text
    found: dict[tuple[str, str], list[Occurrence]] = {}
    by_sentence: dict[int, list[int]] = {}
    for i, clause in enumerate(clauses):
        by_sentence.setdefault(clause.sentence.start, []).append(i)
    for members in by_sentence.values():
        refs = [p for i in members for p in clauses[i].players]
        if not refs:
            continue
        for i in members:
            clause = clauses[i]
            if not clause.clubs:
                continue
            cues = reading.cues(i)
            lists = listed_together(text, clause.clubs)
            for ref in clause.clubs:
                stage = stage_for(clause, cues, ref, list(clause.clubs), lists[id(ref)])
                for player, nearest in _nearest_refs(refs, ref.start).items():
                    occurrence = Occurrence(
                        i, (ref.start, ref.end), (nearest.start, nearest.end), nearest.explicit, stage
                    )
                    found.setdefault((player, ref.club.name), []).append(occurrence)
    for key, pair in reading.proposed.items():
        if key not in found:
            found[key] = [
                Occurrence(position[id(c)], (a, a), None, False, s)
                for c, s, a in zip(pair.clauses, pair.stages, pair.anchors, strict=True)
            ]
    order = list(reading.proposed) + [key for key in found if key not in reading.proposed]  # the rules' first
    return tuple(_candidate(reading, key, tuple(found[key])) for key in order)


def _candidate(reading: Reading, key: tuple[str, str], occurrences: tuple[Occurrence, ...]) -> Candidate:
    evidence = reading.proposed.get(key)
    if evidence is None:
        evidence = PairEvidence(*key)
        for occurrence in occurrences:
            evidence.add(reading.clauses[occurrence.clause], occurrence.stage or Stage.INTEREST, occurrence.club_at[0])
    return Candidate(*key, occurrences, evidence, key in reading.proposed)


def _nearest_refs(refs: list[PlayerRef], at: int) -> dict[str, PlayerRef]:
    """Each player's reference nearest a position (named references first)."""
    nearest: dict[str, PlayerRef] = {}
    for ref in refs:
        best = nearest.get(ref.entity)
        if best is None or (ref.explicit, -abs(ref.start - at)) > (best.explicit, -abs(best.start - at)):
            nearest[ref.entity] = ref
    return nearest


def _renewals(reading: Reading, position: dict[int, int]) -> tuple[RenewalCandidate, ...]:
    """The rules' renewals, and every (player, club) of a clause that speaks of a new contract:
    each player it names (or, naming none, the players of the sentence before) at his current
    club and at each club of the sentence."""
    clauses = reading.clauses
    found: dict[tuple[str, str], tuple[list[Stage], list[int]]] = {}
    proposed = {(player, r.club) for player, r in reading.renewals.items()}
    for player, renewal in reading.renewals.items():
        found[(player, renewal.club)] = (list(renewal.stages), [position[id(renewal.clause)]])
    previous: list[str] = []
    for i, clause in enumerate(clauses):
        players = list(dict.fromkeys(p.entity for p in clause.players))
        stage = renewal_stage(clause.text)
        if stage is not None:
            clubs = [ref.club.name for c in clauses if c.sentence is clause.sentence for ref in c.clubs]
            for player in players or previous:
                current = reading.club_of(player)
                for club in dict.fromkeys([current, *clubs] if current else clubs):
                    stages, where = found.setdefault((player, club), ([], []))
                    if (player, club) not in proposed:
                        stages.append(stage[0])
                        where.append(i)
        if players:
            previous = players
    return tuple(
        RenewalCandidate(player, club, tuple(stages), tuple(dict.fromkeys(where)), (player, club) in proposed)
        for (player, club), (stages, where) in found.items()
    )
