"""The engine against real historical moves (tests/rules/cases.json, each with its source)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mercato.kb import load_kb
from mercato.rules import check_cases

CASES: list[dict[str, Any]] = json.loads((Path(__file__).parent / "cases.json").read_text(encoding="utf-8"))


def test_case_file_has_at_least_twenty_sourced_cases() -> None:
    assert len(CASES) >= 20
    assert all(case["source"] and case["expect"] for case in CASES)
    assert len({case["id"] for case in CASES}) == len(CASES)


@pytest.fixture(scope="module")
def answers() -> dict[str, dict[str, Any]]:
    return {answer["id"]: answer for answer in check_cases(CASES, load_kb())}


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_real_case_matches_expected_answer(case: dict[str, Any], answers: dict[str, dict[str, Any]]) -> None:
    answer = answers[case["id"]]
    assert "error" not in answer, answer.get("error")
    for key, expected in case["expect"].items():
        got = answer[key]
        if key == "loan_limits":
            got = {name: got[name] for name in expected}
        assert got == expected, f"{key}: expected {expected!r}, got {got!r}"
    assert answer["rules"], "every answer cites its rules"
