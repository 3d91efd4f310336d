"""One build of the site, or the live preview's series of them: the one owner of what a build knows.

``build.py`` makes a ``SiteBuild`` and hands it to the site engine's adapter (``hooks/catalogue.py``, whose
functions delegate to it). It holds the project, the reference date, whether this is the preview, the catalogue
(checked by ``build.py`` already, or read in ``start``), the page generator, the compound splitter and the pages
this build made; in the preview, ``PreviewMemory`` keeps what one build leaves for the next. Nothing here knows the
engine: the adapter turns pages into the engine's files and asks back here what to do with them.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from .booklet import Booklets, Printed
from .catalogue import Catalogue, CourseFilesMemo, load_catalogue
from .diagnostics import Diagnostic
from .memo import Memo, fingerprint
from .pages import CourseMemos, GeneratedPage, PageGenerator
from .preview import BrokenFile, banner, broken_files, error_addresses
from .processes import Shared
from .project import Project
from .safehtml import EditorMarkdown, sanitize
from .search import CompoundSplitter, ForSearch, SearchIndex, bundle_name, site_texts, write_compounds
from .urls import page_file

# From this many courses on, a build makes their pages and calendars on every processor (the preview makes them
# here, once for each version of each course file).
PROCESSES_FROM = 500

# How a build tells a person what it found: its diagnostics (all of them: the receiver caps them), and a line of
# progress.
Report = Callable[[list[Diagnostic]], None]
Say = Callable[[str], None]


class CatalogueErrors(Exception):
    """The editors' files have errors and this is not the preview: nothing is built."""

    def __init__(self, errors: int) -> None:
        super().__init__(f"{errors} fejl i kursusfilerne og siderne; ret dem og byg igen")


@dataclass(frozen=True)
class Written:
    """A generated page and where the engine wrote it."""

    page: GeneratedPage
    dest: str


class PreviewMemory:
    """What the live preview keeps from one build for the next, so that a rebuild redoes only what changed."""

    def __init__(self) -> None:
        self.course_files: CourseFilesMemo = Memo()  # each course file's validation
        self.course_pages = CourseMemos()  # each course file's page and calendars
        self._theme: str | None = None
        self._written: dict[str, Written] = {}

    def theme_changed(self, theme: str) -> bool:
        """Whether the theme (its fingerprint) is not the last build's; from now on it is."""
        changed, self._theme = theme != self._theme, theme
        return changed

    def unchanged(self, page: GeneratedPage) -> bool:
        """The page is made exactly as at the last build, and the file written then is still there."""
        before = self._written.get(page.src_uri)
        return before is not None and before.page == page and os.path.exists(before.dest)

    def remember(self, written: dict[str, Written]) -> list[str]:
        """What this build wrote, for the next one; the files of pages it no longer makes, to be removed."""
        gone = [before.dest for src_uri, before in self._written.items() if src_uri not in written]
        self._written = dict(written)
        return gone


