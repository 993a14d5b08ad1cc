"""Sagas: the claims about one player and one destination club, merged across articles.

Pure functions over reported claims (a claim with its article's date, outlet and link):
``merge_sagas`` (stage and closing), ``timeline`` (evidence in time order) and ``feed``
(stage changes). The rules are written out in docs/sagas.md.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from mercato.model import RenewalClaim, Saga, Stage, TransferClaim

__all__ = [
    "Change",
    "ReportedClaim",
    "ReportedRenewal",
    "SagaKey",
    "StageChange",
    "feed",
    "group_by_saga",
    "is_credible",
    "merge_sagas",
    "saga_stage",
    "stage_changes",
    "timeline",
]

SagaKey = tuple[str, str, int]  # (player, to_club, episode)

# A pair's news starts a new saga (an episode) after a silence this long, or after a
# shorter one across a closed window: a transfer deadline passed with no news, and the move
# had gone off or completed or nothing had been heard for a window's length (docs/sagas.md).
_SILENCE_DAYS = 365
_WINDOW_SILENCE_DAYS = 120
_DEADLINES = ((2, 1), (9, 1))  # (month, day) by which the winter and summer windows have shut


@dataclass(frozen=True, slots=True)
class ReportedClaim:
    """A transfer claim with the date, outlet and link of the article that made it."""

    claim: TransferClaim
    published: date | None
    outlet: str | None
    url: str | None = None
    claim_id: int | None = None  # the store's id of the claim
    opens: bool | None = None  # a correction's say on whether it starts a saga (None: the rules decide)
    corrections: tuple[str, ...] = ()  # the corrections applied to it, in words

    @property
    def source(self) -> str | None:
        """Whom the claim rests on: the outlet or journalist the text names, else the outlet."""
        return self.claim.reported_by or self.outlet


@dataclass(frozen=True, slots=True)
class ReportedRenewal:
    """A renewal claim with the date and outlet of the article that made it."""

    renewal: RenewalClaim
    published: date | None
    outlet: str | None = None


class Change(StrEnum):
    """What happened to a saga on a day, as the feed reports it."""

    NEW = "new"  # first claim about this player and destination
    ADVANCED = "advanced"  # a credible claim of a more advanced stage
    OFF = "off"  # declared dead, or closed by a move or renewal elsewhere
    REVIVED = "revived"  # a credible claim after the saga was off
    COMPLETED = "completed"


@dataclass(frozen=True, slots=True)
class StageChange:
    """One stage change of one saga: the feed's row."""

    day: date | None
    player: str
    to_club: str
    change: Change
    stage: Stage
    previous: Stage | None
    article_id: str | None
    source: str | None
    reason: str | None = None


def is_credible(reported: ReportedClaim) -> bool:
    """Whether a claim may set a saga's stage: the article does not doubt it.

    A hedged claim ("no guarantee the deal happens") still counts as evidence for the
    likelihood, at a discount (likelihood.py); it does not move the stage.
    """
    return not reported.claim.hedged


def _in_time_order(reported: ReportedClaim) -> tuple[date, int]:
    # Undated claims count as the oldest; on one day `off` sorts last, so a same-day denial wins.
    return reported.published or date.min, reported.claim.stage.rank


def timeline(claims: Iterable[ReportedClaim]) -> list[ReportedClaim]:
    """Every claim of a saga in time order (the oldest first), hedged ones included."""
    return sorted(claims, key=_in_time_order)


def _stage_setters(claims: Iterable[ReportedClaim]) -> list[ReportedClaim]:
    """The claims allowed to set the stage: the credible ones, or all when none is credible."""
    ordered = timeline(claims)
    credible = [c for c in ordered if is_credible(c)]
    return credible or ordered


