"""The knowledge base: real clubs and players shipped with Mercato (see data/PROVENANCE.md)."""

from __future__ import annotations

import csv
import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

from mercato.model import Club, Move, Player

__all__ = ["SNAPSHOT_DATE", "KnowledgeBase", "fold", "load_kb", "name_key"]

# The squads in data/players.csv are Transfermarkt's snapshot of about June 2026 (see
# data/PROVENANCE.md): moves dated on or before it are already in them.
SNAPSHOT_DATE = date(2026, 6, 1)

_PUNCTUATION = re.compile(r"[^\w\s]")
_LEGAL_WORDS = re.compile(r"\b(fc|afc|cf|sc|cfc|the)\b")


class _FoldTable(dict[int, str]):
    """Accented letter -> its base letter, filled on first sight."""

    def __missing__(self, code: int) -> str:
        base = unicodedata.normalize("NFD", chr(code))[0]
        self[code] = base if base.isascii() else chr(code)
        return self[code]


_FOLD = _FoldTable()


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """Strip accents character by character, keeping length: 'Barça' -> 'Barca'."""
    return text if text.isascii() else _NOT_ASCII.sub(lambda m: _FOLD[ord(m.group())], text)


def name_key(name: str) -> str:
    """A forgiving key for comparing names: accents, case, punctuation and 'FC' ignored."""
    key = fold(name).lower().replace("&", " and ").replace("-", " ")
    key = _PUNCTUATION.sub("", key)
    return " ".join(_LEGAL_WORDS.sub(" ", key).split())


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: caches key on it
class KnowledgeBase:
    """Clubs with aliases and nicknames, and players, with the lookups linking needs."""

    clubs: dict[int, Club]
    players: tuple[Player, ...]
    prominence: dict[int, float]
    nicknames: dict[str, tuple[int, ...]]  # surface -> club ids, default first
    _by_key: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _players_by_key: dict[str, tuple[Player, ...]] = field(default_factory=dict)
    _squads: dict[int, tuple[Player, ...]] = field(default_factory=dict)

    def club_named(self, name: str) -> Club | None:
        """The club a name, alias or nickname stands for, the most prominent if several."""
        ids = self.nicknames.get(name) or self._by_key.get(name_key(name))
        return self.clubs[ids[0]] if ids else None

    def club_candidates(self, surface: str) -> tuple[Club, ...]:
        """Every club a surface form may stand for, most likely first."""
        ids = self.nicknames.get(surface) or self._by_key.get(name_key(surface), ())
        return tuple(self.clubs[i] for i in ids)

    def club_surfaces(self) -> Iterator[tuple[str, tuple[int, ...]]]:
        """Every surface form to look for in text, with the clubs it may stand for."""
        for club in self.clubs.values():
            for surface in (club.name, *club.aliases):
                yield surface, self._by_key[name_key(surface)]
        yield from self.nicknames.items()

    def players_named(self, name: str) -> tuple[Player, ...]:
        """Players whose full name matches, the most recently active and valuable first."""
        return self._players_by_key.get(name_key(name), ())

    def player_named(self, name: str) -> Player | None:
        """The best-known player of that name, if the KB has one."""
        found = self.players_named(name)
        return found[0] if found else None

    def moves_of(self, player: Player) -> tuple[Move, ...]:
        """A player's moves in the transfer history, oldest first (the history is read on first use)."""
        return _read_moves().get(player.id, ()) if player.id is not None else ()

    def club_at(self, player: Player, when: date) -> int | None:
        """The id of the club a player was at on a date, as the reference data has it: the
        snapshot's club from its date on (or where the history has no move of his), else the
        club his last move before that date took him to (or the one his first move left)."""
        history = self.moves_of(player)
        if when >= SNAPSHOT_DATE or not history:
            return player.current_club_id
        before = bisect_left(history, when, key=lambda m: m.on)
        return history[before - 1].to_club_id if before else history[0].from_club_id

    def player_matching(self, text: str) -> Player | None:
        """The player a name as people write it stands for: a full name whatever the case and
        accents ('marc guéhi'), else a surname or part of a name ('Bowen', 'Alexander-Arnold'),
        the most recently active and valuable first."""
        found = self.player_named(text)
        if found is not None:
            return found
        wanted = tuple(name_key(text).split())
        if not wanted:
            return None
        n = len(wanted)
        candidates = [
            player
            for words, player in _by_word(self).get(wanted[0], ())
            if any(words[i : i + n] == wanted for i in range(len(words) - n + 1))
        ]
        candidates.sort(key=lambda p: (-(p.last_season or 0), -(p.market_value_eur or 0)))
        return candidates[0] if candidates else None

    def squad(self, club_id: int) -> tuple[Player, ...]:
        """The club's current squad (players in its 2025-26 snapshot)."""
        return self._squads.get(club_id, ())

    def squad_on(self, club_id: int, day: date) -> tuple[Player, ...]:
        """The club's players on a day before the snapshot, as the transfer history has them:
        those at the club then, 16 or older, who still played that season (their positions and
        values are the snapshot's). From the snapshot's date on, the snapshot's squad."""
        if day >= SNAPSHOT_DATE:
            return self.squad(club_id)
        season = day.year if day.month >= 7 else day.year - 1
        oldest_birth = date(day.year - 16, day.month, min(day.day, 28))
        return tuple(
            p
            for p in self.players
            if (p.last_season is None or p.last_season >= season)
            and (p.birth_date is None or p.birth_date <= oldest_birth)
            and self.club_at(p, day) == club_id
        )


def _read_csv(name: str) -> Iterable[dict[str, str]]:
    with resources.files("mercato.kb").joinpath(name).open(encoding="utf-8") as f:
        yield from csv.DictReader(f)


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _int(text: str) -> int | None:
    return int(text) if text else None


