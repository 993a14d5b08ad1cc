"""Pair players with clubs in transfer clauses, and read each pair's stage, terms and source."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from mercato.extract.cues import StageCue, deal_type_of, is_hedged, renewal_stage, stage_cues
from mercato.extract.fees import pick_fee
from mercato.extract.lexicon import grouped, lexicon
from mercato.extract.mentions import is_title_case
from mercato.extract.phrases import source
from mercato.extract.refs import ArticleMentions, ClubRef, PlayerRef
from mercato.extract.sentences import Sentence, split_clauses
from mercato.model import DealType, Evidence, Fee, Stage

__all__ = [
    "RenewalHint",
    "Clause",
    "PairEvidence",
    "SellerEvidence",
    "clauses_of",
    "cues_of",
    "destinations_of",
    "listed_together",
    "movers",
    "movers_for",
    "seller_evidence",
    "stage_for",
]

# What sits between a club and a player it describes: "Liverpool defender", "Fiorentina's",
# "Borussia Monchengladbach's 25-year-old France forward".
_DESCRIPTOR_GAP = re.compile(
    r"^(?:['’]s?)?(?:\s+(?:and\s+)?(?:[A-Z][\w'’-]*|\d[\w-]*|[a-z-]+(?:-year-old|back|half)|"
    rf"{source('descriptor')}|No\.?\s?\d+|\(\d+\)|,|\d+,)){{0,6}}\s*$"
)
# The phrases, then perhaps a capitalised word and 'club' or 'side': 'from French side Lyon'.
_FROM_BEFORE = lexicon(
    source("from-before", glue=r"(?:\s+[A-Z][a-z]+)?(?:\s+(?:club|side|outfit|giants|champions))?\s+")
)
_INTEREST_FROM = lexicon(source("interest-from", glue=r"\s+(?:[a-z0-9£€$.,]+\s+){0,6}from\s+"))
# A possessive, a helping verb and up to two adverbs between a club's name and the phrase.
_SELLER_AFTER = lexicon(
    source(
        "seller-after",
        glue=r"(?:['’]s)?\s+(?:have\s+|has\s+|had\s+|are\s+|is\s+|will\s+|would\s+|won't\s+)?"
        r"(?:\w+ly\s+|earlier\s+|already\s+|now\s+|also\s+|still\s+|too\s+|not\s+|never\s+){0,2}",
    )
    + r"|^\s+(?:contract|deal)\b"
)
_POSSESSIVE_DEAL_BEFORE = lexicon(r"\b(?:his|their|the player's)\s+$")
_CURRENT_DEAL_BEFORE = lexicon(source("current-deal-before"))
_KEEPING = re.compile(source("keeping"))  # 'Everton want to keep Branthwaite': his own club
_LEAVING_AFTER = re.compile(source("leaving-after", glue=r"\s+"))
_DEAL_WITH_BEFORE = lexicon(source("deal-with-before"))
_PAID_BEFORE = lexicon(source("paid-before"))
_POSSESSIVE_S = re.compile(r"['’]s\s+")
_DEAL_AFTER = re.compile(r"^\s+(?:contract|deal)\b")
_AWAY_FROM_BEFORE = re.compile(r"\baway from\s+(?:the\s+)?$")
_WITH_BEFORE = re.compile(r"\bwith\s+$")
_TO_BEFORE = re.compile(r"\bto\s+$")
_FOR_AFTER = re.compile(r"^\s+for\b")
_BRACKETED = re.compile(r"\([^)]*\)")  # an aside: '(on loan)'
_YEAR = grouped(r"\b((?:19|20)\d\d)\b")
_SEEMED = grouped(r"\bseemed\b")
_WITH_FOR_AFTER = re.compile(r"^\s+(?:over|for|about|regarding)\b")
_BACKGROUND_BEFORE = lexicon(source("background-before"))
_BACKGROUND_CLAUSE = lexicon(source("background-clause"))


# Not frozen: built by the hundred for each article, and a frozen dataclass takes three times
# as long to build. Nothing changes one after it is built.
@dataclass(slots=True)
class Clause:
    """One clause of a sentence, with the references and cues inside it."""

    sentence: Sentence
    start: int
    end: int
    text: str
    clubs: tuple[ClubRef, ...]
    players: tuple[PlayerRef, ...]
    in_headline: bool  # in a Title Case line (worked out where a sentence names a club and a player)
    denials_only: bool  # naming no club, or in a sentence naming no player, it can only kill a deal
    after_history: tuple[ClubRef, ...]  # its clubs named just after words of history ('former', 'against')


@dataclass
class PairEvidence:
    """Everything an article says about one (player, destination club) pair."""

    player: str
    to_club: str
    clauses: list[Clause] = field(default_factory=list)
    stages: list[Stage] = field(default_factory=list)
    anchors: list[int] = field(default_factory=list)  # where each clause names the club

    def add(self, clause: Clause, stage: Stage, anchor: int) -> None:
        """Record one more clause about this pair."""
        self.clauses.append(clause)
        self.stages.append(stage)
        self.anchors.append(anchor)


def clauses_of(sentences: list[Sentence], mentions: ArticleMentions) -> list[Clause]:
    """Every clause of the article with its club and player references."""
    clauses = []
    club_starts = [c.start for c in mentions.clubs]
    player_starts = [p.start for p in mentions.players]
    for sentence in sentences:
        names_player = bisect_left(player_starts, sentence.start) < bisect_left(player_starts, sentence.end)
        names_club = bisect_left(club_starts, sentence.start) < bisect_left(club_starts, sentence.end)
        headline = names_club and names_player and is_title_case(sentence.text)  # no other sentence asks
        for a, b in split_clauses(sentence.text):
            start, end = sentence.start + a, sentence.start + b
            clubs = mentions.clubs[bisect_left(club_starts, start) : bisect_left(club_starts, end)]
            players = mentions.players[bisect_left(player_starts, start) : bisect_left(player_starts, end)]
            denials_only = not (clubs and names_player)
            history = tuple(ref for ref in clubs if _follows_history(sentence, ref))
            clauses.append(
                Clause(sentence, start, end, sentence.text[a:b], clubs, players, headline, denials_only, history)
            )
    return clauses


def _follows_history(sentence: Sentence, ref: ClubRef) -> bool:
    at = ref.start - sentence.start
    return bool(_BACKGROUND_BEFORE.search(sentence.text[max(0, at - 40) : at].lower()))


def cues_of(clause: Clause) -> list[StageCue]:
    """The stage cues of a clause (read only for the clauses that need them: most do not)."""
    return stage_cues(clause.text, only_denials=clause.denials_only)


@dataclass(frozen=True, slots=True)
class SellerEvidence:
    """A clause's hint that a club is the player's current club; descriptors are strongest."""

    club: ClubRef
    player: str
    strength: int


_STRONG, _MEDIUM, _WEAK = 3, 2, 1


def seller_evidence(text: str, clause: Clause) -> list[SellerEvidence]:
    """Clubs a clause shows to be a player's current club: 'Liverpool defender X', 'from Y'."""
    found: list[SellerEvidence] = []
    if not clause.players:
        return found  # every kind of evidence names the player
    for ref in clause.clubs:
        if any(ref is h for h in clause.after_history):
            continue
        before = text[max(clause.sentence.start, ref.start - 40) : ref.start]
        after = text[ref.end : ref.end + 60]
        low_before, low_after = before.lower(), after.lower()  # for the lexicons
        described = _described_player(text, ref, clause)
        if described is not None:
            found.append(SellerEvidence(ref, described.entity, _STRONG))
            continue
        owner = next(
            (p for p in clause.players if p.explicit and _POSSESSIVE_S.fullmatch(text[p.end : ref.start])), None
        )
        if owner is not None:
            found.append(SellerEvidence(ref, owner.entity, _STRONG))
            continue
        target = _object_player(ref, clause)
        if target is None:
            continue
        if (
            (_POSSESSIVE_DEAL_BEFORE.search(low_before) and _DEAL_AFTER.match(after))
            or (target.start > ref.end and _KEEPING.search(text[ref.end : target.start]))
            or _CURRENT_DEAL_BEFORE.search(low_before)
            or (target.start > ref.end and _LEAVING_AFTER.match(text[target.end : target.end + 40]))
            or (_FROM_BEFORE.search(low_before) and not _INTEREST_FROM.search(low_before))
            or _AWAY_FROM_BEFORE.search(before)
            or _PAID_BEFORE.search(low_before)
            # 'Arsenal reached an agreement with Sporting': a club agreeing with a club buys from it
            or (_DEAL_WITH_BEFORE.search(low_before) and any(c.end <= ref.start for c in clause.clubs if c is not ref))
        ):
            found.append(SellerEvidence(ref, target.entity, _MEDIUM))
        elif (
            _SELLER_AFTER.match(low_after)
            or (_WITH_BEFORE.search(before) and _WITH_FOR_AFTER.match(after))
            or (_TO_BEFORE.search(before) and _FOR_AFTER.match(after))
        ):
            found.append(SellerEvidence(ref, target.entity, _WEAK))
    return found


