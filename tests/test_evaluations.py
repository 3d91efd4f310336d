"""Evaluation results (issue 15, FORMAT.md §1a) where they land: the rating on a course page, its aggregateRating,
/om/evaluering/, and `build.py evaluering` for the department.

Every expected figure is worked out here from the evaluation files with PyYAML's BaseLoader (strings only) and
plain Decimal arithmetic, not by the code under test: the weighted average half up to one decimal, the answers
and sessions of the three years up to the reference date, the recommend share half up to a whole per cent, the
quotes newest first, at most three; with fewer than five answers nothing at all.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from conftest import REFERENCE_DATE, REPO, run_build
from test_site import COURSES, content, page, text_of

TODAY = date.fromisoformat(REFERENCE_DATE)
BLOCK_COURSE = "introduktion-til-bestyrelsesarbejdet"


def read_evaluations(root: Path) -> dict[str, list[dict]]:
    return {p.stem: yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
            for p in sorted((root / "evalueringer").glob("*.yml"))}


EVALUATIONS = read_evaluations(REPO)


def three_years_before(day: date) -> date:
    return day.replace(year=day.year - 3) if (day.month, day.day) != (2, 29) else day.replace(year=day.year - 3,
                                                                                                 day=28)


def half_up(value: Decimal, places: str) -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def comma(value: Decimal) -> str:
    return str(value).replace(".", ",")


@dataclass
class Expected:
    average: str  # "4,6"
    average_value: float
    answers: int
    sessions: int
    period: str  # "2025–2026" or "2026"
    recommend: int | None
    quotes: list[str]


def held_in_period(entries: list[dict], today: date) -> list[dict]:
    since = three_years_before(today)
    return [e for e in entries if since <= date.fromisoformat(e["hold"]) <= today]


def expected(entries: list[dict], today: date) -> Expected | None:
    period = held_in_period(entries, today)
    counted = [e for e in period if int(e["svar"]) > 0 and e.get("samlet") not in (None, "")]
    answers = sum(int(e["svar"]) for e in counted)
    if answers < 5:
        return None
    average = half_up(sum(Decimal(e["samlet"]) * int(e["svar"]) for e in counted) / answers, "0.1")
    asked = [e for e in counted if "anbefaler" in e]
    recommend = (int(half_up(Decimal(100 * sum(int(e["anbefaler"]) for e in asked))
                             / sum(int(e["svar"]) for e in asked), "1")) if asked else None)
    years = sorted({e["hold"][:4] for e in counted})
    newest_first = sorted(period, key=lambda e: e["hold"], reverse=True)
    quotes = [q for e in newest_first for q in e.get("citater") or []][:3]
    return Expected(comma(average), float(average), answers, len(counted),
                    years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}", recommend, quotes)


def json_ld(soup: BeautifulSoup) -> dict:
    [script] = soup.select('script[type="application/ld+json"]')
    return json.loads(script.string)


def rating_block(site: Path, slug: str) -> Tag | None:
    return content(page(site, f"kurser/{slug}")).select_one("section.vurdering")


def check_course_page(site: Path, slug: str, entries: list[dict], today: date) -> None:
    """The block and the aggregateRating of one course page, against the figures worked out from the file."""
    soup = page(site, f"kurser/{slug}")
    block = content(soup).select_one("section.vurdering")
    figures = expected(entries, today)
    data = json_ld(soup)
    if figures is None:
        assert block is None, slug
        assert "Deltagernes vurdering" not in text_of(content(soup)), slug
        assert "aggregateRating" not in data, slug
        return
    assert block is not None, slug
    assert text_of(block.find("h2")) == f"Deltagernes vurdering: {figures.average} ud af 5"
    lines = [text_of(p) for p in block.find_all("p", recursive=False)]
    assert f"{figures.answers} svar fra {figures.sessions} hold, {figures.period}" in lines
    recommending = [line for line in lines if line.endswith("vil anbefale kurset")]
    assert recommending == ([] if figures.recommend is None else [f"{figures.recommend} % vil anbefale kurset"])
    assert [text_of(q) for q in block.select("blockquote")] == figures.quotes
    # The text comes first; the stars (if any) only repeat it, hidden from screen readers.
    first = block.find(True)
    assert first.name == "h2"
    for stars in block.select(".vurdering__stjerner"):
        assert stars.get("aria-hidden") == "true"
    [link] = [a for a in block.find_all("a") if text_of(a) == "Sådan evaluerer vi kurserne"]
    assert urljoin(f"/kurser/{slug}/", link["href"]) == "/om/evaluering/"
    # Right before the course's description.
    heading = block.find_next_sibling(True)
    assert heading is not None and text_of(heading) == "Indhold"
    assert data["aggregateRating"] == {"@type": "AggregateRating", "ratingValue": figures.average_value,
                                       "ratingCount": figures.answers, "bestRating": 5, "worstRating": 1}


# ---------------------------------------------------------------------------------------------------------------
# The sample site
# ---------------------------------------------------------------------------------------------------------------


def test_the_sample_files_show_both_cases() -> None:
    """The sample content has courses with a rating, one under five answers, and entries outside the period."""
    shown = {slug for slug, entries in EVALUATIONS.items() if expected(entries, TODAY)}
    assert BLOCK_COURSE in shown and "groen-ambassadoer" in set(EVALUATIONS) - shown
    assert any(len(held_in_period(e, TODAY)) < len(e) for e in EVALUATIONS.values())
    assert len(expected(EVALUATIONS[BLOCK_COURSE], TODAY).quotes) == 3
    assert sum(len(e.get("citater") or []) for e in held_in_period(EVALUATIONS[BLOCK_COURSE], TODAY)) > 3


@pytest.mark.parametrize("slug", sorted(EVALUATIONS))
def test_rating_block_and_aggregate_rating_from_the_file(sample_site: Path, slug: str) -> None:
    check_course_page(sample_site, slug, EVALUATIONS[slug], TODAY)


def test_introduction_course_figures_by_hand(sample_site: Path) -> None:
    """One course worked out by hand too: 2023-10-13 is more than three years before 2027-01-15 and drops out."""
    block = rating_block(sample_site, BLOCK_COURSE)
    assert block is not None
    text = text_of(block)
    # (21·4.5 + 15·4.4 + 20·4.6 + 17·4.7 + 18·4.6 + 14·4.8) / 105 = 4.617… → 4,6; 101 of 105 recommend → 96 %
    assert "Deltagernes vurdering: 4,6 ud af 5" in text
    assert "105 svar fra 6 hold, 2024–2026" in text
    assert "96 % vil anbefale kurset" in text
    assert "Jeg havde ingen anelse" not in text  # the 2023 session's quote


def test_courses_without_an_evaluation_file_have_neither_block_nor_rating(sample_site: Path) -> None:
    for slug in sorted(set(COURSES) - set(EVALUATIONS)):
        soup = page(sample_site, f"kurser/{slug}")
        assert content(soup).select_one("section.vurdering") is None, slug
        assert "aggregateRating" not in json_ld(soup), slug


def evaluation_page_rows(site: Path) -> tuple[list[dict[str, str]], list[str]]:
    """/om/evaluering/'s table as rows of {column: text} with the course's link, and the too-few list."""
    main = content(page(site, "om/evaluering"))
    table = main.select_one(".evaluering-tabel table")
    rows = []
    if table is not None:
        columns = [text_of(th) for th in table.select("thead th")]
        for tr in table.select("tbody tr"):
            cells = tr.find_all(["th", "td"])
            row = {column: text_of(cell) for column, cell in zip(columns, cells, strict=True)}
            row["href"] = urljoin("/om/evaluering/", cells[0].find("a")["href"])
            rows.append(row)
    too_few = [urljoin("/om/evaluering/", a["href"]) for a in main.select(".evaluering-faa a")]
    return rows, too_few


def expected_page_rows(root: Path, evaluations: dict[str, list[dict]], today: date) -> tuple[list[dict[str, str]],
                                                                                               list[str]]:
    titles = {p.stem: yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["titel"]
              for p in (root / "courses").glob("*.yml")}
    rows, too_few = [], []
    for slug, entries in evaluations.items():
        figures = expected(entries, today)
        if figures is None:
            if held_in_period(entries, today):
                too_few.append((titles[slug], f"/kurser/{slug}/"))
            continue
        rows.append({"Kursus": titles[slug], "Vurdering": f"{figures.average} ud af 5",
                     "Svar": str(figures.answers), "Hold": str(figures.sessions), "Periode": figures.period,
                     "Anbefaler": "– ikke spurgt" if figures.recommend is None else f"{figures.recommend} %",
                     "href": f"/kurser/{slug}/"})
    danish = str.maketrans({"æ": "{", "ø": "|", "å": "}", "Æ": "{", "Ø": "|", "Å": "}"})
    rows.sort(key=lambda r: r["Kursus"].lower().translate(danish))
    return rows, [href for _, href in sorted(too_few, key=lambda t: t[0].lower().translate(danish))]


def test_evaluation_page_lists_each_courses_figures(sample_site: Path) -> None:
    rows, too_few = evaluation_page_rows(sample_site)
    assert (rows, too_few) == expected_page_rows(REPO, EVALUATIONS, TODAY)
    assert "/kurser/groen-ambassadoer/" in too_few
    main = content(page(sample_site, "om/evaluering"))
    text = text_of(main)
    for words in ["fra 1 til 5, hvor 5 er bedst", "anbefale kurset til andre", "anonymt", "sidste 3 år",
                  "færre end 5 svar i alt", "Vi udvikler og evaluerer vores kurser løbende", "For få svar endnu"]:
        assert words in text, words
    assert text_of(main.find("h1")) == "Sådan evaluerer vi kurserne"


def test_the_about_page_links_to_the_evaluation_page(sample_site: Path) -> None:
    links = [urljoin("/om/", a["href"]) for a in content(page(sample_site, "om")).find_all("a")]
    assert "/om/evaluering/" in links


def test_the_evaluation_page_is_searchable_but_not_by_its_table(browser: Any, base_url: str) -> None:
    """A search for 'evaluering' finds the page, as a 'Side'; a course's name finds the course, not the table that
    names it, and the link on every rated course page does not make each of them a result for 'evaluerer'."""
    from test_search import results, search

    page = browser.new_page()
    page.goto(base_url + "soeg/")
    search(page, "evaluering")
    found = results(page)
    assert [r["kind"] for r in found if r["path"] == "om/evaluering"] == ["Side"]
    search(page, "evaluerer")
    assert not {r["path"] for r in results(page)} & {f"kurser/{slug}" for slug in EVALUATIONS}
    for title in ["Lovgivning for beboerdemokrater", "Grøn ambassadør"]:
        search(page, title)
        paths = [r["path"] for r in results(page)]
        assert "om/evaluering" not in paths, title
    page.close()


# ---------------------------------------------------------------------------------------------------------------
# Crafted evaluations, built with another reference date
# ---------------------------------------------------------------------------------------------------------------

CRAFTED_DATE = date(2027, 6, 1)
EDGE = "budgetopfoelgning"  # one entry exactly three years before, one a day earlier
FOUR = "baeredygtigt-byggeri"  # four answers in all: nothing
FIVE = "de-nye-naboer"  # exactly five, in two sessions, one without 'anbefaler'
NO_RECOMMEND = "husorden-og-vedligeholdelsesreglement"  # no entry says how many recommend it
UP = "sociale-medier-for-bestyrelsen"  # the last 12 months 0,2 above the 12 before
DOWN = "konflikthaandtering-mellem-naboer"  # 0,1 below
CRAFTED = {
    EDGE: """\
