"""Opening the store and writing to it: one transaction per article, idempotent by content hash."""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Engine, create_engine, delete, event, inspect, make_url, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from mercato.errors import MercatoError
from mercato.ingest import IngestProblem
from mercato.kb import name_key
from mercato.model import Article, ExtractionResult
from mercato.store.schema import (
    ArticleRow,
    Base,
    ClaimRow,
    ClubRow,
    IngestErrorRow,
    InjuryRow,
    PlayerRow,
    RenewalRow,
    SagaStateRow,
)

__all__ = ["Store", "Stored", "is_new_file", "open_store"]


_MIGRATIONS = Path(__file__).with_name("migrations")


class Stored(StrEnum):
    """What writing an article did."""

    NEW = "new"
    DUPLICATE = "duplicate"  # an article with the same content hash is already stored
    ID_TAKEN = "id_taken"  # another text is stored under the same article id


class Store:
    """A Mercato database: articles, their claims, and the ingest errors met."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # A store let go without close() still closes its connections (a server would log each
        # one dropped), as a command that ends does with the store it opened.
        weakref.finalize(self, engine.dispose)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is one transaction: committed on success, else rolled back."""
        with self._sessions.begin() as session:
            yield session

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Those of the content hashes already stored."""
        wanted = list(set(hashes))
        found: set[str] = set()
        with self.session() as session:
            for start in range(0, len(wanted), 500):  # stay under SQLite's bound-parameter limit
                chunk = wanted[start : start + 500]
                query = select(ArticleRow.content_hash).where(ArticleRow.content_hash.in_(chunk))
                found.update(session.scalars(query))
        return found

    def add_article(self, article: Article, result: ExtractionResult) -> Stored:
        """Store an article with its claims, renewals and injury claims, all or nothing.

        The article goes in with the engine's own conflict handling (INSERT ... ON CONFLICT
        DO NOTHING on its id and its text's hash), so that writers racing to store the same
        article never fail: one stores it, the others find it "already stored"."""
        with self.session() as session:
            if _insert_new(session, ArticleRow, _article_values(article)):
                _add_extraction(session, article.id, article.published, result)
                return Stored.NEW
            same_text = select(ArticleRow.id).where(ArticleRow.content_hash == article.content_hash)
            return Stored.DUPLICATE if session.scalar(same_text) is not None else Stored.ID_TAKEN

    def replace_extraction(self, article_id: str, result: ExtractionResult) -> None:
        """Replace a stored article's claims, renewals and injury claims with a new extraction
        (corrections, stored apart, still apply to it)."""
        with self.session() as session:
            for table in (ClaimRow, RenewalRow, InjuryRow):
                session.execute(delete(table).where(table.article_id == article_id))
            published = session.scalar(select(ArticleRow.published).where(ArticleRow.id == article_id))
            _add_extraction(session, article_id, published, result)
            session.execute(delete(SagaStateRow))  # the sagas are rebuilt on the next read

    def add_problems(self, problems: Iterable[IngestProblem]) -> None:
        """Record inputs that could not be ingested; an input recorded before has its row
        updated (the reason, the hint, the time), not a second one."""
        with self.session() as session:
            for problem in problems:
                row = session.scalar(select(IngestErrorRow).where(IngestErrorRow.source == problem.source).limit(1))
                if row is None:
                    session.add(IngestErrorRow(source=problem.source, reason=problem.reason, hint=problem.hint))
                else:
                    row.reason, row.hint, row.at = problem.reason, problem.hint, datetime.now(UTC)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()


class _Names:
    """Club and player rows by name within one transaction, created when first named."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._ids: dict[tuple[type[Any], str], int] = {}

    def player(self, name: str) -> int:
        return self._id(PlayerRow, name)

    def club(self, name: str) -> int:
        return self._id(ClubRow, name)

    def _id(self, table: type[PlayerRow] | type[ClubRow], name: str) -> int:
        key = (table, name)
        if key not in self._ids:
            _insert_new(self._session, table, {"name": name, "search_key": name_key(name)})  # unless named before
            found = self._session.scalar(select(table.id).where(table.name == name))
            assert found is not None, f"the {table.__tablename__} row of {name!r} was just written"
            self._ids[key] = found
        return self._ids[key]


def _insert_new(session: Session, table: type[Base], values: dict[str, Any]) -> bool:
    """Insert a row unless a row with its key or one of its unique values exists (ON CONFLICT
    DO NOTHING, SQLite's and PostgreSQL's own); whether it went in."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(table).values(**values).on_conflict_do_nothing()
    return session.execute(statement.returning(*inspect(table).primary_key)).first() is not None


def _article_values(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "published": article.published,
        "title": article.title,
        "text": article.text,
        "content_hash": article.content_hash,
        "source": article.source,
    }


def _enforce_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    # SQLite checks foreign keys only when asked, per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def schema_revision(store: Store) -> str | None:
    """The Alembic revision the store's schema is at (None: never migrated)."""
    with store.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def is_new_file(url: str) -> bool:
    """Whether the URL names a SQLite file that does not exist yet (opening it would create it)."""
    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and bool(parsed.database) and not Path(str(parsed.database)).exists()


def open_store(url: str) -> Store:
    """Open the database at a SQLAlchemy URL, creating or migrating its tables to the latest."""
    in_memory = url in ("sqlite://", "sqlite:///:memory:")
    engine = create_engine(url, poolclass=StaticPool) if in_memory else create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enforce_foreign_keys)
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as error:
        engine.dispose()
        raise MercatoError(
            f"cannot open the store {engine.url!r}: {error.orig}; check MERCATO_DB and that its folder exists"
        ) from None
    return Store(engine)


def _add_extraction(session: Session, article_id: str, published: date | None, result: ExtractionResult) -> None:
    """Add an article's claims, renewals and injury claims to a session (``published``: the
    article's date, an injury claim's report date where it gives none)."""
    names = _Names(session)
    for claim in result.claims:
        session.add(
            ClaimRow(
                article_id=article_id,
                player_id=names.player(claim.player),
                from_club_id=names.club(claim.from_club) if claim.from_club else None,
                to_club_id=names.club(claim.to_club),
                stage=claim.stage.value,
                deal_type=claim.deal_type.value,
                fee_amount=claim.fee.amount if claim.fee else None,
                fee_currency=claim.fee.currency if claim.fee else None,
                fee_add_ons=claim.fee.add_ons if claim.fee else None,
                reported_by=claim.reported_by,
                hedged=claim.hedged,
                evidence=claim.evidence.sentence,
                span_start=claim.evidence.span[0],
                span_end=claim.evidence.span[1],
            )
        )
    for renewal in result.renewals:
        session.add(
            RenewalRow(
                article_id=article_id,
                player_id=names.player(renewal.player),
                club_id=names.club(renewal.club),
                stage=renewal.stage.value,
                evidence=renewal.evidence.sentence,
                span_start=renewal.evidence.span[0],
                span_end=renewal.evidence.span[1],
            )
        )
    for injury in result.injuries:
        session.add(
            InjuryRow(
                article_id=article_id,
                player_id=names.player(injury.player),
                status=injury.status.value,
                injury=injury.injury,
                until=injury.until,
                reported_on=injury.reported_on or published,
                evidence=injury.evidence.sentence,
                span_start=injury.evidence.span[0],
                span_end=injury.evidence.span[1],
            )
        )
