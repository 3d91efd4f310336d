"""The course booklet (kurser/katalog.pdf), read back as a resident's PDF reader and phone would: its text page by
page (pdftotext), its facts (pdfinfo, pdffonts, its structure with pypdf) and its QR codes (pdftoppm, then zbarimg).
poppler-utils and zbar-tools come from Debian (`make paper-tests`)."""

from __future__ import annotations

import http.server
import re
import subprocess
import threading
from datetime import date
from pathlib import Path

import pypdf
import pytest
from bs4 import BeautifulSoup
from conftest import REFERENCE_DATE, copy_project, run_build
from PIL import Image

from catalogue import danish, offer
from catalogue.booklet import BOOKLET, Booklets, season, topic_booklet
from catalogue.catalogue import Catalogue, load_catalogue
from catalogue.models import Session
from catalogue.pages import PageGenerator
from catalogue.project import Project
from catalogue.site_build import SiteBuild
from catalogue.urls import short_address

SITE_URL = "https://kurser.example.dk/"
TODAY = date.fromisoformat(REFERENCE_DATE)


def _text(pdf: Path) -> list[str]:
    """Each page's text as laid out, in order."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    found, diagnostics = load_catalogue(Project(Path(__file__).resolve().parent.parent), today=TODAY)
    assert found is not None, diagnostics
    return found


@pytest.fixture(scope="module")
def booklet(sample_site: Path) -> Path:
    return sample_site / BOOKLET


@pytest.fixture(scope="module")
def pages(booklet: Path) -> list[str]:
    return _text(booklet)


def _in_booklet(catalogue: Catalogue) -> list:
    return [entry for entry in catalogue.courses if offer.bookable(entry.course, TODAY)]


def _course_page(pages: list[str], slug: str) -> int:
    """The page (from 1) with the course in full: the one with its address under 'Læs mere'."""
    address = _flat(f"Læs mere: {short_address(SITE_URL)}kurser/{slug}/")
    found = [number for number, text in enumerate(pages, 1) if address in _flat(text)]
    assert len(found) == 1, (slug, found)
    return found[0]


def _when(session: Session) -> str:
    """When a session is held, as the booklet begins to say it."""
    if session.moedegange:
        return danish.meetings_dates(session.meetings) or danish.meetings_days(session.meetings)
    return danish.long_date(session.start)


# ----------------------------------------------------------------------------- the PDF itself

def test_the_booklet_is_a_tagged_pdf_in_danish_with_a_title_bookmarks_and_its_fonts_embedded(booklet: Path) -> None:
    info = _info(booklet)
    assert info["Title"] == "Kurser foråret og efteråret 2027"
    assert info["Author"] == "Kursusafdelingen"
    assert info["Tagged"] == "yes" and info["Page size"].endswith("(A4)")
    assert info["CreationDate"].endswith("Jan 15 00:00:00 2027 UTC")  # the build's date, not the machine's hour
    reader = pypdf.PdfReader(booklet)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "da" and bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert b'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data()
    bookmarks = [item.title for item in _walk(reader.outline)]
    assert bookmarks[:3] == ["Kurser foråret og efteråret 2027", "Indhold", "Afdelingsmødet"]
    assert {"Økonomi", "Grundlæggende budget og regnskab", "Sådan foregår tilmeldingen", "Kontakt"} <= set(bookmarks)
    # The structure a screen reader follows: headings, a section per topic, an article per course with its QR code
    # as a figure with a text
    kinds: dict[str, list] = {}
    _structure(root["/StructTreeRoot"], kinds)
    assert len(kinds["/H1"]) == 1 and len(kinds["/Art"]) == len(kinds["/Figure"]) == len(kinds["/H4"]) >= 20
    assert {figure.get("/Alt") for figure in kinds["/Figure"]} == {"QR-kode til kursets side på nettet"}
    fonts = subprocess.run(["pdffonts", str(booklet)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes yes yes " in row and "Source-Sans-Pro" in row for row in rows), fonts


def _structure(node: object, kinds: dict[str, list]) -> None:
    """Every element of a tagged PDF's structure tree, by its kind (/H1, /Figure, …)."""
    node = node.get_object()
    if not isinstance(node, pypdf.generic.DictionaryObject):
        return
    if "/S" in node:
        kinds.setdefault(node["/S"], []).append(node)
    children = node.get("/K")
    for child in children if isinstance(children, pypdf.generic.ArrayObject) else [children] if children else []:
        _structure(child, kinds)


def _walk(outline: list) -> list:
    found = []
    for item in outline:
        found.extend(_walk(item) if isinstance(item, list) else [item])
    return found


