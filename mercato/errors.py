"""Mercato's error family: each message names the input, the problem and the next step."""

from __future__ import annotations

__all__ = ["BadPhrase", "MercatoError", "OverBudget", "UnknownEntity", "UnreadableArticle"]


class MercatoError(Exception):
    """Base of every error Mercato raises on purpose."""


class UnreadableArticle(MercatoError):
    """An input file (or feed entry) that cannot be read as an article."""

    def __init__(self, source: str, reason: str, hint: str) -> None:
        super().__init__(f"{source}: {reason}; {hint}")
        self.source = source
        self.reason = reason
        self.hint = hint


class OverBudget(MercatoError):
    """Extraction of one article ran past its time budget (``MERCATO_EXTRACT_BUDGET_S``)."""

    def __init__(self, seconds: float) -> None:
        self.reason = f"extraction ran past its budget of {seconds:g} s"
        self.hint = "split the article into shorter ones, or raise MERCATO_EXTRACT_BUDGET_S"
        super().__init__(f"{self.reason}; {self.hint}")
        self.seconds = seconds


class UnknownEntity(MercatoError):
    """A player or club name the knowledge base and the store do not know."""

    def __init__(self, kind: str, name: str, hint: str) -> None:
        super().__init__(f"unknown {kind} {name!r}; {hint}")
        self.kind = kind
        self.name = name


class BadPhrase(MercatoError):
    """A line of a lexicon file (mercato/extract/lexicons) that is not a phrase Mercato can read."""

    def __init__(self, source: str, line: int, reason: str, hint: str) -> None:
        super().__init__(f"{source}, line {line}: {reason}; {hint}")
        self.source = source
        self.line = line
        self.reason = reason
        self.hint = hint
