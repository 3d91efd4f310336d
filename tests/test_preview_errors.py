"""The live preview's error pages: a file with an error is shown, in Danish, at the address of its course or page,
and every page of the preview carries a banner that leads there (catalogue/preview.py)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from conftest import REFERENCE_DATE, run_build
from playwright.sync_api import Error as PlaywrightError
from test_accessibility import AXE, violations
from test_editor_workflow import fetch, preview, wait_for

from catalogue.catalogue import load_catalogue
from catalogue.diagnostics import Diagnostic
from catalogue.pages import PageGenerator
from catalogue.preview import banner, broken_files
from catalogue.project import Project

COURSE = "courses/det-gode-bestyrelsesmoede.yml"
COURSE_ERROR = ("courses/det-gode-bestyrelsesmoede.yml:15:7: fejl: form: 'fysik' er ikke en af formerne i "
                "config/taxonomy.yml; mente du 'fysisk'?")
PAGE = "content/vaerktoejskasse/skabeloner/aarshjul-afdelingsbestyrelse.md"
PAGE_URL = "vaerktoejskasse/skabeloner/aarshjul-afdelingsbestyrelse/"
PAGE_ERROR = ("content/vaerktoejskasse/skabeloner/aarshjul-afdelingsbestyrelse.md:3:7: fejl: type: 'skabelonn' er "
              "ikke en type materiale; mente du 'skabelon'?")
ADVICE = "Sådan gør du: Ret filen og gem den; siden bygges igen af sig selv."


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def broken(project: Path) -> list:
    found = Project(project)
    _, diagnostics = load_catalogue(found, partial=True)
    return broken_files(found, diagnostics)


# ----------------------------------------------------------------------------- the domain, without a browser


def test_each_file_with_errors_gets_the_address_of_its_course_or_page(project: Path) -> None:
    replace_in(project / COURSE, "form: fysisk", "form: fysik")
    replace_in(project / PAGE, "type: skabelon\n", "type: skabelonn\n")
    (project / "courses" / "Nyt Kursus.yml").write_text("titel: x\n", encoding="utf-8")
    (project / "content" / "vaerktoejskasse" / "skabeloner" / "ulovligt navn.docx").write_bytes(b"PK")
    files = broken(project)
    assert [(f.path, f.src_uri, f.kind, f.url) for f in files] == [
        ("content/vaerktoejskasse/skabeloner/aarshjul-afdelingsbestyrelse.md",
         "vaerktoejskasse/skabeloner/aarshjul-afdelingsbestyrelse.md", "side", PAGE_URL),
        ("content/vaerktoejskasse/skabeloner/ulovligt navn.docx",
         "forhaandsvisning/fejl/content-vaerktoejskasse-skabeloner-ulovligt-navn-docx.md", "fil",
         "forhaandsvisning/fejl/content-vaerktoejskasse-skabeloner-ulovligt-navn-docx/"),
        ("courses/Nyt Kursus.yml", "forhaandsvisning/fejl/courses-nyt-kursus-yml.md", "kursus",
         "forhaandsvisning/fejl/courses-nyt-kursus-yml/"),
        ("courses/det-gode-bestyrelsesmoede.yml", "kurser/det-gode-bestyrelsesmoede.md", "kursus",
         "kurser/det-gode-bestyrelsesmoede/"),
    ]
    course = files[-1]
    assert [str(d) for d in course.problems] == [COURSE_ERROR]
    assert course.errors == 1
    [excerpt] = course.excerpts
    assert [(line.number, line.text, line.marked) for line in excerpt.lines] == [
        (13, "emner: [bestyrelsesarbejde, kommunikation]", False),
        (14, "niveau: [ny]", False),
        (15, "form: fysik", True),
        (16, "målgruppe: [afdelingsbestyrelse]", False),
        (17, "varighed: Lørdag 9.30–15.30", False),
    ]
    assert banner(files) == {"tekst": "4 filer har fejl — se her", "side": "forhaandsvisning/fejl/"}
    assert banner(files[-1:]) == {"tekst": "1 fil har fejl — se her", "side": "kurser/det-gode-bestyrelsesmoede/"}
    assert banner([]) is None


def test_a_link_is_named_and_never_read(project: Path, tmp_path: Path) -> None:
    secret = tmp_path / "hemmelig.txt"
    secret.write_text("token=HEMMELIGT\n", encoding="utf-8")
    (project / "courses" / "link.yml").symlink_to(secret)
    [file] = [f for f in broken(project) if f.path == "courses/link.yml"]
    assert file.src_uri == "kurser/link.md"
    assert file.excerpts == ()
    generator = PageGenerator(*_catalogue_and_date(project), broken=[file])
    assert "HEMMELIGT" not in "".join(str(p.content) for p in generator.error_pages())


def _catalogue_and_date(project: Path) -> tuple:
    catalogue, _ = load_catalogue(Project(project), partial=True)
    return catalogue, date.fromisoformat(REFERENCE_DATE)


def test_the_error_page_shows_an_editors_text_as_text(project: Path) -> None:
    replace_in(project / COURSE, "form: fysisk", "form: <script>alert(1)</script>")
    files = broken(project)
    generator = PageGenerator(*_catalogue_and_date(project), broken=files)
    pages = {p.src_uri: p for p in generator.error_pages()}
    assert list(pages) == ["kurser/det-gode-bestyrelsesmoede.md", "forhaandsvisning/fejl.md"]
    html = str(pages["kurser/det-gode-bestyrelsesmoede.md"].content)
    assert "<script" not in html
    assert "<td><code>form: &lt;script&gt;alert(1)&lt;/script&gt;</code></td>" in html
    assert "form: &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39; er ikke en af formerne" in html


def test_control_characters_and_long_lines_are_written_out(project: Path) -> None:
    (project / "courses" / "styretegn.yml").write_bytes(b"titel: a\x1bb\r\nintro: " + b"x" * 400 + b"\n")
    [file] = broken_files(Project(project), [Diagnostic("courses/styretegn.yml", 1, 9, "styretegn"),
                                             Diagnostic("courses/styretegn.yml", 9, 1, "efter sidste linje")])
    assert [[(line.number, line.text, line.marked) for line in e.lines] for e in file.excerpts] == [
        [(1, "titel: a\\x1bb", True), (2, "intro: " + "x" * 293 + " …", False)],
        [(1, "titel: a\\x1bb", False), (2, "intro: " + "x" * 293 + " …", True)],
    ]


def test_a_published_build_never_has_an_error_page(project: Path) -> None:
    replace_in(project / COURSE, "form: fysisk", "form: fysik")
    result = run_build(project, "build", "--dato", REFERENCE_DATE)
    assert result.returncode == 1
    assert COURSE_ERROR in result.lines
    assert not (project / "site").exists()
    replace_in(project / COURSE, "form: fysik", "form: fysisk")
    assert run_build(project, "build", "--dato", REFERENCE_DATE).returncode == 0
    site = project / "site"
    assert not (site / "forhaandsvisning").exists()
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "md-banner" not in text and "fejlside" not in text, page


# ----------------------------------------------------------------------------- the preview, in Chromium


def visit(page, url: str) -> None:
    """Go to the page; the preview's live reload may reload the page just left and abort the first try."""
    for attempt in range(5):
        try:
            page.goto(url)
            return
        except PlaywrightError:
            if attempt == 4:
                raise
            page.wait_for_timeout(500)


