"""Editors' files are untrusted: what they write is published as text, and nothing outside the project is published.

A course and a toolkit page whose every free-text field carries a script-injection payload are built with the
real build.py and read back in Chromium and as files (calendars, feed, HTML). Symlinks and folders planted where
editors' files go must stop the build before anything from outside the project reaches site/.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import json
import os
import re
import shutil
import textwrap
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import urlsplit
from xml.etree import ElementTree

import icalendar
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REFERENCE_DATE, Result, copy_project, run_build

ATOM = "{http://www.w3.org/2005/Atom}"

# ----------------------------------------------------------------------------- payloads

PWNED = "window.__pwned=1"
# One line each: for the fields that are plain text (titles, intros, venues, notes).
TITLE_BREAK = f"Angreb </title><script>{PWNED}</script>"
COMMENT = "<!--<script>"
ATTRIBUTE = f'"><img src=x onerror="{PWNED}">'
SVG = f"<svg onload={PWNED}>"
QUOTES = f"'\"><script>{PWNED}</script>"
TEMPLATE = "{{ 7*7 }}"
CDATA = f"]]></script><script>{PWNED}</script>"
PAYLOADS = [TITLE_BREAK, COMMENT, ATTRIBUTE, SVG, QUOTES, TEMPLATE, CDATA]
# The notes of a session's meetings (FORMAT.md §1, 'mødegange'): on the page, in the calendar and in JSON-LD
MEETING_NOTES = [f"Modul 1 {QUOTES}", f"Modul 2 {CDATA} {TEMPLATE}"]
# A cancelled session shows its note (issue 30): why, and where to go instead
CANCELLED_NOTE = f"Aflyst {SVG} {TEMPLATE}"

# Each on its own lines of a Markdown body (course `beskrivelse`, the toolkit page's text).
SCRIPT = f"<script>{PWNED}</script>"
MARKDOWN_PAYLOADS = [
    SCRIPT,
    f'<img src=x onerror="{PWNED}">',
    f"[Klik](javascript:{PWNED})",
    f'<a href="javascript:{PWNED}">link</a>',
    f'<iframe src="javascript:{PWNED}"></iframe>',
    "<style>body{display:none}</style>",
    "[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)",
    f'Et afsnit, som nogen har givet en egenskab.\n{{: onclick="{PWNED}" }}',
    f'<div onmouseover="{PWNED}" markdown="1">tekst</div>',
    "<!--kursus-html-0-->",
    f'<object data="javascript:{PWNED}"></object>',
    # Material reads its configuration from the first #__config; an image at '//host' is on another host.
    '<p id="__config">{"base": "https://evil.example/", "version": {"provider": "mike"}}</p>',
    '<img src="//evil.example/spor.png" alt="spor"> <img src="/\\evil.example/spor2.png" alt="spor">',
]
SAFE_LINK = "https://www.example.dk/sikkerhed"
# Allowed Markdown before and after the payloads: none of them may swallow what follows.
BODY = "\n\n".join([
    "## Om kurset",
    "Vi gennemgår, hvad der kan gå galt, når en tekst kommer udefra.",
    *MARKDOWN_PAYLOADS,
    "- første punkt\n- andet punkt",
    "| Tid | Indhold |\n|---|---|\n| 9.30 | Velkomst |",
    f"Læs mere hos [Eksempel]({SAFE_LINK}).",
    '!!! note "Bemærk"\n    Husk at medbringe madpakke.',
]) + "\n"

# ----------------------------------------------------------------------------- the hostile course and page

COURSE_FILE = "courses/angreb.yml"
COURSE_URL = "kurser/angreb/"
TOPIC = "oekonomi"  # the course's first topic
TOOLKIT_FILE = "content/vaerktoejskasse/vejledninger/angreb.md"
TOOLKIT_URL = "vaerktoejskasse/vejledninger/angreb/"

# Every payload lands in a title, in an intro and in a venue field; titles stay within 3–120 characters.
COURSE_TITLE = f"{TITLE_BREAK} {CDATA} {COMMENT} {TEMPLATE}"
COURSE_INTRO = " ".join(PAYLOADS)
TOOLKIT_TITLE = f"Angreb {ATTRIBUTE} {SVG} {QUOTES}"
TOOLKIT_INTRO = " ".join(reversed(PAYLOADS))
VENUE = {"navn": f"{TITLE_BREAK} {COMMENT}", "adresse": f"{ATTRIBUTE} {SVG}", "postnr": "2500",
         "by": f"{QUOTES} {TEMPLATE} {CDATA}"}


def _text(value: str) -> str:
    """A YAML scalar for any text: JSON's double-quoted strings are valid YAML."""
    return json.dumps(value, ensure_ascii=False)


