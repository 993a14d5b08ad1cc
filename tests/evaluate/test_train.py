"""Training is a command and the model is data: trained on a small gold folder of our own."""

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mercato.cli import app
from mercato.evaluate.gold import read_gold, seen_in_training
from mercato.evaluate.train import cross_validate, fit, training_articles
from mercato.extract import decide_article, extract
from mercato.extract.decide import load_model, shipped_model
from mercato.ingest import content_hash
from mercato.kb import load_kb
from mercato.model import Article

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"
runner = CliRunner()


def test_training_twice_on_the_same_files_gives_the_same_model_bytes(tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for out in (first, second):
        result = runner.invoke(app, ["train", str(GOLD), "--out", str(out)])
        assert result.exit_code == 0, result.output
    assert first.read_bytes() == second.read_bytes()
    assert "trained on 8 articles from 4 outlets" in result.stdout


def test_a_trained_model_finds_claims_in_new_text(tmp_path):
    out = tmp_path / "model.json"
    runner.invoke(app, ["train", str(GOLD), "--out", str(out)])
    model = load_model(out)
    text = "Brighton have signed Joao Pedro from Watford for £30m."
    article = Article(id="n", text=text, content_hash=content_hash(text), published=date(2023, 7, 1))
    claims = extract(article, load_kb(), model).claims
    assert ("João Pedro", "Brighton & Hove Albion") in [(c.player, c.to_club) for c in claims]


def test_the_model_remembers_what_it_was_trained_on():
    gold = read_gold(GOLD)
    model = fit(training_articles(gold, load_kb()))
    assert model.about["trained_on"] == sorted(content_hash(g.article.text) for g in gold)


def test_cross_validation_never_tests_on_an_outlet_it_trained_on():
    kb = load_kb()
    report = cross_validate(training_articles(read_gold(GOLD), kb), kb, 2)
    assert report.articles == 8


def test_eval_cv_prints_the_cross_validated_figures_beside_the_rules_only_ones():
    result = runner.invoke(app, ["eval", str(GOLD), "--cv", "2", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    keys = {
        "pair_precision",
        "pair_recall",
        "pair_f1",
        "stage_accuracy",
        "deal_type_accuracy",
        "fee_accuracy",
        "from_club_accuracy",
        "renewal_f1",
        "rumours_on_negatives",
    }
    assert set(figures) == {"cv", "rules_only"}
    assert keys <= set(figures["cv"]) and keys <= set(figures["rules_only"])


def test_eval_cv_asks_for_fewer_folds_than_there_are_outlets():
    result = runner.invoke(app, ["eval", str(GOLD), "--cv", "5"])
    assert result.exit_code == 1
    assert "needs at least 5 outlets" in result.stderr


@pytest.mark.parametrize(
    "content, reason",
    [
        ('{"id": "x"}', "no 'text' field"),
        ('{"id": "x", "text": 5}', "its text is not a non-empty string"),
        ("not json", "Expecting value"),
    ],
)
def test_a_broken_gold_file_is_named_with_what_to_do(tmp_path, content, reason):
    (tmp_path / "bad.json").write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["train", str(tmp_path)])
    assert result.exit_code == 1
    assert f"bad.json: not a gold article ({reason}" in result.stderr
    assert "fix it or move it out of the folder" in result.stderr


def test_eval_names_the_articles_a_model_was_trained_on():
    gold = read_gold(GOLD)
    model = fit(training_articles(gold, load_kb()))
    assert seen_in_training(gold, model) == [g.article.id for g in gold]
    assert seen_in_training(gold, shipped_model()) == []


def test_extract_explain_shows_each_claims_score_and_features(tmp_path):
    text = "Arsenal have made a £60m bid for Aston Villa striker Ollie Watkins.\n"
    (tmp_path / "a.txt").write_text(text)
    result = runner.invoke(app, ["extract", "--explain", str(tmp_path / "a.txt")], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    _, decisions = decide_article(Article(id="a", text=text, content_hash=content_hash(text)), load_kb())
    [decision] = decisions.pairs
    assert "Ollie Watkins: Aston Villa -> Arsenal" in result.stdout and f"{decision.score:.2f}" in result.stdout
    for name, weight in shipped_model().destination.reasons(decision.features.names):
        assert f"{name} ({weight:+.2f})" in result.stdout
