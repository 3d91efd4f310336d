"""Generated pages keep their finished HTML out of Markdown's parser, and render exactly as if they had not."""

from __future__ import annotations

from datetime import date

import markdown
import pytest
import yaml
from conftest import REFERENCE_DATE, REPO

from catalogue.catalogue import load_catalogue
from catalogue.pages import GeneratedPage, PageGenerator
from catalogue.project import Project


def mkdocs_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions and settings of the site's mkdocs.yml."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    names, settings = [], {}
    for extension in config["markdown_extensions"]:
        if isinstance(extension, dict):
            (name, options), = extension.items()
            settings[name] = options or {}
        else:
            name = extension
        names.append(name)
    return markdown.Markdown(extensions=names, extension_configs=settings)


def body(text: str) -> str:
    return text.split("---\n", 2)[2]  # without the front matter


@pytest.fixture(scope="module")
def pages() -> list[GeneratedPage]:
    catalogue, diagnostics = load_catalogue(Project(REPO))
    assert catalogue is not None, diagnostics
    generated = PageGenerator(catalogue, date.fromisoformat(REFERENCE_DATE)).all_pages()
    return [page for page in generated if page.src_uri.endswith(".md")]


def test_course_and_list_pages_hand_markdown_placeholders(pages: list[GeneratedPage]) -> None:
    by_path = {page.src_uri: page for page in pages}
    for path in ["kurser/budgetopfoelgning.md", "kurser/index.md", "kurser/katalog.md", "emner/oekonomi.md"]:
        page = by_path[path]
        assert page.html_blocks, path
        assert "<dl" not in page.content and "kursus-kort" not in page.content and "<section" not in page.content
        assert "<!--kursus-html-0-->" in page.content
    # Headings and the editors' own Markdown stay Markdown, so the page's table of contents is as before.
    course = by_path["kurser/budgetopfoelgning.md"].content
    assert "\n## Indhold\n" in course and "\n## Andre hold\n" in course


def test_placeholders_render_exactly_as_the_whole_markdown(pages: list[GeneratedPage]) -> None:
    compared = 0
    for page in pages:
        whole = mkdocs_markdown().convert(body(page.markdown()))
        fast = page.restore_html(mkdocs_markdown().convert(body(page.content)))
        assert fast == whole, page.src_uri
        compared += bool(page.html_blocks)
    assert compared > 30


def test_blocks_are_put_back_where_they_stood() -> None:
    page = GeneratedPage("x.md", "---\ntitle: x\n---\n\n<!--kursus-html-1-->\n\n## B\n\n<!--kursus-html-0-->\n",
                         ("<p>nul</p>", "<p>en</p>"))
    assert page.markdown() == "---\ntitle: x\n---\n\n<p>en</p>\n\n## B\n\n<p>nul</p>\n"
    assert page.restore_html("<!--kursus-html-0--><h2>B</h2>") == "<p>nul</p><h2>B</h2>"
    # A placeholder-like comment that is not one of the page's blocks (say, in an editor's text) stays.
    assert page.restore_html("<!--kursus-html-7-->") == "<!--kursus-html-7-->"


def test_a_page_without_blocks_is_left_alone() -> None:
    page = GeneratedPage("kalender.ics", b"BEGIN:VCALENDAR\r\n")
    assert page.restore_html("<p>x</p>") == "<p>x</p>"


def test_finish_sanitizes_what_markdown_made_and_keeps_the_templates_html() -> None:
    ours = '<script type="application/ld+json">{"name": "x"}</script><form id="kursusfilter" hidden></form>'
    page = GeneratedPage("x.md", "", (ours,))
    rendered = ('<h2 id="indhold">Indhold</h2><p>Tekst<script>window.x=1</script> <a href="javascript:x()">a</a>'
                '<img src="https://evil.example/spor.png" onerror="x()"></p><div>åben\n'
                '<!--kursus-html-0-->\n<p>efter</p>')
    finished = page.finish(rendered)
    assert finished == ('<h2 id="indhold">Indhold</h2><p>Tekst <a>a</a><img></p><div>åben\n</div>' + ours
                        + '\n<p>efter</p>')


def test_an_editor_cannot_pose_as_a_placeholder(pages: list[GeneratedPage]) -> None:
    from catalogue.pages import editor_markdown

    assert "<!--kursus-html-" not in editor_markdown("før <!--kursus-html-0--> efter")
    assert editor_markdown("<b>fed</b> & **fed**") == "<b>fed</b> & **fed**"  # Markdown and HTML as written


def test_the_sign_up_rules_markdown_is_html_on_every_page_that_shows_them(tmp_path) -> None:
    from conftest import copy_project

    project = copy_project(tmp_path / "projekt")
    department = project / "config" / "department.yml"
    department.write_text(department.read_text(encoding="utf-8").replace(
        "skal din bestyrelsesformand godkende", "skal din **bestyrelsesformand** godkende <script>x</script>", 1),
        encoding="utf-8")
    catalogue, diagnostics = load_catalogue(Project(project))
    assert catalogue is not None, diagnostics
    generator = PageGenerator(catalogue, date.fromisoformat(REFERENCE_DATE))
    course = catalogue.course("afdelingsmoedet-og-dirigentrollen")
    assert course is not None
    for made in (generator.course(course), generator.practical(), generator.printable()):
        html, src_uri = made.markdown(), made.src_uri
        assert "skal din <strong>bestyrelsesformand</strong> godkende" in html, src_uri
        assert "<script>x" not in html, src_uri
