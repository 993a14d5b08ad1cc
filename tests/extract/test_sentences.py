from mercato.extract.sentences import _CLAUSE_BREAKS, split_clauses, split_sentences
from tests.corpus import news_texts


def test_sentences_keep_their_spans_in_the_text():
    text = "Arsenal want Rice. West Ham say no.\nMr. Smith is not for sale! He stays."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Arsenal want Rice.",
        "West Ham say no.",
        "Mr. Smith is not for sale!",
        "He stays.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_each_line_is_a_sentence_and_paragraphs_are_numbered():
    sentences = split_sentences("Headline without a stop\n\nBody sentence here.")
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("Headline without a stop", 0),
        ("Body sentence here.", 2),
    ]


def test_initials_and_numbers_do_not_end_a_sentence():
    sentences = split_sentences("He wore the No. 9 shirt at St. James' Park. Then he left.")
    assert len(sentences) == 2


def test_clauses_split_where_a_new_claim_starts():
    sentence = "Chelsea lost Kante to Al-Ittihad, while Kovacic is close to joining City."
    parts = [sentence[a:b] for a, b in split_clauses(sentence)]
    assert parts == ["Chelsea lost Kante to Al-Ittihad, ", "while Kovacic is close to joining City."]


def test_every_kind_of_clause_break() -> None:
    """Each break ends the clause before it, which keeps the break's own characters."""
    cases = {
        "Arsenal bid, while Chelsea wait": ["Arsenal bid, ", "while Chelsea wait"],
        "Arsenal bid; Chelsea wait": ["Arsenal bid; ", "Chelsea wait"],
        "Arsenal bid;Chelsea wait": ["Arsenal bid;Chelsea wait"],  # no space, no break
        "Arsenal bid - Chelsea wait": ["Arsenal bid - ", "Chelsea wait"],
        "Arsenal bid \u2013 and Chelsea wait": ["Arsenal bid \u2013 ", "and Chelsea wait"],
        "Isak signed having rejected Arsenal": ["Isak signed ", "having rejected Arsenal"],
        "Liverpool eye Wirtz, Manchester United want Cunha": ["Liverpool eye Wirtz, ", "Manchester United want Cunha"],
        "Liverpool eye Wirtz, Cunha and Mbeumo": ["Liverpool eye Wirtz, Cunha and Mbeumo"],
    }
    for sentence, expected in cases.items():
        assert [sentence[a:b] for a, b in split_clauses(sentence)] == expected, sentence


def test_clauses_split_as_every_break_pattern_splits_them() -> None:
    """Sentences without a dash or 'having' are split at commas and semicolons alone: the same."""
    sentences = [s.text for text in news_texts() for s in split_sentences(text)]
    sentences += ["Arsenal want Rice, Chelsea want Kane; United are keen", "City, having lost - and while"]
    assert len(sentences) > 100
    for sentence in sentences:
        cuts = [0, *(m.end() for m in _CLAUSE_BREAKS.finditer(sentence)), len(sentence)]
        assert split_clauses(sentence) == [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
