"""What an editor meant by a date, a time or an address written another way than the file wants.

Each function reads the editor's own text and returns what to write instead, only where that is unambiguous
(or every reading, where there are two), so a message can quote it back: '5/3-2027' → '2027-03-05'. The file
itself is never changed: the value is still refused (FORMAT.md: the value as written is what residents see).
No text longer than a date and time written out is read at all, so a hostile value costs nothing.
"""

from __future__ import annotations

import re
from datetime import date

from .danish import long_date

MONTHS = {name: number for number, names in enumerate(
    (("januar", "jan"), ("februar", "feb"), ("marts", "mar"), ("april", "apr"), ("maj",), ("juni", "jun"),
     ("juli", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("oktober", "okt"), ("november", "nov"),
     ("december", "dec")), start=1) for name in names}

# 5/3-2027, 5.3.2027, 05-03-2027, 5/3 2027, 5/3/2027 (day and month first, as Danes write them), 2-digit years too
_DAY_FIRST = re.compile(r"(\d{1,2})\s?([./-])\s?(\d{1,2})\s?([./-]|\s)\s?(\d{4}|\d{2})")
# 5. marts 2027, 5 mar. 2027, fredag 5. marts 2027
_MONTH_NAME = re.compile(r"(?:(?:man|tirs|ons|tors|fre|lør|søn)dag,?\s)?(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})",
                         re.IGNORECASE)
# 2027-3-5, 2027/03/05, 2027.3.5: year first, then month and day (ISO with a digit left out or other signs)
_YEAR_FIRST = re.compile(r"(\d{4})([./-])(\d{1,2})\2(\d{1,2})")
# kl. 9.30, 9:30, 09.30, kl 9, 9.30:00
_TIME = re.compile(r"(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?(?:[.:]\d{2})?", re.IGNORECASE)


def _real(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Longer than any date and time written out ('onsdag 15. september 2027 kl. 10.30'): no reading is tried.
_LONGEST = 48


def date_readings(text: str) -> list[date]:
    """The dates ``text`` can mean, most likely first: none when it is no date, two when day and month could
    change places (5/3/2027, the American order)."""
    text = text.strip()
    if len(text) > _LONGEST:
        return []
    if match := _YEAR_FIRST.fullmatch(text):
        found = _real(int(match[1]), int(match[3]), int(match[4]))
        return [found] if found else []
    if match := _MONTH_NAME.fullmatch(text):
        month = MONTHS.get(match[2].lower())
        found = _real(int(match[3]), month, int(match[1])) if month else None
        return [found] if found else []
    if match := _DAY_FIRST.fullmatch(text):
        day, first, month, second, year = match.groups()
        full_year = int(year) + 2000 if len(year) == 2 else int(year)
        readings = [_real(full_year, int(month), int(day))]
        if first == "/" and second == "/":  # 5/3/2027: day first in Denmark, month first in an American form
            readings.append(_real(full_year, int(day), int(month)))
        return list(dict.fromkeys(found for found in readings if found))
    return []


def time_reading(text: str) -> str | None:
    """``text`` as a time TT:MM ('kl. 9.30' → '09:30'), or None when it is no time of day."""
    match = _TIME.fullmatch(text.strip())
    if match is None or not match[1]:
        return None
    hour, minute = int(match[1]), int(match[2] or 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


_MOST_WORDS = 6  # '5. marts 2027, kl. 9.30' has five


def datetime_reading(text: str) -> tuple[list[date], str | None]:
    """The dates and the time in a date and time written another way ('6/3-2027 kl. 9.30', '2027-03-06T09:30')."""
    text = text.strip()
    if len(text) > _LONGEST:
        return [], None
    for split in (re.compile(r"T(?=\d)"), re.compile(r"(?<![\s,]),?\s+(?=kl)", re.IGNORECASE),
                  re.compile(r",?\s+")):
        parts = split.split(text, maxsplit=_MOST_WORDS)
        if len(parts) > _MOST_WORDS:
            continue  # more words than a date and a time have: no reading, and no time spent on each split
        for at in range(len(parts) - 1, 0, -1):  # the time is the end: '5. marts 2027 9.30'
            day, time = " ".join(parts[:at]), " ".join(parts[at:])
            readings, clock = date_readings(day), time_reading(time)
            if readings and clock:
                return readings, clock
    return date_readings(text), time_reading(text)


def advice_for_date(text: str) -> str | None:
    """"skriv '2027-03-05' (5. marts 2027)", or both readings when there are two; None when ``text`` is no date."""
    return _advice(date_readings(text))


def advice_for_datetime(text: str) -> str | None:
    """What to write for a date and time written another way; None when it is neither."""
    readings, clock = datetime_reading(text)
    if readings and clock:
        return _advice(readings, clock)
    if clock and re.search(r"\d", text):
        return f"skriv holdets dato foran klokkeslættet, fx 'ÅÅÅÅ-MM-DD {clock}'"
    return None


def _advice(readings: list[date], clock: str | None = None) -> str | None:
    """What to write for the date (and time) read: the one reading with its weekday, or both; None for none."""
    suffix = f" {clock}" if clock else ""
    if len(readings) == 1:
        said = long_date(readings[0]) + (f" kl. {clock.replace(':', '.')}" if clock else "")
        return f"skriv '{readings[0].isoformat()}{suffix}' ({said})"
    if len(readings) == 2:
        first, second = readings
        return (f"den kan læses som {long_date(first)} og som {long_date(second)}; skriv "
                f"'{first.isoformat()}{suffix}' eller '{second.isoformat()}{suffix}'")
    return None


# What editors write for a session's status in their own words, as the status it means (the keys of the sample
# taxonomy's 'status'; a taxonomy without one of them just gets no such advice).
STATUS_WORDS = {"udsolgt": "fuldt", "optaget": "fuldt", "fyldt": "fuldt", "booket": "fuldt", "fuld": "fuldt",
                "fuldtegnet": "fuldt", "åben": "ledig", "åbent": "ledig", "ledigt": "ledig", "ledige": "ledig",
                "aflyse": "aflyst", "aflyses": "aflyst", "annulleret": "aflyst", "udgår": "aflyst", "udgået": "aflyst",
                "få": "faa-pladser", "få ledige": "faa-pladser", "næsten fuldt": "faa-pladser"}


def https_address(text: str) -> str | None:
    """'www.lejerbo.dk/tilmeld' → 'https://www.lejerbo.dk/tilmeld': a web address written without its start."""
    text = text.strip()
    if re.fullmatch(r"www\.[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(/\S*)?", text, re.IGNORECASE):
        return "https://" + text
    return None
