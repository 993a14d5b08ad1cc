"""The record of one input that could not be read as an article."""

from __future__ import annotations

from dataclasses import dataclass

from mercato.errors import UnreadableArticle

__all__ = ["IngestProblem"]


@dataclass(frozen=True, slots=True)
class IngestProblem:
    """An input (file, file:line or feed entry) that gave no article, why, and what to do."""

    source: str
    reason: str
    hint: str

    @classmethod
    def from_error(cls, error: UnreadableArticle) -> IngestProblem:
        """The problem an ``UnreadableArticle`` describes."""
        return cls(error.source, error.reason, error.hint)

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}; {self.hint}"
