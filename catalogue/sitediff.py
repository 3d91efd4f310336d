"""The pages a change adds, changes or removes: two built sites compared (for the pull request's summary).

A page is an ``index.html`` (or ``404.html``) in a built site; its address is its folder (``kurser/budget/``).
A page has changed when its own content has: the main content (Material's ``<article>``, else ``.md-content``,
``<main>``, ``<body>``) and its title, read as HTML tokens with runs of whitespace made one. The rest of a page
(header, menu, footer, asset links) is the same on every page: a change there would list them all. Nor do the
invisible search terms count (elements both ``hidden`` and ``aria-hidden="true"``, ``search.index_terms_html``):
they are split against the whole site's vocabulary, so they may differ on a page whose text did not.
Not pages: the assets, the search index, ``admin/`` (Decap CMS's forms), calendars and feeds. But where the forms
send editors to log in, and which repository they write to, is said first: a pull request that changes either
would send the next editor's GitHub login elsewhere.

No site engine: html.parser from the standard library, and the domain's own Danish numbers and addresses.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .cms import served_editing
from .danish import number
from .urls import ADMIN, ADMIN_CONFIG, RESERVED_SLUGS, course_src, is_poster_file, page_url

PAGE_FILES = ("index.html", "404.html")
NOT_PAGES = (ADMIN, "assets/", "pagefind")  # folders whose HTML is no page of the site (also pagefind-2/, …)
MAX_LISTED = 50  # pages listed per section of the summary; the rest are counted

# Where a page's own content is, best first: (tag, class it must have, or None).
_CONTENT_REGIONS = (("article", None), ("div", "md-content"), ("main", None), ("body", None))
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                   "wbr"})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Page:
    address: str  # the folder under the site, 'kurser/budgetopfoelgning/'; '' for the front page
    title: str

    @property
    def is_course(self) -> bool:
        slug = self.address.removeprefix("kurser/").removesuffix("/")
        return "/" not in slug and slug not in RESERVED_SLUGS and self.address == page_url(course_src(slug))

    @property
    def url(self) -> str:
        return "/" + self.address


@dataclass(frozen=True)
class EditingChange:
    what: str  # 'login' or 'github', as config/department.yml's 'redigering' names them
    before: str | None
    after: str | None


@dataclass(frozen=True)
class SiteDiff:
    added: tuple[Page, ...]
    changed: tuple[Page, ...]
    removed: tuple[Page, ...]
    editing: tuple[EditingChange, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.editing)


@dataclass(frozen=True)
class _Read:
    title: str
    content: tuple[str, ...]  # the tokens compared


class _PageParser(HTMLParser):
    """A page's title and the tokens of its content regions, in one pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.regions: dict[int, list[str]] = {}  # index in _CONTENT_REGIONS → tokens
        self._open: dict[int, int] = {}  # region being read → depth of its tag
        self._skip: tuple[str, int] | None = None  # the tag of a machine-only element being skipped, its depth
        self.h1: list[str] | None = None
        self._h1_depth = 0
        self._h1_done = False
        self._headerlink = 0  # depth inside <a class="headerlink"> (the ¶ after a heading)
        self.title: list[str] | None = None
        self._in_title = False

    def _emit(self, token: str) -> None:
        for region in self._open:
            self.regions[region].append(token)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip is not None:
            if tag == self._skip[0]:
                self._skip = (tag, self._skip[1] + 1)
            return
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if "hidden" in attributes and attributes.get("aria-hidden") == "true" and tag not in _VOID:
            self._skip = (tag, 1)
            return
        if tag == "title" and self.title is None:
            self.title, self._in_title = [], True
        if tag == "h1" and not self._h1_done:
            if self.h1 is None:
                self.h1 = []
            self._h1_depth += 1
        if tag == "a" and (self._headerlink or "headerlink" in classes):
            self._headerlink += 1
        self._emit("<" + tag + "".join(f" {name}={value!r}" for name, value in sorted(attrs, key=lambda a: a[0]))
                   + ">")
        for index, (region_tag, region_class) in enumerate(_CONTENT_REGIONS):
            if index in self._open and tag == region_tag and tag not in _VOID:
                self._open[index] += 1
            elif (index not in self.regions and tag == region_tag
                  and (region_class is None or region_class in classes)):
                self.regions[index] = []
                self._open[index] = 1

    def handle_endtag(self, tag: str) -> None:
        if self._skip is not None:
            if tag == self._skip[0]:
                depth = self._skip[1] - 1
                self._skip = (tag, depth) if depth else None
            return
        if tag in _VOID:
            return
        if tag == "title":
            self._in_title = False
        if tag == "h1" and self._h1_depth:
            self._h1_depth -= 1
            self._h1_done = not self._h1_depth
        if tag == "a" and self._headerlink:
            self._headerlink -= 1
        for index in list(self._open):
            if _CONTENT_REGIONS[index][0] == tag:
                self._open[index] -= 1
                if not self._open[index]:
                    del self._open[index]
        self._emit("</" + tag + ">")

    def handle_data(self, data: str) -> None:
        if self._skip is not None:
            return
        if self._in_title and self.title is not None:
            self.title.append(data)
        if self._h1_depth and not self._headerlink and self.h1 is not None:
            self.h1.append(data)
        text = _SPACE.sub(" ", data)
        if text.strip():
            self._emit(text)


