"""Calibrating the likelihood model against real transfers (docs/likelihood.md).

1. Label each open saga: it came true when the transfers table (Transfermarkt, CC0) has
   the player joining that club within a year of the first claim, or, for recent sagas
   the sampled table may miss, when the players file shows him at that club now.
2. Fit the model's weights by logistic regression (scipy), with a Gaussian prior centred
   on the shipped weights, so that a small labelled set moves them only as far as it can.
3. Measure by cross-validation (folds by player): the Brier score of the model against a
   stage-only baseline, and a reliability table for each.

Pure apart from ``read_transfers``, which reads the table at the edge.
"""

from __future__ import annotations

import csv
import math
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import minimize

from mercato.errors import MercatoError
from mercato.kb import KnowledgeBase
from mercato.model import Saga, Stage
from mercato.rules.load import load_rulebook
from mercato.rules.model import RuleBook
from mercato.sagas.assess import Assessment, assess_sagas, saga_context
from mercato.sagas.likelihood import OPEN_STAGES, LikelihoodModel, feature_vector, saga_features
from mercato.sagas.merge import ReportedClaim, ReportedRenewal, SagaKey, group_by_saga
from mercato.sagas.sources import SourceBook, load_sources, reliabilities

__all__ = [
    "Bin",
    "CalibrationReport",
    "Label",
    "Outcome",
    "Transfer",
    "brier",
    "calibrate",
    "fit_weights",
    "label_saga",
    "read_transfers",
    "reliability_table",
]

HORIZON = timedelta(days=365)  # a rumour comes true if the move happens within a year
EARLY = timedelta(days=60)  # ... or was registered shortly before the first claim we hold
COMPLETE_UNTIL = date(2024, 9, 1)  # transfers.csv is fairly complete up to summer 2024


@dataclass(frozen=True, slots=True)
class Transfer:
    """One real transfer from the Transfermarkt table."""

    player_id: int
    day: date
    to_club_id: int | None
    to_club: str


def read_transfers(path: Path) -> list[Transfer]:
    """The transfers table (transfermarkt-transfers/transfers.csv columns)."""
    try:
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError as error:
        raise MercatoError(f"{path}: cannot read ({error.strerror}); check the path") from None
    needed = {"player_id", "transfer_date", "to_club_id", "to_club_name"}
    if not rows or not needed <= set(rows[0]):
        raise MercatoError(f"{path}: not a transfers table; give a CSV with columns {', '.join(sorted(needed))}")
    found: list[Transfer] = []
    for row in rows:
        try:
            day = date.fromisoformat(row["transfer_date"])
            player_id = int(row["player_id"])
        except ValueError:
            continue  # a row without a date or player cannot confirm anything
        to_id = int(row["to_club_id"]) if row["to_club_id"].strip().isdigit() else None
        found.append(Transfer(player_id, day, to_id, row["to_club_name"]))
    return found


class Outcome(StrEnum):
    """Whether a saga came true."""

    CAME_TRUE = "came_true"
    DID_NOT = "did_not"
    UNKNOWN = "unknown"  # not checkable: the player or club is unknown, or the data too thin


@dataclass(frozen=True, slots=True)
class Label:
    """A saga's outcome and why."""

    key: SagaKey
    outcome: Outcome
    reason: str


def label_saga(
    saga: Saga,
    transfers: Mapping[int, Sequence[Transfer]],
    kb: KnowledgeBase,
    complete_until: date = COMPLETE_UNTIL,
) -> Label:
    """Whether a saga came true, from the transfers table and the players' current clubs."""
    key = saga.key
    player, club, day = kb.player_named(saga.player), kb.club_named(saga.to_club), saga.first_seen
    if player is None or player.id is None:
        return Label(key, Outcome.UNKNOWN, "player not in the knowledge base")
    if club is None:
        return Label(key, Outcome.UNKNOWN, "club not in the knowledge base")
    if day is None:
        return Label(key, Outcome.UNKNOWN, "undated")
    moves = transfers.get(player.id, ())
    if any(t.to_club_id == club.id and day - EARLY <= t.day <= day + HORIZON for t in moves):
        return Label(key, Outcome.CAME_TRUE, "in the transfers table")
    was_there = any(t.to_club_id == club.id and t.day < day - EARLY for t in moves)
    if day >= complete_until and player.current_club_id is not None and not was_there:
        if player.current_club_id == club.id:
            return Label(key, Outcome.CAME_TRUE, "at the club in the players file")
        return Label(key, Outcome.DID_NOT, "elsewhere in the players file")
    if day + HORIZON <= complete_until:
        return Label(key, Outcome.DID_NOT, "no such move in the transfers table")
    return Label(key, Outcome.UNKNOWN, "the data cannot tell yet")


