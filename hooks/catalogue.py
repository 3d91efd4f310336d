"""MkDocs adapter: validate the editors' files and add the generated pages.

All domain logic is in the ``catalogue`` package, which knows nothing of
MkDocs; this file only hands its results to MkDocs. Its one module-level name,
``build``, is the ``SiteBuild`` this build (or the live preview's series of
builds) belongs to: ``build.py`` sets it after loading the configuration (MkDocs
loads a hook once per process), and a plain ``mkdocs build`` or ``mkdocs serve``
gets one made in ``on_startup``/``on_config`` that reports through MkDocs' log.
"""

from __future__ import annotations

import contextlib
import functools
import html as html_lib
import logging
import os
import posixpath
import sys
from pathlib import Path

import markupsafe
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

# MkDocs loads hooks by path; make the project's own package importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from catalogue.cms import admin_files, toolkit_pages  # noqa: E402
from catalogue.diagnostics import Diagnostic, capped  # noqa: E402
from catalogue.linear_markdown import with_linear_markdown  # noqa: E402
from catalogue.models import PAGE_HIDE  # noqa: E402
from catalogue.offer import today_in_denmark  # noqa: E402
from catalogue.pages import TITLE_ID, GeneratedPage  # noqa: E402
from catalogue.project import Project  # noqa: E402
from catalogue.safehtml import EditorMarkdown, Heading  # noqa: E402
from catalogue.site_build import CatalogueErrors, SiteBuild  # noqa: E402

build: SiteBuild | None = None


def _logged(diagnostics: list[Diagnostic]) -> None:
    logger = logging.getLogger("mkdocs.hooks.catalogue")
    for diagnostic in capped(diagnostics):
        (logger.error if diagnostic.is_error else logger.warning)(str(diagnostic))


def _own_build(preview: bool) -> SiteBuild:
    """For `mkdocs build` and `mkdocs serve` run by hand: today's date at each build, diagnostics in MkDocs' log."""
    return SiteBuild(Project(Path(__file__).resolve().parent.parent), today_in_denmark, report=_logged,
                     say=logging.getLogger("mkdocs.hooks.catalogue").info, preview=preview)


def _current() -> SiteBuild:
    assert build is not None, "on_config makes the build"
    return build


def _title_link(title: str) -> AnchorLink:
    """The page's title as the first entry of its table of contents: the theme's "Gå til indholdet" leads there."""
    return AnchorLink(title, TITLE_ID, 1)


def _anchor(heading: Heading) -> AnchorLink:
    link = AnchorLink(heading.title, heading.id, heading.level)
    link.children = [_anchor(child) for child in heading.children]
    return link


class _Generated(Page):
    """A page the catalogue made whole (catalogue/pages.py): MkDocs reads no file and renders no Markdown for it,
    as Material's blog plugin does with its own pages. Its table of contents is its title, with the contents of a
    toolkit page's text under it; hidden on a page without them."""

    def __init__(self, made: GeneratedPage, title: str | None, file: File, config: MkDocsConfig) -> None:
        self.made = made
        super().__init__(title, file, config)  # title: the navigation's name for the page, if it has one

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        self.meta = {"title": markupsafe.escape(self.made.title),
                     "description": markupsafe.escape(self.made.description),
                     "hide": ["toc"] if self.made.contents is None else []}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        assert isinstance(self.made.content, str)
        self.content = self.made.content
        title = _title_link(self.meta["title"])
        title.children = [_anchor(heading) for heading in self.made.contents or ()]
        self.toc = TableOfContents([title])


def _nav_titles(nav: list | None) -> dict[str, str]:
    """The navigation's names of its pages, by source path (mkdocs.yml's nav: a list of {name: path or list})."""
    found: dict[str, str] = {}
    for entry in nav or []:
        if isinstance(entry, dict):
            for name, target in entry.items():
                if isinstance(target, str):
                    found[target] = name
                else:
                    found.update(_nav_titles(target))
    return found


# `mkdocs serve` run by hand: a preview
def on_startup(command: str, dirty: bool) -> None:
    global build
    if build is None and command == "serve":
        build = _own_build(preview=True)


# Validate the editors' files once per build; stop with every problem listed (in a preview: go on without them)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global build
    if build is None:
        build = _own_build(preview=False)
    # MkDocs' own pages (content/om/…) are rendered at linear cost too, as the editors' Markdown is
    config.markdown_extensions = with_linear_markdown(config.markdown_extensions)
    try:
        build.start(config.site_url or "", EditorMarkdown(config.markdown_extensions, config.mdx_configs))
    except CatalogueErrors as errors:
        raise Abort(str(errors)) from None
    # In the preview, each file with errors gets an error page where its course or page would be, and every
    # page a banner that leads there (Material's announce block in main.html); the theme's own pages (the 404
    # page) show the department's contact details from config/department.yml.
    config.extra.update(build.theme_extra())
    return config


# In a preview, rebuild when a course, a learning path, an evaluation, the taxonomy, the department file or a page
# template changes; say where the preview is
def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
    project = _current().project
    for folder in (project.courses_dir, project.paths_dir, project.evaluations_dir, project.taxonomy_file.parent,
                   project.templates_dir):
        if folder.is_dir():
            server.watch(str(folder))
    host, port = config.dev_addr
    _current().say(f"Forhåndsvisningen kører på http://{host}:{port}/ – tryk Ctrl+C for at stoppe.")
    return server


