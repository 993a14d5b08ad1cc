import pytest

from mercato.extract.sources import find_attributions, gossip_heading


@pytest.mark.parametrize(
    "sentence, source",
    [
        ("Sky Sports News has been told that talks are progressing.", "Sky Sports News"),
        ("According to A Bola, United will make an approach.", "A Bola"),
        ("As reported by Fabrizio Romano, the fee is agreed.", "Fabrizio Romano"),
        ("Arsenal have made a third bid, the Guardian said.", "The Guardian"),
        ("Chelsea are keen on the forward. (Mirror)", "Daily Mirror"),
    ],
)
def test_reported_by_names_the_outlet(sentence, source):
    found = find_attributions(sentence)
    assert found and found[0].source == source


def test_a_sentence_without_attribution_has_none():
    assert find_attributions("Dortmund said there is no chance of a sale.") == ()


def test_gossip_column_headings_name_their_paper():
    assert gossip_heading("DAILY MAIL") == "Daily Mail"
    assert gossip_heading("ARSENAL") is None
