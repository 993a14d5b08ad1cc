"""Injury claims in the store: written with their article, read back as InjuryClaim records."""

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from mercato.ingest.articles import make_article
from mercato.model import Evidence, ExtractionResult, InjuryClaim, InjuryStatus
from mercato.store import articles, injuries
from mercato.store.schema import ClaimRow, InjuryRow

TEXT = "Westbury lost again. Ola Svensson is out for six weeks with a calf injury."
SENTENCE = "Ola Svensson is out for six weeks with a calf injury."
SPAN = (21, 21 + len(SENTENCE))


def _article(text=TEXT, published=date(2025, 1, 15)):
    return make_article(text, "injury.txt", outlet="Example Sport", published=published)


def _injury(player="Ola Svensson", status=InjuryStatus.INJURED, sentence=SENTENCE, reported_on=date(2025, 1, 15)):
    return InjuryClaim(
        player=player,
        status=status,
        evidence=Evidence(sentence, SPAN),
        until=date(2025, 2, 26),
        injury="calf",
        reported_on=reported_on,
    )


def _store(store, article, *found):
    return store.add_article(article, ExtractionResult(article.id, injuries=found))


def test_injury_claims_read_back_as_written(store):
    article = _article()
    _store(store, article, _injury(), _injury("Tim Oakes", InjuryStatus.SUSPENDED))
    assert injuries(store) == [
        InjuryClaim(
            "Ola Svensson",
            InjuryStatus.INJURED,
            Evidence(SENTENCE, SPAN),
            date(2025, 2, 26),
            "calf",
            date(2025, 1, 15),
            article.id,
        ),
        InjuryClaim(
            "Tim Oakes",
            InjuryStatus.SUSPENDED,
            Evidence(SENTENCE, SPAN),
            date(2025, 2, 26),
            "calf",
            date(2025, 1, 15),
            article.id,
        ),
    ]


def test_injury_claim_without_a_date_takes_the_articles(store):
    article = _article()
    _store(store, article, _injury(reported_on=None))
    assert [c.reported_on for c in injuries(store)] == [date(2025, 1, 15)]


def test_injury_claims_filter_by_part_of_player_name(store):
    article = _article()
    _store(store, article, _injury(), _injury("Tim Oakes"))
    assert [c.player for c in injuries(store, players=["svensson"])] == ["Ola Svensson"]
    assert [c.player for c in injuries(store, players=["oakes", "ola"])] == ["Ola Svensson", "Tim Oakes"]
    assert injuries(store, players=[]) == []


def test_injury_claims_filter_by_report_date(store):
    early, late = _article(published=date(2025, 1, 1)), _article("Ola Svensson is fit again.", date(2025, 3, 1))
    _store(store, early, _injury(reported_on=date(2025, 1, 1)))
    _store(store, late, _injury(status=InjuryStatus.FIT, reported_on=date(2025, 3, 1)))
    assert [c.status for c in injuries(store, as_of=date(2025, 2, 1))] == [InjuryStatus.INJURED]
    assert [c.status for c in injuries(store)] == [InjuryStatus.INJURED, InjuryStatus.FIT]


def test_injury_claims_are_in_the_articles_transaction(store):
    article = _article()
    broken = _injury("Tim Oakes", sentence=None)  # NOT NULL evidence: the write fails
    with pytest.raises(IntegrityError):
        _store(store, article, _injury(), broken)
    assert articles(store) == []
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(InjuryRow)) == 0
        assert session.scalar(select(func.count()).select_from(ClaimRow)) == 0
