"""`mercato export`: the store's tables as Parquet, CSV and JSON Lines, read back with pandas."""

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from mercato import cli
from mercato.store import open_store
from tests.saga_news import NEWS, store_news

runner = CliRunner()


@pytest.fixture
def news_url(store_url):
    store = open_store(store_url)
    store_news(store)
    store.close()
    return store_url


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_writes_every_table_and_reads_back(fmt, news_url, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(cli.app, ["export", str(out), "--format", fmt], env={"MERCATO_DB": news_url})
    assert result.exit_code == 0, result.output
    read = {"parquet": pd.read_parquet, "csv": pd.read_csv, "jsonl": lambda p: pd.read_json(p, lines=True)}[fmt]
    tables = {name: read(out / f"{name}.{fmt}") for name in ("articles", "claims", "sagas", "sources")}
    assert len(tables["articles"]) == len(tables["claims"]) == len(NEWS)
    claims = tables["claims"]
    assert set(zip(claims["player"], claims["to_club"], strict=True)) == {(n[0], n[2]) for n in NEWS}
    sagas = api_sagas(news_url)
    assert sorted(tables["sagas"]["id"]) == sorted(s["id"] for s in sagas)
    assert set(tables["sources"]["name"]) == {n[5] for n in NEWS}
    assert f"{out / f'claims.{fmt}'}: {len(NEWS)} rows" in result.output


def api_sagas(url):
    result = runner.invoke(cli.app, ["sagas", "--json", "--limit", "500"], env={"MERCATO_DB": url})
    return json.loads(result.output)["items"]


def test_export_names_a_bad_format(news_url, tmp_path):
    result = runner.invoke(cli.app, ["export", str(tmp_path), "--format", "xlsx"], env={"MERCATO_DB": news_url})
    assert result.exit_code == 1 and "--format 'xlsx'" in result.output and "parquet, csv, jsonl" in result.output
