"""Bounds on every path and query parameter: a value out of them is a 422 naming it, never
a 500 from the database (an id past 64 bits, a name of 100,000 characters, the year 1)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

from mercato.api.schemas import IsoDay
from mercato.model import ID_MAX

__all__ = ["ArticleId", "ClubFilter", "ClubText", "Day", "Id", "Name", "Offset", "PlayerFilter", "Since"]

_NAME_MAX = 200  # the longest stored player or club name

Id = Annotated[int, Path(ge=1, le=ID_MAX, description="a stored id")]
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
Day = Annotated[IsoDay | None, Query(description="the date, YYYY-MM-DD (default today)")]
Since = Annotated[IsoDay | None, Query(description="on or after this day, YYYY-MM-DD")]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000, description="items to skip")]
