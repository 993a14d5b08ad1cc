"""The dashboard driven in headless Chromium against a real `mercato serve` on loopback, over
a store built from real articles (the dev articles where they sit beside the repository, else
the samples) and one hostile article. A screenshot of each page goes to the test's folder."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from mercato.kb import load_kb
from mercato.pipeline import ingest_paths
from mercato.store import open_store
from mercato.store.saga_queries import SagaFilter, find_sagas

ROOT = Path(__file__).resolve().parents[2]
DEV_ARTICLES = ROOT.parent / "shared" / "data" / "dev-articles"
CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER), reason="Chromium and ChromeDriver are missing: `make test` installs them"
)

# An article whose every field tries to run a script: none of it may run.
HOSTILE = {
    "id": "hostile",
    "url": "javascript:window.__mercato_pwned='url'",
    "outlet": "<img src=x onerror=\"window.__mercato_pwned='outlet'\">",
    "published": "2025-09-01",
    "title": "<script>window.__mercato_pwned='title'</script>Arsenal close in",
    "text": "Arsenal have agreed a fee with West Ham United for Declan Rice"
    "<script>window.__mercato_pwned='text'</script>, the club said. "
    "<img src=x onerror=\"window.__mercato_pwned='img'\"> He is set for a medical.",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A real server over a store of real articles and the hostile one; its base URL."""
    folder = tmp_path_factory.mktemp("site")
    db = folder / "site.db"
    (folder / "hostile").mkdir()
    (folder / "hostile" / "hostile.json").write_text(json.dumps(HOSTILE))
    articles = DEV_ARTICLES if DEV_ARTICLES.is_dir() else ROOT / "samples" / "articles"
    store = open_store(f"sqlite:///{db}")
    ingest_paths([articles, folder / "hostile"], store, load_kb(), workers=2)
    store.close()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-c", "from mercato.cli import app; app()", "serve", "--port", str(port)],
        env={**os.environ, "MERCATO_DB": f"sqlite:///{db}"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/static/style.css", timeout=2).close()
            break
        except OSError:
            assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.3)
    yield base, db
    server.terminate()
    server.wait(timeout=15)


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def busiest(site):
    """The open saga with the most independent reports in the store (whatever the articles)."""
    store = open_store(f"sqlite:///{site[1]}")
    _, sagas = find_sagas(store, SagaFilter(limit=500, open_only=True))
    store.close()
    return max(sagas, key=lambda s: (s.independent, s.claims, -s.id))


def _open(browser, url, shots: Path, name: str):
    browser.get(url)
    browser.save_screenshot(str(shots / f"{name}.png"))
    assert not browser.execute_script("return window.__mercato_pwned || null")
    return browser


def _texts(browser, css: str) -> list[str]:
    return [element.text for element in browser.find_elements(By.CSS_SELECTOR, css)]


def _every_field_is_labelled(browser) -> None:
    for field in browser.find_elements(By.CSS_SELECTOR, "input:not([type=hidden]), select"):
        ident = field.get_attribute("id")
        assert ident and browser.find_elements(By.CSS_SELECTOR, f"label[for='{ident}']"), field.get_attribute("name")


def test_home_shows_what_moved_and_the_hottest_sagas(site, browser, tmp_path):
    _open(browser, site[0] + "/", tmp_path, "home")
    assert browser.find_element(By.TAG_NAME, "h1").text == "What moved"
    assert _texts(browser, "h2") == ["Today", "Earlier this week", "Hottest open sagas"]
    assert browser.find_elements(By.CSS_SELECTOR, "a[href^='/saga/']")
    _every_field_is_labelled(browser)


def test_searching_a_player_finds_him_and_his_sagas(site, browser, busiest, tmp_path):
    _open(browser, site[0] + "/", tmp_path, "before-search")
    box = browser.find_element(By.ID, "search-q")
    box.send_keys(busiest.player.name)
    box.submit()
    browser.save_screenshot(str(tmp_path / "search.png"))
    assert "/search?q=" in browser.current_url
    assert busiest.player.name in _texts(browser, "h3 a")


