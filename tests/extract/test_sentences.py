from mercato.extract.sentences import split_clauses, split_sentences


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
