"""The theme's own parts: the Danish 404 page (built, under a base path, in Chromium, in the preview) and the
feed link in every page's head, which must not make Material fetch sitemap.xml."""

from __future__ import annotations

import functools
import http.server
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REFERENCE_DATE, REPO, copy_project, run_build
from test_accessibility import AXE, violations
from test_editor_workflow import fetch, preview, wait_for

from catalogue.urls import is_poster_file

DEPARTMENT = yaml.safe_load((REPO / "config" / "department.yml").read_text(encoding="utf-8"))
BASE_PATH = "/kursus-site/"  # a project site on GitHub Pages: https://<owner>.github.io/kursus-site/


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Like GitHub Pages: the site under a path of its own, and 404.html (status 404) for a missing page."""

    mount = "/"

    def send_head(self):  # noqa: ANN201
        path = urlsplit(self.path).path
        if not path.startswith(self.mount):
            return self._not_found()
        self.path = "/" + self.path[len(self.mount):]
        target = Path(self.translate_path(self.path))
        if not (target.is_file() or (target.is_dir() and (target / "index.html").is_file())):
            return self._not_found()
        return super().send_head()

    def _not_found(self):  # noqa: ANN202
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def log_message(self, *args: object) -> None:
        pass


def serve(site: Path, mount: str) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = type("Handler", (_PagesHandler,), {"mount": mount})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{mount}"


@pytest.fixture(scope="module")
def pages_url(sample_site: Path) -> Iterator[str]:
    """The sample site as GitHub Pages serves it at the root of its host."""
    server, url = serve(sample_site, "/")
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def base_path_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site built for an address with a path (site_url https://example.github.io/kursus-site/)."""
    root = copy_project(tmp_path_factory.mktemp("basepath") / "projekt")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "site_url: https://kurser.example.dk/\n" in text
    config.write_text(text.replace("site_url: https://kurser.example.dk/\n",
                                   f"site_url: https://example.github.io{BASE_PATH}\n"), encoding="utf-8")
    result = run_build(root, "build", "--dato", REFERENCE_DATE)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def not_found_links(site: Path) -> tuple[BeautifulSoup, dict[str, str]]:
    soup = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article")
    return soup, {a.get_text(" ", strip=True): a["href"] for a in article.find_all("a")}


# ----------------------------------------------------------------------------- the 404 page, as built


def test_not_found_page_is_danish_and_offers_a_way_on(sample_site: Path) -> None:
    soup, links = not_found_links(sample_site)
    assert soup.html["lang"] == "da"
    assert soup.find("h1").get_text(strip=True) == "Siden findes ikke"
    assert soup.title.get_text(strip=True) == "Siden findes ikke – Kurser for beboerdemokrater"
    assert "not found" not in soup.get_text(" ").lower()
    assert "404" not in soup.find("article").get_text(" ")
    assert links["Forsiden"] == "/"
    assert links["Alle kurser"] == "/kurser/"
    assert links["Værktøjskassen"] == "/vaerktoejskasse/"
    assert links[DEPARTMENT["email"]] == f"mailto:{DEPARTMENT['email']}"
    assert links[DEPARTMENT["telefon"]] == "tel:" + DEPARTMENT["telefon"].replace(" ", "")
    assert DEPARTMENT["telefontid"] in soup.find("article").get_text(" ")
    form = soup.find("article").find("form", role="search")
    assert form["action"] == "/soeg/" and form.get("method", "get") == "get"
    field = form.find("input", attrs={"name": "q"})
    assert soup.find("label", attrs={"for": field["id"]}).get_text(strip=True)
    # Every address on the page is absolute: the page is served for a missing page at any depth.
    for element in soup.find_all(["a", "link", "script", "form"]):
        address = element.get("href") or element.get("src") or element.get("action")
        if address and not address.startswith(("#", "mailto:", "tel:")):
            assert address.startswith("/"), element


def test_not_found_page_links_under_the_base_path(base_path_site: Path) -> None:
    soup, links = not_found_links(base_path_site)
    assert links["Forsiden"] == BASE_PATH
    assert links["Alle kurser"] == BASE_PATH + "kurser/"
    assert links["Værktøjskassen"] == BASE_PATH + "vaerktoejskasse/"
    assert soup.find("article").find("form", role="search")["action"] == BASE_PATH + "soeg/"
    for element in soup.find_all(["a", "link", "script"]):
        address = element.get("href") or element.get("src")
        if address and address.startswith("/"):
            assert address.startswith(BASE_PATH), element


# ----------------------------------------------------------------------------- the 404 page, in Chromium


@pytest.mark.parametrize("missing", ["findes-ikke/", "kurser/et-kursus-der-er-slettet/", "a/b/c/d.html"])
def test_not_found_page_works_at_any_depth_under_a_base_path(browser, base_path_site: Path, missing: str) -> None:
    server, url = serve(base_path_site, BASE_PATH)
    try:
        page = browser.new_page(viewport={"width": 375, "height": 812})
        failed: list[str] = []
        page.on("response", lambda response: failed.append(response.url)
                if response.status >= 400 and response.url != url + missing else None)
        response = page.goto(url + missing, wait_until="networkidle")
        assert response.status == 404
        assert failed == []  # stylesheets, scripts and icons all found from this depth
        assert page.get_by_role("heading", level=1).inner_text() == "Siden findes ikke"
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        page.locator("article").get_by_role("link", name="Alle kurser", exact=True).click()
        page.wait_for_load_state()
        assert page.url == url + "kurser/"
        page.close()
    finally:
        server.shutdown()


