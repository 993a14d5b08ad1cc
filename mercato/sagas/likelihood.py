"""The likelihood of a saga: a published, explainable logistic model (docs/likelihood.md).

    log-odds = intercept + stage + sources x log2(independent reports)
             + reliability x (logit(mean source reliability) - logit(centre))
             + stale x months since the last claim + hedged x share of hedged claims
             + contract x (expiring contract) + window x (registration window open)

then a player's open sagas are scaled down together when they sum to more than one (he
joins one club at most). Each term is reported as a factor with its contribution in
log-odds. Weights and priors are data (``data/likelihood.json``), fitted by calibrate.py.
Pure: the as-of date, source reliabilities and contract/window facts are passed in.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from mercato.model import Club, Stage
from mercato.rules.model import RuleBook
from mercato.rules.query import association_of
from mercato.sagas.merge import ReportedClaim, SagaKey
from mercato.sagas.sources import UNKNOWN_TIER, SourceBook, independent_reports

__all__ = [
    "FEATURES",
    "OPEN_STAGES",
    "Factor",
    "Features",
    "Likelihood",
    "LikelihoodModel",
    "SagaContext",
    "feature_vector",
    "load_model",
    "model_json",
    "model_path",
    "registration_window_open",
    "saga_features",
    "score_features",
    "score_sagas",
    "share_between_destinations",
]

OPEN_STAGES = (Stage.INTEREST, Stage.APPROACH, Stage.NEGOTIATING, Stage.AGREED, Stage.MEDICAL)
# The columns of the model, in the order of its weight vector.
FEATURES = (
    "intercept",
    *(f"stage_{stage}" for stage in OPEN_STAGES),
    "independent_sources",
    "reliability",
    "months_stale",
    "hedged",
    "contract_expiring",
    "window_open",
)
_DAYS_PER_MONTH = 30.44


@dataclass(frozen=True, slots=True)
class LikelihoodModel:
    """The weights, priors and settings of the likelihood model, as one data file holds them."""

    weights: dict[str, float]  # by FEATURES name
    stage_only: dict[Stage, float]  # the baseline: a probability per open stage
    source_priors: dict[str, tuple[float, float]]  # tier ('1'..'4', 'unknown') -> Beta(a, b)
    reliability_centre: float = 1 / 3
    copy_similarity: float = 90.0  # rapidfuzz ratio at which two sentences are one report
    window_lead_days: int = 30  # a window opening this soon counts as open
    stale_cap_days: int = 365
    prior_strength: float = 1.0  # precision of the Gaussian prior on weights when fitting
    version: str = "unversioned"
    fitted: str | None = None
    calibration: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # citations and notes, kept on save

    def vector(self) -> list[float]:
        """The weights in FEATURES order."""
        return [self.weights[name] for name in FEATURES]

    def with_vector(self, values: Sequence[float]) -> LikelihoodModel:
        """The model with new weights in FEATURES order."""
        return replace(self, weights=dict(zip(FEATURES, map(float, values), strict=True)))

    @property
    def unknown_prior_mean(self) -> float:
        """Reliability of a claim with no named source."""
        alpha, beta = self.source_priors[UNKNOWN_TIER]
        return alpha / (alpha + beta)


def _model_from_json(doc: dict[str, Any]) -> LikelihoodModel:
    raw = doc["weights"]
    weights = {name: float(raw[name]) for name in FEATURES if not name.startswith("stage_")}
    weights.update({f"stage_{s}": float(raw["stage"][s.value]) for s in OPEN_STAGES})
    known = {
        "weights",
        "stage_only",
        "source_priors",
        "reliability_centre",
        "copy_similarity",
        "window_lead_days",
        "stale_cap_days",
        "prior_strength",
        "version",
        "fitted",
        "calibration",
    }
    return LikelihoodModel(
        weights=weights,
        stage_only={Stage(k): float(v) for k, v in doc["stage_only"].items()},
        source_priors={k: (float(v[0]), float(v[1])) for k, v in doc["source_priors"].items()},
        reliability_centre=float(doc["reliability_centre"]),
        copy_similarity=float(doc["copy_similarity"]),
        window_lead_days=int(doc["window_lead_days"]),
        stale_cap_days=int(doc["stale_cap_days"]),
        prior_strength=float(doc["prior_strength"]),
        version=str(doc["version"]),
        fitted=doc.get("fitted"),
        calibration=doc.get("calibration"),
        extra={k: v for k, v in doc.items() if k not in known},
    )


def model_json(model: LikelihoodModel) -> dict[str, Any]:
    """The model as its data file holds it."""
    weights: dict[str, Any] = {
        name: round(value, 4) for name, value in model.weights.items() if not name.startswith("stage_")
    }
    weights["stage"] = {s.value: round(model.weights[f"stage_{s}"], 4) for s in OPEN_STAGES}
    doc: dict[str, Any] = {
        "version": model.version,
        "model": model.extra.get("model", "logistic"),
        "fitted": model.fitted,
        "weights": weights,
        "stage_only": {s.value: round(p, 4) for s, p in model.stage_only.items()},
        "source_priors": {k: list(v) for k, v in model.source_priors.items()},
        "reliability_centre": model.reliability_centre,
        "copy_similarity": model.copy_similarity,
        "window_lead_days": model.window_lead_days,
        "stale_cap_days": model.stale_cap_days,
        "prior_strength": model.prior_strength,
    }
    doc.update({k: v for k, v in model.extra.items() if k != "model"})
    doc["calibration"] = model.calibration
    return doc


def model_path() -> Path:
    """The package's model data file (written by `mercato calibrate --save`)."""
    return Path(__file__).resolve().parents[1] / "data" / "likelihood.json"


