"""The owner of a build's state (catalogue/site_build.py) and the live preview's memory between builds."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from conftest import REFERENCE_DATE

from catalogue.catalogue import load_catalogue
from catalogue.diagnostics import Diagnostic
from catalogue.memo import Memo
from catalogue.offer import today_in_denmark
from catalogue.pages import GeneratedPage
from catalogue.project import Project
from catalogue.site_build import CatalogueErrors, PreviewMemory, SiteBuild, Written

TODAY = date.fromisoformat(REFERENCE_DATE)


def test_a_memo_makes_each_result_once_and_forgets_them_all_in_a_new_context() -> None:
    memo: Memo[str, int] = Memo()
    made: list[str] = []

    def make(key: str) -> int:
        made.append(key)
        return len(made)

    memo.within("taksonomi 1")
    assert [memo.get("a", lambda: make("a")), memo.get("a", lambda: make("a"))] == [1, 1]
    memo.within("taksonomi 1")  # the same context: kept
    assert memo.get("a", lambda: make("a")) == 1 and "a" in memo
    memo.within("taksonomi 2")
    assert "a" not in memo and len(memo) == 0
    assert memo.get("a", lambda: make("a")) == 2
    assert made == ["a", "a"]


def test_preview_memory_knows_a_page_made_as_last_time_only_while_its_file_is_there(tmp_path: Path) -> None:
    memory = PreviewMemory()
    page = GeneratedPage("kurser/a.md", "---\ntitle: A\n---\n")
    dest = tmp_path / "kurser" / "a" / "index.html"
    assert not memory.unchanged(page)  # nothing written yet
    dest.parent.mkdir(parents=True)
    dest.write_text("<h1>A</h1>", encoding="utf-8")
    assert memory.remember({page.src_uri: Written(page, str(dest))}) == []
    assert memory.unchanged(page)
    assert not memory.unchanged(GeneratedPage("kurser/a.md", "---\ntitle: A, nu med et nyt hold\n---\n"))
    dest.unlink()
    assert not memory.unchanged(page)


def test_preview_memory_gives_back_the_files_of_pages_no_longer_made(tmp_path: Path) -> None:
    memory = PreviewMemory()
    a, b = GeneratedPage("kurser/a.md", "A"), GeneratedPage("kurser/b.md", "B")
    memory.remember({p.src_uri: Written(p, str(tmp_path / p.src_uri)) for p in (a, b)})
    assert memory.remember({a.src_uri: Written(a, str(tmp_path / a.src_uri))}) == [str(tmp_path / "kurser/b.md")]
    assert memory.remember({}) == [str(tmp_path / "kurser/a.md")]


def test_preview_memory_tells_a_changed_theme() -> None:
    memory = PreviewMemory()
    assert memory.theme_changed("første")  # the first build builds everything
    assert not memory.theme_changed("første")
    assert memory.theme_changed("anden")


def test_a_course_file_is_validated_again_only_when_its_bytes_change(project: Path) -> None:
    memo = Memo()
    course = project / "courses" / "afdelingsmoedet-og-dirigentrollen.yml"
    load_catalogue(Project(project), memo=memo, today=TODAY)
    kept = len(memo)
    assert kept == len(list((project / "courses").glob("*.yml")))
    load_catalogue(Project(project), memo=memo, today=TODAY)
    assert len(memo) == kept
    course.write_text(course.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    catalogue, _ = load_catalogue(Project(project), memo=memo, today=TODAY)
    assert len(memo) == kept + 1
    assert catalogue is not None and catalogue.course(course.stem) is not None


def _broken(project: Path) -> Path:
    course = project / "courses" / "afdelingsmoedet-og-dirigentrollen.yml"
    course.write_text(course.read_text(encoding="utf-8").replace("niveau: ", "niveau: ekspert-", 1), encoding="utf-8")
    return course


def test_a_build_with_an_error_stops_and_reports_it(project: Path) -> None:
    _broken(project)
    reported: list[Diagnostic] = []
    build = SiteBuild(Project(project), TODAY, report=reported.extend, say=lambda _: None)
    with pytest.raises(CatalogueErrors, match="^1 fejl i kursusfilerne og siderne; ret dem og byg igen$"):
        build.start("https://kurser.example.dk/")
    assert [d.path for d in reported if d.is_error] == ["courses/afdelingsmoedet-og-dirigentrollen.yml"]


def test_the_preview_goes_on_without_the_file_with_an_error_and_gives_it_an_error_page(project: Path) -> None:
    course = _broken(project)
    reported: list[Diagnostic] = []
    said: list[str] = []
    build = SiteBuild(Project(project), TODAY, report=reported.extend, say=said.append, preview=True)
    catalogue = build.start("")
    assert catalogue.course(course.stem) is None
    assert [d.is_error for d in reported].count(True) == 1
    assert said == ["Bygger …", "1 fejl: forhåndsvisningen viser fejlene på adressen for hver fil, der har fejl"]
    assert [f.src_uri for f in build.broken] == [f"kurser/{course.stem}.md"]
    assert build.for_search is not None  # its error page is not searchable: no kind, no index terms
    assert build.for_search(f"kurser/{course.stem}.md", "Kurset har fejl", "<p>x</p>") == "<p>x</p>"
    assert "data-pagefind-meta" in build.for_search("kurser/det-gode-bestyrelsesmoede.md", "Møde", "<p>x</p>")
    assert build.publishes("om/index.md") and not build.publishes(f"kurser/{course.stem}.md")


def test_a_checked_catalogue_is_built_as_it_was_checked_and_only_once(project: Path) -> None:
    checked, _ = load_catalogue(Project(project), today=TODAY)
    assert checked is not None
    reported: list[list[Diagnostic]] = []
    build = SiteBuild(Project(project), TODAY, report=reported.append, say=lambda _: None, checked=checked)
    assert build.start("") is checked
    assert reported == [[]]  # build.py printed them in its check
    assert build.start("") is not checked  # a second build of the same object reads the files again


def test_the_preview_takes_the_date_in_denmark_at_every_rebuild(project: Path) -> None:
    # Sign-up for the Horsens session closes at the end of 29 January 2027; a session on 30 January 2029 is more
    # than two years ahead until that day (a warning that names the day it counts from).
    course = project / "courses" / "lovgivning-for-beboerdemokrater.yml"
    text = course.read_text(encoding="utf-8")
    course.write_text(text.replace("2027-10-30 09:30", "2029-01-30 09:30")
                      .replace("2027-10-30 15:30", "2029-01-30 15:30"), encoding="utf-8")
    now = [datetime(2027, 1, 29, 22, 59, tzinfo=timezone.utc)]  # 23:59 in Denmark
    reported: list[list[Diagnostic]] = []
    build = SiteBuild(Project(project), lambda: today_in_denmark(now[0]), report=reported.append,
                      say=lambda _: None, preview=True)

    def rebuilt() -> tuple[str, list[str]]:
        build.start("")
        assert build.generator is not None
        page = next(p for p in build.generator.all_pages() if p.src_uri == f"kurser/{course.stem}.md")
        return str(page.content), [d.message for d in reported[-1] if d.path == f"courses/{course.name}"]

    page, warnings = rebuilt()
    assert build.today == date(2027, 1, 29) and "Tilmeldingsfristen udløb" not in page
    assert any("mere end to år efter i dag (29. januar 2027)" in warning for warning in warnings), warnings
    now[0] = datetime(2027, 1, 29, 23, 0, tzinfo=timezone.utc)  # midnight in Denmark, still the 29th in UTC
    page, warnings = rebuilt()
    assert build.today == date(2027, 1, 30)
    assert "Tilmeldingsfristen udløb fredag 29. januar 2027." in page
    assert not any("mere end to år" in warning for warning in warnings), warnings


def test_a_build_with_a_date_keeps_it(project: Path) -> None:
    build = SiteBuild(Project(project), TODAY, report=lambda _: None, say=lambda _: None, preview=True)
    build.start("")
    build.start("")
    assert build.today == TODAY and build.generator is not None and build.generator.today == TODAY
