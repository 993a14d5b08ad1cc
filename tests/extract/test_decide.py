from datetime import date

import pytest

from mercato.extract import RULES_ONLY, decide_article
from mercato.extract.decide import ExtractorModel, Head, shipped_model
from mercato.ingest import content_hash
from mercato.kb import load_kb
from mercato.model import Article

HEAD = Head(("yes",), (-1.0,), {"a": (2.0,), "b": (-0.5,), "c": (0.25,)}, threshold=0.5)


def test_a_score_is_the_sum_of_the_weights_of_the_features_present():
    assert HEAD.logits(frozenset({"a", "c", "unknown"})) == [1.25]
    assert HEAD.probability(frozenset({"a", "c"})) == pytest.approx(0.7773, abs=1e-4)


def test_reasons_are_the_heaviest_features_present():
    assert HEAD.reasons(frozenset({"a", "b", "zzz"})) == (("a", 2.0), ("b", -0.5))


def test_several_classes_answer_the_most_likely():
    head = Head(("agreed", "interest"), (0.0, 0.5), {"cue": (1.0, 0.0)})
    assert head.best(frozenset()) == "interest" and head.best(frozenset({"cue"})) == "agreed"


def test_the_shipped_model_survives_its_json_unchanged():
    model = shipped_model()
    assert ExtractorModel.from_json(model.to_json()).to_json() == model.to_json()


def test_the_rules_alone_decide_exactly_what_they_propose():
    text = "Arsenal have made a £60m bid for Aston Villa striker Ollie Watkins."
    article = Article(id="t", text=text, content_hash=content_hash(text), published=date(2025, 3, 1))
    _, decisions = decide_article(article, load_kb(), RULES_ONLY)
    assert [(d.features.candidate.club, d.stage.value, d.score) for d in decisions.pairs] == [
        ("Arsenal", "approach", 1.0)
    ]


def test_the_model_explains_each_claim_by_its_features():
    text = "Arsenal have made a £60m bid for Aston Villa striker Ollie Watkins."
    article = Article(id="t", text=text, content_hash=content_hash(text), published=date(2025, 3, 1))
    _, decisions = decide_article(article, load_kb())
    (decision,) = decisions.pairs
    assert decision.features.candidate.club == "Arsenal" and decision.score >= 0.4
    reasons = shipped_model().destination.reasons(decision.features.names)
    assert reasons and all(name in decision.features.names for name, _ in reasons)