def load_model(path: Path | None = None) -> LikelihoodModel:
    """The likelihood model from a data file; the one shipped in the package by default."""
    if path is None:
        text = resources.files("mercato").joinpath("data/likelihood.json").read_text("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    return _model_from_json(json.loads(text))


# --- features ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SagaContext:
    """Facts about a saga from outside the news: looked up by the caller."""

    contract_expiry: date | None = None  # of his contract at the club he would leave
    window_open: bool | None = None  # the destination's registration window, as of the date


@dataclass(frozen=True, slots=True)
class Features:
    """What the model reads from one saga, as of a date."""

    stage: Stage
    independent: int  # reports after merging copies
    reliability: float  # mean reliability of the independent reports' best sources
    days_stale: int | None  # days since the last claim
    hedged_share: float  # share of the claims whose article doubts them
    contract_months: float | None  # months left on his contract; None: unknown
    window_open: bool | None
    sources: tuple[str, ...] = ()  # the independent reports' best sources


def _best_source(
    report: Sequence[ReportedClaim],
    reliability: Mapping[str, float],
    book: SourceBook,
    unknown: float,
) -> tuple[str | None, float]:
    named = [book.canonical(c.source) for c in report if c.source]
    if not named:
        return None, unknown
    best = max(named, key=lambda name: reliability.get(name, unknown))
    return best, reliability.get(best, unknown)


def saga_features(
    claims: Sequence[ReportedClaim],
    stage: Stage,
    as_of: date,
    reliability: Mapping[str, float],
    book: SourceBook,
    model: LikelihoodModel,
    context: SagaContext = SagaContext(),
) -> Features:
    """The model's view of a saga's claims made up to ``as_of``."""
    seen = [c for c in claims if c.published is None or c.published <= as_of]
    backing = [c for c in seen if c.claim.stage is not Stage.OFF] or seen
    reports = independent_reports(backing, book, model.copy_similarity)
    best = [_best_source(r, reliability, book, model.unknown_prior_mean) for r in reports]
    dates = [c.published for c in seen if c.published is not None]
    months = None
    if context.contract_expiry is not None:
        months = max(0.0, (context.contract_expiry - as_of).days / _DAYS_PER_MONTH)
    return Features(
        stage=stage,
        independent=max(1, len(reports)),
        reliability=sum(r for _, r in best) / len(best) if best else model.unknown_prior_mean,
        days_stale=(as_of - max(dates)).days if dates else None,
        hedged_share=sum(c.claim.hedged for c in backing) / len(backing) if backing else 0.0,
        contract_months=months,
        window_open=context.window_open,
        sources=tuple(sorted({name for name, _ in best if name})),
    )


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))


def feature_vector(features: Features, model: LikelihoodModel) -> list[float]:
    """The features as numbers in FEATURES order (an open stage is required)."""
    stale_days = min(features.days_stale or 0, model.stale_cap_days)
    months = features.contract_months
    expiring = 0.0 if months is None else max(0.0, 12.0 - months) / 12.0
    return [
        1.0,
        *(1.0 if features.stage is s else 0.0 for s in OPEN_STAGES),
        math.log2(max(1, features.independent)),
        _logit(features.reliability) - _logit(model.reliability_centre),
        max(0, stale_days) / _DAYS_PER_MONTH,
        features.hedged_share,
        expiring,
        1.0 if features.window_open else 0.0,
    ]


# --- likelihood -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Factor:
    """One term of the model: what it read, and the log-odds it added."""

    name: str
    value: str
    contribution: float


