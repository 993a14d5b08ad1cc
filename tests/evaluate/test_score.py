import json
from pathlib import Path

import pytest

from mercato.evaluate.gold import read_gold
from mercato.evaluate.score import evaluate, same_club, same_player
from mercato.kb import load_kb


@pytest.mark.parametrize(
    "a, b",
    [
        ("Franck Kessie", "Kessie"),
        ("Joshua Zirkzee", "Joshua Zirkee"),
        ("Luka Modrić", "Luka Modric"),
        ("Gabriel Magalhaes", "Gabriel"),
    ],
)
def test_player_names_match_forgivingly(a, b):
    assert same_player(a, b)


def test_different_players_do_not_match():
    assert not same_player("Harry Kane", "Harry Maguire")


def test_club_names_match_through_aliases():
    kb = load_kb()
    assert same_club(kb, "Man Utd", "Manchester United FC")
    assert not same_club(kb, "Manchester City", "Manchester United")
    assert same_club(kb, None, None) and not same_club(kb, "Chelsea", None)


def gold_article(folder: Path, name: str, text: str, rumours: list, renewals=()) -> None:
    doc = {
        "id": name,
        "url": None,
        "published": "2023-07-01",
        "outlet": "Test",
        "text": text,
        "rumours": rumours,
        "renewals": list(renewals),
        "notes": "",
    }
    (folder / f"{name}.json").write_text(json.dumps(doc), encoding="utf-8")


def test_evaluation_counts_hits_misses_and_field_accuracy(tmp_path):
    gold_article(
        tmp_path,
        "a1",
        "Arsenal have signed Declan Rice from West Ham for £105m.",
        [
            {
                "player": "Declan Rice",
                "from_club": "West Ham United",
                "to_club": "Arsenal",
                "stage": "completed",
                "deal_type": "permanent",
                "fee": {"amount": 105000000, "currency": "GBP", "add_ons": None},
                "reported_by": None,
                "evidence": "",
            },
            {
                "player": "Declan Rice",
                "from_club": "West Ham United",
                "to_club": "Manchester City",
                "stage": "off",
                "deal_type": "unknown",
                "fee": None,
                "reported_by": None,
                "evidence": "",
            },
        ],
    )
    gold_article(tmp_path, "a2", "Arsenal drew 1-1 with Chelsea at the Emirates.", [])
    report = evaluate(read_gold(tmp_path), load_kb())
    figures = report.figures()
    assert figures["pair_precision"] == 1.0 and figures["pair_recall"] == 0.5
    assert figures["stage_accuracy"] == 1.0 and figures["fee_accuracy"] == 1.0
    assert figures["rumours_on_negatives"] == 0
    assert report.misses["a1"] == ["missed Declan Rice -> Manchester City (off)"]
