"""The rule book data: every rule cited, every referenced rule present, calendars complete."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

import pytest

from mercato.rules import Status, load_rulebook

BOOK = load_rulebook()


def test_every_rule_has_a_citation_and_a_status() -> None:
    for rule in BOOK.rules.values():
        assert rule.citation.strip(), rule.id
        assert isinstance(rule.status, Status)


def test_every_rule_a_regime_names_exists() -> None:
    for regime in (BOOK.international, *BOOK.domestic.values()):
        for field in fields(regime):
            value = getattr(regime, field.name)
            if field.name.endswith("_rule") and value:
                assert value in BOOK.rules, f"{regime.body}: {value}"


def test_one_regime_per_national_body() -> None:
    assert set(BOOK.domestic) == {"ENG", "ESP", "GER", "ITA", "FRA"}


@pytest.mark.parametrize("association", ["ENG", "ESP", "GER", "ITA", "FRA"])
@pytest.mark.parametrize("season_start", [2024, 2025, 2026])
def test_big_five_have_published_or_flagged_windows_each_season(association: str, season_start: int) -> None:
    periods = BOOK.periods_for(association)
    summer = [p for p in periods if p.start.year == season_start and p.start.month in (5, 6, 7)]
    winter = [p for p in periods if p.start.year == season_start + 1 and p.start.month == 1]
    assert summer and winter
    assert all(p.rule_id in BOOK.rules for p in summer + winter)


def test_club_world_cup_period_is_in_the_twenty_associations() -> None:
    holders = [a for a, periods in BOOK.periods.items() if any(p.rule_id == "FIFA-6-CWC2025" for p in periods)]
    assert len(holders) == 20 and "NED" not in holders
    assert any(date(2025, 6, 5) in p for p in BOOK.periods_for("KSA"))


def test_england_left_the_eu_eea_at_the_end_of_2020() -> None:
    assert BOOK.in_eu_eea("ENG", date(2020, 12, 31))
    assert not BOOK.in_eu_eea("ENG", date(2021, 1, 1))