- hold: 2024-05-31
  deltagere: 30
  svar: 30
  samlet: 1.0
  anbefaler: 0
  citater: [Uden for perioden.]
- hold: 2024-06-01
  deltagere: 12
  svar: 10
  samlet: 4.0
  anbefaler: 9
  citater: [Præcis på kanten.]
- hold: 2026-02-07
  deltagere: 10
  svar: 6
  samlet: 4.6
  anbefaler: 5
  citater: [Nyeste A., Nyeste B.]
""",
    FOUR: """\
- hold: 2026-03-01
  deltagere: 8
  svar: 4
  samlet: 4.9
  anbefaler: 4
  citater: [For få til at blive vist.]
""",
    FIVE: """\
- hold: 2025-09-01
  deltagere: 6
  svar: 2
  samlet: 3.0
- hold: 2026-09-01
  deltagere: 5
  svar: 3
  samlet: 4.5
  anbefaler: 2
""",
    NO_RECOMMEND: """\
- hold: 2026-04-01
  deltagere: 12
  svar: 5
  samlet: 3.8
- hold: 2026-05-01
  deltagere: 12
  svar: 5
  samlet: 3.9
""",
    UP: """\
- hold: 2025-09-01
  deltagere: 12
  svar: 10
  samlet: 4.3
