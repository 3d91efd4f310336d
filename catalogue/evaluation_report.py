"""The department's evaluation report (``build.py evaluering``): per course, what was held and what was answered.

Everything counts over the same period as the course pages (``evaluations.in_period``: sessions that started in
the three years up to the reference date). Unlike the course pages, the report shows a course's figures however
few the answers: it is for the department, not for residents; ``shown`` says whether the site shows them.

The trend (``udvikling``) is the weighted average of the sessions of the last 12 months (after the day a year
before the reference date, up to and including the reference date) minus that of the 12 months before them,
rounded half up to one decimal; "uændret" when that is 0,0, and "–" when either year has no answers.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Iterable

from . import danish
from .catalogue import Catalogue
from .evaluations import MIN_ANSWERS, PERIOD_YEARS, in_period, rounded, weighted_average, years_before
from .models import CourseEntry, SessionEvaluation

NO_FIGURE = "–"
MINUS = "\u2212"  # the minus sign, not a hyphen
UNCHANGED = "uændret"


@dataclass(frozen=True)
class CourseFigures:
    """One course's row of the report."""

    entry: CourseEntry
    held: int  # sessions held in the period (held_sessions)
    evaluated: int  # entries of the evaluation file in the period
    participants: int
    answers: int
    average: Decimal | None  # weighted, one decimal, half up
    trend: Decimal | None  # last 12 months' average minus the 12 months before, one decimal, half up
    shown: bool  # whether the course page shows a rating (five answers or more)

    @property
    def title(self) -> str:
        return self.entry.course.titel

    @property
    def response_rate(self) -> int | None:
        """Answers as a whole per cent of the participants, half up."""
        if not self.participants:
            return None
        return int(rounded(Decimal(100 * self.answers) / self.participants, "1"))

    @property
    def response_rate_text(self) -> str:
        rate = self.response_rate
        return NO_FIGURE if rate is None else f"{rate} %"

    @property
    def average_text(self) -> str:
        return NO_FIGURE if self.average is None else danish.decimal(float(self.average))

    @property
    def trend_text(self) -> str:
        if self.trend is None:
            return NO_FIGURE
        if self.trend == 0:
            return UNCHANGED
        sign = "+" if self.trend > 0 else MINUS
        return sign + danish.decimal(float(abs(self.trend)))


@dataclass(frozen=True)
class EvaluationReport:
    today: date
    since: date  # the first day of the period
    courses: list[CourseFigures]  # every course with an evaluation file or a session held in the period, by title
    unevaluated: list[CourseEntry]  # held in the period, but without an evaluation file, by title


def held_sessions(entry: CourseEntry, evaluated: Iterable[SessionEvaluation], today: date) -> int:
    """The sessions held in the period: those of the course file that ended before the reference date (not
    cancelled), and those the evaluation file names (a course file often drops a session once it is held), each
    start date once."""
    since = years_before(today, PERIOD_YEARS)
    ended = {s.start.date() for s in entry.course.hold
             if s.status != "aflyst" and s.slut.date() < today and since <= s.start.date()}
    return len(ended | {e.hold for e in in_period(evaluated, today)})


def trend(entries: Iterable[SessionEvaluation], today: date) -> Decimal | None:
    year_ago, two_years_ago = years_before(today, 1), years_before(today, 2)
    entries = list(entries)
    last = weighted_average(e for e in entries if year_ago < e.hold <= today)
    before = weighted_average(e for e in entries if two_years_ago < e.hold <= year_ago)
    if last is None or before is None:
        return None
    difference = rounded(last - before, "0.1")
    return difference if difference else Decimal("0.0")  # not '-0,0'


