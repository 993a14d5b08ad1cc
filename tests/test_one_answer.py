"""One answer everywhere: `mercato sagas --json` and GET /sagas answer the same questions
identically on a real store (the bundled samples and, where ../shared is beside the
checkout, some of the real dev articles, ingested as a user would)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mercato import cli
from mercato.api import create_app
from mercato.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "data" / "dev-articles"
runner = CliRunner()

QUESTIONS = [
    {},
    {"club": "Manchester United"},
    {"club": "Man Utd", "direction": "in"},
    {"club": "Liverpool", "direction": "out"},
    {"club": "real madrid"},
    {"player": "Isak"},
    {"player": "alexander-arnold"},
    {"stage": "completed", "limit": "3"},
    {"min_likelihood": "0.5", "since": "2023-01-01"},
    {"club": "Chelsea", "limit": "2", "offset": "1"},
]


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("news")
    for sample in (ROOT / "samples" / "articles").iterdir():
        (folder / sample.name).write_bytes(sample.read_bytes())
    for article in sorted(DEV.glob("d0*.json"))[:20] if DEV.is_dir() else []:
        data = json.loads(article.read_text(encoding="utf-8"))
        (folder / f"dev-{article.name}").write_text(
            json.dumps({k: data[k] for k in ("id", "text", "url", "outlet", "published")})
        )
    url = f"sqlite:///{folder / 'news.db'}"
    result = runner.invoke(cli.app, ["ingest", str(folder)], env={"MERCATO_DB": url})
    assert result.exit_code == 0, result.output
    return url


@pytest.fixture(scope="module")
def api(store_url: str):
    app = create_app(Settings(db=store_url))
    with TestClient(app) as client:
        yield client
    app.state.store.close()


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: ",".join(f"{k}={v}" for k, v in q.items()) or "all")
def test_the_cli_and_the_api_give_the_same_sagas(question: dict[str, str], store_url: str, api: TestClient) -> None:
    options = [part for key, value in question.items() for part in (f"--{key.replace('_', '-')}", value)]
    result = runner.invoke(cli.app, ["sagas", *options, "--json"], env={"MERCATO_DB": store_url})
    assert result.exit_code == 0, result.output
    response = api.get("/sagas", params=question)
    assert response.status_code == 200, response.text
    assert json.loads(result.output) == response.json()


def test_the_questions_have_answers(store_url: str, api: TestClient) -> None:
    answered = [api.get("/sagas", params=q).json()["total"] for q in QUESTIONS]
    assert all(total > 0 for total in answered), answered
    assert (
        api.get("/sagas", params={"club": "Man Utd"}).json()
        == api.get("/sagas", params={"club": "manchester united"}).json()
    )


@pytest.mark.parametrize("question", [{"player": "Nobody Atall"}, {"club": "Atletico Nowhere"}])
def test_an_unknown_name_in_a_filter_is_an_error_everywhere(
    question: dict[str, str], store_url: str, api: TestClient
) -> None:
    [(key, value)] = question.items()
    result = runner.invoke(cli.app, ["sagas", f"--{key}", value], env={"MERCATO_DB": store_url})
    assert result.exit_code == 1 and f"unknown {key} {value!r}" in result.output
    response = api.get("/sagas", params=question)
    assert response.status_code == 404 and f"unknown {key} {value!r}" in response.text
