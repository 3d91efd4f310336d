"""An Atom feed (RFC 4287) of courses and toolkit material, newest first."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from pathlib import Path
from xml.etree import ElementTree

from .catalogue import Catalogue
from .sources import git_history
from .urls import HOME, absolute_url, course_src

FEED = "feed.xml"
ENTRIES = 50  # the newest; a feed is not an archive
ATOM = "http://www.w3.org/2005/Atom"


def last_changed(root: Path, paths: list[Path]) -> dict[Path, datetime]:
    """When each file was last committed (git, one call for all), else last modified."""
    history = git_history(root) or {}
    changed = {(root / relative).resolve(): committed.last for relative, committed in history.items()}
    return {path: changed.get(path.resolve()) or datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
            for path in paths}


def atom_feed(catalogue: Catalogue, site_url: str, today: date) -> bytes:
    project = catalogue.project
    base = absolute_url(site_url, HOME)
    items = []  # (updated, title, url, summary, category)
    sources = {entry.slug: project.root / entry.source for entry in catalogue.courses}
    changed = last_changed(project.root, list(sources.values()))
    for entry in catalogue.courses:
        items.append((changed[sources[entry.slug]], entry.course.titel, absolute_url(site_url, course_src(entry.slug)),
                      entry.course.intro, "Kursus"))
    for item in catalogue.toolkit.values():
        reviewed = datetime.combine(item.meta.revideret, time(0, 0), tzinfo=timezone.utc)
        items.append((reviewed, item.meta.titel, absolute_url(site_url, item.path), item.meta.intro, "Værktøjskassen"))
    items.sort(key=lambda i: (i[0], i[1]), reverse=True)
    items = items[:ENTRIES]

    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed", {"xml:lang": "da"})

    def add(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> None:
        element = ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        element.text = text

    department = catalogue.department
    add(feed, "id", base)
    add(feed, "title", "Kurser for beboerdemokrater")
    add(feed, "subtitle", f"Nye kurser og materialer fra {department.navn.lower()}")
    newest = items[0][0] if items else datetime.combine(today, time(0, 0), tzinfo=timezone.utc)
    add(feed, "updated", newest.isoformat())
    add(feed, "link", href=base + FEED, rel="self", type="application/atom+xml")
    add(feed, "link", href=base, rel="alternate", type="text/html")
    author = ElementTree.SubElement(feed, f"{{{ATOM}}}author")
    add(author, "name", department.navn)
    add(author, "email", department.email)
    for updated, title, url, summary, category in items:
        entry = ElementTree.SubElement(feed, f"{{{ATOM}}}entry")
        add(entry, "id", url)
        add(entry, "title", title)
        add(entry, "link", href=url, rel="alternate", type="text/html")
        add(entry, "updated", updated.isoformat())
        add(entry, "summary", summary)
        add(entry, "category", term=category)
    return ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
