"""What is on offer on the reference date: upcoming sessions, and whether one can sign up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable
from urllib.parse import quote, urlsplit

from . import danish
from .fields import COPENHAGEN, FIRST_YEAR, LAST_YEAR
from .models import ONLINE, ONLINE_REGION, Course, CourseEntry, Session

# Session statuses the build acts on (taxonomy `status`, FORMAT.md §3)
CANCELLED = "aflyst"
FULL = "fuldt"
WAITING_LIST = "venteliste"  # full, but taking names for a waiting list
CLOSED = "lukket"  # not a status: sign-up has closed by its deadline or because the session has begun
HYBRID = "hybrid"  # the taxonomy's form for a session one attends in person or from home


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
    """The first session still to come that is not cancelled, whether one can sign up for it or not."""
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


def home_regions(regions: list[str]) -> list[str]:
    """The regions residents live in, each with a page of its own (FORMAT.md §4, /kurser/region/<region>/): the
    taxonomy's regions but the whole country."""
    return [region for region in regions if region != ONLINE_REGION]


def months_of(session: Session) -> list[date]:
    """The months a session is held in, each as its first day: what the month filter matches (FORMAT.md §4: a
    session fits a month when one of its meetings falls in it): the months each meeting starts and ends in."""
    return sorted({date(moment.year, moment.month, 1) for meeting in session.meetings
                   for moment in (meeting.start, meeting.slut)})


# How lists and pages prefer a session when they show one of several (preference): seats to sign up for, then
# a waiting list, then neither (begun, or its deadline has passed)
SEATS, WAITING, NEITHER = 0, 1, 2


def preference(session: Session, today: date) -> int:
    """SEATS when one can sign up for a seat; WAITING when one can ask for a place on a waiting list (status
    `venteliste`, or a full session not yet begun); NEITHER otherwise."""
    if closed_reason(session, today) is None:
        return WAITING if session.status == WAITING_LIST else SEATS
    return WAITING if session.status == FULL and session.start.date() > today else NEITHER


def in_preference(sessions: list[Session], today: date) -> list[Session]:
    """Sessions in the order a card, a list or a course page picks among them: those with seats first, then
    those with a waiting list, then the rest; each group by date. The first is the one shown."""
    return sorted(sessions, key=lambda s: (preference(s, today), s.start))


def shown_sessions(course: Course, today: date) -> list[Session]:
    """A course's sessions to come that are not cancelled, in preference (``in_preference``)."""
    return in_preference(bookable(course, today), today)


def session_anchor(course: Course, session: Session) -> str:
    """The id of a session on its course page, which a link may carry to choose it (/kurser/x/#hold-2027-03-16):
    its start date, and its start time too when another session of the course starts the same day."""
    same_day = sum(1 for s in course.hold if s.start.date() == session.start.date())
    return f"hold-{session.start:%Y-%m-%d-%H%M}" if same_day > 1 else f"hold-{session.start:%Y-%m-%d}"


def featured_session(course: Course, today: date) -> Session | None:
    """The session a course page puts first, as a card shows it: the next one with seats, else the next with a
    waiting list, else none."""
    return next((s for s in shown_sessions(course, today) if preference(s, today) != NEITHER), None)


def another_with_seats(course: Course, session: Session, today: date) -> bool:
    """Whether the course has a session besides this one with seats to sign up for: where a cancelled session may
    send residents ('Se de andre hold')."""
    return any(other is not session and preference(other, today) == SEATS for other in bookable(course, today))


def offers_waiting_list(session: Session, today: date) -> bool:
    """Whether a full session (status `fuldt`) still takes names for its waiting list: it has not begun."""
    return session.status == FULL and preference(session, today) == WAITING


def card_session(course: Course, today: date) -> Session | None:
    """The session a course's card shows (and its search result): the first in preference (``shown_sessions``)."""
    return next(iter(shown_sessions(course, today)), None)


