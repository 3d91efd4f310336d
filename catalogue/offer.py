"""What is on offer on the reference date: upcoming sessions, and whether one can sign up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo

from . import danish
from .fields import FIRST_YEAR, LAST_YEAR
from .models import Course, CourseEntry, Session

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def today_in_denmark() -> date:
    return datetime.now(COPENHAGEN).date()


def reference_date(text: str | None) -> date:
    """The build's reference date: ``YYYY-MM-DD``, or today in Denmark when not given."""
    if not text:
        return today_in_denmark()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, fx 2027-01-15") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"'{text}' ligger ikke mellem {FIRST_YEAR} og {LAST_YEAR}; skriv en dato i de år")
    return day


def is_ended(session: Session, today: date) -> bool:
    """A session is offered until the day after it ends."""
    return session.slut.date() < today


def upcoming(course: Course, today: date) -> list[Session]:
    return sorted((s for s in course.hold if not is_ended(s, today)), key=lambda s: s.start)


def next_session(course: Course, today: date) -> Session | None:
    """The first session still to come that is not cancelled."""
    return next((s for s in upcoming(course, today) if s.status != "aflyst"), None)


def closed_reason(session: Session, today: date) -> str | None:
    """Why one cannot sign up for this session, in Danish; None when one can."""
    if session.status == "aflyst":
        return "Holdet er aflyst."
    if session.status == "fuldt":
        return "Holdet er fuldt booket."
    if session.start.date() <= today:
        return "Holdet er gået i gang."
    if session.tilmeldingsfrist < today:
        return f"Tilmeldingsfristen udløb {danish.long_date(session.tilmeldingsfrist)}."
    return None


def signup_href(course: Course, session: Session) -> str:
    """The sign-up link; a mailto: gets a subject and a body asking for what the department needs.

    A mailto: sign-up is a bare address (catalogue/fields.py): the link carries that address, the subject
    and the body, nothing else.
    """
    if not signup_is_mail(session):
        return session.tilmelding
    when = danish.long_datetime(session.start)
    subject = f"Tilmelding: {course.titel}, {when}"
    body = "\r\n".join([
        f"Jeg vil gerne tilmelde mig kurset \"{course.titel}\" {when}.",
        "",
        "Navn:",
        "Afdeling:",
        "Adresse:",
        "Mobilnummer:",
        "E-mail:",
        "",
        "Godkendt af bestyrelsesformanden (navn):",
        "Evt. bemærkninger (fx hensyn til kost eller adgang):",
    ])
    return mail_href(session.tilmelding[len("mailto:"):], subject, body)


def ask_for_date_href(course: Course, department_email: str) -> str:
    """A prefilled mail asking the department when the course will have a session."""
    body = "\r\n".join([
        f"Jeg vil gerne høre, hvornår der kommer et hold på kurset \"{course.titel}\".",
        "",
        "Navn:",
        "Afdeling:",
        "Mobilnummer:",
        "E-mail:",
    ])
    return mail_href(course.kontakt or department_email, f"Spørgsmål om {course.titel}", body)


def mail_href(address: str, subject: str, body: str) -> str:
    return f"mailto:{address}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def signup_is_mail(session: Session) -> bool:
    return urlsplit(session.tilmelding).scheme.lower() == "mailto"


@dataclass(frozen=True)
class Listing:
    """A course as the catalogue lists it: its entry and its next session, if any."""

    entry: CourseEntry
    next: Session | None


def catalogue_order(entries: list[CourseEntry], today: date) -> list[Listing]:
    """Courses with a session to come first, by next date; then the others by title."""
    listings = [Listing(e, next_session(e.course, today)) for e in entries]
    planned = sorted((x for x in listings if x.next),
                     key=lambda x: (x.next.start, danish.sort_key(x.entry.course.titel)))
    unplanned = sorted((x for x in listings if not x.next), key=lambda x: danish.sort_key(x.entry.course.titel))
    return planned + unplanned
