from datetime import date

from mercato.extract.candidates import find_candidates
from mercato.extract.reading import read_article
from mercato.ingest import content_hash
from mercato.model import Article, Stage


def candidates_of(kb, text, published=date(2025, 3, 1)):
    article = Article(id="t", text=text, content_hash=content_hash(text), published=published)
    return find_candidates(read_article(article, kb))


def test_every_club_a_sentence_names_with_a_player_is_a_candidate(kb):
    found = candidates_of(kb, "Arsenal have made a £60m bid for Aston Villa striker Ollie Watkins.")
    assert {(c.player, c.club) for c in found.pairs} == {("Ollie Watkins", "Arsenal"), ("Ollie Watkins", "Aston Villa")}


def test_the_rules_proposals_come_first_and_say_so(kb):
    found = candidates_of(kb, "Arsenal have made a £60m bid for Aston Villa striker Ollie Watkins.")
    first, second = found.pairs
    assert (first.club, first.proposed, second.club, second.proposed) == ("Arsenal", True, "Aston Villa", False)


def test_an_occurrence_carries_the_stage_the_clause_cues(kb):
    found = candidates_of(kb, "Chelsea have agreed a fee with Brighton for Moises Caicedo.")
    chelsea = next(c for c in found.pairs if c.club == "Chelsea")
    assert [o.stage for o in chelsea.occurrences] == [Stage.AGREED]
    assert chelsea.evidence.clauses and chelsea.occurrences[0].explicit


def test_a_pair_the_rules_do_not_propose_gets_evidence_of_its_own(kb):
    found = candidates_of(kb, "Arsenal have made a £60m bid for Aston Villa striker Ollie Watkins.")
    villa = next(c for c in found.pairs if c.club == "Aston Villa")
    assert villa.evidence.to_club == "Aston Villa" and len(villa.evidence.clauses) == 1


def test_a_player_extending_his_contract_is_a_renewal_candidate(kb):
    found = candidates_of(kb, "Arsenal midfielder Martin Odegaard has signed a new contract with Arsenal.")
    assert [(r.player, r.club, r.stages) for r in found.renewals] == [
        ("Martin Odegaard", "Arsenal", (Stage.COMPLETED,))
    ]


def test_a_match_report_names_players_and_clubs_but_proposes_nothing(kb):
    found = candidates_of(kb, "Bukayo Saka scored twice as Arsenal beat Chelsea 3-1 at the Emirates.")
    assert found.pairs and not any(c.proposed for c in found.pairs)
