"""Articles from text and metadata (mercato/ingest/articles.py): the day a URL names."""

import json
from datetime import date

import pytest

from mercato.ingest import read_input
from mercato.ingest.articles import date_from_url


@pytest.mark.parametrize(
    "url, day",
    [
        ("https://www.example.com/football/2023/sep/01/a-move-collapses", date(2023, 9, 1)),
        ("http://example.com/2017/07/11/bayern-sign-a-winger/165230", date(2017, 7, 11)),
        ("https://example.com/sport/soccer/a-club-wins-the-race-20190719-p528vf.html?ref=rss", date(2019, 7, 19)),
        ("https://example.com/news/2025-06-08-a-striker-says-no", date(2025, 6, 8)),
        ("https://example.com/sport/articles/ckk0z1e93peo", None),
        ("https://example.com/a/2023-13-45/not-a-day", None),
        ("https://example.com/story?date=2023-01-01", None),
        (None, None),
    ],
)
def test_a_url_that_names_a_day_dates_its_article(url, day):
    assert date_from_url(url) == day


def test_an_undated_article_takes_the_day_its_url_names(tmp_path):
    path = tmp_path / "a.json"
    article = {"id": "a", "url": "https://example.com/2024/01/31/deal-done", "text": "Chelsea have signed a winger."}
    path.write_text(json.dumps(article), encoding="utf-8")
    (read,) = read_input(path, 1_000_000)
    assert read.published == date(2024, 1, 31)


def test_a_stated_date_wins_over_the_url(tmp_path):
    path = tmp_path / "a.json"
    article = {"id": "a", "url": "https://example.com/2024/01/31/x", "published": "2024-02-01", "text": "Text."}
    path.write_text(json.dumps(article), encoding="utf-8")
    (read,) = read_input(path, 1_000_000)
    assert read.published == date(2024, 2, 1)
