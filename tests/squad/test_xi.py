from datetime import date
from itertools import permutations

import pytest

from mercato.errors import MercatoError
from mercato.model import Evidence, InjuryClaim, InjuryStatus
from mercato.squad.depth import build_squad
from mercato.squad.positions import Position
from mercato.squad.xi import FORMATIONS, Slot, assign_slots, best_xi, formation_slots, slot_value

REAL_MADRID, LIVERPOOL, ARSENAL = 418, 31, 11  # Transfermarkt club ids


@pytest.mark.parametrize("formation", ["4-3-3", "4-2-3-1", "4-4-2", "3-5-2", "3-4-3"])
@pytest.mark.parametrize("club_id", [REAL_MADRID, LIVERPOOL, ARSENAL])
def test_best_xi_uses_eleven_distinct_available_players(kb, as_of, club_id, formation):
    members = build_squad(kb.squad(club_id), as_of)
    xi = best_xi(members, formation)
    picked = xi.members()
    assert len(picked) == 11
    assert len({m.player.id for m in picked}) == 11
    assert all(m.available for m in picked)
    assert [p.slot.name for p in xi.places] == [name for name, _ in FORMATIONS[formation]]


def test_best_xi_puts_a_goalkeeper_in_goal(kb, as_of):
    xi = best_xi(build_squad(kb.squad(ARSENAL), as_of))
    assert xi.places[0].member.role.natural == Position.GK


def _brute_force(members, slots):
    best = float("-inf")
    for chosen in permutations(members, len(slots)):
        values = [slot_value(m, s.position) for m, s in zip(chosen, slots, strict=True)]
        if None not in values:
            best = max(best, sum(values))
    return best


def test_assignment_is_optimal_against_brute_force_on_a_small_real_squad(kb, as_of):
    # Eight Arsenal players for five slots: 6,720 orderings to try.
    names = [
        "David Raya",
        "William Saliba",
        "Ben White",
        "Declan Rice",
        "Martin Ødegaard",
        "Bukayo Saka",
        "Kai Havertz",
        "Leandro Trossard",
    ]
    players = [next(p for p in kb.squad(ARSENAL) if p.name == n) for n in names]
    members = build_squad(players, as_of)
    slots = tuple(
        Slot(n, p)
        for n, p in [
            ("GK", Position.GK),
            ("CB", Position.CB),
            ("CM", Position.CM),
            ("RW", Position.RW),
            ("ST", Position.ST),
        ]
    )
    places, total = assign_slots(members, slots)
    assert total == pytest.approx(_brute_force(members, slots))
    assert len({id(p.member) for p in places}) == 5


def test_assignment_is_optimal_when_positions_must_be_covered(kb, as_of):
    # No natural full-back or winger among these: every cover has a price.
    names = [
        "Alisson",
        "Virgil van Dijk",
        "Ibrahima Konaté",
        "Alexis Mac Allister",
        "Dominik Szoboszlai",
        "Florian Wirtz",
        "Alexander Isak",
    ]
    players = [next(p for p in kb.squad(LIVERPOOL) if p.name == n) for n in names]
    members = build_squad(players, as_of)
    slots = tuple(
        Slot(n, p)
        for n, p in [
            ("GK", Position.GK),
            ("RB", Position.RB),
            ("LW", Position.LW),
            ("RW", Position.RW),
            ("CM", Position.CM),
            ("ST", Position.ST),
        ]
    )
    places, total = assign_slots(members, slots)
    assert total == pytest.approx(_brute_force(members, slots))


def test_injured_player_is_left_out_of_the_xi(kb, as_of):
    claim = InjuryClaim(
        "Bukayo Saka", InjuryStatus.INJURED, Evidence("Saka is out.", (0, 12)), injury="hamstring", reported_on=as_of
    )
    members = build_squad(kb.squad(ARSENAL), as_of, [claim])
    names = {m.name for m in best_xi(members).members()}
    assert "Bukayo Saka" not in names
    assert len(names) == 11


def test_short_squad_leaves_slots_empty(kb, as_of):
    members = build_squad(kb.squad(ARSENAL)[:5], date(2026, 7, 1))
    xi = best_xi(members)
    assert sum(p.member is None for p in xi.places) >= 6


def test_unknown_formation_names_the_known_ones():
    with pytest.raises(MercatoError, match="4-3-3"):
        formation_slots("2-3-5")
