"""The lexicon files' phrase syntax, compiled to regular expressions."""

import re
from importlib import resources

import pytest

from mercato.errors import BadPhrase
from mercato.extract.phrases import compile_lexicon, source


def _found(lexicon_text: str, text: str, flags: int = re.IGNORECASE) -> list[str]:
    pattern = re.compile(compile_lexicon(lexicon_text, "test.txt"), flags)
    return [m.group(0) for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    "lexicon_text, text, found",
    [
        # whole words by default, read case-blind
        ("no", "No, not nobody: no.", ["No", "no"]),
        ("# words: start\nmedical", "medicals, premedical", ["medical"]),
        ("# words: any\nnegotiat", "renegotiate", ["negotiat"]),
        ("# words: any\n<on loan>", "on loan, on loans, moon loan", ["on loan"]),
        # a space is one space, '_' any white space, '_?' any or none
        ("fell through", "fell through, fell  through", ["fell through"]),
        ("has_signed", "has  signed, has\nsigned, hassigned", ["has  signed", "has\nsigned"]),
        ("# words: any\nnot_?", "not, not ", ["not", "not "]),
        # word endings, and a word of its own
        ("collaps*", "collapse, collapsed, collaps", ["collapse", "collapsed", "collaps"]),
        ("negotiat+", "negotiat, negotiating", ["negotiating"]),
        ("broken +", "a broken leg, broken", ["broken leg"]),
        ("+-year", "a five-year deal", ["five-year"]),
        # what may be left out, and alternatives
        ("talks?", "talk, talks", ["talk", "talks"]),
        ("# words: start\nv.?_", "v Spurs, v. Leeds, vs Hull", ["v ", "v. "]),
        ("deal (may be|is) off", "the deal is off, the deal may be off", ["deal is off", "deal may be off"]),
        ("signed (a |an )?deal", "signed a deal, signed deal", ["signed a deal", "signed deal"]),
        # gaps of words, each followed by what follows '~N'
        ("failed ~2 (move|deal)", "failed move, failed late summer move", ["failed move", "failed late summer move"]),
        ("failed ~2 (move|deal)", "failed very late summer move", []),
        ("spent_~2_at", "spent two\nseasons at", ["spent two\nseasons at"]),
        ("new ~2( |-)deal", "new five-year deal, new deal", ["new five-year deal", "new deal"]),
        # anything, word edges, what may not follow
        ("sealed ...signing", "sealed the £40m signing", ["sealed the £40m signing"]),
        ("# words: any\nis off>", "it is off, it is offered", ["is off"]),
        ("approach(ed)?>!( to)", "approached, an approach to the board", ["approached"]),
        (r"(in|of) (19|20)\d\d", "in 2019, of 1887", ["in 2019"]),
        ("# words: any\n\\(knee\\)", "out (knee) for weeks", ["(knee)"]),
        ("# words: any\n`[£€$]\\s?\\d`m", "a £5m fee", ["£5m"]),
    ],
)
def test_each_element_of_a_phrase_matches_as_the_readme_says(lexicon_text: str, text: str, found: list[str]) -> None:
    assert _found(lexicon_text, text) == found


def test_the_first_phrase_in_the_file_wins_where_two_match_at_one_place() -> None:
    assert _found("# words: start\npulled\npulled the plug", "pulled the plug") == ["pulled"]
    assert _found("# words: start\npulled the plug\npulled", "pulled the plug") == ["pulled the plug"]


def test_comments_and_blank_lines_are_not_phrases() -> None:
    commented = "# Hedges: a clause that doubts what it reports.\n\n# Doubt\ncould  # 'could join'\n\nmay\n"
    assert compile_lexicon(commented, "test.txt") == compile_lexicon("could\nmay", "test.txt")


def test_a_lexicon_compiles_to_the_alternation_of_its_phrases() -> None:
    assert compile_lexicon("could\nwants? to\nintend*", "test.txt") == r"\b(?:could|wants? to|intend\w*)\b"
    assert compile_lexicon("# words: start\ncollaps*\npull(ed|s)? out", "t") == r"\b(?:collaps\w*|pull(?:ed|s)? out)"
    assert compile_lexicon("# words: any\nfailed ~2 deal", "t") == r"failed (?:\w+ ){0,2}deal"


