"""The likelihood model (mercato/sagas/likelihood.py) and source track records (mercato/sagas/sources.py)."""

import math
from dataclasses import replace
from datetime import date

import pytest

from mercato.kb import load_kb
from mercato.model import DealType, Evidence, Stage, TransferClaim
from mercato.rules import load_rulebook
from mercato.sagas import ReportedClaim
from mercato.sagas.likelihood import (
    FEATURES,
    Likelihood,
    SagaContext,
    independent_reports,
    load_model,
    model_json,
    registration_window_open,
    saga_features,
    score_features,
    score_sagas,
    share_between_destinations,
)
from mercato.sagas.sources import load_sources, track_records

AS_OF = date(2025, 6, 20)


@pytest.fixture(scope="module")
def model():
    return load_model()


@pytest.fixture(scope="module")
def book():
    return load_sources()


def _claim(
    sentence="Girona are keen on Ana Ruiz.",
    outlet="BBC Sport",
    day=18,
    stage=Stage.INTEREST,
    article=None,
    to_club="Girona",
    player="Ana Ruiz",
    hedged=False,
):
    claim = TransferClaim(
        player=player,
        to_club=to_club,
        stage=stage,
        deal_type=DealType.UNKNOWN,
        evidence=Evidence(sentence, (0, len(sentence))),
        hedged=hedged,
        article_id=article or f"{outlet}-{day}-{to_club}",
    )
    return ReportedClaim(claim, date(2025, 6, day), outlet)


def _likelihood(claims, model, book, stage=Stage.INTEREST, context=None, reliability=None):
    features = saga_features(claims, stage, AS_OF, reliability or {}, book, model, context or SagaContext())
    return score_features(features, model)


def test_copies_of_one_sentence_count_as_one_report(book):
    claims = [_claim(outlet="BBC Sport"), _claim("Girona are keen on Ana Ruiz!", outlet="ESPN")]
    assert len(independent_reports(claims, book)) == 1


def test_outlets_of_one_newsroom_count_as_one_report(book):
    claims = [
        _claim("Girona want Ruiz.", outlet="Daily Mirror"),
        _claim("Ruiz is wanted by Girona, sources say.", outlet="Daily Express"),
    ]
    assert len(independent_reports(claims, book)) == 1


def test_different_outlets_with_their_own_sentences_are_independent(book):
    claims = [
        _claim("Girona want Ruiz.", outlet="Daily Mirror"),
        _claim("Ruiz is wanted by Girona, sources say.", outlet="The Guardian"),
    ]
    assert len(independent_reports(claims, book)) == 2


def test_more_independent_outlets_make_a_saga_likelier(model, book):
    one = _likelihood([_claim("Girona want Ruiz.", outlet="The Guardian")], model, book)
    two = _likelihood(
        [
            _claim("Girona want Ruiz.", outlet="The Guardian"),
            _claim("Talks over Ruiz to Girona have begun.", outlet="Kicker"),
        ],
        model,
        book,
    )
    assert two.value > one.value


def test_a_more_advanced_stage_is_likelier(model, book):
    claims = [_claim()]
    values = [
        _likelihood(claims, model, book, stage).value
        for stage in (Stage.INTEREST, Stage.NEGOTIATING, Stage.AGREED, Stage.MEDICAL)
    ]
    assert values == sorted(values)


def test_stale_rumours_fade(model, book):
    fresh = _likelihood([_claim(day=18)], model, book)
    stale = _likelihood([replace(_claim(), published=date(2025, 1, 2))], model, book)
    assert stale.value < fresh.value


def test_a_reliable_source_makes_a_saga_likelier(model, book):
    claims = [_claim(outlet="The Guardian")]
    trusted = _likelihood(claims, model, book, reliability={"The Guardian": 0.6})
    doubted = _likelihood(claims, model, book, reliability={"The Guardian": 0.15})
    assert trusted.value > doubted.value


def test_hedged_claims_lower_the_likelihood(model, book):
    plain = _likelihood([_claim()], model, book)
    hedged = _likelihood([_claim(hedged=True)], model, book)
    assert hedged.value < plain.value


def test_an_expiring_contract_makes_a_move_likelier(model, book):
    claims = [_claim()]
    expiring = _likelihood(claims, model, book, context=SagaContext(date(2025, 6, 30)))
    long_contract = _likelihood(claims, model, book, context=SagaContext(date(2029, 6, 30)))
    assert expiring.value > long_contract.value


def test_an_open_window_makes_a_move_likelier(model, book):
    claims = [_claim()]
    opened = _likelihood(claims, model, book, context=SagaContext(window_open=True))
    closed = _likelihood(claims, model, book, context=SagaContext(window_open=False))
    assert opened.value > closed.value


def test_factor_contributions_add_up_to_the_log_odds(model, book):
    likelihood = _likelihood([_claim()], model, book, Stage.NEGOTIATING, SagaContext(date(2025, 12, 31), True))
    log_odds = sum(f.contribution for f in likelihood.factors)
    assert likelihood.value == pytest.approx(1 / (1 + math.exp(-log_odds)))
    assert [f.name for f in likelihood.factors][:2] == ["base rate", "stage"]


