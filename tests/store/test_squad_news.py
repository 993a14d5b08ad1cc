"""A club's squad read from the news scoped to that club is the squad the whole store gives."""

from __future__ import annotations

from datetime import date

import pytest

from mercato.kb import load_kb
from mercato.pipeline import ingest_paths
from mercato.squad import analyse_squad, find_player, fit_json, fit_target, squad_json
from mercato.store import open_store
from mercato.store.squad_news import stored_options
from tests.corpus import DEV_ARTICLES, ROOT


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    opened = open_store(f"sqlite:///{tmp_path_factory.mktemp('squads') / 'news.db'}")
    folders = [ROOT / "samples" / "articles", *([DEV_ARTICLES] if DEV_ARTICLES.is_dir() else [])]
    ingest_paths(folders, opened, load_kb(), workers=2)
    yield opened
    opened.close()


@pytest.mark.parametrize(
    "club, day, targets",
    [
        ("Liverpool", date(2025, 9, 3), ["Marc Guehi", "Alexander Isak"]),
        ("Real Madrid", date(2025, 7, 1), ["Trent Alexander-Arnold"]),
        ("Chelsea", date(2023, 9, 2), ["Moises Caicedo"]),
        ("Manchester United", date(2023, 9, 2), ["Sofyan Amrabat"]),
    ],
)
def test_the_news_of_one_club_gives_the_squad_the_whole_store_gives(store, club, day, targets):
    kb = load_kb()
    known = kb.club_named(club)
    whole, scoped = stored_options(store, kb, day), stored_options(store, kb, day, club=known)
    assert len(scoped.moves) < len(whole.moves) or len(whole.moves) < 5
    assert squad_json(analyse_squad(kb, known, scoped)) == squad_json(analyse_squad(kb, known, whole))
    for target in targets:
        player = find_player(kb, target)
        assert fit_json(fit_target(kb, player, known, scoped), known) == fit_json(
            fit_target(kb, player, known, whole), known
        )