def _read_clubs() -> tuple[dict[int, Club], dict[int, float]]:
    clubs: dict[int, Club] = {}
    prominence: dict[int, float] = {}
    for row in _read_csv("data/clubs.csv"):
        club_id = int(row["id"])
        clubs[club_id] = Club(
            id=club_id,
            name=row["name"],
            country=row["country"] or None,
            league=row["league"] or None,
            aliases=tuple(a for a in row["aliases"].split("|") if a),
        )
        prominence[club_id] = float(row["prominence"]) + (1.0 if row["in_league_2025"] == "1" else 0)
    return clubs, prominence


def _read_nicknames(clubs: dict[int, Club]) -> dict[str, tuple[int, ...]]:
    by_name = {club.name: club.id for club in clubs.values()}
    nicknames: dict[str, list[int]] = defaultdict(list)
    for row in _read_csv("curated/nicknames.csv"):
        nicknames[row["nickname"]].append(by_name[row["club"]])
    return {nick: tuple(ids) for nick, ids in nicknames.items()}


def _read_players() -> tuple[Player, ...]:
    return tuple(
        Player(
            id=int(row["player_id"]),
            name=row["name"],
            aliases=tuple(a for a in {row["last_name"]} if a and a != row["name"]),
            birth_date=_date(row["date_of_birth"]),
            position=row["position_code"] or None,
            current_club_id=_int(row["current_club_id"]),
            contract_expiry=_date(row["contract_expiration_date"]),
            market_value_eur=_int(row["market_value_in_eur"]),
            peak_value_eur=_int(row["highest_market_value_in_eur"]),
            foot=row["foot"] or None,
            nationality=row["country_of_citizenship"] or None,
            last_season=_int(row["last_season"]),
        )
        for row in _read_csv("data/players.csv")
    )


# The words a club's name often goes without: 'Bolton' for Bolton Wanderers, 'Hull' for Hull City.
_DROPPABLE = frozenset(("Wanderers", "Rovers", "Athletic", "Albion", "Town", "County", "Argyle", "City", "United"))


@cache
def _read_moves() -> dict[int, tuple[Move, ...]]:
    """Every player's moves (player id -> moves, oldest first: the file is sorted so)."""
    moves: dict[int, list[Move]] = defaultdict(list)
    for row in _read_csv("data/transfers.csv"):
        player_id = int(row["player_id"])
        moves[player_id].append(
            Move(
                player_id,
                date.fromisoformat(row["transfer_date"]),
                _int(row["from_club_id"]),
                _int(row["to_club_id"]),
                _int(row["transfer_fee"]),
            )
        )
    return {player_id: tuple(found) for player_id, found in moves.items()}


def _short_names(clubs: dict[int, Club]) -> dict[int, tuple[str, ...]]:
    """The town alone for each club whose name is a town and a droppable word, where no other
    club's name starts with that town or is spelled that way."""
    taken = {name_key(surface) for club in clubs.values() for surface in (club.name, *club.aliases)}
    towns: dict[str, list[int]] = defaultdict(list)
    for club in clubs.values():
        for surface in (club.name, *club.aliases):
            words = surface.split()
            if len(words) > 1:
                towns[name_key(words[0])].append(club.id)
    short: dict[int, tuple[str, ...]] = {}
    for club in clubs.values():
        town, _, rest = club.name.rpartition(" ")
        key = name_key(town)
        if town and rest in _DROPPABLE and " " not in town and key not in taken and set(towns[key]) == {club.id}:
            short[club.id] = (town,)
    return short


@cache
def _by_word(kb: KnowledgeBase) -> dict[str, tuple[tuple[tuple[str, ...], Player], ...]]:
    """Each word of the players' names (as name_key writes them), with the players whose names
    hold it: a surname is looked up, not compared with every name."""
    index: dict[str, list[tuple[tuple[str, ...], Player]]] = {}
    for player in kb.players:
        words = tuple(name_key(player.name).split())
        for word in dict.fromkeys(words):
            index.setdefault(word, []).append((words, player))
    return {word: tuple(found) for word, found in index.items()}


@cache
def load_kb() -> KnowledgeBase:
    """Load the bundled knowledge base (once per process)."""
    clubs, prominence = _read_clubs()
    nicknames = _read_nicknames(clubs)
    short = _short_names(clubs)
    clubs = {
        cid: Club(
            club.id,
            club.name,
            club.country,
            club.league,
            club.aliases + short.get(cid, ()),
            tuple(n for n, ids in nicknames.items() if cid in ids),
        )
        for cid, club in clubs.items()
    }
    by_key: dict[str, list[int]] = defaultdict(list)
    for club in clubs.values():
        for surface in (club.name, *club.aliases):
            ids = by_key[name_key(surface)]
            if club.id not in ids:
                ids.append(club.id)
    for ids in by_key.values():
        ids.sort(key=lambda i: -prominence[i])
    players = _read_players()
    players_by_key: dict[str, list[Player]] = defaultdict(list)
    squads: dict[int, list[Player]] = defaultdict(list)
    for player in players:
        players_by_key[name_key(player.name)].append(player)
        if player.last_season == 2025 and player.current_club_id is not None:
            squads[player.current_club_id].append(player)
    for found in players_by_key.values():
        found.sort(key=lambda p: (-(p.last_season or 0), -(p.market_value_eur or 0)))
    return KnowledgeBase(
        clubs=clubs,
        players=players,
        prominence=prominence,
        nicknames=nicknames,
        _by_key={k: tuple(v) for k, v in by_key.items()},
        _players_by_key={k: tuple(v) for k, v in players_by_key.items()},
        _squads={k: tuple(v) for k, v in squads.items()},
    )
