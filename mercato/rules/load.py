"""Read the rule book from the TOML files in ``mercato/rules/data`` (one file per body)."""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from mercato.rules.model import LoanCap, Period, Regime, Rule, RuleBook, Status

__all__ = ["NATIONAL_FILES", "load_rulebook"]

NATIONAL_FILES = ("england", "spain", "germany", "italy", "france")
_YEARS = range(1995, 2041)  # default window patterns are laid out over these years


def _data() -> Traversable:
    return resources.files("mercato.rules").joinpath("data")


def _read(path: Traversable) -> dict[str, Any]:
    with path.open("rb") as f:
        return tomllib.load(f)


def _rules(doc: dict[str, Any]) -> dict[str, Rule]:
    body = str(doc["body"])
    return {r["id"]: Rule(r["id"], body, r["summary"], r["citation"], Status(r["status"])) for r in doc.get("rule", [])}


def _loan_caps(rows: list[dict[str, Any]]) -> tuple[LoanCap, ...]:
    return tuple(
        LoanCap(
            start=row["from"],
            end=row.get("to"),
            out=row["out"],
            into=row["in"],
            same_club=row.get("same_club"),
            exempt_age=row.get("exempt_age"),
        )
        for row in rows
    )


def _regime(body: str, table: dict[str, Any]) -> Regime:
    loans = table.get("loans")
    return Regime(
        body=body,
        negotiation=table["negotiation"],
        notice_required=table["notice_required"],
        notice_rule=table["notice_rule"],
        allowed_rule=table["allowed_rule"],
        before_rule=table["before_rule"],
        free_agent_rule=table["free_agent_rule"],
        compensation=table["compensation"],
        transfer_rule=table.get("transfer_rule", "FIFA-TRANSFER-FEE"),
        compensation_rule=table.get("compensation_rule"),
        precontract_rule=table.get("precontract_rule"),
        loan_rule=table.get("loan_rule"),
        loan_caps=_loan_caps([loans]) if loans else (),
    )


def _month_day(year: int, text: str) -> date:
    month, day = text.split("-")
    return date(year, int(month), int(day))


def _calendar(doc: dict[str, Any], rules: dict[str, Rule]) -> list[Period]:
    """A league's explicit periods, plus its default pattern for every year not listed."""
    association = str(doc["association"])
    tag = "WIN-DEFAULT" if association == "*" else f"WIN-{association}"
    periods: list[Period] = []
    listed: set[tuple[str, int]] = set()
    for row in doc.get("period", []):
        rule_id = f"{tag}-{row['season']}-{row['kind']}".upper()
        rules[rule_id] = Rule(
            rule_id,
            "Windows",
            f"{doc['league']} {row['kind']} registration period {row['season']}: {row['start']} to {row['end']}",
            row["citation"],
            Status(row["status"]),
        )
        periods.append(Period(association, row["start"], row["end"], rule_id))
        listed.add((row["kind"], row["start"].year))
    default = doc["default"]
    default_id = f"{tag}-DEFAULT" if association != "*" else tag
    rules[default_id] = Rule(
        default_id,
        "Windows",
        f"{doc['league']}: usual registration periods for a season with no published dates "
        + ", ".join(f"{p['kind']} {p['start']} to {p['end']}" for p in default["periods"]),
        default["citation"],
        Status(default["status"]),
    )
    for pattern in default["periods"]:
        for year in _YEARS:
            if (pattern["kind"], year) not in listed:
                start = _month_day(year, pattern["start"])
                periods.append(Period(association, start, _month_day(year, pattern["end"]), default_id))
    return periods


@cache
def load_rulebook() -> RuleBook:
    """Load the bundled rule book (once per process)."""
    fifa = _read(_data().joinpath("fifa.toml"))
    rules = _rules(fifa)
    domestic: dict[str, Regime] = {}
    season_end: dict[int, date] = {}
    for name in NATIONAL_FILES:
        doc = _read(_data().joinpath(f"{name}.toml"))
        rules.update(_rules(doc))
        domestic[doc["association"]] = _regime(doc["body"], doc["domestic"])
        if "season_end" in doc:
            table = doc["season_end"]
            rules["ENG-SEASON-END"] = Rule(
                "ENG-SEASON-END",
                doc["body"],
                "Final Premier League matchday of each season (default English approach date is the day after it).",
                table["citation"],
                Status(table["status"]),
            )
            season_end = {day.year: day for day in table["dates"]}
    periods: dict[str, list[Period]] = {}
    default_periods: list[Period] = []
    for path in sorted(_data().joinpath("windows").iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".toml"):
            continue
        doc = _read(path)
        calendar = _calendar(doc, rules)
        if doc["association"] == "*":
            default_periods = calendar
        else:
            periods[doc["association"]] = calendar
    for special in fifa.get("special_period", []):
        for association in special["associations"]:
            own = periods.setdefault(association, list(default_periods))
            own.append(Period(association, special["start"], special["end"], special["rule"]))
    params = fifa["params"]
    return RuleBook(
        rules=rules,
        international=_regime(fifa["body"], fifa["international"]),
        domestic=domestic,
        periods={a: tuple(sorted(p, key=lambda x: x.start)) for a, p in periods.items()},
        default_periods=tuple(sorted(default_periods, key=lambda x: x.start)),
        associations=dict(fifa["associations"]),
        eu_eea=frozenset(fifa["eu_eea"]["members"]),
        eu_eea_until=dict(fifa["eu_eea"]["until"]),
        loan_caps=_loan_caps(params["loan_cap"]),
        season_end=season_end,
        negotiation_months=params["negotiation_months"],
        training_compensation_last_birthday=params["training_compensation_last_birthday"],
        loan_same_club=params["loan_same_club"],
        loan_max_months=params["loan_max_months"],
        loan_exempt_age=params["loan_exempt_age"],
        loans_from=params["loans_from"],
    )
