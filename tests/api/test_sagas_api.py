"""GET /sagas, /sagas/{id}, /feed and /sources."""


def _ids(page):
    return [(item["player"]["name"], item["to_club"]["name"]) for item in page["items"]]


def test_sagas_filter_by_player_name(client):
    page = client.get("/sagas", params={"player": "Kane"}).json()
    assert page["total"] == 2
    assert set(_ids(page)) == {("Harry Kane", "Bayern Munich"), ("Harry Kane", "Manchester United")}


def test_sagas_filter_by_player_id_gives_the_same_sagas(client):
    by_name = client.get("/sagas", params={"player": "Harry Kane"}).json()
    player_id = by_name["items"][0]["player"]["id"]
    assert client.get("/sagas", params={"player": player_id}).json() == by_name


def test_sagas_come_most_likely_first_with_likelihoods_in_range(client):
    items = client.get("/sagas").json()["items"]
    values = [item["likelihood"] for item in items]
    assert values == sorted(values, reverse=True)
    assert all(0 <= v <= 1 for v in values)


def test_sagas_filter_by_club_stage_likelihood_and_since(client):
    assert client.get("/sagas", params={"club": "Liverpool"}).json()["total"] == 3
    assert _ids(client.get("/sagas", params={"stage": "completed"}).json()) == [("Moisés Caicedo", "Chelsea")]
    likely = client.get("/sagas", params={"min_likelihood": 0.6}).json()["items"]
    assert likely and all(item["likelihood"] >= 0.6 for item in likely)
    recent = client.get("/sagas", params={"since": "2023-07-20"}).json()["items"]
    assert {item["last_seen"] for item in recent} <= {"2023-07-20", "2023-07-25", "2023-08-11", "2023-08-14"}


def test_sagas_page(client):
    first = client.get("/sagas", params={"limit": 5}).json()
    second = client.get("/sagas", params={"limit": 5, "offset": 5}).json()
    assert first["total"] == second["total"] == 14
    assert len(first["items"]) == 5
    assert not set(_ids(first)) & set(_ids(second))


def test_a_player_closed_by_a_move_elsewhere_shows_off_with_the_reason(client):
    [liverpool] = [
        i
        for i in client.get("/sagas", params={"player": "Caicedo"}).json()["items"]
        if i["to_club"]["name"] == "Liverpool"
    ]
    assert liverpool["stage"] == "off"
    assert liverpool["reason"] == "completed a move to Chelsea on 2023-08-14"
    assert liverpool["likelihood"] == 0


def test_saga_detail_has_the_timeline_and_the_factors(client):
    saga_id = client.get("/sagas", params={"player": "Declan Rice", "club": "Arsenal"}).json()["items"][0]["id"]
    detail = client.get(f"/sagas/{saga_id}").json()
    assert detail["saga"]["stage"] == "agreed"
    [entry] = detail["timeline"]
    assert entry["outlet"] == "Sky Sports News"
    assert entry["article"] == f"/articles/{entry['article_id']}"
    assert entry["url"].startswith("https://example.org/")
    assert entry["sentence"].startswith("Declan Rice and Arsenal")
    assert [f["name"] for f in detail["factors"]][:2] == ["base rate", "stage"]


def test_feed_lists_stage_changes_since_a_day(client):
    feed = client.get("/feed", params={"since": "2023-08-01"}).json()
    assert [(i["player"], i["to_club"], i["change"]) for i in feed["items"]] == [
        ("Moisés Caicedo", "Liverpool", "new"),
        ("Moisés Caicedo", "Chelsea", "completed"),
        ("Moisés Caicedo", "Liverpool", "off"),
    ]


def test_sources_list_track_records(client):
    sources = {s["name"]: s for s in client.get("/sources").json()}
    bbc = sources["BBC Sport"]
    # Caicedo to Liverpool agreed: a prediction that died; his Chelsea move reported done: no prediction
    assert (bbc["claims"], bbc["hits"], bbc["misses"], bbc["scored"], bbc["ranked"]) == (2, 0, 1, 1, False)
    assert bbc["low"] < bbc["reliability"] < bbc["high"]


def test_a_sagas_timeline_is_paged(client):
    saga_id = client.get("/sagas", params={"player": "Caicedo"}).json()["items"][0]["id"]
    whole = client.get(f"/sagas/{saga_id}").json()
    page = client.get(f"/sagas/{saga_id}", params={"limit": 1, "offset": 1}).json()
    assert whole["timeline_total"] == len(whole["timeline"]) == page["timeline_total"]
    assert page["timeline"] == whole["timeline"][1:2] and (page["limit"], page["offset"]) == (1, 1)
    assert client.get(f"/sagas/{saga_id}", params={"limit": 100_000}).status_code == 422
