"""Pair players with clubs in transfer clauses, and read each pair's stage, terms and source."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from mercato.extract.cues import StageCue, deal_type_of, is_hedged, renewal_stage, stage_cues
from mercato.extract.fees import pick_fee
from mercato.extract.mentions import ArticleMentions, ClubRef, PlayerRef
from mercato.extract.sentences import Sentence, split_clauses
from mercato.model import DealType, Evidence, Stage

__all__ = ["Clause", "PairEvidence", "clauses_of", "club_roles"]

# What sits between a club and a player it describes: "Liverpool defender", "Fiorentina's",
# "Borussia Monchengladbach's 25-year-old France forward".
_DESCRIPTOR_GAP = re.compile(
    r"^(?:['’]s?)?(?:\s+(?:and\s+)?(?:[A-Z][\w'’-]*|\d[\w-]*|[a-z-]+(?:-year-old|back|half)|"
    r"defender|midfielder|striker|forward|winger|goalkeeper|keeper|star|ace|captain|vice-captain|"
    r"skipper|sensation|teenager|youngster|starlet|talent|playmaker|attacker|international|utility|"
    r"outcast|record|signing|loanee|target|wonderkid|hotshot|No\.?\s?\d+|teenage|young|veteran|"
    r"winger|centre-back|full-back|left-back|right-back|academy|graduate|prospect|frontman|"
    r"superstar|striker|No|shot-stopper|number|one|two|\(\d+\)|,|\d+,)){0,6}\s*$"
)
_FROM_BEFORE = re.compile(
    r"(?:\bfrom|\bleave|\bleaving|\bleft|\bquit|\bexit|\bdepart\w*|\baway from|\bprise \w+ from|"
    r"\b(?:deal|contract|future|time|spell|stay|career) (?:at|with)|\bswap|\bremains? an?|\bby)\s+$",
    re.IGNORECASE,
)
_INTEREST_FROM = re.compile(
    r"(?:interest|offer|bid|approach|enquir\w+|attention|competition|proposal|contact|scouts|"
    r"interested|linked|move|race|advances|calls?|suitors?|pursuit|bids|offers)\s+(?:\w+\s+){0,2}from\s+$",
    re.IGNORECASE,
)
_TO_BEFORE = re.compile(
    r"(?:\bjoin\w*|\bmove to|\bswitch to|\btransfer to|\bsign(?:ed|s|ing)? for|\bloan to|\breturn to|"
    r"\bheading to|\bhead to|\bto|\bwith|\bfor|\btowards|\bbound for|\bdestined for|\bby|\blinked with)\s+$",
    re.IGNORECASE,
)
_SELLER_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:have\s+|has\s+|had\s+|are\s+|is\s+)?(?:already\s+|now\s+|also\s+)?(?:rejected|turned down|"
    r"snubbed|rebuffed|knocked back|accepted|lost|sold|sell|insisted|insist|want\w* over|are demanding|"
    r"demand\w*|valued?|value|are willing to sell|willing to listen|would want|could help|reluctant|"
    r"(?:contract|deal) (?:expires|runs|ends))\b"
    r"|^\s+(?:contract|deal)\b",
    re.IGNORECASE,
)
_POSSESSIVE_DEAL_BEFORE = re.compile(r"\b(?:his|their|the player's)\s+$", re.IGNORECASE)
_WITH_FOR_AFTER = re.compile(r"^\s+(?:over|for|about|regarding)\b")
_BACKGROUND_BEFORE = re.compile(
    r"(?:\bex-|\bformer\s+|\bagainst\s+|\bbeat(?:ing)?\s+|\bfac(?:e|es|ing)\s+|\bv\.?\s+|\bvs\.?\s+|"
    r"\bdraw (?:at|with)\s+|\bdefeat\w*\s+|\bwin (?:at|over)\s+|\bvictory over\s+|\bplayed for\s+|"
    r"\bscored (?:against|for)\s+|\bloss to\s+|\bplayed at\s+|\blike\s+|\bthan\s+|\bmatch against\s+)$",
    re.IGNORECASE,
)
_BACKGROUND_CLAUSE = re.compile(
    r"\b(?:in|from|between) (?:19|20)\d\d\b|\b(?:19|20)\d\d-\d\d\b|\bfollowing in the footsteps|"
    r"\bprevious(?:ly)?\b|\bback in\b|\bearlier in his career|\bwhere he (?:played|spent)|\bcame through\b|"
    r"\bhas been (?:at|with)\b|\bgraduate\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause of a sentence, with the references and cues inside it."""

    sentence: Sentence
    start: int
    end: int
    clubs: tuple[ClubRef, ...]
    players: tuple[PlayerRef, ...]
    cues: tuple[StageCue, ...]

    @property
    def text(self) -> str:
        return self.sentence.text[self.start - self.sentence.start : self.end - self.sentence.start]


