"""Who and which club each stretch of an article names: clubs, players and references to them.

Within one article every way a player is named resolves to one entity: his full name,
surname or first name alone, and role mentions ("the defender", "the 26-year-old") or
pronouns, which point to the player most recently named.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from string import ascii_lowercase, ascii_uppercase

from ahocorasick_rs import AhoCorasick
from rapidfuzz import fuzz

from mercato.extract.lexicon import grouped, lexicon
from mercato.kb import fold, name_key
from mercato.kb.link import Linker, NameMatch, prepare_text
from mercato.model import Club, Player

__all__ = ["ArticleMentions", "ClubRef", "PlayerRef", "find_mentions", "is_title_case"]

_PARTICLES = r"(?:de|da|das|do|dos|van|von|der|den|di|del|della|le|la|ten|ter|el|al|bin|ben|mac)"
# A capitalised word with a small letter in it ('Kane', 'McTominay', "O'Brien"). Up to its first
# small letter it takes no small letter, so that re, retreating from a word that does not go
# on into a name, gives back each end once rather than trying every way to split the word.
_NAME_WORD = r"(?:[A-Z](?:[^\Wa-z]|['’-])*[a-z][\w'’-]*|[A-Z]'[A-Z][\w'’-]+)(?<=[^\W_])(?!['’]s\b)"
_PERSON = grouped(rf"\b(?:{_NAME_WORD})(?: +(?:{_PARTICLES} +)*(?:{_NAME_WORD})){{1,3}}\b")
_SINGLE = grouped(rf"\b(?:{_NAME_WORD})\b")
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
# Words that start capitalised sequences which are not people.
_NOT_NAMES = frozenset(
    word.lower()
    for word in """The A An And But Or If While With After Before Despite Although Though As Under Now Some Both Earlier
    Should Where When What Why How It He His Him They Their There This That These Those She Her We Our You
    According However Meanwhile Indeed Also Yet Still So Then Last Next First Second Third Final Today
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Premier League Champions Europa Cup Super World Club
    Sky Sports News Transfer Paper Talk Gossip Live Latest Breaking Exclusive Read More Watch Video
    Football Soccer Stadium Park Arena Road Lane Ground Academy Under-21 Under-21s U21 U23 International
    England Spain France Germany Italy Portugal Brazil Argentina Netherlands Belgium Croatia Uruguay
    Colombia Mexico Nigeria Morocco Senegal Japan Canada Scotland Wales Ireland Norway Sweden Denmark
    Saudi Arabia Turkey Poland Serbia Egypt Ghana Cameroon Ivory Coast Korea Australia America USA
    English Spanish French German Italian Portuguese Brazilian Argentine Dutch Belgian Scottish Welsh
    Irish LaLiga Liga Bundesliga Serie Ligue MLS Pro Carabao FA UEFA FIFA VAR Ballon Player Year Golden
    Boot Manager Director Chairman President Boss Coach Mr Sir Dr Deadline Day Window Window's Old New
    St Santiago Signal Camp Nou Etihad Emirates Anfield Bridge Trafford Goodison Villa Palace Ham
    Getty Images PA AP Reuters AFP Twitter Instagram Romano Here We Go Fantastic Four Famous Five Los
    Cuatros Fabulosos North West South East Spanish Capital Riyadh Madrid London Paris Munich Milan Turin
    Manchester Liverpool Mail Mirror Sun Times Guardian Telegraph Express Star Athletic Independent La
    Businessman Midfielder Defender Striker Winger Forward Goalkeeper Keeper Agent Owner Journalist
    Reporter Expert Legend Pundit Captain Skipper Star Ace Teenager Youngster Wonderkid Hotshot Former
    Ex Veteran Italian-born Winger""".split()
)
# Words that make a capitalised sequence a place or a thing: 'King Power Stadium'.
_PLACE_WORDS = frozenset("stadium park arena road lane ground airport hotel centre center cup league trophy".split())
_NON_PLAYER_BEFORE = lexicon(
    r"(?:manager|boss|coach|chairman|director|president|owner|agent|journalist|reporter|expert|chief|"
    r"executive|CEO|father|wife|brother|mother|pundit|legend|head|sporting|told|midfield general|"
    r"businessman|presenter|analyst|referee|official|lawyer|ex-player|Sky Sports'|insider)[^\w.]*"
    r"(?:\w+\W+){0,3}$"
)
_NON_PLAYER_AFTER = re.compile(
    r"^(?:'s|’s)\s+(?:\w+\s+)?(?:side|men|squad|team|charges|reign|tenure|plans|system|"
    r"philosophy|options|project|ranks|regime|tactics|future plans)\b"
    r"|^,?\s+(?:the|their|who is the)\s+(?:\w+\s+)?(?:manager|boss|coach|chairman|director)\b"
    r"|^\s+(?:told|said|says|insists|admitted|explained|revealed)\b"
)

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
_YEAR = grouped(r"\b20[0-4]\d\b")

# What marks a name as a footballer's rather than a manager's or an agent's: a playing role or
# a transfer word just before it, or his age or a move just after it.
_PLAYER_BEFORE = lexicon(
    r"(?:defender|midfielder|striker|forward|winger|goalkeeper|keeper|full-back|right-back|left-back|"
    r"centre-back|centre-half|wing-back|playmaker|attacker|star|ace|youngster|teenager|sensation|talent|"
    r"prodigy|international|captain|skipper|frontman|loanee|outcast|starlet|wonderkid|\d{2}-year-old|"
    r"sign|signing|signed|buy|bought|bid for|offer for|deal for|move for|interest in|swoop for|pursuit of|"
    r"race for|capture of|arrival of|linked with|land|loan|re-sign|target|sale of|sell|sold|replace|"
    r"['’]s)\s+(?:[\w'’-]+\s+){0,2}$"
)
_PLAYER_AFTER = lexicon(
    r"^(?:,\s*\d{2},|\s*\(\d{2}\)|\s+(?:has|have|is|was)\s+(?:\w+\s+)?(?:signed|joined|agreed|completed|arrived|"
    r"set to|close to|on the verge|expected to|keen to|eager to|wanted|linked|a target|valued)|"
    r"\s+(?:joins|signs|completes|undergoes|wants to (?:leave|join|move))|['’]s\s+(?:\w+\s+)?(?:move|transfer|switch|"
    r"signing|contract|deal|agent|representatives|future|release clause|camp|entourage))"
)
_LIST_GAP = re.compile(r"^\s*(?:,|and|&|,\s*and)\s*$")
# How far back (in characters) a role mention looks for the player it stands for.
_SUBJECT_WINDOW = 400
# Players of the knowledge base who last played longer ago than this are not transfer news.
_ACTIVE_YEARS = 2

_COUNTRY_WORDS: dict[str, tuple[str, ...]] = {
    "German": ("Germany",),
    "Bundesliga": ("Germany",),
    "Bavarian": ("Germany",),
    "Spanish": ("Spain",),
    "LaLiga": ("Spain",),
    "La Liga": ("Spain",),
    "Catalan": ("Spain",),
    "Italian": ("Italy",),
    "Serie A": ("Italy",),
    "French": ("France",),
    "Ligue 1": ("France",),
    "Parisian": ("France",),
    "English": ("England",),
    "Premier League": ("England",),
    "Merseyside": ("England",),
    "London": ("England",),
    "Portuguese": ("Portugal",),
    "Dutch": ("Netherlands",),
    "Eredivisie": ("Netherlands",),
    "Scottish": ("Scotland",),
    "Turkish": ("Türkiye",),
    "Saudi": ("Saudi Arabia",),
    "Saudi Pro League": ("Saudi Arabia",),
    "MLS": ("United States", "Canada"),
    "Mexican": ("Mexico",),
    "Brazilian": ("Brazil",),
    "Belgian": ("Belgium",),
    "Greek": ("Greece",),
}
_DESCRIPTOR = grouped(
    r"\b[Tt]he (?P<adj>" + "|".join(sorted(_COUNTRY_WORDS, key=len, reverse=True)) + r")\s+"
    r"(?:giants|club|side|outfit|champions|heavyweights|powerhouse|team|leaders|holders)\b"
)
_DESCRIPTOR_STARTS = AhoCorasick([f"{the} {word}" for the in ("The", "the") for word in _COUNTRY_WORDS])


def _descriptors(text: str) -> list[re.Match[str]]:
    """What ``_DESCRIPTOR.finditer`` finds, read only where the string finder sees one start."""
    found: list[re.Match[str]] = []
    for start in sorted({start for _, start, _ in _DESCRIPTOR_STARTS.find_matches_as_indexes(text, overlapping=True)}):
        m = _DESCRIPTOR.match(text, start) if not found or start >= found[-1].end() else None
        if m:
            found.append(m)
    return found


# Not frozen: built by the hundred for each article, and a frozen dataclass takes three times
# as long to build. Nothing changes one after it is built.
@dataclass(slots=True)
class ClubRef:
    """A stretch of the article that names a club."""

    start: int
    end: int
    club: Club


# Not frozen either, for the same reason.
@dataclass(slots=True)
class PlayerRef:
    """A stretch of the article that names or points to a player (entity: his full name)."""

    start: int
    end: int
    entity: str
    explicit: bool  # named, not a role mention or pronoun


@dataclass(frozen=True, slots=True)
class ArticleMentions:
    """Every club and player reference of an article, in text order."""

    clubs: tuple[ClubRef, ...]
    players: tuple[PlayerRef, ...]
    people: tuple[tuple[int, int], ...]  # named people who are not players (managers, agents...)


class _Spans:
    """Character spans of the text, asked whether a span overlaps any of them (by bisection)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))  # the furthest end so far

    def add(self, start: int, end: int) -> None:
        """One more span, starting at or after those already here."""
        self._starts.append(start)
        self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._starts, end)  # the spans before i start before this one ends
        return i > 0 and self._reach[i - 1] > start