def place(session: Session) -> str:
    """Where a session is, as a card says it: 'Valby', 'Valby eller online', 'Online'."""
    if session.form == ONLINE or not session.sted:
        return "Online"
    if session.form == HYBRID:
        return f"{session.sted.by} eller online"
    return session.sted.by


def session_summary(session: Session, today: date, status_label: str) -> str:
    """A session in one line, as a card shows it (_macros.html.jinja session_line): 'lørdag 6. marts 2027, Valby ·
    Få pladser tilbage'; the first day of several meetings '… (første af 3 aftener)'; a full session taking names
    '… · Fuldt booket – skriv dig på venteliste'."""
    day = danish.long_date(session.start)
    if session.moedegange:
        day += f" (første af {danish.meetings_count(session.meetings)})"
    waiting = " – skriv dig på venteliste" if offers_waiting_list(session, today) else ""
    return f"{day}, {place(session)} · {session_state(session, today, status_label)}{waiting}"


def open_session(course: Course, today: date) -> Session | None:
    """The first session still open for sign-up (not begun, deadline not passed, not full or cancelled)."""
    return next(iter(open_sessions(course, today)), None)


def open_sessions(course: Course, today: date) -> list[Session]:
    """The sessions still open for sign-up, in order."""
    return [s for s in bookable(course, today) if closed_reason(s, today) is None]


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


@dataclass(frozen=True)
class SignupField:
    """A line of a sign-up mail, and the field of the course page's sign-up form that fills it in.

    ``label`` is both the form's label and the mail's line ("Navn:"); ``missing`` is what the form says when the
    field is left empty (None: it may be), ``wrong`` when the browser finds it is not of its kind (an e-mail
    without @); ``kind`` is the input's type, or "textarea" for a text of several lines; ``autocomplete`` the
    browser's token for filling it in from what it knows of the resident (HTML's autofill).
    """

    name: str
    label: str
    missing: str | None = None
    kind: str = "text"
    autocomplete: str | None = None
    wrong: str | None = None

    @property
    def line(self) -> str:
        return f"{self.label}:"


# What the department needs to know of each participant (FORMAT.md §1): lines of a prefilled mail, fields of the
# sign-up form, and as the pages say it ("navn, afdeling, adresse, mobilnummer og e-mail")
SIGNUP_DETAILS = (
    SignupField("navn", "Navn", "Skriv dit navn.", autocomplete="name"),
    SignupField("afdeling", "Afdeling", "Skriv, hvilken afdeling du bor i."),
    SignupField("adresse", "Adresse", "Skriv din adresse.", autocomplete="street-address"),
    SignupField("mobil", "Mobilnummer", "Skriv dit mobilnummer.", kind="tel", autocomplete="tel"),
    SignupField("email", "E-mail", "Skriv din e-mail.", kind="email", autocomplete="email",
                wrong="Skriv din e-mail med @, fx navn@eksempel.dk."),
)
SIGNUP_DETAILS_TEXT = danish.and_list([field.label.lower() for field in SIGNUP_DETAILS])
# What a sign-up asks besides, and may be left empty
SIGNUP_QUESTIONS = (
    SignupField("godkendt", "Godkendt af bestyrelsesformanden (navn)"),
    SignupField("bemaerkninger", "Evt. bemærkninger (fx hensyn til kost eller adgang)", kind="textarea"),
)


@dataclass(frozen=True)
class SignupMail:
    """A sign-up by e-mail: to whom, the subject, the first line, and what it asks, in groups that the mail
    separates by an empty line. The course page's form (assets/tilmelding.js) writes the same mail, each line
    with what the resident typed after it."""

    address: str
    subject: str
    intro: str
    groups: tuple[tuple[SignupField, ...], ...] = (SIGNUP_DETAILS, SIGNUP_QUESTIONS)

    @property
    def body(self) -> str:
        """The mail's text with every line left for the resident to fill in."""
        return "\r\n\r\n".join([self.intro, *("\r\n".join(f.line for f in group) for group in self.groups)])

    @property
    def href(self) -> str:
        return mail_href(self.address, self.subject, self.body)


