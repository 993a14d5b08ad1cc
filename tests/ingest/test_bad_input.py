"""Every kind of bad input becomes one problem naming the input, and the batch goes on."""

import json

import pytest

from mercato.ingest import IngestProblem, find_inputs, read_input

MAX = 1_000_000


def _problems(path, max_bytes=MAX) -> list[IngestProblem]:
    found = list(read_input(path, max_bytes))
    assert all(isinstance(p, IngestProblem) for p in found)
    return found


def test_unreadable_file_is_a_problem(tmp_path):
    (tmp_path / "gone.json").symlink_to(tmp_path / "missing.json")
    [path] = list(find_inputs([tmp_path]))
    [problem] = _problems(path)
    assert problem.source == str(tmp_path / "gone.json")
    assert "cannot read the file" in problem.reason


def test_missing_path_is_a_problem():
    [problem] = list(find_inputs(["no/such/folder"]))
    assert problem == IngestProblem("no/such/folder", "no such file or folder", "check the path")


@pytest.mark.parametrize("content", [b"", b"  \n\n"])
def test_empty_file_is_a_problem(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    [problem] = _problems(path)
    assert problem.reason == "empty file"


def test_binary_file_is_a_problem(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    [problem] = _problems(path)
    assert problem.reason == "binary data, not text"


def test_bytes_in_no_clear_encoding_are_a_problem_naming_what_was_found(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(128, 256)) * 3)
    [problem] = _problems(path)
    assert problem.reason.startswith("not UTF-8 text (byte 0x80 at offset 0) and no clear encoding")
    assert "UTF-8" in problem.hint


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "latin-1", "cp1252"])
def test_text_in_another_encoding_is_read(tmp_path, encoding):
    text = (
        "Atlético Madrid have agreed a fee with Benfica for João Félix, according to the Portuguese press. "
        "The forward, who cost Atlético 126m euros, will undergo a medical in Madrid on Thursday.\n"
    )
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    [article] = read_input(path, 10**6)
    assert article.text == text.strip()


def test_malformed_json_is_a_problem(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"id": "x", "text": "Roma are in talks"')
    [problem] = _problems(path)
    assert problem.reason.startswith("malformed JSON")


def test_json_without_text_is_a_problem(tmp_path):
    path = tmp_path / "notext.json"
    path.write_text(json.dumps({"id": "x", "url": "https://example.org"}))
    [problem] = _problems(path)
    assert problem.reason == 'the JSON object has no "text" string'


def test_json_with_a_bad_date_is_a_problem(tmp_path):
    path = tmp_path / "baddate.json"
    path.write_text(json.dumps({"text": "Lazio have bid.", "published": "last Tuesday"}))
    [problem] = _problems(path)
    assert "not a date" in problem.reason


def test_file_over_the_size_limit_is_a_problem(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Napoli have opened talks. " * 10)
    [problem] = _problems(path, max_bytes=100)
    assert problem.reason == "file is 260 bytes, over the 100-byte limit"
    assert "MERCATO_MAX_ARTICLE_BYTES" in problem.hint


def test_xml_that_is_no_feed_is_a_problem(tmp_path):
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>https://example.org</loc></url></urlset>')
    [problem] = _problems(path)
    assert "not an RSS or Atom feed" in problem.reason or "no entries" in problem.reason


def test_page_without_article_text_is_a_problem(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>Loading</title></head><body></body></html>")
    [problem] = _problems(path)
    assert problem.reason == "no article text found in the page"


_STORY = "<p>Arsenal have completed the signing of Declan Rice from West Ham United for a club-record fee.</p>"


def _nested_page(levels: int) -> str:
    return (
        f"<html><head><title>Rice joins</title></head><body>{'<div>' * levels}{_STORY}{'</div>' * levels}</body></html>"
    )


@pytest.mark.parametrize("levels", [300, 2000])
def test_text_nested_hundreds_of_levels_deep_is_read(tmp_path, levels):
    path = tmp_path / "deep.html"
    path.write_text(_nested_page(levels))
    [article] = list(read_input(path, 10_000_000))
    assert "Arsenal have completed the signing of Declan Rice" in article.text


def test_a_page_nested_past_the_parsers_limit_is_a_problem_saying_so(tmp_path):
    path = tmp_path / "deeper.html"
    path.write_text(_nested_page(5000))
    [problem] = _problems(path)
    assert problem.reason == "the page nests more than 2,048 levels deep"


def test_problem_reads_as_one_line_naming_input_reason_and_hint():
    problem = IngestProblem("a.json", "malformed JSON", "fix the JSON")
    assert str(problem) == "a.json: malformed JSON; fix the JSON"
