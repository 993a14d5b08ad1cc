"""Build Mercato's bundled knowledge base from the reference data in ../shared/data.

Run from the repository root: ``python scripts/build_kb.py [DATA_DIR]``. It writes trimmed
copies into ``mercato/kb/data/`` (clubs.csv, players.csv, transfers.csv) beside their PROVENANCE.md.
The output is committed, so Mercato needs no network and no shared folder at run time.
"""

from __future__ import annotations

import csv
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "mercato" / "kb" / "data"
CURATED = ROOT / "mercato" / "kb" / "curated"

# Legal-form words stripped from the end (and "FC" from the front) of an openfootball name.
LEGAL_SUFFIXES = {"FC", "AFC", "CF", "SC", "FK", "SK", "CFC", "SFC", "BK", "IF", "FF", "SAD", "S.A.D."}
# Single-word aliases that are ordinary words or regions in English prose.
ALIAS_STOPLIST = {
    "Austria",
    "Sturm",
    "Paris",
    "Athletic",
    "Sporting",
    "Racing",
    "Union",
    "National",
    "Olympic",
    "Real",
    "City",
    "United",
    "Inter",
    "Milan",
    "Club",
    "Royal",
    "Young",
    "Boys",
    "Rapid",
    "Dynamo",
    "Lokomotiv",
    "Spartak",
    "Vitoria",
    "Nacional",
    "Independiente",
    "Santos",
    "America",
    "Universidad",
    "Deportivo",
    "Atletico",
    "Atlético",
    "Academica",
    "Progresso",
    "Forest",
    "Palace",
    "Villa",
    "Rovers",
    "Wanderers",
    "Town",
    "County",
    "Albion",
    "Argyle",
    "Orient",
    "Stanley",
    "Standard",
    "Victoria",
    "Celtic",
    "Rangers",
    "Hearts",
    "Hibernian",
    "Arsenal",
    "Madrid",
    "Bayern",
    "Borussia",
    "Olympique",
    "Stade",
    "Saint",
    "Sport",
    "Liberty",
    "Alliance",
    "Phoenix",
    "Fire",
    "Galaxy",
    "Europa",
    "College",
}
# A club whose short name is a city of several clubs keeps it only when it is the city's famous
# club (Barcelona, Porto); others keep their full name ('Paris FC').
CITY_NAME_MIN_PROMINENCE = 8.1
KEEP_SINGLE_WORD = {"Celtic", "Rangers", "Arsenal", "Hearts", "Hibernian"}


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def strip_tags(name: str) -> str:
    """Drop openfootball's language tags ('[en]') and sponsor markers ('$$')."""
    return re.sub(r"\s*\[[a-z]{2}\]", "", name).replace("$$", "").strip()


def ascii_fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def common_name(of_name: str) -> str:
    """The openfootball name without its legal form: 'Manchester United FC' -> 'Manchester United'."""
    words = of_name.split()
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0] in {"FC", "AFC", "CF"}:
        words.pop(0)
    return " ".join(words)


def split_names(field: str) -> list[str]:
    return [strip_tags(n) for n in field.split("|") if strip_tags(n)]


def usable_alias(alias: str, countries: set[str], cities: set[str], prominent: bool) -> bool:
    """Whether a name is safe to look for in prose: capitalised, not a word, country or city.

    A one-word alias other than the club's own name ('Sturm', 'Europa') is kept only for clubs
    of the covered top leagues, where the press uses such short names.
    """
    if len(alias) < 3 or not alias[0].isupper() or alias in countries or alias in cities:
        return False
    single = " " not in alias
    return not single or (prominent and (alias not in ALIAS_STOPLIST or alias in KEEP_SINGLE_WORD))


def spelling_variants(name: str) -> set[str]:
    """'Al-Nassr' and 'Al Nassr' are both written; so are 'Saint-Etienne' and 'Saint Etienne'."""
    variants = {name}
    if re.search(r"\b(?:Al|El|Saint|St)-", name):
        variants.add(re.sub(r"\b(Al|El|Saint|St)-", r"\1 ", name))
    if re.search(r"\b(?:Al|El) ", name):
        variants.add(re.sub(r"\b(Al|El) ", r"\1-", name))
    return variants