COURSE_YAML = f"""\
titel: {_text(COURSE_TITLE)}
intro: {_text(COURSE_INTRO)}
beskrivelse: |
{textwrap.indent(BODY, "  ")}\
emner: [{TOPIC}, bestyrelsesarbejde]
niveau: [ny]
form: fysisk
målgruppe: [afdelingsbestyrelse]
varighed: {_text(ATTRIBUTE)}
pris: 500
pris_note: {_text(SVG)}
forplejning: {_text(QUOTES)}
undervisere:
  - navn: {_text(f"Anne {COMMENT}")}
    rolle: {_text(f"Underviser {CDATA}")}
  - navn: {_text(TITLE_BREAK)}
    rolle: {_text(TEMPLATE)}
kendetegn: [gruppearbejde]
materialer: [{TOOLKIT_FILE.removeprefix("content/")}]
kontakt: kursus@example.dk
hold:
  - start: 2027-01-22 09:30
    slut: 2027-01-22 15:30
    sted: {{navn: {_text(VENUE["navn"])}, adresse: {_text(VENUE["adresse"])}, postnr: "2500", by: {_text(VENUE["by"])}}}
    region: hovedstaden
    tilmeldingsfrist: 2027-01-20
    tilmelding: mailto:kursus@example.dk
    pladser: 20
    note: {_text(f"{COMMENT} {ATTRIBUTE} {SVG}")}
  - mødegange:
      - {{start: 2027-02-02 18:00, slut: 2027-02-02 21:00, note: {_text(MEETING_NOTES[0])}}}
      - {{start: 2027-02-09 18:00, slut: 2027-02-09 21:00, note: {_text(MEETING_NOTES[1])}}}
    form: online
    tilmeldingsfrist: 2027-01-26
    tilmelding: mailto:kursus@example.dk
  - start: 2027-03-02 18:00
    slut: 2027-03-02 21:00
    form: online
    tilmeldingsfrist: 2027-02-20
    tilmelding: mailto:kursus@example.dk
    status: aflyst
    note: {_text(CANCELLED_NOTE)}
"""

TOOLKIT_MD = f"""\
---
titel: {_text(TOOLKIT_TITLE)}
type: vejledning
intro: {_text(TOOLKIT_INTRO)}
emner: [{TOPIC}]
målgruppe: [afdelingsbestyrelse]
revideret: 2027-01-10
---
{BODY}"""


def line_of(text: str, line: str) -> int:
    """The 1-based number of the line of ``text`` that is ``line`` once its indentation is removed."""
    numbers = [n for n, found in enumerate(text.splitlines(), 1) if found.strip() == line]
    assert len(numbers) == 1, (line, numbers)
    return numbers[0]


def _check_own_test_data() -> None:
    """The files say what the tests expect (a mistake here would make every test below meaningless)."""
    course = yaml.safe_load(COURSE_YAML)
    assert course["titel"] == COURSE_TITLE and 3 <= len(COURSE_TITLE) <= 120
    assert course["intro"] == COURSE_INTRO and len(COURSE_INTRO) <= 300
    assert course["beskrivelse"] == BODY
    assert course["hold"][0]["sted"] == VENUE
    front = yaml.safe_load(TOOLKIT_MD.split("---\n")[1])
    assert front["titel"] == TOOLKIT_TITLE and 3 <= len(TOOLKIT_TITLE) <= 120
    assert front["intro"] == TOOLKIT_INTRO and len(TOOLKIT_INTRO) <= 300
    assert TOOLKIT_MD.split("---\n", 2)[2] == BODY
    for payload in PAYLOADS:
        assert payload in COURSE_TITLE or payload in TOOLKIT_TITLE, payload
        assert all(payload in field for field in (COURSE_INTRO, TOOLKIT_INTRO, " ".join(VENUE.values())))


