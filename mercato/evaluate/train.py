"""Train the extractor's decisions on gold articles, and measure them honestly.

``train`` reads a gold folder (the dev-articles schema), runs the rules and the candidate and
feature stages over every article, labels each candidate from the annotations, and fits one
logistic regression per question (scikit-learn, fixed solver, no randomness): the same files
give the same model bytes. ``cross_validate`` retrains K times with folds grouped by outlet,
so that no outlet is in both the training and the test part of a fold.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from mercato.evaluate.gold import GoldArticle
from mercato.evaluate.score import EvalReport, evaluate, same_club, same_player
from mercato.extract.candidates import find_candidates
from mercato.extract.decide import ExtractorModel, Head
from mercato.extract.features import Features, describe, terms_of
from mercato.extract.reading import read_article
from mercato.kb import KnowledgeBase

__all__ = ["TrainingArticle", "cross_validate", "fit", "outlet_group", "training_articles"]

_MIN_COUNT = 2  # a feature seen in fewer training candidates gets no weight
_C = {
    "destination": 0.1,
    "stage": 0.3,
    "deal_type": 10.0,
    "renewal": 0.1,
    "seller": 0.3,
}  # inverse regularisation strength
# A candidate is a claim from this probability: below one half, because a missed rumour costs a
# reader more than one to discard (and it gave the best cross-validated F1, not the training one).
_THRESHOLD = 0.4
# The heads that pick one club a player, the likeliest (his current club, where he renews),
# answer from a lower probability: 0.25-0.3 measured best cross-validated for both.
_LIKELIEST_THRESHOLD = 0.3
# The features a stage or the terms depend on: the stages the cues give and what the rules make
# of them. More (the cue words themselves, the words beside the names) measured worse.
_STAGE_FEATURES = ("bias", "rules_stage", "top_stage", "stage=", "several_stages")
_DEAL_FEATURES = ("bias", "rules_deal", "deal=", "free_agent", "fee")


@dataclass(frozen=True, slots=True)
class Labelled:
    """A candidate's features and what the annotations say of it."""

    names: frozenset[str]
    is_claim: bool
    stage: str | None = None
    deal_type: str | None = None
    is_seller: bool = False  # the club is the player's current club in a claim of the annotations
    terms: frozenset[str] = frozenset()  # a claim's terms features, which the stage and terms heads read


@dataclass(frozen=True, slots=True)
class TrainingArticle:
    """One gold article, its candidates' features and their labels."""

    gold: GoldArticle
    pairs: tuple[Labelled, ...]
    renewals: tuple[Labelled, ...]


def training_articles(gold: Iterable[GoldArticle], kb: KnowledgeBase) -> list[TrainingArticle]:
    """Run the stages before the decisions over every gold article and label the candidates."""
    out = []
    for item in gold:
        reading = read_article(item.article, kb)
        features = describe(reading, find_candidates(reading))
        out.append(_labelled(item, features, kb))
    return out


def _labelled(item: GoldArticle, features: Features, kb: KnowledgeBase) -> TrainingArticle:
    pairs = []
    for pair in features.pairs:
        c = pair.candidate
        about_him = [g for g in item.rumours if same_player(str(g["player"]), c.player)]
        gold = next((g for g in about_him if same_club(kb, str(g["to_club"]), c.club)), None)
        seller = any(g["from_club"] and same_club(kb, str(g["from_club"]), c.club) for g in about_him)
        if gold is None:
            pairs.append(Labelled(pair.names, False, is_seller=seller))
        else:
            terms = terms_of(pair).names
            pairs.append(Labelled(pair.names, True, str(gold["stage"]), str(gold["deal_type"]), seller, terms))
    renewals = tuple(
        Labelled(
            r.names,
            any(
                same_player(str(g["player"]), r.candidate.player) and same_club(kb, str(g["club"]), r.candidate.club)
                for g in item.renewals
            ),
        )
        for r in features.renewals
    )
    return TrainingArticle(item, tuple(pairs), renewals)


