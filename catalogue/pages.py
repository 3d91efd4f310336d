"""Generate the site's pages that have no file of their own, as finished HTML.

The pages are engine-neutral: a page is its title, description and the HTML of its content (from its title on),
which any static site engine can put in its theme (MkDocs, Zensical, …); the editors' Markdown in it is rendered
and sanitized here. Links are relative, so the site works under any base path.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Callable, Sequence, TypeVar, cast
from urllib.parse import urlunsplit

import jinja2
import markupsafe
from markdown.extensions.toc import slugify

from . import danish, follow_up, geography, offer
from .booklet import Printed
from .calendar import calendar_file, course_events, session_file
from .catalogue import Catalogue
from .evaluations import MIN_ANSWERS, PERIOD_YEARS, in_period
from .feed import FEED, atom_feed
from .fields import video_source
from .memo import Memo, fingerprint
from .models import TOOLKIT_TYPES, CourseEntry, PathEntry
from .poster import poster
from .preview import ERROR_TITLES, OVERVIEW, BrokenFile, error_addresses
from .processes import map_on_all_processors
from .qr import qr_svg
from .safehtml import EditorMarkdown, Heading, inline_markdown, unique_ids
from .scaffold import course_text, toolkit_text
from .structured_data import course_json_ld, script_json
from .toolkit import ToolkitItem, downloads, is_long_guide, transcript_anchor
from .urls import (
    ABOUT,
    CALENDAR,
    CATALOGUE,
    EVALUATION,
    HOME,
    IDEAS,
    NEW_FILES,
    NEW_MEMBERS,
    PATHS,
    PRACTICAL,
    PRINTABLE,
    SEARCH,
    TAILORED,
    TOOLKIT,
    TOPICS,
    absolute_url,
    course_src,
    file_url,
    generated_sources,
    link_target,
    path_src,
    poster_file,
    region_src,
    relative_url,
    short_address,
    topic_src,
)

NEXT_ON_HOME = 5
# The id of a generated or toolkit page's title (its <h1>), where "Gå til indholdet" leads: past the menu, and
# not past the sign-up box or the download buttons that follow the title.
TITLE_ID = "sidens-indhold"
# A toolkit page's own heading after the editor's text, with the courses that use the page.
USED_ON_COURSES = "Bruges på kurserne"


@dataclass(frozen=True)
class GeneratedPage:
    """A page or file with no file of its own.

    A page (``src_uri`` ending in ``.md``) is its ``title``, ``description`` and ``content``: the finished HTML of
    the page from its title on, editors' text rendered and sanitized; a toolkit page also has the ``contents`` of
    its text, which the theme shows beside it (None: the page has no table of contents to show). Another file (a
    calendar, the feed) is its bytes.
    """

    src_uri: str  # where the page is or would be under content/, e.g. kurser/<slug>.md; or the file, e.g. kalender.ics
    content: str | bytes
    title: str = ""
    description: str = ""
    contents: tuple[Heading, ...] | None = None

    @property
    def is_page(self) -> bool:
        return self.src_uri.endswith(".md")


def month_key(month: date) -> str:
    """A month as the catalogue's address and filters write it (FORMAT.md §4): YYYY-MM."""
    return f"{month.year:04d}-{month.month:02d}"


@dataclass(frozen=True)
class Region:
    """A region with a page of its own, as links to it show it: its key, its name, and how many courses it has."""

    key: str
    name: str
    count: int


def _call(make: Callable[[], T]) -> T:
    return make()


def atom_feed_page(catalogue: Catalogue, site_url: str, today: date) -> GeneratedPage:
    return GeneratedPage(FEED, atom_feed(catalogue, site_url, today))


@dataclass(frozen=True)
class CourseFiles:
    """What one course file gives the site: its page, its poster, a calendar file for each session to come, and those
    sessions' events written out (start, UID, VEVENT) for the calendars that gather them."""

    page: GeneratedPage
    poster: GeneratedPage
    calendars: list[GeneratedPage]
    events: list[tuple[datetime, str, bytes]]


# A course file's version: its slug and the fingerprint of its bytes; a toolkit page's: its path and the
# fingerprint of what it is made from.
CourseVersion = tuple[str, str]
T = TypeVar("T")


