"""The squad on a date as the stored news leaves it (mercato/store/squad_news.py): ingest articles, then ask the CLI."""

import json
from datetime import date

import pytest
from rich.console import Console
from typer.testing import CliRunner

from mercato import cli
from mercato.cli import common
from mercato.kb import load_kb
from mercato.pipeline import ingest_paths
from mercato.store import open_store
from mercato.store.squad_news import stored_options

runner = CliRunner()

INJURY = """date 2026-07-20
Real Madrid defender Dani Carvajal has been ruled out for the rest of the season with an ACL injury.
"""
SIGNING = """date 2026-07-25
Real Madrid have completed the signing of Florian Wirtz from Liverpool for €120m.
"""


@pytest.fixture
def db_url(tmp_path, monkeypatch):
    (tmp_path / "injury.txt").write_text(INJURY, encoding="utf-8")
    (tmp_path / "signing.txt").write_text(SIGNING, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'news.db'}"
    store = open_store(url)
    report = ingest_paths([tmp_path / "injury.txt", tmp_path / "signing.txt"], store, load_kb(), workers=1)
    store.close()
    assert (report.new, report.failed) == (2, 0)
    monkeypatch.setenv("MERCATO_DB", url)
    monkeypatch.setattr(common, "console", Console(width=120, force_terminal=False, color_system=None))
    return url


def _depth_rows(*args):
    result = runner.invoke(cli.app, ["squad", "Real Madrid", "--json", *args])
    assert result.exit_code == 0, result.output
    chart = json.loads(result.output)["depth_chart"]
    return {row["player"]: row for rows in chart.values() for row in rows}


def test_player_reported_injured_in_an_ingested_article_is_unavailable(db_url):
    carvajal = _depth_rows("--as-of", "2026-08-01")["Daniel Carvajal"]
    assert carvajal["available"] is False
    assert carvajal["absence"].startswith("injured (ACL)")


def test_player_is_available_before_the_injury_is_reported(db_url):
    assert _depth_rows("--as-of", "2026-07-10")["Daniel Carvajal"]["available"] is True


def test_completed_move_in_an_ingested_article_joins_the_squad(db_url):
    assert "Florian Wirtz" not in _depth_rows("--as-of", "2026-07-24")
    assert "Florian Wirtz" in _depth_rows("--as-of", "2026-08-01")


def test_fit_compares_with_the_injured_incumbent_as_unavailable(db_url):
    result = runner.invoke(cli.app, ["fit", "Trent Alexander-Arnold", "Real Madrid", "--as-of", "2026-08-01", "--json"])
    assert result.exit_code == 0, result.output
    incumbents = {c["player"]: c for c in json.loads(result.output)["incumbents"]}
    assert incumbents["Daniel Carvajal"]["available"] is False


def test_stored_options_carry_the_stored_injuries_and_moves(db_url):
    store = open_store(db_url)
    options = stored_options(store, load_kb(), date(2026, 8, 1), "4-2-3-1")
    store.close()
    assert [c.player for c in options.injuries] == ["Dani Carvajal"]
    assert [(m.player.name, m.completed.isoformat()) for m in options.moves] == [("Florian Wirtz", "2026-07-25")]
    assert options.formation == "4-2-3-1"


def test_squad_without_a_database_leaves_none_behind(tmp_path, monkeypatch):
    missing = tmp_path / "none.db"
    monkeypatch.setenv("MERCATO_DB", f"sqlite:///{missing}")
    result = runner.invoke(cli.app, ["squad", "Real Madrid", "--as-of", "2026-08-01", "--json"])
    assert result.exit_code == 0, result.output
    assert not missing.exists()
