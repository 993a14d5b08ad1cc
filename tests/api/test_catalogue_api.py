"""GET /players/{id}, /clubs/{id}, /articles/{id}, squads, fit, rules and the OpenAPI document."""


def _player_id(client, name):
    return client.get("/sagas", params={"player": name}).json()["items"][0]["player"]["id"]


def test_player_shows_his_sagas_and_knowledge_base_facts(client):
    player = client.get(f"/players/{_player_id(client, 'Mason Mount')}").json()
    assert player["name"] == "Mason Mount"
    assert player["position"]
    assert {s["to_club"]["name"] for s in player["sagas"]} == {"Manchester United", "Liverpool"}


def test_club_shows_incoming_and_outgoing_sagas(client):
    chelsea = client.get("/clubs/Chelsea").json()
    assert {s["player"]["name"] for s in chelsea["incoming"]} == {"Moisés Caicedo", "Josko Gvardiol"}
    assert {s["player"]["name"] for s in chelsea["outgoing"]} == {"Mason Mount", "Kai Havertz"}
    assert client.get(f"/clubs/{chelsea['id']}").json() == chelsea


def test_article_shows_its_text_and_claims(client):
    article = client.get("/articles/n00").json()
    assert article["outlet"] == "Sky Sports News"
    assert [(c["player"], c["to_club"], c["stage"]) for c in article["claims"]] == [
        ("Declan Rice", "Arsenal", "agreed")
    ]


def test_squad_needs_and_picture_of_a_club(client):
    squad = client.get("/clubs/Arsenal/squad", params={"as_of": "2026-07-01"}).json()
    assert squad["club"] == "Arsenal" and squad["best_xi"]
    needs = client.get("/clubs/Arsenal/needs", params={"as_of": "2026-07-01"})
    assert needs.status_code == 200 and isinstance(needs.json(), list)
    picture = client.get("/clubs/Arsenal/xi.png", params={"as_of": "2026-07-01"})
    assert picture.headers["content-type"] == "image/png"
    assert picture.content.startswith(b"\x89PNG")


def test_squad_of_a_club_by_its_stored_id(client):
    club_id = client.get("/clubs/Arsenal").json()["id"]
    squad = client.get(f"/clubs/{club_id}/squad", params={"as_of": "2026-07-01"}).json()
    assert squad["club"] == "Arsenal"


def test_fit_of_a_player_at_a_club(client):
    fit = client.get("/fit", params={"player": "Declan Rice", "club": "Liverpool", "as_of": "2026-07-01"}).json()
    assert fit["club"] == "Liverpool" and 0 <= fit["fit"] <= 1


def test_rules_check_answers_with_citations(client):
    answer = client.get(
        "/rules/check",
        params={
            "player": "Test Player",
            "to_club": "Real Madrid",
            "from_club": "Liverpool",
            "contract_expiry": "2025-06-30",
            "date": "2025-02-01",
        },
    ).json()
    assert answer["may_negotiate"] is True
    assert answer["rules"]


def test_openapi_document_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/sagas",
        "/sagas/{saga_id}",
        "/players/{player_id}",
        "/clubs/{club}",
        "/sources",
        "/feed",
        "/articles/{article_id}",
        "/articles",
        "/clubs/{club}/squad",
        "/clubs/{club}/needs",
        "/fit",
        "/clubs/{club}/xi.png",
        "/rules/check",
    } <= set(paths)
    assert client.get("/docs").status_code == 200