def test_filtering_sagas_by_club_keeps_only_that_clubs_moves(site, browser, busiest, tmp_path):
    _open(browser, site[0] + "/browse", tmp_path, "sagas")
    field = browser.find_element(By.ID, "f-club")
    field.send_keys(busiest.to_club.name)
    field.submit()
    browser.save_screenshot(str(tmp_path / "sagas-by-club.png"))
    rows = browser.find_elements(By.CSS_SELECTOR, "main tbody tr")
    assert rows
    for row in rows:
        cells = [cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
        assert busiest.to_club.name in (cells[1], cells[2])
    _every_field_is_labelled(browser)


def test_a_saga_page_shows_its_timeline_chart_and_evidence(site, browser, busiest, tmp_path):
    _open(browser, f"{site[0]}/saga/{busiest.id}", tmp_path, "saga")
    marks = browser.find_elements(By.CSS_SELECTOR, "svg.chart a.mark circle")
    claims = browser.find_elements(By.CSS_SELECTOR, "ol.claims > li")
    assert marks and len(claims) >= len(marks)
    tip = browser.find_element(By.CSS_SELECTOR, "svg.chart a.mark title").get_attribute("textContent")
    assert any(quote.text in tip for quote in browser.find_elements(By.CSS_SELECTOR, "ol.claims blockquote"))
    assert _texts(browser, "main h2")[:3] == ["Why this likelihood", "Timeline", "Every claim"]
    assert browser.find_elements(By.CSS_SELECTOR, "ol.claims a[href^='/article/']")


def test_the_club_page_shows_the_pitch(site, browser, busiest, tmp_path):
    _open(browser, f"{site[0]}/club/{busiest.to_club.id}", tmp_path, "club")
    pitch = browser.find_element(By.CSS_SELECTOR, "img.pitch")
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", pitch) > 0
    assert "Needs" in _texts(browser, "main h2")


def test_a_rules_check_answers_with_citations(site, browser, tmp_path):
    _open(browser, site[0] + "/rules", tmp_path, "rules-form")
    for ident, value in (
        ("r-player", "Declan Rice"),
        ("r-from", "West Ham United"),
        ("r-to", "Arsenal"),
        ("r-expiry", "06/30/2024"),
        ("r-date", "06/20/2023"),
    ):
        browser.find_element(By.ID, ident).send_keys(value)
    browser.find_element(By.CSS_SELECTOR, "form.filters button").click()
    browser.save_screenshot(str(tmp_path / "rules.png"))
    assert "to_club=Arsenal" in browser.current_url
    assert "May Arsenal negotiate with Declan Rice now?" in _texts(browser, "dl.answers dt")
    assert browser.find_elements(By.CSS_SELECTOR, "ul.citations li")


def test_a_hostile_article_runs_none_of_its_scripts(site, browser, tmp_path):
    _open(browser, site[0] + "/article/hostile", tmp_path, "hostile-article")
    heading = browser.find_element(By.TAG_NAME, "h1").text
    assert heading.startswith("<script>")  # shown as text, not run
    assert not browser.find_elements(By.CSS_SELECTOR, "main script, [onerror]")
    assert not browser.find_elements(By.CSS_SELECTOR, "a[href^='javascript:']")
    assert browser.find_elements(By.CSS_SELECTOR, ".article mark")  # its claim is still marked
    _open(browser, site[0] + "/browse?player=Declan+Rice", tmp_path, "hostile-in-list")
    _open(browser, site[0] + "/", tmp_path, "hostile-home")


def test_pages_fit_a_phone(site, browser, busiest, tmp_path):
    browser.set_window_size(375, 800)
    try:
        for name, path in (("phone-home", "/"), ("phone-saga", f"/saga/{busiest.id}"), ("phone-rules", "/rules")):
            _open(browser, site[0] + path, tmp_path, name)
            width = browser.execute_script("return document.documentElement.scrollWidth")
            viewport = browser.execute_script("return window.innerWidth")
            assert width <= viewport, f"{path} is {width} px wide on a {viewport} px screen"
    finally:
        browser.set_window_size(1280, 1000)