- hold: 2026-09-01
  deltagere: 12
  svar: 10
  samlet: 4.5
""",
    DOWN: """\
- hold: 2025-06-02
  deltagere: 12
  svar: 10
  samlet: 4.4
- hold: 2026-06-02
  deltagere: 12
  svar: 10
  samlet: 4.3
- hold: 2027-06-01
  deltagere: 9
  svar: 0
""",
}


@pytest.fixture(scope="module")
def crafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import copy_project

    root = copy_project(tmp_path_factory.mktemp("evalueringer") / "projekt")
    for slug, text in CRAFTED.items():
        assert (root / "courses" / f"{slug}.yml").is_file(), slug
        assert not (root / "evalueringer" / f"{slug}.yml").exists(), slug
        (root / "evalueringer" / f"{slug}.yml").write_text(text, encoding="utf-8")
    result = run_build(root, "build", "--dato", CRAFTED_DATE.isoformat())
    assert result.returncode == 0, result.stdout + result.stderr
    return root


@pytest.mark.parametrize("slug", sorted(CRAFTED))
def test_crafted_course_pages(crafted: Path, slug: str) -> None:
    entries = read_evaluations(crafted)[slug]
    check_course_page(crafted / "site", slug, entries, CRAFTED_DATE)


def test_the_three_year_edge(crafted: Path) -> None:
    """2024-06-01 is exactly three years before 2027-06-01 and counts; 2024-05-31 does not."""
    text = text_of(rating_block(crafted / "site", EDGE))
    # (10·4.0 + 6·4.6) / 16 = 4.225 → 4,2 (with the day before: (30 + 40 + 27.6) / 46 = 2,1)
    assert "Deltagernes vurdering: 4,2 ud af 5" in text
    assert "16 svar fra 2 hold, 2024–2026" in text
    assert "88 % vil anbefale kurset" in text  # 14 of 16 = 87.5 % → 88 (half up)
    assert [text_of(q) for q in rating_block(crafted / "site", EDGE).select("blockquote")] == [
        "Nyeste A.", "Nyeste B.", "Præcis på kanten."]
    assert "Uden for perioden." not in text


def test_four_answers_show_nothing_and_five_do(crafted: Path) -> None:
    site = crafted / "site"
    assert rating_block(site, FOUR) is None
    assert "aggregateRating" not in json_ld(page(site, f"kurser/{FOUR}"))
    five = rating_block(site, FIVE)
    assert five is not None
    # (2·3.0 + 3·4.5) / 5 = 3.9; only the second session says how many recommend it: 2 of 3 = 66.7 → 67 %
    assert "Deltagernes vurdering: 3,9 ud af 5" in text_of(five)
    assert "5 svar fra 2 hold, 2025–2026" in text_of(five)
    assert "67 % vil anbefale kurset" in text_of(five)
    assert json_ld(page(site, f"kurser/{FIVE}"))["aggregateRating"]["ratingCount"] == 5
    # No entry with 'anbefaler': no share at all, not "0 %"; (5·3.8 + 5·3.9) / 10 = 3.85 is 3,9 (half up, not to even)
    no_share = text_of(rating_block(site, NO_RECOMMEND))
    assert "anbefale" not in no_share and "Deltagernes vurdering: 3,9 ud af 5" in no_share


def test_the_fifth_answer_brings_the_block(tmp_path: Path) -> None:
    """The same course with four answers, then five: the block and the aggregateRating come with the fifth."""
    from conftest import copy_project

    root = copy_project(tmp_path / "projekt")
    course = "groen-ambassadoer"  # the sample's four answers
    assert expected(EVALUATIONS[course], TODAY) is None
    site = root / "site"
    assert run_build(root, "build", "--dato", REFERENCE_DATE).returncode == 0
    assert rating_block(site, course) is None
    path = root / "evalueringer" / f"{course}.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("svar: 4\n", "svar: 5\n").replace("anbefaler: 4\n",
                                                                                               "anbefaler: 5\n"),
                    encoding="utf-8")
    assert run_build(root, "build", "--dato", REFERENCE_DATE).returncode == 0
    check_course_page(site, course, read_evaluations(root)[course], TODAY)
    assert rating_block(site, course) is not None


def test_crafted_evaluation_page(crafted: Path) -> None:
    rows, too_few = evaluation_page_rows(crafted / "site")
    assert (rows, too_few) == expected_page_rows(crafted, read_evaluations(crafted), CRAFTED_DATE)
    assert f"/kurser/{FOUR}/" in too_few
    assert {r["href"] for r in rows} >= {f"/kurser/{s}/" for s in (EDGE, FIVE, NO_RECOMMEND, UP, DOWN)}
    [no_share] = [r for r in rows if r["href"] == f"/kurser/{NO_RECOMMEND}/"]
    assert no_share["Anbefaler"] == "– ikke spurgt"


# ---------------------------------------------------------------------------------------------------------------
# build.py evaluering
# ---------------------------------------------------------------------------------------------------------------

SAMPLE_REPORT = """\
Evalueringer af hold fra 15. januar 2024 til 15. januar 2027 (3 år)