@dataclass(frozen=True, slots=True)
class Likelihood:
    """A saga's likelihood with the contribution of each factor."""

    value: float  # after sharing with competing destinations
    raw: float  # the logistic model's probability, before sharing
    factors: tuple[Factor, ...]
    share: float = 1.0  # the scale applied for competing destinations

    def to_json(self) -> dict[str, Any]:
        """The likelihood as a JSON-ready dict."""
        return {
            "likelihood": round(self.value, 4),
            "raw": round(self.raw, 4),
            "competition_share": round(self.share, 4),
            "factors": [
                {"name": f.name, "value": f.value, "contribution": round(f.contribution, 4)} for f in self.factors
            ],
        }


def _describe(features: Features) -> list[tuple[str, str]]:
    contract = "unknown" if features.contract_months is None else f"{features.contract_months:.0f} months left"
    window = {True: "open", False: "closed", None: "unknown"}[features.window_open]
    stale = "undated" if features.days_stale is None else f"{features.days_stale} days"
    return [
        ("base rate", "a gossip rumour"),
        ("stage", str(features.stage)),
        ("independent reports", f"{features.independent} ({', '.join(features.sources) or '-'})"),
        ("source reliability", f"{features.reliability:.2f}"),
        ("recency", stale),
        ("hedged", f"{features.hedged_share:.0%} of claims"),
        ("contract", contract),
        ("registration window", window),
    ]


def score_features(features: Features, model: LikelihoodModel) -> Likelihood:
    """The likelihood of one saga on its own (before competing destinations)."""
    if features.stage is Stage.COMPLETED:
        return Likelihood(1.0, 1.0, (Factor("stage", "completed: final", math.inf),))
    if features.stage is Stage.OFF:
        return Likelihood(0.0, 0.0, (Factor("stage", "off", -math.inf),))
    x = feature_vector(features, model)
    w = model.vector()
    terms = [xi * wi for xi, wi in zip(x, w, strict=True)]
    stage_term = sum(terms[1 : 1 + len(OPEN_STAGES)])
    contributions = [terms[0], stage_term, *terms[1 + len(OPEN_STAGES) :]]
    factors = tuple(
        Factor(name, value, contribution)
        for (name, value), contribution in zip(_describe(features), contributions, strict=True)
    )
    p = _sigmoid(sum(terms))
    return Likelihood(p, p, factors)


def share_between_destinations(
    likelihoods: Mapping[SagaKey, Likelihood],
) -> dict[SagaKey, Likelihood]:
    """One player's sagas, scaled so that his open sagas sum to at most one.

    He joins one club at most: when the open sagas' likelihoods sum to more than one,
    each is divided by the sum. A completed saga leaves the others at zero.
    """
    if any(lk.value >= 1.0 and lk.raw >= 1.0 for lk in likelihoods.values()):
        return {
            key: lk if lk.value >= 1.0 else Likelihood(0.0, lk.raw, lk.factors, 0.0) for key, lk in likelihoods.items()
        }
    total = sum(lk.value for lk in likelihoods.values())
    if total <= 1.0:
        return dict(likelihoods)
    scale = 1.0 / total
    shared: dict[SagaKey, Likelihood] = {}
    for key, lk in likelihoods.items():
        others = len([k for k, o in likelihoods.items() if k != key and o.value > 0])
        factor = (
            Factor(
                "competing destinations",
                f"{others} other",
                _logit(lk.value * scale) - _logit(lk.value),
            )
            if lk.value > 0
            else None
        )
        factors = lk.factors + ((factor,) if factor else ())
        shared[key] = Likelihood(lk.value * scale, lk.raw, factors, scale)
    return shared


def score_sagas(
    groups: Mapping[SagaKey, Sequence[ReportedClaim]],
    stages: Mapping[SagaKey, Stage],
    as_of: date,
    reliability: Mapping[str, float],
    book: SourceBook,
    model: LikelihoodModel,
    contexts: Mapping[SagaKey, SagaContext] | None = None,
) -> dict[SagaKey, Likelihood]:
    """The likelihood of every saga as of a date, shared between each player's destinations."""
    contexts = contexts or {}
    by_player: dict[str, dict[SagaKey, Likelihood]] = defaultdict(dict)
    for key, claims in groups.items():
        features = saga_features(claims, stages[key], as_of, reliability, book, model, contexts.get(key, SagaContext()))
        by_player[key[0]][key] = score_features(features, model)
    scored: dict[SagaKey, Likelihood] = {}
    for sagas in by_player.values():
        scored.update(share_between_destinations(sagas))
    return scored


def registration_window_open(club: Club, on: date, book: RuleBook, lead_days: int = 30) -> bool | None:
    """Whether the club's registration window is open on a date (or opens within lead_days).

    Windows come from the rules engine's calendars; None when the club's country is unknown.
    """
    if not club.country:
        return None
    periods = book.periods_for(association_of(club.country, book))
    soon = on + timedelta(days=lead_days)
    return any(p.start <= soon and on <= p.end for p in periods)
