"""Injury and suspension claims: who is out (or back), with what, and until when.

A pure function of the text and its publication date. In each sentence (split as the
transfer extractor splits them, ``sentences.split_sentences``) it looks for cues
("out injured", "ruled out for the season", "ACL", "hamstring", "suspended", "sidelined",
"back in training", ...) and gives each cue to the nearest player name before it in the
sentence (after it when none comes before). A name is a run of capitalised words, with
name particles ("van", "de") inside; runs that read as a club or a country are skipped:
a possessive far from the cue ("Tottenham Hotspur's Ivan Perisic"), a run followed by a
role noun ("Liverpool defender"), or one after "the" ("the Reds").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from mercato.extract.lexicon import Prefilter, lexicon
from mercato.extract.phrases import source
from mercato.extract.sentences import Sentence, split_sentences
from mercato.model import Evidence, InjuryClaim, InjuryStatus

__all__ = ["find_injuries"]

_INJURY_WORDS = source("injury-parts")
# Order matters only for which cue names the injury: the most specific first.
_PART = re.compile(rf"\b(?:{_INJURY_WORDS})\b", re.IGNORECASE)
_INJURED = re.compile(
    rf"\((?:{_INJURY_WORDS})\)"
    rf"|\b(?:(?:{_INJURY_WORDS})\s+(?:{source('injury-after-part')})"
    rf"|(?:{source('injury-tears')})\s+(?:his\s+)?(?:{_INJURY_WORDS})"
    rf"|(?P<season>{source('injury-season')})"
    rf"|(?P<surgery>{source('injury-surgery')})"
    rf"|{source('injured')})\b",
    re.IGNORECASE,
)
_SUSPENDED = re.compile(source("suspended"), re.IGNORECASE)
_FIT = re.compile(source("fit"), re.IGNORECASE)
_NOT_A_CUE = re.compile(source("not-an-injury"), re.IGNORECASE)  # a squad's "injury crisis", "injury time"

_NUMBERS = {
    "one": 1,
    "a": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
}
_NUMBER = r"(\d+|one|a|two|three|four|five|six|seven|eight|nine|ten|twelve)"
_DURATION = re.compile(rf"\b(?:{_NUMBER}\s*(?:to|or|-|–)\s*)?{_NUMBER}\s+(week|month)s?\b", re.IGNORECASE)
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_UNTIL_MONTH = re.compile(r"\b(?:until|till|before)\s+(" + "|".join(_MONTHS) + r")\b", re.IGNORECASE)

_PARTICLES = r"(?:van|von|de|der|den|da|dos|das|di|du|del|della|le|la|ten|ter|el|al|bin|mac)"
# A capitalised word; an apostrophe inside is kept (O'Shea) but a possessive 's is not.
_CAP = r"[A-ZÀ-ÖØ-Þ](?:[\w\-]|['’](?!s\b))*\w|[A-ZÀ-ÖØ-Þ]"
_NAME = re.compile(rf"(?:{_CAP})(?:\s+(?:{_PARTICLES}\s+)*(?:{_CAP}))*")
# Capitalised words that start sentences or name things other than players.
_STOP_LINES = (
    "a an the he she it they we you i his her its their our this that these those there here",
    "but and or so yet if when while after before as with without for from in on at by of to",
    "however meanwhile although though also still now then earlier later last next",
    "injured suspended ruled out sidelined fit back surgery",
    "monday tuesday wednesday thursday friday saturday sunday",
    "january february march april may june july august september october november december",
    "premier league cup champions europa la liga serie bundesliga ligue fa carabao uefa fifa",
    "fc afc cf club united city news sports sport press reuters statement england",
    "sir mr dr manager coach boss",
    "goalkeeper defender midfielder winger striker forward captain star youngster veteran",
)
_STOP = frozenset(word for line in _STOP_LINES for word in line.split())
_INSTITUTION = re.compile(
    r"\b(?:League|Cup|Sports?|News|Club|FC|United|City|Stadium|"
    r"Association|Federation|Press|Times|Mail|Post)\b"
)
_ROLE_AFTER = re.compile(
    r"\s*(?:'s\s+)?(?:international|defender|midfielder|striker|forward|winger|goalkeeper|"
    r"full-back|right-back|left-back|centre-back|boss|manager|coach|head coach|side|"
    r"club|giants|outfit|team|squad|academy|star|captain|vice-captain|fans|supporters)\b"
)
# A manager speaking ("Ten Hag confirmed: 'a small injury'") is not the injured player.
_SPEAKS = re.compile(
    r"\s+(?:has\s+)?(?:said|says|confirmed|told|added|explained|revealed|"
    r"admitted|insisted)\b"
)
# After these a capitalised run is an opponent or a place ("against Switzerland").
_PLACE_BEFORE = re.compile(r"\b(?:against|versus|vs|v|at|in|to|from|into)\s*$")


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    status: InjuryStatus
    injury: str | None


@dataclass(frozen=True, slots=True)
class _Name:
    start: int
    end: int
    text: str


def _names(sentence: str, cue_starts: list[int]) -> list[_Name]:
    names = []
    for match in _NAME.finditer(sentence):
        words = match.group(0).split()
        start = match.start()
        # Drop leading stop words ("With Gabriel Jesus" -> "Gabriel Jesus").
        while words and words[0].lower().strip("’'") in _STOP:
            start = sentence.index(words[1], start + len(words[0])) if len(words) > 1 else -1
            words = words[1:]
        if not words or start < 0 or all(w.lower() in _STOP for w in words):
            continue
        text = " ".join(words)
        end = start + len(sentence[start : match.end()])
        if _INSTITUTION.search(text) or _PART.search(text) or text.isupper() or any(ch.isdigit() for ch in text):
            continue  # a club, a body part ("Anterior Cruciate Ligament"), an acronym
        if re.search(r"\bthe$", sentence[:start].rstrip().lower()):
            continue  # "the Reds", "the Gunners": a club, not a player
        after = sentence[end:]
        if _ROLE_AFTER.match(after) or _SPEAKS.match(after) or _PLACE_BEFORE.search(sentence[:start]):
            continue
        # A possessive names a club or a person whose injury follows at once
        # ("Saka's hamstring injury"); otherwise it is "Tottenham Hotspur's".
        if re.match(r"['’]s?\b", after) and not any(
            c >= end and not re.search(r"[A-Z]", sentence[end + 2 : c]) for c in cue_starts
        ):
            continue
        names.append(_Name(start, end, text))
    return names


_FIT_LOWER, _SUSPENDED_LOWER, _INJURED_LOWER, _NOT_A_CUE_LOWER = (
    lexicon(p.pattern) for p in (_FIT, _SUSPENDED, _INJURED, _NOT_A_CUE)
)
_CUE_WORDS = Prefilter(*(p.pattern for p in (_FIT, _SUSPENDED, _INJURED)))  # sentences with no cue


def _cues(sentence: str) -> list[_Cue]:
    # Matched on the lower-cased sentence (same offsets), with the case-blind patterns as the
    # fallback for the rare letters whose lower case is longer ('İ').
    lowered = sentence.lower()
    same_length = len(lowered) == len(sentence)
    if not _CUE_WORDS.candidates(lowered):
        return []
    fit, suspended, injured, not_a_cue = (
        (_FIT_LOWER, _SUSPENDED_LOWER, _INJURED_LOWER, _NOT_A_CUE_LOWER)
        if same_length
        else (_FIT, _SUSPENDED, _INJURED, _NOT_A_CUE)
    )
    sentence = lowered if same_length else sentence
    cues: list[_Cue] = []
    taken: list[tuple[int, int]] = []
    for match in fit.finditer(sentence):
        cues.append(_Cue(match.start(), InjuryStatus.FIT, None))
        taken.append(match.span())
    blocked = taken + [m.span() for m in not_a_cue.finditer(sentence)]

    def free(span: tuple[int, int]) -> bool:
        return not any(a < span[1] and span[0] < b for a, b in blocked)

    for match in suspended.finditer(sentence):
        if free(match.span()):
            cues.append(_Cue(match.start(), InjuryStatus.SUSPENDED, "suspension"))
    for match in injured.finditer(sentence):
        if not free(match.span()):
            continue
        part = _PART.search(match.group(0))
        injury = None
        if part and ("cruciate" in part.group(0).lower() or part.group(0).upper() == "ACL"):
            injury = "ACL"
        elif re.search(r"surgery|operation", match.group(0), re.IGNORECASE):
            injury = "surgery"  # graver than the body part it is on
        elif part:
            injury = part.group(0).lower()
        elif match.group("season"):
            injury = "season"
        elif match.group("surgery"):
            injury = "surgery"
        cues.append(_Cue(match.start(), InjuryStatus.INJURED, injury))
    return sorted(cues, key=lambda c: c.start)


def _owner(cue: _Cue, names: list[_Name], sentence: str) -> _Name | None:
    before = [n for n in names if n.end <= cue.start]
    if before:
        # A cue inside a quotation is not about the speaker named before it.
        between = sentence[before[-1].end : cue.start]
        return None if re.search(r"[“\"]", between) else before[-1]
    after = [n for n in names if n.start >= cue.start]
    return after[0] if after else None


_SEVERITY = ("ACL", "season", "surgery")


def _worst(injuries: list[str]) -> str | None:
    for word in _SEVERITY:
        if word in injuries:
            return word
    return injuries[0] if injuries else None


def _season_end(day: date) -> date:
    return date(day.year + 1 if day.month >= 7 else day.year, 6, 30)


def _until(segment: str, injury: str | None, published: date | None) -> date | None:
    """The return date a segment of a sentence gives, read against the publication date."""
    if published is None:
        return None
    if injury == "season":
        return _season_end(published)
    if month := _UNTIL_MONTH.search(segment):
        number = _MONTHS.index(month.group(1).lower()) + 1
        year = published.year + (number <= published.month)
        return date(year, number, 1)
    if duration := _DURATION.search(segment):
        count = duration.group(2).lower()
        amount = int(count) if count.isdigit() else _NUMBERS[count]
        days = amount * (7 if duration.group(3).lower() == "week" else 30)
        return published + timedelta(days=days)
    return None


def find_injuries(
    text: str, published: date | None = None, sentences: list[Sentence] | None = None
) -> tuple[InjuryClaim, ...]:
    """Every injury, suspension and return-to-fitness claim in ``text``, in text order.

    ``sentences`` are the text's, when the caller has already split it.
    """
    claims: list[InjuryClaim] = []
    for piece in split_sentences(text) if sentences is None else sentences:
        offset, sentence = piece.start, piece.text
        cues = _cues(sentence)
        if not cues:
            continue
        names = _names(sentence, [c.start for c in cues])
        owned: dict[_Name, list[_Cue]] = {}
        for cue in cues:
            owner = _owner(cue, names, sentence)
            if owner is not None:
                owned.setdefault(owner, []).append(cue)
        ordered = sorted(owned, key=lambda n: n.start)
        for i, name in enumerate(ordered):
            own = owned[name]
            statuses = {c.status for c in own}
            status = next(s for s in (InjuryStatus.FIT, InjuryStatus.SUSPENDED, InjuryStatus.INJURED) if s in statuses)
            injury = _worst([c.injury for c in own if c.injury and c.status == status])
            end = ordered[i + 1].start if i + 1 < len(ordered) else len(sentence)
            until = None if status == InjuryStatus.FIT else _until(sentence[name.start : end], injury, published)
            claims.append(
                InjuryClaim(
                    player=name.text,
                    status=status,
                    evidence=Evidence(sentence, (offset, offset + len(sentence))),
                    until=until,
                    injury=injury,
                    reported_on=published,
                )
            )
    return tuple(claims)
