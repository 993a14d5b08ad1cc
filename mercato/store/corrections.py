"""Corrections in the store: written apart from the claims, read back to apply to them.

Adding one makes the saga tables stale, so that the next read rebuilds them with it: the
likelihood and the sources' records count corrected claims only.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import aliased

from mercato.errors import UnknownEntity
from mercato.model import DealType, Stage
from mercato.sagas.corrections import FIXABLE, Correction, Kind
from mercato.store.schema import ClaimRow, ClubRow, CorrectionRow, PlayerRow, SagaStateRow
from mercato.store.store import Store

__all__ = [
    "add_correction",
    "fix_claim",
    "merge_stored_sagas",
    "reject_claim",
    "split_stored_saga",
    "stored_corrections",
]


def add_correction(store: Store, correction: Correction) -> Correction:
    """Store a correction; the stored one (with its id and time) is returned."""
    made = correction.made or datetime.now(UTC)
    with store.session() as session:
        row = CorrectionRow(
            kind=correction.kind.value,
            article_id=correction.article_id,
            player=correction.player,
            to_club=correction.to_club,
            first_seen=correction.first_seen,
            last_seen=correction.last_seen,
            at=correction.at,
            changes=json.dumps(correction.changes, sort_keys=True, ensure_ascii=False),
            by=correction.by,
            made=made,
            why=correction.why,
        )
        session.add(row)
        session.execute(delete(SagaStateRow))  # the sagas are rebuilt with it on the next read
        session.flush()
        return _correction(row)


def stored_corrections(store: Store) -> list[Correction]:
    """Every correction, the oldest first (the order they apply in)."""
    with store.session() as session:
        return [_correction(row) for row in session.scalars(select(CorrectionRow).order_by(CorrectionRow.id))]


def _correction(row: CorrectionRow) -> Correction:
    return Correction(
        kind=Kind(row.kind),
        player=row.player,
        to_club=row.to_club,
        by=row.by,
        made=row.made.replace(tzinfo=UTC) if row.made and row.made.tzinfo is None else row.made,  # SQLite keeps no zone
        why=row.why,
        article_id=row.article_id,
        first_seen=row.first_seen,
        last_seen=row.last_seen,
        at=row.at,
        changes=json.loads(row.changes),
        id=row.id,
    )


def _claim_names(store: Store, claim_id: int) -> tuple[str, str, str]:
    """(article id, player, destination) of a stored claim; an unknown id is an error."""
    to_club = aliased(ClubRow)
    query = (
        select(ClaimRow.article_id, PlayerRow.name, to_club.name)
        .join(PlayerRow, ClaimRow.player_id == PlayerRow.id)
        .join(to_club, ClaimRow.to_club_id == to_club.id)
        .where(ClaimRow.id == claim_id)
    )
    with store.session() as session:
        found = session.execute(query).first()
    if found is None:
        raise UnknownEntity("claim", str(claim_id), "use a claim id that `mercato show PLAYER` prints")
    return found[0], found[1], found[2]


def _saga_names(store: Store, saga_id: int) -> tuple[str, str, date | None, date | None]:
    """(player, destination, first seen, last seen) of a stored saga; an unknown id is an error."""
    from mercato.store.saga_queries import saga_by_id  # here: saga_queries reads claims, which read corrections

    saga = saga_by_id(store, saga_id)
    if saga is None:
        raise UnknownEntity("saga", str(saga_id), "use a saga id that `mercato sagas --json` or GET /sagas gives")
    return saga.player.name, saga.to_club.name, saga.first_seen, saga.last_seen


def reject_claim(store: Store, claim_id: int, by: str, why: str) -> Correction:
    """Mark a stored claim wrong: it leaves every saga, and stays rejected when re-extracted."""
    article_id, player, to_club = _claim_names(store, claim_id)
    return add_correction(store, Correction(Kind.REJECT, player, to_club, by, None, why, article_id=article_id))


def fix_claim(store: Store, claim_id: int, changes: dict[str, str], by: str, why: str) -> Correction:
    """Fix fields of a stored claim (``FIXABLE``); a bad field or value is a ValueError naming it."""
    if not changes:
        raise ValueError(f"nothing to fix; give one of {', '.join(FIXABLE)}")
    for name, value in changes.items():
        if name not in FIXABLE:
            raise ValueError(f"{name}: not a field a correction fixes; use one of {', '.join(FIXABLE)}")
        kinds = {"stage": Stage, "deal_type": DealType}
        if name in kinds and value not in {k.value for k in kinds[name]}:
            raise ValueError(f"{name} {value!r}: use one of {', '.join(k.value for k in kinds[name])}")
    article_id, player, to_club = _claim_names(store, claim_id)
    correction = Correction(Kind.FIX, player, to_club, by, None, why, article_id=article_id, changes=changes)
    return add_correction(store, correction)


def merge_stored_sagas(store: Store, into_id: int, other_id: int, by: str, why: str) -> Correction:
    """Make two sagas of one player one: the other's claims join the first's club and episode."""
    player, to_club, first, last = _saga_names(store, into_id)
    other_player, other_club, other_first, other_last = _saga_names(store, other_id)
    if other_player != player or into_id == other_id:
        raise ValueError(f"sagas {into_id} and {other_id}: only two sagas of one player can be merged")
    other = {"to_club": other_club}
    other |= {k: v.isoformat() for k, v in (("first_seen", other_first), ("last_seen", other_last)) if v}
    correction = Correction(Kind.MERGE, player, to_club, by, None, why, first_seen=first, last_seen=last, changes=other)
    return add_correction(store, correction)


def split_stored_saga(store: Store, saga_id: int, at: date, by: str, why: str) -> Correction:
    """Make a saga two: its claims from ``at`` on are a saga of their own."""
    player, to_club, first, last = _saga_names(store, saga_id)
    if first is None or last is None or not first < at <= last:
        raise ValueError(f"--at {at}: saga {saga_id} runs from {first} to {last}; split it at a day after its first")
    correction = Correction(Kind.SPLIT, player, to_club, by, None, why, first_seen=first, last_seen=last, at=at)
    return add_correction(store, correction)
