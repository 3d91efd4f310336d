"""Learning paths on the built sample site (FORMAT.md §1b): /forloeb/, each path's page, the box "Del af forløbet"
on its courses and toolkit pages, and the links to the paths from the front page and "Ny i bestyrelsen".

Expectations are computed here from forloeb/*.yml, the course files and the toolkit pages with PyYAML and plain
Python, independently of the code under test.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from conftest import REPO
from test_accessibility import AXE, violations
from test_editor_workflow import fetch, preview, wait_for
from test_phone import MEASURE
from test_site import COURSES, DEPARTMENT, TAXONOMY, danish_date, offered, open_for_signup, page, text_of, when
from test_toolkit_site import ITEMS

PATHS = {p.stem: yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
         for p in sorted((REPO / "forloeb").glob("*.yml"))}
TOOLKIT_LABELS = {"skabelon": "Skabelon", "vejledning": "Vejledning", "video": "Video", "link": "Link"}
LEVELS = list(TAXONOMY["niveauer"])


def course_of(step: dict) -> str | None:
    return step.get("kursus")


def target(step: dict) -> str:
    """The address a step links to, from the site's root."""
    if course_of(step):
        return f"/kurser/{step['kursus']}/"
    return "/" + step["materiale"].removesuffix(".md") + "/"


def title(step: dict) -> str:
    if course_of(step):
        return COURSES[step["kursus"]]["titel"]
    return ITEMS[step["materiale"].removesuffix(".md")][0]["titel"]


def address(url: str) -> str:
    """A page's address from the site's root, as links resolve against it."""
    return "/" + url.strip("/") + "/" if url.strip("/") else "/"


def href_of(link: Tag, at: str) -> str:
    return urlsplit(urljoin(address(at), link["href"])).path


def first_course(path: dict) -> dict:
    return COURSES[next(step["kursus"] for step in path["trin"] if course_of(step))]


def paths_in_order() -> list[str]:
    """As lists show them: by the first course's level in the taxonomy's order, then by title."""
    def key(slug: str) -> tuple[int, str]:
        levels = first_course(PATHS[slug])["niveau"]
        return min(LEVELS.index(level) for level in levels), PATHS[slug]["titel"].casefold()
    return sorted(PATHS, key=key)


def for_new_members() -> list[str]:
    """The rule of "Ny i bestyrelsen": the paths whose first course step is a course of level 'ny'."""
    return [slug for slug in paths_in_order() if "ny" in first_course(PATHS[slug])["niveau"]]


def open_session(course: dict) -> dict | None:
    """The first session one can sign up for on the reference date: not ended, not begun, deadline not passed,
    neither full nor cancelled."""
    return next((s for s in offered(course) if s.get("status") != "aflyst" and open_for_signup(s)), None)


def main_of(soup: BeautifulSoup) -> Tag:
    return soup.select_one("article.md-content__inner")


def step_items(main: Tag) -> list[Tag]:
    return main.select_one("ol.forloeb-trin").find_all("li", recursive=False)


def test_the_sample_has_paths_with_both_kinds_of_steps_and_courses_with_and_without_a_session() -> None:
    steps = [step for path in PATHS.values() for step in path["trin"]]
    assert len(PATHS) == 3
    assert any(course_of(s) for s in steps) and any(not course_of(s) for s in steps)
    courses = [COURSES[s["kursus"]] for s in steps if course_of(s)]
    assert any(open_session(c) for c in courses) and any(open_session(c) is None for c in courses)
    assert any(any(s.get("note") for s in path["trin"]) for path in PATHS.values())
    # One path is for two groups: /forloeb/ shows it once, under both.
    assert any(len(path["målgruppe"]) > 1 for path in PATHS.values())


