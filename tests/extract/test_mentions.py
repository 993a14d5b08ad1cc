import re
from datetime import date

import pytest
from ahocorasick_rs import AhoCorasick

from mercato.extract.club_refs import _DESCRIPTOR, _descriptors, _whole_words
from mercato.extract.mentions import find_mentions, is_title_case
from mercato.extract.pointers import _SINGLE, _single_word_at
from mercato.extract.sources import known_outlets
from mercato.kb.link import linker_for, prepare_text
from tests.corpus import news_texts


def mentions(text, kb, published=date(2025, 3, 1)):
    return find_mentions(text, linker_for(kb), known_outlets(), published)


def test_nicknames_and_short_names_resolve_to_canonical_clubs(kb):
    text = "Los Blancos want him, Spurs and the Gunners too, while Barça wait."
    found = mentions(text, kb)
    assert [r.club.name for r in found.clubs] == ["Real Madrid", "Tottenham Hotspur", "Arsenal", "Barcelona"]


def test_an_ambiguous_nickname_follows_the_article(kb):
    text = "Manchester United are keen. The Reds have made contact with his agent."
    found = mentions(text, kb)
    assert [r.club.name for r in found.clubs] == ["Manchester United", "Manchester United"]


def test_a_country_descriptor_points_to_the_club_of_that_country(kb):
    text = "Liverpool defender Jack Bloggs is wanted by Real Madrid. The Spanish giants have made an offer."
    found = mentions(text, kb)
    assert found.clubs[-1].club.name == "Real Madrid"


def test_surname_first_name_and_role_mentions_point_to_one_player(kb):
    text = (
        "Real Madrid want Liverpool defender Trent Alexander-Arnold. "
        "Alexander-Arnold is keen. Trent has told the club. The England international will decide soon."
    )
    found = mentions(text, kb)
    assert {r.entity for r in found.players} == {"Trent Alexander-Arnold"}
    assert sum(not r.explicit for r in found.players) >= 1


def test_a_role_mention_fits_the_players_nationality(kb):
    text = "United bid for Bruno Fernandes and Paul Pogba stayed. The France international is unhappy."
    found = mentions(text, kb, date(2019, 7, 1))
    role = [r for r in found.players if not r.explicit]
    assert role and role[-1].entity == "Paul Pogba"


def test_managers_are_people_not_players(kb):
    text = "Manager Erik ten Hag wants a striker, and Chelsea striker Jimmy Newname is his target."
    found = mentions(text, kb)
    assert {r.entity for r in found.players if r.explicit} == {"Jimmy Newname"}
    assert found.people


def _title_case_by_pattern(line):
    initials = re.findall(r"\s([^\W\d_])", " " + line)
    return len(initials) >= 4 and sum(map(str.isupper, initials)) >= 0.75 * len(initials)


def test_title_case_headlines_are_told_from_prose():
    assert is_title_case("Arsenal Complete Signing Of Real Madrid Star")
    assert is_title_case("Chelsea ‘Agree’ Fee For Brazilian Winger")  # not ASCII
    assert not is_title_case("Arsenal have completed the signing of a Real Madrid star")
    assert not is_title_case("Kane To Bayern")  # three words: too few to tell


def test_title_case_counts_words_as_the_pattern_does():
    lines = [line for text in news_texts() for line in text.split("\n")]
    lines += ["Élan Über Ödegaard Écija", "A\x1cB\tC\x0bD\x0cE", "1 2 3 Four Five Six seven", "_A _B _C _D", "  "]
    lines += [
        "“Kane” ‘Joins’ — Bayern Deal",
        "Ødegaard\xa0Signs\u2009New Deal",
        "𝐀rsenal 𝐚nd ǅ ٣ Four",
        "a ²b ß Ωmega Ωx",
    ]
    assert len(lines) > 100
    assert [is_title_case(line) for line in lines] == [_title_case_by_pattern(line) for line in lines]


def test_a_capitalised_word_is_read_at_a_position_as_a_scan_finds_it():
    texts = [prepare_text(text) for text in news_texts()]
    texts += ["O'Brien and Brien, Oxlade-Chamberlain and Chamberlain's move, D'Angelo's Angelo", "A-Team Team"]
    for text in texts:
        found = {m.start(): m.group(0) for m in _SINGLE.finditer(text)}
        for at, char in enumerate(text):
            if char.isupper():
                word = _single_word_at(text, at)
                assert (word.group(0) if word else None) == found.get(at), (text[max(0, at - 20) : at + 20], at)


@pytest.mark.parametrize(
    "words", [["They", "they", "them"], ["the", "them", "there", "he", "He", "his"], ["a", "ab", "b"]]
)
def test_whole_words_are_found_as_the_word_bounded_pattern_finds_them(words):
    pattern = re.compile(rf"\b(?:{'|'.join(words)})\b")
    texts = news_texts() + ["them theme They_ they' ab a b ab-a they"]
    for text in texts:
        assert _whole_words(AhoCorasick(words), text) == [m.span() for m in pattern.finditer(text)]


def test_country_descriptors_are_found_as_the_pattern_finds_them():
    texts = [prepare_text(text) for text in news_texts()]
    texts += ["The Spanish giants beat the German club; Xthe Dutch side, the Saudi Pro League side, the  Italian\nteam"]
    for text in texts:
        assert [m.span() for m in _descriptors(text)] == [m.span() for m in _DESCRIPTOR.finditer(text)]
    assert [m.group(0) for m in _descriptors(texts[-1])][-1] == "the Saudi Pro League side"


def test_a_short_first_name_links_to_the_known_player_of_a_club_the_article_names(kb):
    found = mentions("Whether Liverpool forward Mo Salah will join Al Ittihad is the question.", kb, date(2023, 8, 30))
    assert [r.entity for r in found.players] == ["Mohamed Salah"]
    elsewhere = mentions("Whether striker Mo Salah will join Al Ittihad is the question.", kb, date(2023, 8, 30))
    assert [r.entity for r in elsewhere.players] == ["Mo Salah"]  # no club of his named: not linked