# --- fitting and measuring --------------------------------------------------------------


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-z)))


def fit_weights(x: np.ndarray, y: np.ndarray, prior: Sequence[float] | np.ndarray, strength: float = 1.0) -> np.ndarray:
    """Logistic-regression weights: maximum a posteriori with a Gaussian prior on each weight.

    Minimises the log loss plus ``strength / 2 * |w - prior|^2`` (L-BFGS-B, exact gradient).
    """
    centre = np.asarray(prior, dtype=float)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        # log(1 + e^z) - y z, written to stay finite for large |z|
        nll = float(np.sum(np.logaddexp(0.0, z) - y * z))
        diff = w - centre
        gradient = x.T @ (_sigmoid(z) - y) + strength * diff
        return nll + 0.5 * strength * float(diff @ diff), gradient

    result = minimize(loss, centre.copy(), jac=True, method="L-BFGS-B")
    return np.asarray(result.x)


def brier(predicted: Sequence[float], observed: Sequence[int]) -> float:
    """Mean squared difference between predicted probabilities and outcomes (lower is better)."""
    p, y = np.asarray(predicted, dtype=float), np.asarray(observed, dtype=float)
    return float(np.mean((p - y) ** 2)) if len(p) else math.nan


@dataclass(frozen=True, slots=True)
class Bin:
    """One row of a reliability table: predictions in [low, high) and what happened."""

    low: float
    high: float
    count: int
    mean_predicted: float
    observed: float

    def to_json(self) -> dict[str, Any]:
        """The row as a JSON-ready dict."""
        return {
            "low": self.low,
            "high": self.high,
            "count": self.count,
            "mean_predicted": round(self.mean_predicted, 4),
            "observed": round(self.observed, 4),
        }


def reliability_table(predicted: Sequence[float], observed: Sequence[int], bins: int = 5) -> list[Bin]:
    """Predictions in equal-width bins, with the share that came true in each."""
    rows: list[Bin] = []
    for i in range(bins):
        low, high = i / bins, (i + 1) / bins
        inside = [
            (p, y) for p, y in zip(predicted, observed, strict=True) if low <= p < high or (i == bins - 1 and p == 1.0)
        ]
        if inside:
            rows.append(
                Bin(
                    low,
                    high,
                    len(inside),
                    sum(p for p, _ in inside) / len(inside),
                    sum(y for _, y in inside) / len(inside),
                )
            )
        else:
            rows.append(Bin(low, high, 0, math.nan, math.nan))
    return rows


@dataclass(frozen=True, slots=True)
class _Example:
    key: SagaKey
    stage: Stage
    x: list[float]
    y: int


@dataclass(frozen=True, slots=True)
class CalibrationReport:
    """The figures of a calibration run and the model fitted on every labelled saga."""

    sagas_labelled: int
    came_true: int
    brier: float  # model, cross-validated
    baseline_brier: float  # stage only, cross-validated
    prior_brier: float  # the model with the weights it started from
    model_table: tuple[Bin, ...]
    baseline_table: tuple[Bin, ...]
    labels: tuple[Label, ...]
    model: LikelihoodModel
    folds: int

    def to_json(self) -> dict[str, Any]:
        """The `mercato calibrate --json` object."""
        return {
            "brier": round(self.brier, 4),
            "baseline_brier": round(self.baseline_brier, 4),
            "prior_brier": round(self.prior_brier, 4),
            "sagas_labelled": self.sagas_labelled,
            "came_true": self.came_true,
            "folds": self.folds,
            "reliability": [b.to_json() for b in self.model_table],
            "baseline_reliability": [b.to_json() for b in self.baseline_table],
            "weights": {k: round(v, 4) for k, v in self.model.weights.items()},
        }


def _fold(key: SagaKey, folds: int) -> int:
    # By player, so that a player's competing sagas are never split between train and test.
    return zlib.crc32(key[0].encode("utf-8")) % folds


def _stage_rates(examples: Iterable[_Example], prior: Mapping[Stage, float], pseudo: float = 2.0) -> dict[Stage, float]:
    """Share that came true per stage, smoothed toward the prior rate with `pseudo` claims."""
    seen: dict[Stage, list[int]] = defaultdict(list)
    for example in examples:
        seen[example.stage].append(example.y)
    return {stage: (sum(seen[stage]) + pseudo * prior[stage]) / (len(seen[stage]) + pseudo) for stage in OPEN_STAGES}


