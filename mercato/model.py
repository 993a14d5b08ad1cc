"""Mercato's domain model: the records and vocabularies every pipeline stage shares.

Records are frozen dataclasses and vocabularies are enums. A value the text does not
give becomes an explicit member (``DealType.UNKNOWN``) or ``None`` where the contract
of design.md says so (``from_club``, ``fee``, ``reported_by``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

__all__ = [
    "Article",
    "Club",
    "DealType",
    "Evidence",
    "ExtractionResult",
    "Fee",
    "InjuryClaim",
    "ID_MAX",
    "InjuryStatus",
    "id_in",
    "Move",
    "Player",
    "RenewalClaim",
    "Saga",
    "Stage",
    "TransferClaim",
]


class Stage(StrEnum):
    """How far a move has gone, in order; ``off`` is terminal (a dead deal)."""

    INTEREST = "interest"
    APPROACH = "approach"
    NEGOTIATING = "negotiating"
    AGREED = "agreed"
    MEDICAL = "medical"
    COMPLETED = "completed"
    OFF = "off"

    @property
    def rank(self) -> int:
        """Position on the ladder; ``off`` ranks above all so it wins a merge."""
        return _STAGE_ORDER.index(self)


_STAGE_ORDER = list(Stage)


class DealType(StrEnum):
    """The terms of a move."""

    PERMANENT = "permanent"
    LOAN = "loan"
    LOAN_OPTION = "loan_option"
    LOAN_OBLIGATION = "loan_obligation"
    FREE = "free"
    UNKNOWN = "unknown"  # the text names no terms


@dataclass(frozen=True, slots=True)
class Fee:
    """A transfer fee in whole currency units (ISO 4217 currency)."""

    amount: int
    currency: str
    add_ons: int | None = None

    def __str__(self) -> str:
        """The fee as the press writes it: 'GBP 105m + 10m add-ons'."""
        amount = f"{self.amount / 1_000_000:g}m" if self.amount >= 1_000_000 else f"{self.amount:,}"
        return f"{self.currency} {amount}" + (f" + {self.add_ons / 1_000_000:g}m add-ons" if self.add_ons else "")


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence a claim rests on, with its character span in ``Article.text``."""

    sentence: str
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a file, page or feed entry."""

    id: str
    text: str
    content_hash: str
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    title: str | None = None
    source: str | None = None  # the file (and entry) it was read from


@dataclass(frozen=True, slots=True)
class Club:
    """A real club from the knowledge base."""

    id: int
    name: str  # canonical common English name
    country: str | None = None
    league: str | None = None
    aliases: tuple[str, ...] = ()
    nicknames: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Player:
    """A player from the knowledge base, or one first met in an article (``id`` None)."""

    name: str
    id: int | None = None
    aliases: tuple[str, ...] = ()
    birth_date: date | None = None
    position: str | None = None
    current_club_id: int | None = None
    contract_expiry: date | None = None
    market_value_eur: int | None = None
    peak_value_eur: int | None = None  # highest market value of his career
    foot: str | None = None
    nationality: str | None = None
    last_season: int | None = None  # last season (start year) in a covered squad


@dataclass(frozen=True, slots=True)
class Move:
    """A move in the knowledge base's transfer history (loans and returns from loan included)."""

    player_id: int
    on: date
    from_club_id: int | None
    to_club_id: int | None
    fee_eur: int | None  # 0: free, or a loan; None: not disclosed


@dataclass(frozen=True, slots=True)
class TransferClaim:
    """One article's claim that a player is moving (or may move) to a club."""

    player: str
    to_club: str
    stage: Stage
    deal_type: DealType
    evidence: Evidence
    from_club: str | None = None
    fee: Fee | None = None
    reported_by: str | None = None
    hedged: bool = False
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class RenewalClaim:
    """One article's claim that a player is extending his contract at his club."""

    player: str
    club: str
    stage: Stage
    evidence: Evidence
    article_id: str | None = None


class InjuryStatus(StrEnum):
    """Whether an article says a player can play."""

    INJURED = "injured"
    SUSPENDED = "suspended"
    FIT = "fit"  # back in training, recovered: ends an earlier absence


@dataclass(frozen=True, slots=True)
class InjuryClaim:
    """One article's claim that a player is injured, suspended or fit again."""

    player: str
    status: InjuryStatus
    evidence: Evidence
    until: date | None = None  # the return date the text gives, if any
    injury: str | None = None  # the injury named ("ACL", "hamstring"), if any
    reported_on: date | None = None  # the article's publication date
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    """What extraction found in one article."""

    article_id: str
    claims: tuple[TransferClaim, ...] = ()
    renewals: tuple[RenewalClaim, ...] = ()
    injuries: tuple[InjuryClaim, ...] = ()


@dataclass(frozen=True, slots=True)
class Saga:
    """One player and one destination club, merged across articles."""

    player: str
    to_club: str
    stage: Stage
    from_club: str | None
    first_seen: date | None
    last_seen: date | None
    claims: tuple[TransferClaim, ...] = field(default=())
    articles: int = 0
    likelihood: float | None = None
    reason: str | None = None  # why the saga is off: the denial, or a move or renewal elsewhere
    episode: int = 0  # the pair's first saga is 0; news after a long silence starts the next

    @property
    def key(self) -> tuple[str, str, int]:
        """(player, to_club, episode): what tells one saga from every other."""
        return self.player, self.to_club, self.episode


ID_MAX = 2**63 - 1  # the largest id: the database's integers are 64-bit


def id_in(text: str) -> int | None:
    """The id ``text`` writes, if it writes one: ASCII digits, within the database's 64 bits
    (not '²', which Python calls a digit, nor a number no row can have)."""
    text = text.strip()
    if text.isascii() and text.isdigit() and int(text) <= ID_MAX:
        return int(text)
    return None