@dataclass
class PairEvidence:
    """Everything an article says about one (player, destination club) pair."""

    player: str
    to_club: str
    clauses: list[Clause] = field(default_factory=list)
    stages: list[Stage] = field(default_factory=list)


def clauses_of(sentences: list[Sentence], mentions: ArticleMentions) -> list[Clause]:
    """Every clause of the article with its club and player references and stage cues."""
    clauses = []
    for sentence in sentences:
        for a, b in split_clauses(sentence.text):
            start, end = sentence.start + a, sentence.start + b
            clauses.append(Clause(
                sentence, start, end,
                tuple(c for c in mentions.clubs if start <= c.start < end),
                tuple(p for p in mentions.players if start <= p.start < end),
                tuple(stage_cues(sentence.text[a:b])),
            ))
    return clauses


def club_roles(text: str, clause: Clause, players: dict[str, str | None]) -> tuple[list[ClubRef], list[ClubRef]]:
    """Split a clause's clubs into destinations and clubs the players are leaving.

    ``players`` collects each player's current club as the article reveals it.
    """
    destinations, sellers = [], []
    for ref in clause.clubs:
        before = text[max(clause.sentence.start, ref.start - 40) : ref.start]
        after = text[ref.end : ref.end + 60]
        if _BACKGROUND_BEFORE.search(before):
            continue
        described = _described_player(text, ref, clause)
        if described is not None:
            players.setdefault(described.entity, ref.club.name)
            sellers.append(ref)
        elif (_FROM_BEFORE.search(before) and not _INTEREST_FROM.search(before)) or _SELLER_AFTER.match(after) \
                or (_POSSESSIVE_DEAL_BEFORE.search(before) and re.match(r"^\s+(?:contract|deal)\b", after)) \
                or (re.search(r"\bwith\s+$", before) and _WITH_FOR_AFTER.match(after)) \
                or (re.search(r"\bto\s+$", before) and re.match(r"^\s+for\b", after)):
            for p in clause.players:
                players.setdefault(p.entity, ref.club.name)
            sellers.append(ref)
        else:
            destinations.append(ref)
    return destinations, sellers


def _described_player(text: str, ref: ClubRef, clause: Clause) -> PlayerRef | None:
    """The player a club names as his own: 'Liverpool defender Trent', 'the Chelsea midfielder'."""
    for player in clause.players:
        if player.start <= ref.start < player.end:
            return player
        if player.start >= ref.end and _DESCRIPTOR_GAP.match(text[ref.end : player.start]):
            return player
    return None


def clause_stage(clause: Clause) -> Stage | None:
    """The stage a clause asserts: a denial wins, hedged cues count as interest."""
    if not clause.cues:
        return None
    if any(c.stage is Stage.OFF for c in clause.cues):
        return Stage.OFF
    ranked = [Stage.INTEREST if c.hedged else c.stage for c in clause.cues]
    return max(ranked, key=lambda s: s.rank)


def is_background(clause: Clause, published: date | None) -> bool:
    """Whether a clause tells history (an earlier window, a career path), not news."""
    if _BACKGROUND_CLAUSE.search(clause.text):
        if published is None:
            return True
        years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", clause.text)]
        return not years or min(years) < published.year
    return False


def pair_stage(stages: list[Stage]) -> Stage:
    """A pair's stage over the article: a denial wins, else the most advanced stage."""
    if Stage.OFF in stages:
        return Stage.OFF
    return max(stages, key=lambda s: s.rank)


def pair_terms(pair: PairEvidence) -> tuple[DealType, object]:
    """Deal type and fee of a pair, from the clauses that mention it."""
    texts = [c.text for c in pair.clauses]
    fee = next((f for f in (pick_fee(t) for t in texts) if f), None)
    deal_type = deal_type_of(texts)
    if deal_type is DealType.UNKNOWN and fee is not None:
        deal_type = DealType.PERMANENT
    return deal_type, fee


def evidence_of(pair: PairEvidence) -> Evidence:
    """The sentence that best shows a pair: the first that asserts its final stage."""
    final = pair_stage(pair.stages)
    for clause, stage in zip(pair.clauses, pair.stages, strict=False):
        if stage is final:
            return Evidence(clause.sentence.text, (clause.sentence.start, clause.sentence.end))
    first = pair.clauses[0].sentence
    return Evidence(first.text, (first.start, first.end))


def is_hedged_pair(pair: PairEvidence) -> bool:
    """Whether the article doubts the pair in every clause that reports it."""
    return all(is_hedged(c.text) for c in pair.clauses)


def renewal_of(clause: Clause) -> Stage | None:
    """The renewal stage a clause reports, if it reports one."""
    if re.search(r"\bseemed\b", clause.sentence.text):
        return None
    return renewal_stage(clause.text)
