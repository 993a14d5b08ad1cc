"""Score extraction against gold annotations: pair precision and recall, field accuracies, misses.

Names are matched forgivingly, as a careful reader would:
- players: equal after folding accents, case and punctuation (in any order: 'Son Heung-min'
  ~ 'Heung-min Son'); or one name is the other's
  first or last words ('Kessie' ~ 'Franck Kessie', 'Gabriel' ~ 'Gabriel Magalhaes'); or a
  fuzzy ratio of at least 88 (a misspelling: 'Zirkee' ~ 'Zirkzee');
- clubs: the same knowledge-base club after alias and nickname lookup ('Man Utd' ~
  'Manchester United', 'Sporting Lisbon' ~ 'Sporting CP'), else equal keys ('FC' dropped).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from mercato.evaluate.gold import GoldArticle
from mercato.extract import Decider, extract
from mercato.extract.contract import rumour_json
from mercato.kb import KnowledgeBase, name_key
from mercato.model import ExtractionResult

__all__ = ["EvalReport", "evaluate", "same_club", "same_player"]

_FUZZY_MIN = 88
_FIELDS = ("stage", "deal_type", "fee", "from_club")


@dataclass
class EvalReport:
    """Figures of one evaluation run, and the misses behind them."""

    articles: int = 0
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    field_hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_FIELDS, 0))
    renewal_tp: int = 0
    renewal_fp: int = 0
    renewal_fn: int = 0
    rumours_on_negatives: int = 0
    misses: dict[str, list[str]] = field(default_factory=dict)

    def figures(self) -> dict[str, float | int]:
        """The headline figures, as one flat mapping."""
        p = _ratio(self.true_positives, self.true_positives + self.false_positives)
        r = _ratio(self.true_positives, self.true_positives + self.false_negatives)
        rp = _ratio(self.renewal_tp, self.renewal_tp + self.renewal_fp)
        rr = _ratio(self.renewal_tp, self.renewal_tp + self.renewal_fn)
        out: dict[str, float | int] = {
            "articles": self.articles,
            "pair_precision": p,
            "pair_recall": r,
            "pair_f1": _f1(p, r),
        }
        for name in _FIELDS:
            out[f"{name}_accuracy"] = _ratio(self.field_hits[name], self.true_positives)
        out |= {
            "renewal_precision": rp,
            "renewal_recall": rr,
            "renewal_f1": _f1(rp, rr),
            "rumours_on_negatives": self.rumours_on_negatives,
        }
        return out


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def same_player(a: str, b: str) -> bool:
    """Whether two names stand for the same player (see the module docstring)."""
    ka, kb_ = name_key(a).split(), name_key(b).split()
    if sorted(ka) == sorted(kb_):
        return True
    shorter, longer = sorted((ka, kb_), key=len)
    if shorter and (shorter == longer[-len(shorter) :] or shorter == longer[: len(shorter)]):
        return True
    return fuzz.ratio(" ".join(ka), " ".join(kb_)) >= _FUZZY_MIN


def same_club(kb: KnowledgeBase, a: str | None, b: str | None) -> bool:
    """Whether two club names stand for the same club (None matches None)."""
    if a is None or b is None:
        return a is b
    ca, cb = kb.club_named(a), kb.club_named(b)
    if ca is not None and cb is not None:
        return ca.id == cb.id
    return name_key(a) == name_key(b)


def _same_fee(gold: object, fee: object) -> bool:
    """Both empty, or the same currency and amounts within 1%."""
    if not isinstance(gold, dict) or not isinstance(fee, dict):
        return not gold and not fee
    amount = float(gold["amount"])
    return bool(gold["currency"] == fee["currency"] and abs(float(fee["amount"]) - amount) <= 0.01 * amount)


def evaluate(
    gold: Iterable[GoldArticle], kb: KnowledgeBase, model: Decider | None = None, report: EvalReport | None = None
) -> EvalReport:
    """Extract every gold article and compare the claims with the annotations.

    ``model``: the decisions to use (the shipped model by default, ``RULES_ONLY`` for the rules
    alone); ``report``: a report to add the figures to (the folds of a cross-validation).
    """
    report = EvalReport() if report is None else report
    for item in gold:
        report.articles += 1
        result = extract(item.article, kb, model)
        _score_article(report, item, result, kb)
    return report


def _score_article(report: EvalReport, item: GoldArticle, result: ExtractionResult, kb: KnowledgeBase) -> None:
    predicted = [rumour_json(c) for c in result.claims]
    misses = report.misses.setdefault(item.article.id, [])
    if not item.rumours:
        report.rumours_on_negatives += len(predicted)
    unmatched = list(predicted)
    for g in item.rumours:
        match = next(
            (
                p
                for p in unmatched
                if same_player(str(g["player"]), str(p["player"]))
                and same_club(kb, str(g["to_club"]), str(p["to_club"]))
            ),
            None,
        )
        if match is None:
            report.false_negatives += 1
            misses.append(f"missed {g['player']} -> {g['to_club']} ({g['stage']})")
            continue
        unmatched.remove(match)
        report.true_positives += 1
        checks = {
            "stage": g["stage"] == match["stage"],
            "deal_type": g["deal_type"] == match["deal_type"],
            "fee": _same_fee(g["fee"], match["fee"]),
            "from_club": same_club(kb, g["from_club"], match["from_club"]),  # type: ignore[arg-type]
        }
        for name, ok in checks.items():
            report.field_hits[name] += ok
            if not ok:
                misses.append(f"{name} of {g['player']} -> {g['to_club']}: gold {g[name]!r}, got {match[name]!r}")
    for p in unmatched:
        report.false_positives += 1
        misses.append(f"spurious {p['player']} -> {p['to_club']} ({p['stage']}): {str(p['evidence'])[:90]}")
    _score_renewals(report, item, result, kb, misses)


def _score_renewals(
    report: EvalReport, item: GoldArticle, result: ExtractionResult, kb: KnowledgeBase, misses: list[str]
) -> None:
    unmatched = list(result.renewals)
    for g in item.renewals:
        match = next(
            (r for r in unmatched if same_player(str(g["player"]), r.player) and same_club(kb, str(g["club"]), r.club)),
            None,
        )
        if match is None:
            report.renewal_fn += 1
            misses.append(f"missed renewal {g['player']} at {g['club']}")
        else:
            unmatched.remove(match)
            report.renewal_tp += 1
    for r in unmatched:
        report.renewal_fp += 1
        misses.append(f"spurious renewal {r.player} at {r.club}: {r.evidence.sentence[:90]}")