# A hand-written page titled by its heading: MkDocs takes the title from it, entities and code as written.
PAGE_FILE = "content/om/angreb.md"
PAGE_TITLE = f'Angreb </title><img src=x onerror="{PWNED}"> `</title><svg onload={PWNED}>`'
PAGE_MD = (f'# Angreb &lt;/title&gt;&lt;img src=x onerror="{PWNED}"&gt; `</title><svg onload={PWNED}>`\n\n'
           "Tekst.\n")


# ----------------------------------------------------------------------------- built once per module


@dataclass(frozen=True)
class Attack:
    root: Path
    check: Result
    build: Result


@pytest.fixture(scope="module")
def attack(tmp_path_factory: pytest.TempPathFactory) -> Attack:
    """The sample project plus the hostile course and toolkit page, checked and built."""
    _check_own_test_data()
    root = copy_project(tmp_path_factory.mktemp("angreb") / "projekt")
    (root / COURSE_FILE).write_text(COURSE_YAML, encoding="utf-8")
    (root / TOOLKIT_FILE).write_text(TOOLKIT_MD, encoding="utf-8")
    (root / PAGE_FILE).write_text(PAGE_MD, encoding="utf-8")
    return Attack(root, run_build(root, "check", "--dato", REFERENCE_DATE),
                  run_build(root, "build", "--dato", REFERENCE_DATE))


@pytest.fixture(scope="module")
def attack_site(attack: Attack) -> Path:
    assert attack.build.returncode == 0, attack.build.stdout + attack.build.stderr
    return attack.root / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def attack_url(attack_site: Path) -> Iterator[str]:
    with serve(attack_site) as url:
        yield url


# ----------------------------------------------------------------------------- check and build


def test_check_and_build_succeed_without_a_traceback(attack: Attack) -> None:
    for result in (attack.check, attack.build):
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.errors == []
        assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("path, text", [(COURSE_FILE, COURSE_YAML), (TOOLKIT_FILE, TOOLKIT_MD)],
                         ids=["kursus", "vaerktoejskasse"])
def test_check_warns_at_the_line_of_the_script(attack: Attack, path: str, text: str) -> None:
    prefix = f"{path}:{line_of(text, SCRIPT)}:"
    warnings = [line for line in attack.check.lines if line.startswith(prefix) and ": advarsel: " in line]
    assert warnings, f"no warning starting {prefix!r} in:\n{attack.check.stdout}"


# ----------------------------------------------------------------------------- in Chromium

# (hostile site, the same kind of page on the sample site, what to wait for)
PAGES = [
    (COURSE_URL, "kurser/det-gode-bestyrelsesmoede/", None),
    (TOOLKIT_URL, "vaerktoejskasse/vejledninger/ny-i-afdelingsbestyrelsen/", None),
    ("kurser/", "kurser/", None),
    ("", "", None),
    ("vaerktoejskasse/", "vaerktoejskasse/", None),
    (f"emner/{TOPIC}/", f"emner/{TOPIC}/", None),
    ("kurser/katalog/", "kurser/katalog/", None),
    ("soeg/?q=Angreb", "soeg/?q=budget", ".soeg-resultat"),
]
PAGE_IDS = [hostile or "forside" for hostile, _, _ in PAGES]

