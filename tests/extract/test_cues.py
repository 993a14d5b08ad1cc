import pytest

from mercato.extract.cues import deal_type_of, renewal_stage, stage_cues
from mercato.model import DealType, Stage


def top_stage(clause: str) -> Stage | None:
    cues = stage_cues(clause)
    if any(c.stage is Stage.OFF for c in cues):
        return Stage.OFF
    ranked = [Stage.INTEREST if c.hedged else c.stage for c in cues]
    return max(ranked, key=lambda s: s.rank) if ranked else None


@pytest.mark.parametrize(
    "clause, stage",
    [
        ("Newcastle are monitoring the striker", Stage.INTEREST),
        ("Arsenal have submitted a bid for the midfielder", Stage.APPROACH),
        ("Bayern have opened talks with City", Stage.NEGOTIATING),
        ("the clubs have agreed a fee for the defender", Stage.AGREED),
        ("he will undergo a medical on Monday", Stage.MEDICAL),
        ("Chelsea have completed the signing of the winger", Stage.COMPLETED),
        ("the move collapsed on deadline day", Stage.OFF),
        ("United have pulled out of the race", Stage.OFF),
    ],
)
def test_stage_ladder_from_journalists_words(clause, stage):
    assert top_stage(clause) is stage


def test_hedges_do_not_inflate_the_stage():
    assert top_stage("Liverpool could make a bid for him") is Stage.INTEREST


def test_negation_voids_a_cue():
    assert top_stage("United are yet to agree a fee") is None


def test_joining_a_race_is_interest_not_a_signing():
    assert top_stage("City have joined Chelsea in the race for the defender") is Stage.INTEREST


def test_a_seller_listening_to_offers_is_not_an_approach():
    assert top_stage("Chelsea are willing to listen to offers") is None


@pytest.mark.parametrize(
    "text, deal_type",
    [
        ("joined on a season-long loan with an obligation to buy", DealType.LOAN_OBLIGATION),
        ("an initial loan deal with an option to buy", DealType.LOAN_OPTION),
        ("signed for Arsenal on loan with no obligation to buy", DealType.LOAN),
        ("he will leave on a free transfer when his contract expires", DealType.FREE),
        ("a £50m bid was rejected", DealType.PERMANENT),
        ("the two clubs are in talks", DealType.UNKNOWN),
    ],
)
def test_deal_type_from_the_terms_stated(text, deal_type):
    assert deal_type_of([text]) is deal_type


@pytest.mark.parametrize(
    "clause, stage",
    [
        ("the striker has signed a new contract until 2028", Stage.COMPLETED),
        ("the club are in talks over a new deal", Stage.NEGOTIATING),
        ("they have stopped attempting to extend his contract", Stage.OFF),
    ],
)
def test_renewal_stages(clause, stage):
    found = renewal_stage(clause)
    assert found is not None and found[0] is stage


def test_a_refused_renewal_is_not_recorded():
    assert renewal_stage("he turned down a new contract") is None


def test_renewed_interest_is_not_a_renewal():
    assert renewal_stage("West Ham have renewed their interest in the striker") is None