@pytest.mark.parametrize("slug", PATHS)
def test_a_path_page_shows_its_steps_in_order_with_their_sessions(sample_site: Path, slug: str) -> None:
    path = PATHS[slug]
    url = f"forloeb/{slug}"
    main = main_of(page(sample_site, url))
    assert text_of(main.find("h1")) == path["titel"]
    assert path["intro"] in text_of(main)
    items = step_items(main)
    assert len(items) == len(path["trin"])
    for hidden in main.select(".hold-valg__hold[hidden]"):  # shown for a resident's region (test_region_choice.py)
        hidden.decompose()
    for number, (item, step) in enumerate(zip(items, path["trin"], strict=True), start=1):
        heading = item.find("h3")
        link = heading.find("a")
        assert text_of(link) == title(step), number
        assert href_of(link, url) == target(step)
        assert text_of(heading) == f"Trin {number}: {title(step)}"  # the number, said to screen readers too
        shown = text_of(item)
        if step.get("hvornaar"):
            assert step["hvornaar"] in shown
        if step.get("note"):
            assert step["note"] in shown
        if not course_of(step):
            meta = ITEMS[step["materiale"].removesuffix(".md")][0]
            assert TOOLKIT_LABELS[meta["type"]] in text_of(item.select_one(".maerke"))
            assert not item.select("a.knap")
            continue
        course = COURSES[step["kursus"]]
        session = open_session(course)
        buttons = item.select("a.knap")
        if session is None and course.get("skræddersyet") == "true" and not [
                s for s in offered(course) if s.get("status") != "aflyst"]:
            # A course only ordered by a board: how to order it, not a list to wait on.
            assert "Kurset holdes, når en bestyrelse bestiller det. Sådan bestiller I et kursus" in shown
            assert not buttons and [a["href"] for a in item.find_all("a")][-1] == "../../skraeddersyet/"
            continue
        if session is None:
            planned = [s for s in offered(course) if s.get("status") != "aflyst"]
            expected = "Ingen hold, du kan tilmelde dig lige nu" if planned else "Ingen planlagte hold"
            assert f"{expected} – skriv dig op" in shown, (number, shown)
            assert "Næste hold" not in shown and not buttons
            ask = next(a for a in item.find_all("a") if a["href"].startswith("mailto:"))
            to, query = unquote(ask["href"][len("mailto:"):].split("?")[0]), parse_qs(urlsplit(ask["href"]).query)
            assert to == course.get("kontakt", DEPARTMENT["email"])
            assert query["subject"] == [f"Skriv mig op: {course['titel']}"]
            continue
        start, end = when(session["start"]), when(session["slut"])
        span = (f"{danish_date(start)} kl. {start:%H.%M}–{end:%H.%M}" if start.date() == end.date() else
                f"{danish_date(start)} kl. {start:%H.%M} til {danish_date(end)} kl. {end:%H.%M}")
        if session.get("mødegange"):  # how many, then the days: the course page lists each (test_site)
            span = f"{len(session['mødegange'])} "
        assert f"Næste hold: {span}" in shown, (number, shown)
        venue = session.get("sted")
        if venue and session.get("form", course["form"]) != "online":
            assert f"{venue['navn']}, {venue['by']}" in shown
        else:
            assert "Online" in shown
        assert f"Tilmeld dig senest {danish_date(date.fromisoformat(session['tilmeldingsfrist']))}." in shown
        assert len(buttons) == 1
        assert text_of(buttons[0]).startswith("Skriv dig på venteliste" if session.get("status") == "venteliste"
                                              else "Tilmeld dig")
        if session["tilmelding"].startswith("mailto:"):
            assert buttons[0]["href"].startswith(session["tilmelding"] + "?subject=")
            subject = parse_qs(urlsplit(buttons[0]["href"]).query)["subject"][0]
            assert subject == f"Tilmelding: {course['titel']}, {danish_date(start)} kl. {start:%H.%M}"
        else:
            assert buttons[0]["href"] == session["tilmelding"]


