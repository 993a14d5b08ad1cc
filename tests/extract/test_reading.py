"""What the rules read and propose (extraction decided by the rules alone, ``RULES_ONLY``)."""

from datetime import date

from mercato.extract import RULES_ONLY, extract
from mercato.ingest import content_hash
from mercato.kb import load_kb
from mercato.model import Article, DealType, Fee, Stage


def read(text, published=date(2025, 3, 1)):
    article = Article(id="t", text=text, content_hash=content_hash(text), published=published)
    return extract(article, load_kb(), RULES_ONLY)


def claims(text, published=date(2025, 3, 1)):
    return read(text, published).claims


def only(text, published=date(2025, 3, 1)):
    found = claims(text, published)
    assert len(found) == 1, found
    return found[0]


def test_single_saga_names_player_clubs_stage_terms_and_source():
    claim = only(
        "Real Madrid are progressing in talks over signing Liverpool defender Trent Alexander-Arnold "
        "when his contract expires in June. Sky Sports News has been told there is no guarantee."
    )
    assert (claim.player, claim.from_club, claim.to_club) == ("Trent Alexander-Arnold", "Liverpool", "Real Madrid")
    assert claim.stage is Stage.NEGOTIATING
    assert claim.deal_type is DealType.FREE
    assert claim.reported_by == "Sky Sports News"


def test_done_deal_with_fee():
    claim = only("Manchester City have signed Jack Grealish from Aston Villa for £100m.")
    assert claim.stage is Stage.COMPLETED
    assert claim.from_club == "Aston Villa"
    assert claim.fee == Fee(100_000_000, "GBP")


def test_several_suitors_give_several_rumours():
    found = claims("Brentford forward Said Benrahma is being monitored by Arsenal, Chelsea and Leeds.")
    assert {c.to_club for c in found} == {"Arsenal", "Chelsea", "Leeds United"}
    assert {c.stage for c in found} == {Stage.INTEREST}


def test_a_collapsed_move_is_off():
    claim = only("Marc Guehi remains a Crystal Palace player after his move to Liverpool collapsed.")
    assert (claim.to_club, claim.stage) == ("Liverpool", Stage.OFF)


def test_a_completed_move_ends_the_players_other_moves():
    found = claims(
        "Ivan Toney has completed his move to Al-Ahli. Chelsea had been interested in Toney.", date(2024, 8, 31)
    )
    stages = {c.to_club: c.stage for c in found}
    assert stages == {"Al-Ahli": Stage.COMPLETED, "Chelsea": Stage.OFF}


def test_renewals_are_their_own_claims_not_transfers():
    result = read("Arsenal midfielder Martin Odegaard has signed a new contract with Arsenal.", date(2023, 9, 22))
    assert result.claims == ()
    assert [(r.player, r.club, r.stage) for r in result.renewals] == [("Martin Odegaard", "Arsenal", Stage.COMPLETED)]


def test_match_reports_give_no_rumours():
    text = (
        "Crystal Palace came back from 2-0 down against Arsenal to draw 2-2 at the Emirates Stadium. "
        "Sokratis scored from a corner after Palace failed to clear the danger."
    )
    assert claims(text, date(2019, 10, 27)) == ()


def test_history_is_not_news():
    text = "He followed Steve McManaman, who joined Real Madrid from Liverpool in 1999."
    assert claims(text) == ()


def test_evidence_is_a_sentence_of_the_text_with_its_span():
    text = "Quiet day. Arsenal have made a £60m bid for Aston Villa striker Ollie Watkins."
    claim = only(text)
    start, end = claim.evidence.span
    assert text[start:end] == claim.evidence.sentence
    assert claim.stage is Stage.APPROACH and claim.fee == Fee(60_000_000, "GBP")


def test_gossip_items_carry_their_bracketed_source():
    claim = only("Chelsea are keen on Fiorentina defender Michael Kayode. (TBR Football)")
    assert claim.reported_by == "TBR Football"


def test_a_club_refusing_to_sell_is_the_players_own():
    claim = only("Manchester City will not sell Rodri, who has been linked with Real Madrid.")
    assert (claim.from_club, claim.to_club, claim.stage) == ("Manchester City", "Real Madrid", Stage.INTEREST)


def test_closing_in_on_a_deal_is_negotiating():
    claim = only("Arsenal are closing in on a deal for Real Sociedad midfielder Martin Zubimendi.")
    assert (claim.from_club, claim.to_club, claim.stage) == ("Real Sociedad", "Arsenal", Stage.NEGOTIATING)


def test_a_loan_with_an_option_names_both_clubs():
    claim = only("Chelsea striker Nicolas Jackson has joined Bayern Munich on loan with an option to buy.")
    assert (claim.from_club, claim.to_club, claim.stage) == ("Chelsea", "Bayern Munich", Stage.COMPLETED)
    assert claim.deal_type is DealType.LOAN_OPTION


def test_a_contract_running_on_does_not_make_a_move_free():
    claim = only("Tottenham are interested in Brentford winger Bryan Mbeumo, whose contract expires in 2026.")
    assert claim.deal_type is DealType.UNKNOWN


def test_a_club_baulking_at_the_price_ends_its_interest():
    claim = only("Newcastle wanted Brighton forward Joao Pedro but baulked at the price.")
    assert (claim.to_club, claim.stage) == ("Newcastle United", Stage.OFF)
