"""Merging claims into sagas (mercato/sagas/merge.py)."""

from dataclasses import replace
from datetime import date

from mercato.model import DealType, Evidence, RenewalClaim, Stage, TransferClaim
from mercato.sagas import Change, ReportedClaim, ReportedRenewal, feed, merge_sagas, timeline


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


# --- credible claims, closings, feed and timeline --------------------------------------


def _hedged(stage, day, **kwargs):
    reported = _reported(stage, day, **kwargs)
    return ReportedClaim(replace(reported.claim, hedged=True), reported.published, "Example Sport")


def test_a_hedged_claim_does_not_advance_the_stage():
    [saga] = merge_sagas([_reported(Stage.INTEREST, 1), _hedged(Stage.AGREED, 2, article="b")])
    assert saga.stage is Stage.INTEREST


def test_a_hedged_denial_does_not_kill_the_saga():
    [saga] = merge_sagas([_reported(Stage.NEGOTIATING, 1), _hedged(Stage.OFF, 2, article="b")])
    assert saga.stage is Stage.NEGOTIATING


def test_a_saga_of_hedged_claims_only_takes_their_stage():
    [saga] = merge_sagas([_hedged(Stage.APPROACH, 1)])
    assert saga.stage is Stage.APPROACH


def test_a_completed_move_closes_the_other_open_sagas_with_the_reason():
    sagas = merge_sagas(
        [
            _reported(Stage.NEGOTIATING, 1, to_club="Celta Vigo"),
            _reported(Stage.COMPLETED, 5, to_club="Girona", article="b"),
        ]
    )
    celta = next(s for s in sagas if s.to_club == "Celta Vigo")
    assert celta.stage is Stage.OFF
    assert celta.reason == "completed a move to Girona on 2025-01-05"


def test_a_completed_renewal_closes_the_open_sagas():
    renewal = RenewalClaim("Ana Ruiz", "Osasuna", Stage.COMPLETED, Evidence("Signed.", (0, 7)), "r")
    [saga] = merge_sagas([_reported(Stage.APPROACH, 1)], [ReportedRenewal(renewal, date(2025, 1, 3))])
    assert saga.stage is Stage.OFF
    assert saga.reason == "renewed his contract at Osasuna on 2025-01-03"


def test_a_saga_reported_after_the_completion_elsewhere_stays_open():
    sagas = merge_sagas(
        [
            _reported(Stage.COMPLETED, 1, to_club="Girona"),
            _reported(Stage.INTEREST, 9, to_club="Celta Vigo", article="b"),
        ]
    )
    assert {s.to_club: s.stage for s in sagas}["Celta Vigo"] is Stage.INTEREST


def test_a_denied_saga_gives_who_declared_it_off():
    [saga] = merge_sagas([_reported(Stage.APPROACH, 1), _reported(Stage.OFF, 4, article="b")])
    assert saga.reason == "reported off by Example Sport on 2025-01-04"


def test_feed_lists_stage_changes_in_time_order():
    changes = feed(
        [
            _reported(Stage.INTEREST, 1, to_club="Celta Vigo"),
            _reported(Stage.INTEREST, 2),
            _reported(Stage.INTEREST, 3, article="x"),  # no change: same stage
            _reported(Stage.AGREED, 4, article="b"),
            _reported(Stage.COMPLETED, 6, article="c"),
        ]
    )
    assert [(c.day.day, c.to_club, c.change, c.stage) for c in changes] == [
        (1, "Celta Vigo", Change.NEW, Stage.INTEREST),
        (2, "Girona", Change.NEW, Stage.INTEREST),
        (4, "Girona", Change.ADVANCED, Stage.AGREED),
        (6, "Celta Vigo", Change.OFF, Stage.OFF),
        (6, "Girona", Change.COMPLETED, Stage.COMPLETED),
    ]


def test_feed_since_leaves_out_earlier_changes():
    claims = [_reported(Stage.INTEREST, 1), _reported(Stage.AGREED, 4, article="b")]
    assert [c.change for c in feed(claims, since=date(2025, 1, 3))] == [Change.ADVANCED]


def test_feed_reports_a_revival_after_a_denial():
    claims = [
        _reported(Stage.APPROACH, 1),
        _reported(Stage.OFF, 2, article="b"),
        _reported(Stage.NEGOTIATING, 3, article="c"),
    ]
    assert [c.change for c in feed(claims)] == [Change.NEW, Change.OFF, Change.REVIVED]


def test_timeline_keeps_every_claim_in_time_order_hedged_included():
    claims = [
        _reported(Stage.AGREED, 5, article="b"),
        _hedged(Stage.INTEREST, 2, article="a"),
        _reported(Stage.INTEREST, None, article="c"),
    ]
    assert [c.claim.article_id for c in timeline(claims)] == ["c", "a", "b"]


def test_a_claim_rests_on_the_named_source_before_the_outlet():
    reported = _reported(Stage.INTEREST, 1)
    named = ReportedClaim(replace(reported.claim, reported_by="Fabrizio Romano"), None, "BBC Sport")
    assert (reported.source, named.source) == ("Example Sport", "Fabrizio Romano")