def _resolve_clubs(
    text: str, names: list[NameMatch], linker: Linker, blocked: _Spans, outlets: Container[str]
) -> list[ClubRef]:
    matches = [
        m
        for m in names
        if not blocked.overlaps(m.start, m.end) and m.surface not in outlets and m.surface.lower() not in outlets
    ]
    named = {m.ids[0] for m in matches if len(m.ids) == 1}
    refs = []
    for m in matches:
        club_id = m.ids[0] if len(m.ids) == 1 else next((i for i in m.ids if i in named), m.ids[0])
        refs.append(ClubRef(m.start, m.end, linker.kb.clubs[club_id]))
    descriptors = _descriptors(text)
    named_spans = _Spans((r.start, r.end) for r in refs) if descriptors else _Spans()
    for found in descriptors:
        countries = _COUNTRY_WORDS[found.group("adj")]
        before = [r for r in refs if r.end <= found.start() and r.club.country in countries]
        after = [r for r in refs if r.start >= found.end() and r.club.country in countries]
        target = before[-1] if before else (after[0] if after else None)
        if target and not named_spans.overlaps(found.start(), found.end()):
            refs.append(ClubRef(found.start(), found.end(), target.club))
    refs.sort(key=lambda r: r.start)
    refs += _club_pronouns(text, refs)
    refs.sort(key=lambda r: r.start)
    return refs


