"""The course posters for a notice board (/kurser/<slug>/plakat/, issue 31): what each holds, read from the built
sample site; that each prints on one A4 sheet in Chromium, the worst case the format allows included; that its QR
code leads to the course page; that axe finds nothing on it; that editors' text stays text.

What each poster should say is computed here from the course files, not by the code under test.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import copy_project, run_build, served
from test_accessibility import axe_source, violations  # noqa: F401 (axe_source is a fixture)
from test_phone import MEASURE, PHONE
from test_site import COURSES, DEPARTMENT, TODAY, danish_date, danish_price, when

SITE_URL = "https://kurser.example.dk/"  # mkdocs.yml's site_url: where the QR codes lead
LINK_TEXT = "Hæng en plakat op i jeres afdeling"


def poster_path(slug: str) -> str:
    return f"kurser/{slug}/plakat/"


def with_seats(course: dict[str, Any]) -> list[dict[str, Any]]:
    """The sessions a poster invites to, by date: to come, sign-up open (deadline not passed), with seats (not
    cancelled, full or only a waiting list)."""
    return sorted((s for s in course.get("hold") or []
                   if when(s["start"]).date() > TODAY and str(s["tilmeldingsfrist"]) >= TODAY.isoformat()
                   and s.get("status", "ledig") in ("ledig", "faa-pladser")), key=lambda s: s["start"])


def day(session: dict[str, Any]) -> str:
    """A session's first day as lines write it: 'Fredag 5. marts 2027'."""
    return danish_date(when(session["start"]).date()).capitalize()


def line_start(session: dict[str, Any]) -> str:
    """How the poster begins a session's line: its first day, or for one held over several meetings their number
    ('3 aftener: …')."""
    return f"{len(session['mødegange'])} " if "mødegange" in session else day(session)


def soup_of(site: Path, slug: str) -> BeautifulSoup:
    return BeautifulSoup((site / poster_path(slug) / "index.html").read_text(encoding="utf-8"), "html.parser")


def texts(soup: BeautifulSoup, css: str) -> list[str]:
    return [" ".join(e.get_text(" ").split()) for e in soup.select(css)]


# ----------------------------------------------------------------------------- the sample site, read back


