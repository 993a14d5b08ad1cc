from datetime import date

import pytest

from mercato.kb import fold, load_kb, name_key
from mercato.kb.link import linker_for, prepare_text
from mercato.model import Player


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.mark.parametrize(
    "surface, club",
    [
        ("Man Utd", "Manchester United"),
        ("Spurs", "Tottenham Hotspur"),
        ("Barça", "Barcelona"),
        ("Inter", "Inter Milan"),
        ("Sporting Lisbon", "Sporting CP"),
        ("Al Nassr", "Al-Nassr"),
        ("PSG", "Paris Saint-Germain"),
        ("the Toffees", "Everton"),
        ("Juve", "Juventus"),
    ],
)
def test_aliases_and_nicknames_link_to_canonical_clubs(kb, surface, club):
    found = kb.club_named(surface)
    assert found is not None and found.name == club


def test_clubs_carry_country_and_league(kb):
    club = kb.club_named("Real Madrid")
    assert (club.country, club.league) == ("Spain", "LaLiga")


def test_a_city_of_several_clubs_does_not_name_a_minor_one(kb):
    assert kb.club_named("Paris FC").name == "Paris FC"
    assert kb.club_named("Paris Saint-Germain").name == "Paris Saint-Germain"


def test_players_have_birth_date_position_and_contract(kb):
    player = kb.player_named("Trent Alexander-Arnold")
    assert player.birth_date.year == 1998 and player.position == "RB" and player.contract_expiry


def test_squads_come_from_the_current_snapshot(kb):
    squad = kb.squad(kb.club_named("Arsenal").id)
    assert 15 <= len(squad) <= 45
    assert all(p.current_club_id == kb.club_named("Arsenal").id for p in squad)


def test_fold_and_name_key_forgive_accents_case_and_suffixes():
    assert fold("Gyökeres Mbappé Barça") == "Gyokeres Mbappe Barca"
    assert name_key("Tottenham Hotspur FC") == name_key("tottenham hotspur")


def test_linker_finds_all_caps_names_and_acronyms(kb):
    text = prepare_text("MANCHESTER UNITED want PSG striker Kylian Mbappé.")
    linker = linker_for(kb)
    clubs, players = linker.names_in(text)
    assert [kb.clubs[m.ids[0]].name for m in clubs] == ["Manchester United", "Paris Saint-Germain"]
    assert [linker.player(m.ids[0]).name for m in players] == ["Kylian Mbappé"]


def test_a_players_club_at_a_date_follows_the_transfer_history(kb):
    guehi = kb.player_named("Marc Guehi")
    clubs = {day: kb.clubs[kb.club_at(guehi, day)].name for day in (date(2021, 8, 1), date(2025, 9, 2))}
    assert clubs == {date(2021, 8, 1): "Crystal Palace", date(2025, 9, 2): "Crystal Palace"}
    assert kb.club_at(guehi, date(2026, 9, 1)) == guehi.current_club_id  # from the snapshot on, the snapshot's
    assert [m.on for m in kb.moves_of(guehi)] == sorted(m.on for m in kb.moves_of(guehi))
    assert kb.moves_of(guehi)[-1].fee_eur == 23_340_000  # Chelsea to Crystal Palace, July 2021


def test_a_player_first_met_in_an_article_has_no_history(kb):
    stranger = Player(name="Jack Bloggs", current_club_id=631)
    assert kb.moves_of(stranger) == () and kb.club_at(stranger, date(2020, 1, 1)) == 631


@pytest.mark.parametrize(
    "text, name",
    [
        ("Bowen", "Jarrod Bowen"),
        ("marc guéhi", "Marc Guéhi"),
        ("Alexander-Arnold", "Trent Alexander-Arnold"),
        ("isak", "Alexander Isak"),
    ],
)
def test_a_name_as_people_write_it_finds_the_best_known_player(kb, text, name):
    assert kb.player_matching(text).name == name


def test_a_name_no_player_has_finds_nobody(kb):
    assert kb.player_matching("Zzyzx Qwerty") is None and kb.player_matching("  ") is None
