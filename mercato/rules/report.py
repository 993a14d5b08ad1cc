"""Verdicts in words: the readable answer, the saga view's one-line status, and case batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from mercato.kb import KnowledgeBase
from mercato.kb.facts import ReportedMove
from mercato.rules.engine import check_move
from mercato.rules.load import load_rulebook
from mercato.rules.model import Move, RuleBook, RuleOptions, RulesVerdict
from mercato.rules.query import BadRulesInput, resolve_case, verdict_to_json

__all__ = ["check_cases", "describe_verdict", "rules_status", "status_line"]

_KIND_WORDS = {
    "transfer_fee": "a transfer fee",
    "training_compensation": "FIFA training compensation",
    "tribunal_compensation": "compensation agreed or set by the domestic tribunal",
    "solidarity_contribution": "the 5% solidarity contribution",
}


def _current(verdict: RulesVerdict) -> str:
    return verdict.case.from_club or "his current club"


def status_line(verdict: RulesVerdict) -> str:
    """One line for the saga view, e.g. 'Real Madrid may negotiate since 2025-01-01 and must
    inform Liverpool in writing; earliest registration 2025-07-01'."""
    case, opens = verdict.case, verdict.earliest_negotiation_date
    if verdict.move is Move.FREE_AGENT:
        talk = f"{case.to_club} may negotiate freely (he is out of contract)"
    elif verdict.may_negotiate is None:
        talk = f"{case.to_club} may negotiate: unknown (contract expiry unknown)"
    elif verdict.may_negotiate:
        talk = f"{case.to_club} may negotiate since {opens}"
    else:
        talk = f"{case.to_club} may not negotiate with him before {opens} without {_current(verdict)}'s consent"
    if verdict.must_notify_current_club and verdict.move is not Move.FREE_AGENT:
        talk += f" and must inform {_current(verdict)} in writing"
    registration = verdict.earliest_registration_date
    line = f"{talk}; earliest registration {registration or 'unknown'}"
    if verdict.move is Move.TRANSFER:
        line += f" (by a transfer agreed with {_current(verdict)})"
    if verdict.unverified_rules:
        line += f" [unverified: {', '.join(verdict.unverified_rules)}]"
    return line


def describe_verdict(verdict: RulesVerdict) -> list[str]:
    """The readable answer: one line per question, then the rules used with citations."""
    case = verdict.case
    yes_no = {True: "yes", False: "no", None: "unknown"}
    move_words = {
        Move.FREE_AGENT: "he is out of contract: a free signing",
        Move.PRE_CONTRACT: "he may sign now and join when his contract ends",
        Move.TRANSFER: "he is under contract: only a transfer agreed between the clubs",
        Move.LOAN: "a loan agreed between the clubs",
    }
    kinds = [_KIND_WORDS[k.value] for k in verdict.compensation_kinds]
    lines = [
        f"{case.player}: {case.from_club or 'no club'} -> {case.to_club} on {verdict.on} ({verdict.body} rules)",
        f"  move: {move_words[verdict.move]}",
        f"  may negotiate: {yes_no[verdict.may_negotiate]} (from {verdict.earliest_negotiation_date or 'unknown'})",
        f"  must inform {_current(verdict)} in writing first: {yes_no[verdict.must_notify_current_club]}",
        f"  may sign a pre-contract: {yes_no[verdict.may_sign_precontract]}",
        f"  earliest registration: {verdict.earliest_registration_date or 'unknown'}",
    ]
    values = {
        "from_club": (f"club on {verdict.on}", case.from_club),
        "contract_expiry": ("contract until", case.contract_expiry),
    }
    lines[1:1] = [f"  {values[fact][0]}: {values[fact][1]} ({source})" for fact, source in case.sources]
    if verdict.earliest_registration_by_transfer and verdict.move is Move.PRE_CONTRACT:
        lines.append(f"  earlier by a transfer {_current(verdict)} agrees: {verdict.earliest_registration_by_transfer}")
    lines.append(f"  due: {', '.join(kinds) if kinds else 'nothing'}")
    if verdict.loan_limits is not None:
        limits = verdict.loan_limits
        caps = (
            "exempt from the caps"
            if limits.exempt
            else f"at most {limits.max_loaned_out} out / {limits.max_loaned_in} in, {limits.max_per_club} with one club"
            if limits.max_loaned_out
            else "no caps encoded"
        )
        lines.append(f"  loan limits: {caps}" + (f"; at most {limits.max_months} months" if limits.max_months else ""))
    lines.extend(f"  note: {note}" for note in verdict.notes)
    lines.append("  rules:")
    for rule in verdict.rules:
        flag = " UNVERIFIED" if rule.unverified else f" {rule.status.value}"
        lines.append(f"    {rule.id} [{flag.strip()}] {rule.summary} ({rule.citation})")
    return lines


def rules_status(
    player: str,
    to_club: str,
    on: date,
    kb: KnowledgeBase,
    from_club: str | None = None,
    contract_expiry: date | None = None,
    book: RuleBook | None = None,
    options: RuleOptions | None = None,
    news: Iterable[ReportedMove] = (),
) -> str:
    """The saga view's one-line rules status for a player and destination on a date (``news``:
    his completed moves the store has read)."""
    params = {
        "player": player,
        "to_club": to_club,
        "date": on.isoformat(),
        "from_club": from_club,
        "contract_expiry": contract_expiry.isoformat() if contract_expiry else None,
    }
    book = book or load_rulebook()
    try:
        case, day = resolve_case(params, kb, book, news)
    except BadRulesInput as problem:
        return f"rules status unknown ({problem})"
    return status_line(check_move(case, book, day, options or RuleOptions()))


def check_cases(
    cases: Iterable[Any],
    kb: KnowledgeBase,
    book: RuleBook | None = None,
    options: RuleOptions | None = None,
) -> Iterator[dict[str, Any]]:
    """One JSON answer per case, in order, echoing its id; a bad case yields an error object."""
    book = book or load_rulebook()
    for index, case in enumerate(cases):
        if not isinstance(case, Mapping):
            yield {
                "id": None,
                "error": f'case {index + 1}: not a JSON object; write each case as {{"id": ..., "to_club": ...}}',
            }
            continue
        case_id = case.get("id")
        try:
            resolved, on = resolve_case(case, kb, book)
            answer = verdict_to_json(check_move(resolved, book, on, options or RuleOptions()))
        except BadRulesInput as problem:
            yield {"id": case_id, "error": str(problem)}
            continue
        except Exception as problem:  # the batch goes on; the error names the case
            yield {"id": case_id, "error": f"case {case_id!r}: {problem}"}
            continue
        yield {"id": case_id, **answer}
