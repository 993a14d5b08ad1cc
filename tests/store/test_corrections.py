"""Corrections: stored apart from the claims, they survive re-ingest and re-extraction with
a newly trained model, and count in the sagas, the likelihood and the sources' records."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mercato import cli
from mercato.extract import extract
from mercato.extract.decide import load_model
from mercato.ingest import read_input
from mercato.kb import load_kb

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "articles"
GOLD = ROOT / "tests" / "data" / "gold"
runner = CliRunner()


@pytest.fixture
def env(store_url):
    env = {"MERCATO_DB": store_url}
    assert runner.invoke(cli.app, ["ingest", str(SAMPLES)], env=env).exit_code == 0
    return env


def _run(env, *args):
    result = runner.invoke(cli.app, [str(a) for a in args], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def _claims(env, player):
    return json.loads(_run(env, "show", player, "--json"))


def _claim_id(env, player, sentence_start):
    output = _run(env, "show", player)
    blocks = output.split("\n2")  # one block a claim, each opening with its date
    [block] = [b for b in blocks if f'"{sentence_start}' in b]
    return int(block.split("claim ")[1].split(")")[0])


def _sagas(env, player):
    page = json.loads(_run(env, "sagas", "--player", player, "--json"))
    return {(s["to_club"]["name"], s["first_seen"]): s for s in page["items"]}


def test_a_rejected_claim_leaves_its_saga_and_stays_out_after_reingest_and_a_retrain(env, tmp_path):
    before = _sagas(env, "Isak")[("Liverpool", "2025-07-20")]
    assert before["stage"] == "completed"
    done = _claim_id(env, "Isak", "Liverpool complete British record signing")
    said = _run(env, "claims", "reject", done, "--reason", "a headline of a later story", "--by", "Ana")
    assert "rejected by Ana" in said and "a headline of a later story" in said
    after = _sagas(env, "Isak")[("Liverpool", "2025-07-20")]
    assert after["stage"] != "completed" and after["likelihood"] < before["likelihood"]
    assert "Liverpool complete British record signing" not in json.dumps(_claims(env, "Isak")["claims"])
    _run(env, "ingest", SAMPLES)  # again: nothing changes
    model = tmp_path / "model.json"
    _run(env, "train", GOLD, "--out", model)
    assert "articles read again" in _run(env, "reextract", "--model", model)
    [article] = read_input(SAMPLES / "2025-09-01-isak.txt", 10**6)
    retrained = extract(article, load_kb(), load_model(model))
    assert any(c.evidence.sentence.startswith("Liverpool complete") for c in retrained.claims)  # found again...
    assert "Liverpool complete British record signing" not in json.dumps(_claims(env, "Isak")["claims"])  # ...kept out
    assert _sagas(env, "Isak")[("Liverpool", "2025-07-20")]["stage"] != "completed"
    [listed] = json.loads(_run(env, "corrections", "list", "--json"))
    assert (listed["kind"], listed["by"], listed["why"]) == ("reject", "Ana", "a headline of a later story")


def test_a_fixed_field_holds_after_reextraction_and_is_shown_as_a_correction(env):
    bid = _claim_id(env, "Isak", "Newcastle turn down Liverpool bid for Alexander Isak")
    _run(env, "claims", "fix", bid, "--stage", "negotiating", "--reason", "talks, not a bid")
    _run(env, "reextract")
    [fixed] = [
        c for c in _claims(env, "Isak")["claims"] if c["sentence"].startswith("Newcastle turn down Liverpool bid")
    ]
    assert fixed["stage"] == "negotiating"
    assert "corrected: fixed stage to negotiating by" in _run(env, "show", "Isak")


def test_a_rejection_counts_in_the_sources_records(env):
    sources = {s["name"]: s for s in json.loads(_run(env, "sources", "--json"))}
    claims = sources["Demo Sports Desk"]["claims"]
    claim = _claim_id(env, "Isak", "Newcastle turn down Liverpool bid for Alexander Isak")
    _run(env, "claims", "reject", claim, "--reason", "misread")
    after = {s["name"]: s for s in json.loads(_run(env, "sources", "--json"))}
    assert after["Demo Sports Desk"]["claims"] == claims - 1


def test_a_saga_split_and_a_merge_change_the_sagas_and_export_as_gold(env, tmp_path):
    trent = _sagas(env, "Alexander-Arnold")
    saga = trent[("Real Madrid", "2025-03-25")]
    _run(env, "sagas", "split", saga["id"], "--at", "2025-05-01", "--reason", "a new approach")
    split = _sagas(env, "Alexander-Arnold")
    assert set(split) == {("Real Madrid", "2025-03-25"), ("Real Madrid", "2025-05-30")}
    assert split[("Real Madrid", "2025-03-25")]["id"] == saga["id"]  # the first keeps its id
    _run(env, "sagas", "merge", saga["id"], split[("Real Madrid", "2025-05-30")]["id"], "--reason", "one saga")
    assert set(_sagas(env, "Alexander-Arnold")) == {("Real Madrid", "2025-03-25")}
    out = tmp_path / "gold"
    assert "corrected articles written" in _run(env, "corrections", "export", out)
    exported = [json.loads(p.read_text()) for p in out.glob("*.json")]
    assert exported and all({"id", "text", "rumours", "renewals", "published", "outlet"} <= set(a) for a in exported)
    assert any("split at 2025-05-01" in a["notes"] for a in exported)


@pytest.mark.parametrize(
    "args, message",
    [
        (["claims", "reject", "99999", "--reason", "x"], "unknown claim '99999'"),
        (["claims", "fix", "1", "--reason", "x"], "nothing to fix"),
        (["claims", "fix", "1", "--stage", "rumoured", "--reason", "x"], "stage 'rumoured': use one of"),
        (["sagas", "split", "99999", "--at", "2025-01-01", "--reason", "x"], "unknown saga '99999'"),
        (["sagas", "split", "1", "--at", "soon", "--reason", "x"], "--at 'soon': not a date"),
    ],
)
def test_a_bad_correction_is_one_line_naming_the_input(env, args, message):
    result = runner.invoke(cli.app, args, env=env)
    assert result.exit_code == 1 and message in result.output and len(result.output.strip().splitlines()) == 1
