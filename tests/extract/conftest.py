import pytest

from mercato.kb import KnowledgeBase, load_kb


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb()
