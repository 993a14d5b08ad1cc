import pytest

from mercato.extract.fees import find_money, pick_fee
from mercato.model import Fee


@pytest.mark.parametrize(
    "text, amount, currency",
    [
        ("a deal worth £45m plus add-ons", 45_000_000, "GBP"),
        ("they offered around €60 million for him", 60_000_000, "EUR"),
        ("a bid of $1.2bn for the club", 1_200_000_000, "USD"),
        ("a fee of £200,000 was paid", 200_000, "GBP"),
        ("a 30 million euros bid", 30_000_000, "EUR"),
    ],
)
def test_money_reads_amount_and_currency(text, amount, currency):
    found = find_money(text)
    assert [(m.amount, m.currency) for m in found] == [(amount, currency)]


def test_fee_takes_the_first_figure_and_separate_add_ons():
    fee = pick_fee("United will pay €40m (£33.7m) plus €5m (£4.2m) in add-ons for the winger.")
    assert fee == Fee(40_000_000, "EUR", 5_000_000)


def test_fee_ignores_a_bracketed_conversion():
    assert pick_fee("Villa rejected a £60million (€71.6m) bid for the striker.") == Fee(60_000_000, "GBP")


@pytest.mark.parametrize(
    "text",
    [
        "The £30m-rated midfielder is wanted by three clubs.",
        "He earns £120,000-a-week at his current club.",
        "His release clause of £80m has not been met.",
        "Bournemouth are set to beat Brighton to £15m Huddersfield midfielder Joe Bloggs.",
    ],
)
def test_valuations_wages_and_clauses_are_not_fees(text):
    assert pick_fee(text) is None


def test_add_ons_without_a_figure_are_not_counted():
    assert pick_fee("Their opening offer was £110m plus add-ons.") == Fee(110_000_000, "GBP", None)
