"""Read money amounts and pick the fee of a deal (not a valuation, wage or release clause)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mercato.model import Fee

__all__ = ["Money", "find_money", "pick_fee"]

_CURRENCY = {"£": "GBP", "€": "EUR", "$": "USD", "us$": "USD", "r$": "BRL"}
_WORD_CURRENCY = {"pounds": "GBP", "euros": "EUR", "euro": "EUR", "dollars": "USD"}
_SCALE = {"bn": 10**9, "billion": 10**9, "m": 10**6, "mn": 10**6, "million": 10**6, "k": 10**3, "000": 1}
_MONEY = re.compile(
    r"(?P<sym>US\$|R\$|[£€$])\s?(?P<num>\d+(?:[.,]\d+)*)\s?(?P<scale>bn|billion|mn|million|m|k)?\b"
    r"|(?P<num2>\d+(?:[.,]\d+)?)\s?(?P<scale2>bn|billion|million|m)\s(?P<word>pounds|euros?|dollars)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")  # every amount has one
# Words that make a figure something other than the deal's fee.
_NOT_A_FEE = re.compile(
    r"(?:valued|valuation|rated|release clause|buy-out|buyout|asking price|price tag|wants? (?:over|at least|around)|"
    r"demand|a[- ]week|per week|weekly|wages?|salary|salaries|a year|per year|a season|"
    r"-rated|coveting|could cost|would cost|worth (?:up to )?around|market value|profit|paid £|spent|spending)",
    re.IGNORECASE,
)
_FEE_WORDS = re.compile(
    r"\b(?:bid|offer|fee|deal|paid|pay|payment|transfer|signing|move|agreed|accepted|package|proposal|worth|for)\b",
    re.IGNORECASE,
)
# '£15m Huddersfield midfielder', '£30m-rated', '£120,000-a-week': a price tag or a wage.
_PRICE_TAG_AFTER = re.compile(r"\s*-?(?:rated|a[- ]week|per week|a year|release)|\s+[A-Z][a-z]")
_ADD_ONS = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:plus|with|and)\s+(?:a further\s+|an? (?:additional|extra)\s+)?$", re.I)


@dataclass(frozen=True, slots=True)
class Money:
    """A money amount found in a sentence, with its character span."""

    amount: int
    currency: str
    start: int
    end: int


def _number(text: str) -> float:
    if "," in text and "." not in text and re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
        return float(text.replace(",", ""))
    return float(text.replace(",", "."))


def find_money(sentence: str) -> list[Money]:
    """Every amount in a sentence: '£45m', '€60 million', '$1.2bn', '£200,000'."""
    found: list[Money] = []
    if not _DIGIT.search(sentence):
        return found
    for m in _MONEY.finditer(sentence):
        if m.group("num"):
            currency = _CURRENCY[m.group("sym").lower()]
            value = _number(m.group("num"))
            scale = _SCALE.get((m.group("scale") or "").lower(), 1)
        else:
            currency = _WORD_CURRENCY[m.group("word").lower()]
            value = _number(m.group("num2"))
            scale = _SCALE[m.group("scale2").lower()]
        amount = round(value * scale)
        if amount >= 10_000:
            found.append(Money(amount, currency, m.start(), m.end()))
    return found


def _is_bracketed_conversion(sentence: str, money: Money) -> bool:
    before = sentence[: money.start].rstrip()
    return before.endswith("(") or before.endswith("/")


def pick_fee(sentence: str, near: int | None = None) -> Fee | None:
    """The fee a sentence states for its deal, with separately stated add-ons, if any.

    ``near`` (a position in the sentence, e.g. the buying club's name) picks, of several fees,
    the one stated nearest to it: 'Arsenal bid £105m after City had a bid rejected at £90m'.
    """
    amounts = [m for m in find_money(sentence) if not _is_bracketed_conversion(sentence, m)]
    order = (
        range(len(amounts)) if near is None else sorted(range(len(amounts)), key=lambda k: abs(amounts[k].start - near))
    )
    for i in order:
        money = amounts[i]
        context = sentence[max(0, money.start - 45) : money.start]
        after = sentence[money.end : money.end + 25]
        if _NOT_A_FEE.search(context[-30:]) or _PRICE_TAG_AFTER.match(after):
            continue
        if not _FEE_WORDS.search(context + " " + after):
            continue
        add_ons = None
        if i + 1 < len(amounts):
            following = amounts[i + 1]
            gap = sentence[money.end : following.start]
            tail = sentence[following.end : following.end + 30]
            if _ADD_ONS.match(re.sub(r"\([^)]*\)", "", gap)) and re.match(
                r"\s*(?:\([^)]*\)\s*)?(?:in )?add-?ons", tail
            ):
                add_ons = following.amount
        return Fee(money.amount, money.currency, add_ons)
    return None
