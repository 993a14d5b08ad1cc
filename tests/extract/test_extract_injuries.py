"""extract() reports injury and suspension claims beside, and apart from, transfer claims."""

from datetime import date

from mercato.extract import extract
from mercato.ingest import content_hash
from mercato.model import Article, InjuryStatus

PUBLISHED = date(2026, 3, 10)


def _article(text: str) -> Article:
    return Article(id="a1", text=text, content_hash=content_hash(text), published=PUBLISHED)


def test_injury_sentence_gives_an_injury_claim_and_no_rumour(kb):
    text = "Real Madrid defender Dani Carvajal has been ruled out for the rest of the season with an ACL injury."
    result = extract(_article(text), kb)
    assert result.claims == ()
    (claim,) = result.injuries
    assert (claim.player, claim.status, claim.injury) == ("Dani Carvajal", InjuryStatus.INJURED, "ACL")
    assert (claim.reported_on, claim.article_id) == (PUBLISHED, "a1")
    assert text[slice(*claim.evidence.span)] == claim.evidence.sentence


def test_injury_news_leaves_the_transfer_claims_as_they_were(kb):
    transfer = "Manchester City have signed Jack Grealish from Aston Villa for £100m."
    injury = "Northfield striker Leo Marsh is sidelined with a hamstring strain."
    alone = extract(_article(transfer), kb).claims
    together = extract(_article(f"{transfer} {injury}"), kb)
    assert together.claims == alone
    assert [c.player for c in together.injuries] == ["Leo Marsh"]