# Everything the tests ask of a loaded page, read in one go.
INSPECT = """() => {
  const handlers = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      if (attribute.name.toLowerCase().startsWith("on")) {
        handlers.push(`<${element.localName} ${attribute.name}="${attribute.value}">`);
      }
    }
  }
  const urls = [];
  const places = [["a[href]", "href"], ["area[href]", "href"], ["iframe[src]", "src"], ["embed[src]", "src"],
                  ["object[data]", "data"]];
  for (const [selector, name] of places) {
    for (const element of document.querySelectorAll(selector)) {
      // As a browser reads a URL: tabs and newlines anywhere and leading controls and spaces do not count.
      const url = element.getAttribute(name).replace(/[\\t\\n\\r]/g, "").replace(/^[\\u0000-\\u0020]+/, "");
      if (/^(javascript|data):/i.test(url)) urls.push(`<${element.localName} ${name}="${url}">`);
    }
  }
  const framePwned = Array.from({length: window.frames.length}, (_, i) => window.frames[i]).some(frame => {
    try { return frame.__pwned !== undefined; } catch (error) { return false; }
  });
  const article = document.querySelector("article.md-content__inner") || document.body;
  return {
    pwned: window.__pwned !== undefined || framePwned,
    // Also <script> in SVG, which document.scripts leaves out but which runs all the same.
    scripts: [...document.querySelectorAll("script")].map(
      s => [s.getAttribute("src"), s.getAttribute("type"), s.hasAttribute("src") ? "" : s.textContent]),
    handlers,
    urls,
    jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map(s => s.textContent),
    title: document.title,
    h1: [...article.querySelectorAll("h1")].map(h => h.textContent),
    headings: [...article.querySelectorAll("h2")].map(h => h.textContent.trim()),
    tables: article.querySelectorAll("table").length,
    links: [...article.querySelectorAll("a[href]")].map(a => a.getAttribute("href")),
    listItems: [...article.querySelectorAll("li")].map(li => li.textContent.trim()),
    admonitions: [...article.querySelectorAll(".admonition.note > .admonition-title")].map(t => t.textContent),
    h1Visible: article.querySelector("h1") !== null && article.querySelector("h1").checkVisibility(),
    results: [...document.querySelectorAll(".soeg-resultat__link")].map(a => a.textContent.trim()),
    text: article.textContent,
  };
}"""


@dataclass(frozen=True)
class Visit:
    dialogs: list[str]
    found: dict[str, Any]
    hosts: set[str]


def _visit(browser: Any, url: str, wait_for: str | None) -> Visit:
    page = browser.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.ok, url
    if wait_for:
        page.wait_for_selector(wait_for)
        page.wait_for_load_state("networkidle")
    found = page.evaluate(INSPECT)
    page.close()
    return Visit(dialogs, found, hosts)


@pytest.fixture(scope="module")
def visit(browser: Any, attack_url: str, base_url: str) -> Callable[[str, str], Visit]:
    """visit(path, "angreb") or visit(path, "normal"): each page loaded once, its findings kept."""
    seen: dict[tuple[str, str], Visit] = {}
    waits = {hostile: wait for hostile, _, wait in PAGES} | {normal: wait for _, normal, wait in PAGES}

    def get(path: str, site: str) -> Visit:
        if (path, site) not in seen:
            root = attack_url if site == "angreb" else base_url
            seen[path, site] = _visit(browser, root + path, waits.get(path))
        return seen[path, site]

    return get


@pytest.mark.parametrize("path, normal, wait", PAGES, ids=PAGE_IDS)
def test_page_shows_a_hostile_title_as_text(visit: Callable[[str, str], Visit], path: str, normal: str,
                                            wait: str | None) -> None:
    """The payloads reach every page visited here (else the tests of that page would prove nothing)."""
    text = re.sub(r"\s+", " ", visit(path, "angreb").found["text"])
    assert COURSE_TITLE in text or TOOLKIT_TITLE in text


@pytest.mark.parametrize("path, normal, wait", PAGES, ids=PAGE_IDS)
def test_no_payload_runs(visit: Callable[[str, str], Visit], path: str, normal: str, wait: str | None) -> None:
    seen = visit(path, "angreb")
    assert not seen.found["pwned"], "window.__pwned was set"
    assert seen.dialogs == []
    if wait:
        assert seen.found["results"], "no search results"


def script_kind(script: list[str | None]) -> tuple[str | None, ...]:
    """A script's src and type; for an inline script that is the same on every page of a kind, its text too.

    JSON-LD differs from course to course: only its type counts. The text tells Material's own inline
    script from an editor's that took its place.
    """
    src, kind, text = script
    if kind == "application/ld+json":
        return src, kind
    return src, kind, hashlib.sha256((text or "").encode()).hexdigest()[:12] + " " + (text or "")[:40]