def fit(articles: Sequence[TrainingArticle]) -> ExtractorModel:
    """Fit the decisions on labelled articles (deterministic: the same articles, the same model)."""
    pairs = [p for a in articles for p in a.pairs]
    claims = [p for p in pairs if p.is_claim]
    claim_names = [p.names | p.terms for p in claims]
    renewals = [r for a in articles for r in a.renewals]
    return ExtractorModel(
        destination=_fit_head(
            [p.names for p in pairs], ["yes" if p.is_claim else "no" for p in pairs], _C["destination"]
        ),
        stage=_fit_head(claim_names, [str(p.stage) for p in claims], _C["stage"], _STAGE_FEATURES, "interest"),
        deal_type=_fit_head(
            claim_names, [str(p.deal_type) for p in claims], _C["deal_type"], _DEAL_FEATURES, "unknown"
        ),
        renewal=_fit_head(
            [r.names for r in renewals],
            ["yes" if r.is_claim else "no" for r in renewals],
            _C["renewal"],
            threshold=_LIKELIEST_THRESHOLD,
        ),
        seller=_fit_head(
            [p.names for p in pairs],
            ["yes" if p.is_seller else "no" for p in pairs],
            _C["seller"],
            threshold=_LIKELIEST_THRESHOLD,
        ),
        about={
            "articles": len(articles),
            "candidates": len(pairs),
            "claims": len(claims),
            "renewal_candidates": len(renewals),
            "outlets": len({outlet_group(a.gold) for a in articles}),
            "trained_on": sorted({a.gold.article.content_hash for a in articles}),
        },
    )


def _fit_head(
    rows: list[frozenset[str]],
    labels: list[str],
    c: float,
    kinds: tuple[str, ...] = ("",),
    default: str = "no",
    threshold: float = _THRESHOLD,
) -> Head:
    """One head, over the features whose names start with one of ``kinds`` (all by default).

    ``default``: the answer where there is nothing to learn from; "no" for a yes-or-no head,
    which gives the probability of yes, and says yes from ``threshold``.
    """
    binary = default == "no"
    counts: dict[str, int] = {}
    for names in rows:
        for name in names:
            if name.startswith(kinds):
                counts[name] = counts.get(name, 0) + 1
    vocabulary = sorted(name for name, n in counts.items() if n >= _MIN_COUNT)
    column = {name: i for i, name in enumerate(vocabulary)}
    indices = [column[name] for names in rows for name in sorted(names) if name in column]
    indptr = np.cumsum([0] + [sum(1 for name in names if name in column) for names in rows])
    matrix = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(vocabulary)))
    classes = sorted(set(labels)) or [default]
    if len(classes) == 1:  # nothing to learn: always the one answer seen
        if binary:
            return Head(("yes",), (10.0 if classes == ["yes"] else -10.0,), {}, threshold)
        return Head((classes[0],), (0.0,), {})
    model = LogisticRegression(C=c, max_iter=5000).fit(matrix, np.array(labels))
    coef, intercept = model.coef_, model.intercept_
    weights: dict[str, tuple[float, ...]]
    if binary:
        weights = {name: (float(coef[0][i]),) for name, i in column.items() if coef[0][i]}
        return Head(("yes",), (float(intercept[0]),), weights, threshold)
    if len(classes) == 2:  # scikit-learn gives one row, for the second class: the first scores 0
        weights = {name: (0.0, float(coef[0][i])) for name, i in column.items() if coef[0][i]}
        return Head(tuple(str(k) for k in model.classes_), (0.0, float(intercept[0])), weights)
    weights = {name: tuple(float(row[i]) for row in coef) for name, i in column.items()}
    return Head(tuple(str(k) for k in model.classes_), tuple(float(b) for b in intercept), weights)


def outlet_group(item: GoldArticle) -> str:
    """The outlet an article counts under for grouping folds ('Yahoo Sports (The Guardian)': Yahoo Sports)."""
    outlet = item.article.outlet or item.article.id
    return outlet.split("(")[0].strip().lower()


def cross_validate(articles: Sequence[TrainingArticle], kb: KnowledgeBase, k: int) -> EvalReport:
    """Retrain K times, each time testing on the outlets left out; the figures of all folds together."""
    groups = [outlet_group(a.gold) for a in articles]
    report = EvalReport()
    for train_at, test_at in GroupKFold(n_splits=k).split(np.zeros(len(articles)), groups=groups):
        model = fit([articles[i] for i in train_at])
        evaluate([articles[i].gold for i in test_at], kb, model, report)
    return report
