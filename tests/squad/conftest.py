"""Shared fixtures for squad analysis: the real knowledge base and a fixed as-of date."""

from __future__ import annotations

from datetime import date

import matplotlib
import pytest

from mercato.kb import KnowledgeBase, load_kb

# No display in tests: draw with the Agg backend.
matplotlib.use("Agg")


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture
def as_of() -> date:
    return date(2026, 7, 1)
