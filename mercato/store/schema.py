"""The store's tables: one schema for SQLite and PostgreSQL (migrations in ``migrations/``)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "ArticleRow",
    "Base",
    "ClaimRow",
    "ClubRow",
    "IngestErrorRow",
    "InjuryRow",
    "PlayerRow",
    "RenewalRow",
    "SagaChangeRow",
    "SagaRow",
    "SagaStateRow",
    "SourceRow",
]

# Named constraints, so that migrations can refer to them on every engine.
_NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base of every Mercato table."""

    metadata = MetaData(naming_convention=_NAMING)


class ArticleRow(Base):
    """A stored article, unique by content hash."""

    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[date | None] = mapped_column(Date, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class ClubRow(Base):
    """A club named in a stored claim, by its canonical name."""

    __tablename__ = "clubs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    search_key: Mapped[str] = mapped_column(String(200), index=True)  # the name as name_key writes it


class PlayerRow(Base):
    """A player named in a stored claim, by his canonical name."""

    __tablename__ = "players"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    search_key: Mapped[str] = mapped_column(String(200), index=True)  # the name as name_key writes it


class ClaimRow(Base):
    """A transfer claim, with the sentence and span it rests on."""

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    player_id: Mapped[int] = mapped_column(ForeignKey("players.id"), index=True)
    from_club_id: Mapped[int | None] = mapped_column(ForeignKey("clubs.id"), index=True)
    to_club_id: Mapped[int] = mapped_column(ForeignKey("clubs.id"), index=True)
    stage: Mapped[str] = mapped_column(String(16))
    deal_type: Mapped[str] = mapped_column(String(16))
    fee_amount: Mapped[int | None] = mapped_column(BigInteger)
    fee_currency: Mapped[str | None] = mapped_column(String(3))
    fee_add_ons: Mapped[int | None] = mapped_column(BigInteger)
    reported_by: Mapped[str | None] = mapped_column(String(200))
    hedged: Mapped[bool]
    evidence: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int]
    span_end: Mapped[int]

    # A saga's timeline reads its claims by (player, destination).
    __table_args__ = (Index("ix_claims_player_id_to_club_id", "player_id", "to_club_id"),)


class RenewalRow(Base):
    """A contract-renewal claim, with the sentence and span it rests on."""

    __tablename__ = "renewals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    player_id: Mapped[int] = mapped_column(ForeignKey("players.id"), index=True)
    club_id: Mapped[int] = mapped_column(ForeignKey("clubs.id"))
    stage: Mapped[str] = mapped_column(String(16))
    evidence: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int]
    span_end: Mapped[int]


class InjuryRow(Base):
    """An injury, suspension or return-to-fitness claim, with the sentence and span it rests on."""

    __tablename__ = "injuries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    player_id: Mapped[int] = mapped_column(ForeignKey("players.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    injury: Mapped[str | None] = mapped_column(String(64))
    until: Mapped[date | None] = mapped_column(Date)
    reported_on: Mapped[date | None] = mapped_column(Date)
    evidence: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int]
    span_end: Mapped[int]


class IngestErrorRow(Base):
    """An input that could not be ingested: where, why, and what to do."""

    __tablename__ = "ingest_errors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    hint: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class CorrectionRow(Base):
    """A journalist's correction of a claim or a saga, kept apart from what extraction wrote."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    article_id: Mapped[str | None] = mapped_column(String(200), index=True)  # no foreign key: it outlives claims
    player: Mapped[str] = mapped_column(String(200))
    to_club: Mapped[str] = mapped_column(String(200))
    first_seen: Mapped[date | None] = mapped_column(Date)
    last_seen: Mapped[date | None] = mapped_column(Date)
    at: Mapped[date | None] = mapped_column(Date)
    changes: Mapped[str] = mapped_column(Text)  # JSON object
    by: Mapped[str] = mapped_column(String(200))
    made: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    why: Mapped[str] = mapped_column(Text)


class SagaRow(Base):
    """A saga (player x destination club x episode) as last computed from the claims; ids are stable."""

    __tablename__ = "sagas"
    __table_args__ = (UniqueConstraint("player_id", "to_club_id", "episode", name="uq_sagas_episode"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    player_id: Mapped[int] = mapped_column(ForeignKey("players.id"), index=True)
    to_club_id: Mapped[int] = mapped_column(ForeignKey("clubs.id"), index=True)
    episode: Mapped[int] = mapped_column(Integer, server_default="0")
    from_club_id: Mapped[int | None] = mapped_column(ForeignKey("clubs.id"), index=True)
    stage: Mapped[str] = mapped_column(String(16), index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    first_seen: Mapped[date | None] = mapped_column(Date)
    last_seen: Mapped[date | None] = mapped_column(Date, index=True)
    claims: Mapped[int]
    articles: Mapped[int]
    independent: Mapped[int]  # independent reports, copies merged
    likelihood: Mapped[float | None] = mapped_column(Float, index=True)
    factors: Mapped[str] = mapped_column(Text)  # JSON: the likelihood's factor contributions


# The order sagas are listed in (the most likely first), so that a page is read off the index.
Index("ix_sagas_ranked", SagaRow.likelihood.desc(), SagaRow.last_seen.desc(), SagaRow.id)


class SagaChangeRow(Base):
    """One stage change of a saga: the feed."""

    __tablename__ = "saga_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    saga_id: Mapped[int] = mapped_column(ForeignKey("sagas.id", ondelete="CASCADE"), index=True)
    day: Mapped[date | None] = mapped_column(Date, index=True)
    change: Mapped[str] = mapped_column(String(16))
    stage: Mapped[str] = mapped_column(String(16))
    previous: Mapped[str | None] = mapped_column(String(16))
    article_id: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str | None] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)


class SourceRow(Base):
    """An outlet's or journalist's track record and reliability, as last computed."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    tier: Mapped[str] = mapped_column(String(16))
    claims: Mapped[int]
    hits: Mapped[int]
    misses: Mapped[int]
    prior_alpha: Mapped[float] = mapped_column(Float)
    prior_beta: Mapped[float] = mapped_column(Float)
    reliability: Mapped[float] = mapped_column(Float)
    low: Mapped[float] = mapped_column(Float)
    high: Mapped[float] = mapped_column(Float)


class SagaStateRow(Base):
    """When the saga tables were last rebuilt: the claims they cover and the as-of date."""

    __tablename__ = "saga_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_claim_id: Mapped[int]
    last_renewal_id: Mapped[int]
    claims: Mapped[int]
    as_of: Mapped[date | None] = mapped_column(Date)
    model_version: Mapped[str] = mapped_column(String(64))
