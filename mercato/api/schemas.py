"""The REST API's response and request bodies (pydantic): the boundary's one vocabulary."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, Field

from mercato.ingest import MAX_ARTICLE_CHARS
from mercato.model import ID_MAX, Stage

__all__ = [
    "ArticleIn",
    "ArticleOut",
    "ClaimOut",
    "ClubOut",
    "ErrorBody",
    "ErrorOut",
    "FactorOut",
    "FeeOut",
    "FeedEntryOut",
    "FeedPage",
    "IngestOut",
    "IsoDay",
    "NamedOut",
    "PlayerOut",
    "SagaDetail",
    "SagaOut",
    "SagaPage",
    "SourceOut",
    "TimelineEntryOut",
]

_YEAR = "(18[5-9][0-9]|19[0-9]{2}|20[0-9]{2}|2100)"  # 1850 to 2100
_DAY = rf"^{_YEAR}-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-9])|(0[13-9]|1[0-2])-30|(0[13578]|1[02])-31)$"


def _iso_day(value: object) -> object:
    """A day from 1850 to 2100 written YYYY-MM-DD: not a number of seconds, not the year 1."""
    if not (isinstance(value, str) and re.fullmatch(_DAY, value)):
        raise ValueError("a day from 1850-01-01 to 2100-12-31, written YYYY-MM-DD")
    return value


IsoDay = Annotated[date, BeforeValidator(_iso_day), Field(json_schema_extra={"pattern": _DAY})]


class ErrorBody(BaseModel):
    """What went wrong: the HTTP status and a message saying what to do."""

    status: int
    message: str


class ErrorOut(BaseModel):
    """Every error response: {"error": {"status", "message"}}."""

    error: ErrorBody


class NamedOut(BaseModel):
    """A stored player or club."""

    id: int
    name: str


class FactorOut(BaseModel):
    """One factor of a likelihood: what the model read and the log-odds it added."""

    name: str
    value: str
    contribution: float | None = Field(description="log-odds; null when the stage is final")


class SagaOut(BaseModel):
    """A saga: one player, one destination club."""

    id: int
    player: NamedOut
    from_club: NamedOut | None
    to_club: NamedOut
    stage: Stage
    reason: str | None = Field(description="why the saga is off")
    likelihood: float | None
    first_seen: date | None
    last_seen: date | None
    claims: int
    articles: int
    independent_reports: int


class SagaPage(BaseModel):
    """One page of sagas."""

    as_of: date | None = Field(description="the date the likelihoods are for (the newest stored article's)")
    total: int
    limit: int
    offset: int
    items: list[SagaOut]


class FeeOut(BaseModel):
    """A transfer fee in whole currency units."""

    amount: int
    currency: str
    add_ons: int | None


class TimelineEntryOut(BaseModel):
    """One claim of a saga's timeline, with its article."""

    published: date | None
    outlet: str | None
    reported_by: str | None
    stage: Stage
    hedged: bool
    deal_type: str
    fee: FeeOut | None
    sentence: str
    article_id: str | None
    article: str | None = Field(description="path of the article in this API")
    url: str | None = Field(description="the article's original address")
    report: int = Field(description="independent report it belongs to; copies share one")
    claim_id: int | None = Field(description="the claim's id, to correct it (POST /claims/{id}/reject or fix)")
    corrections: list[str] = Field(description="the corrections made to it, in words")


class SagaDetail(BaseModel):
    """A saga with its likelihood's factors and its timeline of evidence."""

    saga: SagaOut
    factors: list[FactorOut]
    timeline_total: int = Field(description="the saga's claims; the timeline is one page of them")
    limit: int
    offset: int
    timeline: list[TimelineEntryOut]


class PlayerOut(BaseModel):
    """A player with his sagas and what the knowledge base knows of him."""

    id: int
    name: str
    position: str | None = None
    current_club: str | None = None
    contract_expiry: date | None = None
    birth_date: date | None = None
    sagas: list[SagaOut]


class ClubOut(BaseModel):
    """A club with the sagas bringing players in and taking them away."""

    id: int
    name: str
    country: str | None = None
    league: str | None = None
    incoming: list[SagaOut]
    outgoing: list[SagaOut]


class SourceOut(BaseModel):
    """An outlet's or journalist's track record and reliability (Beta posterior)."""

    name: str
    kind: str
    tier: str
    claims: int
    hits: int = Field(description="resolved sagas it predicted (before the outcome, not a copy) that completed")
    misses: int = Field(description="resolved sagas it predicted that died")
    scored: int = Field(description="hits and misses")
    ranked: bool = Field(description="enough scored predictions to rank it by reliability (3)")
    reliability: float
    low: float = Field(description="5th percentile of the reliability")
    high: float = Field(description="95th percentile of the reliability")


class FeedEntryOut(BaseModel):
    """A stage change: new saga, advanced, off, revived or completed."""

    saga_id: int
    day: date | None
    player: str
    to_club: str
    change: str
    stage: Stage
    previous: Stage | None
    article_id: str | None
    source: str | None
    reason: str | None


class FeedPage(BaseModel):
    """One page of the feed."""

    total: int
    limit: int
    offset: int
    items: list[FeedEntryOut]


class ClaimOut(BaseModel):
    """A transfer claim found in an article."""

    player: str
    from_club: str | None
    to_club: str
    stage: Stage
    deal_type: str
    fee: FeeOut | None
    reported_by: str | None
    hedged: bool
    sentence: str


class ArticleOut(BaseModel):
    """A stored article with its claims."""

    id: str
    url: str | None
    outlet: str | None
    published: date | None
    title: str | None
    text: str
    claims: list[ClaimOut]


class ArticleIn(BaseModel):
    """An article to ingest."""

    text: str = Field(min_length=1, max_length=MAX_ARTICLE_CHARS)
    id: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9][\w.:-]{0,199}$",
        description="letters, digits, _ . : - (no slashes: GET /articles/{id} fetches it back)",
    )
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=200)
    published: IsoDay | None = None
    title: str | None = Field(default=None, max_length=2000)


class IngestOut(BaseModel):
    """What ingesting an article did."""

    id: str
    stored: str = Field(description="new or duplicate")
    claims: int
    renewals: int


class CorrectionOut(BaseModel):
    """A journalist's correction of a claim or a saga."""

    id: int | None
    kind: str = Field(description="reject, fix, merge or split")
    player: str
    to_club: str
    article_id: str | None = Field(description="reject and fix: the claim's article")
    first_seen: date | None = Field(description="merge and split: the saga's first day")
    last_seen: date | None
    at: date | None = Field(description="split: the second saga's first day")
    changes: dict[str, str]
    by: str
    made: datetime | None
    why: str
    says: str = Field(description="the correction in words")


class RejectIn(BaseModel):
    """Why a claim is wrong, and who says so."""

    reason: str = Field(min_length=1, max_length=2000)
    by: str = Field(default="api", min_length=1, max_length=200)


class FixIn(RejectIn):
    """The right values of a claim's fields (those given)."""

    player: str | None = None
    from_club: str | None = None
    to_club: str | None = None
    stage: str | None = None
    deal_type: str | None = None


class MergeIn(RejectIn):
    """Two sagas of one player that are one: ``into`` stays, ``other`` joins it."""

    into: int = Field(ge=1, le=ID_MAX)
    other: int = Field(ge=1, le=ID_MAX)


class SplitIn(RejectIn):
    """The first day of the second saga."""

    at: IsoDay
