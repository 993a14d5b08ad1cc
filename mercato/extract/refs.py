"""The records of the mentions stage, and what its modules share: the shape of a name, the
words that start no name, and how far back a reference looks for what it stands for."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

from mercato.model import Club

__all__ = [
    "NAME_WORD",
    "PARTICLES",
    "SUBJECT_WINDOW",
    "ArticleMentions",
    "ClubRef",
    "PlayerRef",
    "Spans",
    "not_a_name",
]

PARTICLES = r"(?:de|da|das|do|dos|van|von|der|den|di|del|della|le|la|ten|ter|el|al|bin|ben|mac)"
# A capitalised word with a small letter in it ('Kane', 'McTominay', "O'Brien"). Up to its first
# small letter it takes no small letter, so that re, retreating from a word that does not go
# on into a name, gives back each end once rather than trying every way to split the word.
NAME_WORD = r"(?:[A-Z](?:[^\Wa-z]|['’-])*[a-z][\w'’-]*|[A-Z]'[A-Z][\w'’-]+)(?<=[^\W_])(?!['’]s\b)"
# How far back (in characters) a role mention looks for the player it stands for.
SUBJECT_WINDOW = 400
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


def not_a_name(word: str) -> bool:
    return word.lower() in _NOT_NAMES


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


class Spans:
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
