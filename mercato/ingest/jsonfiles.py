"""JSON and JSON Lines articles in the schema of the dev article set (gold fields ignored)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, ValidationError

from mercato.errors import UnreadableArticle
from mercato.ingest.articles import make_article, parse_date
from mercato.model import Article

__all__ = ["article_from_json", "json_lines"]


class ArticleJson(BaseModel):
    """The article fields of the JSON contract; gold fields (``rumours`` ...) are ignored."""

    model_config = ConfigDict(extra="ignore")

    id: str | int | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    title: str | None = None
    text: str


def article_from_json(document: str, source: str) -> Article:
    """The article one JSON object describes."""
    try:
        value = json.loads(document)
    except json.JSONDecodeError as error:
        raise UnreadableArticle(
            source,
            f"malformed JSON ({error.msg} at line {error.lineno} column {error.colno})",
            "fix the JSON or re-export the file",
        ) from None
    if not isinstance(value, dict):
        raise UnreadableArticle(
            source,
            f"expected a JSON object, found {type(value).__name__}",
            "write one article object per .json file, or one per line in a .jsonl file",
        )
    if not isinstance(value.get("text"), str):
        raise UnreadableArticle(source, 'the JSON object has no "text" string', 'add the article body as "text"')
    try:
        fields = ArticleJson.model_validate(value)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise UnreadableArticle(source, f'field "{where}": {first["msg"]}', "fix that field or remove it") from None
    return make_article(
        fields.text,
        source,
        article_id=None if fields.id is None else str(fields.id),
        url=fields.url,
        outlet=fields.outlet,
        published=parse_date(fields.published, source, "published") if fields.published else None,
        title=fields.title,
    )


def json_lines(text: str, source: str) -> Iterator[tuple[str, str]]:
    """Each non-blank line of a JSON Lines file, with its ``file:line`` source."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield f"{source}:{number}", line