Kursus                                Holdt  Evalueret  Deltagere  Svar  Svarprocent  Gennemsnit  Udvikling  På sitet
Afdelingsmødet og dirigentrollen          2          2         34    23         68 %         4,5       +0,1  ja
Det gode bestyrelsesmøde                  4          4         76    56         74 %         4,4    uændret  ja
Grundlæggende budget og regnskab          3          3         57    39         68 %         4,2       +0,4  ja
Grøn ambassadør                           1          1          9     4         44 %         4,8          –  nej
Introduktion til bestyrelsesarbejdet      6          6        141   105         74 %         4,6    uændret  ja
Lovgivning for beboerdemokrater           1          1         19    13         68 %         4,3          –  ja

Holdt i perioden uden evalueringsfil (opret filen; se 'Evalueringer' i vejledningen):
  Erfagruppe for formænd (evalueringer/erfagruppe-for-formaend.yml)
  Webinar: Sådan læser du afdelingens budget (evalueringer/webinar-saadan-laeser-du-afdelingens-budget.yml)

Holdt: hold, der sluttede før 15. januar 2027 (ikke aflyste), i kursusfilen eller evalueringsfilen.
Evalueret: hold i evalueringsfilen.
Gennemsnit: den samlede vurdering (1–5) vægtet med antal svar.
Udvikling: de sidste 12 måneders gennemsnit minus de 12 måneder før (–: et af årene har ingen svar).
På sitet: nej, når kurset har under 5 svar i alt; så viser kursussiden ingen vurdering.
"""


def weighted(entries: list[dict]) -> Decimal | None:
    answered = [e for e in entries if int(e["svar"]) > 0 and e.get("samlet") not in (None, "")]
    answers = sum(int(e["svar"]) for e in answered)
    return sum(Decimal(e["samlet"]) * int(e["svar"]) for e in answered) / answers if answers else None


def expected_report(root: Path, today: date) -> dict[str, dict[str, str]]:
    """Each course's row of the report (by title), worked out from the course and evaluation files."""
    courses = {p.stem: yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
               for p in (root / "courses").glob("*.yml")}
    for course in courses.values():  # a session over several meetings: from the first to the last (FORMAT.md §1)
        for session in course.get("hold") or []:
            if "mødegange" in session:
                session.update(start=session["mødegange"][0]["start"], slut=session["mødegange"][-1]["slut"])
    evaluations = read_evaluations(root)
    since = three_years_before(today)
    year_ago, two_years_ago = today.replace(year=today.year - 1), today.replace(year=today.year - 2)
    rows = {}
    for slug, course in courses.items():
        # Held: a session of the course file that has ended, or one the evaluation file names; each day once.
        ended = {datetime.strptime(s["start"], "%Y-%m-%d %H:%M").date() for s in course.get("hold") or []
                 if s.get("status") != "aflyst" and datetime.strptime(s["slut"], "%Y-%m-%d %H:%M").date() < today
                 and since <= datetime.strptime(s["start"], "%Y-%m-%d %H:%M").date()}
        named = {date.fromisoformat(e["hold"]) for e in held_in_period(evaluations.get(slug, []), today)}
        held = len(ended | named)
        if slug not in evaluations:
            if held:
                rows[course["titel"]] = {"held": str(held), "file": "mangler"}
            continue
        period = held_in_period(evaluations[slug], today)
        participants = sum(int(e["deltagere"]) for e in period)
        answers = sum(int(e["svar"]) for e in period)
        average = weighted(period)
        last = weighted([e for e in period if year_ago < date.fromisoformat(e["hold"]) <= today])
        before = weighted([e for e in period if two_years_ago < date.fromisoformat(e["hold"]) <= year_ago])
        trend = None if last is None or before is None else half_up(last - before, "0.1")
        rows[course["titel"]] = {
            "held": str(held), "evaluated": str(len(period)), "participants": str(participants),
            "answers": str(answers),
            "rate": str(int(half_up(Decimal(100 * answers) / participants, "1"))) if participants else "",
            "average": "" if average is None else comma(half_up(average, "0.1")),
            "trend": "" if trend is None else comma(trend),
            "shown": "ja" if expected(evaluations[slug], today) else "nej", "file": f"evalueringer/{slug}.yml"}
    return rows


def csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith("\ufeff".encode()), "UTF-8 with a BOM, so that Excel reads æ, ø and å"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def report_csv(project: Path, day: str) -> bytes:
    import subprocess
    import sys

    completed = subprocess.run([sys.executable, str(project / "build.py"), "evaluering", "--dato", day, "--csv"],
                               cwd=project, capture_output=True, timeout=300)
    assert completed.returncode == 0, completed.stderr.decode()
    return completed.stdout


def check_csv(rows: list[dict[str, str]], wanted: dict[str, dict[str, str]]) -> None:
    got = {}
    for row in rows:
        if row["Evalueringsfil"] == "mangler":
            got[row["Kursus"]] = {"held": row["Holdt"], "file": "mangler"}
            assert row["Evalueret"] == "0" and row["Svar"] == "" and row["Vises på sitet"] == "nej"
            continue
        got[row["Kursus"]] = {"held": row["Holdt"], "evaluated": row["Evalueret"],
                              "participants": row["Deltagere"], "answers": row["Svar"],
                              "rate": row["Svarprocent"], "average": row["Gennemsnit"], "trend": row["Udvikling"],
                              "shown": row["Vises på sitet"], "file": row["Evalueringsfil"]}
    assert got == wanted


def test_report_of_the_sample_files_exactly(project: Path) -> None:
    result = run_build(project, "evaluering", "--dato", REFERENCE_DATE)
    assert result.returncode == 0, result.stderr
    assert result.stdout == SAMPLE_REPORT
    assert result.stderr == ""


