"""Calendar files (RFC 5545, with icalendar): one per session, one for the catalogue, one per topic.

Times are written in Europe/Copenhagen with its VTIMEZONE, so a session in
summer time and one in winter time both land at the right hour. UIDs are
stable (course and start), so a subscribed calendar updates instead of
duplicating.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, time, timezone
from urllib.parse import urlsplit

import icalendar

from .models import CourseEntry, Session
from .offer import COPENHAGEN, upcoming
from .urls import course_src, page_url

PRODUCT = "-//Kursusafdelingen//Kurser for beboerdemokrater//DA"


def session_file(entry: CourseEntry, session: Session) -> str:
    """Where a session's calendar file lives, beside its course page: kurser/<slug>/hold-2027-03-05-1600.ics"""
    return f"{page_url(course_src(entry.slug))}hold-{session.start:%Y-%m-%d-%H%M}.ics"


def _absolute(site_url: str, src: str) -> str:
    return site_url.rstrip("/") + "/" + page_url(src)


def _host(site_url: str) -> str:
    return urlsplit(site_url).netloc or "kurser.example.dk"


def _event(entry: CourseEntry, session: Session, site_url: str, stamp: datetime) -> icalendar.Event:
    course = entry.course
    url = _absolute(site_url, course_src(entry.slug))
    event = icalendar.Event()
    event.add("uid", f"{entry.slug}-{session.start:%Y%m%dT%H%M}@{_host(site_url)}")
    event.add("dtstamp", stamp)
    event.add("dtstart", session.start.replace(tzinfo=COPENHAGEN))
    event.add("dtend", session.slut.replace(tzinfo=COPENHAGEN))
    event.add("summary", course.titel)
    if session.sted:
        venue = session.sted
        event.add("location", f"{venue.navn}, {venue.adresse}, {venue.postnr} {venue.by}")
    else:
        event.add("location", "Online")
    description = [course.intro, "", f"Læs mere og tilmeld dig: {url}"]
    if session.note:
        description[1:1] = ["", session.note]
    event.add("description", "\n".join(description))
    event.add("url", url)
    event.add("status", "CANCELLED" if session.status == "aflyst" else "CONFIRMED")
    return event


@functools.cache
def _copenhagen() -> icalendar.Timezone:
    """Europe/Copenhagen as a VTIMEZONE, worked out once: it is the same in every file."""
    calendar = icalendar.Calendar()
    event = icalendar.Event()
    event.add("dtstart", datetime(2027, 1, 1, tzinfo=COPENHAGEN))
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.walk("VTIMEZONE")[0]


def _calendar(name: str, events: list[icalendar.Event]) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Copenhagen")
    calendar.add_component(_copenhagen())
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


def _stamp(today: date) -> datetime:
    # The reference date, not the clock: the same content gives the same files.
    return datetime.combine(today, time(0, 0), tzinfo=timezone.utc)


def session_calendar(entry: CourseEntry, session: Session, site_url: str, today: date) -> bytes:
    return _calendar(entry.course.titel, [_event(entry, session, site_url, _stamp(today))])


def sessions_calendar(name: str, entries: list[CourseEntry], site_url: str, today: date) -> bytes:
    """Every session to come of these courses, cancelled ones marked as such."""
    events = [_event(entry, session, site_url, _stamp(today))
              for entry in entries for session in upcoming(entry.course, today)]
    events.sort(key=lambda e: e.decoded("dtstart"))
    return _calendar(name, events)