def test_the_cover_names_the_department_and_the_season_and_every_page_after_it_its_number(pages: list[str]) -> None:
    cover = " ".join(pages[0].split())
    assert "Boligorganisationen · Kursusafdelingen" in cover and "Kurser foråret og efteråret 2027" in cover
    assert "Lavet fredag 15. januar 2027." in cover and "Side " not in cover
    for number, text in enumerate(pages[1:], 2):
        footer = text.rstrip().splitlines()[-1].split()
        assert footer[:5] == ["Kurser", "foråret", "og", "efteråret", "2027"], (number, footer)
        assert footer[-4:] == ["Side", str(number), "af", str(len(pages))], (number, footer)


# ----------------------------------------------------------------------------- what it holds, where it says

def test_every_course_with_a_session_to_come_is_in_full_once_with_every_session_but_the_cancelled(
        catalogue: Catalogue, pages: list[str]) -> None:
    courses = _in_booklet(catalogue)
    assert len(courses) >= 20
    for entry in courses:
        page = pages[_course_page(pages, entry.slug) - 1]
        flat = _flat(page)
        assert _flat(entry.course.titel) in flat and _flat(entry.course.intro) in flat
        assert _flat(danish.price(entry.course.pris)) in flat
        for session in offer.bookable(entry.course, TODAY):
            assert _flat(_when(session)) in flat, (entry.slug, _when(session))
    for entry in catalogue.courses:  # held already, or no session planned: not in the booklet
        if entry not in courses:
            assert _flat(f"{short_address(SITE_URL)}kurser/{entry.slug}/") not in _flat("".join(pages)), entry.slug
    # The sample's cancelled session (18 March) is left out; the same course's September session is there.
    conflict = pages[_course_page(pages, "konflikthaandtering-mellem-naboer") - 1]
    assert "18. marts 2027" not in conflict and "23. september 2027" in conflict
    # A full session says so, and where to ask for the waiting list.
    assert _flat("Fuldt booket – skriv dig på venteliste hos kursus@example.dk") in _flat("".join(pages))


def _contents(pages: list[str]) -> dict[str, int]:
    """What the contents pages list, with the page each claims (the lines before the first topic's page)."""
    claimed: dict[str, int] = {}
    for text in pages[1:]:
        lines = [found for line in text.splitlines() if (found := re.match(r"^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$", line))]
        if not lines:
            break
        claimed.update((" ".join(found[1].split()), int(found[2])) for found in lines)
    return claimed


def test_the_contents_give_the_page_of_every_topic_and_course_and_the_topics_come_in_the_taxonomys_order(
        catalogue: Catalogue, pages: list[str]) -> None:
    claimed = _contents(pages)
    courses = _in_booklet(catalogue)
    for entry in courses:
        assert claimed[entry.course.titel] == _course_page(pages, entry.slug), entry.slug
    keys = list(catalogue.taxonomy.emner)
    starts = []
    for key, topic in catalogue.taxonomy.emner.items():
        if not any(key in e.course.emner for e in courses):
            continue
        page = claimed[topic.navn]
        if any(min(e.course.emner, key=keys.index) == key for e in courses):
            assert pages[page - 1].lstrip().startswith(topic.navn), key  # a topic with courses in full begins a page
        else:  # one with references only follows on the page it begins
            assert re.search(rf"^\s*{re.escape(topic.navn)}\s*$", pages[page - 1], re.M), key
        starts.append(page)
    assert starts == sorted(starts)
    for back in ("Forløb for nye i bestyrelsen", "Bestil et kursus til jeres bestyrelse",
                 "Sådan foregår tilmeldingen", "Kontakt"):
        assert back in pages[claimed[back] - 1], back


def test_a_course_is_in_full_under_the_first_of_its_topics_by_level_and_named_with_its_page_under_the_others(
        catalogue: Catalogue, pages: list[str]) -> None:
    claimed = _contents(pages)
    levels = catalogue.taxonomy.keys("niveauer")
    keys = list(catalogue.taxonomy.emner)
    starts = {key: claimed.get(topic.navn) for key, topic in catalogue.taxonomy.emner.items()}
    courses = _in_booklet(catalogue)
    for entry in courses:
        page = _course_page(pages, entry.slug)
        first = min(entry.course.emner, key=keys.index)  # the first of its topics in the booklet
        later = [starts[k] for k in keys[keys.index(first) + 1:] if starts[k]]
        assert starts[first] <= page and (not later or page <= min(later)), entry.slug
    everything = _flat("".join(pages))
    for key in keys:  # within a topic, 'ny' before 'mellem' before 'erfaren'
        mine = sorted((e for e in courses if min(e.course.emner, key=keys.index) == key),
                      key=lambda e: everything.index(_flat(f"{short_address(SITE_URL)}kurser/{e.slug}/")))
        order = [min(levels.index(level) for level in e.course.niveau) for e in mine]
        assert order == sorted(order), key
    references = re.findall(r"(\S[^\n]*?) – se side (\d+)", "\n".join(pages))
    named = {title.strip(): int(number) for title, number in references}
    # every reference looks back: the course is in full under the first of its topics in the booklet
    for number, text in enumerate(pages, 1):
        for title, page in re.findall(r"(\S[^\n]*?) – se side (\d+)", text):
            assert int(page) <= number, (title, page, number)
    for entry in courses:
        if len(entry.course.emner) > 1:
            assert named[entry.course.titel] == _course_page(pages, entry.slug), entry.slug
    assert len(references) >= sum(len(e.course.emner) - 1 for e in courses)


