"""What the rules read in an article: sentences, linked mentions, clauses, current clubs, and
the pairs and renewals the hand-written rules propose.

This is the first half of extraction. The rules are fast and explainable; what they find is
proposed to the later stages (candidates, features, decisions), which make the final call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mercato.extract.budget import UNLIMITED, Budget
from mercato.extract.claims import (
    Clause,
    PairEvidence,
    RenewalHint,
    SellerEvidence,
    clauses_of,
    cues_of,
    destinations_of,
    is_background,
    listed_together,
    movers,
    movers_for,
    renewal_of,
    seller_evidence,
    stage_for,
)
from mercato.extract.cues import StageCue, says_free_transfer
from mercato.extract.mentions import find_mentions
from mercato.extract.refs import ArticleMentions
from mercato.extract.sentences import Sentence, split_sentences
from mercato.extract.sources import Attribution, find_attributions, gossip_heading, known_outlets
from mercato.kb import SNAPSHOT_DATE, KnowledgeBase
from mercato.kb.link import linker_for
from mercato.model import Article, Stage

__all__ = ["Attributions", "KnownPast", "ProposedRenewal", "Reading", "read_article"]

# A clause that names no player may speak of the one named earlier in its sentence ("..., and
# are also considering a move"); a renewal clause, of the one named in the sentence before
# ("The club are hoping to announce a new deal").
_CARRY_SENTENCES = 0
_CARRY_SENTENCES_RENEWAL = 1


@dataclass(frozen=True, slots=True)
class ProposedRenewal:
    """A renewal the rules read: the player's club, the stages its clauses assert, its first clause."""

    club: str
    stages: tuple[Stage, ...]
    clause: Clause


@dataclass(frozen=True, slots=True)
class KnownPast:
    """What the reference data knew of a player when an article's transfer window opened."""

    club: str | None  # the club he was at
    joined: frozenset[str]  # the clubs he had moved to before


@dataclass(frozen=True, slots=True)
class Reading:
    """Everything the rules read in one article, for the stages after them."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: ArticleMentions
    clauses: tuple[Clause, ...]  # every clause, history included
    background: frozenset[int]  # the positions in ``clauses`` of those that tell history
    hints: tuple[tuple[SellerEvidence, ...], ...]  # per clause: clubs it shows to be a player's own
    current: dict[str, str]  # each player's current club, as the article tells it
    known: dict[str, KnownPast]  # what the reference data knew of each named player when the article's window opened
    proposed: dict[tuple[str, str], PairEvidence]  # (player, to_club): the pairs the rules propose
    renewals: dict[str, ProposedRenewal]
    free_agents: frozenset[str]  # players the article says move as their contract ends
    sources: Attributions
    _cues: dict[int, list[StageCue]] = field(default_factory=dict)  # read once a clause, when asked

    def club_of(self, player: str) -> str | None:
        """A player's current club as the article tells it, else as the reference data had it."""
        return _club_of(player, self.current, self.known)

    def cues(self, clause: int) -> list[StageCue]:
        """The stage cues of a clause (by its position in ``clauses``)."""
        found = self._cues.get(clause)
        if found is None:
            found = self._cues[clause] = cues_of(self.clauses[clause])
        return found


