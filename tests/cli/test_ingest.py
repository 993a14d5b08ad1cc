"""The ingest, errors, sagas and show commands, rendered into a fixed-width console."""

import json
import shutil
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from mercato import cli
from mercato.cli import common

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"
runner = CliRunner()


@pytest.fixture(autouse=True)
def fixed_width_console(monkeypatch, tmp_path):
    # A fixed-width console so tables render the same everywhere, and a store of our own.
    monkeypatch.setattr(common, "console", Console(width=160, force_terminal=False, color_system=None))
    monkeypatch.setenv("MERCATO_DB", f"sqlite:///{tmp_path / 'cli.db'}")


def _run(*args):
    return runner.invoke(cli.app, [str(a) for a in args])


def _samples(tmp_path, *names):
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(SAMPLES / name, folder)
    return folder


def test_ingest_reports_counts_and_throughput_and_exits_0(tmp_path):
    result = _run("ingest", "--workers", "1", _samples(tmp_path, "2025-09-02-guehi.json", "2025-08-28-guehi.html"))
    assert result.exit_code == 0, result.output
    assert "2 articles read: 2 new, 0 already stored, 0 failed" in result.output
    assert "articles/s" in result.output


def test_ingest_prints_one_line_per_bad_input_and_exits_1(tmp_path):
    folder = _samples(tmp_path, "2025-09-02-guehi.json")
    (folder / "broken.json").write_text("{")
    result = _run("ingest", "-w", "1", folder)
    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert line.startswith(f"error: {folder / 'broken.json'}: malformed JSON")


def test_ingest_exits_2_when_nothing_went_in(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = _run("ingest", "-w", "1", tmp_path / "empty.txt", tmp_path / "missing.json")
    assert result.exit_code == 2
    assert "0 articles read" in result.output


def test_ingest_refuses_files_over_the_configured_size(tmp_path, monkeypatch):
    monkeypatch.setenv("MERCATO_MAX_ARTICLE_BYTES", "50")
    (tmp_path / "long.txt").write_text("Leeds have made an offer for the forward. " * 3)
    result = _run("ingest", "-w", "1", tmp_path / "long.txt")
    assert result.exit_code == 2
    assert "over the 50-byte limit" in result.output


def test_errors_lists_recorded_problems(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("notext.json").write_text(json.dumps({"id": "x"}))
    _run("ingest", "-w", "1", "notext.json")
    result = _run("errors")
    assert result.exit_code == 0
    assert "notext.json" in result.output
    assert 'the JSON object has no "text" string' in result.output


def test_errors_says_when_there_are_none():
    result = _run("errors")
    assert result.exit_code == 0
    assert "No ingest errors recorded." in result.output


def test_sagas_lists_player_clubs_stage_articles_and_last_seen(tmp_path):
    _run(
        "ingest",
        "-w",
        "1",
        _samples(tmp_path, "2025-09-02-guehi.json", "2025-08-28-guehi.html", "2021-08-05-grealish.json"),
    )
    result = _run("sagas", "--player", "guehi")
    assert result.exit_code == 0, result.output
    [row] = [line for line in result.output.splitlines() if "Liverpool" in line]
    for value in ("Crystal Palace", "Liverpool", "off", "2", "2025-09-02"):
        assert value in row
    assert "Grealish" not in result.output


def test_sagas_filter_by_club_understands_short_names(tmp_path):
    _run("ingest", "-w", "1", _samples(tmp_path, "2025-09-02-guehi.json", "2021-08-05-grealish.json"))
    result = _run("sagas", "--club", "Man City")
    assert "Jack Grealish" in result.output
    assert "Liverpool" not in result.output


def test_show_prints_each_claim_with_date_outlet_stage_and_sentence(tmp_path):
    _run("ingest", "-w", "1", _samples(tmp_path, "2025-09-02-guehi.json", "2025-08-28-guehi.html"))
    result = _run("show", "Guehi")
    assert result.exit_code == 0, result.output
    assert "2025-08-28" in result.output and "Demo Sports Desk" in result.output
    assert "2025-09-02" in result.output and result.output.count("Demo Sports Desk") >= 2
    assert "negotiating" in result.output and "off" in result.output
    assert "Liverpool are in advanced talks" in result.output or "in talks with" in result.output


def test_show_unknown_player_exits_1_with_a_hint():
    result = _run("show", "Nobody Known")
    assert result.exit_code == 1
    assert "no claims about 'Nobody Known'" in result.output


def test_issue_14_ingest_of_a_folder_with_a_readme_stores_only_the_articles(tmp_path):
    folder = _samples(tmp_path, "2025-09-02-guehi.json", "2025-09-01-isak.txt")
    (folder / "README.md").write_text("# Samples\nArsenal have signed Declan Rice from West Ham.\n", encoding="utf-8")
    (folder / "NOTES.txt").write_text("Chelsea have signed Cole Palmer from Manchester City.\n", encoding="utf-8")
    result = _run("ingest", "--workers", "1", folder)
    assert result.exit_code == 0, result.output
    assert "2 articles read: 2 new" in result.output
    included = _run("ingest", "--workers", "1", "--include", "readme*", folder)
    assert "3 articles read: 1 new, 2 already stored" in included.output


def test_issue_14_ingest_counts_the_articles_it_could_not_date(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dated.txt").write_text("date 2021-08-05\nManchester City have signed Jack Grealish.\n")
    (folder / "undated.txt").write_text("Chelsea have signed Cole Palmer from Manchester City.\n")
    result = _run("ingest", "--workers", "1", folder)
    assert "2 articles read: 2 new, 0 already stored, 0 failed, 1 undated" in result.output
