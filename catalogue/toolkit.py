"""The toolkit (content/vaerktoejskasse/): pages with front matter, checked like course files.

Each page is Markdown with YAML front matter (FORMAT.md §2). The rules that
depend on the page's type are rows of ``TOOLKIT_CHECKS``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any, Iterator

from markdown.extensions.toc import slugify
from pydantic_core import PydanticCustomError

from . import danish, placeholders
from .diagnostics import Diagnostic, superseded
from .fields import invisible_character, invisible_in_markdown, parse_date
from .markdown_rules import PAGE_TEXT, TOOLKIT_TEXT, markdown_problems
from .models import PageMeta, ToolkitMeta, editor_keys
from .safehtml import unsafe_html
from .sources import FILE_KINDS
from .urls import is_generated
from .validation import (
    CheckContext,
    CrossCheck,
    Finding,
    broken_links,
    cross_check_diagnostics,
    months_before,
    placeholder_findings,
    validate_model,
)
from .yamlsource import Mark, decode, load_yaml_text

TOOLKIT_FOLDER = "vaerktoejskasse"
TOOLKIT_KEYS = editor_keys(ToolkitMeta)  # what an editor may write in a toolkit page's front matter
PAGE_KEYS = editor_keys(PageMeta)  # and in another page's
# The same front matter MkDocs reads: '---', YAML, then '---' or '...'.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
NO_FRONT_MATTER = ("siden mangler nøglerne øverst: start filen med en linje '---', så nøglerne titel, type, intro, "
                   "emner og revideret, og så en linje '---'")


@dataclass(frozen=True)
class ToolkitItem:
    path: str  # relative to content/, e.g. vaerktoejskasse/skabeloner/referat.md
    meta: ToolkitMeta
    body: str  # the Markdown after the front matter
    reviewed_at: Mark  # where 'revideret' is written, for the review report
    body_line: int = 1  # the line of the file the body starts on

    @property
    def folder(self) -> PurePosixPath:
        return PurePosixPath(self.path).parent


def _files_for_templates(page: dict[str, Any], _: CheckContext) -> Iterator[Finding]:
    if page.get("type") == "skabelon" and not page.get("filer"):
        yield Finding(("filer",), "mangler; en side med type 'skabelon' skal have mindst én fil, fx "
                                  "'filer: [{fil: referat.docx, beskrivelse: Skabelon i Word}]'", at=("type",))


def _files_exist(page: dict[str, Any], context: CheckContext) -> Iterator[Finding]:
    files = page.get("filer")
    if not isinstance(files, list) or context.folder is None:
        return
    content = context.project.content_dir
    folder = PurePosixPath(context.folder.relative_to(content).as_posix())
    for index, entry in enumerate(files):
        name = entry.get("fil") if isinstance(entry, dict) else None
        if not isinstance(name, str):
            continue
        path = PurePosixPath(name.strip())
        if path.is_absolute() or ".." in path.parts or not path.parts:
            yield Finding(("filer", index, "fil"), f"'{name}' skal være navnet på en fil i samme mappe som siden")
        elif (folder / path).as_posix() not in context.content:
            shown = context.project.display(context.folder)
            if os.path.lexists(context.folder / path):
                yield Finding(("filer", index, "fil"), f"'{name}' i {shown}/ er ikke en almindelig fil (fx en "
                                                       "genvej) og bliver ikke offentliggjort; læg selve filen der")
                continue
            beside = sorted(n for n in context.content.names_in(folder.as_posix()) if not n.endswith(".md"))
            hint = f"; filerne dér er: {', '.join(beside)}" if beside else "; læg filen i samme mappe som siden"
            yield Finding(("filer", index, "fil"), f"filen '{name}' findes ikke i {shown}/{hint}")


def _video_for_videos(page: dict[str, Any], _: CheckContext) -> Iterator[Finding]:
    if page.get("type") == "video" and not page.get("video"):
        yield Finding(("video",), "mangler; en side med type 'video' skal have fx "
                                  "'video: {url: https://www.youtube.com/watch?v=…, varighed: 12 min., "
                                  "undertekster: true}'", at=("type",))


def _link_for_links(page: dict[str, Any], _: CheckContext) -> Iterator[Finding]:
    if page.get("type") == "link" and not page.get("link"):
        yield Finding(("link",), "mangler; en side med type 'link' skal have fx "
                                 "'link: {url: https://www.retsinformation.dk/, udgiver: Retsinformation}'",
                      at=("type",))


def _reviewed_not_in_future(page: dict[str, Any], context: CheckContext) -> Iterator[Finding]:
    reviewed: date | None = _parsed_date(page.get("revideret"))
    if context.today is not None and reviewed is not None and reviewed > context.today:
        yield Finding(("revideret",), f"{danish.day_month_year(reviewed)} er efter i dag "
                                      f"({danish.day_month_year(context.today)}); skriv den dag, siden sidst blev "
                                      "gennemgået, senest i dag", severity="advarsel")


def _parsed_date(value: Any) -> date | None:
    try:
        return parse_date(value)
    except PydanticCustomError:
        return None


def _no_placeholders(page: dict[str, Any], context: CheckContext) -> Iterator[Finding]:
    yield from placeholder_findings(page, placeholders.TOOLKIT, context)


TOOLKIT_CHECKS: list[CrossCheck] = [
    CrossCheck("filer", "a template (skabelon) has files to download", _files_for_templates),
    CrossCheck("filer › fil", "each file lies beside its page", _files_exist),
    CrossCheck("video", "a video page has a video", _video_for_videos),
    CrossCheck("link", "a link page has a link", _link_for_links),
    CrossCheck("revideret", "a review date in the future is a warning", _reviewed_not_in_future),
    CrossCheck("(pladsholdere)", "no placeholder of the scaffold is left", _no_placeholders),
]


def split_front_matter(text: str) -> tuple[str, int, str, int] | None:
    """(YAML, its first line number, body, its first line number) of a page that starts with front matter."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None
    return match.group(1) or "", 2, text[match.end():], text.count("\n", 0, match.end()) + 1


