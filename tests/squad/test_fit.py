from mercato.squad.depth import Move, build_squad, squad_as_of
from mercato.squad.fit import assess_fit
from mercato.squad.needs import NeedKind
from mercato.squad.positions import Position

REAL_MADRID, LIVERPOOL, ARSENAL = 418, 31, 11  # Transfermarkt club ids


def _fit(kb, as_of, name, club_id, moves=()):
    members = build_squad(squad_as_of(kb, club_id, as_of, moves), as_of)
    (target,) = build_squad([kb.player_named(name)], as_of)
    return assess_fit(target, members, club_id, as_of)


def test_trent_takes_right_back_at_real_madrid_and_displaces_carvajal(kb, as_of):
    fit = _fit(kb, as_of, "Trent Alexander-Arnold", REAL_MADRID)
    assert fit.position == Position.RB
    assert fit.displaces == ("Daniel Carvajal",)
    assert any(p.member and p.member.name == "Trent Alexander-Arnold" for p in fit.xi_after.places)
    assert 0.0 <= fit.score <= 1.0
    assert fit.explanation[0].startswith(f"fit {fit.score:.2f}")


def test_target_fills_the_need_left_by_missing_right_backs(kb, as_of):
    moves = [Move(p, LIVERPOOL, None) for p in kb.squad(LIVERPOOL) if p.position == "RB"]
    fit = _fit(kb, as_of, "Trent Alexander-Arnold", LIVERPOOL, moves)
    assert fit.position == Position.RB
    assert NeedKind.NO_NATURAL in {n.kind for n in fit.needs_filled}
    assert fit.parts["need"] == 1.0


def test_weaker_older_target_backs_up_and_scores_low(kb, as_of):
    fit = _fit(kb, as_of, "Virgil van Dijk", ARSENAL)
    assert fit.displaces == ()
    assert fit.backs_up and "William Saliba" in fit.backs_up
    good = _fit(kb, as_of, "Trent Alexander-Arnold", REAL_MADRID)
    assert fit.score < good.score


def test_fit_compares_target_with_incumbents(kb, as_of):
    fit = _fit(kb, as_of, "Trent Alexander-Arnold", REAL_MADRID)
    assert [c.player for c in fit.incumbents] == ["Daniel Carvajal"]
    assert fit.target.age < fit.incumbents[0].age


def test_fit_json_has_the_documented_keys(kb, as_of):
    data = _fit(kb, as_of, "Florian Wirtz", REAL_MADRID).to_json()
    assert {"position", "fit", "explanation", "displaces"} <= set(data)
    assert 0.0 <= data["fit"] <= 1.0
