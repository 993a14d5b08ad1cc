"""Writing and reading the store on a real SQLite file and a real PostgreSQL server (mercato/store/)."""

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from mercato.ingest import IngestProblem
from mercato.ingest.articles import make_article
from mercato.model import (
    DealType,
    Evidence,
    ExtractionResult,
    Fee,
    RenewalClaim,
    Stage,
    TransferClaim,
)
from mercato.store import Stored, articles, claims, errors, open_store
from mercato.store.saga_queries import club_ids_named, player_ids_named
from mercato.store.schema import ArticleRow, ClaimRow, ClubRow, PlayerRow

TEXT = "Villarreal have agreed a fee with Sevilla for José Ruiz. Talks continue."


def _article(text=TEXT, article_id=None):
    return make_article(
        text,
        "sample.txt",
        article_id=article_id,
        outlet="Example Sport",
        published=date(2024, 7, 1),
    )


def _claim(player="José Ruiz", to_club="Villarreal", stage=Stage.AGREED, sentence=TEXT[:56]):
    return TransferClaim(
        player=player,
        to_club=to_club,
        stage=stage,
        deal_type=DealType.PERMANENT,
        evidence=Evidence(sentence, (0, 56)),
        from_club="Sevilla",
        fee=Fee(20_000_000, "EUR", 5_000_000),
        reported_by="Example Sport",
        hedged=True,
    )


def _count(store, table):
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(table))


def test_article_and_claims_read_back_as_written(store):
    article = _article()
    renewal = RenewalClaim("Ana Pérez", "Sevilla", Stage.NEGOTIATING, Evidence("Talks continue.", (57, 72)))
    assert store.add_article(article, ExtractionResult(article.id, (_claim(),), (renewal,))) is Stored.NEW
    [reported] = claims(store)
    assert reported.claim == replace(_claim(), article_id=article.id)
    assert (reported.published, reported.outlet) == (date(2024, 7, 1), "Example Sport")
    assert articles(store) == [article]


def test_same_article_twice_changes_nothing(store):
    article = _article()
    result = ExtractionResult(article.id, (_claim(),))
    store.add_article(article, result)
    again = make_article(TEXT + "\n", "copy.json", article_id="other-id")
    assert store.add_article(again, result) is Stored.DUPLICATE
    assert (_count(store, ArticleRow), _count(store, ClaimRow)) == (1, 1)


def test_other_text_under_a_stored_id_is_refused(store):
    store.add_article(_article(article_id="a1"), ExtractionResult("a1"))
    other = _article("Another text entirely.", article_id="a1")
    assert store.add_article(other, ExtractionResult("a1")) is Stored.ID_TAKEN
    assert [a.text for a in articles(store)] == [TEXT]


def test_article_and_its_claims_are_one_transaction(store):
    kept = _article("Getafe are keen on the keeper.")
    store.add_article(kept, ExtractionResult(kept.id, (_claim(sentence="Getafe are keen"),)))
    broken = _claim(player="Luis Gil", sentence=None)  # NOT NULL evidence: the write fails
    article = _article()
    with pytest.raises(IntegrityError):
        store.add_article(article, ExtractionResult(article.id, (_claim(), broken)))
    assert [a.id for a in articles(store)] == [kept.id]
    assert _count(store, ClaimRow) == 1
    assert _count(store, PlayerRow) == 1


def test_claims_filter_by_part_of_player_name_ignoring_case_and_accents(store):
    article = _article()
    store.add_article(article, ExtractionResult(article.id, (_claim(), _claim(player="Luis Gil"))))
    assert [c.claim.player for c in claims(store, player="jose")] == ["José Ruiz"]


def test_claims_filter_by_club_matches_either_end_of_the_move(store):
    article = _article()
    other = _claim(player="Luis Gil", to_club="Real Betis")
    store.add_article(article, ExtractionResult(article.id, (_claim(), other)))
    assert len(claims(store, club="sevilla")) == 2
    assert [c.claim.player for c in claims(store, club="betis")] == ["Luis Gil"]


def test_problems_are_recorded_with_their_time(store):
    store.add_problems([IngestProblem("bad.json", "malformed JSON", "fix the JSON")])
    [error] = errors(store)
    assert (error.source, error.reason, error.hint) == (
        "bad.json",
        "malformed JSON",
        "fix the JSON",
    )
    assert error.at is not None


def test_a_reopened_store_keeps_what_was_written(tmp_path):
    url = f"sqlite:///{tmp_path / 'kept.db'}"
    first = open_store(url)
    first.add_article(_article(), ExtractionResult("x", (_claim(),)))
    first.close()
    second = open_store(url)
    assert len(claims(second)) == 1
    second.close()


def test_issue_14_a_player_filter_finds_every_player_whose_name_holds_it_whatever_the_case(store):
    for i, player in enumerate(("Lukaku", "Romelu Lukaku")):
        text = f"Chelsea are in talks over {player}, report {i}."
        store.add_article(_article(text), ExtractionResult("", (_claim(player, "Chelsea", sentence=text),)))
    with store.session() as session:
        names = dict(session.execute(select(PlayerRow.id, PlayerRow.name)).all())
    for asked in ("Lukaku", "lukaku", "LUKAKU"):
        assert sorted(names[i] for i in player_ids_named(store, asked)) == ["Lukaku", "Romelu Lukaku"]


def test_a_club_filter_takes_a_whole_name_first_whatever_the_case(store):
    store.add_article(_article(), ExtractionResult("", (_claim(),)))
    with store.session() as session:
        names = dict(session.execute(select(ClubRow.id, ClubRow.name)).all())
    assert [names[i] for i in club_ids_named(store, "villarreal")] == ["Villarreal"]
