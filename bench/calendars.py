#!/usr/bin/env python3
"""The site's calendar files two ways, timed on the same courses: the build's own path and icalendar's API alone.

    .venv/bin/python bench/calendars.py [--sizes 3000 10000]

For each N it writes N generated courses (bench/content.py, as bench/run.py does) and makes every calendar file
of the site (one per session to come, one for all, one per topic) with

- the build's path (catalogue/calendar.py): each event written out once with icalendar and shared between the files
  that list it, the time zone written out once;
- icalendar's API alone, as the baseline a person would write: one Calendar object per file with the same
  VTIMEZONE component object added to each, and each event's component added to every file that lists it, so an
  event is written out once per file (its own, the whole catalogue's, each of its topics').

It checks that both give the same files (the events of a file in the same order, ties aside) and prints both
times. Issue 16 kept the build's path if the API alone costs more than 10 % of the build at 10,000 courses.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import icalendar

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "bench")]

from catalogue.calendar import PRODUCT, copenhagen, session_events, session_file  # noqa: E402
from catalogue.catalogue import Catalogue, load_catalogue  # noqa: E402
from catalogue.offer import upcoming  # noqa: E402
from catalogue.pages import PageGenerator  # noqa: E402
from catalogue.project import Project, copy_project  # noqa: E402
from content import write_content  # noqa: E402

TODAY = date(2027, 1, 15)
SITE_URL = "https://kurser.example.dk/"


def with_api(catalogue: Catalogue) -> dict[str, bytes]:
    """Every calendar file, each a Calendar object of icalendar's serialized as a whole."""

    def calendar(name: str, events: list[icalendar.Event]) -> bytes:
        whole = icalendar.Calendar()
        for key, value in (("prodid", PRODUCT), ("version", "2.0"), ("calscale", "GREGORIAN"),
                           ("x-wr-calname", name), ("x-wr-timezone", "Europe/Copenhagen")):
            whole.add(key, value)
        whole.add_component(copenhagen())
        for event in sorted(events, key=lambda e: (e.decoded("dtstart"), str(e["UID"]))):
            whole.add_component(event)
        return whole.to_ical()

    per_session = {entry.slug: [session_events(entry, session, SITE_URL, TODAY)
                                for session in upcoming(entry.course, TODAY)] for entry in catalogue.courses}
    events = {slug: [event for meetings in sessions for event in meetings] for slug, sessions in per_session.items()}
    files = {}
    for entry in catalogue.courses:
        for session, meetings in zip(upcoming(entry.course, TODAY), per_session[entry.slug], strict=True):
            files[session_file(entry, session)] = calendar(entry.course.titel, meetings)
    files["kalender.ics"] = calendar("Kurser for beboerdemokrater",
                                     [e for entry in catalogue.courses for e in events[entry.slug]])
    for key, topic in catalogue.taxonomy.emner.items():
        files[f"emner/{key}/kalender.ics"] = calendar(
            f"Kurser: {topic.navn}", [e for entry in catalogue.courses_of_topic(key) for e in events[entry.slug]])
    return files


def events_of(data: bytes) -> list[bytes]:
    head, *events = data.split(b"BEGIN:VEVENT")
    return [head, *sorted(events)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3000, 10000])
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kursus-kalendere-"))
    try:
        for size in args.sizes:
            project = copy_project(REPO, work / f"projekt-{size}", with_courses=False)
            write_content(project, size)
            catalogue, _ = load_catalogue(Project(project))
            assert catalogue is not None
            started = time.perf_counter()
            ours = {page.src_uri: page.content for page in PageGenerator(catalogue, TODAY, SITE_URL).calendars()}
            ours_s = time.perf_counter() - started
            started = time.perf_counter()
            api = with_api(catalogue)
            api_s = time.perf_counter() - started
            assert ours.keys() == api.keys()
            assert all(events_of(ours[name]) == events_of(api[name]) for name in ours), "not the same files"
            print(f"N = {size}: {len(ours)} kalenderfiler; byggets vej {ours_s:.1f} s, icalendars API alene "
                  f"{api_s:.1f} s (+{api_s - ours_s:.1f} s)", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