def test_report_figures_are_those_of_the_files(project: Path) -> None:
    """The table's figures, read back column by column, against what the files say."""
    wanted = expected_report(REPO, TODAY)
    lines = run_build(project, "evaluering", "--dato", REFERENCE_DATE).stdout.splitlines()
    header = lines.index(next(line for line in lines if line.startswith("Kursus ")))
    table = lines[header + 1:lines.index("", header)]
    assert len(table) == sum(1 for r in wanted.values() if r["file"] != "mangler")
    for line in table:
        title = next(t for t in wanted if line.startswith(t + "  "))
        cells = re.split(r"\s{2,}", line[len(title):].strip())
        row = wanted[title]
        trend = {"": "–", "0,0": "uændret", "-0,0": "uændret"}.get(row["trend"], row["trend"])
        if trend[0].isdigit():
            trend = "+" + trend
        assert cells[:7] == [row["held"], row["evaluated"], row["participants"], row["answers"],
                             f"{row['rate']} %", row["average"] or "–", trend.replace("-", "\u2212")], title
        assert cells[7] == row["shown"]
    slugs = {course["titel"]: slug for slug, course in COURSES.items()}
    missing = sorted(t for t, r in wanted.items() if r["file"] == "mangler")
    start = lines.index("Holdt i perioden uden evalueringsfil (opret filen; se 'Evalueringer' i vejledningen):") + 1
    assert lines[start:start + len(missing) + 1] == [f"  {t} (evalueringer/{slugs[t]}.yml)" for t in missing] + [""]


