"""Who and which club each stretch of an article names: clubs, players and references to them.

Within one article every way a player is named resolves to one entity: his full name,
surname or first name alone, and role mentions ("the defender", "the 26-year-old") or
pronouns, which point to the player most recently named.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from datetime import date
from string import ascii_lowercase, ascii_uppercase

from rapidfuzz import fuzz

from mercato.extract.club_refs import resolve_clubs
from mercato.extract.lexicon import grouped, lexicon
from mercato.extract.pointers import partial_refs, pointer_refs
from mercato.extract.refs import NAME_WORD, PARTICLES, ArticleMentions, PlayerRef, Spans, not_a_name
from mercato.kb import SNAPSHOT_DATE, fold, name_key
from mercato.kb.link import Linker, prepare_text
from mercato.model import Player

__all__ = ["find_mentions", "is_title_case"]

_PERSON = grouped(rf"\b(?:{NAME_WORD})(?: +(?:{PARTICLES} +)*(?:{NAME_WORD})){{1,3}}\b")
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
# Players of the knowledge base who last played longer ago than this are not transfer news.
_ACTIVE_YEARS = 2

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


def _title_case_lines(text: str) -> Spans:
    spans, offset = Spans(), 0
    for line in text.split("\n"):
        if line and is_title_case(line):
            spans.add(offset, offset + len(line))
        offset += len(line) + 1
    return spans


def _is_person_name(candidate: str, linker: Linker) -> bool:
    """Whether a capitalised sequence the KB does not know reads as a person's name."""
    words = candidate.split()
    if not_a_name(words[0]) or all(not_a_name(w) for w in words):
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
    club_matches = Spans((m.start, m.end) for m in club_names)
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
        while dropped < len(words) and not_a_name(words[dropped]):
            dropped += 1
        if len(words) - dropped < 2:
            continue
        name = candidate.split(maxsplit=dropped)[-1] if dropped else candidate
        end = m.start() + len(candidate)
        start = end - len(name)
        if not _is_person_name(name, linker) or fold(name).lower() in outlets:
            continue
        found.append((start, end, name))
    full_names = Spans((a, b) for a, b, _ in known if " " in prepared[a:b])
    clubs = resolve_clubs(prepared, club_names, linker, full_names, outlets)
    club_spans = [(r.start, r.end) for r in clubs]
    clubs_named = Spans(club_spans)
    known_names = set(known)
    named: list[tuple[int, int, str]] = []
    people: list[tuple[int, int]] = []
    accepted = Spans()  # named and people so far
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
    known_as = _known_as(entities.values(), linker, {r.club.id for r in clubs}, published or SNAPSHOT_DATE)
    entities = {name: known_as.get(entity, entity) for name, entity in entities.items()}
    kb_players = {entity: linker.kb.player_named(entity) for entity in dict.fromkeys(entities.values())}
    confirmed = _confirmed_players(prepared, named, entities, kb_players, published)
    people += [(a, b) for a, b, name in named if entities[name] not in confirmed]
    named = [n for n in named if entities[n[2]] in confirmed]
    refs = [PlayerRef(a, b, entities[name], True) for a, b, name in named]
    entities = {name: entity for name, entity in entities.items() if entity in confirmed}
    taken = Spans([(r.start, r.end) for r in refs] + club_spans + people)
    refs += partial_refs(prepared, entities, taken, people)
    refs += pointer_refs(prepared, refs, kb_players, published, people)
    refs.sort(key=lambda r: r.start)
    return ArticleMentions(tuple(clubs), tuple(refs), tuple(people))


def _known_as(entities: Iterable[str], linker: Linker, clubs: set[int], when: date) -> dict[str, str]:
    """The knowledge-base names of players an article names otherwise ('Mo Salah', 'Heung-Min
    Son'): the one known player with the same surname and first initial who, on the article's
    date, played for a club the article names."""
    kb = linker.kb
    found = {}
    for entity in dict.fromkeys(entities):
        if kb.player_named(entity) is not None or " " not in entity:
            continue
        words = fold(entity).split()
        players = {
            p.name
            for p in linker.players_surnamed(words[-1])
            if fold(p.name)[0].lower() == words[0][0].lower() and kb.club_at(p, when) in clubs
        }
        if len(players) == 1:
            found[entity] = players.pop()
    return found


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