def _walk(claims: Iterable[ReportedClaim]) -> list[StageChange]:
    """The stage changes of one saga's claims, in time order."""
    changes: list[StageChange] = []
    stage: Stage | None = None
    for reported in _stage_setters(claims):
        if stage is Stage.COMPLETED:
            break
        new = reported.claim.stage
        if stage is None:
            change = Change.COMPLETED if new is Stage.COMPLETED else Change.NEW
        elif new is Stage.OFF and stage is not Stage.OFF:
            change = Change.OFF
        elif stage is Stage.OFF and new is not Stage.OFF:
            change = Change.COMPLETED if new is Stage.COMPLETED else Change.REVIVED
        elif new.rank > stage.rank:
            change = Change.COMPLETED if new is Stage.COMPLETED else Change.ADVANCED
        else:
            continue
        claim = reported.claim
        reason = (
            f"reported off by {reported.source or 'an unnamed source'}"
            + (f" on {reported.published}" if reported.published else "")
            if new is Stage.OFF
            else None
        )
        changes.append(
            StageChange(
                reported.published,
                claim.player,
                claim.to_club,
                change,
                new,
                stage,
                claim.article_id,
                reported.source,
                reason,
            )
        )
        stage = new
    return changes


def saga_stage(claims: Iterable[ReportedClaim]) -> Stage:
    """The stage of a saga from its claims.

    The most advanced stage credible claims report, ``off`` when a later credible claim
    declares the move dead (a later claim revives it), and ``completed`` is final.
    """
    changes = _walk(claims)
    if not changes:
        raise ValueError("a saga needs at least one claim")
    return changes[-1].stage


def group_by_saga(claims: Iterable[ReportedClaim]) -> dict[SagaKey, list[ReportedClaim]]:
    """Claims grouped by (player, to_club) and episode, each group in time order."""
    pairs: dict[tuple[str, str], list[ReportedClaim]] = defaultdict(list)
    for reported in claims:
        pairs[reported.claim.player, reported.claim.to_club].append(reported)
    groups: dict[SagaKey, list[ReportedClaim]] = {}
    for (player, to_club), pair in pairs.items():
        for episode, group in enumerate(_episodes(timeline(pair))):
            groups[player, to_club, episode] = group
    return groups


def _episodes(ordered: list[ReportedClaim]) -> list[list[ReportedClaim]]:
    """One pair's claims (in time order) cut into episodes where a silence ends one, or where
    a correction says (``ReportedClaim.opens``); an undated claim belongs to the first."""
    episodes: list[list[ReportedClaim]] = [[]]
    last: date | None = None
    for reported in ordered:
        day = reported.published
        if reported.opens is not None:
            anew = reported.opens
        else:
            anew = day is not None and last is not None and _starts_anew(episodes[-1], last, day)
        if anew and episodes[-1]:
            episodes.append([])
        episodes[-1].append(reported)
        last = day or last
    return episodes


def _starts_anew(episode: list[ReportedClaim], last: date, day: date) -> bool:
    silence = (day - last).days
    if silence > _SILENCE_DAYS:
        return True
    if not any(last < date(year, month, d) <= day for year in (last.year, day.year) for month, d in _DEADLINES):
        return False
    closed = _walk(episode)[-1].stage in (Stage.OFF, Stage.COMPLETED) if episode else False
    return closed or silence > _WINDOW_SILENCE_DAYS


@dataclass(frozen=True, slots=True)
class _Closing:
    day: date | None
    to_club: str | None  # None: a renewal at his club
    club: str
    article_id: str | None
    source: str | None

    @property
    def reason(self) -> str:
        when = f" on {self.day}" if self.day else ""
        if self.to_club is None:
            return f"renewed his contract at {self.club}{when}"
        return f"completed a move to {self.club}{when}"


