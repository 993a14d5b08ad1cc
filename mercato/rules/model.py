"""The rules engine's records: the rule book read from data, a move to check, a verdict."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

__all__ = [
    "CompensationKind",
    "LoanCap",
    "LoanLimits",
    "Move",
    "MoveCase",
    "Period",
    "Regime",
    "Rule",
    "RuleBook",
    "RuleOptions",
    "RulesVerdict",
    "Status",
]


class Status(StrEnum):
    """How far a rule was checked against its source (see docs/rules.md)."""

    VERIFIED = "VERIFIED"  # seen in the cited source
    PARTIAL = "PARTIAL"  # secondary source, or only part of the rule seen
    UNVERIFIED = "UNVERIFIED"  # background knowledge or conflicting sources: flagged


class Move(StrEnum):
    """The move the verdict describes."""

    FREE_AGENT = "free_agent"  # out of contract on the date
    PRE_CONTRACT = "pre_contract"  # signs now, joins when his contract ends
    TRANSFER = "transfer"  # under contract: only by agreement between the clubs
    LOAN = "loan"


class CompensationKind(StrEnum):
    """What the interested club may owe for the move."""

    TRANSFER_FEE = "transfer_fee"
    TRAINING_COMPENSATION = "training_compensation"
    TRIBUNAL_COMPENSATION = "tribunal_compensation"  # domestic, set by a tribunal (PFCC)
    SOLIDARITY_CONTRIBUTION = "solidarity_contribution"


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule with its source: what the answer cites."""

    id: str
    body: str  # "FIFA", "England", ..., or "Windows"
    summary: str
    citation: str
    status: Status

    @property
    def unverified(self) -> bool:
        """Applied, but not confirmed against its source."""
        return self.status is Status.UNVERIFIED


@dataclass(frozen=True, slots=True)
class Period:
    """A registration period (transfer window) of one association, both days included."""

    association: str
    start: date
    end: date
    rule_id: str

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass(frozen=True, slots=True)
class LoanCap:
    """A limit on loans a club may have at once, in force from ``start`` (to ``end``)."""

    start: date
    end: date | None
    out: int
    into: int
    same_club: int | None = None
    exempt_age: int | None = None


@dataclass(frozen=True, slots=True)
class Regime:
    """How one body treats a move: FIFA for international moves, a nation for domestic ones."""

    body: str
    negotiation: str  # "six_months" or "season_end" (England)
    notice_required: bool
    notice_rule: str
    allowed_rule: str
    before_rule: str
    free_agent_rule: str
    compensation: str  # "fifa", "england" or "none"
    transfer_rule: str
    compensation_rule: str | None = None
    precontract_rule: str | None = None
    loan_rule: str | None = None
    loan_caps: tuple[LoanCap, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleBook:
    """Every rule, regime and registration period, as read from ``mercato/rules/data``."""

    rules: dict[str, Rule]
    international: Regime
    domestic: dict[str, Regime]  # association code -> regime
    periods: dict[str, tuple[Period, ...]]  # association code -> periods in date order
    default_periods: tuple[Period, ...]  # for an association with no calendar here
    associations: dict[str, str]  # country name -> association code
    eu_eea: frozenset[str]
    eu_eea_until: dict[str, date]
    loan_caps: tuple[LoanCap, ...]  # FIFA-10-CAP
    season_end: dict[int, date]  # England: final Premier League matchday by year
    negotiation_months: int = 6
    training_compensation_last_birthday: int = 23
    loan_same_club: int = 3
    loan_max_months: int = 12
    loan_exempt_age: int = 21
    loans_from: date = date(2022, 7, 1)

    def periods_for(self, association: str) -> tuple[Period, ...]:
        """The association's registration periods, or the generic pattern if it has none."""
        return self.periods.get(association, self.default_periods)

    def in_eu_eea(self, association: str, on: date) -> bool:
        """Whether the association was in the EU/EEA on that date (Brexit: 2020-12-31)."""
        if association in self.eu_eea:
            return True
        until = self.eu_eea_until.get(association)
        return until is not None and on <= until


@dataclass(frozen=True, slots=True)
class RuleOptions:
    """Values the rules leave open, with the defaults docs/rules.md explains."""

    england_approach: str | None = None
    """Month-day ("MM-DD") from which an English club may approach another English club's
    player whose contract ends in June. Default (None): the day after the final Premier
    League matchday of that season, or the third Friday in May for a season not listed."""

    assume_contract_offered: bool = True
    """Whether the former club offered a new contract (FIFA-A4-EU-OFFER, ENG-U24-COMP)."""

    assume_club_trained: bool = False
    """Whether a loaned player counts as club-trained at the lending club (FIFA-10-EXEMPT)."""


@dataclass(frozen=True, slots=True)
class MoveCase:
    """A player, his current situation and the club that wants him."""

    player: str
    to_club: str
    to_association: str
    from_club: str | None = None  # None: no current club
    from_association: str | None = None
    birth_date: date | None = None
    contract_expiry: date | None = None
    is_loan: bool = False
    sources: tuple[tuple[str, str], ...] = ()  # (fact, where it came from) for each fact not given

    @property
    def is_international(self) -> bool:
        """Between two associations (FIFA rules), rather than inside one."""
        return self.from_association is not None and self.from_association != self.to_association


@dataclass(frozen=True, slots=True)
class LoanLimits:
    """The loan limits that apply to a loan move."""

    max_months: int | None
    max_loaned_out: int | None
    max_loaned_in: int | None
    max_per_club: int | None
    exempt: bool
    sub_loan_allowed: bool
    rule_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RulesVerdict:
    """What the rules say about a move on a date, and which rules say it.

    ``None`` in a field means the inputs do not decide it (``notes`` says what is missing).
    """

    case: MoveCase
    on: date
    body: str  # whose rules apply: "FIFA" or the nation
    move: Move
    may_negotiate: bool | None
    earliest_negotiation_date: date | None
    must_notify_current_club: bool | None
    may_sign_precontract: bool | None
    earliest_registration_date: date | None
    earliest_registration_by_transfer: date | None  # with the current club's agreement
    compensation_kinds: tuple[CompensationKind, ...]
    loan_limits: LoanLimits | None
    rules: tuple[Rule, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def compensation_due(self) -> bool:
        """Whether the interested club owes anything for the move."""
        return bool(self.compensation_kinds)

    @property
    def unverified_rules(self) -> tuple[str, ...]:
        """Ids of the unverified rules this verdict used."""
        return tuple(rule.id for rule in self.rules if rule.unverified)
