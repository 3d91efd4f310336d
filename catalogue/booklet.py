"""The season's course booklet as a PDF: what the department hands out at a board meeting.

From the same catalogue as the pages, through a template of its own (``templates/booklet/``): a cover with the
season, contents with page numbers, the courses with a session to come by topic and within a topic by level, each
with its sessions, its sign-up and a QR code to its page; then the learning paths for new members, ordering a
tailored course, the sign-up rules and the department's contact details. WeasyPrint lays it out as a tagged PDF
(PDF/UA-1, in Danish, bookmarks from the headings) in Source Sans Pro, from a pinned package on PyPI (so that the
same catalogue gives the same PDF on every machine), and reads nothing else: every picture is in the document.

A booklet is for paper: at most ``MAX_PAGES`` pages and ``MAX_COURSES`` courses (more than anyone reads through at
a board meeting; a booklet of more is not laid out at all, since WeasyPrint takes seconds for every hundred courses,
which a booklet thrown away would cost for nothing). A catalogue too large for one gets one booklet per topic
instead, each linked from its topic's page; a topic too large for one gets none (its page and the printable
catalogue stay).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path

import jinja2

from . import danish, offer
from .catalogue import Catalogue
from .models import CourseEntry, PathEntry, Session
from .qr import qr_data_uri
from .safehtml import inline_markdown
from .urls import absolute_url, course_src, short_address

MAX_PAGES = 120
MAX_COURSES = 100
BOOKLET = "kurser/katalog.pdf"
PDF_VARIANT = "pdf/ua-1"
# The typeface and its files, by weight and style (font-source-sans-pro on PyPI, under the SIL Open Font License)
FONT = "Source Sans Pro"
FONT_FILES = {("normal", "normal"): "SourceSansPro-Regular.ttf", ("bold", "normal"): "SourceSansPro-Bold.ttf",
              ("normal", "italic"): "SourceSansPro-It.ttf", ("bold", "italic"): "SourceSansPro-BoldIt.ttf"}


def topic_booklet(topic: str) -> str:
    return f"emner/{topic}/katalog.pdf"


def season(sessions: list[Session]) -> str:
    """The season a booklet covers, from the sessions it holds: 'foråret 2027' (January–June), 'efteråret 2027'
    (July–December), two seasons together ('foråret og efteråret 2027', 'efteråret 2026 og foråret 2027'), or
    else the months from the first to the last ('marts 2027 – juni 2028')."""
    if not sessions:
        return ""
    first, last = min(s.start for s in sessions).date(), max(s.slut for s in sessions).date()
    halves = sorted({(d.year, d.month > 6) for d in (first, last)})
    name = {False: "foråret", True: "efteråret"}
    if len(halves) == 1:
        year, autumn = halves[0]
        return f"{name[autumn]} {year}"
    (year1, autumn1), (year2, autumn2) = halves
    if (year1, autumn1, autumn2) == (year2, False, True):
        return f"foråret og efteråret {year1}"
    if autumn1 and not autumn2 and year2 == year1 + 1:
        return f"efteråret {year1} og foråret {year2}"
    return f"{danish.month_year(first)} – {danish.month_year(last)}"


@dataclass(frozen=True)
class Entry:
    """A course under a level of a topic: in full, or (listed under one of its other topics) by name, with the
    page where it is in full."""

    course: CourseEntry
    sessions: tuple[Session, ...]
    in_full: bool = True


@dataclass(frozen=True)
class Section:
    """A topic of the booklet: its key, name, and its courses by level, the taxonomy's order ('ny' first)."""

    key: str
    name: str
    levels: tuple[tuple[str, tuple[Entry, ...]], ...]


@dataclass(frozen=True)
class Plan:
    """One booklet: where it is published, its title, its topic (None: the whole catalogue), its sections."""

    src_uri: str
    title: str
    topic: str | None
    sections: tuple[Section, ...]

    @property
    def courses(self) -> int:
        return sum(entry.in_full for section in self.sections for _, entries in section.levels for entry in entries)


@dataclass(frozen=True)
class Printed:
    """A booklet made: where, for which topic (None: all), its title, pages and bytes."""

    src_uri: str
    topic: str | None
    title: str
    pages: int
    pdf: bytes

    @property
    def size(self) -> int:
        return len(self.pdf)


