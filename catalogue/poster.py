"""A course's poster for a housing estate's notice board (/kurser/<slug>/plakat/): what it says, and how large.

The poster is read from two metres by older residents and prints on one A4 sheet from the browser, whatever the
editors wrote. So what it shows is chosen here, from an estimate of the room each part takes on paper: the title
in the largest of a few sizes that keeps it to a few lines, then as many of the next sessions with seats (at most
three) as fit, in the largest of the sessions' sizes they fit in; what does not fit is on the course page, which
the poster's QR code leads to. The estimate counts characters as wide as those of DejaVu Sans, the
widest sans-serif a browser may print it in, so real text takes no more room than counted.

The sizes here are the print sizes of ``templates/overrides/assets/plakat.css`` (its classes ``plakat--titel-N``
and ``plakat--hold-N`` are the indexes of ``TITLE_SIZES`` and ``SESSION_SIZES``): change them together.
``tests/test_poster.py`` prints the worst case the format allows in Chromium and checks it is one page.
A poster with no session shown (none with seats, or none that fits) holds only short lines besides the title and is
not counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import danish, offer
from .models import Course, Department, Session, Taxonomy

MAX_SESSIONS = 3
# A session held over more meetings than this is said by its first meeting and their number, not each day.
MEETINGS_WRITTEN_OUT = 4

# The printed area: A4 less plakat.css's @page margins (14 mm), in millimetres; the height less room to spare for
# what the estimate cannot see (the rounding of lines and borders).
PAGE_WIDTH = 210 - 2 * 14
PAGE_HEIGHT = 297 - 2 * 14 - 6
QR_SIDE = 56  # the QR code's side, and the text beside it in the rest of the width less the gap (8 mm)
BESIDE_QR = PAGE_WIDTH - QR_SIDE - 8
SESSION_INDENT = 6  # a session's rule and the space after it
POINT = 25.4 / 72  # millimetres


@dataclass(frozen=True)
class Type:
    """A style of text on paper: its size in points, its line height (times the size), and whether it is bold."""

    size: float
    line_height: float
    bold: bool = False

    def line(self) -> float:
        return self.size * POINT * self.line_height

    def width(self, text: str) -> float:
        """How wide the text is on one line, in millimetres, at most (as wide as DejaVu Sans)."""
        em = self.size * POINT
        return em * sum(_char_width(char, self.bold) for char in text)

    def height(self, text: str, width: float) -> float:
        """The height of the text broken into lines of ``width`` millimetres at its spaces (and inside a word longer
        than a line, as plakat.css lets it)."""
        space = self.width(" ")
        lines, used = 1, 0.0
        for word in text.split():
            wide = self.width(word)
            if used and used + space + wide <= width:
                used += space + wide
                continue
            if used:
                lines += 1
            if wide > width:  # broken inside the word: whole lines of it, the rest begins the next line
                extra, rest = divmod(wide, width)
                lines += int(extra)
                used = rest
            else:
                used = wide
        return lines * self.line()


def _char_width(char: str, bold: bool) -> float:
    """A character's width in em, a little over DejaVu Sans' (Sans Bold's with ``bold``)."""
    if char == " ":
        return 0.35
    if char in ".,:;'’|!ilj()[]-–":
        return 0.42 if bold else 0.36
    if char in "mwæMWÆ@%&—":
        return 1.0 if bold else 0.92
    if char.isupper() or char.isdigit():
        return 0.8 if bold else 0.74
    return 0.68 if bold else 0.62


# Print sizes (plakat.css): the title's, largest first, with the most lines it may take in each; the sessions'
# date line and their place and deadline lines, largest first.
TITLE_SIZES = ((Type(60, 1.1, True), 2), (Type(46, 1.1, True), 3), (Type(36, 1.1, True), 4),
               (Type(28, 1.15, True), 6), (Type(24, 1.15, True), 7))
SESSION_SIZES = ((Type(20, 1.25, True), Type(18, 1.3)), (Type(17, 1.25, True), Type(15, 1.3)),
                 (Type(14, 1.25, True), Type(13, 1.3)))
HEADER = Type(14, 1.3, True)
AUDIENCE = Type(18, 1.3)
HEADING = Type(16, 1.3, True)
DEADLINE = Type(22, 1.25, True)
PRICE = Type(22, 1.25, True)
SCAN = Type(18, 1.25, True)
SMALL = Type(13, 1.35)
PHONE = Type(24, 1.2, True)


@dataclass(frozen=True)
class PosterSession:
    """A session as the poster says it: when ('Lørdag 6. marts 2027 kl. 9.30–15.30'), where ('Kursuscenter Valby,
    Valby' or 'Online'), and its own deadline where the sessions' deadlines differ."""

    when: str
    place: str
    deadline: str | None = None


@dataclass(frozen=True)
class Poster:
    """What a course's poster shows, and in which of plakat.css's sizes."""

    title: str
    audience: str  # 'For afdelingsbestyrelsen · Ny i bestyrelsen'
    sessions: tuple[PosterSession, ...]
    more: bool  # the course has sessions with seats beyond those shown
    deadline: str | None  # 'Tilmeld dig senest fredag 5. februar 2027', None with no session shown
    price: str
    address: str  # the course page's full address, the QR code's
    title_size: int  # an index of TITLE_SIZES
    session_size: int  # an index of SESSION_SIZES


def audience(course: Course, taxonomy: Taxonomy) -> str:
    """Who the course is for, in one line: the target groups as the learning paths say them, and the levels."""
    groups = danish.and_list([taxonomy.label("målgrupper", key) for key in course.maalgruppe]).lower()
    levels = taxonomy.keys("niveauer")
    level = ("alle niveauer" if set(levels) <= set(course.niveau)
             else danish.and_list([taxonomy.label("niveauer", key) for key in course.niveau]).lower())
    return f"For {groups} · {level[:1].upper()}{level[1:]}"


def when(session: Session) -> str:
    """A session's day and hours as the course page says them; one of many meetings by its first and their number
    ('6 aftener, første gang tirsdag 2. marts 2027 kl. 18.00–21.00'), so that it stays a line or two."""
    meetings = session.meetings
    if len(meetings) == 1:
        text = danish.time_span(session.start, session.slut)
    elif len(meetings) > MEETINGS_WRITTEN_OUT:
        first = meetings[0]
        text = f"{danish.meetings_count(meetings)}, første gang {danish.time_span(first.start, first.slut)}"
    else:
        text = f"{danish.meetings_count(meetings)}: {danish.meetings_dates(meetings) or danish.meetings_days(meetings)}"
    return text[:1].upper() + text[1:]


def where(session: Session) -> str:
    """Where a session is: the venue and its town, or 'Online'."""
    if session.form == offer.ONLINE or not session.sted:
        return "Online"
    venue = f"{session.sted.navn}, {session.sted.by}"
    return f"{venue} – eller online" if session.form == offer.HYBRID else venue


def sessions_with_seats(course: Course, today: date) -> list[Session]:
    """The sessions a poster invites to: open for sign-up with seats (not a waiting list), by date."""
    return [s for s in offer.open_sessions(course, today) if offer.preference(s, today) == offer.SEATS]


def _footer_height(department: Department, address: str) -> float:
    """The QR code with what is written beside it ("Scan koden …", the address, the phone), and the rule above."""
    beside = (SCAN.height("Scan koden med mobilen, og læs mere på kursets side", BESIDE_QR) + 2
              + SMALL.height(address, BESIDE_QR) + 5
              + SMALL.height(f"Spørgsmål? Ring til {department.navn}", BESIDE_QR)
              + PHONE.height(department.telefon, BESIDE_QR)
              + (SMALL.height(department.telefontid, BESIDE_QR) if department.telefontid else 0))
    return 8 + max(QR_SIDE, beside)


def _session_height(session: PosterSession, size: int) -> float:
    bold, plain = SESSION_SIZES[size]
    width = PAGE_WIDTH - SESSION_INDENT
    return (bold.height(session.when, width) + plain.height(session.place, width)
            + (plain.height(session.deadline, width) if session.deadline else 0) + 4)


def _shown(sessions: list[Session]) -> tuple[tuple[PosterSession, ...], str]:
    """The sessions as the poster says them, and the line with the deadline: the first session's, and each
    session's own under it where they differ."""
    differ = len({s.tilmeldingsfrist for s in sessions}) > 1
    shown = tuple(PosterSession(when(s), where(s), f"Tilmelding senest {danish.long_date(s.tilmeldingsfrist)}"
                                if differ else None) for s in sessions)
    deadline = f"Tilmeld dig senest {danish.long_date(sessions[0].tilmeldingsfrist)}"
    return shown, deadline + (" til det første hold" if differ else "")


def _title_fits(title: str, size: int) -> bool:
    """Whether the title takes no more lines than its size allows, and no word of it is broken."""
    type_, lines = TITLE_SIZES[size]
    return (type_.height(title, PAGE_WIDTH) <= lines * type_.line() + 0.01
            and all(type_.width(word) <= PAGE_WIDTH for word in title.split()))


def poster(course: Course, today: date, taxonomy: Taxonomy, department: Department, address: str) -> Poster:
    """The poster of a course on the reference date, leading to its page at ``address``. The title is as large as
    it goes in its lines (``_title_fits``); then as many sessions as fit (of the first three with seats), in the
    larger size if they fit so; a smaller title size is tried only when not one session fits. When none fits even
    so (venues of hundreds of characters), none is shown, and the poster sends readers to the course page."""
    largest = next((size for size in range(len(TITLE_SIZES)) if _title_fits(course.titel, size)),
                   len(TITLE_SIZES) - 1)
    who = audience(course, taxonomy)
    price = f"Pris: {danish.price(course.pris)}"
    seats = sessions_with_seats(course, today)
    for title_size in range(largest, len(TITLE_SIZES)):
        fixed = (HEADER.height(department.navn.upper(), PAGE_WIDTH) + 6
                 + TITLE_SIZES[title_size][0].height(course.titel, PAGE_WIDTH) + 5
                 + AUDIENCE.height(who, PAGE_WIDTH) + 8
                 + _footer_height(department, address) + PRICE.line() + 4)
        for count in range(min(len(seats), MAX_SESSIONS), 0, -1):
            shown, deadline = _shown(seats[:count])
            more = count < len(seats)
            for size, (_, plain) in enumerate(SESSION_SIZES):
                height = (fixed + HEADING.line() + 3 + sum(_session_height(s, size) for s in shown)
                          + (plain.line() if more else 0) + 6 + DEADLINE.height(deadline, PAGE_WIDTH - 10) + 8)
                if height <= PAGE_HEIGHT:
                    return Poster(course.titel, who, shown, more, deadline, price, address, title_size, size)
        if not seats:
            break
    return Poster(course.titel, who, (), bool(seats), None, price, address, largest, 0)