def _predict(examples: Sequence[_Example], weights: np.ndarray) -> list[float]:
    """Model probabilities, shared between each player's destinations (sum at most one)."""
    raw = [float(p) for p in _sigmoid(np.asarray([e.x for e in examples]) @ weights)]
    totals: dict[str, float] = defaultdict(float)
    for example, p in zip(examples, raw, strict=True):
        totals[example.key[0]] += p
    return [p / max(1.0, totals[e.key[0]]) for e, p in zip(examples, raw, strict=True)]


def _examples(
    assessment: Assessment,
    groups: Mapping[SagaKey, Sequence[ReportedClaim]],
    labels: Mapping[SagaKey, Label],
    kb: KnowledgeBase,
    rules: RuleBook,
    book: SourceBook,
    model: LikelihoodModel,
) -> list[_Example]:
    """Labelled open sagas as feature vectors, each seen as of its last claim."""
    reliability = reliabilities(assessment.sources)
    examples: list[_Example] = []
    for item in assessment.sagas:
        saga = item.saga
        key = saga.key
        label = labels.get(key)
        if saga.stage not in OPEN_STAGES or label is None or label.outcome is Outcome.UNKNOWN:
            continue
        as_of = saga.last_seen or assessment.as_of
        context = saga_context(saga, as_of, kb, rules, model.window_lead_days)
        features = saga_features(groups[key], saga.stage, as_of, reliability, book, model, context)
        examples.append(
            _Example(
                key,
                saga.stage,
                feature_vector(features, model),
                int(label.outcome is Outcome.CAME_TRUE),
            )
        )
    return examples


def calibrate(
    claims: Sequence[ReportedClaim],
    renewals: Sequence[ReportedRenewal],
    transfers: Iterable[Transfer],
    kb: KnowledgeBase,
    model: LikelihoodModel,
    *,
    rules: RuleBook | None = None,
    sources: SourceBook | None = None,
    folds: int = 5,
    complete_until: date = COMPLETE_UNTIL,
) -> CalibrationReport:
    """Label the sagas of these claims, fit the weights and measure them against the baseline.

    Source reliabilities come from the sagas the claims themselves resolve (completed or
    off), which are not among the open sagas measured.
    """
    rules = rules or load_rulebook()
    sources = sources or load_sources()
    dates = [c.published for c in claims if c.published is not None]
    assessment = assess_sagas(
        claims,
        renewals,
        max(dates, default=date.min),
        kb,
        rules=rules,
        sources=sources,
        model=model,
    )
    groups = group_by_saga(claims)
    by_player: dict[int, list[Transfer]] = defaultdict(list)
    for transfer in transfers:
        by_player[transfer.player_id].append(transfer)
    labels = {a.saga.key: label_saga(a.saga, by_player, kb, complete_until) for a in assessment.sagas}
    examples = _examples(assessment, groups, labels, kb, rules, sources, model)
    if not examples:
        raise MercatoError(
            "no saga could be labelled; ingest articles about players and clubs the knowledge "
            "base knows, dated within the transfers table"
        )
    prior = np.asarray(model.vector())
    model_p: dict[SagaKey, float] = {}
    base_p: dict[SagaKey, float] = {}
    for fold in range(folds):
        train = [e for e in examples if _fold(e.key, folds) != fold]
        test = [e for e in examples if _fold(e.key, folds) == fold]
        if not test:
            continue
        weights = (
            fit_weights(
                np.asarray([e.x for e in train]),
                np.asarray([e.y for e in train]),
                prior,
                model.prior_strength,
            )
            if train
            else prior
        )
        model_p.update(zip((e.key for e in test), _predict(test, weights), strict=True))
        rates = _stage_rates(train, model.stage_only)
        base_p.update((e.key, rates[e.stage]) for e in test)
    y = [e.y for e in examples]
    predicted = [model_p[e.key] for e in examples]
    baseline = [base_p[e.key] for e in examples]
    fitted = fit_weights(np.asarray([e.x for e in examples]), np.asarray(y, dtype=float), prior, model.prior_strength)
    calibration = {
        "brier": round(brier(predicted, y), 4),
        "baseline_brier": round(brier(baseline, y), 4),
        "prior_brier": round(brier(_predict(examples, prior), y), 4),
        "sagas_labelled": len(examples),
        "came_true": sum(y),
        "folds": folds,
    }
    new_model = replace(
        model.with_vector([float(v) for v in fitted]),
        stage_only=_stage_rates(examples, model.stage_only),
        calibration=calibration,
    )
    return CalibrationReport(
        sagas_labelled=len(examples),
        came_true=sum(y),
        brier=brier(predicted, y),
        baseline_brier=brier(baseline, y),
        prior_brier=calibration["prior_brier"],
        model_table=tuple(reliability_table(predicted, y)),
        baseline_table=tuple(reliability_table(baseline, y)),
        labels=tuple(labels.values()),
        model=new_model,
        folds=folds,
    )
