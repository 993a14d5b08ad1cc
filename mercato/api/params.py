"""Bounds on every path and query parameter: a value out of them is a 422 naming it, never
a 500 from the database (an id past 64 bits, a name of 100,000 characters, the year 1)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Path, Query

__all__ = ["ArticleId", "ClubFilter", "ClubText", "Day", "Id", "Name", "Offset", "PlayerFilter", "Since"]

_ID_MAX = 2**63 - 1  # the database's integers
_NAME_MAX = 200  # the longest stored player or club name
_EARLIEST, _LATEST = date(1850, 1, 1), date(2100, 12, 31)

Id = Annotated[int, Path(ge=1, le=_ID_MAX, description="a stored id")]
ArticleId = Annotated[str, Path(min_length=1, max_length=_NAME_MAX, description="a stored article's id")]
ClubText = Annotated[str, Path(min_length=1, max_length=_NAME_MAX, description="a stored club's id or name")]
Name = Annotated[str | None, Query(min_length=1, max_length=_NAME_MAX)]
PlayerFilter = Annotated[
    str | None, Query(min_length=1, max_length=_NAME_MAX, description="player id, or (part of) a name")
]
ClubFilter = Annotated[
    str | None,
    Query(min_length=1, max_length=_NAME_MAX, description="club id, name, alias or nickname: moves to or from it"),
]
Day = Annotated[date | None, Query(ge=_EARLIEST, le=_LATEST, description="the date, YYYY-MM-DD (default today)")]
Since = Annotated[date | None, Query(ge=_EARLIEST, le=_LATEST, description="on or after this day, YYYY-MM-DD")]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000, description="items to skip")]
