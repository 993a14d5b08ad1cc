"""The transfer rules engine: who may talk to whom, when, and at what cost, with citations.

Rules are data (``data/*.toml``: one file per body, one calendar per league); the engine
that evaluates them is code (``engine.check_move``). See docs/rules.md.
"""

from __future__ import annotations

from mercato.rules.engine import check_move
from mercato.rules.load import load_rulebook
from mercato.rules.model import (
    CompensationKind,
    LoanLimits,
    Move,
    MoveCase,
    Rule,
    RuleBook,
    RuleOptions,
    RulesVerdict,
    Status,
)
from mercato.rules.query import BadRulesInput, check_query, resolve_case, verdict_to_json
from mercato.rules.report import check_cases, describe_verdict, rules_status, status_line

__all__ = [
    "BadRulesInput",
    "CompensationKind",
    "LoanLimits",
    "Move",
    "MoveCase",
    "Rule",
    "RuleBook",
    "RuleOptions",
    "RulesVerdict",
    "Status",
    "check_cases",
    "check_move",
    "check_query",
    "describe_verdict",
    "load_rulebook",
    "resolve_case",
    "rules_status",
    "status_line",
    "verdict_to_json",
]