def _object_player(ref: ClubRef, clause: Clause) -> PlayerRef | None:
    """The player a club's role in a clause bears on: the first after it, else the last before."""
    last_before = None
    for player in clause.players:  # in text order
        if player.start >= ref.end:
            return player
        if player.end <= ref.start:
            last_before = player
    return last_before


def destinations_of(text: str, clause: Clause, current: dict[str, str], hints: list[SellerEvidence]) -> list[ClubRef]:
    """The clubs a clause names as where its players may go: not their current clubs, not history.

    ``hints`` is the clause's ``seller_evidence``.
    """
    # A club named as a player's own ('Liverpool defender X', "X's Liverpool") is strong
    # evidence, so among the sellers.
    sellers = {id(e.club) for e in hints if current.get(e.player) == e.club.club.name or e.strength >= _MEDIUM}
    lists = listed_together(text, clause.clubs) if clause.after_history else {}
    history = {id(r) for ref in clause.after_history for r in lists[id(ref)]}
    return [ref for ref in clause.clubs if id(ref) not in sellers and id(ref) not in history]


_COMPARISON_BEFORE = lexicon(source("comparison-before", glue=r"\s+['‘\"“]?"))


def movers(text: str, clause: Clause) -> list[list[PlayerRef]]:
    """The players a clause may be moving, in groups named together ('Kessie and Christensen').

    Players it only compares with ('the new Jude Bellingham') are left out.
    """
    kept = [
        p
        for p in clause.players
        if not _COMPARISON_BEFORE.search(text[max(clause.start, p.start - 25) : p.start].lower())
    ]
    groups: list[list[PlayerRef]] = []
    for ref in kept:
        gap = _BRACKETED.sub("", text[groups[-1][-1].end : ref.start]) if groups else ""
        if groups and (groups[-1][-1].entity == ref.entity or _LIST_JOINER.match(gap)):
            groups[-1].append(ref)
        else:
            groups.append([ref])
    return groups


