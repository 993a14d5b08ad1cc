"""A player's club and contract on a date, and where each of the two facts comes from.

The stored news first (a completed move an article reported), then the reference data's
transfer history, then its snapshot (about June 2026). The news is passed in by the caller,
who reads it from the store: this module reads no database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from mercato.kb import SNAPSHOT_DATE, KnowledgeBase
from mercato.model import Club, Player

__all__ = ["PlayerOnDate", "ReportedMove", "player_on"]

# A contract runs five years at most (FIFA RSTP art. 18.2): an expiry further from the date
# asked is a later contract's.
_LONGEST_CONTRACT_DAYS = 5 * 366


@dataclass(frozen=True, slots=True)
class ReportedMove:
    """A completed move the stored news reports, dated by its article."""

    on: date
    from_club: str | None
    to_club: str
    free: bool  # a free transfer: his contract at the club he left had run out
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class PlayerOnDate:
    """Where a player was on a date and until when his contract there ran, with the sources."""

    on: date
    club: Club | None
    club_source: str  # where the club comes from, or why it is unknown
    contract_expiry: date | None
    contract_source: str  # where the expiry comes from, or why it is unknown


@dataclass(frozen=True, slots=True)
class _Event:
    on: date
    from_club: Club | None
    to_club: Club | None
    source: str
    rank: int  # on one day the news outranks the snapshot, which outranks the history
    free: bool = False


def player_on(player: Player, on: date, kb: KnowledgeBase, news: Iterable[ReportedMove] = ()) -> PlayerOnDate:
    """Where ``player`` was on ``on`` and his contract there, from the news, the transfer
    history and the snapshot, whichever tells the nearest fact."""
    events = _events(player, kb, news)
    before = [e for e in events if e.on <= on and e.to_club is not None]
    after = [e for e in events if e.on > on and e.from_club is not None]
    if before:
        last = max(before, key=lambda e: (e.on, e.rank))
        club, club_source = last.to_club, last.source
    elif after:
        first = min(after, key=lambda e: (e.on, -e.rank))
        club, club_source = first.from_club, f"{first.source}, the club he left"
    else:
        club, club_source = None, "no stored news, transfer history or snapshot places him at a club"
    expiry, contract_source = _contract(player, on, club, events)
    return PlayerOnDate(on, club, club_source, expiry, contract_source)


def _events(player: Player, kb: KnowledgeBase, news: Iterable[ReportedMove]) -> list[_Event]:
    events = [
        _Event(
            move.on,
            kb.club_named(move.from_club) if move.from_club else None,
            kb.club_named(move.to_club),
            f"stored news: a completed move to {move.to_club} reported on {move.on}"
            + (f" (article {move.article_id})" if move.article_id else ""),
            2,
            move.free,
        )
        for move in news
    ]
    for move in kb.moves_of(player):
        events.append(
            _Event(
                move.on,
                kb.clubs.get(move.from_club_id or -1),
                kb.clubs.get(move.to_club_id or -1),
                f"transfer history: his move of {move.on}",
                0,
            )
        )
    snapshot = kb.clubs.get(player.current_club_id or -1)
    if snapshot is not None:
        events.append(_Event(SNAPSHOT_DATE, None, snapshot, f"reference snapshot of {SNAPSHOT_DATE:%B %Y}", 1))
    return events


def _contract(player: Player, on: date, club: Club | None, events: list[_Event]) -> tuple[date | None, str]:
    """His contract's end at ``club`` on ``on``: a free move away from it says when it ran out;
    the snapshot's contract counts where he stayed at the club from that date to the snapshot."""
    if club is None:
        return None, "his club is unknown"
    left_free = [e for e in events if e.free and e.on > on and e.from_club is not None and e.from_club.id == club.id]
    if left_free:
        move = min(left_free, key=lambda e: e.on)
        end = date(move.on.year, 6, 30) if 5 <= move.on.month <= 9 else move.on
        return end, f"{move.source}: a free transfer, so his {club.name} contract ran out then"
    moved_since = any(on < e.on <= SNAPSHOT_DATE and e.rank != 1 for e in events)
    expiry = player.contract_expiry
    if player.current_club_id != club.id or moved_since:
        return None, f"the reference data's contract is his {_snapshot_club(events)} one, not his {club.name} one"
    if expiry is None:
        return None, f"the reference snapshot gives no contract for him at {club.name}"
    if (expiry - on).days > _LONGEST_CONTRACT_DAYS:
        return None, f"the snapshot's contract (to {expiry}) was signed after {on}: a contract runs five years at most"
    return expiry, f"reference snapshot of {SNAPSHOT_DATE:%B %Y}"


def _snapshot_club(events: list[_Event]) -> str:
    snapshot = next((e.to_club for e in events if e.rank == 1 and e.to_club is not None), None)
    return snapshot.name if snapshot else "latest"