def build(data: Path) -> None:
    tm = data / "transfermarkt-players-clubs"
    countries = {r["country_name"] for r in _rows(tm / "countries.csv")}
    competitions = {r["competition_id"]: r for r in _rows(tm / "competitions.csv")}
    english = {int(r["tm_club_id"]): r["name"] for r in _rows(CURATED / "english_names.csv")}
    of_clubs = [r for r in _rows(data / "openfootball-clubs" / "clubs.csv") if r["is_reserve_team"] != "True"]
    city_count = Counter(part.strip() for r in of_clubs if r["city"] for part in set(r["city"].split(">")))
    cities = set(city_count)
    shared_cities = {c for c, n in city_count.items() if n > 1}
    country_of = {r["country_code"]: r["country"] for r in of_clubs}

    players = list(_rows(tm / "players.csv"))
    value = Counter()
    for p in players:
        if p["current_club_id"] and p["last_season"] in {"2023", "2024", "2025"}:
            value[int(p["current_club_id"])] += int(p["market_value_in_eur"] or 0)

    rows: list[dict[str, object]] = []
    seen_of: set[tuple[str, str]] = set()
    for r in _rows(data / "club-crosswalk" / "tm_openfootball_clubs.csv"):
        club_id = int(r["tm_club_id"])
        of_name = r["of_club_name"] or r["tm_name"]
        seen_of.add((r["of_country_code"], r["of_club_name"]))
        comp = competitions.get(r["tm_competition_id"], {})
        prominence = round(math.log10(1 + value[club_id]), 3)
        name = english.get(club_id) or ascii_fold(common_name(of_name))
        if name in shared_cities and prominence < CITY_NAME_MIN_PROMINENCE:
            name = ascii_fold(of_name)  # 'Paris FC', 'Toronto FC': the city alone means the city
        names = [r["tm_name"], of_name, *split_names(r["tm_short_names"]), *split_names(r["of_alt_names"])]
        rows.append(
            {
                "id": club_id,
                "name": name,
                "country": comp.get("country_name") or country_of.get(r["of_country_code"], ""),
                "league": comp.get("competition_name", ""),
                "league_id": r["tm_competition_id"],
                "in_league_2025": r["tm_last_season"] == "2025",
                "prominence": prominence,
                "names": names,
            }
        )
    for i, r in enumerate(of_clubs):
        if (r["country_code"], r["name"]) in seen_of:
            continue
        rows.append(
            {
                "id": 9_000_000 + i,
                "name": ascii_fold(common_name(r["name"])),
                "country": r["country"],
                "league": "",
                "league_id": "",
                "in_league_2025": False,
                "prominence": 0.0,
                "names": [r["name"], *split_names(r["alt_names"])],
            }
        )

    # A city's name may stand for its famous club ('Newcastle'), when that club clearly leads it.
    city_owner: dict[str, object] = {}
    by_city: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in rows:
        for n in set(row["names"]):  # type: ignore[call-overload]
            if n in cities:
                by_city[n].append(row)
    for city, owners_of_city in by_city.items():
        ranked = sorted(owners_of_city, key=lambda r: -float(r["prominence"]))  # type: ignore[arg-type]
        best, runner_up = ranked[0], (float(ranked[1]["prominence"]) if len(ranked) > 1 else 0.0)  # type: ignore[arg-type]
        leads = float(best["prominence"]) >= CITY_NAME_MIN_PROMINENCE > runner_up  # type: ignore[arg-type]
        if best["league_id"] and (len(ranked) == 1 or leads):
            city_owner[city] = best["id"]
    owners: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        aliases = {str(row["name"]), *(common_name(n) for n in row["names"]), *row["names"]}  # type: ignore[misc]
        aliases |= {ascii_fold(a) for a in aliases}
        aliases = {v for a in aliases for v in spelling_variants(a)}
        prominent = bool(row["league_id"])
        own_cities = {row["name"]} | ({a for a in aliases if city_owner.get(a) == row["id"]})
        row["aliases"] = sorted(
            a for a in aliases if a != row["name"] and usable_alias(a, countries, cities - own_cities, prominent)
        )
        for a in row["aliases"]:
            owners[a].add(int(row["id"]))  # type: ignore[call-overload]

    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "clubs.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "country", "league", "league_id", "in_league_2025", "prominence", "aliases"])
        for row in sorted(rows, key=lambda r: int(r["id"])):  # type: ignore[call-overload]
            w.writerow(
                [
                    row["id"],
                    row["name"],
                    row["country"],
                    row["league"],
                    row["league_id"],
                    int(bool(row["in_league_2025"])),
                    row["prominence"],
                    "|".join(row["aliases"]),
                ]
            )  # type: ignore[arg-type]

    keep = [
        "player_id",
        "name",
        "first_name",
        "last_name",
        "date_of_birth",
        "country_of_citizenship",
        "position_code",
        "foot",
        "current_club_id",
        "last_season",
        "contract_expiration_date",
        "market_value_in_eur",
        "highest_market_value_in_eur",
    ]
    with open(OUT / "players.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(keep)
        for p in players:
            w.writerow([p[k] for k in keep])
    moves = sorted(
        _rows(data / "transfermarkt-transfers" / "transfers.csv"),
        key=lambda m: (int(m["player_id"]), m["transfer_date"], m["from_club_id"], m["to_club_id"]),
    )
    move_columns = ["player_id", "transfer_date", "from_club_id", "to_club_id", "transfer_fee"]
    with open(OUT / "transfers.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(move_columns)
        for m in moves:
            w.writerow([m[k] for k in move_columns])
    print(f"{len(rows)} clubs, {len(players)} players, {len(moves)} transfers -> {OUT}")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data")