def _one_line(parts: list[str] | None) -> str:
    return _SPACE.sub(" ", html.unescape("".join(parts or []))).strip()


def read_page(text: str) -> _Read:
    """A page's title (its ``<h1>``, else its ``<title>``) and the tokens of its own content."""
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    title = _one_line(parser.h1) or _one_line(parser.title)
    content = next((parser.regions[i] for i in range(len(_CONTENT_REGIONS)) if i in parser.regions), [])
    return _Read(title, (title, _one_line(parser.title), *content))


def site_pages(site: Path) -> dict[str, Path]:
    """Every page of a built site by its address: the folders with an index.html, and 404.html."""
    pages = {}
    for name in PAGE_FILES:
        for path in site.rglob(name):
            relative = path.relative_to(site).as_posix()
            if name == "404.html" and relative != name or not path.is_file():
                continue
            address = relative.removesuffix("index.html") if name == "index.html" else relative
            if address.startswith(NOT_PAGES) or is_poster_file(relative):  # a poster changes with its course page
                continue
            pages[address] = path
    return pages


def _read(path: Path) -> _Read:
    return read_page(path.read_text(encoding="utf-8", errors="replace"))


def _ordered(pages: list[Page]) -> tuple[Page, ...]:
    """Course pages first, then the rest, each by address."""
    return tuple(sorted(pages, key=lambda page: (not page.is_course, page.address)))


def compare_sites(old: Path, new: Path) -> SiteDiff:
    """The pages the new site adds, the pages whose own content differs, and the pages it no longer has."""
    before, after = site_pages(old), site_pages(new)
    added = [Page(address, _read(after[address]).title) for address in after.keys() - before.keys()]
    removed = [Page(address, _read(before[address]).title) for address in before.keys() - after.keys()]
    changed = []
    for address in before.keys() & after.keys():
        if before[address].read_bytes() == after[address].read_bytes():
            continue
        page = _read(after[address])
        if page.content != _read(before[address]).content:
            changed.append(Page(address, page.title))
    return SiteDiff(_ordered(added), _ordered(changed), _ordered(removed), _editing_changes(old, new))


def _editing(site: Path) -> dict[str, str | None]:
    config = site / ADMIN_CONFIG
    return served_editing(config.read_bytes()) if config.is_file() else {"github": None, "login": None}


def _editing_changes(old: Path, new: Path) -> tuple[EditingChange, ...]:
    before, after = _editing(old), _editing(new)
    return tuple(EditingChange(what, before[what], after[what]) for what in ("login", "github")
                 if before[what] != after[what])


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def _markdown_text(text: str) -> str:
    """Text as Markdown shows it literally: an editor's title is no link, image or HTML in the summary."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _code(text: str) -> str:
    fence = "``" if "`" in text else "`"
    return f"{fence} {text} {fence}" if fence == "``" else f"`{text}`"


def _section(heading: str, pages: tuple[Page, ...], limit: int) -> list[str]:
    lines = [f"### {heading} ({number(len(pages))})", ""]
    lines += [f"- {_markdown_text(page.title or page.url)} — {_code(page.url)}" for page in pages[:limit]]
    if len(pages) > limit:
        lines.append(f"- … og {number(len(pages) - limit)} til")
    return lines + [""]


_EDITING = {"login": ("Login til redigering ændret til", "Redaktørerne sendes dertil for at logge ind med GitHub"),
            "github": ("Repositoriet for redigering ændret til", "Redaktørernes ændringer gemmes dér")}


def _editing_line(change: EditingChange) -> str:
    said, why = _EDITING[change.what]
    after = _code(change.after) if change.after else "ingen"
    before = _code(change.before) if change.before else "ingen"
    return f"> **{said} {after}** (før: {before}). {why}; godkend kun ændringen, hvis adressen er jeres."


def summary_markdown(result: SiteDiff, limit: int = MAX_LISTED) -> str:
    """The pull request's job summary, in Danish for editors: each kind of change, course pages first.

    No newline at the end: ``build.py diff`` prints it.
    """
    lines = [_editing_line(change) for change in result.editing]
    lines += [""] if lines else []
    lines += ["## Sider, som ændringen berører", ""]
    if not (result.added or result.changed or result.removed):
        return "\n".join(lines + ["Ændringen ændrer ingen sider."])
    for heading, pages in (("Nye sider", result.added), ("Ændrede sider", result.changed),
                           ("Fjernede sider", result.removed)):
        if pages:
            lines += _section(heading, pages, limit)
    return "\n".join(lines).rstrip("\n")
