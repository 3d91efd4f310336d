"""Calendar files (RFC 5545, with icalendar): one per session (an event per meeting), one for the catalogue, one
per topic.

Times are written in Europe/Copenhagen with its VTIMEZONE, so a session in
summer time and one in winter time both land at the right hour. UIDs are
stable (course and the meeting's start), so a subscribed calendar updates instead of
duplicating.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, time, timezone
from urllib.parse import urlsplit

import icalendar

from .danish import meeting_of
from .fields import COPENHAGEN
from .models import ONLINE, CourseEntry, Session
from .offer import CANCELLED, upcoming
from .urls import absolute_url, course_src, page_url

_END = b"END:VCALENDAR\r\n"
PRODUCT = "-//Kursusafdelingen//Kurser for beboerdemokrater//DA"


def session_file(entry: CourseEntry, session: Session) -> str:
    """Where a session's calendar file lives, beside its course page: kurser/<slug>/hold-2027-03-05-1600.ics"""
    return f"{page_url(course_src(entry.slug))}hold-{session.start:%Y-%m-%d-%H%M}.ics"


def _host(site_url: str) -> str:
    return urlsplit(site_url).netloc or "kurser.example.dk"


def session_events(entry: CourseEntry, session: Session, site_url: str, today: date) -> list[icalendar.Event]:
    """A session as calendar events: one per meeting (FORMAT.md §1), each with its own times and UID (the course
    and the meeting's start, as a session of one meeting has always had) and the same sign-up page."""
    course = entry.course
    url = absolute_url(site_url, course_src(entry.slug))
    meetings = session.meetings
    events = []
    for number, meeting in enumerate(meetings, start=1):
        event = icalendar.Event()
        event.add("uid", f"{entry.slug}-{meeting.start:%Y%m%dT%H%M}@{_host(site_url)}")
        event.add("dtstamp", _stamp(today))
        event.add("dtstart", meeting.start.replace(tzinfo=COPENHAGEN))
        event.add("dtend", meeting.slut.replace(tzinfo=COPENHAGEN))
        title = course.titel if len(meetings) == 1 else f"{course.titel} ({meeting_of(number, meetings)})"
        # A cancelled session says so where a calendar shows it, not only in STATUS, which many programs hide.
        event.add("summary", f"AFLYST: {title}" if session.status == CANCELLED else title)
        if session.sted and session.form != ONLINE:
            venue = session.sted
            event.add("location", f"{venue.navn}, {venue.adresse}, {venue.postnr} {venue.by}")
        else:
            event.add("location", "Online")
        notes = [note for note in (meeting.note, session.note) if note]
        more = "Læs mere" if session.status == CANCELLED else "Læs mere og tilmeld dig"  # a cancelled one invites none
        description = [course.intro, *(["", *notes] if notes else []), "", f"{more}: {url}"]
        event.add("description", "\n".join(description))
        event.add("url", url)
        event.add("status", "CANCELLED" if session.status == CANCELLED else "CONFIRMED")
        events.append(event)
    return events


# Europe/Copenhagen as calendar programs write it: summer time from the last Sunday of March to the last
# Sunday of October. Short and valid for every year, unlike a list of dates.
COPENHAGEN_VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Copenhagen
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""


@functools.cache
def copenhagen() -> icalendar.Timezone:
    """The time zone as a component, made once."""
    return icalendar.Timezone.from_ical(COPENHAGEN_VTIMEZONE.replace("\n", "\r\n"))


@functools.cache
def _copenhagen_bytes() -> bytes:
    return copenhagen().to_ical()


# Each event is written out once, with icalendar, and shared between the files that list it (its session's own,
# the whole catalogue's, its topics'); each file is its calendar's own lines (icalendar), the time zone written out
# once, and its events. icalendar's API alone (one Calendar object per file, the same VTIMEZONE component added to
# each) writes each event out once per file: bench/calendars.py measured it at 24.0 s against 6.3 s for this at
# 10,000 courses (6 December 2026, 2 processors): 17.7 s more, 29 % of the whole build's 60 s there (issue 16 kept
# this path when the API would cost over 10 %). Both give the same files.
@functools.lru_cache(maxsize=1024)  # a course's sessions' files share their course's
def _calendar_head(name: str) -> bytes:
    """A calendar's own lines and the time zone, up to the events: what every calendar file starts with."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Copenhagen")
    written = calendar.to_ical()
    # The time zone is the same in every file: written out once, put in after the calendar's own lines.
    return written[: -len(_END)] + _copenhagen_bytes()


def _stamp(today: date) -> datetime:
    # The reference date, not the clock: the same content gives the same files.
    return datetime.combine(today, time(0, 0), tzinfo=timezone.utc)


def course_events(entry: CourseEntry, site_url: str, today: date) -> list[list[tuple[datetime, str, bytes]]]:
    """The events of a course's sessions to come, written out, per session: [(start, UID, VEVENT), …]."""
    return [[(meeting.start, str(event["UID"]), event.to_ical())
             for meeting, event in zip(session.meetings, session_events(entry, session, site_url, today), strict=True)]
            for session in upcoming(entry.course, today)]


def calendar_file(name: str, events: list[tuple[datetime, str, bytes]]) -> bytes:
    """A calendar of events already written out, in time order: many files share the same events."""
    return _calendar_head(name) + b"".join(e[2] for e in sorted(events)) + _END
