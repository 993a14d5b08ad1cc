"""Sagas as episodes: a pair's news after a long silence, or after the move went off or
completed and a window shut, is a new saga. Real multi-year cases from the dev articles'
annotations (read where ../shared is beside the checkout), and the rules case by case."""

import json
from datetime import date
from pathlib import Path

import pytest

from mercato.model import DealType, Evidence, Stage, TransferClaim
from mercato.sagas import ReportedClaim, merge_sagas

DEV = Path(__file__).resolve().parents[3] / "shared" / "data" / "dev-articles"


def _gold_claims(*ids):
    """The annotated rumours of some dev articles, as claims dated by their articles."""
    found = []
    for article_id in ids:
        data = json.loads((DEV / f"{article_id}.json").read_text(encoding="utf-8"))
        published = date.fromisoformat(data["published"]) if data.get("published") else None
        for r in data["rumours"]:
            claim = TransferClaim(
                player=r["player"],
                to_club=r["to_club"],
                stage=Stage(r["stage"]),
                deal_type=DealType(r["deal_type"]),
                evidence=Evidence(r["evidence"], (0, len(r["evidence"]))),
                from_club=r["from_club"],
                article_id=article_id,
            )
            found.append(ReportedClaim(claim, published, data.get("outlet")))
    return found


def _sagas_of(player, to_club, claims):
    return [
        (s.episode, s.first_seen, s.last_seen, s.stage) for s in merge_sagas(claims) if s.key[:2] == (player, to_club)
    ]


needs_dev = pytest.mark.skipif(not DEV.is_dir(), reason="the dev articles are not beside this checkout")


@needs_dev
def test_a_completed_move_and_talks_four_years_later_are_two_sagas():
    sagas = _sagas_of("Romelu Lukaku", "Inter Milan", _gold_claims("d010", "s020", "e008"))
    assert sorted(sagas) == [
        (0, date(2019, 7, 26), date(2019, 7, 26), Stage.APPROACH),
        (1, date(2023, 6, 17), date(2023, 6, 28), Stage.NEGOTIATING),
    ]


@needs_dev
def test_a_move_that_went_off_and_came_back_after_a_window_is_a_new_saga():
    sagas = _sagas_of("Kylian Mbappe", "Real Madrid", _gold_claims("d025", "e008"))
    assert sorted(sagas) == [
        (0, date(2022, 5, 21), date(2022, 5, 21), Stage.OFF),
        (1, date(2023, 6, 28), date(2023, 6, 28), Stage.INTEREST),
    ]
    kane = _sagas_of("Harry Kane", "Real Madrid", _gold_claims("v011", "d001"))
    assert [s[0] for s in sorted(kane)] == [0, 1]


def _episodes(*news):
    claims = [
        ReportedClaim(
            TransferClaim(
                "Ana Ruiz", "Girona", stage, DealType.UNKNOWN, Evidence("A sentence.", (0, 11)), article_id=f"a{i}"
            ),
            day,
            "Example Sport",
        )
        for i, (stage, day) in enumerate(news)
    ]
    return sorted((s.episode, s.stage) for s in merge_sagas(claims))


def test_news_within_a_window_and_across_a_short_silence_stays_one_saga():
    assert _episodes((Stage.INTEREST, date(2025, 6, 10)), (Stage.NEGOTIATING, date(2025, 8, 20))) == [
        (0, Stage.NEGOTIATING)
    ]
    # the window shut on 1 September, but the talks were live and the silence short: one saga
    assert _episodes((Stage.NEGOTIATING, date(2025, 8, 20)), (Stage.AGREED, date(2025, 10, 5))) == [(0, Stage.AGREED)]


def test_a_long_silence_across_a_window_or_a_year_of_silence_starts_a_new_saga():
    assert _episodes((Stage.INTEREST, date(2025, 6, 10)), (Stage.INTEREST, date(2025, 12, 20))) == [
        (0, Stage.INTEREST),
        (1, Stage.INTEREST),
    ]
    assert _episodes((Stage.INTEREST, date(2025, 9, 10)), (Stage.APPROACH, date(2026, 9, 20))) == [
        (0, Stage.INTEREST),
        (1, Stage.APPROACH),
    ]


def test_news_after_the_move_went_off_and_a_window_shut_starts_a_new_saga():
    off_then_back = _episodes((Stage.OFF, date(2025, 8, 25)), (Stage.INTEREST, date(2025, 9, 20)))
    assert off_then_back == [(0, Stage.OFF), (1, Stage.INTEREST)]
    revived_in_the_window = _episodes((Stage.OFF, date(2025, 7, 10)), (Stage.NEGOTIATING, date(2025, 7, 30)))
    assert revived_in_the_window == [(0, Stage.NEGOTIATING)]
