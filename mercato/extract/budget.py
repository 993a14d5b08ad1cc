"""A time budget for extracting one article: the stages check it as they go, so no article
holds a worker or the server past it, whatever its text."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from mercato.errors import OverBudget

__all__ = ["UNLIMITED", "Budget"]


@dataclass(frozen=True, slots=True)
class Budget:
    """Seconds allowed, and the clock reading (``time.perf_counter``) they run out at."""

    seconds: float
    deadline: float

    @classmethod
    def start(cls, seconds: float | None) -> Budget:
        """A budget of ``seconds`` from now (None: no limit)."""
        return UNLIMITED if seconds is None else cls(seconds, time.perf_counter() + seconds)

    def check(self) -> None:
        """Raise ``OverBudget`` once the time is spent."""
        if self.deadline != math.inf and time.perf_counter() > self.deadline:
            raise OverBudget(self.seconds)


UNLIMITED = Budget(math.inf, math.inf)