def test_completed_is_certain_and_off_is_nil(model, book):
    assert _likelihood([_claim()], model, book, Stage.COMPLETED).value == 1.0
    assert _likelihood([_claim()], model, book, Stage.OFF).value == 0.0


def test_competing_destinations_sum_to_at_most_one(model, book):
    groups = {
        ("Ana Ruiz", club): [_claim(f"{club} agree a fee for Ruiz.", outlet=outlet, to_club=club)]
        for club, outlet in [("Girona", "BBC Sport"), ("Celta Vigo", "Marca"), ("Sevilla", "AS")]
    }
    stages = dict.fromkeys(groups, Stage.MEDICAL)
    scored = score_sagas(groups, stages, AS_OF, {}, book, model)
    assert sum(lk.value for lk in scored.values()) == pytest.approx(1.0)
    assert all(lk.factors[-1].name == "competing destinations" for lk in scored.values())


def test_a_lone_saga_is_not_scaled():
    alone = {("A", "B"): Likelihood(0.4, 0.4, ())}
    assert share_between_destinations(alone) == alone


def test_window_open_follows_the_rules_calendar():
    kb, rules = load_kb(), load_rulebook()
    arsenal = kb.club_named("Arsenal")
    assert registration_window_open(arsenal, date(2025, 7, 15), rules) is True
    assert registration_window_open(arsenal, date(2025, 10, 15), rules) is False


def test_the_shipped_model_cites_its_priors_and_round_trips(model):
    doc = model_json(model)
    assert "BBC" in doc["citations"]["base_rate"]
    assert set(model.weights) == set(FEATURES)
    assert model.stage_only[Stage.AGREED] > model.stage_only[Stage.INTEREST]


# --- source track records --------------------------------------------------------------


def test_a_source_scores_a_hit_when_the_saga_completes_and_a_miss_when_it_dies(model, book):
    groups = {
        ("Ana Ruiz", "Girona"): [_claim(outlet="Daily Mail")],
        ("Ana Ruiz", "Celta Vigo"): [_claim(outlet="Daily Mail", to_club="Celta Vigo")],
        ("Ana Ruiz", "Sevilla"): [_claim(outlet="Daily Mail", to_club="Sevilla")],
    }
    stages = {
        ("Ana Ruiz", "Girona"): Stage.COMPLETED,
        ("Ana Ruiz", "Celta Vigo"): Stage.OFF,
        ("Ana Ruiz", "Sevilla"): Stage.INTEREST,
    }
    record = track_records(groups, stages, book, model.source_priors)["Daily Mail"]
    assert (record.claims, record.hits, record.misses) == (3, 1, 1)
    assert record.reliability == pytest.approx((2.7 + 1) / (10 + 2))


def test_only_predictions_score_not_reports_of_the_outcome_nor_copies(model, book):
    key = ("Ana Ruiz", "Girona")
    claims = [
        _claim("Girona are keen on Ana Ruiz.", outlet="Daily Mail", day=3),
        _claim("Girona are keen on Ana Ruiz.", outlet="Daily Express", day=4),  # a copy of the Mail's line
        _claim("Girona have signed Ana Ruiz.", outlet="The Athletic", day=9, stage=Stage.COMPLETED),
        _claim("Girona open talks for Ana Ruiz.", outlet="TEAMtalk", day=12, stage=Stage.NEGOTIATING),
    ]
    records = track_records({key: claims}, {key: Stage.COMPLETED}, book, model.source_priors, {key: date(2025, 6, 9)})
    scored = {name: (r.claims, r.hits, r.misses) for name, r in records.items()}
    # The Mail predicted it; the Express copied it; The Athletic reported it done; TEAMtalk wrote after
    assert scored == {
        "Daily Mail": (1, 1, 0),
        "Daily Express": (1, 0, 0),
        "The Athletic": (1, 0, 0),
        "TEAMtalk": (1, 0, 0),
    }
    assert not records["Daily Mail"].ranked and records["Daily Mail"].scored == 1


def test_the_tier_sets_the_prior_reliability(model, book):
    groups = {("Ana Ruiz", "Girona"): [_claim(outlet="The Athletic"), _claim("x", outlet="TEAMtalk")]}
    records = track_records(groups, {("Ana Ruiz", "Girona"): Stage.INTEREST}, book, model.source_priors)
    assert records["The Athletic"].reliability > records["TEAMtalk"].reliability
    low, high = records["The Athletic"].interval
    assert low < records["The Athletic"].reliability < high


def test_outlet_aliases_share_one_record(model, book):
    groups = {("Ana Ruiz", "Girona"): [_claim(outlet="Sky Sports"), _claim("y", outlet="Sky Sports News")]}
    records = track_records(groups, {("Ana Ruiz", "Girona"): Stage.INTEREST}, book, model.source_priors)
    assert list(records) == ["Sky Sports News"]