def _page_text(path: Path, display: str) -> tuple[str | None, list[Diagnostic]]:
    """A Markdown page's text, or why it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Diagnostic(display, 1, 1, f"filen kan ikke læses ({error.strerror})")]
    return decode(raw, display)


def _text_problems(display: str, body: str, body_line: int, limit: int) -> list[Diagnostic]:
    """A page's text over ``limit`` characters, invisible characters that would reorder or hide text, or what in it
    would cost the build more than linear time (markdown_rules), as errors, and HTML in it that the build removes,
    as warnings, at their line in the file."""
    size = len(body.strip())
    if size > limit:
        return [Diagnostic(display, body_line, 1, f"sidens tekst: er for lang ({danish.number(size)} tegn); "
                                                  f"højst {danish.number(limit)} tegn er tilladt, så gør teksten "
                                                  "kortere eller del den op i flere sider")]
    found = [Diagnostic(display, body_line + number, found.start() + 1,
                        f"sidens tekst: {invisible_character(found.group())}")
             for number, line in enumerate(body.split("\n")) if (found := invisible_in_markdown(line))]
    found += [Diagnostic(display, body_line + line - 1, column, f"sidens tekst: {message}")
              for line, column, message in markdown_problems(body)]
    return found + [Diagnostic(display, body_line + line - 1, column, f"sidens tekst: {message}", "advarsel")
                    for line, column, message in unsafe_html(body)]


def _body_problems(display: str, body: str, body_line: int, limit: int = TOOLKIT_TEXT) -> list[Diagnostic]:
    """A page's text: its size, cost and HTML (``_text_problems``) and the placeholders left in it."""
    found = _text_problems(display, body, body_line, limit)
    return found + [Diagnostic(display, body_line + line - 1, 1, f"sidens tekst: pladsholder: {placeholder.advice}")
                    for line, placeholder in placeholders.lines_left(body, placeholders.TOOLKIT)]


def load_toolkit_page(path: Path, context: CheckContext) -> tuple[ToolkitItem | None, list[Diagnostic]]:
    project = context.project
    display = project.display(path)
    text, found = _page_text(path, display)
    if text is None:
        return None, found
    parts = split_front_matter(text)
    if parts is None:
        return None, [Diagnostic(display, 1, 1, NO_FRONT_MATTER)]
    yaml_text, first_line, body, body_line = parts
    document, found = load_yaml_text(yaml_text, display, first_line, TOOLKIT_KEYS)
    if document is None:
        return None, found
    meta, problems = validate_model(ToolkitMeta, document, display, {"taxonomy": context.taxonomy})
    found += problems
    found += cross_check_diagnostics(document, replace(context, folder=path.parent), display, TOOLKIT_CHECKS)
    found += _body_problems(display, body, body_line)
    found = superseded(found)
    if meta is None or any(d.is_error for d in found):
        return None, found
    relative = path.relative_to(project.content_dir).as_posix()
    return ToolkitItem(relative, meta, body, document.positions.of_value(("revideret",)), body_line), found