def read_article(article: Article, kb: KnowledgeBase, budget: Budget = UNLIMITED) -> Reading:
    """Read an article with the rules: mentions, clauses and the pairs the rules propose
    (checking ``budget`` as it goes)."""
    text = article.text
    sentences = split_sentences(text)
    mentions = find_mentions(text, linker_for(kb), known_outlets(), article.published)
    every_clause = clauses_of(sentences, mentions)
    renewals_said = {id(c): renewal_of(c) for c in every_clause if c.players}  # others: when players are carried
    hints = {id(c): seller_evidence(text, c) for c in every_clause}
    current = _current_clubs(every_clause, hints, renewals_said)  # history also tells where a player is now
    known = _known_pasts(mentions, kb, article.published)
    year = article.published.year if article.published else None
    background = frozenset(i for i, c in enumerate(every_clause) if is_background(c, year))
    clauses = [c for i, c in enumerate(every_clause) if i not in background]
    read_cues: dict[int, list[StageCue]] = {}  # by position in every_clause, shared with the later stages

    def cues_at(i: int) -> list[StageCue]:
        found = read_cues.get(i)
        if found is None:
            found = read_cues[i] = cues_of(every_clause[i])
        return found

    pairs: dict[tuple[str, str], PairEvidence] = {}
    renewals: dict[str, tuple[str, list[Stage], Clause]] = {}
    index = {s.start: i for i, s in enumerate(sentences)}
    last_named: tuple[int, list[str]] = (-10, [])
    previous: list[PairEvidence] = []
    budget.check()
    for at, clause in enumerate(every_clause):
        budget.check()
        if at in background:
            continue
        groups = movers(text, clause) if clause.players else []
        players = list(dict.fromkeys(p.entity for g in groups for p in g))
        sentence_no = index[clause.sentence.start]
        carried = False
        if clause.players:
            last_named = (sentence_no, players)
        elif (
            not players
            and not _names_people(clause, mentions.people)
            and sentence_no - last_named[0] <= _CARRY_SENTENCES_RENEWAL
            and _is_prose(clause.sentence)
        ):
            players, carried = last_named[1], True
        destinations = destinations_of(text, clause, current, hints[id(clause)]) if clause.clubs else []
        renewal = renewals_said[id(clause)] if clause.players else renewal_of(clause) if players else None
        if renewal is not None and players:
            renewed = renewal.player if renewal.player in players else players[0]
            club = next((c.club.name for c in clause.clubs), None) or _club_of(renewed, current, known)
            if club:
                _, stages, _ = renewals.setdefault(renewed, (club, [], clause))
                stages.append(renewal.stage)
                players = [p for p in players if p != renewed]
                groups = [[r for r in g if r.entity != renewed] for g in groups]
                groups = [g for g in groups if g]
        if carried and sentence_no - last_named[0] > _CARRY_SENTENCES:
            players = []
        touched = []
        cues = cues_at(at) if destinations else []
        lists = listed_together(text, destinations) if destinations else {}
        for ref in destinations:
            stage = stage_for(clause, cues, ref, destinations, lists[id(ref)])
            if stage is None:
                continue
            for player in players if carried else movers_for(groups, ref, destinations, lists[id(ref)]):
                if ref.club.name == current.get(player):
                    continue
                pair = pairs.setdefault((player, ref.club.name), PairEvidence(player, ref.club.name))
                pair.add(clause, stage, ref.start)
                touched.append(pair)
        if not touched and not clause.clubs and not clause.players and _declares_dead(cues_at(at)):
            for pair in previous:
                pair.add(clause, Stage.OFF, clause.start)
        if touched or clause.clubs or clause.players:
            previous = touched
    return Reading(
        article=article,
        sentences=tuple(sentences),
        mentions=mentions,
        clauses=tuple(every_clause),
        background=background,
        hints=tuple(tuple(hints[id(c)]) for c in every_clause),
        current=current,
        known=known,
        proposed=pairs,
        renewals={p: ProposedRenewal(club, tuple(stages), clause) for p, (club, stages, clause) in renewals.items()},
        free_agents=_free_agents(clauses),
        sources=Attributions(sentences),
        _cues=read_cues,
    )


def _known_pasts(mentions: ArticleMentions, kb: KnowledgeBase, published: date | None) -> dict[str, KnownPast]:
    """What the reference data knew of each named player when the article's transfer window
    opened (1 June or 1 January; an undated article is taken as today's news): where he was
    before any move the article may report, and the clubs he had joined before."""
    when = _window_opening(published) if published else SNAPSHOT_DATE
    found = {}
    for entity in dict.fromkeys(ref.entity for ref in mentions.players):
        player = kb.player_named(entity)
        if player is None:
            continue
        club = kb.clubs.get(kb.club_at(player, when) or -1)
        joined = {kb.clubs[m.to_club_id].name for m in kb.moves_of(player) if m.on < when and m.to_club_id in kb.clubs}
        found[entity] = KnownPast(club.name if club else None, frozenset(joined))
    return found


