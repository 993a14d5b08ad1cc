"""References to players an article has named: a surname or first name alone, role mentions
("the defender", "the 26-year-old", "the France international") and pronouns, each resolved to
the player it stands for."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from datetime import date

from mercato.extract.lexicon import grouped
from mercato.extract.refs import NAME_WORD, SUBJECT_WINDOW, PlayerRef, Spans, not_a_name
from mercato.kb import fold
from mercato.model import Player

__all__ = ["partial_refs", "pointer_refs"]

_SINGLE = grouped(rf"\b(?:{NAME_WORD})\b")
_ROLE_NOUNS = (
    r"defender|midfielder|striker|forward|winger|goalkeeper|keeper|full-back|fullback|right-back|left-back|"
    r"centre-back|center-back|centre-half|wing-back|playmaker|attacker|star|ace|youngster|teenager|"
    r"international|captain|vice-captain|skipper|frontman|stopper|shot stopper|talent|sensation|prodigy|"
    r"player|superstar|\d{2}-year-old|Argentine|Argentinian|Brazilian|Colombian|Croatian|Uruguayan|Italian|"
    r"Serbian|Nigerian|Ghanaian|Egyptian|Norwegian|Canadian|Australian|Frenchman|Dutchman|Spaniard|Englishman|"
    r"Portuguese|Swede|Dane|Norwegian|Pole|Scot|Welshman|Irishman|Belgian|Brazilian|German|Croat|"
    r"Uruguayan|Colombian|Mexican|Nigerian|Moroccan|Senegalese|Japanese|South Korean|Egyptian"
)
# Words between 'the' and a role noun: names, numbers, hyphenated words and a few adjectives
# ('the RB Leipzig and Croatia star', 'the veteran forward', 'the 26-year-old Barcelona midfielder').
_ROLE_WORD = (
    r"(?:[A-Z][\w'’.-]*|\d[\w-]*|[a-z]+-[\w-]+|and|former|veteran|teenage|young|experienced|talented|"
    r"prolific|versatile|exciting|star|new|current|long-time|first-choice|senior|attacking|defensive|central)"
)
_ROLE = grouped(rf"\b[Tt]he\s+(?:{_ROLE_WORD}\s+){{0,5}}(?:{_ROLE_NOUNS})\b(?!\s+(?:of|in|for|at)\b)")
_PRONOUN = grouped(r"\b(?:[Hh]e|him|[Hh]is)\b")

_NATIONALITY_WORDS: dict[str, str] = {
    word: country
    for country, words in {
        "England": "England English Englishman",
        "France": "France French Frenchman",
        "Spain": "Spain Spanish Spaniard",
        "Germany": "Germany German",
        "Italy": "Italy Italian",
        "Portugal": "Portugal Portuguese",
        "Netherlands": "Netherlands Dutch Dutchman Holland",
        "Belgium": "Belgium Belgian",
        "Brazil": "Brazil Brazilian",
        "Argentina": "Argentina Argentine Argentinian",
        "Uruguay": "Uruguay Uruguayan",
        "Colombia": "Colombia Colombian",
        "Mexico": "Mexico Mexican",
        "Croatia": "Croatia Croatian Croat",
        "Serbia": "Serbia Serbian",
        "Nigeria": "Nigeria Nigerian",
        "Morocco": "Morocco Moroccan",
        "Senegal": "Senegal Senegalese",
        "Ghana": "Ghana Ghanaian",
        "Cameroon": "Cameroon Cameroonian",
        "Egypt": "Egypt Egyptian",
        "Norway": "Norway Norwegian",
        "Sweden": "Sweden Swede Swedish",
        "Denmark": "Denmark Dane Danish",
        "Poland": "Poland Pole Polish",
        "Scotland": "Scotland Scot Scottish",
        "Wales": "Wales Welsh Welshman",
        "Ireland": "Ireland Irish Irishman",
        "Japan": "Japan Japanese",
        "Korea, South": "Korean",
        "United States": "USA American",
        "Canada": "Canada Canadian",
        "Switzerland": "Switzerland Swiss",
        "Austria": "Austria Austrian",
        "Ukraine": "Ukraine Ukrainian",
        "Türkiye": "Turkey Turkish",
        "Ecuador": "Ecuador Ecuadorian",
        "Algeria": "Algeria Algerian",
        "Cote d'Ivoire": "Ivorian",
        "Australia": "Australia Australian",
    }.items()
    for word in words.split()
}
_POSITION_WORDS: dict[str, frozenset[str]] = {
    "defender": frozenset({"CB", "LB", "RB"}),
    "centre-back": frozenset({"CB"}),
    "centre-half": frozenset({"CB"}),
    "full-back": frozenset({"LB", "RB"}),
    "right-back": frozenset({"RB"}),
    "left-back": frozenset({"LB"}),
    "midfielder": frozenset({"DM", "CM", "AM", "LM", "RM"}),
    "playmaker": frozenset({"CM", "AM"}),
    "striker": frozenset({"CF", "SS"}),
    "forward": frozenset({"CF", "SS", "LW", "RW"}),
    "frontman": frozenset({"CF"}),
    "winger": frozenset({"LW", "RW", "LM", "RM"}),
    "goalkeeper": frozenset({"GK"}),
    "keeper": frozenset({"GK"}),
    "stopper": frozenset({"GK"}),
}
_AGE = re.compile(r"(\d{2})-year-old")


def partial_refs(
    prepared: str, entities: dict[str, str], taken: Spans, people: list[tuple[int, int]]
) -> list[PlayerRef]:
    """Surname-only and first-name-only mentions of players the article names in full."""
    by_part: dict[str, list[str]] = {}
    for full in dict.fromkeys(entities.values()):  # in the order they were named: the same each run
        words = fold(full).split()
        for part in {words[-1], words[0], " ".join(words[1:])}:
            if not not_a_name(part) and len(part) > 2:
                by_part.setdefault(part, []).append(full)
    person_parts = {fold(prepared[a:b]).split()[-1] for a, b in people}
    refs = []
    for part, owners in by_part.items():
        if " " in part or part in person_parts:
            continue  # a capitalised word of the text is one word
        at = prepared.find(part)
        while at >= 0:
            m = None if taken.overlaps(at, at + len(part)) else _single_word_at(prepared, at)
            word = m.group(0).removesuffix("'s").removesuffix("’s") if m else None
            if m and word == part and not taken.overlaps(at, m.end()):  # "Kane's" may reach a taken span
                refs.append(PlayerRef(at, at + len(part), owners[0], True))
            at = prepared.find(part, at + 1)
    refs.sort(key=lambda r: r.start)
    return refs


def _single_word_at(text: str, at: int) -> re.Match[str] | None:
    """The capitalised word (``_SINGLE``) that a left-to-right scan of ``text`` finds at ``at``."""
    if at and text[at - 1] in "'’-":  # it may be the end of a longer word: "O'Brien", "Oxlade-Chamberlain"
        run = at - 1
        while run and (text[run - 1].isalnum() or text[run - 1] in "_'’-"):
            run -= 1
        for m in _SINGLE.finditer(text, run):
            if m.end() > at:
                return m if m.start() == at else None
        return None
    return _SINGLE.match(text, at)


def _fits(role: str, player: Player | None, published: date | None) -> bool:
    """Whether a role mention ('the France international', 'the 26-year-old') fits a player."""
    if player is None:
        return True
    words = role.replace("'s", "").split()
    for word in words:
        country = _NATIONALITY_WORDS.get(word)
        if country and player.nationality and player.nationality != country:
            return False
        positions = _POSITION_WORDS.get(word.lower())
        if positions and player.position and player.position not in positions:
            return False
    age = _AGE.search(role)
    if age and published and player.birth_date:
        years = (published - player.birth_date).days // 365
        return abs(years - int(age.group(1))) <= 1
    return True


def pointer_refs(
    prepared: str,
    refs: list[PlayerRef],
    known: dict[str, Player | None],
    published: date | None,
    people: list[tuple[int, int]],
) -> list[PlayerRef]:
    """Role mentions and pronouns, resolved to a player named before them whom the role fits
    (nationality, position and age from ``known``, the knowledge base's players): of those
    named in the stretch just before, the one the article names most often (its subject),
    then the most recent."""
    named = sorted(refs, key=lambda r: r.start)
    starts, ends = [r.start for r in named], [r.end for r in named]
    people_ends = sorted(b for _, b in people)
    weight = Counter(r.entity for r in named)
    pointers = []
    for pattern in (_ROLE, _PRONOUN):
        for m in pattern.finditer(prepared):
            at, end = m.start(), m.end()
            after_at = bisect_left(starts, end)  # first name starting after the mention
            before_at = bisect_right(ends, at)  # names ending before it
            if after_at > before_at:
                continue  # inside a name
            if after_at < len(named) and named[after_at].start - end <= 1:
                continue  # 'the Italy left-back Emerson Palmieri': the name itself follows
            if pattern is _PRONOUN:
                people_before = bisect_right(people_ends, at)
                last_person = people_ends[people_before - 1] if people_before else -1
                if last_person > (ends[before_at - 1] if before_at else -1):
                    continue  # 'he' after a manager or an agent is him, not a player
                target = named[before_at - 1] if before_at else (named[after_at] if after_at < len(named) else None)
            else:
                before = named[:before_at][::-1]
                target = _role_target(m.group(0), before, named[after_at:], at, known, weight, published)
            if target is not None:
                pointers.append(PlayerRef(at, end, target.entity, False))
    return pointers


def _role_target(
    role: str,
    before: list[PlayerRef],
    after: list[PlayerRef],
    at: int,
    known: dict[str, Player | None],
    weight: Counter[str],
    published: date | None,
) -> PlayerRef | None:
    """The player a role mention stands for (see ``pointer_refs``)."""
    fit: dict[str, bool] = {}  # each player named is judged once

    def fits(ref: PlayerRef) -> bool:
        if ref.entity not in fit:
            fit[ref.entity] = _fits(role, known[ref.entity], published)
        return fit[ref.entity]

    window = [r for r in before if at - r.end <= SUBJECT_WINDOW]
    fitting_window = [r for r in window if fits(r)]
    if fitting_window:
        return max(enumerate(fitting_window), key=lambda kr: (weight[kr[1].entity], -kr[0]))[1]
    first_fit = next((r for r in before + after if fits(r)), None)
    if first_fit is not None:
        return first_fit
    if window:
        return max(enumerate(window), key=lambda kr: (weight[kr[1].entity], -kr[0]))[1]
    return (before + after)[0] if before or after else None
