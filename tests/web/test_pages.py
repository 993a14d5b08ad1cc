"""The dashboard's pages over the samples' store, read as HTML: the policy they carry, the
errors they give a browser and an API client, the forms' checks, and the player's shares."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from fastapi.testclient import TestClient

from mercato.kb import load_kb
from mercato.pipeline import ingest_paths
from mercato.settings import Settings
from mercato.store import open_store
from mercato.store.saga_queries import SagaFilter, find_sagas, player_by_id
from mercato.web import create_site
from mercato.web.render import PAGE_CSP
from tests.corpus import ROOT

BROWSER = {"accept": "text/html,application/xhtml+xml"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('pages') / 'pages.db'}"
    store = open_store(url)
    suitors = tmp_path_factory.mktemp("suitors") / "suitors.txt"
    suitors.write_text(
        "date 2025-08-20\nBayern Munich and Paris Saint-Germain both want Florian Wirtz.\n\n"
        "Bayern Munich have opened talks with Bayer Leverkusen over Florian Wirtz, and Paris "
        "Saint-Germain have made an approach for Florian Wirtz too.\n"
    )
    ingest_paths([ROOT / "samples" / "articles", suitors], store, load_kb(), workers=1)
    store.close()
    app = create_site(Settings(db=url))
    with TestClient(app) as client:
        yield client, app.state.store
    app.state.store.close()


@pytest.mark.parametrize("path", ["/", "/browse", "/outlets", "/rules", "/search?q=isak"])
def test_every_page_is_html_under_the_pages_policy(site, path):
    response = site[0].get(path, headers=BROWSER)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == PAGE_CSP
    assert "script-src" not in PAGE_CSP and "default-src 'none'" in PAGE_CSP  # no script may run
    assert "<script" not in response.text


def test_a_browser_gets_a_page_for_a_missing_saga_and_an_api_client_json(site):
    client = site[0]
    page = client.get("/saga/99999", headers=BROWSER)
    assert page.status_code == 404 and "no saga 99999" in page.text
    api = client.get("/sagas/99999")
    assert api.status_code == 404 and api.json()["error"]["message"].startswith("no saga 99999")
    assert client.get("/browse?offset=-1", headers=BROWSER).status_code == 422


@pytest.mark.parametrize(
    "query, message",
    [
        ("min_likelihood=2", "min_likelihood: &#39;2&#39; is not a likelihood"),
        ("since=yesterday", "since: &#39;yesterday&#39; is not a day"),
        ("stage=rumoured", "stage: &#39;rumoured&#39; is not one of"),
        ("club=Nowhere+Rovers", "unknown club &#39;Nowhere Rovers&#39;"),
    ],
)
def test_a_bad_filter_is_named_on_the_page(site, query, message):
    response = site[0].get(f"/browse?{query}", headers=BROWSER)
    assert response.status_code in (404, 422) and message in response.text


def test_blank_fields_of_the_sagas_form_are_no_filter(site):
    blank = site[0].get("/browse?club=&player=&stage=&min_likelihood=&since=&direction=both&sort=stage")
    assert blank.status_code == 200
    assert re.search(r"<p>(\d+) sagas", blank.text).group(1) == re.search(
        r"<p>(\d+) sagas", site[0].get("/browse").text
    ).group(1)


def test_a_players_open_destinations_share_at_most_one(site):
    client, store = site
    _, open_sagas = find_sagas(store, SagaFilter(limit=500, open_only=True))
    player = Counter(s.player.id for s in open_sagas).most_common(1)[0][0]  # the most suitors
    page = client.get(f"/player/{player}").text
    shares = [int(n) for n in re.findall(r"</svg> (\d+)%</td>", page)]
    assert len(shares) == sum(s.player.id == player for s in open_sagas)
    assert sum(shares) <= 100 + len(shares)  # rounding aside
    assert player_by_id(store, player)[0].name in page
