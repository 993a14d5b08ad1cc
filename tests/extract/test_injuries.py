from datetime import date

import pytest

from mercato.extract.injuries import find_injuries
from mercato.model import InjuryStatus

PUBLISHED = date(2025, 1, 15)


@pytest.mark.parametrize(
    "text, player, status, injury",
    [
        (
            "The coach picked Tom Baker at full-back, with Sam Heller out injured.",
            "Sam Heller",
            InjuryStatus.INJURED,
            None,
        ),
        (
            "Northfield striker Leo Marsh has been ruled out for the season with a knee injury.",
            "Leo Marsh",
            InjuryStatus.INJURED,
            "season",
        ),
        (
            "Ivo Brankovic will undergo surgery after suffering an ACL injury in training.",
            "Ivo Brankovic",
            InjuryStatus.INJURED,
            "ACL",
        ),
        (
            "Carlos Vela Ruiz is sidelined with a hamstring strain.",
            "Carlos Vela Ruiz",
            InjuryStatus.INJURED,
            "hamstring",
        ),
        (
            "Midfielder Paul Ode is suspended for the derby after his red card.",
            "Paul Ode",
            InjuryStatus.SUSPENDED,
            "suspension",
        ),
        ("Jan van der Berg is back in training after his ankle problem.", "Jan van der Berg", InjuryStatus.FIT, None),
    ],
)
def test_injury_claim_names_player_status_and_injury(text, player, status, injury):
    (claim,) = find_injuries(text, PUBLISHED)
    assert (claim.player, claim.status, claim.injury) == (player, status, injury)
    assert claim.evidence.sentence == text
    assert claim.reported_on == PUBLISHED


def test_two_players_in_one_sentence_get_their_own_claims():
    text = (
        "Westbury are short up front, with Ray Dunn out for the long run with an ACL injury "
        "and Tim Oakes not expected back until March after hamstring surgery."
    )
    claims = find_injuries(text, PUBLISHED)
    assert [(c.player, c.injury) for c in claims] == [("Ray Dunn", "ACL"), ("Tim Oakes", "surgery")]
    assert claims[1].until == date(2025, 3, 1)


@pytest.mark.parametrize(
    "text, until",
    [
        ("Ola Svensson is injured and will miss the next two to three weeks.", date(2025, 2, 5)),
        ("Ola Svensson has been ruled out for the rest of the season.", date(2025, 6, 30)),
        ("Ola Svensson picked up a thigh injury and is out for six weeks.", date(2025, 2, 26)),
    ],
)
def test_return_date_is_read_from_the_text(text, until):
    (claim,) = find_injuries(text, PUBLISHED)
    assert claim.until == until


def test_return_date_needs_a_publication_date():
    (claim,) = find_injuries("Ola Svensson is out for six weeks with a calf injury.", None)
    assert claim.until is None


@pytest.mark.parametrize(
    "text",
    [
        "The Reds need reinforcements because of their injury crisis.",
        "Northfield won 2-1 with a goal in injury time.",
        "Westbury signed Ola Svensson from Eastfield for £20m.",
    ],
)
def test_no_claim_without_a_players_absence(text):
    assert find_injuries(text, PUBLISHED) == ()


def test_club_before_a_possessive_is_not_the_injured_player():
    text = "Eastfield Rovers' captain Dan Moss will undergo knee surgery."
    assert [c.player for c in find_injuries(text, PUBLISHED)] == ["Dan Moss"]


def test_possessive_player_with_his_injury():
    (claim,) = find_injuries("Dan Moss's hamstring injury is worse than feared.", PUBLISHED)
    assert claim.player == "Dan Moss"


def test_evidence_span_points_into_the_text():
    text = "Westbury lost again. Ola Svensson is out injured."
    (claim,) = find_injuries(text, PUBLISHED)
    start, end = claim.evidence.span
    assert text[start:end] == claim.evidence.sentence
