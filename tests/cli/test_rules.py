"""`mercato rules check`: readable verdict, --json, --cases, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from mercato import cli
from mercato.cli import common

runner = CliRunner()
TAA = [
    "rules",
    "check",
    "--player",
    "Trent Alexander-Arnold",
    "--to-club",
    "Real Madrid",
    "--from-club",
    "Liverpool",
    "--contract-expiry",
    "2025-06-30",
    "--date",
    "2025-03-25",
]


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "console", Console(width=200, force_terminal=False))


def test_check_prints_a_readable_verdict_with_rule_ids() -> None:
    result = runner.invoke(cli.app, TAA)
    assert result.exit_code == 0, result.output
    assert "may negotiate: yes (from 2025-01-01)" in result.output
    assert "must inform Liverpool in writing first: yes" in result.output
    assert "earliest registration: 2025-07-01" in result.output
    assert "FIFA-18.3-NOTICE [VERIFIED]" in result.output


def test_check_json_has_the_contract_fields() -> None:
    result = runner.invoke(cli.app, [*TAA, "--json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["may_negotiate"] is True
    assert answer["earliest_negotiation_date"] == "2025-01-01"
    assert answer["must_notify_current_club"] is True
    assert answer["may_sign_precontract"] is True
    assert answer["earliest_registration_date"] == "2025-07-01"
    assert (answer["compensation_due"], answer["compensation_kinds"]) == (False, [])
    assert {"id", "citation", "status"} <= set(answer["rules"][0])


def test_check_flags_unverified_rules_in_the_readable_verdict() -> None:
    result = runner.invoke(
        cli.app,
        [
            "rules",
            "check",
            "--player",
            "Mohamed Salah",
            "--to-club",
            "Manchester City",
            "--from-club",
            "Liverpool",
            "--contract-expiry",
            "2025-06-30",
            "--date",
            "2025-01-15",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "may negotiate: no (from 2025-05-26)" in result.output
    assert "ENG-SEASON-END [UNVERIFIED]" in result.output


def test_cases_prints_one_answer_per_line_in_order_and_goes_on_after_a_bad_case(tmp_path: Path) -> None:
    cases = tmp_path / "cases.json"
    cases.write_text(
        json.dumps(
            [
                {
                    "id": "a",
                    "player": "Lionel Messi",
                    "from_club": "Barcelona",
                    "to_club": "PSG",
                    "contract_expiry": "2021-06-30",
                    "date": "2021-08-10",
                    "unknown_key": 1,
                },
                {"id": "b", "to_club": "Nowhere Rovers", "date": "2021-08-10"},
                {
                    "id": "c",
                    "player": "Someone",
                    "from_club": "Liverpool",
                    "from_country": "England",
                    "to_club": "Real Madrid",
                    "to_country": "Spain",
                    "contract_expiry": "2025-06-30",
                    "date": "not a date",
                },
                {
                    "id": "d",
                    "player": "Kylian Mbappé",
                    "from_club": "Paris Saint-Germain",
                    "to_club": "Real Madrid",
                    "contract_expiry": "2024-06-30",
                    "date": "2024-06-03",
                },
            ]
        ),
        encoding="utf-8",
    )
    result = runner.invoke(cli.app, ["rules", "check", "--cases", str(cases)])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b", "c", "d"]
    assert lines[0]["move"] == "free_agent" and lines[3]["may_negotiate"] is True
    assert "Nowhere Rovers" in lines[1]["error"]
    assert "not a date" in lines[2]["error"] and "YYYY-MM-DD" in lines[2]["error"]
    assert result.exit_code == 1


def test_malformed_cases_file_is_one_clear_error(tmp_path: Path) -> None:
    cases = tmp_path / "cases.json"
    cases.write_text("{not json", encoding="utf-8")
    result = runner.invoke(cli.app, ["rules", "check", "--cases", str(cases)])
    assert result.exit_code == 1
    assert str(cases) in result.output and "not valid JSON" in result.output


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"--to-club": "Nowhere Rovers"}, "--to-club: unknown club 'Nowhere Rovers'"),
        ({"--date": "25/03/2025"}, "--date: '25/03/2025' is not a date; write it as YYYY-MM-DD"),
        ({"--contract-expiry": "soon"}, "--contract-expiry: 'soon' is not a date"),
    ],
)
def test_bad_input_names_the_option_and_the_fix(changes: dict[str, str], message: str) -> None:
    args = list(TAA)
    for option, value in changes.items():
        args[args.index(option) + 1] = value
    result = runner.invoke(cli.app, args)
    assert result.exit_code == 1
    assert message in result.output


def test_rules_check_help_names_every_option() -> None:
    result = runner.invoke(cli.app, ["rules", "check", "--help"])
    assert result.exit_code == 0
    for option in (
        "--player",
        "--to-club",
        "--date",
        "--birth-date",
        "--from-club",
        "--contract-expiry",
        "--cases",
        "--json",
        "--loan",
    ):
        assert option in result.output


def test_check_with_only_player_club_and_date_reads_his_club_and_contract_then(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MERCATO_DB", f"sqlite:///{tmp_path / 'news.db'}")
    question = ["rules", "check", "--player", "Trent Alexander-Arnold", "--to-club", "Real Madrid"]
    question += ["--date", "2025-03-25", "--json"]
    unread = runner.invoke(cli.app, question)  # the reference data alone: his Liverpool contract is unknown
    assert (
        unread.exit_code == 1 and "--contract-expiry: unknown for Trent Alexander-Arnold at Liverpool" in unread.output
    )
    assert not (tmp_path / "news.db").exists()  # a question creates no store
    samples = Path(__file__).resolve().parents[2] / "samples" / "articles"
    assert runner.invoke(cli.app, ["ingest", str(samples)]).exit_code == 0
    result = runner.invoke(cli.app, question)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert (answer["from_club"], answer["contract_expiry"]) == ("Liverpool", "2025-06-30")
    assert answer["sources"]["from_club"].startswith("transfer history")
    assert answer["sources"]["contract_expiry"].startswith("stored news: a completed move to Real Madrid")
    assert answer["may_sign_precontract"] is True