def test_paths_page_lists_each_path_once_under_its_groups(sample_site: Path) -> None:
    main = main_of(page(sample_site, "forloeb"))
    shown: dict[str, list[tuple[str, str, str]]] = {}
    for heading in main.find_all("h2"):
        cards = heading.find_next_sibling("ul")
        if cards is None or heading.find_next_sibling(["h2", "ul"]) is not cards:
            continue
        shown[text_of(heading)] = [(text_of(card.find("h3")), href_of(card.find("a"), "forloeb"),
                                    text_of(card.select_one(".kursus-kort__fakta"))) for card in cards.find_all("li")]
    # Each path once, under the heading of all its groups ("For organisationsbestyrelsen og repræsentantskabet").
    keys = list(TAXONOMY["målgrupper"])
    groups: dict[tuple[str, ...], list[str]] = {}
    for slug in paths_in_order():
        groups.setdefault(tuple(sorted(PATHS[slug]["målgruppe"], key=keys.index)), []).append(slug)
    expected = {}
    for group in sorted(groups, key=lambda g: [keys.index(k) for k in g]):
        names = [TAXONOMY["målgrupper"][k]["navn"].lower() for k in group]
        heading = "For " + (" og ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0])
        expected[heading] = [(PATHS[slug]["titel"], f"/forloeb/{slug}/", f"{len(PATHS[slug]['trin'])} trin")
                             for slug in groups[group]]
    assert list(shown) == list(expected)  # the groups in the taxonomy's order, only those with paths
    assert shown == expected
    assert "For organisationsbestyrelsen og repræsentantskabet" in shown


def places() -> list[tuple[str, int, dict]]:
    """Every step of every path: the path, the step's number and the step."""
    return [(slug, number, step) for slug, path in PATHS.items()
            for number, step in enumerate(path["trin"], start=1)]


@pytest.mark.parametrize("slug, number, step", places(),
                         ids=[f"{slug}-{number}" for slug, number, _ in places()])
def test_a_step_links_to_its_path_and_the_steps_before_and_after_and_back(sample_site: Path, slug: str,
                                                                          number: int, step: dict) -> None:
    steps = PATHS[slug]["trin"]
    url = target(step).strip("/")
    main = main_of(page(sample_site, url))
    boxes = [box for box in main.select(".forloeb-boks")
             if href_of(box.select_one(".forloeb-boks__titel a"), url) == f"/forloeb/{slug}/"]
    assert len(boxes) == 1, (url, slug)
    box = boxes[0]
    assert text_of(box.select_one(".forloeb-boks__titel")) == f"Del af forløbet {PATHS[slug]['titel']}"
    assert f"Trin {number} af {len(steps)}" in text_of(box)
    before, after = box.select(".forloeb-boks__naboer li")
    if number == 1:
        assert text_of(before) == "Forrige trin Første trin i forløbet" and not before.find("a")
    else:
        assert [href_of(before.find("a"), url), text_of(before.find("a"))] == [target(steps[number - 2]),
                                                                             title(steps[number - 2])]
    if number == len(steps):
        assert text_of(after) == "Næste trin Sidste trin i forløbet" and not after.find("a")
    else:
        assert [href_of(after.find("a"), url), text_of(after.find("a"))] == [target(steps[number]),
                                                                           title(steps[number])]
    assert "/forloeb/" in {href_of(a, url) for a in main.find_all("a")}
    # And back: the path's page links to this page.
    path_page = main_of(page(sample_site, f"forloeb/{slug}"))
    assert target(step) in {href_of(a, f"forloeb/{slug}") for a in path_page.find_all("a")}


def test_a_course_in_no_path_has_no_box(sample_site: Path) -> None:
    in_paths = {step["kursus"] for path in PATHS.values() for step in path["trin"] if course_of(step)}
    outside = sorted(set(COURSES) - in_paths)
    assert outside
    for slug in outside:
        assert not main_of(page(sample_site, f"kurser/{slug}")).select(".forloeb-boks"), slug


def test_front_page_and_new_members_point_to_the_paths(sample_site: Path) -> None:
    front = main_of(page(sample_site, ""))
    assert "/forloeb/" in {href_of(a, "") for a in front.find_all("a")}  # every path, on a page of its own
    # "Ny i bestyrelsen?" on the front page starts a new member on the first path for new members.
    heading = next(h for h in front.find_all("h2") if text_of(h) == "Ny i bestyrelsen?")
    start = heading.find_next_sibling("p")
    # (text_of joins a link's text to what follows with a space)
    assert text_of(start).startswith(f"Er du lige blevet valgt? Så start med forløbet "
                                     f"{PATHS[for_new_members()[0]]['titel']} :")
    assert href_of(start.find("a"), "") == f"/forloeb/{for_new_members()[0]}/"

    new = main_of(page(sample_site, "ny-i-bestyrelsen"))
    wanted = for_new_members()
    assert wanted and len(wanted) < len(PATHS)  # the rule picks some, not all
    first = new.select_one(".forloeb-links")
    assert str(new).index("forloeb-links") < str(new).index("kursus-liste")  # the paths before the courses
    assert [(href_of(a, "ny-i-bestyrelsen"), text_of(a)) for a in first.select("a")] == [
        (f"/forloeb/{slug}/", PATHS[slug]["titel"]) for slug in wanted]
    assert "/forloeb/" in {href_of(a, "ny-i-bestyrelsen") for a in new.find_all("a")}


def test_path_pages_are_found_as_forloeb(sample_site: Path) -> None:
    for slug in PATHS:
        html = (sample_site / "forloeb" / slug / "index.html").read_text(encoding="utf-8")
        assert 'data-pagefind-meta="type:Forløb"' in html, slug
    assert 'data-pagefind-meta="type:Side"' in (sample_site / "forloeb" / "index.html").read_text(encoding="utf-8")


PAGES = ["forloeb/", "forloeb/ny-i-afdelingsbestyrelsen/", "forloeb/organisationsbestyrelsen/",
         "kurser/det-gode-bestyrelsesmoede/", "vaerktoejskasse/vejledninger/ny-i-afdelingsbestyrelsen/"]


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run 'make test', which runs 'npm ci'")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_violations_small_text_or_small_controls(browser: Any, base_url: str, axe_source: str, path: str,
                                                          width: int) -> None:
    view = browser.new_page(viewport={"width": width, "height": 812 if width == 375 else 800})
    view.goto(base_url + path)
    if width == 375 and path.startswith("forloeb/"):
        found = view.evaluate(MEASURE)
        assert found["small"] == [] and found["tiny"] == [], found
    assert violations(view, axe_source) == []
    view.close()


