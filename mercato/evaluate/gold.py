"""The gold set: annotated articles in the dev-articles schema, and which ones trained a model."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mercato.extract.decide import ExtractorModel
from mercato.ingest import content_hash
from mercato.model import Article

__all__ = ["GoldArticle", "read_gold", "seen_in_training"]


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One annotated article: the article and its gold rumours and renewals (contract dicts)."""

    article: Article
    rumours: tuple[dict[str, object], ...]
    renewals: tuple[dict[str, object], ...]


def read_gold(folder: Path) -> list[GoldArticle]:
    """Read every annotated article (*.json) of a gold folder.

    Raises ValueError naming the file when one is not a gold article: figures over a set with
    a file left out would not be the set's figures.
    """
    gold = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            text = data["text"]
            if not isinstance(text, str) or not text.strip():
                raise ValueError("its text is not a non-empty string")
            published = data.get("published")
            article = Article(
                id=str(data["id"]),
                text=text,
                content_hash=content_hash(text),
                url=data.get("url"),
                outlet=data.get("outlet"),
                published=date.fromisoformat(published) if published else None,
                source=str(path),
            )
            gold.append(GoldArticle(article, tuple(data.get("rumours", [])), tuple(data.get("renewals", []))))
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as error:
            reason = f"no {error} field" if isinstance(error, KeyError) else str(error).splitlines()[0]
            raise ValueError(f"{path}: not a gold article ({reason}); fix it or move it out of the folder") from None
    return gold


def seen_in_training(gold: Iterable[GoldArticle], model: ExtractorModel) -> list[str]:
    """The ids of the gold articles a model was trained on (their figures measure nothing)."""
    trained = set(model.about.get("trained_on", ()))  # type: ignore[call-overload]
    return [g.article.id for g in gold if g.article.content_hash in trained]