def signup_address(session: Session) -> str | None:
    """The e-mail address of a mailto: sign-up (a bare address, catalogue/fields.py), or None."""
    return session.tilmelding[len("mailto:"):] if signup_is_mail(session) else None


def signup_mail(course: Course, session: Session) -> SignupMail | None:
    """The sign-up mail of a session signed up for by e-mail; None for one with a sign-up page."""
    address = signup_address(session)
    if address is None:
        return None
    when = danish.long_datetime(session.start)
    return SignupMail(address, f"Tilmelding: {course.titel}, {when}",
                      f"Jeg vil gerne tilmelde mig kurset \"{course.titel}\" {when}.")


def signup_href(course: Course, session: Session) -> str:
    """The sign-up link: the sign-up page, or a mailto: with a subject and a body asking for what the department
    needs. A mailto: sign-up is a bare address (catalogue/fields.py): the link carries that address, the subject
    and the body, nothing else."""
    mail = signup_mail(course, session)
    return mail.href if mail else session.tilmelding


def signup_form_id(session: Session) -> str:
    """The id of a session's sign-up form on its course page (its fields' ids begin with it)."""
    return f"tilmelding-{session.start:%Y-%m-%d-%H%M}"


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


def waiting_list_address(course: Course, session: Session, department_email: str) -> str:
    """Where one asks by mail for a place on a full session's waiting list: the session's sign-up address when it
    is a mail, else the course's contact, else the department."""
    return signup_address(session) or course.kontakt or department_email


def waiting_list_href(course: Course, session: Session, department_email: str) -> str:
    """A prefilled mail asking for a place on a full session's waiting list (``waiting_list_address``)."""
    address = waiting_list_address(course, session, department_email)
    when = danish.long_datetime(session.start)
    body = "\r\n".join([
        f"Jeg vil gerne på venteliste til kurset \"{course.titel}\" {when}.",
        "",
        *(field.line for field in SIGNUP_DETAILS),
    ])
    return mail_href(address, f"Venteliste: {course.titel}, {when}", body)


def mail_href(address: str, subject: str = "", body: str = "") -> str:
    """A mailto: link to the address, with a subject and a body when given (percent-encoded; in the address all
    but the @, so that a '#' or a '?' an address may hold does not end it)."""
    query = "&".join(f"{name}={quote(text, safe='')}" for name, text in (("subject", subject), ("body", body)) if text)
    to = quote(address, safe="@")
    return f"mailto:{to}?{query}" if query else f"mailto:{to}"


def signup_is_mail(session: Session) -> bool:
    return urlsplit(session.tilmelding).scheme.lower() == "mailto"


@dataclass(frozen=True)
class Listing:
    """A course as a list shows it: its entry and the sessions its card may show, in preference (the first is
    shown; the catalogue's filters pick the first that fits them)."""

    entry: CourseEntry
    sessions: tuple[Session, ...]

    @property
    def next(self) -> Session | None:
        """The session the card shows, if any."""
        return self.sessions[0] if self.sessions else None


def catalogue_order(entries: list[CourseEntry], today: date,
                    fits: Callable[[Session], bool] | None = None) -> list[Listing]:
    """Courses with a session to come first, by the date of the session each card shows; then the others by title.
    With ``fits``, only the sessions that fit, and only the courses with one."""
    listings = [Listing(e, tuple(s for s in shown_sessions(e.course, today) if fits is None or fits(s)))
                for e in entries]
    planned = sorted((x for x in listings if x.next),
                     key=lambda x: (x.next.start, danish.sort_key(x.entry.course.titel)))
    if fits is not None:
        return planned
    unplanned = sorted((x for x in listings if not x.next), key=lambda x: danish.sort_key(x.entry.course.titel))
    return planned + unplanned
