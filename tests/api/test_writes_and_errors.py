"""POST /articles behind the bearer token, and the one JSON shape of every error."""

import pytest
from fastapi.testclient import TestClient

from mercato.api import create_app
from mercato.settings import Settings
from tests.api.conftest import TOKEN

ARTICLE = {
    "text": "Arsenal have signed Declan Rice from West Ham for £105m.",
    "published": "2023-07-15",
    "outlet": "BBC Sport",
    "id": "rice-done",
}
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_posting_an_article_stores_its_claims_and_updates_the_sagas(fresh_client):
    response = fresh_client.post("/articles", json=ARTICLE, headers=AUTH)
    assert response.status_code == 201
    assert response.json() == {"id": "rice-done", "stored": "new", "claims": 1, "renewals": 0}
    [saga] = fresh_client.get("/sagas", params={"player": "Rice"}).json()["items"]
    assert (saga["to_club"]["name"], saga["stage"], saga["likelihood"]) == ("Arsenal", "completed", 1.0)


def test_posting_the_same_text_again_changes_nothing(fresh_client):
    fresh_client.post("/articles", json=ARTICLE, headers=AUTH)
    again = fresh_client.post("/articles", json=ARTICLE, headers=AUTH)
    assert again.status_code == 200 and again.json()["stored"] == "duplicate"
    assert fresh_client.get("/sagas").json()["total"] == 1


def test_posting_without_a_token_is_refused(fresh_client):
    response = fresh_client.post("/articles", json=ARTICLE)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_posting_with_a_wrong_token_is_refused(fresh_client):
    response = fresh_client.post("/articles", json=ARTICLE, headers={"Authorization": "Bearer nope"})
    assert response.status_code == 401
    assert "wrong bearer token" in response.json()["error"]["message"]


def test_writes_are_disabled_when_the_operator_sets_no_token(tmp_path):
    app = create_app(Settings(db=f"sqlite:///{tmp_path / 'n.db'}", api_token=None))
    with TestClient(app) as client:
        response = client.post("/articles", json=ARTICLE, headers=AUTH)
    app.state.store.close()
    assert response.status_code == 403
    assert "MERCATO_API_TOKEN" in response.json()["error"]["message"]


def test_an_id_taken_by_another_text_is_a_conflict(fresh_client):
    fresh_client.post("/articles", json=ARTICLE, headers=AUTH)
    other = {**ARTICLE, "text": "Chelsea have signed Mason Mount."}
    assert fresh_client.post("/articles", json=other, headers=AUTH).status_code == 409


@pytest.mark.parametrize(
    "method, path, kwargs, status",
    [
        ("get", "/sagas/999999", {}, 404),
        ("get", "/sagas/not-a-number", {}, 404),  # a saga id is a number: no such path
        ("get", "/sagas?since=0", {}, 422),  # a day is YYYY-MM-DD, not seconds since 1970
        ("get", "/clubs/%C2%B2/squad", {}, 404),  # "²" is no id
        ("post", "/articles", {"content": b"{not json", "headers": {**AUTH, "content-type": "application/json"}}, 422),
        (
            "post",
            "/articles",
            {"content": b'{"text": "\xff"}', "headers": {**AUTH, "content-type": "application/json"}},
            400,
        ),
        ("get", "/sagas?limit=0", {}, 422),
        ("get", "/sagas?stage=rumoured", {}, 422),
        ("get", "/players/999999", {}, 404),
        ("get", "/clubs/999999", {}, 404),
        ("get", "/articles/nope", {}, 404),
        ("get", "/clubs/Nowhere%20Rovers/squad", {}, 404),
        ("get", "/fit?player=Nobody%20Atall&club=Arsenal", {}, 404),
        ("get", "/rules/check?to_club=Real%20Madrid&date=yesterday", {}, 422),
        ("get", "/no/such/endpoint", {}, 404),
        ("post", "/articles", {"json": {"text": ""}, "headers": AUTH}, 422),
        ("post", "/articles", {"json": ARTICLE}, 401),
        ("delete", "/sagas", {}, 405),
    ],
)
def test_every_error_has_one_json_shape(client, method, path, kwargs, status):
    response = getattr(client, method)(path, **kwargs)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


def test_a_posted_injury_report_makes_the_player_unavailable_in_the_squad(fresh_client):
    injury = {
        "text": "Real Madrid defender Dani Carvajal has been ruled out for the rest of the season with an ACL injury.",
        "published": "2026-07-01",
        "outlet": "Test Wire",
        "id": "carvajal-acl",
    }
    before = fresh_client.get("/clubs/Real Madrid/squad", params={"as_of": "2026-06-30"}).json()
    assert fresh_client.post("/articles", json=injury, headers=AUTH).status_code == 201
    after = fresh_client.get("/clubs/Real Madrid/squad", params={"as_of": "2026-07-02"}).json()

    def carvajal(squad: dict) -> dict:
        return next(p for rows in squad["depth_chart"].values() for p in rows if "Carvajal" in p["player"])

    assert carvajal(before)["available"] is True
    assert carvajal(after)["available"] is False