def load_toolkit(context: CheckContext) -> tuple[dict[str, ToolkitItem], list[Diagnostic]]:
    root = context.project.content_dir
    items: dict[str, ToolkitItem] = {}
    found: list[Diagnostic] = []
    for relative in context.content.with_suffix(".md", TOOLKIT_FOLDER):
        path = root / relative
        if is_generated(relative):
            continue  # reported as a clash with a generated page
        item, problems = load_toolkit_page(path, context)
        found += problems
        if item is not None:
            items[item.path] = item
    return items, found


def _broken_links(display: str, src_uri: str, body: str, body_line: int, context: CheckContext) -> list[Diagnostic]:
    """A page's links to a page or a file of the site that is not there (``validation.broken_links``), as
    warnings at their line in the file."""
    return [Diagnostic(display, body_line + line - 1, column, message, "advarsel")
            for line, column, message in broken_links(body, src_uri, context)]


def toolkit_broken_links(items: dict[str, ToolkitItem], context: CheckContext) -> list[Diagnostic]:
    """The toolkit pages' links that lead nowhere: checked once every page the site makes is known."""
    return [found for item in items.values()
            for found in _broken_links(context.project.display(context.project.content_dir / item.path), item.path,
                                       item.body, item.body_line, context)]


# MkDocs reads 'key: value' lines at the top of a page without front matter as settings (MultiMarkdown).
_SETTING_LINE = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):")


def check_page(path: Path, context: CheckContext) -> list[Diagnostic]:
    """A hand-written page outside the toolkit (content/om/…): its front matter, its HTML and its links."""
    display = context.project.display(path)
    text, found = _page_text(path, display)
    if text is None:
        return found
    parts = split_front_matter(text)
    if parts is None:
        setting = _SETTING_LINE.match(text)
        if setting:
            return [Diagnostic(display, 1, 1, f"den første linje ligner en indstilling ('{setting.group(1)}:'), og "
                                              "sådan en læses ikke som tekst; start siden med en overskrift "
                                              "('# …') eller med en tom linje")]
        body, body_line = text, 1
    else:
        yaml_text, first_line, body, body_line = parts
        document, found = load_yaml_text(yaml_text, display, first_line, PAGE_KEYS)
        if document is None:
            return found
        found += validate_model(PageMeta, document, display)[1]
    found += _body_problems(display, body, body_line, PAGE_TEXT)
    if len(body.strip()) > PAGE_TEXT:
        return found
    return found + _broken_links(display, path.relative_to(context.project.content_dir).as_posix(), body, body_line,
                                 context)


def needing_review(items: dict[str, ToolkitItem], today: date, months: int) -> list[ToolkitItem]:
    """Pages not reviewed within the review period, oldest first."""
    limit = months_before(today, months)
    return sorted((i for i in items.values() if i.meta.revideret < limit), key=lambda i: (i.meta.revideret, i.path))


@dataclass(frozen=True)
class Download:
    src: str  # relative to content/
    name: str
    description: str | None
    kind: str
    size_bytes: int

    @property
    def kind_shown(self) -> str | None:
        """The kind of file, unless the editor's description says it already ('Samarbejdsaftale (Word)'): the button
        names it once."""
        word = re.split(r"[-\s(]", self.kind, maxsplit=1)[0]
        if self.description and re.search(rf"\b{re.escape(word)}", self.description, re.IGNORECASE):
            return None
        return self.kind


def downloads(item: ToolkitItem, content_dir: Path) -> list[Download]:
    found = []
    for entry in item.meta.filer:
        src = (item.folder / entry.fil).as_posix()
        suffix = PurePosixPath(entry.fil).suffix.lower()
        kind = FILE_KINDS.get(suffix, f"Fil ({suffix.lstrip('.') or 'uden endelse'})")
        found.append(Download(src, PurePosixPath(entry.fil).name, entry.beskrivelse, kind,
                              (content_dir / src).stat().st_size))
    return found


_SECTION = re.compile(r"^##[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
# Headings that start a video's transcript section.
TRANSCRIPT_HEADINGS = ("udskrift", "transskription", "tekstversion")
LONG_GUIDE_SECTIONS = 4


def sections(body: str) -> list[str]:
    """The second-level headings of a page body."""
    return _SECTION.findall(body)


def transcript_anchor(item: ToolkitItem) -> str | None:
    """The anchor of the page's transcript section ('## Udskrift …'), if it has one."""
    for heading in sections(item.body):
        if heading.strip().lower().startswith(TRANSCRIPT_HEADINGS):
            return slugify(heading.strip(), "-")
    return None


def is_long_guide(item: ToolkitItem) -> bool:
    return item.meta.type == "vejledning" and len(sections(item.body)) >= LONG_GUIDE_SECTIONS
