"""Decisions: a trained model says which candidates are claims, at what stage, on what terms.

The model is data (``mercato/data/extractor.json``, written by ``mercato train``): a linear
model per question, a weight for each named feature. A candidate's score is the sum of the
weights of its features, so every decision can be explained by the features that weighed
most. ``RULES_ONLY`` decides as the hand-written rules alone would, for comparison.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Protocol

from mercato.extract.claims import pair_stage
from mercato.extract.features import CandidateFeatures, Features, RenewalFeatures, terms_of
from mercato.model import DealType, Fee, Stage

__all__ = [
    "RULES_ONLY",
    "SHIPPED_MODEL",
    "Decider",
    "Decisions",
    "ExtractorModel",
    "Head",
    "PairDecision",
    "RenewalDecision",
    "load_model",
    "shipped_model",
]

_REASONS = 6  # features kept to explain a decision
_HEADS = ("destination", "stage", "deal_type", "renewal", "seller")


@dataclass(frozen=True, slots=True)
class PairDecision:
    """A candidate pair the decider makes a claim: its score, stage and terms."""

    features: CandidateFeatures
    score: float  # the model's probability that the club is the player's destination
    stage: Stage
    deal_type: DealType
    fee: Fee | None  # read by the rules from the claim's sentences


@dataclass(frozen=True, slots=True)
class RenewalDecision:
    """The verdict on one renewal candidate."""

    features: RenewalFeatures
    score: float


@dataclass(frozen=True, slots=True)
class Decisions:
    """The candidates of one article that are claims."""

    pairs: tuple[PairDecision, ...]
    renewals: tuple[RenewalDecision, ...]
    sellers: dict[str, str]  # each player's current club, where the decider names one


class Decider(Protocol):
    """Whatever decides which candidates are claims: the trained model, or the rules alone."""

    def decide(self, features: Features) -> Decisions: ...


@dataclass(frozen=True, slots=True)
class Head:
    """A linear model over named features: one class (a logistic score) or several (softmax)."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    threshold: float = 0.5  # one class: the probability from which the answer is yes
    _flat: dict[str, float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # one class: each weight as a plain number, for the sum every candidate asks for
        object.__setattr__(self, "_flat", {name: w[0] for name, w in self.weights.items()})

    def logits(self, names: frozenset[str]) -> list[float]:
        """The score of each class for a set of features."""
        totals = list(self.bias)
        weights = self.weights
        for name in names & weights.keys():
            for k, value in enumerate(weights[name]):
                totals[k] += value
        return totals

    def probability(self, names: frozenset[str]) -> float:
        """One class: the probability of yes."""
        flat = self._flat
        return _sigmoid(self.bias[0] + sum(map(flat.__getitem__, names & flat.keys())))

    def best(self, names: frozenset[str]) -> str:
        """Several classes: the most likely."""
        logits = self.logits(names)
        return self.classes[max(range(len(logits)), key=logits.__getitem__)]

    def reasons(self, names: frozenset[str], k: int = 0) -> tuple[tuple[str, float], ...]:
        """The features that weigh most for class ``k``, strongest first."""
        weighed = [(name, self.weights[name][k]) for name in names if name in self.weights]
        weighed.sort(key=lambda item: (-abs(item[1]), item[0]))
        return tuple((name, round(weight, 3)) for name, weight in weighed[:_REASONS])

    def to_json(self) -> dict[str, object]:
        return {
            "classes": list(self.classes),
            "bias": [round(b, 6) for b in self.bias],
            "threshold": self.threshold,
            "weights": {name: [round(v, 6) for v in w] for name, w in sorted(self.weights.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Head:
        weights = data["weights"]
        assert isinstance(weights, dict)
        return cls(
            classes=tuple(data["classes"]),  # type: ignore[arg-type]
            bias=tuple(data["bias"]),  # type: ignore[arg-type]
            weights={name: tuple(w) for name, w in weights.items()},
            threshold=float(data.get("threshold", 0.5)),  # type: ignore[arg-type]
        )


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x > -60 else 0.0


@dataclass(frozen=True, slots=True)
class ExtractorModel:
    """The trained decisions: destination, stage, deal type, renewal and seller heads."""

    destination: Head
    stage: Head
    deal_type: Head
    renewal: Head
    seller: Head
    about: dict[str, object]  # what it was trained on, for the model card and --explain

    def decide(self, features: Features) -> Decisions:
        """Which candidates are claims, with stage and terms."""
        pairs = []
        for item in features.pairs:
            score = self.destination.probability(item.names)
            if score < self.destination.threshold:
                continue
            terms = terms_of(item)
            names = item.names | terms.names
            stage = Stage(self.stage.best(names))
            deal_type = DealType(self.deal_type.best(names))
            pairs.append(PairDecision(item, score, stage, deal_type, terms.fee))
        sellers: dict[str, tuple[float, str]] = {}  # each player's likeliest current club
        for item in features.pairs:
            score = self.seller.probability(item.names)
            player = item.candidate.player
            if score >= self.seller.threshold and score > sellers.get(player, (0.0, ""))[0]:
                sellers[player] = (score, item.candidate.club)
        best: dict[str, RenewalDecision] = {}  # a player renews at one club: the likeliest
        for renewal in features.renewals:
            score = self.renewal.probability(renewal.names)
            player = renewal.candidate.player
            if score >= self.renewal.threshold and (player not in best or score > best[player].score):
                best[player] = RenewalDecision(renewal, score)
        return Decisions(tuple(pairs), tuple(best.values()), {p: club for p, (_, club) in sellers.items()})

    def to_json(self) -> str:
        """The model as the JSON text it ships in, a weight a line: the same model gives the
        same bytes, and a retrained one differs by the lines of the weights that moved."""
        lines = ['{"about": ' + json.dumps(self.about, sort_keys=True) + ",", '"heads": {']
        for n, name in enumerate(_HEADS):
            head = getattr(self, name).to_json()
            weights = head.pop("weights")
            lines.append(f"{json.dumps(name)}: " + json.dumps(head, sort_keys=True)[:-1] + ', "weights": {')
            rows = [f"{json.dumps(feature)}: {json.dumps(w)}" for feature, w in weights.items()]
            lines += [row + "," for row in rows[:-1]] + rows[-1:]
            lines.append("}}" + ("," if n < len(_HEADS) - 1 else ""))
        return "\n".join(lines) + "\n}}\n"

    @classmethod
    def from_json(cls, text: str) -> ExtractorModel:
        data = json.loads(text)
        heads = {name: Head.from_json(head) for name, head in data["heads"].items()}
        return cls(about=data["about"], **heads)


@dataclass(frozen=True, slots=True)
class RulesOnly:
    """Decides as the hand-written rules alone: their pairs, stages, terms and renewals."""

    def decide(self, features: Features) -> Decisions:
        pairs = []
        for item in features.pairs:
            if not item.candidate.proposed:
                continue
            terms = terms_of(item)
            stage = pair_stage(item.candidate.evidence.stages)
            pairs.append(PairDecision(item, 1.0, stage, terms.deal_type, terms.fee))
        renewals = tuple(RenewalDecision(r, 1.0) for r in features.renewals if r.candidate.proposed)
        return Decisions(tuple(pairs), renewals, {})


RULES_ONLY = RulesOnly()


def load_model(path: Path) -> ExtractorModel:
    """A model file written by ``mercato train``."""
    return ExtractorModel.from_json(path.read_text(encoding="utf-8"))


SHIPPED_MODEL = Path(__file__).resolve().parents[1] / "data" / "extractor.json"


@cache
def shipped_model() -> ExtractorModel:
    """The model that ships inside the package (``mercato train`` writes it), read once."""
    return load_model(SHIPPED_MODEL)
