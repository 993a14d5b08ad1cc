"""Sagas: the claims about one player and one destination club, merged across articles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from mercato.model import Saga, Stage, TransferClaim

__all__ = ["ReportedClaim", "merge_sagas", "saga_stage"]


@dataclass(frozen=True, slots=True)
class ReportedClaim:
    """A transfer claim with the date and outlet of the article that made it."""

    claim: TransferClaim
    published: date | None
    outlet: str | None


def _in_time_order(reported: ReportedClaim) -> tuple[date, int]:
    # Undated claims count as the oldest; on one day `off` sorts last, so a same-day denial wins.
    return reported.published or date.min, reported.claim.stage.rank


def saga_stage(claims: Iterable[ReportedClaim]) -> Stage:
    """The stage of a saga from its claims in time order.

    The most advanced stage reported so far, ``off`` when a claim declares the move dead
    (a later claim revives it), and ``completed`` is final.
    """
    stage: Stage | None = None
    for reported in sorted(claims, key=_in_time_order):
        if stage is Stage.COMPLETED:
            break
        new = reported.claim.stage
        if stage is None or stage is Stage.OFF or new is Stage.OFF or new.rank > stage.rank:
            stage = new
    if stage is None:
        raise ValueError("a saga needs at least one claim")
    return stage


def _merge_one(claims: list[ReportedClaim]) -> Saga:
    ordered = sorted(claims, key=_in_time_order)
    dates = [c.published for c in ordered if c.published is not None]
    from_clubs = [c.claim.from_club for c in ordered if c.claim.from_club]
    first = ordered[0].claim
    return Saga(
        player=first.player,
        to_club=first.to_club,
        stage=saga_stage(ordered),
        from_club=from_clubs[-1] if from_clubs else None,
        first_seen=min(dates) if dates else None,
        last_seen=max(dates) if dates else None,
        claims=tuple(c.claim for c in ordered),
        articles=len({c.claim.article_id for c in ordered}),
    )


def merge_sagas(claims: Iterable[ReportedClaim]) -> list[Saga]:
    """One saga per (player, to_club), the most recently seen first."""
    groups: dict[tuple[str, str], list[ReportedClaim]] = defaultdict(list)
    for reported in claims:
        groups[reported.claim.player, reported.claim.to_club].append(reported)
    sagas = [_merge_one(group) for group in groups.values()]
    sagas.sort(key=lambda s: (s.player, s.to_club))
    sagas.sort(key=lambda s: s.last_seen or date.min, reverse=True)
    return sagas
