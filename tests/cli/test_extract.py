import json
from importlib.metadata import version

from typer.testing import CliRunner

from mercato.cli import app

runner = CliRunner()


def test_extract_prints_one_contract_object_per_article(tmp_path):
    (tmp_path / "a.txt").write_text(
        "date 2021-08-05\nManchester City have signed Jack Grealish from Aston Villa for £100m.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text("Arsenal drew 1-1 with Chelsea.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 0, result.output
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [len(o["rumours"]) for o in objects] == [1, 0]
    rumour = objects[0]["rumours"][0]
    assert set(rumour) == {"player", "from_club", "to_club", "stage", "deal_type", "fee", "reported_by", "evidence"}
    assert (rumour["player"], rumour["to_club"], rumour["fee"]["amount"]) == (
        "Jack Grealish",
        "Manchester City",
        100_000_000,
    )


def test_extract_reports_a_bad_file_and_goes_on(tmp_path):
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "good.txt").write_text("Chelsea have signed Cole Palmer from Manchester City.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert "bad.json" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_eval_prints_figures_as_json(tmp_path):
    doc = {
        "id": "g1",
        "url": None,
        "published": "2021-08-05",
        "outlet": "Test",
        "text": "Manchester City have signed Jack Grealish from Aston Villa for £100m.",
        "rumours": [
            {
                "player": "Jack Grealish",
                "from_club": "Aston Villa",
                "to_club": "Manchester City",
                "stage": "completed",
                "deal_type": "permanent",
                "fee": {"amount": 100000000, "currency": "GBP", "add_ons": None},
                "reported_by": None,
                "evidence": "",
            }
        ],
        "renewals": [],
    }
    (tmp_path / "g1.json").write_text(json.dumps(doc), encoding="utf-8")
    result = runner.invoke(app, ["eval", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["pair_f1"] == 1.0 and figures["from_club_accuracy"] == 1.0


def test_eval_names_a_missing_folder(tmp_path):
    result = runner.invoke(app, ["eval", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert "nowhere" in result.stderr


def test_version_prints_mercatos_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"mercato {version('mercato')}"
