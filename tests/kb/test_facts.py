"""A player's club and contract on a date: the stored news, then the transfer history, then the snapshot."""

from datetime import date

import pytest

from mercato.kb import load_kb
from mercato.kb.facts import ReportedMove, player_on


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_the_transfer_history_places_a_player_whom_the_snapshot_has_elsewhere(kb):
    guehi = kb.player_named("Marc Guehi")
    then = player_on(guehi, date(2025, 9, 2), kb)
    assert then.club.name == "Crystal Palace" and then.club_source.startswith("transfer history")
    assert then.contract_expiry is None  # the snapshot's contract is his Manchester City one, and says so
    assert "Manchester City" in then.contract_source and "Crystal Palace" in then.contract_source
    now = player_on(guehi, date(2026, 9, 2), kb)
    assert (now.club.name, now.contract_expiry) == ("Manchester City", guehi.contract_expiry)


def test_the_news_outranks_the_reference_data(kb):
    duran = kb.player_named("Jhon Duran")
    news = [ReportedMove(date(2025, 7, 24), "Aston Villa", "Al-Nassr", free=False, article_id="a")]
    assert player_on(duran, date(2025, 1, 20), kb, news).club.name == "Aston Villa"  # the history's
    after = player_on(duran, date(2025, 8, 10), kb, news)
    assert after.club.name == "Al-Nassr" and after.club_source.startswith("stored news")


def test_a_free_move_in_the_news_says_when_the_contract_he_left_ran_out(kb):
    trent = kb.player_named("Trent Alexander-Arnold")
    assert player_on(trent, date(2025, 3, 25), kb).contract_expiry is None  # the snapshot's is his Madrid one
    news = [ReportedMove(date(2025, 5, 30), "Liverpool", "Real Madrid", free=True, article_id="a")]
    then = player_on(trent, date(2025, 3, 25), kb, news)
    assert (then.club.name, then.contract_expiry) == ("Liverpool", date(2025, 6, 30))
    assert "free transfer" in then.contract_source


def test_a_snapshot_contract_longer_than_five_years_from_the_date_is_a_later_one(kb):
    saka = kb.player_named("Bukayo Saka")
    assert saka.contract_expiry is not None and saka.contract_expiry.year >= 2027
    early = player_on(saka, date(saka.contract_expiry.year - 6, 1, 10), kb)
    assert early.contract_expiry is None and "five years" in early.contract_source
