import json
from datetime import date

import pytest
from typer.testing import CliRunner

from mercato.bench import BenchFigures, repeat_to, run_bench, token_count
from mercato.cli import app
from mercato.kb import load_kb
from mercato.model import Article


def article(i: int, text: str) -> Article:
    return Article(id=f"a{i}", text=text, content_hash=str(i), published=date(2024, 7, 1))


TEXTS = [
    "Arsenal have signed Declan Rice from West Ham for £105m.",
    "Chelsea are monitoring Brentford forward Ivan Toney.",
    "Crystal Palace drew 2-2 with Arsenal on Sunday.",
]


def test_corpus_is_repeated_in_whole_rounds_to_at_least_n():
    corpus = repeat_to([article(i, t) for i, t in enumerate(TEXTS)], 7)
    assert len(corpus) == 9
    assert [a.id for a in corpus[:3]] == [a.id for a in corpus[3:6]]


def test_an_empty_corpus_is_refused():
    with pytest.raises(ValueError, match="no articles"):
        repeat_to([], 10)


def test_tokens_are_words_and_punctuation():
    assert token_count(["Arsenal bid £60m, then walked away."]) == 9


def test_figures_without_the_baseline_report_mercato_alone():
    figures = run_bench([article(i, t) for i, t in enumerate(TEXTS)], load_kb(), n=30, baseline=False)
    assert isinstance(figures, BenchFigures)
    assert figures.articles == 30 and figures.tokens == 10 * token_count(TEXTS)
    assert figures.articles_per_s > 0 and figures.peak_rss_mb > 0
    assert figures.ratio is None and figures.baseline_articles_per_s is None


def test_bench_command_prints_the_figures_as_json(tmp_path):
    for i, text in enumerate(TEXTS):
        (tmp_path / f"a{i}.txt").write_text(text + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["bench", str(tmp_path), "--articles", "12", "--no-baseline", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert {"articles_per_s", "baseline_articles_per_s", "ratio", "peak_rss_mb"} <= set(figures)
    assert figures["articles"] == 12


def test_bench_names_a_folder_without_articles(tmp_path):
    result = CliRunner().invoke(app, ["bench", str(tmp_path), "--no-baseline"])
    assert result.exit_code == 1
    assert str(tmp_path) in result.stderr