_CLUB_PRONOUNS = AhoCorasick(["They", "they", "them"])
_CLUB_SUBJECT_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:\w+\s+)?(?:are|have|has|is|were|had|will|would|could|made|signed|agreed)\b"
)


def _club_pronouns(text: str, refs: list[ClubRef]) -> list[ClubRef]:
    """'They have already signed X': 'they' as the club last named as a sentence's subject."""
    pronouns = _whole_words(_CLUB_PRONOUNS, text)
    subjects = [r for r in refs if _CLUB_SUBJECT_AFTER.match(text[r.end : r.end + 40])] if pronouns else []
    ends = [r.end for r in subjects]  # in order: club names do not overlap
    pointers = []
    for start, end in pronouns:
        last = bisect_right(ends, start)
        if last and start - ends[last - 1] <= _SUBJECT_WINDOW:
            pointers.append(ClubRef(start, end, subjects[last - 1].club))
    return pointers


def _whole_words(words: AhoCorasick, text: str) -> list[tuple[int, int]]:
    """Where the words (of word characters alone) stand in a text as whole words, in text order:
    what ``\\b(?:...)\\b`` finds."""
    return [
        (start, end)
        for _, start, end in words.find_matches_as_indexes(text, overlapping=True)
        if not (start and (text[start - 1].isalnum() or text[start - 1] == "_"))
        and not (end < len(text) and (text[end].isalnum() or text[end] == "_"))
    ]


_WORD_INITIAL = re.compile(r"\s([^\W\d_])")  # after a space, the first letter of a word that starts with one
# A line's UTF-8 bytes as classes: ASCII spaces, capitals and small letters as b" ", b"U" and
# b"l", the first byte of a longer character as b"x", every other byte as itself or b".". Word
# initials are then counted by bytes.count, faster than by a pattern.
_ASCII_SPACES = "".join(c for c in map(chr, range(128)) if c.isspace())
_CLASSES = bytes.maketrans(
    (_ASCII_SPACES + ascii_uppercase + ascii_lowercase).encode() + bytes(range(0x80, 0x100)),
    (" " * len(_ASCII_SPACES) + "U" * 26 + "l" * 26).encode() + b"." * 0x40 + b"x" * 0x40,
)
_WIDE_SPACE = re.compile("[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")  # beyond ASCII


