import json
import os
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from mercato.cli import app, common
from mercato.evaluate.bench import BenchFigures, read_corpus, repeat_to, run_bench, token_count
from mercato.kb import load_kb
from mercato.model import Article


@pytest.fixture(autouse=True)
def cores_restored():
    # `mercato bench` pins its process to one core; the tests after these keep every core.
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    yield
    if cores is not None:
        os.sched_setaffinity(0, cores)


def article(i: int, text: str) -> Article:
    return Article(id=f"a{i}", text=text, content_hash=str(i), published=date(2024, 7, 1))


SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"

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


def write_gold(folder, texts):
    for i, text in enumerate(texts):
        document = {"id": f"g{i}", "text": text, "published": "2024-07-01", "rumours": [], "renewals": []}
        (folder / f"g{i}.json").write_text(json.dumps(document), encoding="utf-8")


def test_a_gold_folder_is_read_as_eval_reads_it_without_its_readme(tmp_path):
    write_gold(tmp_path, TEXTS)
    (tmp_path / "README.md").write_text("# Gold set\n\nHow the articles were annotated.\n", encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert [a.id for a in corpus] == ["g0", "g1", "g2"]
    assert [a.text for a in corpus] == TEXTS


def test_a_folder_without_json_is_read_as_ingest_reads_it(tmp_path):
    for i, text in enumerate(TEXTS):
        (tmp_path / f"a{i}.txt").write_text(text + "\n", encoding="utf-8")
    assert len(read_corpus(tmp_path)) == 3


def test_the_bundled_samples_make_a_corpus():
    assert read_corpus(SAMPLES)


def test_a_missing_baseline_model_leaves_its_figures_null_and_says_how_to_install():
    corpus = [article(i, t) for i, t in enumerate(TEXTS)]
    figures = run_bench(corpus, load_kb(), n=6, baseline_model="no_such_spacy_pipeline")
    assert figures.articles == 6 and figures.articles_per_s > 0
    assert figures.baseline_articles_per_s is None and figures.ratio is None
    assert "pip install -e '.[bench]'" in (figures.baseline_note or "")


def test_the_baseline_runs_over_whole_rounds_of_the_corpus():
    corpus = [article(i, t) for i, t in enumerate(TEXTS)]
    figures = run_bench(corpus, load_kb(), n=9, baseline_articles=4)
    assert figures.baseline_note is None
    assert figures.baseline_articles == 6
    assert isinstance(figures.baseline_articles_per_s, float) and isinstance(figures.ratio, float)
    assert isinstance(figures.baseline_tokens_per_s, int)


def test_bench_command_json_holds_both_runs_figures(tmp_path):
    write_gold(tmp_path, TEXTS)
    result = CliRunner().invoke(app, ["bench", str(tmp_path), "--articles", "50", "--baseline-articles", "3", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["articles"] == 51 and figures["baseline_articles"] == 3
    for key in ("articles_per_s", "tokens_per_s", "baseline_articles_per_s", "baseline_tokens_per_s", "ratio"):
        assert isinstance(figures[key], int | float) and figures[key] > 0, key
    assert isinstance(figures["peak_rss_mb"], float)


def test_bench_command_table_names_both_runs_and_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(common, "console", Console(width=120, force_terminal=False, color_system=None))
    write_gold(tmp_path, TEXTS)
    result = CliRunner().invoke(app, ["bench", str(tmp_path), "--articles", "6", "--baseline-articles", "3"])
    assert result.exit_code == 0, result.output
    for label in ("Mercato extract", "spaCy en_core_web_sm (3 articles)", "ratio", "peak RSS"):
        assert label in result.stdout
