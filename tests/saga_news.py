"""A small, hand-written news history about real players, stored without extraction.

Dates and outcomes follow the summer 2023 window (tests/data/transfers_sample.csv holds
the real transfers); the sentences are our own.
"""

from __future__ import annotations

from datetime import date

from mercato.ingest import content_hash
from mercato.model import Article, DealType, Evidence, ExtractionResult, Stage, TransferClaim
from mercato.sagas import ReportedClaim
from mercato.store import Store

# (player, from_club, to_club, stage, day, outlet)
NEWS = [
    ("Declan Rice", "West Ham United", "Arsenal", Stage.AGREED, date(2023, 6, 20), "Sky Sports News"),
    ("Declan Rice", "West Ham United", "Manchester City", Stage.INTEREST, date(2023, 6, 10), "Daily Mail"),
    ("Harry Kane", "Tottenham Hotspur", "Bayern Munich", Stage.NEGOTIATING, date(2023, 7, 20), "Kicker"),
    ("Harry Kane", "Tottenham Hotspur", "Manchester United", Stage.INTEREST, date(2023, 5, 1), "The Sun"),
    ("Mason Mount", "Chelsea", "Manchester United", Stage.NEGOTIATING, date(2023, 6, 15), "The Athletic"),
    ("Mason Mount", "Chelsea", "Liverpool", Stage.INTEREST, date(2023, 6, 1), "Daily Mirror"),
    ("Jude Bellingham", "Borussia Dortmund", "Real Madrid", Stage.AGREED, date(2023, 6, 1), "Marca"),
    ("Jude Bellingham", "Borussia Dortmund", "Liverpool", Stage.INTEREST, date(2023, 3, 1), "Daily Express"),
    ("Kai Havertz", "Chelsea", "Arsenal", Stage.NEGOTIATING, date(2023, 6, 20), "The Guardian"),
    ("Josko Gvardiol", "RB Leipzig", "Manchester City", Stage.AGREED, date(2023, 7, 25), "Bild"),
    ("Josko Gvardiol", "RB Leipzig", "Chelsea", Stage.INTEREST, date(2023, 5, 1), "TEAMtalk"),
    ("Moisés Caicedo", "Brighton & Hove Albion", "Liverpool", Stage.AGREED, date(2023, 8, 11), "BBC Sport"),
    ("Moisés Caicedo", "Brighton & Hove Albion", "Chelsea", Stage.COMPLETED, date(2023, 8, 14), "BBC Sport"),
    ("Ana Ruiz", None, "Girona", Stage.INTEREST, date(2023, 6, 1), "Metro"),
]


def news_claims() -> list[ReportedClaim]:
    """The history as reported claims, one article each."""
    return [ReportedClaim(claim, day, outlet) for claim, day, outlet in _claims()]


def _claims() -> list[tuple[TransferClaim, date, str]]:
    out = []
    for i, (player, from_club, to_club, stage, day, outlet) in enumerate(NEWS):
        sentence = f"{player} and {to_club}: {stage} (report {i})."
        claim = TransferClaim(
            player=player,
            to_club=to_club,
            stage=stage,
            deal_type=DealType.UNKNOWN,
            evidence=Evidence(sentence, (0, len(sentence))),
            from_club=from_club,
            article_id=f"n{i:02d}",
        )
        out.append((claim, day, outlet))
    return out


def store_news(store: Store) -> None:
    """Store the history: one article per claim."""
    for claim, day, outlet in _claims():
        text = claim.evidence.sentence
        article = Article(
            id=claim.article_id or "",
            text=text,
            content_hash=content_hash(text),
            url=f"https://example.org/{claim.article_id}",
            outlet=outlet,
            published=day,
            title=text,
        )
        store.add_article(article, ExtractionResult(article.id, (claim,)))
