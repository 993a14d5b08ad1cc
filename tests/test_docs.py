"""The docs keep up with the code: the CLI reference, a section per command, the public API."""

import importlib
import importlib.util
import re
from pathlib import Path

import pytest

import mercato

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _load_cli_reference():
    spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "scripts" / "cli_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cli_reference = _load_cli_reference()
COMMANDS = cli_reference.commands()  # read from the app, so new commands are checked too


def _headings() -> list[str]:
    """Every heading of the hand-written docs (the generated reference does not count)."""
    return [
        line
        for path in sorted(DOCS.glob("*.md"))
        if path != cli_reference.REFERENCE
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    ]


def test_cli_reference_is_generated_from_the_current_help():
    committed = cli_reference.REFERENCE.read_text(encoding="utf-8")
    assert committed == cli_reference.render_reference(), (
        "docs/cli-reference.md is out of date with the commands' --help; "
        "regenerate it with: .venv/bin/python scripts/cli_reference.py"
    )


@pytest.mark.parametrize("ctx", COMMANDS, ids=[c.command_path for c in COMMANDS])
def test_every_command_has_help_text(ctx):
    assert (ctx.command.help or "").strip(), f"`{ctx.command_path}` has no help text; give it a docstring"


@pytest.mark.parametrize("ctx", COMMANDS[1:], ids=[c.command_path for c in COMMANDS[1:]])
def test_every_command_has_a_section_in_the_docs(ctx):
    # "## mercato ingest PATH..." and "# Squad analysis: `mercato squad`" name their command;
    # "## mercato rules check" names `rules check`, not the group `rules`.
    named = re.compile(rf"\b{re.escape(ctx.command_path)}(?![\w-]| [a-z])")
    assert any(named.search(h) for h in _headings()), (
        f"no heading in docs/*.md names `{ctx.command_path}`; add a section to docs/cli.md"
    )


def _promised_names() -> set[str]:
    """The names docs/api-python.md lists in its table of the public API."""
    text = (DOCS / "api-python.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| `(?:mercato\.)?(\w+)", text, flags=re.MULTILINE))


def test_public_api_is_what_the_docs_promise():
    assert set(mercato.__all__) == _promised_names()


@pytest.mark.parametrize("name", mercato.__all__)
def test_every_public_name_is_importable(name):
    assert getattr(importlib.import_module("mercato"), name) is not None