def _sets_apart(group: list[PlayerRef], other: ClubRef, destination: ClubRef, groups: list[list[PlayerRef]]) -> bool:
    """Whether another club, with players of its own, stands between a group and a destination:
    in 'offering A to Palace in a deal for B', B is not the one going to Palace's buyer."""
    lo, hi = sorted((group[0].start, destination.start))
    if not lo < other.start < hi:
        return False
    a, b = sorted((other.start, destination.start))
    return any(g is not group and a < g[0].start < b for g in groups)


def movers_for(
    groups: list[list[PlayerRef]], destination: ClubRef, destinations: list[ClubRef], listed: list[ClubRef]
) -> list[str]:
    """The players a destination club is about: every group not set apart by another destination
    (``listed``: the destinations listed with it).

    Pronouns and role mentions count only when the clause names no player outright.
    """
    explicit = [g for g in groups if any(p.explicit for p in g)]
    chosen = []
    candidates = explicit or groups
    for group in candidates:
        if any(
            _sets_apart(group, other, destination, candidates)
            for other in destinations
            if all(other is not d for d in listed)
        ):
            continue
        chosen += [p.entity for p in group]
    return list(dict.fromkeys(chosen))


def _described_player(text: str, ref: ClubRef, clause: Clause) -> PlayerRef | None:
    """The player a club names as his own: 'Liverpool defender Trent', 'the Chelsea midfielder'.

    In a Title Case headline every word is capitalised, so only role mentions count there.
    """
    for player in clause.players:
        if player.start <= ref.start < player.end:
            return player
        if not clause.in_headline and player.start >= ref.end and _DESCRIPTOR_GAP.match(text[ref.end : player.start]):
            return player
    return None


_NEEDS_CLUB_AFTER = lexicon(source("needs-club-after"))


_LIST_JOINER = re.compile(r"^\s*(?:,|and|&|or|as well as|, and|, as well as|/|plus)?\s*$")


