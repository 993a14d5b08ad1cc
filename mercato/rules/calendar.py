"""Dates the rules turn on: the six-month date, England's approach date, registration days."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from mercato.rules.model import Period, RuleBook, RuleOptions

__all__ = [
    "england_approach_date",
    "first_registration",
    "months_before",
    "six_month_date",
    "third_friday_of_may",
]

_ONE_DAY = timedelta(days=1)


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier, clamped to the month's end (31 Aug -> 28 Feb)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def six_month_date(expiry: date, months: int = 6) -> date:
    """First day a player may agree terms elsewhere: ``(expiry + 1 day) - 6 months``.

    RSTP Art. 18.3: free to sign once the contract "is due to expire within six months";
    a 30 June expiry opens on 1 January, a 31 May expiry on 1 December.
    """
    return months_before(expiry + _ONE_DAY, months)


def third_friday_of_may(year: int) -> date:
    """The fallback English approach date for a season with no final matchday listed."""
    first = date(year, 5, 1)
    first_friday = first + timedelta(days=(4 - first.weekday()) % 7)
    return first_friday + timedelta(weeks=2)


def england_approach_date(expiry: date, book: RuleBook, options: RuleOptions) -> tuple[date, bool]:
    """First day another English club may approach the player, and whether the season table gave it.

    ENG-APPROACH-OPEN (unverified): for a contract ending at the season's end (May to
    July), the day after the final Premier League matchday, or ``options.england_approach``;
    for any other expiry, the first day of the contract's final month.
    """
    if expiry.month not in (5, 6, 7):
        return expiry.replace(day=1), False
    if options.england_approach:
        month, day = (int(part) for part in options.england_approach.split("-"))
        opens, from_table = date(expiry.year, month, day), False
    elif expiry.year in book.season_end:
        opens, from_table = book.season_end[expiry.year] + _ONE_DAY, True
    else:
        opens, from_table = third_friday_of_may(expiry.year), False
    return min(opens, expiry + _ONE_DAY), from_table


def _latest_closed(periods: tuple[Period, ...], day: date) -> Period | None:
    closed = [p for p in periods if p.end < day]
    return max(closed, key=lambda p: p.end) if closed else None


def first_registration(
    periods: tuple[Period, ...], start: date, free_from: date | None, free_agent: bool
) -> tuple[date, Period | None, bool] | None:
    """First day from ``start`` a club can register the player, the period used, and
    whether the free-agent exception (out of contract before a period closed) was used.

    ``free_agent``: the player will be out of contract (since ``free_from``; None: long
    since) rather than transferred; RSTP Art. 6.1 then allows registration outside a
    period if he was free before the end of the last one.
    """
    inside = [p for p in periods if start in p]
    if inside:
        return start, inside[0], False
    if free_agent:
        closed = _latest_closed(periods, start)
        if closed is not None and (free_from is None or free_from <= closed.end):
            return start, closed, True
    upcoming = [p for p in periods if p.start > start]
    if not upcoming:
        return None
    following = min(upcoming, key=lambda p: p.start)
    return following.start, following, False
