from dataclasses import replace
from datetime import date

import pytest

from mercato.model import Player
from mercato.squad.depth import (
    Move,
    age_on,
    build_depth_chart,
    build_squad,
    market_value_quality,
    squad_as_of,
    squad_source,
)
from mercato.squad.positions import Position

REAL_MADRID, LIVERPOOL, ARSENAL = 418, 31, 11  # Transfermarkt club ids


@pytest.mark.parametrize("club_id", [REAL_MADRID, LIVERPOOL, ARSENAL])
def test_every_position_is_filled_from_the_clubs_players(kb, as_of, club_id):
    players = squad_as_of(kb, club_id, as_of)
    chart = build_depth_chart(club_id, build_squad(players, as_of), as_of)
    ids = {p.id for p in kb.squad(club_id)}
    for position in Position:
        entries = chart.positions[position]
        assert entries, position
        assert {e.member.player.id for e in entries} <= ids


def test_naturals_come_first_ordered_by_quality(kb, as_of):
    chart = build_depth_chart(LIVERPOOL, build_squad(kb.squad(LIVERPOOL), as_of), as_of)
    rb = chart.positions[Position.RB]
    naturals = [e for e in rb if e.natural]
    assert [e.member.name for e in naturals][:2] == ["Jeremie Frimpong", "Conor Bradley"]
    assert rb[: len(naturals)] == tuple(naturals)
    ratings = [e.rating for e in naturals]
    assert ratings == sorted(ratings, reverse=True)


def test_age_is_taken_on_the_as_of_date():
    assert age_on(date(1998, 10, 7), date(2026, 10, 6)) == 27
    assert age_on(date(1998, 10, 7), date(2026, 10, 7)) == 28


def test_market_value_quality_is_a_rating_in_unit_range():
    assert market_value_quality(Player("No Value")) == 0.0
    assert market_value_quality(Player("Star", market_value_eur=10**9)) == 1.0
    cheap = market_value_quality(Player("A", market_value_eur=5_000_000))
    dear = market_value_quality(Player("B", market_value_eur=50_000_000))
    assert 0 < cheap < dear < 1


def test_quality_measure_is_replaceable(kb, as_of):
    def left_footed(player):
        return 1.0 if player.foot == "left" else 0.0

    members = build_squad(kb.squad(ARSENAL), as_of, quality=left_footed)
    assert {m.quality for m in members} == {0.0, 1.0}


def test_completed_move_after_the_snapshot_changes_the_squad(kb, as_of):
    salah = kb.player_named("Mohamed Salah")
    move = Move(salah, LIVERPOOL, None, completed=date(2026, 6, 20))
    assert salah not in squad_as_of(kb, LIVERPOOL, as_of, [move])
    assert salah in squad_as_of(kb, LIVERPOOL, date(2026, 6, 10), [move])


def test_move_adds_the_player_to_his_new_club(kb, as_of):
    isak = kb.player_named("Alexander Isak")
    move = Move(isak, LIVERPOOL, ARSENAL, completed=date(2026, 6, 20))
    assert isak in squad_as_of(kb, ARSENAL, as_of, [move])
    assert isak not in squad_as_of(kb, LIVERPOOL, as_of, [move])


def test_move_before_the_snapshot_is_already_in_it(kb, as_of):
    isak = kb.player_named("Alexander Isak")
    move = Move(isak, LIVERPOOL, ARSENAL, completed=date(2025, 9, 1))
    assert squad_as_of(kb, ARSENAL, as_of, [move]) == kb.squad(ARSENAL)


def test_what_if_move_applies_whatever_the_date(kb):
    newcomer = replace(kb.player_named("Alexander Isak"), id=None, name="Test Newcomer")
    players = squad_as_of(kb, ARSENAL, date(2020, 1, 1), [Move(newcomer, None, ARSENAL)])
    assert newcomer in players


def test_a_past_squad_comes_from_the_transfer_history(kb):
    names = {p.name: p for p in squad_as_of(kb, ARSENAL, date(2019, 9, 1))}
    assert "Bernd Leno" in names and "Declan Rice" not in names  # Rice joined in July 2023
    west_ham = kb.club_named("West Ham United").id
    assert "Declan Rice" in {p.name for p in squad_as_of(kb, west_ham, date(2019, 9, 1))}
    assert names["Bernd Leno"].contract_expiry is None  # the snapshot's contract is his Fulham one
    assert all(p.birth_date is None or p.birth_date.year <= 2003 for p in names.values())  # 16 or older


def test_the_squad_says_where_it_comes_from(kb):
    assert squad_source(date(2019, 9, 1)).startswith("the transfer history on 2019-09-01")
    assert squad_source(date(2026, 9, 1)).startswith("the reference snapshot of June 2026")
