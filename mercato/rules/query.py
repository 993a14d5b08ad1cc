"""From user input (CLI options, a cases file, REST query parameters) to a JSON-ready verdict.

Fills what the input leaves out: the birth date from the knowledge base, and the player's
club and contract on the date asked from the stored news, the transfer history and the
snapshot (``mercato.kb.facts``), saying where each came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from mercato.errors import MercatoError
from mercato.kb import KnowledgeBase
from mercato.kb.facts import ReportedMove, player_on
from mercato.model import Club
from mercato.rules.engine import check_move
from mercato.rules.load import load_rulebook
from mercato.rules.model import MoveCase, RuleBook, RuleOptions, RulesVerdict

__all__ = [
    "BadRulesInput",
    "association_of",
    "check_query",
    "resolve_case",
    "verdict_to_json",
]

_TRUE = {"1", "true", "yes", "y", "on"}


class BadRulesInput(MercatoError):
    """A rules question whose input cannot be used: names the input and the fix."""

    def __init__(self, name: str, reason: str, hint: str) -> None:
        super().__init__(f"{name}: {reason}; {hint}")
        self.name = name
        self.reason = reason
        self.hint = hint


@dataclass(frozen=True, slots=True)
class _Side:
    name: str | None
    association: str | None
    club: Club | None


def association_of(country: str, book: RuleBook) -> str:
    """Association code for a country name ("Spain • España" -> "ESP") or a code ("ESP")."""
    codes = set(book.associations.values())
    text = country.strip()
    if text.upper() in codes:
        return text.upper()
    for part in (text, *(p.strip() for p in text.split("•"))):
        if part in book.associations:
            return book.associations[part]
    return text.split("•")[0].strip()


def _text(params: Mapping[str, Any], key: str) -> str | None:
    value = params.get(key)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _date(params: Mapping[str, Any], key: str) -> date | None:
    text = _text(params, key)
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadRulesInput(key, f"{text!r} is not a date", "write it as YYYY-MM-DD") from None


def _is_loan(params: Mapping[str, Any]) -> bool:
    loan = params.get("loan", params.get("is_loan"))
    if isinstance(loan, bool):
        return loan
    if loan is not None and str(loan).strip().lower() in _TRUE:
        return True
    deal = _text(params, "deal_type")
    return deal is not None and deal.lower().startswith("loan")


def _club_side(name: str | None, country: str | None, key: str, kb: KnowledgeBase, book: RuleBook) -> _Side:
    club = kb.club_named(name) if name else None
    if country:
        return _Side(club.name if club else name, association_of(country, book), club)
    if club is None:
        if name is None:
            return _Side(None, None, None)
        raise BadRulesInput(
            key, f"unknown club {name!r}", f"check the spelling or give {key.replace('club', 'country')}"
        )
    if not club.country:
        raise BadRulesInput(
            key, f"the knowledge base has no country for {club.name!r}", f"give {key.replace('club', 'country')}"
        )
    return _Side(club.name, association_of(club.country, book), club)


def resolve_case(
    params: Mapping[str, Any],
    kb: KnowledgeBase,
    book: RuleBook | None = None,
    news: Iterable[ReportedMove] = (),
) -> tuple[MoveCase, date]:
    """The move and the date a query asks about, with gaps filled for that date (``news``:
    the completed moves of the player the store has read)."""
    book = book or load_rulebook()
    on = _date(params, "date")
    if on is None:
        raise BadRulesInput("date", "missing", "give the date of the question as YYYY-MM-DD")
    player_name = _text(params, "player")
    to_name = _text(params, "to_club")
    if to_name is None:
        raise BadRulesInput("to_club", "missing", "name the interested club")
    to = _club_side(to_name, _text(params, "to_country"), "to_club", kb, book)
    player = kb.player_named(player_name) if player_name else None
    who = player.name if player else (player_name or "the player")
    birth = _date(params, "birth_date") or (player.birth_date if player else None)
    expiry = _date(params, "contract_expiry")
    from_name, from_country = _text(params, "from_club"), _text(params, "from_country")
    then = player_on(player, on, kb, news) if player else None
    sources = []
    if from_name is None and from_country is None:
        if then is None or then.club is None:
            why = then.club_source if then else "he is not in the knowledge base"
            raise BadRulesInput("from_club", f"{who}'s club on {on} unknown ({why})", "give from_club")
        if to.club is not None and then.club.id == to.club.id:
            raise BadRulesInput(
                "from_club",
                f"{who} was already at {to.club.name} on {on} ({then.club_source})",
                "check the date, or give from_club",
            )
        from_name = then.club.name
        sources.append(("from_club", then.club_source))
    side = _club_side(from_name, from_country, "from_club", kb, book)
    at_his_club = then is not None and then.club is not None and side.club is not None and side.club.id == then.club.id
    if expiry is None:
        if not at_his_club or then is None or then.contract_expiry is None:
            why = then.contract_source if at_his_club and then else f"no source gives his {side.name} contract"
            raise BadRulesInput(
                "contract_expiry",
                f"unknown for {who} at {side.name or from_country} on {on} ({why})",
                "give contract_expiry as YYYY-MM-DD",
            )
        expiry = then.contract_expiry
        sources.append(("contract_expiry", then.contract_source))
    case = MoveCase(
        player=who,
        to_club=to.name or to_name,
        to_association=to.association or "",
        from_club=side.name or from_country,
        from_association=side.association,
        birth_date=birth,
        contract_expiry=expiry,
        is_loan=_is_loan(params),
        sources=tuple(sources),
    )
    return case, on


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def verdict_to_json(verdict: RulesVerdict) -> dict[str, Any]:
    """The verdict as one JSON object (the `mercato rules check --json` contract)."""
    case = verdict.case
    limits = verdict.loan_limits
    return {
        "player": case.player,
        "from_club": case.from_club,
        "to_club": case.to_club,
        "date": verdict.on.isoformat(),
        "contract_expiry": _iso(case.contract_expiry),
        "sources": dict(case.sources),
        "rules_of": verdict.body,
        "international": case.is_international,
        "move": verdict.move.value,
        "may_negotiate": verdict.may_negotiate,
        "earliest_negotiation_date": _iso(verdict.earliest_negotiation_date),
        "must_notify_current_club": verdict.must_notify_current_club,
        "may_sign_precontract": verdict.may_sign_precontract,
        "earliest_registration_date": _iso(verdict.earliest_registration_date),
        "earliest_registration_by_transfer": _iso(verdict.earliest_registration_by_transfer),
        "compensation_due": verdict.compensation_due,
        "compensation_kinds": [kind.value for kind in verdict.compensation_kinds],
        "loan_limits": None
        if limits is None
        else {
            "max_months": limits.max_months,
            "max_loaned_out": limits.max_loaned_out,
            "max_loaned_in": limits.max_loaned_in,
            "max_per_club": limits.max_per_club,
            "exempt": limits.exempt,
            "sub_loan_allowed": limits.sub_loan_allowed,
            "rules": list(limits.rule_ids),
        },
        "rules": [
            {"id": r.id, "citation": r.citation, "status": r.status.value, "unverified": r.unverified}
            for r in verdict.rules
        ],
        "unverified_rules": list(verdict.unverified_rules),
        "notes": list(verdict.notes),
    }


def check_query(
    params: Mapping[str, Any],
    kb: KnowledgeBase,
    book: RuleBook | None = None,
    options: RuleOptions | None = None,
    news: Iterable[ReportedMove] = (),
) -> dict[str, Any]:
    """Answer one rules question given as query parameters (the GET /rules/check body).

    Raises BadRulesInput naming the parameter when the input cannot be used.
    """
    book = book or load_rulebook()
    case, on = resolve_case(params, kb, book, news)
    return verdict_to_json(check_move(case, book, on, options or RuleOptions()))
