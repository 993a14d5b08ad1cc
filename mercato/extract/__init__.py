"""Extraction: (article, knowledge base, model) -> transfer, renewal and injury claims. Pure and deterministic.

The stages, each a module with typed records in and out, data flowing one way:

    reading     sentences, mentions linked to the knowledge base, clauses; the rules' proposals
    candidates  every (player, club) pair and every renewal that could be a claim
    features    what the article says around each candidate, as named features
    decide      a trained model (or the rules alone) says which are claims, at what stage
    claims      (here) the claims, with terms, source and evidence
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from mercato.extract.budget import UNLIMITED, Budget
from mercato.extract.candidates import find_candidates
from mercato.extract.claims import evidence_of, is_hedged_pair, pair_stage
from mercato.extract.decide import RULES_ONLY, Decider, Decisions, PairDecision, shipped_model
from mercato.extract.features import describe
from mercato.extract.injuries import find_injuries
from mercato.extract.reading import Reading, read_article
from mercato.kb import KnowledgeBase
from mercato.model import Article, Evidence, ExtractionResult, RenewalClaim, Stage, TransferClaim

__all__ = ["RULES_ONLY", "Decider", "claims_of", "decide_article", "extract"]


def extract(
    article: Article, kb: KnowledgeBase, model: Decider | None = None, budget_s: float | None = None
) -> ExtractionResult:
    """Every transfer, renewal and injury claim an article makes (``model``: the shipped one by
    default). ``budget_s``: seconds it may take, past which it raises ``OverBudget``."""
    budget = Budget.start(budget_s)
    reading, decisions = decide_article(article, kb, model, budget)
    budget.check()
    return claims_of(reading, decisions)


def decide_article(
    article: Article, kb: KnowledgeBase, model: Decider | None = None, budget: Budget = UNLIMITED
) -> tuple[Reading, Decisions]:
    """The stages up to the decisions: what the rules read, and what the model made of it."""
    reading = read_article(article, kb, budget)
    features = describe(reading, find_candidates(reading))
    budget.check()
    return reading, (model or shipped_model()).decide(features)


def claims_of(reading: Reading, decisions: Decisions) -> ExtractionResult:
    """The claims the decisions make, with their terms, sources and evidence."""
    article = reading.article
    claims = [_claim(reading, decision, decisions.sellers) for decision in decisions.pairs]
    renewals = [
        RenewalClaim(
            d.features.candidate.player,
            d.features.candidate.club,
            pair_stage(list(d.features.candidate.stages)),
            _evidence(reading, d.features.candidate.clauses[0]),
            article.id,
        )
        for d in decisions.renewals
    ]
    renewed = {r.player for r in renewals if r.stage in (Stage.AGREED, Stage.COMPLETED)}
    sentences = list(reading.sentences)
    return ExtractionResult(
        article_id=article.id,
        claims=tuple(_close_other_moves(claims, renewed)),
        renewals=tuple(renewals),
        injuries=tuple(
            replace(i, article_id=article.id) for i in find_injuries(article.text, article.published, sentences)
        ),
    )


def _evidence(reading: Reading, clause: int) -> Evidence:
    sentence = reading.clauses[clause].sentence
    return Evidence(sentence.text, (sentence.start, sentence.end))


def _claim(reading: Reading, decision: PairDecision, sellers: dict[str, str]) -> TransferClaim:
    candidate = decision.features.candidate
    pair = candidate.evidence
    from_club = sellers.get(candidate.player) or reading.current.get(candidate.player)
    return TransferClaim(
        player=candidate.player,
        to_club=candidate.club,
        stage=decision.stage,
        deal_type=decision.deal_type,
        evidence=evidence_of(pair, decision.stage),
        from_club=None if from_club == candidate.club else from_club,
        fee=decision.fee,
        reported_by=reading.sources.reported_by(pair),
        hedged=is_hedged_pair(pair),
        article_id=reading.article.id,
    )


def _close_other_moves(claims: list[TransferClaim], renewed: set[str]) -> list[TransferClaim]:
    """A player joins one club: a completed move or renewal ends his other moves in the article."""
    completed: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        if claim.stage is Stage.COMPLETED:
            completed[claim.player].add(claim.to_club)
    closed = []
    for claim in claims:
        done_elsewhere = completed[claim.player] - {claim.to_club} or claim.player in renewed
        if done_elsewhere and claim.stage is not Stage.COMPLETED:
            claim = replace(claim, stage=Stage.OFF)
        closed.append(claim)
    return closed