def test_report_csv_of_the_sample_files(project: Path) -> None:
    data = report_csv(project, REFERENCE_DATE)
    assert b"\r\n" in data  # Excel's line ends
    rows = csv_rows(data)
    assert list(rows[0]) == ["Kursus", "Holdt", "Evalueret", "Deltagere", "Svar", "Svarprocent",
                             "Gennemsnit", "Udvikling", "Vises på sitet", "Evalueringsfil"]
    check_csv(rows, expected_report(REPO, TODAY))
    by_title = {r["Kursus"]: r for r in rows}
    assert by_title["Introduktion til bestyrelsesarbejdet"]["Gennemsnit"] == "4,6"  # a decimal comma


def test_report_of_crafted_files_trend_and_cancelled_sessions(crafted: Path) -> None:
    """The trend both ways and a cancelled session that is not counted as held."""
    course = crafted / "courses" / f"{UP}.yml"
    text = course.read_text(encoding="utf-8")
    held_before = int(expected_report(crafted, CRAFTED_DATE)[yaml.load(text, Loader=yaml.BaseLoader)["titel"]]["held"])
    session = """\
  - start: 2027-05-01 10:00
    slut: 2027-05-01 15:00
    tilmeldingsfrist: 2027-04-15
    tilmelding: mailto:kursus@example.dk
    status: {status}
"""
    assert "\nhold:\n" in text
    course.write_text(text.replace("\nhold:\n", "\nhold:\n" + session.format(status="aflyst")
                                   + session.format(status="ledig").replace("05-01", "05-08"), 1),
                      encoding="utf-8")
    result = run_build(crafted, "evaluering", "--dato", CRAFTED_DATE.isoformat())
    assert result.returncode == 0, result.stdout + result.stderr
    wanted = expected_report(crafted, CRAFTED_DATE)
    title = {slug: yaml.load((crafted / "courses" / f"{slug}.yml").read_text(encoding="utf-8"),
                             Loader=yaml.BaseLoader)["titel"] for slug in CRAFTED}
    assert wanted[title[UP]]["trend"] == "0,2" and wanted[title[DOWN]]["trend"] == "-0,1"
    assert wanted[title[UP]]["held"] == str(held_before + 1)  # the cancelled one is not held
    lines = {line.split("  ")[0]: line for line in result.stdout.splitlines()}
    assert re.search(rf"\s{held_before + 1}\s+2\s+24\s+20\s+83 %\s+4,4\s+\+0,2\s+ja$", lines[title[UP]])
    assert re.search(r"\s\u22120,1\s+ja$", lines[title[DOWN]])
    assert re.search(r"\s–\s+nej$", lines[title[FOUR]])
    check_csv(csv_rows(report_csv(crafted, CRAFTED_DATE.isoformat())), wanted)


