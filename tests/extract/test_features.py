from datetime import date

from mercato.extract.candidates import find_candidates
from mercato.extract.features import describe
from mercato.extract.reading import read_article
from mercato.ingest import content_hash
from mercato.model import Article


def features_of(kb, text, published=date(2025, 3, 1)):
    article = Article(id="t", text=text, content_hash=content_hash(text), published=published)
    reading = read_article(article, kb)
    return {f.candidate.club: f.names for f in describe(reading, find_candidates(reading)).pairs}


def test_the_words_beside_a_club_are_features(kb):
    found = features_of(kb, "Liverpool want to sign Marc Guehi from Crystal Palace.")
    assert "club_w-1=from" in found["Crystal Palace"]
    assert "club_opens_sentence" in found["Liverpool"]


def test_cue_words_and_their_side_of_the_club_are_features(kb):
    names = features_of(kb, "Liverpool have agreed a fee with Crystal Palace for Marc Guehi.")["Liverpool"]
    assert {"stage=agreed", "cue_after=agreed", "rules_stage=agreed", "club_first"} <= names
    assert "player_first" not in names


def test_history_and_past_years_are_features(kb):
    text = "Mohamed Salah joined Liverpool from Roma in 2017."
    names = features_of(kb, text, date(2025, 3, 1))["Liverpool"]
    assert {"background", "year_past"} <= names


def test_no_feature_names_a_player_or_a_club(kb):
    found = features_of(kb, "Real Madrid are in talks with Liverpool over Trent Alexander-Arnold.")
    words = {"real", "madrid", "liverpool", "trent", "alexander-arnold"}
    for names in found.values():
        assert not {w.lower() for name in names for w in name.split("=")[-1].split()} & words


def test_where_the_reference_data_had_the_player_is_a_feature(kb):
    text = "Liverpool want to sign Marc Guehi from Crystal Palace. He joined Palace from Chelsea."
    found = features_of(kb, text, date(2025, 8, 1))
    assert "known_club" in found["Crystal Palace"] and "known_joined" in found["Crystal Palace"]
    assert "known_elsewhere" in found["Liverpool"] and "known_left" in found["Chelsea"]
