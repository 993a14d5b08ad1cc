"""The language of transfer news: which words assert which stage, terms, hedges and denials.

Each cue is a phrase of a lexicon file (``lexicons/en/``, read by ``phrases``) found in one
clause; the stage of a claim is the most advanced cue its clauses assert. Hedges ("could",
"no guarantee") and future intentions ("will open talks") cap a cue at ``interest``; negations
("yet to agree") void it (design.md, the stage ladder; dev-articles README, annotation rules).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mercato.extract.lexicon import Lexicon, Prefilter, lexicon
from mercato.extract.phrases import source
from mercato.model import DealType, Stage

__all__ = ["StageCue", "deal_type_of", "is_hedged", "renewal_stage", "says_free_transfer", "stage_cues"]

_STAGES = (Stage.OFF, Stage.COMPLETED, Stage.MEDICAL, Stage.AGREED, Stage.NEGOTIATING, Stage.APPROACH, Stage.INTEREST)
# The stage cues, off first (lexicons/en/stage-off.txt and so on). Every lexicon of this module
# runs on lower-cased text (see mercato.extract.lexicon).
_COMPILED = tuple((stage, lexicon(source(f"stage-{stage}"))) for stage in _STAGES)
_CUE_WORDS = Prefilter(*(pattern.source for _, pattern in _COMPILED))  # which stages a clause may cue
# The stages and lexicons that a set of candidate bits (as ``Prefilter.candidates`` gives it) stands for.
_CANDIDATES = tuple(
    tuple(cue for i, cue in enumerate(_COMPILED) if bits >> i & 1) for bits in range(1 << len(_COMPILED))
)

_HEDGE = lexicon(source("hedge"))
_DOUBT = lexicon(source("doubt"))
_NEGATION = lexicon(source("negation"))
_NEGATION_SCOPE = 28  # characters before a cue in which a negation voids it
_SELLER_STANCE = lexicon(source("seller-stance"))  # 'willing to listen to offers': not a buyer's approach
_DENIAL_NEGATED = re.compile(source("denial-negated"))


# Not frozen: built by the hundred for each article, and a frozen dataclass takes three times
# as long to build. Nothing changes one after it is built.
@dataclass(slots=True)
class StageCue:
    """A stage a clause asserts, and where its cue word sits in the clause."""

    stage: Stage
    start: int
    end: int
    hedged: bool


def is_hedged(text: str) -> bool:
    """Whether a clause doubts or defers what it reports."""
    return bool(_HEDGE.search(text.lower()))


def stage_cues(clause: str, only_denials: bool = False) -> list[StageCue]:
    """Every stage cue in a clause, with hedges capping and negations voiding it.

    ``only_denials`` looks for ``off`` cues alone: a clause naming no one can only kill a deal.
    """
    cues = []
    lowered = clause.lower()
    stages = int(_COMPILED[0][1].may_match(lowered)) if only_denials else _CUE_WORDS.candidates(lowered)
    for stage, pattern in _CANDIDATES[stages]:
        for m in pattern.pattern.finditer(lowered):  # the prefilter above has let it through
            before = lowered[max(0, m.start() - _NEGATION_SCOPE) : m.start()]
            if stage is not Stage.OFF and _NEGATION.search(before):
                continue
            if stage is Stage.OFF and _DENIAL_NEGATED.search(before):
                continue
            if stage is Stage.APPROACH and _SELLER_STANCE.search(before):
                continue
            hedge = _DOUBT if stage is Stage.MEDICAL else _HEDGE  # 'will undergo a medical' is booked
            hedged = stage not in (Stage.OFF, Stage.INTEREST) and bool(
                hedge.search(lowered[max(0, m.start() - 60) : m.start()])
            )
            cues.append(StageCue(stage, m.start(), m.end(), hedged))
    return cues


_DEAL_TYPES: tuple[tuple[DealType, Lexicon], ...] = (
    (DealType.LOAN, lexicon(source("deal-loan-no-option"))),
    (DealType.LOAN_OBLIGATION, lexicon(source("deal-loan-obligation"))),
    (DealType.LOAN_OPTION, lexicon(source("deal-loan-option"))),
    (DealType.LOAN, lexicon(source("deal-loan"))),
    (DealType.FREE, lexicon(source("deal-free"))),
    (DealType.PERMANENT, lexicon(source("deal-permanent") + r"|[£€$]\s?\d")),  # a sum of money is a fee
)


_FREE = next(p for deal_type, p in _DEAL_TYPES if deal_type is DealType.FREE)
_TERMS_WORDS = Prefilter(*(p.source for _, p in _DEAL_TYPES))  # which terms a text may state


def says_free_transfer(text: str) -> bool:
    """Whether a text says the player moves as his contract ends (a free transfer)."""
    return bool(_FREE.search(text.lower()))


def deal_type_of(texts: list[str]) -> DealType:
    """The terms a claim's sentences state: loan kinds and free moves before a fee or bid."""
    joined = " ".join(texts).lower()
    stated = _TERMS_WORDS.candidates(joined)
    for i, (deal_type, pattern) in enumerate(_DEAL_TYPES):
        if stated >> i & 1 and pattern.pattern.search(joined):
            return deal_type
    return DealType.UNKNOWN


_RENEWAL = lexicon(source("renewal"))
_RENEWAL_STAGES: tuple[tuple[Stage, Lexicon], ...] = tuple(
    (stage, lexicon(source(f"renewal-{stage}")))
    for stage in (Stage.OFF, Stage.COMPLETED, Stage.AGREED, Stage.NEGOTIATING)
)
_RENEWAL_REFUSED = lexicon(source("renewal-refused"))


def renewal_stage(clause: str) -> tuple[Stage, int] | None:
    """The stage of a contract renewal a clause reports and where it says so, or None."""
    lowered = clause.lower()
    cue = _RENEWAL.search(lowered)
    if not cue or _RENEWAL_REFUSED.search(lowered):
        return None
    for stage, pattern in _RENEWAL_STAGES:
        if pattern.search(lowered):
            return stage, cue.start()
    return Stage.NEGOTIATING, cue.start()
