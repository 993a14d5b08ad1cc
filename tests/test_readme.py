"""README.md's quick tour runs as written: every command, in order, from the repository root,
against a fresh store, and the Python example too."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block(heading: str, end: str) -> list[str]:
    """The indented lines of a README section, comments cut off."""
    section = README.split(heading, 1)[1].split(end, 1)[0]
    return [line[4:] for line in section.splitlines() if line.startswith("    ")]


TOUR = [re.sub(r"\s+#.*$", "", line) for line in _block("## A quick tour", "From Python:")]
SERVE = [command for command in TOUR if command.endswith(" serve")]


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    store = tmp_path_factory.mktemp("tour") / "tour.db"
    return {**os.environ, "MERCATO_DB": f"sqlite:///{store}"}


def test_the_tour_lists_the_commands_a_newcomer_needs() -> None:
    assert TOUR[0].startswith(".venv/bin/mercato ingest samples/articles") and len(SERVE) == 1
    assert all(command.startswith(".venv/bin/mercato ") for command in TOUR)


@pytest.mark.parametrize("command", [c for c in TOUR if c not in SERVE])
def test_each_tour_command_runs_as_written(command: str, env: dict[str, str]) -> None:
    result = subprocess.run(command, shell=True, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() and "Traceback" not in result.stderr
    assert "…" not in result.stdout  # piped, tables are full width: no name cut short


def test_the_tours_server_answers_on_loopback(env: dict[str, str]) -> None:
    server = subprocess.Popen(SERVE[0], shell=True, cwd=ROOT, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen("http://127.0.0.1:8000/openapi.json", timeout=2) as response:
                    assert response.status == 200
                    break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "mercato serve did not start"
                time.sleep(0.3)
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


def test_the_python_example_runs_as_written() -> None:
    lines = _block("From Python:", "## ")
    script = "\n".join(lines[:-1] + [f"print({lines[-1]})"])
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Declan Rice" in result.stdout and "Arsenal" in result.stdout and "West Ham" in result.stdout
