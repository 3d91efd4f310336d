"""An Atom feed (RFC 4287) of courses and toolkit material, newest first."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from xml.etree import ElementTree

from .catalogue import Catalogue
from .urls import HOME, absolute_url, course_src

FEED = "feed.xml"
ENTRIES = 50  # the newest; a feed is not an archive
ATOM = "http://www.w3.org/2005/Atom"


def last_changed(catalogue: Catalogue, source: str) -> datetime:
    """When a file of the project was last committed (git's history as the check read it), else last modified."""
    committed = (catalogue.history or {}).get(source)
    if committed is not None:
        return committed.last
    return datetime.fromtimestamp((catalogue.project.root / source).stat().st_mtime, timezone.utc)


def atom_feed(catalogue: Catalogue, site_url: str, today: date) -> bytes:
    base = absolute_url(site_url, HOME)
    items = []  # (updated, title, url, summary, category)
    for entry in catalogue.courses:
        items.append((last_changed(catalogue, entry.source), entry.course.titel,
                      absolute_url(site_url, course_src(entry.slug)), entry.course.intro, "Kursus"))
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