@pytest.mark.parametrize("path, normal, wait", PAGES, ids=PAGE_IDS)
def test_no_request_to_another_host(visit: Callable[[str, str], Visit], attack_url: str, path: str, normal: str,
                                    wait: str | None) -> None:
    assert visit(path, "angreb").hosts == {urlsplit(attack_url).netloc}


@pytest.mark.parametrize("path, normal, wait", PAGES, ids=PAGE_IDS)
def test_page_has_exactly_the_scripts_of_its_kind(visit: Callable[[str, str], Visit], path: str, normal: str,
                                                  wait: str | None) -> None:
    hostile = Counter(map(script_kind, visit(path, "angreb").found["scripts"]))
    usual = Counter(map(script_kind, visit(normal, "normal").found["scripts"]))
    assert hostile - usual == Counter(), "scripts a page of this kind does not have"
    assert usual - hostile == Counter(), "scripts the page has lost"


@pytest.mark.parametrize("path, normal, wait", PAGES, ids=PAGE_IDS)
def test_no_event_handler_attributes(visit: Callable[[str, str], Visit], path: str, normal: str,
                                     wait: str | None) -> None:
    assert visit(path, "angreb").found["handlers"] == []


@pytest.mark.parametrize("path, normal, wait", PAGES, ids=PAGE_IDS)
def test_no_javascript_or_data_urls(visit: Callable[[str, str], Visit], path: str, normal: str,
                                    wait: str | None) -> None:
    assert visit(path, "angreb").found["urls"] == []


@pytest.mark.parametrize("path, normal, wait", PAGES, ids=PAGE_IDS)
def test_json_ld_parses(visit: Callable[[str, str], Visit], path: str, normal: str, wait: str | None) -> None:
    for text in visit(path, "angreb").found["jsonLd"]:
        json.loads(text)


def test_course_page_shows_the_payloads_as_text(visit: Callable[[str, str], Visit]) -> None:
    found = visit(COURSE_URL, "angreb").found
    assert COURSE_TITLE in found["title"]
    assert [h.strip() for h in found["h1"]] == [COURSE_TITLE]
    [data] = [json.loads(text) for text in found["jsonLd"]]
    assert data["name"] == COURSE_TITLE
    assert data["description"] == COURSE_INTRO
    meetings = data["hasCourseInstance"][1]["subEvent"]
    assert [event["description"] for event in meetings] == MEETING_NOTES
    assert " ".join(CANCELLED_NOTE.split()) in " ".join(found["text"].split())


def test_toolkit_page_shows_the_payloads_as_text(visit: Callable[[str, str], Visit]) -> None:
    found = visit(TOOLKIT_URL, "angreb").found
    assert TOOLKIT_TITLE in found["title"]
    assert [h.strip() for h in found["h1"]] == [TOOLKIT_TITLE]


@pytest.mark.parametrize("path", [COURSE_URL, TOOLKIT_URL], ids=["kursus", "vaerktoejskasse"])
def test_allowed_markdown_survives(visit: Callable[[str, str], Visit], path: str) -> None:
    found = visit(path, "angreb").found
    assert found["h1Visible"], "the page's heading is hidden"
    assert "Om kurset" in found["headings"]
    assert found["tables"] >= 1
    assert SAFE_LINK in found["links"]
    assert {"første punkt", "andet punkt"} <= set(found["listItems"])
    assert [t.strip() for t in found["admonitions"]] == ["Bemærk"]


def test_search_finds_the_titles_as_text(visit: Callable[[str, str], Visit]) -> None:
    results = visit("soeg/?q=Angreb", "angreb").found["results"]
    assert {COURSE_TITLE, TOOLKIT_TITLE} <= set(results), results


# ----------------------------------------------------------------------------- calendars, feed, every page


