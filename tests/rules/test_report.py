"""The saga view's rules status line and the REST query function."""

from __future__ import annotations

from datetime import date

import pytest

from mercato.kb import load_kb
from mercato.rules import BadRulesInput, check_query, rules_status


def test_status_line_reads_like_the_saga_view() -> None:
    line = rules_status(
        "Trent Alexander-Arnold",
        "Real Madrid",
        date(2025, 3, 25),
        load_kb(),
        from_club="Liverpool",
        contract_expiry=date(2025, 6, 30),
    )
    assert line == (
        "Real Madrid may negotiate since 2025-01-01 and must inform Liverpool in "
        "writing; earliest registration 2025-07-01"
    )


def test_status_line_says_when_talks_are_not_yet_allowed_and_flags_unverified_rules() -> None:
    line = rules_status(
        "Mohamed Salah",
        "Manchester City",
        date(2025, 1, 15),
        load_kb(),
        from_club="Liverpool",
        contract_expiry=date(2025, 6, 30),
    )
    assert line.startswith("Manchester City may not negotiate with him before 2025-05-26 without Liverpool's consent")
    assert "[unverified: " in line


def test_status_line_names_what_is_missing() -> None:
    line = rules_status("Nobody Known", "Real Madrid", date(2025, 3, 25), load_kb())
    assert line.startswith("rules status unknown (from_club:")


def test_check_query_answers_query_parameters_as_json_ready_dict() -> None:
    answer = check_query(
        {
            "player": "Kylian Mbappé",
            "from_club": "PSG",
            "to_club": "Real Madrid",
            "contract_expiry": "2024-06-30",
            "date": "2024-06-03",
        },
        load_kb(),
    )
    assert answer["may_negotiate"] is True
    assert answer["earliest_registration_date"] == "2024-07-01"
    assert answer["rules"][0]["id"] == "FIFA-18.3-SIXMONTH"


def test_check_query_rejects_a_missing_date_naming_the_parameter() -> None:
    with pytest.raises(BadRulesInput) as problem:
        check_query({"to_club": "Real Madrid"}, load_kb())
    assert problem.value.name == "date"
