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


@pytest.fixture(autouse=True)
def no_stored_news(tmp_path, monkeypatch):
    # The squad commands read MERCATO_DB's news when it exists: point it at no database,
    # so a mercato.db in the working folder cannot change the squads under test.
    monkeypatch.setenv("MERCATO_DB", f"sqlite:///{tmp_path / 'no-news.db'}")