def text_of(page, selector: str) -> str:
    return re.sub(r"\s+", " ", page.locator(selector).inner_text()).strip()


def test_preview_shows_a_danish_error_page_and_a_banner_until_the_file_is_fixed(project: Path, tmp_path: Path,
                                                                                 browser) -> None:
    course, toolkit_page = project / COURSE, project / PAGE
    with preview(project, tmp_path / "serve.log") as port:
        site = f"http://127.0.0.1:{port}/"
        course_url = site + "kurser/det-gode-bestyrelsesmoede/"
        wait_for(lambda: fetch(course_url)[0] == 200, what="the preview to start")
        page = browser.new_page(viewport={"width": 375, "height": 812})
        visit(page, site + "kurser/")
        assert page.locator(".md-banner").count() == 0

        # A course with an error: its address shows what is wrong, in Danish, and every page says so.
        replace_in(course, "form: fysisk", "form: fysik")
        wait_for(lambda: "Kurset har fejl" in fetch(course_url)[1], what="the course's error page")
        visit(page, course_url)
        assert page.title() == "Kurset har fejl - Kurser for beboerdemokrater"
        assert text_of(page, "article h1") == "Kurset har fejl"
        assert text_of(page, ".fejlside__intro") == (
            "Kurset kan ikke vises, før filen er rettet. Denne side findes kun i forhåndsvisningen: så længe en fil "
            "har fejl, kan sitet ikke bygges og udgives.")
        assert text_of(page, ".fejlside__goer") == ADVICE
        assert text_of(page, ".fejlside h2 >> nth=0") == "1 fejl i courses/det-gode-bestyrelsesmoede.yml"
        assert page.locator(".fejlside__fejl li").all_inner_texts() == [COURSE_ERROR]
        assert text_of(page, ".fejlside__udsnit h3") == "Linje 15"
        assert text_of(page, ".fejlside__beskeder") == (
            "Fejl i kolonne 7: form: 'fysik' er ikke en af formerne i config/taxonomy.yml; mente du 'fysisk'?")
        rows = [re.sub(r"\s+", " ", row).strip() for row in page.locator(".fejlside__linjer tr").all_inner_texts()]
        assert rows == ["13 emner: [bestyrelsesarbejde, kommunikation]", "14 niveau: [ny]",
                        "▶ Her er fejlen: linje 15 form: fysik", "16 målgruppe: [afdelingsbestyrelse]",
                        "17 varighed: Lørdag 9.30–15.30"]
        assert text_of(page, ".fejlside__markeret") == "▶ Her er fejlen: linje 15 form: fysik"
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        assert violations(page, AXE.read_text(encoding="utf-8")) == []
        wide = browser.new_page(viewport={"width": 1280, "height": 800})
        visit(wide, course_url)
        assert violations(wide, AXE.read_text(encoding="utf-8")) == []
        wide.close()

        visit(page, site + "om/")
        banner_link = page.locator(".md-banner a")
        assert text_of(page, ".md-banner") == "1 fil har fejl — se her"
        assert banner_link.bounding_box()["height"] >= 44
        banner_link.click()
        page.wait_for_load_state()
        assert page.url == course_url
        assert text_of(page, "article h1") == "Kurset har fejl"

        # A toolkit page too: two files, and the banner leads to the list of both.
        replace_in(toolkit_page, "type: skabelon\n", "type: skabelonn\n")
        wait_for(lambda: "Siden har fejl" in fetch(site + PAGE_URL)[1], what="the toolkit page's error page")
        visit(page, site + PAGE_URL)
        assert text_of(page, "article h1") == "Siden har fejl"
        assert text_of(page, ".fejlside__intro").startswith("Siden kan ikke vises, før filen er rettet.")
        assert page.locator(".fejlside__fejl li").all_inner_texts() == [PAGE_ERROR]
        assert text_of(page, ".fejlside__markeret") == "▶ Her er fejlen: linje 3 type: skabelonn"
        visit(page, site)
        assert text_of(page, ".md-banner") == "2 filer har fejl — se her"
        page.locator(".md-banner a").click()
        page.wait_for_load_state()
        assert page.url == site + "forhaandsvisning/fejl/"
        assert text_of(page, "article h1") == "2 filer har fejl"
        assert violations(page, AXE.read_text(encoding="utf-8")) == []
        assert text_of(page, ".fejlside__goer") == ADVICE
        assert page.locator(".fejlside__filer li").all_inner_texts() == [
            "content/vaerktoejskasse/skabeloner/aarshjul-afdelingsbestyrelse.md – 1 fejl",
            "courses/det-gode-bestyrelsesmoede.yml – 1 fejl"]
        page.locator(".fejlside__filer a", has_text="courses/").click()
        page.wait_for_load_state()
        assert page.url == course_url

        # Fixed: the course and the page are back, and the banner and the list are gone.
        replace_in(course, "form: fysik", "form: fysisk")
        replace_in(toolkit_page, "type: skabelonn\n", "type: skabelon\n")
        wait_for(lambda: "Det gode bestyrelsesmøde" in fetch(course_url)[1] and
                 "Årshjul for afdelingsbestyrelsen" in fetch(site + PAGE_URL)[1], what="the fixed files")
        for address in ("", "om/", "kurser/det-gode-bestyrelsesmoede/", PAGE_URL):
            visit(page, site + address)
            assert page.locator(".md-banner").count() == 0, address
            assert page.locator(".fejlside").count() == 0, address
        visit(page, course_url)
        assert text_of(page, "article h1") == "Det gode bestyrelsesmøde"
        assert fetch(site + "forhaandsvisning/fejl/")[0] == 404
        page.close()
    log = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert COURSE_ERROR in log and PAGE_ERROR in log and "Traceback" not in log
