"""Evaluation results (FORMAT.md §1a): ``evalueringer/<course-slug>.yml``, and what residents are shown of them.

A file is a list with one entry per session held. Its rules are the rows of ``EVALUATION_CHECKS``; the figures
shown on a course page are ``course_rating``: only sessions held in the three years up to the reference date
count, and with fewer than five answers in all nothing is shown (too few to say anything, and a single
participant's answer could be recognised).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import danish
from .diagnostics import Diagnostic, closest, superseded
from .fields import parse_date
from .models import Evaluations, SessionEvaluation, editor_keys
from .validation import (
    CheckContext,
    CrossCheck,
    Finding,
    cross_check_diagnostics,
    mappings_in,
    read_yaml,
    validate_model,
)
from .yamlsource import LIST_OF_SESSIONS

EVALUATION_KEYS = editor_keys(SessionEvaluation)

PERIOD_YEARS = 3  # sessions held this many years before the reference date, or less, count
MIN_ANSWERS = 5  # fewer answers than this in all: nothing is shown
QUOTES = 3  # at most this many quotes, newest session first


def _entries(data: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    return mappings_in(data)


def _whole(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _answers_within_participants(data: Any, _: CheckContext) -> Iterator[Finding]:
    for index, entry in _entries(data):
        answers, participants = _whole(entry.get("svar")), _whole(entry.get("deltagere"))
        if answers is not None and participants and answers > participants:  # 0 participants is its own error
            yield Finding((index, "svar"), f"{answers} svar er flere end de {participants} deltagere; ret antallet af "
                                           "svar eller af deltagere")


def _rating_when_answered(data: Any, _: CheckContext) -> Iterator[Finding]:
    for index, entry in _entries(data):
        answers = _whole(entry.get("svar"))
        if answers and "samlet" not in entry:
            yield Finding((index, "samlet"), f"mangler; med {answers} svar skal gennemsnittet af den samlede "
                                             "vurdering med, fx 'samlet: 4.5'", at=(index,))
        elif answers == 0 and entry.get("samlet") is not None:
            yield Finding((index, "samlet"), "der er ingen svar (svar: 0), så der er ingen vurdering; slet "
                                             "'samlet', eller skriv det rigtige antal svar")


def _recommending_within_answers(data: Any, _: CheckContext) -> Iterator[Finding]:
    for index, entry in _entries(data):
        recommending, answers = _whole(entry.get("anbefaler")), _whole(entry.get("svar"))
        if recommending is not None and answers is not None and recommending > answers:
            yield Finding((index, "anbefaler"), f"{recommending} er flere end de {answers} svar; 'anbefaler' er, hvor "
                                                "mange af svarene der vil anbefale kurset")


def _one_entry_per_session(data: Any, _: CheckContext) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for index, entry in _entries(data):
        day = str(entry.get("hold", "")).strip()
        if not day:
            continue
        first = seen.setdefault(day, index)
        if first != index:
            yield Finding((index, "hold"), f"holdet {day} er også evalueret i punkt {first + 1}; læg tallene sammen "
                                           "i ét punkt, eller ret datoen")


def _held_already(data: Any, context: CheckContext) -> Iterator[Finding]:
    if context.today is None:
        return
    for index, entry in _entries(data):
        try:
            day = parse_date(entry.get("hold"))
        except ValueError:
            continue
        if day > context.today:
            yield Finding((index, "hold"), f"holdet {day.isoformat()} er ikke holdt endnu (i dag er det "
                                           f"{danish.day_month_year(context.today)}); ret datoen til holdets "
                                           "startdato", severity="advarsel")


# What would let a reader find the participant behind a quote: an e-mail address or a phone number.
_EMAIL = re.compile(r"\S+@\S+\.\w{2,}")
_PHONE = re.compile(r"(?<!\d)(\+45[ .]?)?(\d{2}[ .]?){3}\d{2}(?!\d)")


def _anonymous_quotes(data: Any, _: CheckContext) -> Iterator[Finding]:
    for index, entry in _entries(data):
        quotes = entry.get("citater")
        for number, quote in enumerate(quotes if isinstance(quotes, list) else []):
            if not isinstance(quote, str):
                continue
            what = "en e-mailadresse" if _EMAIL.search(quote) else "et telefonnummer" if _PHONE.search(quote) else None
            if what:
                yield Finding((index, "citater", number), f"citatet indeholder {what}; citater skal være anonyme, så "
                                                          "fjern alt, der kan vise, hvem der har skrevet det")


EVALUATION_CHECKS: list[CrossCheck] = [
    CrossCheck("svar", "answers are at most the participants", _answers_within_participants),
    CrossCheck("samlet", "a rating when there are answers, none when there are not", _rating_when_answered),
    CrossCheck("anbefaler", "those who recommend are at most the answers", _recommending_within_answers),
    CrossCheck("hold", "one entry per session", _one_entry_per_session),
    CrossCheck("hold", "a session not held yet is a warning", _held_already),
    CrossCheck("citater", "a quote holds no e-mail address or phone number", _anonymous_quotes),
]


def load_evaluations(path: Path, context: CheckContext) -> tuple[tuple[SessionEvaluation, ...] | None,
                                                                list[Diagnostic]]:
    """A course's evaluation file: the file is named as the course's file is."""
    display = context.project.display(path)
    found: list[Diagnostic] = []
    if path.stem not in context.courses:
        guess = closest(path.stem, sorted(context.courses))
        hint = f"; mente du '{guess}.yml'?" if guess else ""
        found.append(Diagnostic(display, 1, 1, f"der er intet kursus '{path.stem}' (courses/{path.name}); en "
                                               f"evalueringsfil skal hedde som kursets fil{hint}"))
    _, document, problems = read_yaml(path, display, EVALUATION_KEYS, LIST_OF_SESSIONS)
    found += problems
    if document is None:
        return None, found
    if document.data == []:
        found.append(Diagnostic(display, 1, 1, "filen har ingen hold; skriv ét punkt for hvert hold, der er evalueret "
                                               "('- hold: ÅÅÅÅ-MM-DD' …), eller slet filen"))
        return None, found
    evaluations, problems = validate_model(Evaluations, document, display)
    found += problems
    found += cross_check_diagnostics(document, context, display, EVALUATION_CHECKS)
    found = superseded(found)
    if evaluations is None or any(d.is_error for d in found):
        return None, found
    return tuple(evaluations.root), found


# ---------------------------------------------------------------------------
# What residents are shown
# ---------------------------------------------------------------------------


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def in_period(entries: Iterable[SessionEvaluation], today: date) -> list[SessionEvaluation]:
    """The entries of sessions that started in the three years up to and including the reference date."""
    since = years_before(today, PERIOD_YEARS)
    return [e for e in entries if since <= e.hold <= today]


def rounded(value: Decimal, places: str) -> Decimal:
    """Rounded half up to ``places`` ("0.1", "1"): as a person rounds, and the same everywhere."""
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def weighted_average(entries: Iterable[SessionEvaluation]) -> Decimal | None:
    """The average of 'samlet' weighted by 'svar', unrounded; None without answers."""
    answered = [e for e in entries if e.svar > 0 and e.samlet is not None]
    answers = sum(e.svar for e in answered)
    if not answers:
        return None
    return sum((Decimal(str(e.samlet)) * e.svar for e in answered), Decimal(0)) / answers


@dataclass(frozen=True)
class CourseRating:
    """A course's figures over the period: shown only when there are enough answers (``course_rating``)."""

    average: Decimal  # of 'samlet' weighted by 'svar', one decimal, rounded half up
    answers: int
    sessions: int  # sessions with answers
    first_year: int
    last_year: int
    recommend: int | None  # whole per cent of the answers of the sessions that say how many recommend it
    quotes: tuple[str, ...]  # at most three, newest session first

    @property
    def average_text(self) -> str:
        return danish.decimal(float(self.average))

    @property
    def period_text(self) -> str:
        """'2025–2026', or '2026' for one year."""
        if self.first_year == self.last_year:
            return str(self.last_year)
        return f"{self.first_year}–{self.last_year}"


def course_rating(entries: Iterable[SessionEvaluation], today: date) -> CourseRating | None:
    """What the course page shows of a course's evaluations, or None when there are fewer than five answers."""
    counted = [e for e in in_period(entries, today) if e.svar > 0 and e.samlet is not None]
    answers = sum(e.svar for e in counted)
    average = weighted_average(counted)
    if answers < MIN_ANSWERS or average is None:
        return None
    recommending = [e for e in counted if e.anbefaler is not None]
    asked = sum(e.svar for e in recommending)
    recommend = (int(rounded(Decimal(100 * sum(e.anbefaler or 0 for e in recommending)) / asked, "1"))
                 if asked else None)
    newest_first = sorted(in_period(entries, today), key=lambda e: e.hold, reverse=True)
    quotes = tuple(q for e in newest_first for q in e.citater)[:QUOTES]
    years = [e.hold.year for e in counted]
    return CourseRating(rounded(average, "0.1"), answers, len(counted), min(years), max(years), recommend,
                        quotes)
