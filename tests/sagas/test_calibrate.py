"""Calibrating the likelihood against real transfers (mercato/sagas/calibrate.py, `mercato calibrate`)."""

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from rich.console import Console
from typer.testing import CliRunner

from mercato import cli
from mercato.cli import common
from mercato.errors import MercatoError
from mercato.kb import load_kb
from mercato.model import Saga, Stage
from mercato.sagas.calibrate import (
    Outcome,
    Transfer,
    brier,
    calibrate,
    fit_weights,
    label_saga,
    read_transfers,
    reliability_table,
)
from mercato.sagas.likelihood import load_model
from mercato.store import open_store
from tests.saga_news import news_claims, store_news

TRANSFERS = Path(__file__).resolve().parents[1] / "data" / "transfers_sample.csv"


@pytest.fixture(scope="module")
def transfers():
    by_player = {}
    for transfer in read_transfers(TRANSFERS):
        by_player.setdefault(transfer.player_id, []).append(transfer)
    return by_player


def _saga(player, to_club, first_seen):
    return Saga(
        player=player,
        to_club=to_club,
        stage=Stage.INTEREST,
        from_club=None,
        first_seen=first_seen,
        last_seen=first_seen,
    )


@pytest.mark.parametrize(
    "player, to_club, first_seen, outcome",
    [
        ("Declan Rice", "Arsenal", date(2023, 6, 20), Outcome.CAME_TRUE),
        ("Declan Rice", "Manchester City", date(2023, 6, 10), Outcome.DID_NOT),
        ("Harry Kane", "Bayern Munich", date(2023, 7, 20), Outcome.CAME_TRUE),
        ("Ana Ruiz", "Girona", date(2023, 6, 1), Outcome.UNKNOWN),  # not in the knowledge base
        ("Declan Rice", "Arsenal", None, Outcome.UNKNOWN),  # undated
        ("Declan Rice", "Manchester City", date(2024, 3, 1), Outcome.UNKNOWN),  # table may miss it
    ],
)
def test_label_saga_against_the_transfers_table(transfers, player, to_club, first_seen, outcome):
    assert label_saga(_saga(player, to_club, first_seen), transfers, load_kb()).outcome is outcome


def test_a_recent_saga_is_checked_against_the_players_current_club():
    kb = load_kb()
    rice = kb.player_named("Declan Rice")  # at Arsenal in the players file
    assert label_saga(_saga("Declan Rice", "Arsenal", date(2025, 1, 5)), {}, kb).outcome is Outcome.CAME_TRUE
    assert rice is not None
    later = _saga("Declan Rice", "Real Madrid", date(2025, 1, 5))
    assert label_saga(later, {}, kb).outcome is Outcome.DID_NOT


def test_read_transfers_names_the_file_that_is_not_a_table(tmp_path):
    bad = tmp_path / "t.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(MercatoError, match="not a transfers table"):
        read_transfers(bad)


def test_read_transfers_reads_the_real_rows():
    rows = read_transfers(TRANSFERS)
    assert Transfer(357662, date(2023, 7, 15), 11, "Arsenal") in rows


def test_fit_weights_moves_a_weight_toward_what_the_data_show():
    rng = np.random.default_rng(7)
    x = np.column_stack([np.ones(400), rng.normal(size=400)])
    y = (rng.random(400) < 1 / (1 + np.exp(-(0.2 + 2.0 * x[:, 1])))).astype(float)
    weights = fit_weights(x, y, prior=[0.0, 0.0], strength=1.0)
    assert 1.5 < weights[1] < 2.5


def test_a_strong_prior_holds_the_weights_in_place():
    x = np.column_stack([np.ones(10), np.arange(10.0)])
    y = np.array([0, 0, 0, 0, 0, 1, 1, 1, 1, 1], dtype=float)
    weights = fit_weights(x, y, prior=[0.0, 0.0], strength=1e6)
    assert np.allclose(weights, 0.0, atol=1e-3)


def test_brier_and_reliability_table():
    assert brier([1.0, 0.0, 0.5], [1, 0, 1]) == pytest.approx(0.25 / 3)
    rows = reliability_table([0.1, 0.15, 0.9], [0, 1, 1], bins=5)
    assert (rows[0].count, rows[0].observed, rows[4].count) == (2, 0.5, 1)


def test_calibrate_reports_the_model_against_the_stage_only_baseline(transfers):
    report = calibrate(news_claims(), [], read_transfers(TRANSFERS), load_kb(), load_model(), folds=3)
    figures = report.to_json()
    assert figures["sagas_labelled"] == 11  # open sagas of known players; Liverpool-Caicedo closed
    assert figures["came_true"] == 6
    assert 0 <= figures["brier"] <= 1 and 0 <= figures["baseline_brier"] <= 1
    assert sum(row["count"] for row in figures["reliability"]) == 11


def test_calibrate_command_prints_one_json_object(tmp_path, monkeypatch):
    monkeypatch.setenv("MERCATO_DB", f"sqlite:///{tmp_path / 'c.db'}")
    store = open_store(f"sqlite:///{tmp_path / 'c.db'}")
    store_news(store)
    store.close()
    result = CliRunner().invoke(cli.app, ["calibrate", "--transfers", str(TRANSFERS), "--json", "--folds", "3"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert {"brier", "baseline_brier", "sagas_labelled"} <= set(figures)


def test_calibrate_command_prints_the_tables(tmp_path, monkeypatch):
    monkeypatch.setattr(common, "console", Console(width=120, force_terminal=False, color_system=None))
    monkeypatch.setenv("MERCATO_DB", f"sqlite:///{tmp_path / 'c.db'}")
    store = open_store(f"sqlite:///{tmp_path / 'c.db'}")
    store_news(store)
    store.close()
    result = CliRunner().invoke(cli.app, ["calibrate", "--transfers", str(TRANSFERS), "--folds", "3"])
    assert result.exit_code == 0, result.output
    assert "Brier, stage-only baseline" in result.output
    assert "Reliability: model" in result.output


def test_calibrate_command_names_a_missing_file(tmp_path, monkeypatch):
    monkeypatch.setenv("MERCATO_DB", f"sqlite:///{tmp_path / 'c.db'}")
    result = CliRunner().invoke(cli.app, ["calibrate", "--transfers", str(tmp_path / "no.csv")])
    assert result.exit_code == 1
    assert "cannot read" in result.output
