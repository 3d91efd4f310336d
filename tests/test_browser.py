"""The built sample site in real Chromium.

No request to another host, readable on a phone, usable without JavaScript and by keyboard.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest

playwright = pytest.importorskip("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PAGES = ["", "kurser/", "kurser/introduktion-til-bestyrelsesarbejdet/",
         "kurser/samarbejdet-mellem-bestyrelse-og-drift/", "emner/oekonomi/", "emner/", "ny-i-bestyrelsen/",
         "skraeddersyet/", "ideer/", "praktisk/", "om/",
         "vaerktoejskasse/videoer/dirigent-paa-afdelingsmoedet/"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(sample_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(sample_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is not installed: run 'make test', which installs Debian's chromium")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.mark.parametrize("path", PAGES)
def test_page_requests_only_its_own_host(browser, base_url: str, path: str) -> None:
    page = browser.new_page()
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    response = page.goto(base_url + path, wait_until="networkidle")
    assert response is not None and response.ok
    assert hosts == {urlsplit(base_url).netloc}
    page.close()


@pytest.mark.parametrize("path", PAGES)
def test_no_sideways_scrolling_on_a_phone(browser, base_url: str, path: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(base_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.close()


def test_sign_up_works_without_javascript(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "kurser/det-gode-bestyrelsesmoede/")
    button = page.get_by_role("link", name="Tilmeld dig – Det gode bestyrelsesmøde, lørdag 12. juni 2027")
    assert button.get_attribute("href").startswith("mailto:kursus@example.dk?subject=Tilmelding")
    assert page.get_by_text("Holdet er fuldt booket.").is_visible()
    context.close()


def test_sign_up_button_is_reached_with_the_keyboard(browser, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "kurser/introduktion-til-bestyrelsesarbejdet/")
    for _ in range(60):
        page.keyboard.press("Tab")
        name = page.evaluate("document.activeElement.textContent")
        if name.startswith("Tilmeld dig"):
            break
    else:
        pytest.fail("no sign-up button reached with Tab")
    page.close()
