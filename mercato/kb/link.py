"""Find club and player names of the knowledge base in text (Aho-Corasick automata)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ahocorasick_rs import AhoCorasick

from mercato.kb import KnowledgeBase, fold
from mercato.model import Player

__all__ = ["Linker", "NameMatch", "linker_for", "prepare_text"]

# Mononyms (Raphinha, Rodri) are only looked for when the player was worth this much at his peak,
# so that ordinary capitalised words are not read as players.
_MONONYM_MIN_VALUE_EUR = 5_000_000
# \b[A-Z][A-Z'’]{2,}\b, written to start with the capital so that re scans for capitals alone
_ALL_CAPS_WORD = re.compile(r"[A-Z](?<=\b[A-Z])[A-Z'’]{2,}\b")


def prepare_text(text: str) -> str:
    """Text as the automata read it: accents folded, ALL-CAPS words title-cased; same length."""
    return _ALL_CAPS_WORD.sub(lambda m: m.group(0).capitalize(), fold(text))


# Not frozen: built by the hundred for each article, and a frozen dataclass takes three times
# as long to build. Nothing changes one after it is built.
@dataclass(slots=True)
class NameMatch:
    """A name found in text, with the knowledge-base entries it may stand for."""

    start: int
    end: int
    surface: str
    ids: tuple[int, ...]


def _boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "-") and not (after.isalnum() or after == "-")


def _longest_first(found: list[NameMatch]) -> list[NameMatch]:
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    chosen: list[NameMatch] = []
    for match in found:
        if chosen and match.start < chosen[-1].end:
            continue
        chosen.append(match)
    return chosen


def _automaton(
    clubs: dict[str, list[int]], players: dict[str, list[int]]
) -> tuple[AhoCorasick, list[tuple[str, tuple[int, ...], tuple[int, ...]]]]:
    """One automaton for both kinds of name, and for each of its names (by index) the name,
    its club ids and its player ids."""
    entries = [
        (key, tuple(clubs.get(key, ())), tuple(players.get(key, ()))) for key in dict.fromkeys([*clubs, *players])
    ]
    return AhoCorasick([key for key, _, _ in entries]), entries


class Linker:
    """The knowledge base's names, ready to be found in text."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        clubs: dict[str, list[int]] = {}
        for surface, ids in kb.club_surfaces():
            forms = {fold(surface), fold(surface[0].upper() + surface[1:])}
            if surface.startswith("the ") and surface[4:5].isupper():
                forms.add(fold(surface[4:]))  # 'Hammers winger Felipe Anderson'

            for form in forms | {prepare_text(f) for f in forms}:
                known = clubs.setdefault(form, [])
                known.extend(i for i in ids if i not in known)
        players: dict[str, list[int]] = {}
        self._players: dict[int, Player] = {}
        for player in kb.players:
            if player.id is None:
                continue
            is_mononym = " " not in player.name
            if is_mononym and (player.peak_value_eur or 0) < _MONONYM_MIN_VALUE_EUR:
                continue
            players.setdefault(fold(player.name), []).append(player.id)
            self._players[player.id] = player
        self._names, self._entries = _automaton(clubs, players)
        words = [fold(p.name).split() for p in kb.players if " " in p.name]
        self._first_names = frozenset(w[0] for w in words)
        self._last_names = frozenset(w[-1] for w in words)
        self._by_surname: dict[str, list[Player]] = {}
        for player in self._players.values():
            if " " in player.name:
                self._by_surname.setdefault(fold(player.name).split()[-1], []).append(player)

    def is_first_name(self, word: str) -> bool:
        """Whether some known player has this first name."""
        return fold(word) in self._first_names

    def is_last_name(self, word: str) -> bool:
        """Whether some known player has this last name."""
        return fold(word) in self._last_names

    def players_surnamed(self, word: str) -> tuple[Player, ...]:
        """The known players whose name ends with this word (folded, as in prepared text)."""
        return tuple(self._by_surname.get(word, ()))

    def names_in(self, prepared: str) -> tuple[list[NameMatch], list[NameMatch]]:
        """Club names and known players' full names in prepared text, each kind longest match
        first and without overlaps (a club's name may overlap a player's), in one pass."""
        clubs, players = [], []
        entries = self._entries
        for index, start, end in self._names.find_matches_as_indexes(prepared, overlapping=True):
            if _boundary(prepared, start, end):
                key, club_ids, player_ids = entries[index]
                if club_ids:
                    clubs.append(NameMatch(start, end, key, club_ids))
                if player_ids:
                    players.append(NameMatch(start, end, key, player_ids))
        return _longest_first(clubs), _longest_first(players)

    def player(self, player_id: int) -> Player:
        """The knowledge-base player with that id."""
        return self._players[player_id]


@cache
def linker_for(kb: KnowledgeBase) -> Linker:
    """The linker of a knowledge base, built once per process."""
    return Linker(kb)