def is_title_case(line: str) -> bool:
    """Whether a line is written in Title Case (a headline), where capitals do not mark names:
    at least four words start with a letter, and three in four of those with a capital."""
    if not line.isascii() and _WIDE_SPACE.search(line):
        initials = _WORD_INITIAL.findall(" " + line)
        upper, total = sum(map(str.isupper, initials)), len(initials)
    else:
        data = b" " + line.encode()
        classes = data.translate(_CLASSES)
        upper = classes.count(b" U")
        total = upper + classes.count(b" l")
        at = classes.find(b" x")
        while at >= 0:  # a word that starts beyond ASCII: 'Ødegaard', or a quote mark
            lead = data[at + 1]
            char = data[at + 1 : at + (3 if lead < 0xE0 else 4 if lead < 0xF0 else 5)].decode()
            if _WORD_INITIAL.match(" " + char):
                total += 1
                upper += char.isupper()
            at = classes.find(b" x", at + 2)
    return total >= 4 and upper >= 0.75 * total


def _title_case_lines(text: str) -> _Spans:
    spans, offset = _Spans(), 0
    for line in text.split("\n"):
        if line and is_title_case(line):
            spans.add(offset, offset + len(line))
        offset += len(line) + 1
    return spans


def _not_a_name(word: str) -> bool:
    return word.lower() in _NOT_NAMES


def _is_person_name(candidate: str, linker: Linker) -> bool:
    """Whether a capitalised sequence the KB does not know reads as a person's name."""
    words = candidate.split()
    if _not_a_name(words[0]) or all(_not_a_name(w) for w in words):
        return False
    if any(w.lower() in _PLACE_WORDS for w in words):
        return False
    verb_like = words[0].endswith(("ing", "ed"))
    return linker.is_first_name(words[0]) or (linker.is_last_name(words[-1]) and not verb_like)


def _non_player(text: str, start: int, end: int) -> bool:
    return bool(
        _NON_PLAYER_BEFORE.search(text[max(0, start - 40) : start].lower())
        or _NON_PLAYER_AFTER.match(text[end : end + 40])
    )


def find_mentions(text: str, linker: Linker, outlets: Container[str], published: date | None) -> ArticleMentions:
    """Resolve the clubs, players and other people an article names."""
    prepared = prepare_text(text)
    club_names, player_names = linker.names_in(prepared)
    club_matches = _Spans((m.start, m.end) for m in club_names)
    known = [
        (m.start, m.end, linker.player(m.ids[0]).name)
        for m in player_names
        if " " in m.surface or not club_matches.overlaps(m.start, m.end)
    ]
    found: list[tuple[int, int, str]] = []
    headlines = _title_case_lines(prepared)
    for m in _PERSON.finditer(prepared):
        if headlines.overlaps(m.start(), m.end()):
            continue  # in a Title Case headline every word looks like a name
        candidate = m.group(0)
        candidate = candidate[:-2] if candidate.endswith(("'s", "’s")) else candidate
        words = candidate.split()
        dropped = 0
        while dropped < len(words) and _not_a_name(words[dropped]):
            dropped += 1
        if len(words) - dropped < 2:
            continue
        name = candidate.split(maxsplit=dropped)[-1] if dropped else candidate
        end = m.start() + len(candidate)
        start = end - len(name)
        if not _is_person_name(name, linker) or fold(name).lower() in outlets:
            continue
        found.append((start, end, name))
    full_names = _Spans((a, b) for a, b, _ in known if " " in prepared[a:b])
    clubs = _resolve_clubs(prepared, club_names, linker, full_names, outlets)
    club_spans = [(r.start, r.end) for r in clubs]
    clubs_named = _Spans(club_spans)
    known_names = set(known)
    named: list[tuple[int, int, str]] = []
    people: list[tuple[int, int]] = []
    accepted = _Spans()  # named and people so far
    for start, end, name in sorted(known + found, key=lambda c: (c[0], c[0] - c[1])):
        if accepted.overlaps(start, end):
            continue
        if clubs_named.overlaps(start, end) and (start, end, name) not in known_names:
            continue
        accepted.add(start, end)
        if _non_player(prepared, start, end):
            people.append((start, end))
            continue
        named.append((start, end, name))
    entities = _entities(named)
    not_players = {fold(prepared[a:b]).split()[-1] for a, b in people}
    named = [n for n in named if fold(entities[n[2]]).split()[-1] not in not_players]
    kb_players = {entity: linker.kb.player_named(entity) for entity in dict.fromkeys(entities.values())}
    confirmed = _confirmed_players(prepared, named, entities, kb_players, published)
    people += [(a, b) for a, b, name in named if entities[name] not in confirmed]
    named = [n for n in named if entities[n[2]] in confirmed]
    refs = [PlayerRef(a, b, entities[name], True) for a, b, name in named]
    entities = {name: entity for name, entity in entities.items() if entity in confirmed}
    taken = _Spans([(r.start, r.end) for r in refs] + club_spans + people)
    refs += _partial_refs(prepared, entities, taken, people)
    refs += _pointer_refs(prepared, refs, kb_players, published, people)
    refs.sort(key=lambda r: r.start)
    return ArticleMentions(tuple(clubs), tuple(refs), tuple(people))