def test_every_course_has_a_poster_linked_from_its_page(sample_site: Path) -> None:
    for slug in COURSES:
        page = BeautifulSoup((sample_site / "kurser" / slug / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        [link] = [a for a in page.select("article a") if a.get_text(strip=True) == LINK_TEXT]
        assert urlsplit(urljoin(f"/kurser/{slug}/", link["href"])).path == "/" + poster_path(slug)
        poster = soup_of(sample_site, slug)
        assert poster.html["lang"] == "da"
        assert poster.title.get_text() == f"Plakat: {COURSES[slug]['titel']} – {DEPARTMENT['navn']}"


@pytest.mark.parametrize("slug", sorted(COURSES))
def test_a_poster_holds_the_title_the_next_sessions_with_seats_the_deadline_price_and_phone(
        sample_site: Path, slug: str) -> None:
    course = COURSES[slug]
    poster = soup_of(sample_site, slug)
    main = " ".join(poster.main.get_text(" ").split())
    assert texts(poster, "h1") == [course["titel"]]
    assert danish_price(int(course["pris"])) in main
    assert DEPARTMENT["telefon"] in main and DEPARTMENT["navn"] in main
    wanted = with_seats(course)
    shown = texts(poster, ".plakat__tid")
    if wanted:
        # The first sessions with seats, in order (as many as fit, at most three), each with its town or 'Online'
        assert 1 <= len(shown) <= min(3, len(wanted))
        for line, place, session in zip(shown, texts(poster, ".plakat__sted"), wanted, strict=False):
            assert line.startswith(line_start(session)), line
            form = session.get("form", course["form"])
            assert place == "Online" if form == "online" else session["sted"]["by"] in place
        deadline = danish_date(date.fromisoformat(wanted[0]["tilmeldingsfrist"]))
        assert texts(poster, ".plakat__frist")[0].startswith(f"Tilmeld dig senest {deadline}")
    else:
        assert shown == [] and texts(poster, ".plakat__frist") == []
        assert "Ingen hold med ledige pladser lige nu" in main
        assert f"{SITE_URL}kurser/{slug}/".removeprefix("https://") in main
    # A cancelled, full or closed session, or one with only a waiting list, is not on it
    open_days = {day(s) for s in wanted}
    for session in course.get("hold") or []:
        if session not in wanted and day(session) not in open_days:
            assert not any(day(session) in line for line in shown), (day(session), shown)


def test_the_sample_has_posters_of_every_kind(sample_site: Path) -> None:
    """The tests above see posters with several sessions, with one, with none, with sessions left for the course
    page, and with deadlines that differ (each session then says its own)."""
    posters = [soup_of(sample_site, slug) for slug in COURSES]
    counts = {len(p.select(".plakat__tid")) for p in posters}
    assert {0, 1, 2} <= counts
    assert any(p.select(".plakat__flere") for p in posters)
    assert any(p.select(".plakat__holdfrist") for p in posters)
    assert any("Online" in texts(p, ".plakat__sted") for p in posters)


def test_posters_are_in_neither_the_sitemap_nor_the_search_index(sample_site: Path) -> None:
    assert "plakat" not in (sample_site / "sitemap.xml").read_text(encoding="utf-8")
    urls = set()
    for fragment in sample_site.glob("pagefind*/fragment/*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        urls.add(json.loads(data)["url"])
    assert len(urls) > 50 and "/kurser/introduktion-til-bestyrelsesarbejdet/" in urls
    assert not [url for url in urls if "plakat" in url]
    # ... and the course page's link to it is not what a search for 'plakat' finds 28 times over
    page = (sample_site / "kurser" / "introduktion-til-bestyrelsesarbejdet" / "index.html").read_text(encoding="utf-8")
    [link] = BeautifulSoup(page, "html.parser").select(".plakat-link")
    assert link["data-pagefind-ignore"] == "all"


# ----------------------------------------------------------------------------- the worst case and hostile text

# The longest title the format allows (120 characters), of long words with wide letters; three sessions held over
# two days, hybrid (' – eller online'), with long venue names and towns and deadlines of their own, and a fourth.
LONG_TITLE = ("Bæredygtig vedligeholdelse, økonomistyring og mødeledelse i afdelingsbestyrelsen: "
              "WORKSHOP OM HELHEDSPLANER, BOLIGSOCIAL")
LONG_VENUES = [
    {"navn": "Kursus- og Konferencecenteret ved Storebæltsbroens Vestlige Landfæste, Bygning M, Mødesal Wilhelmsminde",
     "adresse": "Storebæltsvej 100", "postnr": "5800", "by": "Nyborg Vestre Strandområde ved Knudshoved Odde"},
    {"navn": "Beboerhuset Mjølnerparkens Fælleslokaler, Indgang fra Hørsholmgade, Mødesalen Mellem Mammen og Mosede",
     "adresse": "Hørsholmgade 20", "postnr": "2200", "by": "København N (Mjølnerparken og Omegnens Beboerhus)"},
    {"navn": "Vestjyllands Almene Boligselskabers Fælles Mødecenter, Wilhelm Madsens Minde, Afdeling Mølleåvænget",
     "adresse": "Møllevej 7", "postnr": "6950", "by": "Ringkøbing-Skjern Kommunes Mødecenter ved Hvide Sande"},
    {"navn": "Kursuscenter Fjordly", "adresse": "Strandvejen 40", "postnr": "4000", "by": "Roskilde"},
]
# Venues as long as the format allows (300 characters each part): not one fits beside the rest
HUGE_VENUE = {"navn": ("Mødesal " * 40)[:300].strip(), "adresse": "Vej 1", "postnr": "8000",
              "by": ("Wilhelmsminde " * 25)[:300].strip()}
HOSTILE_TITLE = "<script>window.__pwned=1</script> \"Citat\" & 'apostrof' </title>"
HOSTILE_VENUE = {"navn": "<b onmouseover=\"window.__pwned=1\">Sal</b>", "adresse": "Vej 1", "postnr": "2500",
                 "by": "Valby \"&amp;\" <i>"}


def _text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a YAML scalar for any text


def course_file(title: str, venues: list[dict[str, str]], form: str = "hybrid") -> str:
    sessions = []
    for number, venue in enumerate(venues, start=1):
        place = "{" + ", ".join(f"{key}: {_text(value)}" for key, value in venue.items()) + "}"
        sessions.append(f"""\
  - start: 2027-0{number + 2}-05 16:00
    slut: 2027-0{number + 2}-06 15:30
    sted: {place}
    region: hovedstaden
    tilmeldingsfrist: 2027-0{number + 1}-1{number}
    tilmelding: https://tilmelding.example.dk/x
""")
    return f"""\
titel: {_text(title)}
intro: Et kursus, der prøver plakatens grænser.
beskrivelse: |
  Indhold.
emner: [bestyrelsesarbejde]
niveau: [ny, mellem]
form: {form}
målgruppe: [afdelingsbestyrelse, organisationsbestyrelse, repraesentantskab, beboere, ansatte]
pris: 1000000
hold:
{"".join(sessions)}"""


WORST = {"laengste-titel": course_file(LONG_TITLE, LONG_VENUES),
         "laengste-steder": course_file(LONG_TITLE, [HUGE_VENUE] * 3, form="fysisk"),
         "fjendtlig": course_file(HOSTILE_TITLE, [HOSTILE_VENUE], form="fysisk")}


@pytest.fixture(scope="module")
def worst_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert len(LONG_TITLE) == 120
    root = copy_project(tmp_path_factory.mktemp("plakat") / "projekt", with_sample_courses=False)
    for slug, text in WORST.items():
        (root / "courses" / f"{slug}.yml").write_text(text, encoding="utf-8")
    result = run_build(root, "build", "--dato", "2027-01-15")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def worst_url(worst_site: Path) -> Iterator[str]:
    with served(worst_site) as url:
        yield url


def test_the_worst_case_shows_what_fits_and_sends_readers_to_the_course_page_for_the_rest(worst_site: Path) -> None:
    longest = soup_of(worst_site, "laengste-titel")
    assert texts(longest, "h1") == [LONG_TITLE]
    assert 1 <= len(longest.select(".plakat__tid")) <= 3 and longest.select(".plakat__flere")
    assert texts(longest, ".plakat__sted")[0] == f"{LONG_VENUES[0]['navn']}, {LONG_VENUES[0]['by']} – eller online"
    huge = soup_of(worst_site, "laengste-steder")
    assert huge.select(".plakat__tid") == []
    assert "Se holdene på kursets side" in huge.main.get_text()


def test_editors_text_is_text_on_the_poster(worst_site: Path) -> None:
    poster = soup_of(worst_site, "fjendtlig")
    assert texts(poster, "h1") == [HOSTILE_TITLE]
    assert poster.title.get_text().startswith(f"Plakat: {HOSTILE_TITLE} – ")
    assert texts(poster, ".plakat__sted") == [f"{HOSTILE_VENUE['navn']}, {HOSTILE_VENUE['by']}"]
    assert [s.get("src") for s in poster.find_all("script")] == ["../../../assets/plakat.js"]
    assert poster.find_all(["b", "i", "title"]) == [poster.title]
    assert poster.find("svg")["aria-label"] == f"QR-kode til kursets side, {SITE_URL}kurser/fjendtlig/"


# ----------------------------------------------------------------------------- printed, in Chromium


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: run 'make paper-tests', which installs poppler-utils and zbar-tools")
    return found


def printed(page: Any, folder: Path) -> Path:
    """The page printed to PDF by Chromium, on A4 as its own @page asks."""
    pdf = folder / "plakat.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    return pdf


def pages_of(pdf: Path) -> int:
    info = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    found = re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE)
    assert found, info
    return int(found[1])


def qr_codes(pdf: Path, folder: Path) -> list[str]:
    """What the QR codes on the PDF's pages say, read from the pages drawn at 150 dpi."""
    subprocess.run([_tool("pdftoppm"), "-r", "150", "-png", str(pdf), str(folder / "side")], check=True)
    found = []
    for image in sorted(folder.glob("side*.png")):
        read = subprocess.run([_tool("zbarimg"), "-q", "--raw", str(image)], capture_output=True, text=True)
        found += read.stdout.split()
    return found


def sheet_size(pdf: Path) -> str:
    info = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return re.search(r"^Page size:\s+(.*)$", info, re.MULTILINE)[1]


@pytest.mark.parametrize("slug", sorted(COURSES))
def test_a_sample_poster_prints_on_one_a4_sheet_with_a_qr_code_to_its_course(
        browser: Any, base_url: str, tmp_path: Path, slug: str) -> None:
    page = browser.new_page()
    page.goto(base_url + poster_path(slug))
    pdf = printed(page, tmp_path)
    page.close()
    assert pages_of(pdf) == 1
    assert "(A4)" in sheet_size(pdf)
    assert qr_codes(pdf, tmp_path) == [f"{SITE_URL}kurser/{slug}/"]


@pytest.mark.parametrize("slug", sorted(WORST))
@pytest.mark.parametrize("font", [None, "DejaVu Sans"], ids=["own fonts", "DejaVu Sans"])
def test_the_worst_case_prints_on_one_sheet_in_the_widest_font_too(
        browser: Any, worst_url: str, tmp_path: Path, slug: str, font: str | None) -> None:
    """In the page's own fonts and in DejaVu Sans, the widest a browser may fall back to (poster.py counts with its
    widths), everything on one sheet and the QR code whole."""
    page = browser.new_page()
    page.goto(worst_url + poster_path(slug))
    if font:
        page.add_style_tag(content=f"body {{ font-family: '{font}' !important; }}")
        assert page.evaluate("document.fonts.check('16px \"DejaVu Sans\"')")
    pdf = printed(page, tmp_path)
    page.close()
    assert pages_of(pdf) == 1
    assert qr_codes(pdf, tmp_path) == [f"{SITE_URL}kurser/{slug}/"]


def test_the_one_sheet_check_fails_when_a_poster_overflows(browser: Any, worst_url: str, tmp_path: Path) -> None:
    """The check above can fail: the worst case with its sessions printed larger than poster.py counts with runs
    onto a second sheet."""
    page = browser.new_page()
    page.goto(worst_url + poster_path("laengste-titel"))
    page.add_style_tag(content="@media print { .plakat { --tid: 30pt; --hold: 26pt; } }")
    pdf = printed(page, tmp_path)
    page.close()
    assert pages_of(pdf) > 1


def test_on_paper_only_the_poster_shows(browser: Any, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + poster_path("introduktion-til-bestyrelsesarbejdet"))
    page.emulate_media(media="print")
    assert not page.locator(".plakat-vaerktoej").is_visible()
    assert page.locator("h1").is_visible() and page.locator(".plakat__qr svg").is_visible()
    colours = page.evaluate("""() => [...document.querySelectorAll('main, main *')].map(e => {
      const s = getComputedStyle(e); return [s.color, s.backgroundColor]; })""")
    assert {colour for colour, _ in colours} <= {"rgb(0, 0, 0)"}
    assert {background for _, background in colours} <= {"rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"}
    page.close()


def test_the_print_button_prints_and_without_script_the_page_says_how(browser: Any, base_url: str) -> None:
    address = base_url + poster_path("introduktion-til-bestyrelsesarbejdet")
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    page.goto(address, wait_until="networkidle")
    button = page.get_by_role("button", name="Udskriv plakaten")
    assert button.is_visible() and not page.locator(".plakat-vaerktoej__hjaelp").is_visible()
    button.click()
    assert page.evaluate("window.printed") == 1
    assert problems == []  # nothing in Chromium's console, no request that failed
    page.close()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(address)
    assert not page.get_by_role("button", name="Udskriv plakaten").is_visible()
    assert "browserens menu" in page.locator(".plakat-vaerktoej__hjaelp").inner_text()
    assert page.get_by_role("link", name="Tilbage til kurset").get_attribute("href") == "../"
    context.close()


@pytest.mark.parametrize("slug", ["introduktion-til-bestyrelsesarbejdet",  # sessions
                                  "aarshjul-og-planlaegning-i-afdelingsbestyrelsen"])  # none with seats
def test_a_poster_on_a_phone_has_no_small_text_no_small_control_and_no_axe_violation(
        browser: Any, base_url: str, axe_source: str, slug: str) -> None:  # noqa: F811 (the fixture)
    page = browser.new_page(viewport=PHONE)
    page.goto(base_url + poster_path(slug))
    found = page.evaluate(MEASURE)
    assert found["small"] == [] and found["tiny"] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert violations(page, axe_source) == []
    page.close()


def test_axe_sees_a_hostile_poster_clean_too(browser: Any, worst_url: str, axe_source: str) -> None:  # noqa: F811
    page = browser.new_page()
    page.goto(worst_url + poster_path("fjendtlig"))
    assert violations(page, axe_source) == []
    assert page.evaluate("window.__pwned") is None
    page.close()


def test_the_stylesheets_print_sizes_are_those_poster_py_counts_with() -> None:
    """plakat.css's .plakat--titel-N and .plakat--hold-N give the sizes of poster.py's TITLE_SIZES[N] and
    SESSION_SIZES[N]: the sheet fits only while the two say the same."""
    import tinycss2

    from catalogue.poster import SESSION_SIZES, TITLE_SIZES

    css = (Path(__file__).resolve().parent.parent / "templates/overrides/assets/plakat.css").read_text(encoding="utf-8")
    found: dict[str, dict[str, str]] = {}

    def read(rules: list) -> None:
        for rule in rules:
            if rule.type == "at-rule" and rule.content is not None:
                read(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
            elif rule.type == "qualified-rule":
                selector = " ".join(tinycss2.serialize(rule.prelude).split())
                declarations = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
                found.setdefault(selector, {}).update(
                    (d.name, tinycss2.serialize(d.value).strip()) for d in declarations if d.type == "declaration")

    read(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))

    def points(size: float) -> str:
        return f"{size:g}pt"

    assert [found.get(f".plakat--titel-{n}") for n in range(len(TITLE_SIZES))] == [
        {"--titel": points(kind.size), "--titel-linje": f"{kind.line_height:g}"} for kind, _ in TITLE_SIZES]
    assert f".plakat--titel-{len(TITLE_SIZES)}" not in found
    assert [found.get(f".plakat--hold-{n}") for n in range(len(SESSION_SIZES))] == [
        {"--tid": points(time.size), "--hold": points(rest.size)} for time, rest in SESSION_SIZES]
    assert f".plakat--hold-{len(SESSION_SIZES)}" not in found
    # the sessions' line heights are the same at every size, so the stylesheet says each once
    assert {f"{time.line_height:g}" for time, _ in SESSION_SIZES} == {found[".plakat__tid"]["line-height"]}
    assert {f"{rest.line_height:g}" for _, rest in SESSION_SIZES} == {
        found[".plakat__sted, .plakat__holdfrist, .plakat__flere"]["line-height"]}