class SiteBuild:
    """The state of one build (with ``preview``: of each rebuild in turn) and the decisions the adapter asks for."""

    def __init__(self, project: Project, today: date | Callable[[], date], report: Report, say: Say,
                 preview: bool = False, checked: Catalogue | None = None, booklets: bool | None = None) -> None:
        """``today``: the reference date, or where each build takes it (the preview without ``--dato``: today in
        Denmark, so that a preview left running past midnight shows the new day's catalogue at its next rebuild).
        ``checked``: the catalogue ``build.py`` has just checked and reported on, for the build that follows.
        ``booklets``: whether the build makes the course booklet as PDF (default: not in the preview, where it
        would make every rebuild wait for it)."""
        self.project = project
        self._today = today if callable(today) else lambda: today
        self.today = self._today()  # this build's, taken again in ``start``
        self.report = report
        self.say = say
        self.preview = preview
        self.makes_booklets = not preview if booklets is None else booklets
        self.memory = PreviewMemory() if preview else None
        self._checked = checked
        # This build's, from ``start``:
        self.catalogue: Catalogue | None = None
        self.generator: PageGenerator | None = None
        self.splitter: CompoundSplitter | None = None
        self.broken: list[BrokenFile] = []
        self.generated: dict[str, Written] = {}  # by source path
        self.for_search: ForSearch | None = None
        self.search: SearchIndex | None = None  # while the pages are made
        self.site_url = ""
        self._printing: Shared[list, list[Printed]] | None = None  # the booklets' process, while it works
        self._theme_parts: dict[tuple[str, ...], str] = {}  # parts of the theme made once (``theme_part``)
        self.phases: dict[str, float] = {}  # seconds in each phase, in order (``phase``)
        self._phase: tuple[str, float] | None = None

    def phase(self, name: str | None) -> None:
        """The build is now in the named phase (None: done); the time since the last change counts for the last."""
        if self._phase is not None and self._phase[0] == name:
            return
        now = time.perf_counter()
        if self._phase is not None:
            last, since = self._phase
            self.phases[last] = self.phases.get(last, 0.0) + now - since
        self._phase = (name, now) if name is not None else None

    def start(self, site_url: str, markdown: EditorMarkdown | None = None) -> Catalogue:
        """Read and check the editors' files (unless checked already), and get ready to make the pages, with the
        editors' Markdown in them rendered by ``markdown`` (with the engine's extensions; plain Markdown without).

        Raises ``CatalogueErrors`` when there is an error and this is not the preview, which goes on without the
        files that have errors and shows an error page at the address of each.
        """
        self.phases, self._phase = {}, None
        self.today = self._today()
        self.site_url = site_url
        self.phase("indlæsning")  # and on till the pages are made: MkDocs reads the theme and walks content/
        if self.preview:
            self.say("Bygger …")
        catalogue, diagnostics = self._checked, []
        self._checked = None  # once: a second build of the same object reads the files again
        if catalogue is None:
            catalogue, diagnostics = load_catalogue(
                self.project, partial=self.preview, today=self.today,
                memo=self.memory.course_files if self.memory else None)
        self.report(diagnostics)
        errors = sum(d.is_error for d in diagnostics)
        if catalogue is None:
            raise CatalogueErrors(errors)
        if errors:
            self.say(f"{errors} fejl: forhåndsvisningen viser fejlene på adressen for hver fil, der har fejl")
        self.broken = broken_files(self.project, diagnostics) if self.preview else []
        self.catalogue = catalogue
        self.splitter = CompoundSplitter.from_texts(site_texts(catalogue))
        self.for_search = ForSearch(catalogue, self.splitter, self.today, not_indexed=error_addresses(self.broken))
        self.generator = PageGenerator(catalogue, self.today, site_url, broken=self.broken,
                                       memo=self.memory.course_pages if self.memory else None, markdown=markdown,
                                       for_search=self.for_search,
                                       processes=self.memory is None and len(catalogue.courses) >= PROCESSES_FROM)
        self.generated = {}
        self._theme_parts = {}
        return catalogue

    def theme_extra(self) -> dict[str, object]:
        """What the theme's own templates show: the preview's banner (None: no errors) and the department's
        contact details (on the 404 page)."""
        assert self.catalogue is not None
        department = self.catalogue.department
        return {"forhaandsvisning": banner(self.broken),
                "afdeling": {"navn": department.navn, "email": department.email, "telefon": department.telefon,
                             "telefontid": department.telefontid or ""}}

    def theme_changed(self, config_file: Path) -> bool:
        """In the preview: whether the engine's configuration, the banner or the theme overrides changed since
        the last build (they show on every page, so every page is made again). Outside it: always."""
        if self.memory is None:
            return True
        overrides = sorted((self.project.templates_dir / "overrides").rglob("*"))
        return self.memory.theme_changed(fingerprint(config_file.read_bytes(), repr(banner(self.broken)),
                                                     *(p.read_bytes() for p in overrides if p.is_file())))

    def publishes(self, src_uri: str) -> bool:
        """Whether a file of content/ is published: only the regular files the check found there (never a link,
        whatever it points to), and in the preview not a page with errors, which gives way to its error page."""
        assert self.catalogue is not None and self.generator is not None
        return src_uri in self.catalogue.content and src_uri not in self.generator.error_addresses

    def wrote(self, page: GeneratedPage, dest: str) -> None:
        self.generated[page.src_uri] = Written(page, dest)

    def page_html(self, src_uri: str, title: str, html: str) -> str:
        """A page's finished content, as the engine puts it in the theme: a page made here as made; another page of
        content/ as the engine rendered its Markdown, sanitized, with what search needs (the page's kind, the parts
        of its compound words: 'afdelingsmødet' → 'afdeling', 'mødet')."""
        assert self.for_search is not None
        if src_uri in self.generated:
            return html
        html = self.for_search(src_uri, title, sanitize(html))
        if self.search is not None:
            self.search.add(page_file(src_uri), html)
        return html

    def theme_part(self, key: tuple[str, ...] | None, make: Callable[[], str]) -> str:
        """A part of the theme the same on every page of ``key`` (None: this page's own), made once per build."""
        if key is None:
            return make()
        if key not in self._theme_parts:
            self._theme_parts[key] = make()
        return self._theme_parts[key]

    def make_pages(self, site_dir: Path | None) -> list[GeneratedPage]:
        """Every page and file with no file of its own, and the toolkit's pages (``PageGenerator.all_pages``). With
        ``site_dir``, the pages are indexed for search for the site there: each page made here as soon as it is
        made, each other page of content/ when its content is finished (``page_html``); Pagefind indexes them in
        its own process while the build goes on. The preview keeps the index of its first build: rebuilds stay
        fast."""
        assert self.catalogue is not None and self.generator is not None
        booklets = self._booklets()
        if site_dir is None or (self.preview and (site_dir / bundle_name(1)).is_dir()):
            return self.generator.all_pages(booklets=booklets)
        pages = (len(self.generator.page_sources | self.generator.error_addresses)
                 + len(self.catalogue.content.with_suffix(".md")))  # how many, for its parts

        def index(page: GeneratedPage) -> None:
            if self.search is None:  # from the first page made: every process that makes them is forked by now
                self.search = SearchIndex(site_dir, pages)
            self.search.add(page_file(page.src_uri), str(page.content))

        return self.generator.all_pages(each=index, booklets=booklets)

    def _booklets(self) -> list[Printed] | Callable[[], list[Printed]]:
        """The course booklets (catalogue/booklet.py): none, or none possible; made at once in the preview (its
        server runs threads, so nothing is forked); else started in a process of their own, forked before anything
        else of the build is, and given by the function returned when they are done."""
        assert self.catalogue is not None and self.generator is not None
        if not self.makes_booklets:
            return []
        booklets = Booklets(self.catalogue, self.today, self.site_url, self.generator.paths_for_new_members())
        plans = booklets.plans()
        if not plans:
            return []
        if self.preview:
            return booklets.make(plans)
        self._printing = Shared(booklets.make, [plans], 1, batch=1)

        def done() -> list[Printed]:
            assert self._printing is not None
            printing, self._printing = self._printing, None
            return printing.gather()[0]

        return done

    def contents_made(self) -> None:
        """Every page's content is finished (what remains is putting them in the theme): search indexes the rest."""
        if self.search is not None:
            self.search.close()

    def all_made(self) -> list[str]:
        """Every generated page is made. In the preview: the files of the last build's pages that this one no longer
        makes, to be removed before anything is written (a file of content/ may be written where one of them was:
        a page whose errors were fixed, in place of its error page)."""
        return self.memory.remember(self.generated) if self.memory is not None else []

    def abandon(self) -> None:
        """The build failed: the booklets' process and the search index stop."""
        if self._printing is not None:
            printing, self._printing = self._printing, None
            printing.stop()
        if self.search is not None:
            search, self.search = self.search, None
            search.abandon()
        self.phase(None)

    def finish(self) -> None:
        """The build is written: the search index is finished, with the compounds a query's words may be split
        into beside it."""
        if self.search is not None:
            self.phase("søgeindeks")
            search, self.search = self.search, None
            assert self.splitter is not None and self.catalogue is not None
            search.close()  # Pagefind indexes the last part while the compounds are written
            try:
                write_compounds(search.site_dir, self.splitter, site_texts(self.catalogue))
            except BaseException:
                search.abandon()
                raise
            search.finish()
        self.phase(None)
        if self.preview:
            self.say("Klar.")