def events(path: Path) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def test_calendars_keep_the_title_as_text(attack_site: Path) -> None:
    files = sorted((attack_site / "kurser" / "angreb").glob("*.ics"))
    assert len(files) == 3
    [event] = events(files[0])
    assert str(event["SUMMARY"]) == COURSE_TITLE
    assert str(event["LOCATION"]) == f"{VENUE['navn']}, {VENUE['adresse']}, {VENUE['postnr']} {VENUE['by']}"
    meetings = events(files[1])  # one event per meeting, its note in the description as text
    assert [str(e["SUMMARY"]) for e in meetings] == [f"{COURSE_TITLE} ({n}. af 2 aftener)" for n in (1, 2)]
    assert [str(e["DESCRIPTION"]).split("\n")[2] for e in meetings] == MEETING_NOTES
    [cancelled] = events(files[2])  # a cancelled session's note as text, and no invitation to sign up
    assert str(cancelled["SUMMARY"]) == f"AFLYST: {COURSE_TITLE}"
    assert str(cancelled["DESCRIPTION"]).split("\n")[2] == CANCELLED_NOTE
    assert "tilmeld dig" not in str(cancelled["DESCRIPTION"]).lower()
    ours = [e for e in events(attack_site / "kalender.ics") if str(e["URL"]).endswith("/" + COURSE_URL)]
    assert [str(e["SUMMARY"]) for e in ours] == [COURSE_TITLE] + [str(e["SUMMARY"]) for e in meetings] + [
        f"AFLYST: {COURSE_TITLE}"]


def test_feed_keeps_the_titles_as_text(attack_site: Path) -> None:
    feed = ElementTree.parse(attack_site / "feed.xml").getroot()
    entries = {e.findtext(f"{ATOM}title"): e for e in feed.findall(f"{ATOM}entry")}
    assert COURSE_TITLE in entries
    assert entries[COURSE_TITLE].findtext(f"{ATOM}summary") == COURSE_INTRO
    assert TOOLKIT_TITLE in entries


