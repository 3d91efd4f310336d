"""What is on offer on the reference date: upcoming sessions, and whether one can sign up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import quote, urlsplit

from . import danish
from .fields import COPENHAGEN, FIRST_YEAR, LAST_YEAR
from .models import ONLINE, ONLINE_REGION, Course, CourseEntry, Session

# Session statuses the build acts on (taxonomy `status`, FORMAT.md §3)
CANCELLED = "aflyst"
FULL = "fuldt"
CLOSED = "lukket"  # not a status: sign-up has closed by its deadline or because the session has begun


def today_in_denmark(now: datetime | None = None) -> date:
    """The date in Denmark at ``now`` (an aware time; default: this moment), in summer time or not, whatever the
    machine's time zone (GitHub's runners keep UTC, an hour or two behind)."""
    return (now or datetime.now(COPENHAGEN)).astimezone(COPENHAGEN).date()


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
    return next(iter(bookable(course, today)), None)


def bookable(course: Course, today: date) -> list[Session]:
    """The sessions still to come that are not cancelled: what lists show and filters choose among."""
    return [s for s in upcoming(course, today) if s.status != CANCELLED]


def regions_served(session: Session, regions: list[str]) -> list[str]:
    """The regions whose residents a session is for: its own, or every region when one attends it from home
    or it is for the whole country (FORMAT.md §1)."""
    if session.form == ONLINE or session.region == ONLINE_REGION:
        return regions
    return [session.region] if session.region else []


def featured_session(course: Course, today: date) -> Session | None:
    """The session a course page puts first: the next one open for sign-up, else the next full one (which
    offers a waiting list), else none."""
    return open_session(course, today) or next(
        (s for s in bookable(course, today) if s.status == FULL and s.start.date() > today), None)


def open_session(course: Course, today: date) -> Session | None:
    """The first session still open for sign-up (not begun, deadline not passed, not full or cancelled)."""
    return next((s for s in bookable(course, today) if closed_reason(s, today) is None), None)


def closed_reason(session: Session, today: date) -> str | None:
    """Why one cannot sign up for this session, in Danish; None when one can."""
    if session.status == CANCELLED:
        return "Holdet er aflyst."
    if session.status == FULL:
        return "Holdet er fuldt booket."
    if session.start.date() <= today:
        return "Holdet er gået i gang."
    if session.tilmeldingsfrist < today:
        return f"Tilmeldingsfristen udløb {danish.long_date(session.tilmeldingsfrist)}."
    return None


# What the department needs to know of each participant (FORMAT.md §1), as lines of a prefilled mail, and as
# the pages say it ("navn, afdeling, adresse, mobilnummer og e-mail")
SIGNUP_DETAILS = ("Navn:", "Afdeling:", "Adresse:", "Mobilnummer:", "E-mail:")
SIGNUP_DETAILS_TEXT = danish.and_list([detail.rstrip(":").lower() for detail in SIGNUP_DETAILS])


def signup_address(session: Session) -> str | None:
    """The e-mail address of a mailto: sign-up (a bare address, catalogue/fields.py), or None."""
    return session.tilmelding[len("mailto:"):] if signup_is_mail(session) else None


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
        *SIGNUP_DETAILS,
        "",
        "Godkendt af bestyrelsesformanden (navn):",
        "Evt. bemærkninger (fx hensyn til kost eller adgang):",
    ])
    return mail_href(signup_address(session) or "", subject, body)


def session_state(session: Session, today: date, status_label: str) -> str:
    """A session's state as lists show it beside its date: the status, or why sign-up has closed."""
    if state_key(session, today) != CLOSED:
        return status_label
    return "I gang" if session.start.date() <= today else "Tilmeldingsfristen er udløbet"


def state_key(session: Session, today: date) -> str:
    """The key of a session's state for styling: its status, or 'lukket' when sign-up has closed otherwise."""
    if session.status in (CANCELLED, FULL) or closed_reason(session, today) is None:
        return session.status
    return CLOSED


def ask_for_date_href(course: Course, department_email: str) -> str:
    """A prefilled mail asking to hear when the course gets a session."""
    body = "\r\n".join([
        f"Skriv mig op, når der kommer et hold på kurset \"{course.titel}\".",
        "",
        "Navn:",
        "Afdeling:",
        "Mobilnummer:",
        "E-mail:",
        "",
        "Hvor i landet eller online vil du helst deltage?",
    ])
    return mail_href(course.kontakt or department_email, f"Skriv mig op: {course.titel}", body)


def waiting_list_href(course: Course, session: Session, department_email: str) -> str:
    """A prefilled mail asking for a place on a full session's waiting list, to where sign-ups go by mail."""
    address = signup_address(session) or course.kontakt or department_email
    when = danish.long_datetime(session.start)
    body = "\r\n".join([
        f"Jeg vil gerne på venteliste til kurset \"{course.titel}\" {when}.",
        "",
        *SIGNUP_DETAILS,
    ])
    return mail_href(address, f"Venteliste: {course.titel}, {when}", body)


def mail_href(address: str, subject: str = "", body: str = "") -> str:
    """A mailto: link to the address, with a subject and a body when given (percent-encoded)."""
    query = "&".join(f"{name}={quote(text, safe='')}" for name, text in (("subject", subject), ("body", body)) if text)
    return f"mailto:{address}?{query}" if query else f"mailto:{address}"


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
