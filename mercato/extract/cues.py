"""The language of transfer news: which words assert which stage, terms, hedges and denials.

Each cue is a regular expression over one clause; the stage of a claim is the most advanced
cue its clauses assert. Hedges ("could", "no guarantee") and future intentions ("will open
talks") cap a cue at ``interest``; negations ("yet to agree") void it (design.md, the stage
ladder; dev-articles README, annotation rules).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mercato.extract.lexicon import Lexicon, Prefilter, lexicon
from mercato.model import DealType, Stage

__all__ = ["StageCue", "deal_type_of", "is_hedged", "renewal_stage", "says_free_transfer", "stage_cues"]

_W = r"(?:[\w'’£€$.,-]+\s+)"  # one word and its space, for 'agreed a £72m fee'

_CUES: tuple[tuple[Stage, str], ...] = (
    (
        Stage.OFF,
        r"collaps\w*|fell through|falls? through|pull(?:ed|s|ing)? out|pulled the plug|walked away|baulked|balked|"
        r"backed out|not for sale|"
        r"walk away|abandon\w*|opted against|decided against|not pursuing|no longer (?:interested|pursuing|in the race)|"
        r"(?:is|are|was) [\'\"‘“]?closed|no chance|not heading|unsuccessful\w*|"
        r"failed (?:to (?:sign|land|agree|complete|secure|convince|prise|get|reach|meet)|in (?:an?|their|his) "
        r"(?:approach|bid|attempt|pursuit))|failed (?:\w+ ){0,2}(?:move|transfer|bid|deal|switch|pursuit)|"
        r"block(?:ed|ing)? the (?:move|deal|transfer)|stepping in to block|priced out|drawn a blank|"
        r"ruled out (?:a|any) (?:move|transfer|deal|return)|(?:rejected|turned down|snubbed) the (?:chance|opportunity|move) to join|"
        r"chosen to (?:renew|stay|remain)|decided to stay|won'?t be able to (?:convince|sign|land)|missed out|"
        r"lost out|deal (?:may be|is) off|\bis off\b|moving on to other|"
        r"didn'?t want to join|refused to (?:join|sign)|would prove too expensive|not willing to match|"
        r"(?:denied|deny|denies) (?:the (?:move|reports?|claims|story|rumours?)|any (?:interest|talks|approach|bid|contact|move)|"
        r"reports|claims|that|interest|a (?:move|bid|deal))|not (?:currently )?in the race|ended (?:their|his) interest|"
        r"cool(?:ed)? (?:their )?interest|out of the race",
    ),
    (
        Stage.COMPLETED,
        r"(?:have|has|had)\s+(?:now\s+|officially\s+|already\s+|just\s+)?(?:completed|confirmed|sealed|finalised|finalized|announced)\b|"
        r"completed?\s+(?:a |his |the |their )?" + _W + r"{0,3}(?:move|switch|transfer|signing|deal)\b|"
        r"(?:have|has|had)\s+(?:already\s+|now\s+|just\s+|so far\s+(?:only\s+)?)?(?:signed|bought|unveiled|snapped up|landed|sold)\b|"
        r"\bjoined\b(?!(?:\s+\w+){0,3}\s+in the (?:race|hunt|queue|battle|chase))|joins\b|\bsigned for\b|signed (?:a |an )?"
        + _W
        + r"{0,2}(?:deal|contract) (?:at|with)\b|"
        r"confirm(?:ed|s)? the (?:[^ ]+ )?(?:signing|arrival|capture)|officially|unveil\w*|arrival of|addition of|"
        r"arrived (?:on|at|from)\b|saw them (?:buy|sign)|(?:summer|january|winter|first|second|third|final|latest|new) signing|"
        r"(?:have|has) paid\b|\blost\s+" + _W + r"{0,4}to\b|sealed .*signing|"
        r"signed (?:a |an )?\w+-year (?:deal|contract)|signing so far|"
        r"(?:only|senior|marquee|record) signing",
    ),
    (
        Stage.MEDICAL,
        r"medical|here we go|on the (?:brink|verge) of|imminent|"
        r"prepares? for (?:a|his) .*move|all but (?:certain|complete)",
    ),
    (
        Stage.AGREED,
        r"agree(?:d|s|ing)?\b(?: to)?\s+"
        + _W
        + r"{0,5}(?:fee|deal|terms|personal terms|agreement|contract|loan|package|move|transfer)|"
        r"(?:fee|terms|deal) (?:has been |have been |was |were )?agreed|agreement (?:in principle )?(?:with|over|for|on)|"
        r"reach(?:ed|es|ing)? (?:an?|full|total|verbal) ?(?:\w+ )?agreement|verbal agreement|pre-contract|"
        r"bid (?:has been |was |had been )?accepted|accepted (?:an?|their|the) (?:[^ ]+ )?(?:bid|offer)|"
        r"bid accepted|has been successful|doing a deal|deal (?:is |was )?(?:done|in place)|"
        r"secured (?:one|a|the)? ?(?:notable )?(?:free )?(?:transfer|deal|signing)",
    ),
    (
        Stage.NEGOTIATING,
        r"\btalks?\b|negotiat\w+|discussions?|set to (?:sign|join|complete|seal|swap|beat|land|move)|"
        r"close to (?:sign|join|agree|complet|a deal|an agreement|seal)\w*|closer to|in advanced|"
        r"progress\w*|likely to (?:move|join|sign)|could seal|in line to (?:join|sign)|"
        r"working on (?:a|the) (?:deal|package|move)|held talks|opened talks|closing in on",
    ),
    (
        Stage.APPROACH,
        r"\b(?:bid|bids|offer|offers|offered|proposal|enquir\w+|inquir\w+)\b|made contact|contacted|"
        r"made an approach|approach(?:ed)?\b(?! to)|tabled|invited|submitted",
    ),
    (
        Stage.INTEREST,
        r"interest\w*|linked|keen|monitor\w*|scout\w*|watch\w*|target\w*|\beye(?:s|ing|d)?\b|chas\w+|"
        r"pursu\w+|\bwants?\b|\bwanted\b|admir\w+|consider\w*|looking at|look at|rival|\brace\b|swoop|plot\w*|"
        r"in the frame|frontrunners?|contenders?|on (?:their|his) (?:list|radar|shortlist)|sniffing|"
        r"ready to|move for|move to|switch|\bjoin\b|\bsign\b|signing|\bland\b|coveted|covet\w*|courting|tempt|"
        r"favourites?|attention|credited|would like|refused to rule out|not ruling out|flirted|open to a move|"
        r"in the hunt|return to|prefer\w*|priority|push for|battl\w+|convince|move away|loan\w*|"
        r"move (?:back )?to|swap|bring in|sell him|eager to|hope to sign|hoping to sign|hopes to sign",
    ),
)
# Every lexicon of this module runs on lower-cased text (see mercato.extract.lexicon).
_COMPILED = tuple((stage, lexicon(rf"\b(?:{pattern})")) for stage, pattern in _CUES)
_CUE_WORDS = Prefilter(*(rf"\b(?:{pattern})" for _, pattern in _CUES))  # which stages a clause may cue
# The stages and lexicons that a set of candidate bits (as ``Prefilter.candidates`` gives it) stands for.
_CANDIDATES = tuple(
    tuple(cue for i, cue in enumerate(_COMPILED) if bits >> i & 1) for bits in range(1 << len(_COMPILED))
)

_HEDGE = lexicon(
    r"\b(?:could|may|might|would|should|if|will|wants? to|hope|hopes|hoping|plans?|planning|"
    r"potential|possible|possibly|ready to|considering|expected to|in the coming days|next week|"
    r"no guarantee|whether|unless|looking to|looking at|keen to|intend\w*|aim\w*)\b"
)
_DOUBT = lexicon(r"\b(?:could|may|might|would|should|if|whether|unless|no guarantee)\b")
_NEGATION = lexicon(r"\b(?:not|n't|never|yet to|no|without|refused to|unable to|nor|neither)\b|n't\b")
_NEGATION_SCOPE = 28  # characters before a cue in which a negation voids it
# 'willing to listen to offers': the selling club's stance, not a buyer's approach.
_SELLER_STANCE = lexicon(
    r"(?:listen(?:ing)? to|open to|accept(?:ing)?|field(?:ing)?|invit(?:e|ing)|"
    r"consider(?:ing)?|entertain(?:ing)?)\s+(?:\w+\s+)?$"
)
_DENIAL_NEGATED = re.compile(r"\b(?:not|n't)\s*$")


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
    (DealType.LOAN, lexicon(r"\bno obligation to buy|without an? (?:option|obligation)")),
    (
        DealType.LOAN_OBLIGATION,
        lexicon(r"obligation to (?:buy|purchase|make)|obligatory|mandatory (?:purchase|buy)"),
    ),
    (DealType.LOAN_OPTION, lexicon(r"option to (?:buy|purchase|make)|loan-to-buy|purchase option|buy option")),
    (
        DealType.LOAN,
        lexicon(
            r"\bon loan\b|\bloan (?:deal|move|spell|signing|switch|exit|bid|offer|approach|proposal)|season-long loan|\bloaning\b|"
            r"season loan|on a (?:season-long |six-month |temporary )?loan"
        ),
    ),
    (
        DealType.FREE,
        lexicon(
            r"free transfer|on a free\b|free agent|pre-contract|bosman|"
            # the move comes as his contract ends: 'when his deal expires', not 'whose contract runs to 2027'
            r"(?:when|once|after|as|before) (?:his|the player's|their) (?:\w+ )?(?:contract|deal) (?:ends|expires|runs out|is up)|"
            r"(?:contract|deal) (?:expires|expiring|ends|runs out|is up) (?:this|next|at the end of the|in the) (?:summer|season|june)|"
            r"out of contract|leave for free|leaving on a free|run(?:s|ning)? (?:out|down) his contract|"
            r"free (?:move|signing)"
        ),
    ),
    (
        DealType.PERMANENT,
        lexicon(
            r"\bfee\b|\bbid\b|\boffer\b|\bpermanent\w*|\bsale\b|\bsell\b|\bsold\b|\bto buy\b|"
            r"[£€$]\s?\d|\btransfer deal\b|paid"
        ),
    ),
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


_RENEWAL = lexicon(
    r"new (?:\w+[- ])?(?:\w+ )?(?:contract|deal|terms)|contract extension|extension (?:to|of) his (?:contract|deal)|"
    r"extend\w* (?:[\w'’-]+ ){0,5}?(?:contract|deal|stay)|"
    r"renew(?:ed|s|ing)? (?:his |their |the |a )?(?:contract|deal|terms)|renewal|to renew|"
    r"contract (?:talks|discussions|negotiations|offer)|"
    r"fresh terms|committed (?:himself|his future)|commit his future|stay(?:ing)? at the club|(?:signs?|signed|pen(?:s|ned)?) (?:a )?new (?:\w+[- ])?(?:\w+ )?(?:contract|deal)|"
    r"highest-paid player"
)
_RENEWAL_STAGES: tuple[tuple[Stage, Lexicon], ...] = (
    (
        Stage.OFF,
        lexicon(
            r"stopped (?:attempting|trying)|pulled the plug|pulled out|abandon|broken down|"
            r"resigned to losing|called off|withdrawn"
        ),
    ),
    (
        Stage.COMPLETED,
        lexicon(
            r"\bsign(?:s|ed)\b|penned|committed (?:himself|his future)|put pen to paper|"
            r"has been signed|officially|announced|confirmed"
        ),
    ),
    (Stage.AGREED, lexicon(r"\bagreed?\b|agreement|chosen to renew|decided to (?:renew|stay)")),
    (
        Stage.NEGOTIATING,
        lexicon(
            r"talks|negotiat|discussion|want|offer|hope|hoping|close to|set to|"
            r"ironed out|progress|extend|highest-paid"
        ),
    ),
)
_RENEWAL_REFUSED = lexicon(r"\b(?:rejected|turned down|refused|no intention of|snubbed)\b")


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
