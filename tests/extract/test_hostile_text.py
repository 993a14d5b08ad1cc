"""Hostile texts: extraction never fails, and what one sentence costs to read is bounded, so
an article costs in proportion to its length (benchmarks/adversarial.py times it)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mercato
from mercato.extract.sentences import split_sentences

_REAL = (
    "Arsenal have agreed a £60m fee with West Ham for Declan Rice, according to Sky Sports. "
    "The 24-year-old is set to undergo a medical on Friday before signing a five-year deal.\n"
    "Chelsea remain interested in Moisés Caicedo, but Brighton want £100m (€115m) plus add-ons."
)


@pytest.mark.parametrize(
    "text",
    [
        " ".join(["Arsenal"] * 3000),
        "Liverpool have signed Kylian Mbappé from Man Utd. " * 300,
        "a" * 50_000,
        "Declan Rice Arsenal Bukayo Saka Chelsea " * 500,
    ],
    ids=["one name repeated", "one sentence repeated", "one long token", "names with no full stop"],
)
def test_a_long_run_without_full_stops_is_read_in_bounded_pieces(text):
    sentences = split_sentences(text)
    assert all(len(s.text) <= 400 for s in sentences)
    assert all(text[s.start : s.end] == s.text for s in sentences)  # spans still point into the text
    assert "".join(text.split()) == "".join("".join(s.text.split()) for s in sentences)  # nothing lost


def test_hostile_texts_give_an_answer():
    result = mercato.extract(" ".join(["Arsenal"] * 3000))
    assert result.claims == ()
    repeated = mercato.extract("Liverpool have signed Kylian Mbappé from Man Utd. " * 300)
    assert {(c.player, c.to_club) for c in repeated.claims} == {("Kylian Mbappé", "Liverpool")}


_MUTATIONS = st.lists(st.tuples(st.integers(0, len(_REAL)), st.text(min_size=0, max_size=8)), min_size=0, max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=600))
def test_any_text_is_read_without_an_exception(text):
    result = mercato.extract(text)
    for claim in result.claims:
        start, end = claim.evidence.span
        assert text[start:end] == claim.evidence.sentence


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_MUTATIONS)
def test_a_mutated_real_article_is_read_without_an_exception(edits):
    text = _REAL
    for at, insert in edits:
        text = text[:at] + insert + text[at:]
    result = mercato.extract(text)
    assert all(text[c.evidence.span[0] : c.evidence.span[1]] == c.evidence.sentence for c in result.claims)
