"""Candidates: every (player, club) pair that could be a transfer claim, and every player who
could be renewing, with where the article names them together.

A pair is a candidate wherever a sentence names the player (or points to him) and the club,
and wherever the rules propose it; the club's role (destination, seller, neither) is decided
later, by the model.
"""

from __future__ import annotations

from dataclasses import dataclass

from mercato.extract.claims import Clause, PairEvidence, cues_of, listed_together, renewal_of, stage_for
from mercato.extract.mentions import PlayerRef
from mercato.extract.reading import Reading
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
    proposed: PairEvidence | None  # the rules' evidence, where they propose the club as destination


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
    return Candidates(_pairs(reading), _renewals(reading))


def _pairs(reading: Reading) -> tuple[Candidate, ...]:
    clauses = reading.clauses
    text = reading.article.text
    found: dict[tuple[str, str], list[Occurrence]] = {}
    position = {id(c): i for i, c in enumerate(clauses)}
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
            cues = cues_of(clause)
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
    return tuple(Candidate(*key, tuple(found[key]), reading.proposed.get(key)) for key in order)


def _nearest_refs(refs: list[PlayerRef], at: int) -> dict[str, PlayerRef]:
    """Each player's reference nearest a position (named references first)."""
    nearest: dict[str, PlayerRef] = {}
    for ref in refs:
        best = nearest.get(ref.entity)
        if best is None or (ref.explicit, -abs(ref.start - at)) > (best.explicit, -abs(best.start - at)):
            nearest[ref.entity] = ref
    return nearest


def _renewals(reading: Reading) -> tuple[RenewalCandidate, ...]:
    clauses = reading.clauses
    found: dict[str, tuple[str, list[Stage], list[int], bool]] = {}
    position = {id(c): i for i, c in enumerate(clauses)}
    for player, proposed in reading.renewals.items():
        found[player] = (proposed.club, list(proposed.stages), [position[id(proposed.clause)]], True)
    for i, clause in enumerate(clauses):
        if not clause.players:
            continue
        hint = renewal_of(clause)
        if hint is None or hint.player is None or hint.player in reading.renewals:
            continue
        club = _renewal_club(clause, hint.player, reading)
        if club is None:
            continue
        _, stages, where, _ = found.setdefault(hint.player, (club, [], [], False))
        stages.append(hint.stage)
        where.append(i)
    return tuple(
        RenewalCandidate(player, club, tuple(stages), tuple(dict.fromkeys(where)), proposed)
        for player, (club, stages, where, proposed) in found.items()
    )


def _renewal_club(clause: Clause, player: str, reading: Reading) -> str | None:
    """The club a player renews at: his current club as the article tells it, else the clause's."""
    current = reading.current.get(player)
    if current is not None:
        return current
    return clause.clubs[0].club.name if clause.clubs else None