def _read_more_lines(pdf: Path) -> dict[int, list[tuple[float, str]]]:
    """Where each page's courses end: the top of each 'Læs mere:' line (in points from the page's top), with the
    address after it, in order down the page."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found: dict[int, list[tuple[float, str]]] = {}
    for number, page in enumerate(BeautifulSoup(out, "html.parser").find_all("page"), 1):
        words = page.find_all("word")
        for word, after, address in zip(words, words[1:], words[2:], strict=False):
            if (word.get_text(), after.get_text()) == ("Læs", "mere:"):
                found.setdefault(number, []).append((float(word["ymin"]), address.get_text()))
    return found


def test_each_qr_code_is_beside_its_course_and_leads_to_its_page(catalogue: Catalogue, booklet: Path,
                                                                   pages: list[str], tmp_path: Path) -> None:
    """Each page's codes decode to exactly the addresses of the courses on it; and each course's part of the page
    (from the end of the course above it to its own 'Læs mere' line) holds its own code and no other."""
    dpi = 150
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(booklet), str(tmp_path / "side")], check=True)
    pictures = sorted(tmp_path.glob("side-*.png"))
    assert len(pictures) == len(pages)
    ends = _read_more_lines(booklet)
    assert sum(len(lines) for lines in ends.values()) == len(_in_booklet(catalogue))

    def decoded(picture: Path) -> set[str]:
        read = subprocess.run(["zbarimg", "-q", "--raw", str(picture)], capture_output=True, text=True)
        return set(read.stdout.split())

    for number, picture in enumerate(pictures, 1):
        addresses = {f"https://{address}" for _, address in ends.get(number, [])}
        assert decoded(picture) == addresses, number
        with Image.open(picture) as whole:
            top = 0.0
            for bottom, address in ends.get(number, []):
                part = tmp_path / f"del-{number}-{top:.0f}.png"
                whole.crop((0, round(top * dpi / 72), whole.width, round(bottom * dpi / 72))).save(part)
                assert decoded(part) == {f"https://{address}"}, (number, address)
                top = bottom


def test_the_front_page_the_catalogue_and_the_printable_catalogue_link_the_booklet_with_its_pages_and_size(
        sample_site: Path, booklet: Path, pages: list[str]) -> None:
    text = f"Hent kursuskataloget som PDF ({len(pages)} sider, {danish.file_size(booklet.stat().st_size)})"
    for page in ("index.html", "kurser/index.html", "kurser/katalog/index.html"):
        html = sample_site / page
        links = [a for a in BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").find_all("a")
                 if a.get_text() == text]
        assert len(links) == 1, page
        assert (html.parent / links[0]["href"]).resolve() == booklet.resolve()
    assert int(_info(booklet)["Pages"]) == len(pages)
    # Not a page of the site: not in the sitemap, not searched
    assert "katalog.pdf" not in (sample_site / "sitemap.xml").read_text(encoding="utf-8")


# ----------------------------------------------------------------------------- too large for one booklet

def test_a_catalogue_too_large_for_one_booklet_gets_one_per_topic_linked_from_its_page(catalogue: Catalogue) -> None:
    generator = PageGenerator(catalogue, TODAY, SITE_URL)
    paths = generator.paths_for_new_members()
    whole = Booklets(catalogue, TODAY, SITE_URL, paths).plans()[0]
    # As many pages as the whole booklet has less one: it is laid out, found too long, and each topic gets its own
    booklets = Booklets(catalogue, TODAY, SITE_URL, paths, max_pages=12)
    made = booklets.make(booklets.plans())
    assert whole.src_uri == BOOKLET and BOOKLET not in [p.src_uri for p in made]
    assert made and all(p.pages <= 12 and p.src_uri == topic_booklet(p.topic) for p in made)
    economy = next(p for p in made if p.topic == "oekonomi")
    assert economy.title == "Kurser om økonomi foråret og efteråret 2027"
    text = " ".join(_pdf_text(economy.pdf))
    for entry in catalogue.courses_of_topic("oekonomi"):  # every course of the topic in full, none by reference
        if offer.bookable(entry.course, TODAY):
            assert f"kurser/{entry.slug}/" in text
    assert " se side " not in text and "Bestil et kursus" not in text
    site = {page.src_uri: page for page in generator.all_pages(booklets=lambda: made)}
    assert site[topic_booklet("oekonomi")].content == economy.pdf
    topic = BeautifulSoup(str(site["emner/oekonomi.md"].content), "html.parser")
    assert [a.get_text() for a in topic.find_all("a") if a["href"].endswith(".pdf")] == [
        f"Hent kurserne om økonomi som PDF ({economy.pages} sider, {danish.file_size(economy.size)})"]
    printable = BeautifulSoup(str(site["kurser/katalog.md"].content), "html.parser")
    assert len([a for a in printable.find_all("a") if a["href"].endswith(".pdf")]) == len(made)
    home = BeautifulSoup(str(site["index.md"].content), "html.parser")
    assert [a["href"] for a in home.find_all("a") if "PDF" in a.get_text()] == ["kurser/katalog/#pdf"]


def _pdf_text(pdf: bytes) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return out.decode("utf-8").split("\f")[:-1]


def test_a_booklet_of_too_many_courses_is_never_laid_out(catalogue: Catalogue) -> None:
    booklets = Booklets(catalogue, TODAY, SITE_URL, [], max_courses=5)
    plans = booklets.plans()
    assert plans and all(0 < plan.courses <= 5 and plan.topic for plan in plans)
    assert Booklets(catalogue, TODAY, SITE_URL, [], max_courses=0).plans() == []


def test_the_season_is_named_from_the_sessions_it_holds() -> None:
    def held(*days: str) -> list[Session]:
        return [Session.model_validate({"start": f"{day} 10:00", "slut": f"{day} 16:00", "tilmeldingsfrist": day,
                                        "tilmelding": "mailto:kursus@example.dk", "form": "online"})
                for day in days]

    assert season(held("2027-01-20", "2027-06-30")) == "foråret 2027"
    assert season(held("2027-07-01", "2027-12-31")) == "efteråret 2027"
    assert season(held("2027-03-01", "2027-10-01")) == "foråret og efteråret 2027"
    assert season(held("2026-09-01", "2027-05-01")) == "efteråret 2026 og foråret 2027"
    assert season(held("2027-03-01", "2028-06-01")) == "marts 2027 – juni 2028"
    assert season([]) == ""


# ----------------------------------------------------------------------------- an editor's text stays text

class _Counting(http.server.BaseHTTPRequestHandler):
    asked: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        self.asked.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_an_editors_text_is_text_in_the_booklet_and_it_fetches_nothing(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "projekt")
    course = root / "courses" / "det-gode-bestyrelsesmoede.yml"
    text = course.read_text(encoding="utf-8")
    course.write_text(text.replace("titel: Det gode bestyrelsesmøde",
                                   "titel: \"<script>alert(1)</script> & 'Møde' {{ 7*7 }}\"", 1), encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{server.server_address[1]}"
    department = root / "config" / "department.yml"
    department.write_text(department.read_text(encoding="utf-8").replace(
        "Pladserne fordeles efter først til mølle.",
        f"Pladserne fordeles efter først til mølle. ![kort]({address}/kort.png) [se]({address}/side) "
        f"![fil](file:///etc/hostname)", 1), encoding="utf-8")
    try:
        result = run_build(root, "build", "--dato", REFERENCE_DATE)
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stdout + result.stderr
    assert _Counting.asked == []
    flat = " ".join(" ".join(_text(root / "site" / BOOKLET)).split())
    assert "<script>alert(1)</script> & 'Møde' {{ 7*7 }}" in flat
    assert "Pladserne fordeles efter først til mølle." in flat


# ----------------------------------------------------------------------------- the preview and the build

@pytest.mark.parametrize(("preview", "asked", "made"), [(True, None, False), (True, True, True), (False, None, True)],
                         ids=["forhåndsvisning", "forhåndsvisning --katalog", "bygning"])
def test_the_preview_makes_the_booklet_only_when_asked_and_the_build_always(project: Path, preview: bool,
                                                                              asked: bool | None, made: bool) -> None:
    build = SiteBuild(Project(project), TODAY, report=lambda _: None, say=lambda _: None, preview=preview,
                      booklets=asked)
    build.start(SITE_URL)
    site = {page.src_uri: page for page in build.make_pages(None)}
    assert (BOOKLET in site) == made
    home = BeautifulSoup(str(site["index.md"].content), "html.parser")
    assert bool([a for a in home.find_all("a") if a["href"] == "kurser/katalog.pdf"]) == made
    if made:
        assert site[BOOKLET].content[:5] == b"%PDF-"
