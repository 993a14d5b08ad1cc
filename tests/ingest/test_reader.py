"""Finding input files in folders (mercato/ingest/reader.py)."""

from mercato.ingest import NOT_ARTICLES, Selection, find_inputs


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


def _folder_with_notes(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("a.txt", "README.md", "LICENSE.txt", "notes.md", "Licence.md", ".draft.txt", "draft-b.txt"):
        (folder / name).write_text("Arsenal have signed Declan Rice from West Ham.\n", encoding="utf-8")
    return folder


def test_issue_14_a_folder_gives_its_articles_not_its_readme_licence_or_notes(tmp_path):
    found = [p.name for p in find_inputs([_folder_with_notes(tmp_path)])]
    assert found == ["a.txt", "draft-b.txt"]


def test_include_and_exclude_patterns_choose_the_files_of_a_folder(tmp_path):
    folder = _folder_with_notes(tmp_path)
    chosen = Selection(include=("readme*",), exclude=NOT_ARTICLES + ("draft-*",))
    assert [p.name for p in find_inputs([folder], chosen)] == ["README.md", "a.txt"]


def test_a_readme_named_on_its_own_is_read(tmp_path):
    readme = _folder_with_notes(tmp_path) / "README.md"
    assert list(find_inputs([readme])) == [readme]