def test_not_found_page_search_opens_the_search_page(browser, pages_url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 812})
    page.goto(pages_url + "kurser/gammelt-kursus/")
    field = page.get_by_label("Søg efter kurser, skabeloner og vejledninger")
    assert field.is_visible()  # on a phone the header's search field is hidden; this one is not
    field.fill("budget")
    field.press("Enter")
    page.wait_for_url("**/soeg/?q=budget")
    assert urlsplit(page.url).path == "/soeg/"
    page.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_not_found_page_has_no_wcag_violations(browser, pages_url: str, width: int) -> None:
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run 'make test', which runs 'npm ci'")
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(pages_url + "findes-ikke/")
    assert violations(page, AXE.read_text(encoding="utf-8")) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.close()


def test_preview_shows_the_danish_not_found_page(project: Path, tmp_path: Path) -> None:
    with preview(project, tmp_path / "serve.log") as port:
        wait_for(lambda: fetch(f"http://127.0.0.1:{port}/")[0] == 200, what="the preview to start")
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/kurser/findes-ikke/", timeout=5)
        assert missing.value.code == 404
        body = missing.value.read().decode("utf-8")
        soup = BeautifulSoup(body, "html.parser")
        assert soup.find("h1").get_text(strip=True) == "Siden findes ikke"
        assert soup.find("a", string="Alle kurser")["href"] == "/kurser/"


# ----------------------------------------------------------------------------- the feed link and sitemap.xml

PAGES = ["", "kurser/", "kurser/det-gode-bestyrelsesmoede/", "vaerktoejskasse/",
         "vaerktoejskasse/skabeloner/dagsorden-afdelingsmoede/", "emner/oekonomi/", "soeg/?q=budget",
         "findes-ikke/"]


@pytest.mark.parametrize("path", PAGES)
def test_page_fetches_no_sitemap_and_nothing_from_another_host(browser, pages_url: str, path: str) -> None:
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(pages_url + path, wait_until="networkidle")
    page.wait_for_timeout(300)  # Material's scripts look at the page's links after it has loaded
    assert requests, "no request recorded"
    assert [url for url in requests if "sitemap" in urlsplit(url).path] == []
    assert {urlsplit(url).netloc for url in requests} == {urlsplit(pages_url).netloc}
    page.close()


@pytest.mark.parametrize("path", ["index.html", "kurser/index.html", "kurser/det-gode-bestyrelsesmoede/index.html",
                                  "404.html"])
def test_feed_stays_discoverable(sample_site: Path, path: str) -> None:
    """rel is a token list: a feed reader (here BeautifulSoup, as feedfinder does) reads it as alternate."""
    soup = BeautifulSoup((sample_site / path).read_text(encoding="utf-8"), "html.parser")
    feeds = soup.head.find_all("link", rel="alternate", type="application/atom+xml")
    assert len(feeds) == 1
    base = "https://kurser.example.dk/" + ("" if path == "404.html" else path)
    assert urljoin(base, feeds[0]["href"]) == "https://kurser.example.dk/feed.xml"


def test_browser_reads_the_feed_link_as_alternate(browser, pages_url: str) -> None:
    page = browser.new_page()
    page.goto(pages_url + "kurser/")
    found = page.evaluate("""() => [...document.querySelectorAll('link')]
        .filter(link => link.relList.contains('alternate') && link.type === 'application/atom+xml')
        .map(link => link.href)""")
    assert found == [pages_url + "feed.xml"]
    assert page.evaluate("document.querySelectorAll('link[rel=alternate]').length") == 0  # what Material looks for
    page.close()


def test_scripts_come_after_the_styles_and_each_page_loads_only_its_own(sample_site: Path) -> None:
    """On slow 4G what draws the page comes first: the theme's scripts at the end of every page are asked for with low
    priority (Chromium fetches them after the styles), the region chooser's with high (it would otherwise come a
    round trip after them); the search script only on the search page, the toolkit's styles in kursus.css."""
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        name = path.relative_to(sample_site).as_posix()
        if name.startswith("admin/") or is_poster_file(name):  # not in the theme (tests/test_poster.py)
            continue
        scripts = {script["src"].rpartition("/")[2]: script for script in soup.find_all("script", src=True)}
        bundle = [script for src, script in scripts.items() if src.startswith("bundle.")]
        assert len(bundle) == 1 and bundle[0].get("fetchpriority") == "low", name
        assert scripts["kursus.js"].get("fetchpriority") == "low", name
        if "hvorbordu.js" in scripts:
            assert scripts["hvorbordu.js"].get("fetchpriority") == "high" and scripts["hvorbordu.js"].has_attr("defer")
        assert ("soeg.js" in scripts) == (name == "soeg/index.html"), name
        styles = [link["href"].rpartition("/")[2] for link in soup.find_all("link", rel="stylesheet")]
        assert "vaerktoejskasse.css" not in styles and "kursus.css" in styles, name
