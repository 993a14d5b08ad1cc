from datetime import date, timedelta

from mercato.extract.injuries import find_injuries
from mercato.model import Evidence, InjuryClaim, InjuryStatus
from mercato.squad.availability import absences, default_return, match_claim
from mercato.squad.depth import build_depth_chart, build_squad
from mercato.squad.positions import Position
from mercato.squad.xi import best_xi

REAL_MADRID, ARSENAL = 418, 11  # Transfermarkt club ids
ARTICLE = (
    "Real Madrid are weighing up a move for a new defender. Ancelotti has used Federico "
    "Valverde at right-back, with Dani Carvajal out injured."
)


def _claim(name, status=InjuryStatus.INJURED, day=date(2026, 7, 1), injury=None, until=None):
    return InjuryClaim(name, status, Evidence("...", (0, 3)), until=until, injury=injury, reported_on=day)


def test_injury_claim_read_from_an_article_makes_the_player_unavailable(kb):
    published = date(2026, 7, 1)
    claims = find_injuries(ARTICLE, published)
    members = build_squad(kb.squad(REAL_MADRID), published + timedelta(days=7), claims)
    chart = build_depth_chart(REAL_MADRID, members, published + timedelta(days=7))
    carvajal = next(e for e in chart.positions[Position.RB] if e.member.name == "Daniel Carvajal")
    assert not carvajal.member.available
    assert "injured" in carvajal.member.absence.reason
    assert "Daniel Carvajal" not in {m.name for m in best_xi(members).members()}


def test_absence_ends_after_the_default_duration(kb):
    claims = [_claim("Bukayo Saka", injury="hamstring")]
    assert absences(claims, kb.squad(ARSENAL), date(2026, 7, 20))
    assert not absences(claims, kb.squad(ARSENAL), date(2026, 8, 1))


def test_later_fit_claim_ends_the_absence(kb):
    claims = [_claim("Bukayo Saka", injury="ACL"), _claim("Bukayo Saka", InjuryStatus.FIT, day=date(2026, 8, 1))]
    squad = kb.squad(ARSENAL)
    assert absences(claims, squad, date(2026, 7, 15))
    assert not absences(claims, squad, date(2026, 8, 2))


def test_claim_after_the_as_of_date_does_not_count(kb):
    assert not absences([_claim("Bukayo Saka")], kb.squad(ARSENAL), date(2026, 6, 1))


def test_text_return_date_overrides_the_default():
    claim = _claim("X", injury="ACL", until=date(2026, 7, 10))
    assert default_return(claim) == date(2026, 7, 10)


def test_default_durations_by_kind():
    day = date(2026, 7, 1)
    assert default_return(_claim("X", injury="ACL")) == day + timedelta(days=270)
    assert default_return(_claim("X", injury="hamstring")) == day + timedelta(days=28)
    assert default_return(_claim("X", InjuryStatus.SUSPENDED)) == day + timedelta(days=21)


def test_claim_matches_by_surname_only_when_unique(kb):
    squad = kb.squad(REAL_MADRID)
    assert match_claim(_claim("Dani Carvajal"), squad).name == "Daniel Carvajal"
    assert match_claim(_claim("García"), squad) is None  # Fran and Gonzalo García