def test_in_the_preview_a_step_whose_course_has_errors_is_named_without_a_link(project: Path,
                                                                              tmp_path: Path) -> None:
    course = project / "courses" / "det-gode-bestyrelsesmoede.yml"
    course.write_text(course.read_text(encoding="utf-8").replace("form: fysisk", "form: fysik"), encoding="utf-8")
    with preview(project, tmp_path / "serve.log") as port:
        base = f"http://127.0.0.1:{port}/"
        wait_for(lambda: fetch(base + "forloeb/ny-i-afdelingsbestyrelsen/")[0] == 200, what="the preview")
        main = main_of(BeautifulSoup(fetch(base + "forloeb/ny-i-afdelingsbestyrelsen/")[1], "html.parser"))
        number = next(n for n, s in enumerate(PATHS["ny-i-afdelingsbestyrelsen"]["trin"])
                      if s.get("kursus") == "det-gode-bestyrelsesmoede")
        heading = step_items(main)[number].find("h3")
        assert text_of(heading) == f"Trin {number + 1}: det-gode-bestyrelsesmoede" and not heading.find("a")
        # The next course's box names it as its step before, without a link.
        after = target(PATHS["ny-i-afdelingsbestyrelsen"]["trin"][number + 1])
        status, html = fetch(base + after.lstrip("/"))
        assert status == 200
        box = next(box for box in main_of(BeautifulSoup(html, "html.parser")).select(".forloeb-boks")
                   if "/forloeb/ny-i-afdelingsbestyrelsen/" in box.select_one(".forloeb-boks__titel a")["href"])
        before = box.select(".forloeb-boks__naboer li")[0]
        assert text_of(before) == "Forrige trin det-gode-bestyrelsesmoede" and not before.find("a")
        # Fixed, the course is a link again, also on the pages made before (the live preview keeps those it made).
        course.write_text(course.read_text(encoding="utf-8").replace("form: fysik", "form: fysisk"),
                          encoding="utf-8")
        linked = (f'Forrige trin</span> <a href="../det-gode-bestyrelsesmoede/">'
                  f'{COURSES["det-gode-bestyrelsesmoede"]["titel"]}</a>')
        wait_for(lambda: linked in fetch(base + after.lstrip("/"))[1],
                 what="the fixed course's link in the next course's box")
        assert "Traceback" not in (tmp_path / "serve.log").read_text(encoding="utf-8")