@dataclass
class CourseMemos:
    """What each course file gave, by the file's version, kept between the live preview's builds."""

    pages: Memo[CourseVersion, GeneratedPage] = field(default_factory=Memo)
    events: Memo[CourseVersion, list[list[tuple[datetime, str, bytes]]]] = field(default_factory=Memo)
    calendars: Memo[CourseVersion, list[GeneratedPage]] = field(default_factory=Memo)
    posters: Memo[CourseVersion, GeneratedPage] = field(default_factory=Memo)
    toolkit: Memo[CourseVersion, GeneratedPage] = field(default_factory=Memo)

    def within(self, context: str) -> None:
        for memo in (self.pages, self.events, self.calendars, self.posters, self.toolkit):
            memo.within(context)


class PageGenerator:
    """Renders the templates in ``templates/pages/`` for one catalogue and reference date."""

    def __init__(self, catalogue: Catalogue, today: date, site_url: str = "", memo: CourseMemos | None = None,
                 broken: list[BrokenFile] | None = None, markdown: EditorMarkdown | None = None,
                 for_search: Callable[[str, str, str], str] | None = None, processes: bool = False):
        """``memo`` keeps what was made for each course file between builds (the live preview). ``broken``:
        the files with errors that the live preview shows an error page for, at the address of each.
        ``markdown`` renders the editors' Markdown as the engine renders the site's pages (its extensions).
        ``for_search(src_uri, title, content)`` gives a page's content what search needs of it (``ForSearch``).
        ``processes``: make the courses' files on every processor (``processes.py``; not with a ``memo``, which
        would not see what they made, nor while this process runs other threads)."""
        self.catalogue = catalogue
        self.broken = broken or []
        self.error_addresses = error_addresses(self.broken)
        self.today = today
        self.site_url = site_url
        self.memo = memo if memo is not None else CourseMemos()
        self.remembers = memo is not None  # made pages are kept for the next build (the live preview)
        self.processes = processes and not self.remembers
        self.markdown = markdown or EditorMarkdown()
        self.for_search = for_search or (lambda src_uri, title, content: content)
        templates = sorted((catalogue.project.templates_dir / "pages").glob("*.jinja"))
        toolkit = (f"{path}={item.meta.titel}/{item.meta.type}" for path, item in catalogue.toolkit.items())
        # A course page shows its learning paths, its evaluations and whether it is new: when one of them changes,
        # every course page is made again (there are few of them, and they change seldom).
        context = fingerprint(catalogue.taxonomy.model_dump_json(), catalogue.department.model_dump_json(),
                              today.isoformat(), site_url, *(t.read_bytes() for t in templates), *toolkit,
                              # what an editor's link in a description may lead to (_editor_link)
                              *catalogue.content.files, *(entry.slug for entry in catalogue.courses),
                              repr(catalogue.paths), repr(sorted(catalogue.evaluations.items())),
                              *sorted(catalogue.new_courses), *self._path_step_titles(catalogue))
        self.memo.within(context)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(catalogue.project.templates_dir / "pages"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(
            long_date=danish.long_date,
            day_month_year=danish.day_month_year,
            month_year=danish.month_year,
            file_size=danish.file_size,
            long_datetime=danish.long_datetime,
            time_span=danish.time_span,
            price=danish.price,
            number=danish.number,
            and_list=danish.and_list,
            meetings_count=danish.meetings_count,
            meetings_dates=danish.meetings_dates,
            meetings_days=danish.meetings_days,
            labels_of=lambda keys, vocabulary: [catalogue.taxonomy.label(vocabulary, k) for k in keys],
            heading_id=lambda text: slugify(str(text), "-"),
        )
        self.env.globals.update(
            taxonomy=catalogue.taxonomy,
            department=catalogue.department,
            label=catalogue.taxonomy.label,
            closed_reason=lambda s: offer.closed_reason(s, today),
            signup_href=offer.signup_href,
            signup_mail=offer.signup_mail,
            signup_form_id=offer.signup_form_id,
            signup_is_mail=offer.signup_is_mail,
            signup_address=offer.signup_address,
            signup_details=offer.SIGNUP_DETAILS_TEXT,
            inline_markdown=inline_markdown,
            bookable_sessions=lambda c: offer.bookable(c, today),
            waiting_list=lambda s: offer.offers_waiting_list(s, today),
            another_with_seats=lambda c, s: offer.another_with_seats(c, s, today),
            month_keys=lambda s: [month_key(m) for m in offer.months_of(s)],
            month_key=month_key,
            session_regions=lambda s: offer.regions_served(s, catalogue.taxonomy.keys("regioner")),
            state=lambda s: offer.session_state(s, today, catalogue.taxonomy.label("status", s.status)),
            state_class=lambda s: offer.state_key(s, today),
            waiting_list_href=lambda c, s: offer.waiting_list_href(c, s, catalogue.department.email),
            waiting_list_address=lambda c, s: offer.waiting_list_address(c, s, catalogue.department.email),
            course_src=course_src,
            topic_src=topic_src,
            region_src=region_src,
            path_src=path_src,
            poster_file=poster_file,
            pages=dict(home=HOME, evaluation=EVALUATION, catalogue=CATALOGUE, topics=TOPICS, new_members=NEW_MEMBERS,
                       tailored=TAILORED, ideas=IDEAS, practical=PRACTICAL, about=ABOUT, toolkit=TOOLKIT,
                       search=SEARCH, printable=PRINTABLE, calendar=CALENDAR, paths=PATHS),
            course_of=catalogue.course,
            open_session=lambda c: offer.open_session(c, today),
            open_sessions=lambda c: offer.open_sessions(c, today),
            session_anchor=offer.session_anchor,
            postal_regions=" ".join(f"{start}:{region or ''}" for start, region in geography.postal_ranges()),
            place=offer.place,
            toolkit_types=TOOLKIT_TYPES,
            new_courses=catalogue.new_courses,
            mail_href=offer.mail_href,
            ask_for_date_href=lambda c: offer.ask_for_date_href(c, catalogue.department.email),
            absolute_url=lambda src: absolute_url(site_url, src),
            calendar_file=lambda entry, session: posixpath.basename(session_file(entry, session)),
            json_ld=lambda entry: script_json(course_json_ld(entry, catalogue, site_url, today)),
            toolkit=catalogue.toolkit,
            by_title=lambda items: sorted(items, key=lambda i: danish.sort_key(i.meta.titel)),
        )
        self._listings = offer.catalogue_order(catalogue.courses, today)
        # Each region's catalogue: the courses with a session for its residents, each with those sessions
        regions = catalogue.taxonomy.keys("regioner")
        self.region_listings = {
            region: offer.catalogue_order(catalogue.courses, today,
                                          fits=lambda s, region=region: region in offer.regions_served(s, regions))
            for region in offer.home_regions(regions)}
        self.env.globals["regions"] = [Region(key, catalogue.taxonomy.label("regioner", key), len(listings))
                                       for key, listings in self.region_listings.items()]
        # The pages this generator makes, by source path (an editor's link to one is made as to a page of content/),
        # the preview's error pages aside
        self.page_sources = generated_sources((e.slug for e in catalogue.courses), catalogue.taxonomy.emner,
                                              (e.slug for e in catalogue.paths), self.region_listings)

    @staticmethod
    def _path_step_titles(catalogue: Catalogue) -> list[str]:
        """The titles a course page's box "Del af forløbet" shows of the courses before and after it (a course with
        errors in the preview: none, and no link): when one changes, the course pages are made again."""
        found = []
        for entry in catalogue.paths:
            for step in entry.path.trin:
                if step.kursus:
                    course = catalogue.course(step.kursus)
                    found.append(f"{step.kursus}={course.course.titel if course else ''}")
        return found

    def render(self, src_uri: str, template: str, title: str, description: str, **context: Any) -> GeneratedPage:
        """A page: its title as its heading, then the template's HTML."""

        def link(target_src: str) -> str:
            return relative_url(target_src, src_uri)

        def file_link(target: str) -> str:
            return file_url(target, src_uri)

        def markdown(text: str) -> markupsafe.Markup:
            return self.markdown(text, links=lambda address: self._editor_link(address, src_uri))

        body = self.env.get_template(template).render(link=link, file_link=file_link, src_uri=src_uri,
                                                      markdown=markdown, **context).rstrip("\n")
        html = f'<h1 id="{TITLE_ID}">{markupsafe.escape(title)}</h1>\n\n{body}'
        return GeneratedPage(src_uri, self.for_search(src_uri, title, unique_ids(html)), title, description)

    def _editor_link(self, address: str, src_uri: str) -> str:
        """A relative address in an editor's Markdown on the page at ``src_uri`` (kurser/x.md), as MkDocs makes one
        on a page of content/: written from the page's source to a page or a file of the site, and made a link
        from the page's address; left as written when it leads to neither (an outside address, '#', '/…')."""
        found = link_target(address, src_uri)
        if found is None:
            return address
        target, query, fragment = found
        if target.endswith(".md") and (target in self.catalogue.content or target in self.page_sources):
            made = relative_url(target, src_uri)
        elif target in self.catalogue.content:
            made = file_url(target, src_uri)
        else:
            return address  # check warns of it (validation.broken_links)
        return urlunsplit(("", "", made, query, fragment))

    def listings(self, entries: list[CourseEntry] | None = None) -> list[offer.Listing]:
        if entries is None:
            return self._listings
        wanted = {e.slug for e in entries}
        return [x for x in self._listings if x.entry.slug in wanted]

    # One method per kind of page ------------------------------------------------

    @staticmethod
    def _per_course(memo: Memo[CourseVersion, T], entry: CourseEntry, make: Callable[[], T]) -> T:
        """What a course file gives, made once for each version of the file."""
        return memo.get((entry.slug, entry.fingerprint), make) if entry.fingerprint else make()

    def course(self, entry: CourseEntry) -> GeneratedPage:
        if follow_up.just_held(entry.course, self.today):  # it suggests other courses: made anew every time
            return self._course_page(entry)
        return self._per_course(self.memo.pages, entry, lambda: self._course_page(entry))

    def _course_page(self, entry: CourseEntry) -> GeneratedPage:
        course = entry.course
        sessions = offer.upcoming(course, self.today)
        featured = offer.featured_session(course, self.today)
        held = follow_up.just_held(course, self.today)
        return self.render(
            course_src(entry.slug), "course.html.jinja", course.titel, course.intro,
            entry=entry, course=course, featured=featured, sessions=sessions,
            others=[s for s in sessions if s is not featured],
            mixed_forms=len({s.form for s in sessions}) > 1, today=self.today,
            mail_forms=any(offer.signup_mail(course, s) and offer.closed_reason(s, self.today) is None
                           for s in sessions),
            rating=self.catalogue.rating(entry.slug, self.today),
            held=held,
            next_steps=follow_up.next_steps(self.catalogue, entry, self.today) if held else [],
            follow_up_notes=follow_up.follow_up_notes(course, self.today),
            path_places=self.catalogue.places_of_course(entry.slug))

    def catalogue_page(self, booklets: Sequence[Printed] = ()) -> GeneratedPage:
        """The catalogue, with the filters' choices: the months from the first a session is held in to the last;
        and the link to the booklet (``booklets``: those this build made)."""
        held = {month for x in self._listings for s in x.sessions for month in offer.months_of(s)}
        months = []
        if held:
            month, last = min(held), max(held)
            while month <= last:
                months.append(month)
                month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        return self.render(CATALOGUE, "catalogue.html.jinja", "Alle kurser",
                           "Alle kurser for beboerdemokrater: de næste hold først.",
                           listings=self.listings(), session_months=months, booklets=booklets)

    def region_page(self, region: str) -> GeneratedPage:
        """One region's catalogue as a plain page (FORMAT.md §4): the courses with a session its residents can go
        to (there, online or for the whole country), each card showing the first such session, by its date."""
        name = self.catalogue.taxonomy.label("regioner", region)
        title = f"Kurser i {name if name.lower().startswith('region') else 'Region ' + name}"
        return self.render(region_src(region), "region.html.jinja", title,
                           f"{title}: kurserne med et hold i regionen, online eller for hele landet, de næste først.",
                           region=region, listings=self.region_listings[region])

    def topic(self, key: str, booklets: Sequence[Printed] = ()) -> GeneratedPage:
        """A topic's courses and material, and its booklet where the catalogue has one for each topic."""
        entry = self.catalogue.taxonomy.emner[key]
        return self.render(topic_src(key), "topic.html.jinja", entry.navn,
                           entry.beskrivelse or f"Kurser om {entry.navn.lower()}.",
                           key=key, topic=entry,
                           listings=self.listings(self.catalogue.courses_of_topic(key)),
                           materials=self.catalogue.materials_of_topic(key), booklets=booklets)

    def topics(self) -> GeneratedPage:
        counts = {k: len(self.catalogue.courses_of_topic(k)) for k in self.catalogue.taxonomy.emner}
        materials = {k: len(self.catalogue.materials_of_topic(k)) for k in self.catalogue.taxonomy.emner}
        return self.render(TOPICS, "topics.html.jinja", "Emner",
                           "Find kurser og materialer efter emne.",
                           counts=counts, materials=materials)

    def search(self) -> GeneratedPage:
        return self.render(SEARCH, "search.html.jinja", "Søg", "Søg i kurserne og i værktøjskassen.")

    def toolkit_index(self) -> GeneratedPage:
        items = sorted(self.catalogue.toolkit.values(), key=lambda i: danish.sort_key(i.meta.titel))
        by_type = {key: [i for i in items if i.meta.type == key] for key in TOOLKIT_TYPES}
        by_topic = {key: [i for i in items if key in i.meta.emner] for key in self.catalogue.taxonomy.emner}
        return self.render(TOOLKIT, "toolkit.html.jinja", "Værktøjskassen",
                           "Skabeloner, vejledninger, links og videoer til bestyrelsesarbejdet.",
                           by_type=by_type, by_topic=by_topic)

    def toolkit_text(self, item: ToolkitItem) -> str:
        """The Markdown of a toolkit page's own text as it is rendered: with contents at the top of a long guide,
        and the heading of the courses that use the page after it (both in the contents)."""
        parts = ["[TOC]"] if is_long_guide(item) else []
        parts.append(item.body)
        if self.catalogue.courses_using(item.path):
            parts.append(f"## {USED_ON_COURSES}")
        return "\n\n".join(parts) + "\n"

    def toolkit_page(self, item: ToolkitItem) -> GeneratedPage:
        """A toolkit page: its title, the part for its type, its own text (``toolkit_text``, its links made as to
        a page of content/), links to the courses that use it, and what search needs; the contents of its text
        beside it. Made once for each version of what it is made from."""
        courses = self.catalogue.courses_using(item.path)
        files = downloads(item, self.catalogue.project.content_dir)
        places = self.catalogue.places_of_page(item.path)

        def make() -> GeneratedPage:
            text, contents = self.markdown.with_headings(
                self.toolkit_text(item), links=lambda address: self._editor_link(address, item.path))
            html = self.env.get_template("toolkit-item.html.jinja").render(
                link=lambda target: relative_url(target, item.path),
                file_link=lambda target: file_url(target, item.path),
                title_id=TITLE_ID, item=item, meta=item.meta, text=text, downloads=files,
                transcript=transcript_anchor(item), courses=courses,
                video=video_source(item.meta.video.url) if item.meta.video else None, path_places=places)
            return GeneratedPage(item.path, self.for_search(item.path, item.meta.titel, unique_ids(html.rstrip("\n"))),
                                 item.meta.titel, item.meta.intro, contents)

        if not self.remembers:
            return make()
        version = fingerprint(item.body, repr(item.meta), repr(files), repr(places),
                              *(f"{entry.slug}={entry.course.titel}" for entry in courses))
        return self.memo.toolkit.get((item.path, version), make)

    def printable(self, booklets: Sequence[Printed] = ()) -> GeneratedPage:
        listings = [x for x in self.listings() if x.next]
        return self.render(PRINTABLE, "printable.html.jinja", "Kursuskatalog til udskrift",
                           "Alle kommende kurser samlet til udskrift på A4.",
                           listings=listings, booklets=booklets)

    def course_files(self, entry: CourseEntry) -> CourseFiles:
        """What a course file gives the site: its page, its poster and its sessions' calendars."""
        return CourseFiles(self.course(entry), self._per_course(self.memo.posters, entry, lambda: self.poster(entry)),
                           *self._session_calendars(entry))

    def poster(self, entry: CourseEntry) -> GeneratedPage:
        """The course's poster for a notice board (catalogue/poster.py): a whole HTML file, not a page in the theme,
        with its QR code to the course page."""
        src_uri = poster_file(entry.slug)
        address = absolute_url(self.site_url, course_src(entry.slug))
        made = poster(entry.course, self.today, self.catalogue.taxonomy, self.catalogue.department, address)
        html = self.env.get_template("poster.html.jinja").render(
            poster=made, shown_address=short_address(address),
            qr=qr_svg(address, f"QR-kode til kursets side, {address}"),
            course_link=relative_url(course_src(entry.slug), src_uri),
            stylesheet=file_url("assets/plakat.css", src_uri), script=file_url("assets/plakat.js", src_uri),
            icon=file_url("assets/images/favicon.png", src_uri))  # the theme's: else the browser asks /favicon.ico
        return GeneratedPage(src_uri, html)

    def _session_calendars(self, entry: CourseEntry) -> tuple[list[GeneratedPage], list[tuple[datetime, str, bytes]]]:
        """A calendar file for each session of the course to come, and those sessions' events."""
        events = self._per_course(self.memo.events, entry, lambda: course_events(entry, self.site_url, self.today))
        calendars = self._per_course(self.memo.calendars, entry, lambda: [
            GeneratedPage(session_file(entry, session), calendar_file(entry.course.titel, meetings))
            for session, meetings in zip(offer.upcoming(entry.course, self.today), events, strict=True)])
        return calendars, [event for meetings in events for event in meetings]

    def calendars(self, courses: list[CourseFiles] | None = None) -> list[GeneratedPage]:
        """Calendar files: one per session to come, one for everything, one per topic (of the courses' files as
        made, or made here)."""
        made = ([(course.calendars, course.events) for course in courses] if courses is not None
                else [self._session_calendars(entry) for entry in self.catalogue.courses])
        events = {entry.slug: course[1] for entry, course in zip(self.catalogue.courses, made, strict=True)}
        files = [calendar for course in made for calendar in course[0]]
        everything = [event for course in made for event in course[1]]
        files.append(GeneratedPage(CALENDAR, calendar_file("Kurser for beboerdemokrater", everything)))
        for key, topic in self.catalogue.taxonomy.emner.items():
            topic_events = [event for entry in self.catalogue.courses_of_topic(key) for event in events[entry.slug]]
            files.append(GeneratedPage(f"emner/{key}/{CALENDAR}", calendar_file(f"Kurser: {topic.navn}", topic_events)))
        return files

    def all_pages(self, each: Callable[[GeneratedPage], None] | None = None,
                  booklets: Sequence[Printed] | Callable[[], Sequence[Printed]] = ()) -> list[GeneratedPage]:
        """Every page and file of the site that has no file of its own, and the toolkit's pages, each page also
        handed to ``each`` as soon as it is made, in order (before the others are made). With ``processes``, they
        are made on every processor.

        ``booklets``: the booklets of this build (catalogue/booklet.py), which the front page, the catalogue, the
        printable catalogue and the topics link to with their pages and size; or where they are being made (in a
        process of their own: it gives them when they are done), and those pages are made here after the others,
        with the booklets' files.
        """
        courses = self.catalogue.courses
        topics = [functools.partial(self.topic, key) for key in self.catalogue.taxonomy.emner]
        pages: list[Callable[..., GeneratedPage]] = [
            self.home, self.catalogue_page, self.topics, self.new_members, self.tailored, self.ideas, self.practical,
            self.toolkit_index, self.search, self.printable, self.new_files, self.evaluation, *topics,
            *(functools.partial(self.region_page, region) for region in self.region_listings), self.paths_index,
            *(functools.partial(self.learning_path, entry) for entry in self.catalogue.paths),
            functools.partial(atom_feed_page, self.catalogue, self.site_url, self.today)]
        linking = [self.home, self.catalogue_page, self.printable, *topics]
        waiting = callable(booklets)
        first = [make for make in pages if make not in linking] if waiting else [
            functools.partial(make, booklets) if make in linking else make for make in pages]
        work: list[Callable[[], GeneratedPage | CourseFiles]] = [
            *first, *(functools.partial(self.course_files, entry) for entry in courses),
            *(functools.partial(self.toolkit_page, item) for item in self.catalogue.toolkit.values())]

        def hand_over(made: GeneratedPage | CourseFiles) -> None:
            if each is not None:
                page = made.page if isinstance(made, CourseFiles) else made
                if page.is_page:
                    each(page)

        made = map_on_all_processors(_call, work, count=None if self.processes else 1, each=hand_over)
        files = cast(list[CourseFiles], made[len(first):len(first) + len(courses)])
        generated = cast(list[GeneratedPage], made[:len(first)])
        if waiting:
            booklets = cast(Callable[[], Sequence[Printed]], booklets)()
            later = {make: make(booklets) for make in linking}
            for page in later.values():
                hand_over(page)
            made_now = iter(generated)
            generated = [later[make] if make in later else next(made_now) for make in pages]
        printed = [GeneratedPage(booklet.src_uri, booklet.pdf) for booklet in cast(Sequence[Printed], booklets)]
        errors = self.error_pages()
        for page in errors:
            hand_over(page)
        return [*generated, *printed, *(course.page for course in files), *(course.poster for course in files),
                *cast(list[GeneratedPage], made[len(first) + len(courses):]), *self.calendars(files), *errors]

    def error_pages(self) -> list[GeneratedPage]:
        """The live preview's pages for the files with errors, and the list of them all; none without errors."""
        if not self.broken:
            return []
        pages = [self.render(file.src_uri, "preview-error.html.jinja", ERROR_TITLES[file.kind],
                             "Filen har fejl og kan ikke vises, før den er rettet.",
                             broken=file, others=[f for f in self.broken if f is not file], overview=OVERVIEW)
                 for file in self.broken]
        count = len(self.broken)
        pages.append(self.render(OVERVIEW, "preview-errors.html.jinja",
                                 f"{count} {'fil har' if count == 1 else 'filer har'} fejl",
                                 "Filerne med fejl i forhåndsvisningen.", broken=self.broken))
        return pages

    def new_members(self) -> GeneratedPage:
        courses = [e for e in self.catalogue.courses if "ny" in e.course.niveau]
        return self.render(NEW_MEMBERS, "new-members.html.jinja", "Ny i bestyrelsen?",
                           "Kurserne for dig, der lige er blevet valgt til bestyrelsen.",
                           listings=self.listings(courses), paths=self.paths_for_new_members())

    def _first_course(self, entry: PathEntry) -> CourseEntry | None:
        first = next((step.kursus for step in entry.path.trin if step.kursus), None)
        return self.catalogue.course(first) if first else None

    def paths_in_order(self) -> list[PathEntry]:
        """The learning paths as lists show them: by the level of their first course (the taxonomy's order of
        `niveauer`: the paths to start with first), then by title."""
        levels = self.catalogue.taxonomy.keys("niveauer")

        def key(entry: PathEntry) -> tuple[int, str]:
            first = self._first_course(entry)
            level = min((levels.index(k) for k in first.course.niveau), default=len(levels)) if first else len(levels)
            return level, danish.sort_key(entry.path.titel)

        return sorted(self.catalogue.paths, key=key)

    def paths_for_new_members(self) -> list[PathEntry]:
        """The learning paths a newly elected member starts with: those whose first course step is a course of
        level 'ny' (the level of the page "Ny i bestyrelsen"). A path that begins with a course for the more
        experienced (the chair's) is a next step, not a start."""
        return [e for e in self.paths_in_order() if (first := self._first_course(e)) and "ny" in first.course.niveau]

    def paths_index(self) -> GeneratedPage:
        """The learning paths by target group, in the taxonomy's order. A path for two groups stands once, under
        both ("For organisationsbestyrelsen og repræsentantskabet"): shown twice, it would read as two offers."""
        keys = self.catalogue.taxonomy.keys("målgrupper")
        groups: dict[tuple[str, ...], list[PathEntry]] = {}
        for entry in self.paths_in_order():
            groups.setdefault(tuple(k for k in keys if k in entry.path.maalgruppe), []).append(entry)
        ordered = sorted(groups.items(), key=lambda group: [keys.index(k) for k in group[0]])
        return self.render(PATHS, "paths.html.jinja", "Forløb",
                           "Kurser og materialer i den rækkefølge, der passer de fleste: hvad "
                           "du skal tage først, og hvad der kommer bagefter.",
                           groups=[([self.catalogue.taxonomy.label("målgrupper", k) for k in group], paths)
                                   for group, paths in ordered])

    def learning_path(self, entry: PathEntry) -> GeneratedPage:
        return self.render(path_src(entry.slug), "path.html.jinja", entry.path.titel, entry.path.intro,
                           entry=entry, path=entry.path)

    def tailored(self) -> GeneratedPage:
        courses = [e for e in self.catalogue.courses if e.course.skraeddersyet]
        return self.render(TAILORED, "tailored.html.jinja", "Bestil et kursus til jeres bestyrelse",
                           "En bestyrelse eller en region kan bestille et skræddersyet kursus.",
                           listings=self.listings(courses))

    def ideas(self) -> GeneratedPage:
        return self.render(IDEAS, "ideas.html.jinja", "Send os en idé",
                           "Har du en idé til et kursus eller til værktøjskassen? Skriv til os.")

    def new_files(self) -> GeneratedPage:
        """The scaffolds of `build.py new`, for editors who start a file on GitHub's web pages."""
        catalogue = self.catalogue
        toolkit = {kind: toolkit_text(catalogue.project, kind, catalogue.taxonomy, self.today)
                   for kind in TOOLKIT_TYPES}
        return self.render(NEW_FILES, "new-files.html.jinja", "Skabeloner til nye filer",
                           "Til redaktørerne: teksten til et nyt kursus eller en ny side i "
                           "værktøjskassen, klar til at kopiere.",
                           course=course_text(catalogue.project, catalogue.taxonomy, catalogue.department),
                           toolkit=toolkit)

    def evaluation(self) -> GeneratedPage:
        """How courses are evaluated, and each course's figures as its page shows them."""
        by_title = sorted(self.catalogue.courses, key=lambda e: danish.sort_key(e.course.titel))
        ratings = [(e, self.catalogue.rating(e.slug, self.today)) for e in by_title]
        too_few = [e for e, rating in ratings if rating is None
                   and in_period(self.catalogue.evaluations.get(e.slug, ()), self.today)]
        return self.render(EVALUATION, "evaluation.html.jinja", "Sådan evaluerer vi kurserne",
                           "Deltagerne vurderer hvert kursus. Her kan du se, hvordan vi gør, og "
                           "hvad deltagerne har svaret.",
                           rated=[(e, r) for e, r in ratings if r is not None], too_few=too_few,
                           period_years=PERIOD_YEARS, min_answers=MIN_ANSWERS, today=self.today)

    def practical(self) -> GeneratedPage:
        return self.render(PRACTICAL, "practical.html.jinja", "Praktisk information",
                           "Tilmelding, betaling, afmelding og kontakt til kursusafdelingen.")

    def home(self, booklets: Sequence[Printed] = ()) -> GeneratedPage:
        upcoming = [x for x in self.listings() if x.next][:NEXT_ON_HOME]
        counts = {k: len(self.catalogue.courses_of_topic(k)) for k in self.catalogue.taxonomy.emner}
        return self.render(HOME, "home.html.jinja", "Kurser for beboerdemokrater",
                           "Find et kursus, tilmeld dig, og hent skabeloner og vejledninger "
                           "til bestyrelsesarbejdet.",
                           upcoming=upcoming, counts=counts, paths=self.paths_in_order(),
                           start_path=next(iter(self.paths_for_new_members()), None),
                           course_count=len(self.catalogue.courses), booklets=booklets)


__all__ = ["TITLE_ID", "CourseFiles", "GeneratedPage", "PageGenerator"]