def test_no_payload_inside_any_script_element(attack_site: Path) -> None:
    pages = sorted(attack_site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            text = script.get_text()
            where = f"{path.relative_to(attack_site)}: {text[:200]!r}"
            if script.get("type") == "application/ld+json":
                assert "<" not in text, where  # written as \u003c: no '</script', '<!--' or '<script' inside
            else:
                assert "window.__pwned" not in text, where


# ----------------------------------------------------------------------------- symlinks and folders

SECRET = "HEMMELIG-7f3a9"

SECRET_PAGE = f"""\
---
titel: Hemmelige noter
type: vejledning
intro: Noter, der aldrig skulle have været på sitet.
emner: [bestyrelsesarbejde]
revideret: 2027-01-10
---
Adgangskoden er {SECRET}.
"""

SECRET_COURSE = f"""\
titel: Lækket kursus
intro: Et kursus fra en fil uden for projektet.
beskrivelse: |
  Adgangskoden er {SECRET}.
emner: [bestyrelsesarbejde]
niveau: [ny]
form: online
målgruppe: [afdelingsbestyrelse]
pris: 0
hold: []
"""

TEMPLATE_PAGE = """\
---
titel: Bilag til bestyrelsen
type: skabelon
intro: Et bilag i Word til bestyrelsens møder.
emner: [bestyrelsesarbejde]
revideret: 2027-01-10
filer:
  - fil: bilag.docx
    beskrivelse: Bilaget i Word
---
Hent bilaget, og udfyld det før mødet.
"""


def outside_the_project(folder: Path) -> Path:
    """A secret file, a folder with a secret page and a secret course, none of them in the project.

    Each is valid as what it will pretend to be, so only following the link can make the build use it.
    """
    (folder / "mappe").mkdir(parents=True)
    (folder / "hemmelig.txt").write_text(SECRET_PAGE, encoding="utf-8")
    (folder / "mappe" / "noter.md").write_text(SECRET_PAGE, encoding="utf-8")
    (folder / "kursus.yml").write_text(SECRET_COURSE, encoding="utf-8")
    return folder


def _link(root: Path, planted: str, target: Path) -> None:
    (root / planted).symlink_to(target)


def plant_page(root: Path, outside: Path) -> tuple[str, int | None]:
    planted = "content/vaerktoejskasse/vejledninger/laekket.md"
    _link(root, planted, outside / "hemmelig.txt")
    return planted, 1


def plant_folder(root: Path, outside: Path) -> tuple[str, int | None]:
    planted = "content/vaerktoejskasse/lån"
    _link(root, planted, outside / "mappe")
    return planted, None


def plant_download(root: Path, outside: Path) -> tuple[str, int | None]:
    page = "content/vaerktoejskasse/skabeloner/bilag-til-bestyrelsen.md"
    (root / page).write_text(TEMPLATE_PAGE, encoding="utf-8")
    _link(root, "content/vaerktoejskasse/skabeloner/bilag.docx", outside / "hemmelig.txt")
    return page, line_of(TEMPLATE_PAGE, "- fil: bilag.docx")


def plant_course(root: Path, outside: Path) -> tuple[str, int | None]:
    planted = "courses/laekket.yml"
    _link(root, planted, outside / "kursus.yml")
    return planted, 1


def plant_broken_link(root: Path, outside: Path) -> tuple[str, int | None]:
    planted = "content/vaerktoejskasse/brudt.md"
    _link(root, planted, outside / "findes-ikke.md")
    return planted, 1


def plant_page_folder(root: Path, outside: Path) -> tuple[str, int | None]:
    planted = "content/vaerktoejskasse/mappe.md"
    (root / planted).mkdir()
    return planted, None


def plant_course_folder(root: Path, outside: Path) -> tuple[str, int | None]:
    planted = "courses/mappe.yml"
    (root / planted).mkdir()
    return planted, None


PLANTS = [plant_page, plant_folder, plant_download, plant_course, plant_broken_link, plant_page_folder,
          plant_course_folder]
PLANT_IDS = [plant.__name__.removeprefix("plant_") for plant in PLANTS]


@pytest.fixture(scope="module")
def clean_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project built once; each test plants its link in a copy of it, site/ included."""
    root = copy_project(tmp_path_factory.mktemp("ren") / "projekt")
    result = run_build(root, "build", "--dato", REFERENCE_DATE)
    assert result.returncode == 0, result.stdout + result.stderr
    return root


@dataclass(frozen=True)
class Planted:
    root: Path
    path: str  # as check names it
    line: int | None  # the line check names, where a file has one to name


@pytest.fixture(params=PLANTS, ids=PLANT_IDS)
def planted(request: pytest.FixtureRequest, clean_project: Path, tmp_path: Path) -> Planted:
    root = tmp_path / "projekt"
    shutil.copytree(clean_project, root, symlinks=True)
    path, line = request.param(root, outside_the_project(tmp_path / "utenfor"))
    return Planted(root, path, line)


def site_state(site: Path) -> str:
    """A digest of every name, file content, link target and modification time under site/."""
    digest = hashlib.sha256()
    for folder, folders, files in os.walk(site):
        folders.sort()
        for name in sorted(files + [f for f in folders if os.path.islink(os.path.join(folder, f))]):
            path = Path(folder, name)
            digest.update(str(path.relative_to(site)).encode() + b"\0")
            if path.is_symlink():
                digest.update(b"link:" + os.readlink(path).encode())
            else:
                digest.update(path.read_bytes() + str(path.stat().st_mtime_ns).encode())
    return digest.hexdigest()


def test_check_reports_the_planted_path(planted: Planted) -> None:
    result = run_build(planted.root, "check", "--dato", REFERENCE_DATE)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    if planted.line is None:
        prefixes: tuple[str, ...] = (f"{planted.path}:", f"{planted.path}/")
    else:
        prefixes = (f"{planted.path}:{planted.line}:",)
    assert any(line.startswith(prefixes) for line in result.errors), (prefixes, result.stdout)


def test_build_refuses_and_leaves_site_alone(planted: Planted) -> None:
    site = planted.root / "site"
    before = site_state(site)
    result = run_build(planted.root, "build", "--dato", REFERENCE_DATE)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    assert site_state(site) == before, "site/ changed"
    leaked = [p for p in site.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]
    assert leaked == []


def test_a_page_titled_by_its_heading_keeps_the_title_as_text(browser: Any, attack_url: str) -> None:
    seen = _visit(browser, attack_url + "om/angreb/", None)
    assert not seen.found["pwned"] and seen.dialogs == []
    assert seen.found["title"] == PAGE_TITLE.replace("`", "") + " - Kurser for beboerdemokrater"