def test_report_stops_on_an_error_with_nothing_on_standard_output(project: Path) -> None:
    path = project / "evalueringer" / "groen-ambassadoer.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("svar: 4", "svar: 40"), encoding="utf-8")
    for args in [(), ("--csv",)]:
        result = run_build(project, "evaluering", "--dato", REFERENCE_DATE, *args)
        assert result.returncode == 1
        assert result.stdout == ""
        assert ("evalueringer/groen-ambassadoer.yml:4:9: fejl: 1. punkt › svar: 40 svar er flere end de 9 "
                "deltagere") in result.stderr


def test_report_help_explains_the_trend() -> None:
    import os
    import subprocess
    import sys

    completed = subprocess.run([sys.executable, "build.py", "evaluering", "--help"], cwd=REPO, capture_output=True,
                               text=True, env={**os.environ, "COLUMNS": "80"}, timeout=60)
    assert completed.returncode == 0
    text = " ".join(completed.stdout.split())
    assert completed.stdout.startswith("brug: build.py evaluering [-h] [--dato ÅÅÅÅ-MM-DD] [--csv]\n")
    assert "Udviklingen er gennemsnittet for de sidste 12 måneder minus gennemsnittet for de 12 måneder før" in text
    assert "--csv skriv tabellen som CSV til Excel (semikolon, decimalkomma, UTF-8 med BOM)" in text


# ---------------------------------------------------------------------------------------------------------------
# In Chromium: WCAG 2.1 AA, and on a phone no text under 16 px, no control under 44 px, no sideways scrolling
# ---------------------------------------------------------------------------------------------------------------

RATING_PAGES = [f"kurser/{BLOCK_COURSE}/", "om/evaluering/"]


@pytest.mark.parametrize("path", RATING_PAGES)
def test_the_rating_pages_are_accessible(browser: Any, base_url: str, path: str) -> None:
    from test_accessibility import AXE, violations

    page = browser.new_page()
    page.goto(base_url + path)
    assert violations(page, AXE.read_text(encoding="utf-8")) == []
    page.close()


@pytest.mark.parametrize("path", RATING_PAGES)
def test_the_rating_pages_on_a_phone(browser: Any, base_url: str, path: str) -> None:
    from test_phone import MEASURE, PHONE

    page = browser.new_page(viewport=PHONE)
    page.goto(base_url + path)
    found = page.evaluate(MEASURE)
    assert found["small"] == [] and found["tiny"] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    if path == "om/evaluering/":
        # Each course a block of its own, each figure with its name before it
        first = page.locator(".evaluering-tabel tbody tr").first
        assert first.locator("td").first.evaluate("e => getComputedStyle(e, '::before').content") == '"Vurdering"'
        box = page.locator(".evaluering-tabel").bounding_box()
        assert box["width"] <= PHONE["width"]
    page.close()
