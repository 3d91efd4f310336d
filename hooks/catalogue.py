"""MkDocs adapter: validate the editors' files and add the generated pages.

All domain logic is in the ``catalogue`` package, which knows nothing of
MkDocs; this file only hands its results to MkDocs.
"""

from __future__ import annotations

import contextlib
import html as html_lib
import logging
import os
import sys
from pathlib import Path

import markupsafe
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

# MkDocs loads hooks by path; make the project's own package importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from catalogue import memo  # noqa: E402
from catalogue.catalogue import load_catalogue  # noqa: E402
from catalogue.cms import admin_files  # noqa: E402
from catalogue.diagnostics import capped  # noqa: E402
from catalogue.models import PAGE_HIDE  # noqa: E402
from catalogue.offer import reference_date  # noqa: E402
from catalogue.pages import GeneratedPage, PageGenerator, finish_html  # noqa: E402
from catalogue.preview import banner, broken_files  # noqa: E402
from catalogue.project import PREVIEW_VARIABLE, REFERENCE_DATE_VARIABLE, Project  # noqa: E402
from catalogue.search import (  # noqa: E402
    CompoundSplitter,
    build_search_index,
    bundle_name,
    index_terms_html,
    kind_html,
    page_kind,
    site_texts,
    write_compounds,
)
from catalogue.validation import fingerprint  # noqa: E402

log = logging.getLogger("mkdocs.hooks.catalogue")

_generator: PageGenerator | None = None
_splitter: CompoundSplitter | None = None
# This build's generated files by source path, and where each is written (their finished HTML blocks go back in).
_generated: dict[str, tuple[GeneratedPage, str]] = {}
# This build's toolkit pages as made by on_page_markdown: their finished HTML blocks go back in too.
_toolkit_pages: dict[str, GeneratedPage] = {}


def _previewing() -> bool:
    return os.environ.get(PREVIEW_VARIABLE) == "1"


def _project(config: MkDocsConfig) -> Project:
    return Project(Path(config.config_file_path).resolve().parent)


# Remember when this is a preview, for every rebuild to come
def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        os.environ[PREVIEW_VARIABLE] = "1"


# Validate the editors' files once per build; stop with every problem listed (in a preview: go on without them)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _generator, _splitter
    preview = _previewing()
    project = _project(config)
    today = reference_date(os.environ.get(REFERENCE_DATE_VARIABLE))
    catalogue, diagnostics = memo.checked.pop(project.root, None), []  # `build.py build` has just checked it
    if catalogue is None:
        catalogue, diagnostics = load_catalogue(project, partial=preview, memo=memo.course_files, today=today)
    for diagnostic in capped(diagnostics):
        (log.error if diagnostic.is_error else log.warning)(str(diagnostic))
    errors = sum(d.is_error for d in diagnostics)
    if catalogue is None:
        raise Abort(f"{errors} fejl i kursusfilerne og siderne; ret dem og byg igen")
    if errors:
        log.warning(f"{errors} fejl: forhåndsvisningen viser fejlene på adressen for hver fil, der har fejl")
    # In the preview, each file with errors gets an error page where its course or page would be, and every
    # page a banner that leads there (Material's announce block in main.html, from config.extra).
    broken = broken_files(project, diagnostics) if preview else []
    _generator = PageGenerator(catalogue, today, config.site_url or "", memo=memo.course_pages if preview else None,
                               broken=broken)
    config.extra["forhaandsvisning"] = banner(broken)
    _splitter = CompoundSplitter.from_texts(site_texts(catalogue))
    # The theme's own pages (the 404 page) show the department's contact details from config/department.yml
    department = catalogue.department
    config.extra["afdeling"] = {"navn": department.navn, "email": department.email, "telefon": department.telefon,
                                "telefontid": department.telefontid or ""}
    return config


# In a preview, rebuild when a course, a learning path, an evaluation, the taxonomy, the department file or a page
# template changes
def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
    project = _project(config)
    for folder in (project.courses_dir, project.paths_dir, project.evaluations_dir, project.taxonomy_file.parent,
                   project.templates_dir):
        if folder.is_dir():
            server.watch(str(folder))
    return server


