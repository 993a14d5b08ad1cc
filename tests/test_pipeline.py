"""The ingest pipeline end to end: files in, claims and problems in a SQLite file."""

import json
import shutil
from pathlib import Path

import pytest

from mercato.kb import load_kb
from mercato.model import Stage
from mercato.pipeline import ingest_paths
from mercato.sagas import merge_sagas
from mercato.store import articles, claims, errors, open_store

SAMPLES = Path(__file__).parent.parent / "samples" / "articles"


@pytest.fixture
def store(tmp_path):
    opened = open_store(f"sqlite:///{tmp_path / 'mercato.db'}")
    yield opened
    opened.close()


def _write_inputs(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text(
        "date 2024-06-10\nBrentford have opened talks with Leeds United over a midfielder.\n"
    )
    (folder / "good.json").write_text(json.dumps({"id": "g2", "text": "Fulham are keen on a keeper."}))
    (folder / "broken.json").write_text("{")
    (folder / "empty.md").write_text("")


def test_bad_inputs_are_recorded_and_the_batch_goes_on(tmp_path, store):
    _write_inputs(tmp_path / "in")
    report = ingest_paths([tmp_path / "in"], store, load_kb(), workers=1)
    assert (report.read, report.new, report.duplicates, report.failed) == (2, 2, 0, 2)
    assert sorted(Path(e.source).name for e in errors(store)) == ["broken.json", "empty.md"]
    assert len(articles(store)) == 2


def test_an_article_past_the_time_budget_is_recorded_and_the_batch_goes_on(tmp_path, store):
    from mercato.ingest import MAX_ARTICLE_CHARS

    folder = tmp_path / "in"
    _write_inputs(folder)
    sentence = "Brentford have opened talks with Leeds United over Declan Rice. "
    (folder / "endless.txt").write_text(sentence * (MAX_ARTICLE_CHARS // len(sentence)))  # seconds of reading
    report = ingest_paths([folder], store, load_kb(), workers=1, budget_s=0.5)
    assert (report.new, report.failed) == (2, 3)
    [over] = [e for e in errors(store) if e.source.endswith("endless.txt")]
    assert over.reason == "extraction ran past its budget of 0.5 s"
    assert "MERCATO_EXTRACT_BUDGET_S" in over.hint


def test_ingesting_the_same_inputs_again_changes_nothing(tmp_path, store):
    _write_inputs(tmp_path / "in")
    ingest_paths([tmp_path / "in"], store, load_kb(), workers=1)
    stored = (articles(store), claims(store))
    report = ingest_paths([tmp_path / "in"], store, load_kb(), workers=1)
    assert (report.new, report.duplicates) == (0, 2)
    assert (articles(store), claims(store)) == stored


def test_the_same_article_twice_in_one_batch_is_stored_once(tmp_path, store):
    text = "Burnley have made an offer for the striker."
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.json").write_text(json.dumps({"text": text}))
    report = ingest_paths([tmp_path], store, load_kb(), workers=1)
    assert (report.read, report.new, report.duplicates) == (2, 1, 1)


def test_a_process_pool_stores_what_one_process_stores(tmp_path):
    results = []
    for workers in (1, 2):
        store = open_store(f"sqlite:///{tmp_path / f'w{workers}.db'}")
        ingest_paths([SAMPLES], store, load_kb(), workers=workers)
        results.append([(c.claim, c.published) for c in claims(store)])
        store.close()
    assert results[0] == results[1]
    assert results[0]


def test_progress_reaches_every_input(tmp_path, store):
    _write_inputs(tmp_path / "in")
    seen = []
    ingest_paths([tmp_path / "in"], store, load_kb(), workers=1, on_progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (4, 4)


def test_samples_merge_into_sagas_across_articles_and_formats(tmp_path, store):
    folder = tmp_path / "samples"
    folder.mkdir()
    for name in (
        "2025-03-25-alexander-arnold.json",
        "2025-08-04-isak.json",
        "2025-09-02-guehi.json",
        "2025-09-01-isak.txt",
        "2025-08-28-guehi.html",
        "demo-feed.rss",
        "wire.jsonl",
    ):
        shutil.copy(SAMPLES / name, folder)
    report = ingest_paths([folder], store, load_kb(), workers=1)
    assert report.failed == 0
    sagas = {(s.player, s.to_club): s for s in merge_sagas(claims(store))}
    isak = sagas["Alexander Isak", "Liverpool"]
    assert isak.stage is Stage.COMPLETED
    assert isak.articles >= 2
    assert sagas["Trent Alexander-Arnold", "Real Madrid"].stage is Stage.COMPLETED
    guehi = next(s for (player, to), s in sagas.items() if "Gu" in player and to == "Liverpool")
    assert guehi.stage is Stage.OFF
    assert guehi.articles == 2
