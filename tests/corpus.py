"""News text for the tests that hold a fast path to the pattern it stands for: the bundled
samples (written for Mercato), and real articles from the development set beside the
repository where it exists (the first ones by name, to keep the tests quick)."""

from __future__ import annotations

from pathlib import Path

from mercato.evaluate.bench import read_corpus

ROOT = Path(__file__).resolve().parents[1]
DEV_ARTICLES = ROOT.parent / "shared" / "data" / "dev-articles"
_REAL = 20  # development articles read, where they exist


def news_texts() -> list[str]:
    """The samples' texts, then up to twenty real articles' texts."""
    texts = [article.text for article in read_corpus(ROOT / "samples")]
    if DEV_ARTICLES.is_dir():
        texts += [article.text for article in read_corpus(DEV_ARTICLES)][:_REAL]
    return texts
