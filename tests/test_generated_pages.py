"""Generated pages are finished HTML, made from the templates with the editors' Markdown rendered and sanitized in
them: nothing is left for the engine to parse or to put back, and an editor's text cannot pose as the page's own."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import REFERENCE_DATE, REPO, copy_project

from catalogue.catalogue import load_catalogue
from catalogue.pages import TITLE_ID, GeneratedPage, PageGenerator
from catalogue.project import Project
from catalogue.safehtml import EditorMarkdown, Heading, unique_ids

TODAY = date.fromisoformat(REFERENCE_DATE)
COURSE = "courses/budgetopfoelgning.yml"


@pytest.fixture(scope="module")
def pages() -> list[GeneratedPage]:
    catalogue, diagnostics = load_catalogue(Project(REPO))
    assert catalogue is not None, diagnostics
    generator = PageGenerator(catalogue, TODAY, markdown=EditorMarkdown(["toc", "tables"]))
    return [page for page in generator.all_pages() if page.is_page]


def test_every_page_is_html_from_its_title_on(pages: list[GeneratedPage]) -> None:
    assert len(pages) > 40
    for page in pages:
        assert isinstance(page.content, str) and page.title and page.description, page.src_uri
        assert page.content.startswith(f'<h1 id="{TITLE_ID}">'), page.src_uri
        # No Markdown left for an engine: no heading marks (but in the scaffolds shown as code), no placeholders.
        assert "\n## " not in re.sub(r"<pre.*?</pre>", "", page.content, flags=re.DOTALL), page.src_uri
        assert "<!--" not in page.content, page.src_uri


def test_a_course_page_holds_its_description_as_html(pages: list[GeneratedPage]) -> None:
    course = next(page for page in pages if page.src_uri == "kurser/budgetopfoelgning.md")
    assert isinstance(course.content, str)
    assert '<h2 id="indhold">Indhold</h2>\n<p>Budgettet er vedtaget' in course.content
    assert '<h3 id="det-lrer-du">Det lærer du</h3>\n<ul>\n<li>at læse en budgetopfølgning' in course.content


def generator_with(tmp_path: Path, description: str) -> tuple[PageGenerator, GeneratedPage]:
    project = copy_project(tmp_path / "projekt")
    path = project / COURSE
    text = path.read_text(encoding="utf-8")
    start, end = text.index("beskrivelse: |\n"), text.index("emner:")
    indented = "".join(f"  {line}\n" if line else "\n" for line in description.split("\n"))
    path.write_text(text[:start] + "beskrivelse: |\n" + indented + text[end:], encoding="utf-8")
    catalogue, diagnostics = load_catalogue(Project(project))
    assert catalogue is not None, diagnostics
    entry = catalogue.course("budgetopfoelgning")
    assert entry is not None
    generator = PageGenerator(catalogue, TODAY, markdown=EditorMarkdown(["toc", "tables"]))
    return generator, generator.course(entry)


def test_an_editors_description_is_sanitized_and_cannot_pose_as_the_pages_own(tmp_path: Path) -> None:
    _, page = generator_with(tmp_path, "\n".join([
        "Først **fed** og <script>alert(1)</script> og [et link](javascript:alert(2)).",
        "",
        "<!--kursus-html-0--> en kommentar, som blokkene engang stod som",
        "",
        "## Andre hold",
        "",
        '<div class="naeste-hold"><p>Falsk tilmelding</p>',
    ]))
    html = page.content
    assert isinstance(html, str)
    assert "Først <strong>fed</strong> og  og <a>et link</a>." in html
    assert "<script>alert" not in html and "javascript:" not in html and "<!--" not in html
    # An element the editor leaves open is closed within the description, not around the rest of the page, and
    # loses the class of the page's own sign-up box.
    assert '<div><p>Falsk tilmelding</p></div>\n<h2 id="andre-hold_1">' in html
    # The editor's heading keeps its id; the page's own heading of the same name comes later and is numbered,
    # as Markdown numbers headings of the same name: every id is given once.
    assert html.count('id="andre-hold"') == 1 and '<h2 id="andre-hold_1">Andre hold</h2>' in html
    assert html.index('id="andre-hold"') < html.index('id="andre-hold_1"')


def test_unique_ids_numbers_later_repeats_and_skips_ids_that_are_taken() -> None:
    assert unique_ids('<p id="a">1</p><p>2</p>') == '<p id="a">1</p><p>2</p>'
    assert (unique_ids('<h2 id="a">1</h2><h3 class="x" id="a">2</h3><p id="a_1">3</p><h2 id="a">4</h2>')
            == '<h2 id="a">1</h2><h3 class="x" id="a_2">2</h3><p id="a_1">3</p><h2 id="a_3">4</h2>')
    # 'data-id' and text that reads id="a" are not ids.
    assert unique_ids('<p id="a" data-id="a">id="a"</p><p data-id="a">x</p>') == (
        '<p id="a" data-id="a">id="a"</p><p data-id="a">x</p>')


def test_a_toolkit_page_is_its_text_with_contents_when_long_and_the_courses_that_use_it() -> None:
    catalogue, diagnostics = load_catalogue(Project(REPO))
    assert catalogue is not None, diagnostics
    generator = PageGenerator(catalogue, TODAY, markdown=EditorMarkdown(["toc"], {"toc": {"title": "Indhold"}}))
    guide = replace(catalogue.toolkit["vaerktoejskasse/vejledninger/budgettet-trin-for-trin.md"],
                    body="Tekst<script>x</script>.\n\n## Første skridt\n\n### Et trin\n\n## To\n\n## Tre\n\n## Fire\n")
    assert generator.toolkit_text(guide) == f"[TOC]\n\n{guide.body}\n\n## Bruges på kurserne\n"
    unused = next(item for path, item in catalogue.toolkit.items() if not catalogue.courses_using(path)
                  and item.meta.type != "vejledning")
    assert generator.toolkit_text(replace(unused, body="Tekst.")) == "Tekst.\n"
    # The page around the rendered text: title, intro, the text sanitized, then the courses; the text's headings
    # are its contents, for the theme to show beside it.
    page = generator.toolkit_page(guide)
    assert isinstance(page.content, str)
    assert page.content.startswith(f'<h1 id="{TITLE_ID}">Budgettet trin for trin</h1>')
    assert '<p>Tekst.</p>' in page.content and "<script" not in page.content
    assert '<h2 id="bruges-pa-kurserne">Bruges på kurserne</h2>\n<ul class="bruges-paa">' in page.content
    assert page.contents == (Heading("Første skridt", "frste-skridt", 2, (Heading("Et trin", "et-trin", 3),)),
                             Heading("To", "to", 2), Heading("Tre", "tre", 2), Heading("Fire", "fire", 2),
                             Heading("Bruges på kurserne", "bruges-pa-kurserne", 2))
    assert '<div class="toc"><span class="toctitle">Indhold</span>' in page.content  # a long guide's [TOC]
    assert generator.search().contents is None  # a page of the site's own shows no contents


def test_the_sign_up_rules_markdown_is_html_on_every_page_that_shows_them(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")
    department = project / "config" / "department.yml"
    department.write_text(department.read_text(encoding="utf-8").replace(
        "skal din bestyrelsesformand godkende", "skal din **bestyrelsesformand** godkende <script>x</script>", 1),
        encoding="utf-8")
    catalogue, diagnostics = load_catalogue(Project(project))
    assert catalogue is not None, diagnostics
    generator = PageGenerator(catalogue, TODAY)
    course = catalogue.course("afdelingsmoedet-og-dirigentrollen")
    assert course is not None
    for made in (generator.course(course), generator.practical(), generator.printable()):
        assert isinstance(made.content, str)
        assert "skal din <strong>bestyrelsesformand</strong> godkende" in made.content, made.src_uri
        assert "<script>x" not in made.content, made.src_uri


def test_an_editors_links_are_made_as_on_a_page_of_content(tmp_path: Path) -> None:
    """A course page stands where kurser/<slug>.md would: a relative link in its description to a page or a file
    of the site is written from there and made a link from the page's address, as MkDocs makes one on a page of
    content/; anything else is left as written."""
    _, page = generator_with(tmp_path, "\n".join([
        "[Skabelonen](../vaerktoejskasse/skabeloner/dagsorden-bestyrelsesmoede.md#punkter),",
        "[et andet kursus](det-gode-bestyrelsesmoede.md),",
        "[filen](../vaerktoejskasse/skabeloner/dagsorden-bestyrelsesmoede.docx),",
        "[intet](../findes-ikke.md), [ude](https://example.dk/a.md), [her](#hold), [roden](/om/),",
        "![billedet](../om/billeder/rediger-samlinger.png),",
        "[ud af sitet](../../../../etc/passwd), [script](javascript:alert(1)), [kode](%2e%2e/%2e%2e/mkdocs.yml)",
    ]))
    html = str(page.content)
    assert '<a href="../../vaerktoejskasse/skabeloner/dagsorden-bestyrelsesmoede/#punkter">Skabelonen</a>' in html
    assert '<a href="../det-gode-bestyrelsesmoede/">et andet kursus</a>' in html
    assert '<a href="../../vaerktoejskasse/skabeloner/dagsorden-bestyrelsesmoede.docx">filen</a>' in html
    assert '<a href="../findes-ikke.md">intet</a>' in html and '<a href="https://example.dk/a.md">ude</a>' in html
    assert '<a href="#hold">her</a>' in html and '<a href="/om/">roden</a>' in html
    assert '<img alt="billedet" src="../../om/billeder/rediger-samlinger.png">' in html
    # Out of the site, a script, a path written in escapes: left as written (the script's address then removed by
    # the sanitizer), and nothing is read: only the names of the files the check found are looked up.
    assert '<a href="../../../../etc/passwd">ud af sitet</a>' in html and "<a>script</a>" in html
    assert '<a href="%2e%2e/%2e%2e/mkdocs.yml">kode</a>' in html