class Booklets:
    """The booklets of one catalogue on one date for the site at ``site_url``: which to make, and making them."""

    def __init__(self, catalogue: Catalogue, today: date, site_url: str, new_member_paths: list[PathEntry],
                 max_pages: int = MAX_PAGES, max_courses: int = MAX_COURSES) -> None:
        """``new_member_paths``: the learning paths for new members, in the site's order (the front page's)."""
        self.catalogue = catalogue
        self.max_pages = max_pages
        self.max_courses = max_courses
        self.today = today
        self.site_url = site_url
        self.new_member_paths = new_member_paths
        self._sessions = {entry.slug: tuple(offer.bookable(entry.course, today)) for entry in catalogue.courses}
        self._env = _environment(catalogue.project.templates_dir)

    def _plan(self, topic: str | None) -> Plan:
        taxonomy = self.catalogue.taxonomy
        levels = taxonomy.keys("niveauer")
        keys = [topic] if topic else list(taxonomy.emner)
        sections = []
        for key in keys:
            by_level: dict[str, list[Entry]] = {level: [] for level in levels}
            for entry in self.catalogue.courses_of_topic(key):
                sessions = self._sessions[entry.slug]
                if not sessions:
                    continue
                level = min(entry.course.niveau, key=levels.index)
                in_full = topic is not None or min(entry.course.emner, key=keys.index) == key
                by_level[level].append(Entry(entry, sessions, in_full))
            ordered = tuple((level, tuple(sorted(entries, key=lambda e: danish.sort_key(e.course.course.titel))))
                            for level, entries in by_level.items() if entries)
            if ordered:
                sections.append(Section(key, taxonomy.emner[key].navn, ordered))
        held = [s for section in sections for _, entries in section.levels for e in entries for s in e.sessions]
        when = season(held)
        title = (f"Kurser om {taxonomy.emner[topic].navn.lower()} {when}" if topic else f"Kurser {when}").strip()
        return Plan(topic_booklet(topic) if topic else BOOKLET, title, topic, tuple(sections))

    def plans(self) -> list[Plan]:
        """The booklets that may be made, in order: the whole catalogue's when it may fit, else (and in case it does
        not) each topic's that may fit. None when no course has a session to come."""
        whole = self._plan(None)
        if not whole.courses:
            return []
        topics = [plan for key in self.catalogue.taxonomy.emner
                  if 0 < (plan := self._plan(key)).courses <= self.max_courses]
        return ([whole] if whole.courses <= self.max_courses else []) + topics

    def make(self, plans: list[Plan]) -> list[Printed]:
        """The booklets of ``plans``: the whole catalogue's if it fits in ``max_pages``; else each topic's that
        does."""
        made = []
        for plan in plans:
            if made and made[0].topic is None:
                break  # the whole catalogue fitted
            printed = self.print(plan)
            if printed.pages <= self.max_pages:
                made.append(printed)
        return made

    def html(self, plan: Plan) -> str:
        """The booklet's HTML, which WeasyPrint lays out."""
        department = self.catalogue.department
        in_booklet = {e.course.slug for section in plan.sections for _, entries in section.levels for e in entries
                      if e.in_full}
        css = (self.catalogue.project.templates_dir / "booklet" / "katalog.css").read_text(encoding="utf-8")
        return self._env.get_template("katalog.html.jinja").render(
            plan=plan, today=self.today, department=department, css=_font_faces() + css,
            site=short_address(self.site_url.rstrip("/")) if self.site_url else "",
            course_address=lambda slug: absolute_url(self.site_url, course_src(slug)),
            paths=self.new_member_paths if plan.topic is None else [],
            tailored=sorted((e for e in self.catalogue.courses if e.course.skraeddersyet),
                            key=lambda e: danish.sort_key(e.course.titel)) if plan.topic is None else [],
            in_booklet=in_booklet, course_of=self.catalogue.course, toolkit=self.catalogue.toolkit,
            state=lambda s: offer.session_state(s, self.today, self.catalogue.taxonomy.label("status", s.status)),
            waiting_list=lambda s: offer.offers_waiting_list(s, self.today),
            waiting_list_address=lambda c, s: offer.waiting_list_address(c, s, department.email),
            signup_address=offer.signup_address, closed=lambda s: offer.closed_reason(s, self.today) is not None,
            inline_markdown=inline_markdown, label=self.catalogue.taxonomy.label,
            signup_details=offer.SIGNUP_DETAILS_TEXT)

    def print(self, plan: Plan) -> Printed:
        """One booklet laid out and written as PDF/UA-1."""
        import weasyprint  # it loads Pango: only a build that makes a booklet waits for that

        class Fetcher(weasyprint.URLFetcher):
            """Only the pictures written into the booklet and its typeface: no other file, nothing from another
            host, whatever an editor's text may hold."""

            def fetch(self, url: str, headers: dict | None = None) -> weasyprint.urls.URLFetcherResponse:
                if url.startswith("data:") or url in _font_addresses():
                    return super().fetch(url, headers)
                raise ValueError("kataloget henter intet udefra")

        fetcher = Fetcher()
        document = weasyprint.HTML(string=self.html(plan), url_fetcher=fetcher).render(pdf_variant=PDF_VARIANT)
        pdf = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=plan.src_uri.encode("utf-8"))
        return Printed(plan.src_uri, plan.topic, plan.title, len(document.pages), pdf)


def _font_folder() -> Path:
    return Path(str(files("font_source_sans_pro") / "files"))


def _font_addresses() -> set[str]:
    return {(_font_folder() / name).as_uri() for name in FONT_FILES.values()}


def _font_faces() -> str:
    """The booklet's typeface as CSS: each of its four files."""
    return "".join(f'@font-face {{ font-family: "{FONT}"; font-weight: {weight}; font-style: {style}; '
                   f'src: url("{(_font_folder() / name).as_uri()}"); }}\n'
                   for (weight, style), name in FONT_FILES.items())


def _environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([templates / "booklet", templates / "pages"]),
                             autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True)
    env.filters.update(long_date=danish.long_date, time_span=danish.time_span, price=danish.price,
                       meetings_count=danish.meetings_count, meetings_dates=danish.meetings_dates,
                       meetings_days=danish.meetings_days, and_list=danish.and_list, short_address=short_address,
                       qr=qr_data_uri, long_datetime=danish.long_datetime)
    return env


__all__ = ["BOOKLET", "MAX_COURSES", "MAX_PAGES", "Booklets", "Plan", "Printed", "season", "topic_booklet"]