def listed_together(text: str, clubs: list[ClubRef] | tuple[ClubRef, ...]) -> dict[int, list[ClubRef]]:
    """For each club (by ``id``), the clubs listed with it, itself included: 'West Ham,
    Sheffield United and Watford'."""
    ordered = sorted(clubs, key=lambda c: c.start)
    lists: dict[int, list[ClubRef]] = {}
    run: list[ClubRef] = []
    for club in ordered:
        if run and not _LIST_JOINER.match(text[run[-1].end : club.start]):
            run = []
        run.append(club)
        lists[id(club)] = run
    return lists


def stage_for(
    clause: Clause, cues: list[StageCue], destination: ClubRef, destinations: list[ClubRef], listed: list[ClubRef]
) -> Stage | None:
    """The stage a clause asserts for one destination: the cues nearest it (``cues``, the
    clause's; ``listed``, the destinations listed with it), a denial winning."""
    offset = clause.start
    in_list = {id(g) for g in listed}
    others = [d for d in destinations if id(d) not in in_list]
    relevant = []
    for cue in cues:
        at = offset + cue.start
        lo, hi = sorted((at, destination.start))
        if any(lo < o.start < hi for o in others):
            continue
        if _NEEDS_CLUB_AFTER.match(clause.text[cue.start : cue.end].lower()) and not any(
            0 <= d.start - (offset + cue.end) <= 30 for d in destinations
        ):
            continue
        relevant.append(cue)
    if not relevant:
        return None
    if any(c.stage is Stage.OFF for c in relevant):
        return Stage.OFF
    return max((Stage.INTEREST if c.hedged else c.stage for c in relevant), key=lambda s: s.rank)


def is_background(clause: Clause, year: int | None) -> bool:
    """Whether a clause tells history (an earlier window, a career path), not news.

    ``year`` is the article's publication year; without one, any sign of history counts.
    """
    if _BACKGROUND_CLAUSE.search(clause.text.lower()):
        if year is None:
            return True
        years = [int(y) for y in _YEAR.findall(clause.text)]
        return not years or min(years) < year
    return False


def pair_stage(stages: list[Stage]) -> Stage:
    """A pair's stage over the article: a denial wins, else the most advanced stage."""
    if Stage.OFF in stages:
        return Stage.OFF
    return max(stages, key=lambda s: s.rank)


def pair_terms(pair: PairEvidence) -> tuple[DealType, Fee | None]:
    """Deal type and fee of a pair, from the clauses that mention it (clauses of its final
    stage first; of several fees in a clause, the one nearest the club)."""
    final = pair_stage(pair.stages)
    items = list(zip(pair.clauses, pair.stages, pair.anchors, strict=True))
    items.sort(key=lambda item: item[1] is not final)
    fee = next((f for f in (pick_fee(c.text, a - c.start) for c, _, a in items) if f), None)
    # A bracketed aside belongs to the name before it: 'Joao Felix (on loan)' in a list.
    deal_type = deal_type_of([_BRACKETED.sub("", c.text) for c in pair.clauses])
    if deal_type is DealType.UNKNOWN and fee is not None:
        deal_type = DealType.PERMANENT
    return deal_type, fee


def evidence_of(pair: PairEvidence, stage: Stage | None = None) -> Evidence:
    """The sentence that best shows a pair: the first that asserts ``stage`` (the one decided
    for it), else the first that asserts its final stage, else its first."""
    final = pair_stage(pair.stages)
    for wanted in dict.fromkeys((stage or final, final)):
        for clause, said in zip(pair.clauses, pair.stages, strict=False):
            if said is wanted:
                return Evidence(clause.sentence.text, (clause.sentence.start, clause.sentence.end))
    first = pair.clauses[0].sentence
    return Evidence(first.text, (first.start, first.end))


def is_hedged_pair(pair: PairEvidence) -> bool:
    """Whether the article doubts the pair in every clause that reports it."""
    return all(is_hedged(c.text) for c in pair.clauses)


@dataclass(frozen=True, slots=True)
class RenewalHint:
    """A renewal a clause reports: its stage, and the player named nearest the renewal words."""

    stage: Stage
    player: str | None


def renewal_of(clause: Clause) -> RenewalHint | None:
    """The renewal a clause reports, if it reports one."""
    found = renewal_stage(clause.text)
    if found is None or _SEEMED.search(clause.sentence.text):
        return None
    stage, at = found
    at += clause.start
    nearest = min(clause.players, key=lambda p: abs(p.start - at), default=None)
    return RenewalHint(stage, nearest.entity if nearest else None)