# Add the pages and files that have no file of their own (courses, topics, calendars, feed, …)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = _current()
    assert site.generator is not None and site.catalogue is not None
    site.phase("sider")
    theme_changed = site.theme_changed(Path(config.config_file_path))
    for file in list(files):
        if file.src_dir == config.docs_dir and not site.publishes(file.src_uri):  # not the theme's, not generated
            files.remove(file)
    # Decap CMS's forms at /admin/ (in the preview: against the working copy through `build.py cms`)
    catalogue = site.catalogue
    for src_uri, data in admin_files(catalogue.project, catalogue.taxonomy, catalogue.department,
                                     toolkit_pages(catalogue.toolkit), site.preview).items():
        files.append(File.generated(config, src_uri, **({"abs_src_path": str(data)} if isinstance(data, Path)
                                                        else {"content": data})))
    unchanged = set()
    nav_titles = _nav_titles(config.nav)
    # (the search index from now on, unless Material's own search is on)
    for page in site.make_pages(Path(config.site_dir) if "material/search" not in config.plugins else None):
        file = files.get_file_from_path(page.src_uri)  # a toolkit page's own file
        if file is None:
            file = File.generated(config, page.src_uri, content="" if page.is_page else page.content)
            files.append(file)
        if page.is_page:
            _Generated(page, nav_titles.get(page.src_uri), file, config)
        if site.memory is not None and not theme_changed and site.memory.unchanged(page):
            unchanged.add(page.src_uri)  # in the preview (a dirty build), not written again
        site.wrote(page, file.abs_dest_path)
    if site.memory is not None:
        # Whether a file has changed is decided once per build: MkDocs asks before reading a page and again
        # before writing it, and a file saved in between (the forms at /admin/ save often) would be written
        # without having been read. A page made here has changed when it is not made as last time (a toolkit page
        # also when only the courses that use it changed). The theme shows on every page: when it changed, build
        # them all.
        for file in files:
            modified = (file.src_uri not in unchanged if file.src_uri in site.generated
                        else theme_changed or file.is_modified())
            file.is_modified = lambda modified=modified: modified
    for dest in site.all_made():  # the preview: a course that left, its page goes too
        with contextlib.suppress(OSError):
            os.remove(dest)
    return files


# The phases of a build (`build.py build --tider`): the pages are made (on_files), MkDocs renders the Markdown of
# the other pages of content/ (after on_nav), copies the theme's and content/'s other files (on_env), then puts each
# page in the theme and writes it. From the first page made, Pagefind indexes each page as its content is finished,
# unless Material's search is on (SiteBuild.make_pages).
def on_nav(nav, config: MkDocsConfig, files: Files):
    site = _current()
    site.phase("markdown")
    # Every page is there now: the sitemap dates each by the build's reference date, the one date a build goes by
    # (MkDocs would give the day in UTC, which is the day before Denmark's for an hour or two after midnight)
    for file in files.documentation_pages():
        file.page.update_date = site.today.isoformat()
    return nav


def on_env(env, config: MkDocsConfig, files: Files):
    site = _current()
    site.phase("filer")
    site.contents_made()  # MkDocs has rendered every page's Markdown
    env.globals["theme_part"] = functools.partial(_theme_part, frozenset(_nav_titles(config.nav)))
    env.filters["after_styles"] = _after_styles
    return env


def _after_styles(scripts: markupsafe.Markup) -> markupsafe.Markup:
    """The theme's scripts at the end of every page (Material's bundle, kursus.js) asked for with low priority:
    Chromium then fetches them after the styles, so the page is drawn before they come (Lighthouse's FCP on slow 4G
    1.5 → 1.1 s). They still run as the page is read, before it is done."""
    return markupsafe.Markup(str(scripts).replace("<script src=", '<script fetchpriority="low" src='))


# Parts of the theme made once for pages side by side (main.html): on pages in the same folder at the same depth,
# every link to the rest of the site is the same (a page's link to itself, './', is then '../<its name>/', the same
# address), so the header, the footer, the theme's styles, scripts and settings are the same on each. The menu (tabs)
# and the menu's sidebar (nav) too, for pages outside the navigation: on such a page nothing in them is marked as
# where one is.
def _theme_part(navigation: frozenset[str], page: Page | None, name: str, make) -> markupsafe.Markup:
    side_by_side = name in ("header", "footer", "styles", "config", "scripts")
    assert side_by_side or name in ("tabs", "nav"), name  # the menu and its sidebar
    shared = page is not None and (side_by_side or page.file.src_uri not in navigation)
    key = (name, posixpath.dirname(page.url.rstrip("/")), str(page.url.count("/"))) if shared and page else None
    return markupsafe.Markup(_current().theme_part(key, lambda: str(make())))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _current().phase("tema og skrivning")
    return output


# A page of content/ outside the toolkit: the theme gets its title, description and what to hide, nothing else of
# its front matter (Material prints page.meta as it is, and acts on keys like 'template'); title and description go
# as text.
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if isinstance(page, _Generated):
        return markdown
    meta = page.meta
    page.meta = {key: markupsafe.escape(meta[key]) for key in ("title", "description")
                 if isinstance(meta.get(key), str)}
    hide = meta.get("hide")
    page.meta["hide"] = [h for h in hide if h in PAGE_HIDE] if isinstance(hide, list) else []
    return markdown


# A page titled by its first heading: that title as text too (Material would print it through 'striptags',
# which turns '&lt;' back into '<').
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if "title" not in page.meta and page.title:
        page.meta["title"] = markupsafe.escape(html_lib.unescape(page.title))
    return context


# The page's finished content (catalogue/site_build.py page_html).
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _current().page_html(page.file.src_uri, html_lib.unescape(page.title or ""), html)


# Every page is written: the search index is finished (Pagefind; no server, no outside request)
def on_post_build(config: MkDocsConfig) -> None:
    _current().finish()


def on_build_error(error: Exception) -> None:
    if build is not None:
        build.abandon()
