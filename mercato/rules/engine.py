"""The rules engine: what a club may do about a player on a date, and which rules say so.

Pure: the rule book, the move and the date come in as arguments; nothing is read here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from mercato.rules.calendar import england_approach_date, first_registration, six_month_date
from mercato.rules.model import (
    CompensationKind,
    LoanCap,
    LoanLimits,
    Move,
    MoveCase,
    Regime,
    RuleBook,
    RuleOptions,
    RulesVerdict,
)

__all__ = ["check_move", "regime_for"]

_ONE_DAY = timedelta(days=1)
_DEFAULT_OPTIONS = RuleOptions()


@dataclass(slots=True)
class _Trail:
    """The rule ids and notes gathered while checking one move, in first-use order."""

    rule_ids: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def use(self, *rule_ids: str | None) -> None:
        for rule_id in rule_ids:
            if rule_id and rule_id not in self.rule_ids:
                self.rule_ids.append(rule_id)


def regime_for(case: MoveCase, book: RuleBook) -> Regime:
    """FIFA's rules between associations; the nation's rules, or FIFA's as its copy, inside one."""
    if case.is_international:
        return book.international
    national = book.domestic.get(case.to_association)
    if national is not None:
        return national
    return replace(
        book.international,
        body=f"{case.to_association} (FIFA rules as national copy)",
        compensation="none",
        compensation_rule="FIFA-1.3-NATIONAL",
        loan_rule="FIFA-10-DOMESTIC",
    )


def _age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _negotiation_opens(expiry: date, regime: Regime, book: RuleBook, options: RuleOptions, trail: _Trail) -> date:
    if regime.negotiation == "season_end":
        opens, from_table = england_approach_date(expiry, book, options)
        if from_table:
            trail.use("ENG-SEASON-END")
        return opens
    return six_month_date(expiry, book.negotiation_months)


def _register(
    case: MoveCase,
    book: RuleBook,
    regime: Regime,
    start: date,
    free_from: date | None,
    free_agent: bool,
    trail: _Trail,
) -> date | None:
    """First registration day from ``start``, citing the window or exception it uses."""
    found = first_registration(book.periods_for(case.to_association), start, free_from, free_agent)
    if found is None:
        trail.notes.append(f"no registration period of {case.to_association} known after {start}")
        return None
    day, period, exception = found
    if exception:
        trail.use(regime.free_agent_rule, period.rule_id if period else None)
    elif period is not None:
        trail.use("FIFA-6-WINDOW", period.rule_id)
    return day


def _training_compensation_end(birth: date, book: RuleBook) -> date:
    return date(birth.year + book.training_compensation_last_birthday, 12, 31)


def _compensation(
    case: MoveCase,
    regime: Regime,
    move: Move,
    joins: date | None,
    book: RuleBook,
    options: RuleOptions,
    trail: _Trail,
) -> tuple[CompensationKind, ...]:
    """What the interested club owes for the move, joining on ``joins``."""
    kinds: list[CompensationKind] = []
    if move is Move.LOAN:
        trail.notes.append("a loan fee is whatever the clubs agree; no compensation is mandatory")
        return ()
    if case.from_club is None:
        trail.notes.append("no former club: no compensation")
        return ()
    if move is Move.TRANSFER:
        kinds.append(CompensationKind.TRANSFER_FEE)
        trail.use(regime.transfer_rule)
        if case.is_international:
            kinds.append(CompensationKind.SOLIDARITY_CONTRIBUTION)
            trail.use("FIFA-A5-SOLIDARITY")
    if regime.compensation == "fifa":
        if case.birth_date is None or joins is None:
            trail.notes.append("birth date unknown: training compensation not assessed")
        elif joins <= _training_compensation_end(case.birth_date, book):
            trail.use("FIFA-A4-TC")
            eu_move = book.in_eu_eea(case.to_association, joins) and (
                case.from_association is not None and book.in_eu_eea(case.from_association, joins)
            )
            if eu_move and move is not Move.TRANSFER:
                trail.use("FIFA-A4-EU-OFFER")
                if not options.assume_contract_offered:
                    return tuple(kinds)
                trail.notes.append("training compensation assumes the former club offered a new contract (EU/EEA rule)")
            kinds.append(CompensationKind.TRAINING_COMPENSATION)
        else:
            trail.use("FIFA-A4-TC")
    elif regime.compensation == "england" and move is not Move.TRANSFER:
        _england_compensation(case, options, kinds, trail)
    elif move is not Move.TRANSFER:
        trail.use(regime.compensation_rule)
    return tuple(kinds)


def _england_compensation(case: MoveCase, options: RuleOptions, kinds: list[CompensationKind], trail: _Trail) -> None:
    """ENG-U24-COMP and ENG-ACADEMY-COMP: out-of-contract moves between English clubs."""
    if case.birth_date is None or case.contract_expiry is None:
        trail.notes.append("birth date or contract expiry unknown: under-24 compensation not assessed")
        return
    age = _age_on(case.birth_date, case.contract_expiry)
    if age < 18:
        trail.use("ENG-ACADEMY-COMP")
        kinds.append(CompensationKind.TRIBUNAL_COMPENSATION)
        return
    trail.use("ENG-U24-COMP")
    if age < 24 and options.assume_contract_offered:
        kinds.append(CompensationKind.TRIBUNAL_COMPENSATION)
        trail.notes.append("under-24 compensation assumes the former club offered a qualifying new contract")


def _cap_on(caps: tuple[LoanCap, ...], day: date) -> LoanCap | None:
    for cap in caps:
        if cap.start <= day and (cap.end is None or day <= cap.end):
            return cap
    return None


