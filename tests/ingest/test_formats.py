"""Each input format read into articles (mercato/ingest/*)."""

import json
from datetime import date
from pathlib import Path

from mercato.ingest import IngestProblem, content_hash, read_input

MAX = 1_000_000


def _read(path: Path) -> list:
    return list(read_input(path, MAX))


def test_json_article_keeps_id_metadata_and_ignores_gold_fields(tmp_path):
    path = tmp_path / "a1.json"
    path.write_text(
        json.dumps(
            {
                "id": "a1",
                "url": "https://example.org/a1",
                "published": "2024-07-01",
                "outlet": "Example Sport",
                "text": "Arsenal have made an offer for the striker.",
                "rumours": [{"player": "X"}],
                "renewals": [],
                "notes": "gold",
            }
        )
    )
    [article] = _read(path)
    assert article.id == "a1"
    assert article.url == "https://example.org/a1"
    assert article.outlet == "Example Sport"
    assert article.published == date(2024, 7, 1)
    assert article.text == "Arsenal have made an offer for the striker."
    assert article.source == str(path)


def test_article_without_id_gets_one_from_its_content_hash(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": "Chelsea are keen on the winger."}))
    [article] = _read(path)
    assert article.content_hash == content_hash("Chelsea are keen on the winger.")
    assert article.id == article.content_hash[:16]


def test_content_hash_ignores_whitespace_differences():
    assert content_hash("Talks are  under way.\r\n") == content_hash("Talks are under way.")


def test_jsonl_gives_one_article_per_line_and_names_the_bad_line(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(
        '{"id": "one", "text": "Spurs have opened talks over a loan."}\n'
        "\n"
        "{not json\n"
        '{"id": "three", "text": "Everton have rejected a bid."}\n'
    )
    found = _read(path)
    assert [a.id for a in found if not isinstance(a, IngestProblem)] == ["one", "three"]
    [problem] = [p for p in found if isinstance(p, IngestProblem)]
    assert problem.source == f"{path}:3"
    assert "malformed JSON" in problem.reason


def test_text_file_reads_date_line_and_title(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("date 2025-01-15\nVilla agree fee for midfielder\n\nVilla have agreed a fee.\n")
    [article] = _read(path)
    assert article.published == date(2025, 1, 15)
    assert article.title == "Villa agree fee for midfielder"
    assert article.text == "Villa agree fee for midfielder\n\nVilla have agreed a fee."


def test_markdown_heading_marks_are_dropped(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Wolves sign keeper\n\nWolves have signed a goalkeeper on loan.\n")
    [article] = _read(path)
    assert article.title == "Wolves sign keeper"
    assert article.published is None
    assert article.text.startswith("Wolves sign keeper\n")


def test_text_file_with_a_bad_date_line_is_a_problem(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("date 2025-13-40\nFulham have bid for the defender.\n")
    [problem] = _read(path)
    assert isinstance(problem, IngestProblem)
    assert "not a date" in problem.reason


def test_html_page_gives_text_title_date_site_and_url(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Brentford bid for forward</title>"
        '<meta property="og:site_name" content="Example Sport">'
        '<meta property="og:url" content="https://example.org/brentford">'
        '<meta property="article:published_time" content="2024-08-02T10:00:00Z"></head>'
        "<body><nav>Home | News</nav><article><h1>Brentford bid for forward</h1>"
        "<p>Brentford have made a bid of £20m for the forward, who is keen on the move.</p>"
        "<p>Talks between the clubs are expected to continue over the weekend.</p>"
        "</article></body></html>"
    )
    [article] = _read(path)
    assert article.title == "Brentford bid for forward"
    assert article.outlet == "Example Sport"
    assert article.url == "https://example.org/brentford"
    assert article.published == date(2024, 8, 2)
    assert "Brentford have made a bid of £20m" in article.text
    assert "Home | News" not in article.text


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title>
<item><title>Leeds sign winger</title><link>https://example.org/leeds</link>
<pubDate>Tue, 02 Jan 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Leeds have signed the &lt;b&gt;winger&lt;/b&gt;
 on loan.&lt;/p&gt;</description></item>
<item><title>Titles only</title><link>https://example.org/empty</link></item>
</channel></rss>
"""


def test_feed_entry_becomes_an_article_with_html_stripped(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(RSS)
    article, problem = _read(path)
    assert article.text == "Leeds sign winger\n\nLeeds have signed the winger on loan."
    assert article.outlet == "Example Wire"
    assert article.url == "https://example.org/leeds"
    assert article.published == date(2024, 1, 2)
    assert article.source == f"{path}#1"
    assert isinstance(problem, IngestProblem)
    assert problem.source == f"{path}#2"
    assert "no text" in problem.reason


def test_atom_feed_is_sniffed_without_a_feed_suffix(tmp_path):
    path = tmp_path / "latest"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Atom Wire</title><entry><title>Celtic deal</title>"
        '<link href="https://example.org/celtic"/><updated>2023-06-01T12:00:00Z</updated>'
        '<content type="html">&lt;p&gt;Celtic have agreed a deal for the midfielder.&lt;/p&gt;'
        "</content></entry></feed>"
    )
    [article] = _read(path)
    assert article.outlet == "Atom Wire"
    assert "Celtic have agreed a deal" in article.text