# Add the pages and files that have no file of their own (courses, topics, calendars, feed, …)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _generator is not None
    preview = _previewing()
    theme = fingerprint(Path(config.config_file_path).read_bytes(), repr(config.extra["forhaandsvisning"]),
                        *(p.read_bytes() for p in sorted((_generator.catalogue.project.templates_dir / "overrides")
                                                         .rglob("*")) if p.is_file()))
    theme_changed = theme != memo.theme.get("last")
    memo.theme["last"] = theme
    _generated.clear()
    _toolkit_pages.clear()
    # Only the regular files that the check found under content/ are published: never a link, whatever it
    # points to (MkDocs would follow it and copy /etc/passwd or a folder from outside the repository).
    # In the preview, a page with errors gives way to its error page.
    content = _generator.catalogue.content
    for file in list(files):
        if file.src_dir == config.docs_dir and (file.src_uri not in content  # not the theme's, not generated
                                                or file.src_uri in _generator.error_addresses):
            files.remove(file)
    # Decap CMS's forms at /admin/ (in the preview: against the working copy through `build.py cms`)
    catalogue = _generator.catalogue
    for src_uri, data in admin_files(catalogue.project, catalogue.taxonomy, catalogue.department, preview).items():
        files.append(File.generated(config, src_uri, **({"abs_src_path": str(data)} if isinstance(data, Path)
                                                        else {"content": data})))
    for page in _generator.all_pages():
        file = File.generated(config, page.src_uri, content=page.content)
        # In the preview (a dirty build), a page made exactly as last time is not written again.
        before = memo.written.get(page.src_uri)
        if preview and not theme_changed and before and before[0] == page and os.path.exists(before[1]):
            file.is_modified = lambda: False
        files.append(file)
        _generated[page.src_uri] = (page, file.abs_dest_path)
    if preview:
        # Whether a file has changed is decided once per build: MkDocs asks before reading a page and again
        # before writing it, and a file saved in between (the forms at /admin/ save often) would be written
        # without having been read.
        for file in files:
            modified = theme_changed or file.is_modified()  # the theme shows on every page: build them all
            file.is_modified = lambda modified=modified: modified
        for src_uri in memo.written.keys() - _generated.keys():  # a course that left: its page goes too
            with contextlib.suppress(OSError):
                os.remove(memo.written[src_uri][1])
        memo.written.clear()
        memo.written.update(_generated)
    return files


# Every page: the theme gets its title, description and what to hide, nothing else of its front matter (Material
# prints page.meta as it is, and acts on keys like 'template'); title and description go as text. Toolkit pages:
# title and description from their Danish keys, and the part for their type.
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _generator is not None
    item = _generator.catalogue.toolkit.get(page.file.src_uri)
    meta = {"title": item.meta.titel, "description": item.meta.intro} if item is not None else page.meta
    page.meta = {key: markupsafe.escape(meta[key]) for key in ("title", "description")
                 if isinstance(meta.get(key), str)}
    hide = meta.get("hide")
    page.meta["hide"] = [h for h in hide if h in PAGE_HIDE] if isinstance(hide, list) else []
    if item is None:
        return markdown
    made = _generator.toolkit_page(item, markdown)
    _toolkit_pages[page.file.src_uri] = made
    return made.content


# A page titled by its first heading: that title as text too (Material would print it through 'striptags',
# which turns '&lt;' back into '<').
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if "title" not in page.meta and page.title:
        page.meta["title"] = markupsafe.escape(html_lib.unescape(page.title))
    return context


# Sanitize what Markdown made (editors' text and HTML) and put back the finished HTML of generated and toolkit
# pages; give search the page's kind and the parts of its compound words ('afdelingsmødet' → 'afdeling', 'mødet')
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _splitter is not None and _generator is not None
    made = _generated[page.file.src_uri][0] if page.file.src_uri in _generated else _toolkit_pages.get(
        page.file.src_uri)
    html = made.finish(html) if made is not None else finish_html(html)
    kind = page_kind(page.file.src_uri, _generator.catalogue)
    if kind is None or page.file.src_uri in _generator.error_addresses:  # not indexed
        return html
    return html + kind_html(kind) + index_terms_html(_splitter, html_lib.unescape(page.title or ""), html)


# Index the built site for search (Pagefind; no server, no outside request)
def on_post_build(config: MkDocsConfig) -> None:
    index = Path(config.site_dir) / bundle_name(1)
    if _previewing() and index.is_dir():
        return  # the preview keeps the index of its first build: rebuilds stay fast
    if "material/search" not in config.plugins:
        build_search_index(Path(config.site_dir))
        if _splitter is not None:
            write_compounds(Path(config.site_dir), _splitter.compounds())
