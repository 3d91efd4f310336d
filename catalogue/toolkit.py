"""Toolkit pages (content/vaerktoejskasse/): what courses need to link to them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .project import Project
from .yamlsource import load_yaml_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)


@dataclass(frozen=True)
class ToolkitPage:
    path: str  # relative to content/, e.g. vaerktoejskasse/skabeloner/referat.md
    titel: str


def front_matter(text: str, display: str) -> dict:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}
    document, _ = load_yaml_text(match.group(1), display, first_line=2)
    return document.data if document else {}


def toolkit_pages(project: Project) -> dict[str, ToolkitPage]:
    root = project.content_dir
    pages = {}
    for path in sorted((root / "vaerktoejskasse").rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        meta = front_matter(path.read_text(encoding="utf-8"), project.display(path))
        title = meta.get("titel") or meta.get("title") or path.stem.replace("-", " ").capitalize()
        pages[rel] = ToolkitPage(rel, str(title))
    return pages
