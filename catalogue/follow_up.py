"""The way back after a course: the survey for those who were there, and the next step to take.

For ``AFTER_COURSE_DAYS`` after a session ends, its course page asks the participants what they thought (the
course's ``evaluering`` survey) and suggests what to take next: the next course of each learning path the course
is a step of, or else the courses of the same topics at the next level.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from . import danish
from .catalogue import Catalogue
from .models import Course, CourseEntry, PathEntry, Session
from .offer import CANCELLED, is_ended, next_session

AFTER_COURSE_DAYS = 30
SUGGESTIONS = 3  # courses of the next level, at most
FOLLOW_UP = "opfølg"  # a session note that mentions this ("Opfølgningsdag ca. et halvt år efter") is a follow-up


def just_held(course: Course, today: date) -> Session | None:
    """The session that ended most recently, if it ended within the last ``AFTER_COURSE_DAYS`` days."""
    ended = [s for s in course.hold if s.status != CANCELLED and is_ended(s, today)
             and today <= s.slut.date() + timedelta(days=AFTER_COURSE_DAYS)]
    return max(ended, key=lambda s: s.slut, default=None)


@dataclass(frozen=True)
class NextStep:
    """A course to take next, and why: the path it comes next in, or the next level (of the taxonomy's niveauer)."""

    entry: CourseEntry
    path: PathEntry | None = None
    level: str | None = None


def next_steps(catalogue: Catalogue, entry: CourseEntry, today: date) -> list[NextStep]:
    """The next course of each learning path the course is a step of; without any, the courses that share a topic
    with it at the level after its highest, those with a session to come first."""
    steps: list[NextStep] = []
    for place in catalogue.places_of_course(entry.slug):
        later = place.entry.path.trin[place.number:]
        following = next((catalogue.course(s.kursus) for s in later if s.kursus and catalogue.course(s.kursus)), None)
        if following is not None and following.slug != entry.slug and all(s.entry != following for s in steps):
            steps.append(NextStep(following, path=place.entry))
    if steps:
        return steps
    levels = catalogue.taxonomy.keys("niveauer")
    highest = max(levels.index(level) for level in entry.course.niveau)
    if highest + 1 >= len(levels):
        return []
    level = levels[highest + 1]
    topics = set(entry.course.emner)
    sharing = {e.slug for topic in entry.course.emner for e in catalogue.courses_of_topic(topic)}
    candidates = [e for e in catalogue.courses if e.slug in sharing and e.slug != entry.slug
                  and level in e.course.niveau]

    def order(candidate: CourseEntry) -> tuple:
        upcoming = next_session(candidate.course, today)
        shared = len(topics & set(candidate.course.emner))
        return (upcoming is None, -shared, upcoming.start if upcoming else datetime.max,
                danish.sort_key(candidate.course.titel))

    return [NextStep(e, level=level) for e in sorted(candidates, key=order)[:SUGGESTIONS]]


def follow_up_notes(course: Course, today: date) -> list[str]:
    """The notes of the sessions to come that tell of a follow-up, each once."""
    notes = (s.note for s in course.hold if s.note and s.status != CANCELLED and not is_ended(s, today))
    return list(dict.fromkeys(n for n in notes if FOLLOW_UP in n.lower()))