def _club_of(player: str, current: dict[str, str], known: dict[str, KnownPast]) -> str | None:
    return current.get(player) or (known[player].club if player in known else None)


def _window_opening(day: date) -> date:
    """When the transfer window a day belongs to opened: 1 June for the summer half, else 1 January."""
    return date(day.year, 6, 1) if day.month >= 6 else date(day.year, 1, 1)


def _is_prose(sentence: Sentence) -> bool:
    """A sentence of running text, not a headline: it ends with a full stop or the like."""
    return sentence.text.rstrip().endswith((".", "!", "?", '"', "’", "”", ")"))


def _names_people(clause: Clause, people: tuple[tuple[int, int], ...]) -> bool:
    return any(clause.start <= a < clause.end for a, _ in people)


def _declares_dead(cues: list[StageCue]) -> bool:
    return any(c.stage is Stage.OFF for c in cues)


def _current_clubs(
    clauses: list[Clause], hints: dict[int, list[SellerEvidence]], renewals: dict[int, RenewalHint | None]
) -> dict[str, str]:
    """Each player's current club, from the strongest hint the article gives (first on a tie).

    ``renewals``: the renewal each clause that names a player reports.
    """
    best: dict[str, tuple[int, str]] = {}
    for clause in clauses:
        for hint in hints[id(clause)]:
            if hint.strength > best.get(hint.player, (0, ""))[0]:
                best[hint.player] = (hint.strength, hint.club.club.name)
        renewal = renewals.get(id(clause))
        if renewal is not None and renewal.player and clause.clubs and renewal.player not in best:
            best[renewal.player] = (1, clause.clubs[0].club.name)  # renewing at his own club
    return {player: club for player, (_, club) in best.items()}


def _free_agents(clauses: list[Clause]) -> frozenset[str]:
    """Players the article says are out of contract or leaving on a free, anywhere it speaks of
    them: that holds for every move it reports. (A fee is not carried over the same way: a
    figure in one sentence often belongs to another of his deals.)"""
    return frozenset(
        p.entity for clause in clauses if clause.players and says_free_transfer(clause.text) for p in clause.players
    )


class Attributions:
    """The sources each sentence of one article names, read once a sentence (and kind)."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self.index = {s.start: i for i, s in enumerate(sentences)}
        self._found: dict[tuple[int, bool], tuple[Attribution, ...]] = {}
        self._headings: list[str | None] | None = None

    def of(self, i: int, unknown_ok: bool = True) -> tuple[Attribution, ...]:
        key = (i, unknown_ok)
        if key not in self._found:
            self._found[key] = find_attributions(self.sentences[i].text, unknown_ok)
        return self._found[key]

    def heading(self, i: int) -> str | None:
        """The gossip column heading last seen at or before sentence ``i``."""
        if self._headings is None:
            self._headings, latest = [], None
            for sentence in self.sentences:
                latest = gossip_heading(sentence.text) or latest
                self._headings.append(latest)
        return self._headings[i]

    def reported_by(self, pair: PairEvidence) -> str | None:
        """The source the article gives for a pair: in its sentences, beside them, or its column heading."""
        sentences = self.sentences
        own = sorted({self.index[c.sentence.start] for c in pair.clauses})
        for i in own:
            if self.of(i):
                return self.of(i)[0].source
        for i in own:
            for j in (i - 1, i + 1):
                beside = 0 <= j < len(sentences) and abs(sentences[j].paragraph - sentences[i].paragraph) <= 1
                if beside and self.of(j, unknown_ok=False):
                    return self.of(j, unknown_ok=False)[0].source
        return self.heading(own[0])
