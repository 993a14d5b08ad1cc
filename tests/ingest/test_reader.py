"""Finding input files in folders (mercato/ingest/reader.py)."""

from mercato.ingest import find_inputs


def test_folders_are_walked_recursively_in_name_order_keeping_article_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("x")
    (tmp_path / "a.json").write_text("{}")
    (tmp_path / "notes.csv").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "feed.rss").write_text("x")
    found = list(find_inputs([tmp_path]))
    assert found == [tmp_path / "a.json", tmp_path / "feed.rss", tmp_path / "b" / "two.txt"]


def test_a_file_named_on_its_own_is_an_input_whatever_its_suffix(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("x")
    assert list(find_inputs([path])) == [path]
