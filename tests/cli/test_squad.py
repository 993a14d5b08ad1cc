"""`mercato squad` and `mercato fit`: JSON keys, tables, pitches and bad input."""

import json

import pytest
from rich.console import Console
from typer.testing import CliRunner

from mercato import cli
from mercato.cli import common

runner = CliRunner()


@pytest.fixture(autouse=True)
def fixed_width_console(monkeypatch):
    # A fixed-width console so tables render the same everywhere.
    monkeypatch.setattr(common, "console", Console(width=120, force_terminal=False, color_system=None))


@pytest.fixture(autouse=True)
def no_stored_news(tmp_path, monkeypatch):
    # The squad commands read MERCATO_DB's news when it exists: point it at no database,
    # so a mercato.db in the working folder cannot change the squads under test.
    monkeypatch.setenv("MERCATO_DB", f"sqlite:///{tmp_path / 'no-news.db'}")


def _run(*args):
    return runner.invoke(cli.app, list(args))


def test_squad_json_has_the_documented_keys():
    result = _run("squad", "Arsenal", "--as-of", "2026-07-01", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"club", "depth_chart", "needs", "best_xi"} <= set(data)
    assert data["club"] == "Arsenal"
    assert len(data["best_xi"]) == 11
    assert {"slot", "player", "position"} <= set(data["best_xi"][0])


def test_squad_prints_depth_chart_needs_and_xi():
    result = _run("squad", "Liverpool", "--as-of", "2026-07-01", "--formation", "4-2-3-1")
    assert result.exit_code == 0, result.output
    for heading in ("Depth chart", "Needs", "Best XI (4-2-3-1)", "Mohamed Salah"):
        assert heading in result.output


def test_squad_writes_the_pitch(tmp_path):
    path = tmp_path / "xi.png"
    result = _run("squad", "Real Madrid", "--as-of", "2026-07-01", "--png", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_bytes().startswith(b"\x89PNG")


def test_fit_json_has_the_documented_keys():
    result = _run("fit", "Trent Alexander-Arnold", "Real Madrid", "--as-of", "2026-07-01", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"position", "fit", "explanation", "displaces"} <= set(data)
    assert data["position"] == "RB"


def test_fit_writes_the_what_if_pitch_as_svg(tmp_path):
    path = tmp_path / "what-if.svg"
    result = _run("fit", "Florian Wirtz", "Arsenal", "--as-of", "2026-07-01", "--png", str(path))
    assert result.exit_code == 0, result.output
    assert "<svg" in path.read_text(encoding="utf-8")


def test_unknown_club_is_one_line_naming_it():
    result = _run("squad", "Nowhere Athletic Wanderers")
    assert result.exit_code == 1
    assert "Nowhere Athletic Wanderers" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_unknown_player_is_one_line_naming_it():
    result = _run("fit", "Nobody Atall", "Arsenal")
    assert result.exit_code == 1
    assert "unknown player 'Nobody Atall'" in result.output


def test_bad_formation_names_the_known_ones():
    result = _run("squad", "Arsenal", "--formation", "2-3-5")
    assert result.exit_code == 1
    assert "2-3-5" in result.output and "4-3-3" in result.output


def test_bad_date_is_refused():
    result = _run("squad", "Arsenal", "--as-of", "July")
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in result.output


def test_fit_takes_a_name_as_show_does():
    by_surname = _run("fit", "Bowen", "Liverpool", "--as-of", "2026-07-01", "--json")
    in_full = _run("fit", "Jarrod Bowen", "Liverpool", "--as-of", "2026-07-01", "--json")
    assert by_surname.exit_code == 0, by_surname.output
    assert json.loads(by_surname.output) == json.loads(in_full.output)
