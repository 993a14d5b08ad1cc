from datetime import date

from mercato.model import Evidence, InjuryClaim, InjuryStatus
from mercato.squad.depth import Move, build_depth_chart, build_squad, squad_as_of
from mercato.squad.needs import NeedKind, find_needs
from mercato.squad.positions import Position

REAL_MADRID, LIVERPOOL, ARSENAL = 418, 31, 11  # Transfermarkt club ids


def _needs(kb, club_id, as_of, moves=(), injuries=()):
    players = squad_as_of(kb, club_id, as_of, moves)
    chart = build_depth_chart(club_id, build_squad(players, as_of, injuries), as_of)
    return find_needs(chart)


def _without_right_backs(kb, club_id):
    return [Move(p, club_id, None) for p in kb.squad(club_id) if p.position == "RB"]


def test_removing_natural_right_backs_creates_a_need_at_right_back(kb, as_of):
    needs = _needs(kb, LIVERPOOL, as_of, _without_right_backs(kb, LIVERPOOL))
    rb = [n for n in needs if n.position == Position.RB]
    assert [n.kind for n in rb] == [NeedKind.NO_NATURAL]
    assert "no natural right-back" in rb[0].reason
    assert "can cover" in rb[0].reason and rb[0].players


def test_a_full_squad_has_a_natural_everywhere(kb, as_of):
    for club_id in (REAL_MADRID, LIVERPOOL, ARSENAL):
        kinds = {n.kind for n in _needs(kb, club_id, as_of)}
        assert NeedKind.NO_NATURAL not in kinds


def test_one_natural_left_is_thin(kb, as_of):
    moves = _without_right_backs(kb, ARSENAL)[1:]
    rb = [n for n in _needs(kb, ARSENAL, as_of, moves) if n.position == Position.RB]
    assert NeedKind.THIN in {n.kind for n in rb}


def test_starter_aged_32_or_more_is_ageing(kb, as_of):
    needs = _needs(kb, LIVERPOOL, as_of)
    ageing = [n for n in needs if n.kind == NeedKind.AGEING]
    assert any(n.position == Position.RW and "Mohamed Salah" in n.reason for n in ageing)


def test_contract_ending_within_12_months_is_expiring(kb):
    needs = _needs(kb, LIVERPOOL, date(2026, 7, 1))
    expiring = [n for n in needs if n.kind == NeedKind.EXPIRING and n.position == Position.RW]
    assert expiring and "Mohamed Salah" in expiring[0].players
    assert not [
        n for n in _needs(kb, LIVERPOOL, date(2025, 1, 1)) if n.kind == NeedKind.EXPIRING and n.position == Position.RW
    ]


def _injured(name, day):
    return InjuryClaim(name, InjuryStatus.INJURED, Evidence(f"{name} is out injured.", (0, 10)), reported_on=day)


def test_injured_starter_is_a_need(kb, as_of):
    needs = _needs(kb, ARSENAL, as_of, injuries=[_injured("William Saliba", as_of)])
    unavailable = [n for n in needs if n.kind == NeedKind.UNAVAILABLE]
    assert [n.position for n in unavailable] == [Position.CB]
    assert "William Saliba" in unavailable[0].reason


def test_every_natural_out_leaves_the_position_covered_out_of_position(kb, as_of):
    keep, *gone = [p for p in kb.squad(LIVERPOOL) if p.position == "RB"]
    moves = [Move(p, LIVERPOOL, None) for p in gone]
    needs = _needs(kb, LIVERPOOL, as_of, moves, injuries=[_injured(keep.name, as_of)])
    rb = [n for n in needs if n.position == Position.RB]
    assert rb[0].kind == NeedKind.OUT_OF_POSITION
    assert "covered only out of position" in rb[0].reason


def test_needs_have_reasons_and_json(kb, as_of):
    for need in _needs(kb, REAL_MADRID, as_of):
        data = need.to_json()
        assert set(data) == {"position", "kind", "reason", "players"}
        assert need.reason
