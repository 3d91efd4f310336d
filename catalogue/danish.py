"""Danish formatting of dates, times, prices and sort order (Babel)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from babel.dates import format_date as _format_date
from babel.dates import format_datetime as _format_datetime
from babel.numbers import format_decimal

LOCALE = "da_DK"


@functools.lru_cache(maxsize=4096)
def long_date(value: date) -> str:
    """fredag 5. marts 2027"""
    return _format_date(value, "EEEE d. MMMM y", locale=LOCALE)


def day_month_year(value: date) -> str:
    """15. september 2025"""
    return _format_date(value, "d. MMMM y", locale=LOCALE)


def time_of_day(value: datetime) -> str:
    """16.00 (CLDR's Danish short time)"""
    return _format_datetime(value, "HH.mm", locale=LOCALE)


@functools.lru_cache(maxsize=16384)
def long_datetime(value: datetime) -> str:
    """fredag 5. marts 2027 kl. 16.00"""
    return f"{long_date(value)} kl. {time_of_day(value)}"


def time_span(start: datetime, end: datetime) -> str:
    """'lørdag 6. marts 2027 kl. 9.30–15.30' within a day; 'fredag 5. marts 2027 kl. 16.00 til lørdag 6. marts 2027
    kl. 15.30' over several days"""
    if start.date() == end.date():
        return f"{long_date(start)} kl. {time_of_day(start)}–{time_of_day(end)}"
    return f"{long_datetime(start)} til {long_datetime(end)}"


class Span(Protocol):
    """Something that meets from ``start`` to ``slut``: a session, or one of its meetings."""

    start: datetime
    slut: datetime


# A meeting that starts at this hour or later is an evening ("3 aftener").
EVENING_FROM = 17


def meetings_unit(meetings: Sequence[Span]) -> str:
    """What a session's meetings are, in the plural: 'aftener', 'dage', or else 'mødegange'."""
    if any(m.start.date() != m.slut.date() for m in meetings):
        return "mødegange"
    return "aftener" if all(m.start.hour >= EVENING_FROM for m in meetings) else "dage"


def meetings_count(meetings: Sequence[Span]) -> str:
    """'3 aftener'"""
    return f"{len(meetings)} {meetings_unit(meetings)}"


def meeting_of(number: int, meetings: Sequence[Span]) -> str:
    """'2. af 3 aftener'"""
    return f"{number}. af {meetings_count(meetings)}"


def meetings_dates(meetings: Sequence[Span]) -> str | None:
    """Meetings on the same weekday at the same hours, each within a day, in one line: 'tirsdag 16., 23. og
    30. marts 2027 kl. 18.00–21.00' (days of several months: 'onsdag 7., 21. april og 5. maj 2027 …'); None when
    they differ, and then each is shown on its own."""
    first = meetings[0]
    same = {(m.start.weekday(), m.start.time(), m.slut.time(), m.start.year, m.start.date() == m.slut.date())
            for m in meetings}
    if len(same) != 1 or first.start.date() != first.slut.date():
        return None
    days = []
    for index, meeting in enumerate(meetings):
        last_of_month = index + 1 == len(meetings) or meetings[index + 1].start.month != meeting.start.month
        days.append(_format_date(meeting.start, "d. MMMM" if last_of_month else "d.", locale=LOCALE))
    weekday = _format_date(first.start, "EEEE", locale=LOCALE)
    return f"{weekday} {and_list(days)} {first.start.year} kl. {time_of_day(first.start)}–{time_of_day(first.slut)}"


def meetings_days(meetings: Sequence[Span]) -> str:
    """The days a session meets, short: '19.–20. marts, 24. april og 4.–5. juni 2027' (the year after each last
    day of a year)."""
    parts = []
    for index, meeting in enumerate(meetings):
        first, last = meeting.start.date(), meeting.slut.date()
        following = meetings[index + 1].start.date() if index + 1 < len(meetings) else None
        year = "" if following and following.year == last.year else f" {last.year}"
        if first == last:
            parts.append(_format_date(last, "d. MMMM", locale=LOCALE) + year)
        elif (first.year, first.month) == (last.year, last.month):
            parts.append(f"{first.day}.–" + _format_date(last, "d. MMMM", locale=LOCALE) + year)
        else:
            since = _format_date(first, "d. MMMM" if first.year == last.year else "d. MMMM y", locale=LOCALE)
            parts.append(f"{since}–" + _format_date(last, "d. MMMM", locale=LOCALE) + year)
    return and_list(parts)


def month_year(value: date) -> str:
    """marts 2027"""
    return _format_date(value, "MMMM y", locale=LOCALE)


def number(value: int) -> str:
    """5.100"""
    return format_decimal(value, locale=LOCALE)


def decimal(value: float, digits: int = 1) -> str:
    """2,1 (a decimal comma, ``digits`` decimals)"""
    return format_decimal(value, format=f"#,##0.{'0' * digits}", locale=LOCALE)


def age(since: date, today: date) -> str:
    """How long ago in whole months: '2 år og 7 måneder', '1 år', '13 dage' under a month."""
    months = (today.year - since.year) * 12 + today.month - since.month - (today.day < since.day)
    if months < 1:
        days = (today - since).days
        return f"{days} {'dag' if days == 1 else 'dage'}"
    years, months = divmod(months, 12)
    parts = ([f"{years} år"] if years else []) + ([f"{months} {'måned' if months == 1 else 'måneder'}"]
                                                   if months else [])
    return " og ".join(parts)


def and_list(words: list[str]) -> str:
    """'a', 'a og b', 'a, b og c'."""
    words = list(words)
    return " og ".join([", ".join(words[:-1]), words[-1]]) if len(words) > 1 else "".join(words)


def file_size(size: int) -> str:
    """24 kB, 1,2 MB"""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kB"
    return f"{format_decimal(size / (1024 * 1024), format='#,##0.0', locale=LOCALE)} MB"


def price(kroner: int) -> str:
    """'Gratis' for 0, else '5.100 kr.'"""
    return "Gratis" if kroner == 0 else f"{number(kroner)} kr."


_DANISH_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}", "é": "e", "ü": "y"})


def sort_key(text: str) -> str:
    """Alphabetical order as in a Danish dictionary: … x y z æ ø å."""
    return text.casefold().translate(_DANISH_ORDER)