def test_an_anchored_lexicon_is_read_at_the_end_or_the_start_of_its_text() -> None:
    before = "# anchor: end\n# words: start\nex-\nformer_"
    assert compile_lexicon(before, "t") == r"\b(?:ex-|former\s+)$"
    assert _found(before, "the former  ") == ["former  "]
    assert _found(before, "former club") == []
    after = "# anchor: start\nrejected"
    assert compile_lexicon(after, "t", glue=r"\s+(?:have\s+)?") == r"^\s+(?:have\s+)?\b(?:rejected)\b"


def test_a_phrase_read_at_a_word_start_may_end_otherwise() -> None:
    assert _found("# words: start\nex-", "ex-Everton, Rex-") == ["ex-"]


def test_glue_needs_an_anchor() -> None:
    with pytest.raises(ValueError, match="sets none"):
        compile_lexicon("rejected", "test.txt", glue=r"\s+")


def test_capitals_first_lets_the_first_letter_of_a_phrase_be_a_capital() -> None:
    lexicon_text = "# capitals: first\n# words: any\n(as )?reported by\njournalist"
    assert compile_lexicon(lexicon_text, "t") == r"(?:[Aa]s )?reported by|[Jj]ournalist"
    assert _found(lexicon_text, "As reported by, Reported by, Journalist", flags=0) == ["As reported by", "Journalist"]


@pytest.mark.parametrize(
    "lexicon_text, line, message",
    [
        ("could\nfail(ed", 2, "a '(' is never closed in 'fail(ed'; close it with ')'"),
        ("fail)", 1, "a ')' that closes nothing"),
        ("a|b", 1, "a '|' outside brackets"),
        ("*x", 1, "a '*' that follows no letter"),
        ("(a|)", 1, "an empty alternative"),
        ("(a)+", 1, "a '+' that follows no letter"),
        ("~ x", 1, "a '~' without a number of words"),
        ("failed ~2", 1, "a '~' gap with nothing after it"),
        ("failed ~2 ?x", 1, "a '?' after a gap's separator"),
        ("collaps*?", 1, "a '?' after"),
        ("<?x", 1, "a '?' after"),
        ("!x", 1, "a '!' without a bracket after it"),
        ("\\w", 1, "'\\w' is no escape"),
        ("`(a`", 1, "'(a' is not a regular expression"),
        ("`(a)`", 1, "'(a)' has a numbered group"),
        ("`a", 1, "a '`' is never closed"),
        ("could\nmay\ncould", 3, "'could' repeats line 1; remove one of them"),
        ("# words: all\ncould", 1, "'words: all' is not a setting; write one 'words: whole or start or any'"),
        ("# words: any\n# words: any\ncould", 2, "'words: any' is not a setting"),
        ("could\n# anchor: end", 2, "the setting 'anchor' follows a phrase; put settings at the top"),
        ("# capitals: first\n# words: any\n'tis", 3, "a phrase that does not start with a letter"),
        ("former_", 1, "' ' ends a phrase that must end a word in 'former_'; set 'words: any'"),
        ("# words: start\n£5m", 2, "'£' starts a phrase that must start a word"),
        ("\\(knee\\)", 1, "'(' starts a phrase that must start a word"),
        ("# Nothing here yet\n", 1, "no phrase in the file"),
    ],
)
def test_a_bad_phrase_is_reported_with_its_file_and_line(lexicon_text: str, line: int, message: str) -> None:
    with pytest.raises(BadPhrase, match=re.escape(f"test.txt, line {line}: {message}")) as raised:
        compile_lexicon(lexicon_text, "test.txt")
    assert raised.value.source == "test.txt" and raised.value.line == line


def test_every_lexicon_file_compiles() -> None:
    folder = resources.files("mercato.extract").joinpath("lexicons/en")
    kinds = [entry.name.removesuffix(".txt") for entry in folder.iterdir() if entry.name.endswith(".txt")]
    assert kinds
    for kind in kinds:
        re.compile(source(kind))


def test_a_lexicon_file_is_read_once() -> None:
    assert source("hedge") is source("hedge")
    assert "could" in source("hedge")