def _age_exempt(birth: date | None, day: date, exempt_age: int) -> bool:
    """Loaned before the end of the season (30 June) in which he turns ``exempt_age``."""
    if birth is None:
        return False
    birthday = _add_years(birth, exempt_age)
    season_end = date(birthday.year + (1 if birthday.month > 6 else 0), 6, 30)
    return day <= season_end


def _loan_limits(
    case: MoveCase,
    regime: Regime,
    book: RuleBook,
    starts: date,
    options: RuleOptions,
    trail: _Trail,
) -> LoanLimits:
    """Which loan limits apply to a loan starting on ``starts``."""
    if case.is_international:
        if starts < book.loans_from:
            trail.notes.append(f"FIFA loan limits apply only from {book.loans_from}")
            return LoanLimits(None, None, None, None, False, True, ())
        cap = _cap_on(book.loan_caps, starts)
        exempt = options.assume_club_trained or _age_exempt(case.birth_date, starts, book.loan_exempt_age)
        ids = ["FIFA-10-FORM", "FIFA-10-EXEMPT"] if exempt else ["FIFA-10-FORM", "FIFA-10-SAMECLUB", "FIFA-10-CAP"]
        trail.use(*ids)
        if exempt or cap is None:
            return LoanLimits(book.loan_max_months, None, None, None, exempt, False, tuple(ids))
        return LoanLimits(book.loan_max_months, cap.out, cap.into, book.loan_same_club, False, False, tuple(ids))
    ids = [i for i in (regime.loan_rule, "FIFA-10-DOMESTIC") if i]
    trail.use(*ids)
    cap = _cap_on(regime.loan_caps, starts)
    if cap is None:
        return LoanLimits(None, None, None, None, False, True, tuple(ids))
    exempt = cap.exempt_age is not None and (
        options.assume_club_trained or _age_exempt(case.birth_date, starts, cap.exempt_age)
    )
    if exempt:
        return LoanLimits(None, None, None, None, True, True, tuple(ids))
    return LoanLimits(None, cap.out, cap.into, cap.same_club, False, True, tuple(ids))


def check_move(case: MoveCase, rules: RuleBook, today: date, options: RuleOptions = _DEFAULT_OPTIONS) -> RulesVerdict:
    """Check a move on ``today``: negotiation, notice, pre-contract, registration, what is due."""
    trail = _Trail()
    regime = regime_for(case, rules)
    if regime.compensation_rule == "FIFA-1.3-NATIONAL":
        trail.use("FIFA-1.3-NATIONAL")
    expiry = case.contract_expiry
    free = case.from_club is None or (expiry is not None and today > expiry)
    opens = (
        _negotiation_opens(expiry, regime, rules, options, trail)
        if expiry is not None and case.from_club is not None
        else None
    )
    by_transfer: date | None = None
    loan_limits: LoanLimits | None = None

    if free:
        move = Move.FREE_AGENT
        may_negotiate: bool | None = True
        must_notify: bool | None = False
        trail.use(regime.allowed_rule)
        if case.is_loan:
            trail.notes.append("a player out of contract cannot be loaned; checked as a signing")
        free_from = expiry + _ONE_DAY if expiry is not None else None
        registration = _register(case, rules, regime, today, free_from, True, trail)
        joins = registration
    elif expiry is None:
        move = Move.LOAN if case.is_loan else Move.TRANSFER
        may_negotiate, must_notify = None, regime.notice_required
        trail.use(regime.notice_rule)
        trail.notes.append(
            "contract expiry unknown: negotiation and pre-contract not assessed; give the contract expiry"
        )
        registration = _register(case, rules, regime, today, None, False, trail)
        joins = registration
    elif opens is not None:
        may_negotiate = today >= opens
        must_notify = regime.notice_required
        trail.use(regime.allowed_rule if may_negotiate else regime.before_rule, regime.notice_rule)
        if case.is_loan:
            move = Move.LOAN
            registration = _register(case, rules, regime, today, None, False, trail)
            joins = registration
        elif may_negotiate:
            move = Move.PRE_CONTRACT
            trail.use(regime.precontract_rule)
            free_from = expiry + _ONE_DAY
            registration = _register(case, rules, regime, max(today, free_from), free_from, True, trail)
            joins = registration
            earlier = first_registration(rules.periods_for(case.to_association), today, None, False)
            if earlier is not None and registration is not None and earlier[0] < registration:
                by_transfer = earlier[0]
                trail.use(earlier[1].rule_id if earlier[1] else None)
                trail.notes.append(
                    f"registration from {by_transfer} is possible only by a transfer the current club agrees, for a fee"
                )
        else:
            move = Move.TRANSFER
            trail.use("FIFA-17-BREACH" if case.is_international else None)
            registration = _register(case, rules, regime, today, None, False, trail)
            joins = registration
    else:  # unreachable: a player with a club and an expiry always has an opening date
        raise AssertionError("negotiation opening date missing")

    if move is Move.LOAN:
        loan_limits = _loan_limits(case, regime, rules, registration or today, options, trail)
    kinds = _compensation(case, regime, move, joins, rules, options, trail)
    if move is Move.TRANSFER:
        by_transfer = registration
    return RulesVerdict(
        case=case,
        on=today,
        body=regime.body,
        move=move,
        may_negotiate=may_negotiate,
        earliest_negotiation_date=opens,
        must_notify_current_club=must_notify,
        may_sign_precontract=may_negotiate,
        earliest_registration_date=registration,
        earliest_registration_by_transfer=by_transfer,
        compensation_kinds=kinds,
        loan_limits=loan_limits,
        rules=tuple(rules.rules[i] for i in trail.rule_ids if i in rules.rules),
        notes=tuple(trail.notes),
    )
