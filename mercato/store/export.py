"""The store's tables for analysis elsewhere (`mercato export`): articles, claims, sagas and
sources as pandas data frames, written as Parquet, CSV or JSON Lines, one file a table."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from mercato.store.schema import ArticleRow, ClaimRow, ClubRow, PlayerRow, SagaRow, SagaStateRow, SourceRow
from mercato.store.store import Store

__all__ = ["FORMATS", "export_tables", "table_frames"]

_Query = Select[*tuple[Any, ...]]  # a select of any columns


def _articles() -> _Query:
    a = ArticleRow
    return select(
        a.id, a.content_hash, a.url, a.outlet, a.published, a.title, a.source, a.ingested_at, a.text
    ).order_by(a.published, a.id)


def _claims() -> _Query:
    c, from_club, to_club = ClaimRow, aliased(ClubRow), aliased(ClubRow)
    return (
        select(
            c.id,
            c.article_id,
            ArticleRow.published,
            ArticleRow.outlet,
            PlayerRow.name.label("player"),
            from_club.name.label("from_club"),
            to_club.name.label("to_club"),
            c.stage,
            c.deal_type,
            c.fee_amount,
            c.fee_currency,
            c.fee_add_ons,
            c.reported_by,
            c.hedged,
            c.evidence.label("sentence"),
        )
        .join(ArticleRow, c.article_id == ArticleRow.id)
        .join(PlayerRow, c.player_id == PlayerRow.id)
        .join(to_club, c.to_club_id == to_club.id)
        .outerjoin(from_club, c.from_club_id == from_club.id)
        .order_by(ArticleRow.published, c.article_id, c.span_start, c.id)
    )


def _sagas() -> _Query:
    s, from_club, to_club = SagaRow, aliased(ClubRow), aliased(ClubRow)
    return (
        select(
            s.id,
            PlayerRow.name.label("player"),
            from_club.name.label("from_club"),
            to_club.name.label("to_club"),
            s.episode,
            s.stage,
            s.reason,
            s.likelihood,
            select(SagaStateRow.as_of).scalar_subquery().label("as_of"),
            s.first_seen,
            s.last_seen,
            s.claims,
            s.articles,
            s.independent,
        )
        .join(PlayerRow, s.player_id == PlayerRow.id)
        .join(to_club, s.to_club_id == to_club.id)
        .outerjoin(from_club, s.from_club_id == from_club.id)
        .order_by(s.id)
    )


def _sources() -> _Query:
    r = SourceRow
    return select(r.name, r.kind, r.tier, r.claims, r.hits, r.misses, r.reliability, r.low, r.high).order_by(
        r.reliability.desc(), r.name
    )


_TABLES: dict[str, Callable[[], _Query]] = {
    "articles": _articles,
    "claims": _claims,
    "sagas": _sagas,
    "sources": _sources,
}
FORMATS = ("parquet", "csv", "jsonl")
# Integer columns that may be empty, kept integers (pandas would make them floats).
_NULLABLE = {"claims": {"fee_amount": "Int64", "fee_add_ons": "Int64"}}


def _iso(value: object) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {value!r} as JSON")


def table_frames(store: Store) -> dict[str, pd.DataFrame]:
    """Every exported table as a data frame, by name."""
    with store.engine.connect() as connection:
        return {name: pd.read_sql(query(), connection, dtype=_NULLABLE.get(name)) for name, query in _TABLES.items()}


def export_tables(store: Store, folder: Path, fmt: str) -> dict[Path, int]:
    """Write each table to ``folder/NAME.EXT`` (the folder is made if missing); rows per file."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r}: not one of {', '.join(FORMATS)}")
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, frame in table_frames(store).items():
        path = folder / f"{name}.{fmt}"
        if fmt == "parquet":
            frame.to_parquet(path, index=False)
        elif fmt == "csv":
            frame.to_csv(path, index=False)
        else:
            with path.open("w", encoding="utf-8") as out:
                for record in frame.astype(object).where(frame.notna(), None).to_dict(orient="records"):
                    out.write(json.dumps(record, ensure_ascii=False, default=_iso) + "\n")
        written[path] = len(frame)
    return written