def _closings(
    changes: dict[SagaKey, list[StageChange]], renewals: Iterable[ReportedRenewal]
) -> dict[str, list[_Closing]]:
    """Per player, the completed moves and completed renewals that close his other sagas."""
    found: dict[str, list[_Closing]] = defaultdict(list)
    for (player, to_club, _), saga_changes in changes.items():
        if saga_changes and saga_changes[-1].stage is Stage.COMPLETED:
            done = saga_changes[-1]
            found[player].append(_Closing(done.day, to_club, to_club, done.article_id, done.source))
    for reported in renewals:
        renewal = reported.renewal
        if renewal.stage is Stage.COMPLETED:
            found[renewal.player].append(
                _Closing(reported.published, None, renewal.club, renewal.article_id, reported.outlet)
            )
    return found


def _closing_for(key: SagaKey, saga_changes: list[StageChange], closings: list[_Closing]) -> _Closing | None:
    """The first move or renewal elsewhere dated on or after the saga's last stage change."""
    last = saga_changes[-1]
    if last.stage in (Stage.COMPLETED, Stage.OFF):
        return None
    latest = last.day or date.min
    eligible = [c for c in closings if c.to_club != key[1] and (c.day or date.min) >= latest]
    return min(eligible, key=lambda c: c.day or date.min) if eligible else None


def stage_changes(
    groups: dict[SagaKey, list[ReportedClaim]], renewals: Iterable[ReportedRenewal] = ()
) -> dict[SagaKey, list[StageChange]]:
    """Every saga's stage changes (claims grouped by group_by_saga), closings included."""
    changes = {key: _walk(group) for key, group in groups.items()}
    closings = _closings(changes, renewals)
    for key, saga_changes in changes.items():
        closing = _closing_for(key, saga_changes, closings.get(key[0], []))
        if closing is not None:
            saga_changes.append(
                StageChange(
                    closing.day,
                    key[0],
                    key[1],
                    Change.OFF,
                    Stage.OFF,
                    saga_changes[-1].stage,
                    closing.article_id,
                    closing.source,
                    closing.reason,
                )
            )
    return changes


def _merge_one(key: SagaKey, claims: Sequence[ReportedClaim], changes: list[StageChange]) -> Saga:
    dates = [c.published for c in claims if c.published is not None]
    from_clubs = [c.claim.from_club for c in claims if c.claim.from_club]
    first = claims[0].claim
    last = changes[-1]
    return Saga(
        player=first.player,
        to_club=first.to_club,
        stage=last.stage,
        from_club=from_clubs[-1] if from_clubs else None,
        first_seen=min(dates) if dates else None,
        last_seen=max(dates) if dates else None,
        claims=tuple(c.claim for c in claims),
        articles=len({c.claim.article_id for c in claims}),
        reason=last.reason if last.stage is Stage.OFF else None,
        episode=key[2],
    )


def merge_sagas(claims: Iterable[ReportedClaim], renewals: Iterable[ReportedRenewal] = ()) -> list[Saga]:
    """One saga per (player, to_club) and episode, the most recently seen first.

    A completed move to one club, or a completed renewal, closes the player's other open
    sagas as ``off`` with the reason, unless they were reported on after it.
    """
    groups = group_by_saga(claims)
    changes = stage_changes(groups, renewals)
    sagas = [_merge_one(key, groups[key], changes[key]) for key in groups]
    sagas.sort(key=lambda s: s.key)
    sagas.sort(key=lambda s: s.last_seen or date.min, reverse=True)
    return sagas


def feed(
    claims: Iterable[ReportedClaim],
    renewals: Iterable[ReportedRenewal] = (),
    since: date | None = None,
) -> list[StageChange]:
    """Stage changes (new saga, advanced, off, revived, completed) in time order.

    Undated changes are left out when ``since`` is given.
    """
    changes = stage_changes(group_by_saga(claims), renewals)
    rows = [
        change
        for saga_changes in changes.values()
        for change in saga_changes
        if since is None or (change.day is not None and change.day >= since)
    ]
    rows.sort(key=lambda c: (c.day or date.min, c.player, c.to_club, c.stage.rank))
    return rows
