from mercato.squad.positions import COVERAGE, EMERGENCY_PENALTY, Position, penalty, role_of


def test_every_transfermarkt_code_maps_to_a_natural_position():
    for code in ("GK", "CB", "LB", "RB", "DM", "CM", "AM", "LM", "RM", "LW", "RW", "SS", "CF"):
        assert role_of(code).natural in Position


def test_centre_forward_and_second_striker_are_strikers():
    assert role_of("CF").natural == Position.ST
    assert role_of("SS").natural == Position.ST
    assert penalty(role_of("SS"), Position.AM) < penalty(role_of("CF"), Position.AM)


def test_natural_position_costs_nothing_and_covers_cost_something():
    for code, (natural, covers) in COVERAGE.items():
        role = role_of(code)
        assert penalty(role, natural) == 0.0
        assert all(0 < cost < EMERGENCY_PENALTY for cost in covers.values()), code


def test_only_goalkeepers_keep_goal():
    assert penalty(role_of("CB"), Position.GK) is None
    assert penalty(role_of("GK"), Position.ST) is None


def test_uncovered_outfield_position_is_an_emergency():
    assert penalty(role_of("CF"), Position.CB) == EMERGENCY_PENALTY
