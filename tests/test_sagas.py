"""Merging claims into sagas (mercato/sagas.py)."""

from datetime import date

from mercato.model import DealType, Evidence, Stage, TransferClaim
from mercato.sagas import ReportedClaim, merge_sagas


def _reported(stage, day, player="Ana Ruiz", to_club="Girona", article="a", from_club=None):
    claim = TransferClaim(
        player=player,
        to_club=to_club,
        stage=stage,
        deal_type=DealType.UNKNOWN,
        evidence=Evidence("A sentence.", (0, 11)),
        from_club=from_club,
        article_id=article,
    )
    return ReportedClaim(claim, date(2025, 1, day) if day else None, "Example Sport")


def test_claims_group_by_player_and_destination():
    sagas = merge_sagas(
        [
            _reported(Stage.INTEREST, 1, to_club="Girona"),
            _reported(Stage.INTEREST, 2, to_club="Celta Vigo"),
            _reported(Stage.APPROACH, 3, to_club="Girona", article="b"),
        ]
    )
    assert [(s.to_club, len(s.claims)) for s in sagas] == [("Girona", 2), ("Celta Vigo", 1)]


def test_stage_is_the_most_advanced_reported():
    [saga] = merge_sagas(
        [
            _reported(Stage.AGREED, 1, article="a"),
            _reported(Stage.INTEREST, 5, article="b"),
        ]
    )
    assert saga.stage is Stage.AGREED


def test_a_later_denial_makes_the_saga_off():
    [saga] = merge_sagas([_reported(Stage.NEGOTIATING, 1), _reported(Stage.OFF, 2, article="b")])
    assert saga.stage is Stage.OFF


def test_a_claim_after_the_denial_revives_the_saga():
    [saga] = merge_sagas(
        [
            _reported(Stage.NEGOTIATING, 1),
            _reported(Stage.OFF, 2, article="b"),
            _reported(Stage.APPROACH, 3, article="c"),
        ]
    )
    assert saga.stage is Stage.APPROACH


def test_completed_is_final():
    [saga] = merge_sagas([_reported(Stage.COMPLETED, 1), _reported(Stage.OFF, 4, article="b")])
    assert saga.stage is Stage.COMPLETED


def test_saga_counts_articles_and_dates_and_keeps_from_club():
    [saga] = merge_sagas(
        [
            _reported(Stage.INTEREST, 3, article="a"),
            _reported(Stage.APPROACH, 3, article="a", from_club="Osasuna"),
            _reported(Stage.NEGOTIATING, 9, article="b"),
            _reported(Stage.INTEREST, None, article="c"),
        ]
    )
    assert saga.articles == 3
    assert (saga.first_seen, saga.last_seen) == (date(2025, 1, 3), date(2025, 1, 9))
    assert saga.from_club == "Osasuna"
    assert saga.claims[0].article_id == "c"  # undated claims count as the oldest


def test_most_recently_seen_saga_comes_first():
    sagas = merge_sagas(
        [
            _reported(Stage.INTEREST, 1, player="Old News"),
            _reported(Stage.INTEREST, 8, player="Fresh News"),
        ]
    )
    assert [s.player for s in sagas] == ["Fresh News", "Old News"]
