"""The compiled lexicons find what the case-blind patterns they stand for find."""

import re
from importlib import import_module

import pytest

from mercato.extract.lexicon import Lexicon, Prefilter, _starts, _units, grouped, lexicon, lowered
from mercato.extract.sentences import split_sentences
from tests.corpus import news_texts


def _spans(pattern: re.Pattern[str] | Lexicon, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    "source, text",
    [
        # the first alternative that matches at a position wins, as in the flat alternation
        (r"\b(?:pull(?:ed|s|ing)? out|pulled the plug)", "They Pulled The Plug, then pulled out."),
        # a leading group is opened up and each branch keeps its place
        (r"(?:is|are|was) closed|island", "The deal IS closed; the island is not."),
        # \b inside an alternative still asks for a word start
        (r"\bjoin\b|\bjoined\b|rejoin", "He rejoined, then JOINED, then will join."),
        # an optional first letter cannot be grouped, and what follows it keeps its order
        (r"a?bc|abd|b", "abd bc abc b"),
        # escapes keep their case: \S and \W do not become \s and \w
        (r"\S+ed\W", "He SIGNED. Then agreed!"),
        (r"[£€$]\s?\d+m|\bfee\b", "A FEE of £45m and €50M"),
        (r"(?P<season>out for the season)|out", "OUT for the Season"),
        (r"interest\w*|\binto\b|in", "Interested INTO in int"),
        # no string every match needs ('v'), so the pattern is tried only where a match may start
        (
            r"\bv\.?\s+|\bvs\.?\s+|\bex-|\bformer\s+(?:\w+\s+)?",
            "Chelsea V. Spurs vs  Leeds; rev v ex-Everton, FORMER club",
        ),
        (r"(?:\bagainst|\bv)\s+$", "they played against "),
    ],
)
def test_lexicon_matches_as_the_case_blind_pattern(source: str, text: str) -> None:
    assert _spans(lexicon(source), text.lower()) == _spans(re.compile(source, re.IGNORECASE), text)


def test_alternatives_are_grouped_by_first_letter() -> None:
    pattern = lexicon(r"\b(?:collapsed|cool|fell through|falls? through)")
    # the word boundary becomes a look back after each first letter
    assert pattern.pattern.pattern == r"c(?<=\bc)(?:o(?:llapsed|ol))|f(?<=\bf)(?:ell through|alls? through)"


def test_lowered_keeps_escapes_and_group_names() -> None:
    assert lowered(r"(?P<Sym>US\$)\S\W[A-Z]Fee") == r"(?P<Sym>us\$)\S\W[a-z]fee"


def _extractor_lexicons() -> list[Lexicon]:
    modules = ("claims", "cues", "fees", "injuries", "mentions", "sentences", "sources")
    found = {}
    for name in modules:
        for value in vars(import_module(f"mercato.extract.{name}")).values():
            if isinstance(value, Lexicon):
                found[id(value)] = value
            elif isinstance(value, tuple):  # the stage and deal-type tables
                for item in value:
                    if isinstance(item, tuple) and item and isinstance(item[-1], Lexicon):
                        found[id(item[-1])] = item[-1]
    return list(found.values())


def test_every_lexicon_of_the_extractor_matches_as_its_case_blind_pattern() -> None:
    """Each lexicon, prefilter included, against its own pattern compiled with re.IGNORECASE:
    over news articles whole, sentence by sentence, and in the stretch before each
    capitalised word (where the extractor reads what precedes a name)."""
    texts = []
    for text in news_texts():
        texts.append(text)
        texts += [sentence.text for sentence in split_sentences(text)]
        texts += [text[max(0, m.start() - 40) : m.start()] for m in re.finditer(r"\b[A-Z]", text)]
    lexicons = _extractor_lexicons()
    assert len(lexicons) >= 30 and len(texts) >= 500
    for found in lexicons:
        plain = re.compile(found.source, re.IGNORECASE)
        for text in texts:
            assert _spans(found, text.lower()) == _spans(plain, text), found.source[:60]


def test_case_sensitive_patterns_are_grouped_too() -> None:
    pronoun = grouped(r"\b(?:[Hh]e|him|[Hh]is)\b")
    assert pronoun.pattern == r"H(?<=\bH)(?:e|is)\b|h(?<=\bh)(?:e|i(?:m|s))\b"
    text = "He said his agent told him; the hero (He-Man) hissed."
    assert _spans(pronoun, text) == _spans(re.compile(r"\b(?:[Hh]e|him|[Hh]is)\b"), text)


def test_numbered_groups_are_left_as_they_are() -> None:
    assert grouped(r"\b(\d+) (week|month)s?").pattern == r"\b(\d+) (week|month)s?"


def test_prefilter_names_the_lexicons_whose_strings_a_text_holds() -> None:
    words = Prefilter(r"pull(?:ed|s|ing)? out|collaps\w*", r"\bjoin\b", r"\w+\.")
    assert words.candidates("talks collapsed and he pulled out") == 0b101
    assert words.candidates("he will join") == 0b110  # the last has no string to look for
    assert lexicon(r"pull(?:ed|s|ing)? out").search("he pulled back") is None


def test_prefilter_reads_on_into_how_each_branch_starts() -> None:
    """'(foot)' is an injury; 'football' holds 'foot' but no '(foot', so it is not read."""
    words = Prefilter(r"\((?:foot|knee|broken \w+)\)")
    assert words.candidates("he played football for years") == 0
    assert words.candidates("out for weeks (knee)") == 1
    assert words.candidates("out (broken leg)") == 1


def test_the_strings_a_match_starts_with_are_read_from_each_alternative() -> None:
    assert _starts(_units(r"\bformer\s+|(?:joined|signed) from|(?<!not )v\.?\s")) == {
        "former",
        "joined",
        "signed",
        "v",
        "v.",
    }
    assert _starts(_units(r"\bformer|\w+ed")) is None  # a match may start with any word
    assert _starts(_units(r"(?:ex)?player")) is None
