"""The feed, sources and show commands over a small news history, in a fixed-width console."""

import csv
import io
import json

import pytest
from rich.console import Console
from typer.testing import CliRunner

from mercato import cli
from mercato.cli import common
from mercato.store import open_store
from tests.saga_news import store_news

runner = CliRunner()


@pytest.fixture(autouse=True)
def news_store(monkeypatch, tmp_path):
    monkeypatch.setattr(common, "console", Console(width=200, force_terminal=False, color_system=None))
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("MERCATO_DB", url)
    store = open_store(url)
    store_news(store)
    store.close()


def _run(*args):
    return runner.invoke(cli.app, [str(a) for a in args])


def test_feed_since_prints_stage_changes_in_time_order():
    result = _run("feed", "--since", "2023-08-01")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "Caicedo" in line]
    assert ["new" in lines[0], "completed" in lines[1], "off" in lines[2]] == [True, True, True]
    assert "completed a move to Chelsea on 2023-08-14" in result.output


def test_feed_json_prints_one_object_per_change():
    result = _run("feed", "--since", "2023-08-12", "--json")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["to_club"], r["change"]) for r in rows] == [("Chelsea", "completed"), ("Liverpool", "off")]


def test_feed_rejects_a_bad_date():
    result = _run("feed", "--since", "August")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_sources_lists_hits_misses_and_reliability():
    result = _run("sources")
    assert result.exit_code == 0, result.output
    assert "90% interval" in result.output and "BBC Sport" in result.output
    rows = json.loads(_run("sources", "--json").output)
    # a prediction that died (Caicedo to Liverpool); the Chelsea signing was reported, not predicted
    assert {r["name"]: (r["hits"], r["misses"]) for r in rows}["BBC Sport"] == (0, 1)
    assert "too few scored: 1" in result.output


def test_show_prints_each_sagas_likelihood_with_its_factors():
    result = _run("show", "Harry Kane", "--as-of", "2023-07-21")
    assert result.exit_code == 0, result.output
    assert "Harry Kane -> Bayern Munich: negotiating, likelihood" in result.output
    for factor in (
        "base rate",
        "independent reports",
        "source reliability",
        "recency",
        "contract",
        "registration window",
    ):
        assert factor in result.output
    # The rules line is for the date asked, with his club then: Tottenham, whose contract
    # the reference data (his Bayern one) does not hold, and says so.
    assert "rules (Harry Kane -> Bayern Munich, on 2023-07-21): rules status unknown" in result.output
    assert "his Bayern Munich one, not his Tottenham Hotspur one" in " ".join(result.output.split())


def test_show_prints_each_claim_in_full_with_outlet_move_sentence_and_link():
    result = _run("show", "Caicedo")
    assert result.exit_code == 0, result.output
    assert "2023-08-14  BBC Sport" in result.output
    assert "Moisés Caicedo: Brighton & Hove Albion -> Chelsea, completed, unknown" in result.output
    assert '"Moisés Caicedo and Chelsea: completed (report 12)."' in result.output
    assert "https://example.org/n12 (article n12, claim 13)" in result.output


def test_feed_filters_by_club_and_player_as_the_api_does():
    by_club = [json.loads(line) for line in _run("feed", "--club", "Chelsea", "--json").output.splitlines()]
    # moves to Chelsea (Caicedo, Gvardiol) and from it (Mount, Havertz)
    assert {r["player"] for r in by_club} == {"Moisés Caicedo", "Josko Gvardiol", "Mason Mount", "Kai Havertz"}
    by_player = [json.loads(line) for line in _run("feed", "--player", "caicedo", "--json").output.splitlines()]
    assert {r["player"] for r in by_player} == {"Moisés Caicedo"} and len(by_player) == 3
    assert _run("feed", "--days", "30", "--json").output == ""  # the news is from 2023: nothing this month
    unknown = _run("feed", "--club", "Atletico Nowhere")
    assert unknown.exit_code == 1 and "unknown club 'Atletico Nowhere'" in unknown.output


@pytest.mark.parametrize(
    "command, header",
    [
        (["sagas"], "as_of,id,player.id,player.name,from_club.id,from_club.name,to_club.id,to_club.name,stage"),
        (["feed"], "saga_id,day,player,to_club,change,stage,previous,article_id,source,reason"),
        (["sources"], "name,kind,tier,claims,hits,misses,scored,ranked,reliability,low,high"),
        (["show", "Kane"], "published,outlet,url,article_id,player,from_club,to_club,stage,deal_type"),
    ],
)
def test_csv_has_a_header_and_a_row_per_item(command, header):
    result = _run(*command, "--csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert result.output.startswith(header) and rows
    as_json = json.loads(_run(*command, "--json").output) if command[0] != "feed" else None
    if command[0] == "sagas":
        assert [r["player.name"] for r in rows] == [s["player"]["name"] for s in as_json["items"]]
    if command[0] == "show":
        assert [r["sentence"] for r in rows] == [c["sentence"] for c in as_json["claims"]]


def test_errors_json_lists_what_could_not_be_ingested(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    _run("ingest", tmp_path)
    [error] = json.loads(_run("errors", "--json").output)
    assert error["source"].endswith("empty.txt") and error["reason"] and error["hint"]