def _confirmed_players(
    prepared: str,
    named: list[tuple[int, int, str]],
    entities: dict[str, str],
    known: dict[str, Player | None],
    published: date | None,
) -> set[str]:
    """The named people who are footballers: active players of the knowledge base (``known``:
    each entity's knowledge-base player), or people the text names as players (a role or
    transfer word beside the name, or a list of such)."""
    confirmed = set()
    years = [int(m.group(0)) for m in _YEAR.finditer(prepared)]
    reference_year = published.year if published else (max(years) if years else None)
    for entity, player in known.items():
        if player is None or player.last_season is None:
            continue
        if reference_year is None or player.last_season >= reference_year - _ACTIVE_YEARS:
            confirmed.add(entity)
    ordered = sorted(named)
    for start, end, name in ordered:
        if entities[name] in confirmed:
            continue
        before, after = prepared[max(0, start - 45) : start].lower(), prepared[end : end + 60].lower()
        if _PLAYER_BEFORE.search(before) or _PLAYER_AFTER.match(after):
            confirmed.add(entities[name])
    neighbours = list(zip(ordered, ordered[1:], strict=False))
    for pair in neighbours + neighbours[::-1]:
        (_, a_end, first), (b_start, _, second) = pair
        if _LIST_GAP.match(prepared[a_end:b_start]) and (entities[first] in confirmed or entities[second] in confirmed):
            confirmed |= {entities[first], entities[second]}
    return confirmed


def _entities(named: list[tuple[int, int, str]]) -> dict[str, str]:
    """Map each name to its entity: the longest name that contains it ('Kane' -> 'Harry Kane')."""
    names = sorted({n for _, _, n in named}, key=lambda n: (-len(n.split()), n))
    keys = {name: name_key(name).split() for name in names}
    entity: dict[str, str] = {}
    for name in names:
        key = keys[name]
        for other_name in names:
            if other_name == name or other_name not in entity:
                continue
            other = keys[other_name]
            shorter = len(other) > len(key) and (other[-len(key) :] == key or other[: len(key)] == key)
            variant = len(other) == len(key) > 1 and other[-1] == key[-1] and fuzz.ratio(other[0], key[0]) >= 80
            if shorter or variant:
                entity[name] = entity[other_name]
                break
        else:
            entity[name] = name
    return entity


def _partial_refs(
    prepared: str, entities: dict[str, str], taken: _Spans, people: list[tuple[int, int]]
) -> list[PlayerRef]:
    """Surname-only and first-name-only mentions of players the article names in full."""
    by_part: dict[str, list[str]] = {}
    for full in dict.fromkeys(entities.values()):  # in the order they were named: the same each run
        words = fold(full).split()
        for part in {words[-1], words[0], " ".join(words[1:])}:
            if not _not_a_name(part) and len(part) > 2:
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


def _pointer_refs(
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
    """The player a role mention stands for (see ``_pointer_refs``)."""
    fit: dict[str, bool] = {}  # each player named is judged once

    def fits(ref: PlayerRef) -> bool:
        if ref.entity not in fit:
            fit[ref.entity] = _fits(role, known[ref.entity], published)
        return fit[ref.entity]

    window = [r for r in before if at - r.end <= _SUBJECT_WINDOW]
    fitting_window = [r for r in window if fits(r)]
    if fitting_window:
        return max(enumerate(fitting_window), key=lambda kr: (weight[kr[1].entity], -kr[0]))[1]
    first_fit = next((r for r in before + after if fits(r)), None)
    if first_fit is not None:
        return first_fit
    if window:
        return max(enumerate(window), key=lambda kr: (weight[kr[1].entity], -kr[0]))[1]
    return (before + after)[0] if before or after else None