def evaluation_report(catalogue: Catalogue, today: date) -> EvaluationReport:
    rows: list[CourseFigures] = []
    unevaluated: list[CourseEntry] = []
    for entry in sorted(catalogue.courses, key=lambda e: danish.sort_key(e.course.titel)):
        held = held_sessions(entry, catalogue.evaluations.get(entry.slug, ()), today)
        if entry.slug not in catalogue.evaluations:
            if held:
                unevaluated.append(entry)
            continue
        counted = in_period(catalogue.evaluations[entry.slug], today)
        average = weighted_average(counted)
        rows.append(CourseFigures(
            entry=entry, held=held, evaluated=len(counted), participants=sum(e.deltagere for e in counted),
            answers=sum(e.svar for e in counted), average=None if average is None else rounded(average, "0.1"),
            trend=trend(counted, today), shown=catalogue.rating(entry.slug, today) is not None))
    return EvaluationReport(today, years_before(today, PERIOD_YEARS), rows, unevaluated)


COLUMNS = ["Kursus", "Holdt", "Evalueret", "Deltagere", "Svar", "Svarprocent", "Gennemsnit",
           "Udvikling", "På sitet"]


def _cells(row: CourseFigures) -> list[str]:
    return [row.title, danish.number(row.held), danish.number(row.evaluated), danish.number(row.participants),
            danish.number(row.answers), row.response_rate_text, row.average_text, row.trend_text,
            "ja" if row.shown else "nej"]


def report_text(report: EvaluationReport) -> str:
    """The report as an aligned table in Danish: the course left-aligned, the figures right-aligned."""
    lines = [f"Evalueringer af hold fra {danish.day_month_year(report.since)} til "
             f"{danish.day_month_year(report.today)} ({PERIOD_YEARS} år)", ""]
    table = [COLUMNS] + [_cells(row) for row in report.courses]
    widths = [max(len(cells[i]) for cells in table) for i in range(len(COLUMNS))]
    for cells in table:
        parts = [cells[0].ljust(widths[0])]
        parts += [cell.rjust(width) for cell, width in zip(cells[1:-1], widths[1:-1], strict=True)]
        parts.append(cells[-1])
        lines.append("  ".join(parts).rstrip())
    if not report.courses:
        lines.append("Ingen kurser har en evalueringsfil.")
    lines.append("")
    if report.unevaluated:
        lines.append("Holdt i perioden uden evalueringsfil (opret filen; se 'Evalueringer' i vejledningen):")
        lines += [f"  {entry.course.titel} (evalueringer/{entry.slug}.yml)" for entry in report.unevaluated]
    else:
        lines.append("Alle kurser, der er holdt i perioden, har en evalueringsfil.")
    lines += ["", f"Holdt: hold, der sluttede før {danish.day_month_year(report.today)} (ikke aflyste), i kursusfilen "
                  "eller evalueringsfilen.",
              "Evalueret: hold i evalueringsfilen.",
              "Gennemsnit: den samlede vurdering (1–5) vægtet med antal svar.",
              f"Udvikling: de sidste 12 måneders gennemsnit minus de 12 måneder før ({NO_FIGURE}: et af årene har "
              "ingen svar).",
              f"På sitet: nej, når kurset har under {MIN_ANSWERS} svar i alt; så viser kursussiden ingen vurdering."]
    return "\n".join(lines) + "\n"


def report_csv(report: EvaluationReport) -> str:
    """The report as CSV for a Danish Excel: ';' between fields, decimal comma, one row per course, and the
    courses held without an evaluation file as rows with empty figures (write it as UTF-8 with a BOM)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS[:-1] + ["Vises på sitet", "Evalueringsfil"])
    for row in report.courses:
        writer.writerow([row.title, row.held, row.evaluated, row.participants, row.answers,
                         "" if row.response_rate is None else row.response_rate,
                         "" if row.average is None else danish.decimal(float(row.average)),
                         "" if row.trend is None else danish.decimal(float(row.trend)),  # '-0,1': a number
                         "ja" if row.shown else "nej", f"evalueringer/{row.entry.slug}.yml"])
    for entry in report.unevaluated:
        writer.writerow([entry.course.titel, held_sessions(entry, (), report.today), 0, "", "", "", "", "", "nej",
                         "mangler"])
    return out.getvalue()