def test_corrections_through_the_api_need_the_token_and_change_the_sagas(fresh_client):
    fresh_client.post("/articles", json=ARTICLE, headers=AUTH)
    [saga] = fresh_client.get("/sagas", params={"player": "Rice"}).json()["items"]
    [entry] = fresh_client.get(f"/sagas/{saga['id']}").json()["timeline"]
    body = {"reason": "the fee was for another player", "by": "desk", "stage": "agreed"}
    assert fresh_client.post(f"/claims/{entry['claim_id']}/fix", json=body).status_code == 401
    fixed = fresh_client.post(f"/claims/{entry['claim_id']}/fix", json=body, headers=AUTH)
    assert fixed.status_code == 201 and fixed.json()["says"].startswith("fixed stage to agreed by desk")
    [after] = fresh_client.get("/sagas", params={"player": "Rice"}).json()["items"]
    assert after["stage"] == "agreed" and after["likelihood"] < 1
    [entry] = fresh_client.get(f"/sagas/{saga['id']}").json()["timeline"]
    assert entry["corrections"] == [fixed.json()["says"]]
    rejected = fresh_client.post(f"/claims/{entry['claim_id']}/reject", json={"reason": "not news"}, headers=AUTH)
    assert rejected.status_code == 201 and fresh_client.get("/sagas").json()["total"] == 0
    assert [c["kind"] for c in fresh_client.get("/corrections").json()] == ["fix", "reject"]


def test_a_bad_correction_is_a_clear_error(fresh_client):
    fresh_client.post("/articles", json=ARTICLE, headers=AUTH)
    missing = fresh_client.post("/claims/99999/reject", json={"reason": "x"}, headers=AUTH)
    assert missing.status_code == 404 and "unknown claim '99999'" in missing.json()["error"]["message"]
    bad = fresh_client.post("/claims/1/fix", json={"reason": "x", "stage": "rumoured"}, headers=AUTH)
    assert bad.status_code == 422 and "stage 'rumoured'" in bad.json()["error"]["message"]


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"text": "   \n\t  "}, "no article text"),
        ({"text": "Arsenal have signed\x00 Declan Rice."}, "NUL characters"),
        ({"id": "../../etc/passwd"}, "id"),
        ({"published": "0001-01-01"}, "published"),
    ],
)
def test_posting_applies_the_checks_ingest_applies(fresh_client, changes, message):
    response = fresh_client.post("/articles", json={**ARTICLE, **changes}, headers=AUTH)
    assert response.status_code == 422 and message in response.text
    assert fresh_client.get("/sagas").json()["total"] == 0  # nothing stored


def test_an_article_past_the_time_budget_is_refused_and_not_stored(tmp_path):
    app = create_app(Settings(db=f"sqlite:///{tmp_path / 'b.db'}", api_token=TOKEN, extract_budget_s=1e-6))
    with TestClient(app) as client:
        response = client.post("/articles", json=ARTICLE, headers=AUTH)
        assert response.status_code == 422
        assert response.json()["error"]["message"].startswith("text: extraction ran past its budget of 1e-06 s")
        assert client.get("/sagas").json()["total"] == 0
    app.state.store.close()


def test_an_article_too_long_to_read_is_refused_by_ingest_with_one_line(tmp_path):
    from typer.testing import CliRunner

    from mercato import cli
    from mercato.ingest import MAX_ARTICLE_CHARS

    (tmp_path / "huge.txt").write_text("Arsenal want Declan Rice. " * (MAX_ARTICLE_CHARS // 26 + 10))
    (tmp_path / "fine.txt").write_text("Arsenal have signed Declan Rice from West Ham.")
    result = CliRunner().invoke(
        cli.app, ["ingest", str(tmp_path)], env={"MERCATO_DB": f"sqlite:///{tmp_path / 'x.db'}"}
    )
    assert result.exit_code == 1
    assert "huge.txt: its text is 1,000,2" in result.output and "more than the 1,000,000" in result.output
    assert "1 new" in result.output


@pytest.mark.parametrize(
    "path, parameter",
    [
        ("/sagas/99999999999999999999999999", "saga_id"),
        ("/sagas?offset=99999999999999999999", "offset"),
        ("/sagas?player=" + "x" * 60_000, "player"),
        ("/clubs/" + "x" * 60_000, "club"),
        ("/clubs/Arsenal/squad?as_of=0001-01-01", "as_of"),
        ("/feed?since=0001-01-01", "since"),
        ("/players/0", "player_id"),
    ],
)
def test_a_parameter_out_of_bounds_is_a_422_naming_it(client, path, parameter):
    response = client.get(path)
    assert response.status_code == 422 and parameter in response.json()["error"]["message"]


def test_every_response_carries_the_security_headers(client):
    for path in ("/sagas", "/sagas/99999", "/openapi.json"):
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in headers["content-security-policy"]


def test_a_declared_body_over_the_cap_is_a_413_before_the_token(client):
    response = client.post("/articles", content=b"{}", headers={"Content-Length": str(10**9)})
    assert response.status_code == 413 and "larger than" in response.json()["error"]["message"]
