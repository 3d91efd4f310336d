"""The way back after a course (issue 15): the survey for a month after a session, the next step, what a course
offers after it ends, the pilot's notice and "Nyt kursus" by git history. Real builds of project copies."""

from __future__ import annotations

import os
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO, run_build
from test_site import COURSES, content, facts, page, text_of

COURSE = "afdelingsmoedet-og-dirigentrollen"  # held on 14 November 2026, has a survey and is a step of a path
PATHS = {p.stem: yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
         for p in sorted((REPO / "forloeb").glob("*.yml"))}
LEVELS = list(yaml.safe_load((REPO / "config" / "taxonomy.yml").read_text(encoding="utf-8"))["niveauer"])


def ended_sessions(course: dict) -> list[datetime]:
    return sorted(datetime.strptime(s["slut"], "%Y-%m-%d %H:%M") for s in course.get("hold") or []
                  if s.get("status") != "aflyst")


def built(project: Path, day: date) -> Path:
    result = run_build(project, "build", "--dato", day.isoformat())
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def after_box(site: Path, slug: str) -> BeautifulSoup | None:
    return content(page(site, f"kurser/{slug}")).select_one("section.efter-kurset")


def test_the_survey_is_offered_for_thirty_days_after_a_session_ends(project: Path) -> None:
    course = COURSES[COURSE]
    ended = next(e for e in ended_sessions(course) if e.date() < date(2027, 1, 1))
    survey = course["evaluering"]
    for day, offered in [(ended.date(), False), (ended.date() + timedelta(days=1), True),
                         (ended.date() + timedelta(days=30), True), (ended.date() + timedelta(days=31), False)]:
        site = built(project, day)
        box = after_box(site, COURSE)
        links = [a for a in content(page(site, f"kurser/{COURSE}")).find_all("a") if a.get("href") == survey]
        if not offered:
            assert box is None and links == [], day
            continue
        assert box is not None, day
        assert "Har du været på kurset? Fortæl os, hvad du synes" in text_of(box)
        assert [a["href"] for a in box.select("a.efter-kurset__evaluering")] == [survey]
        assert len(links) == 1, "the survey is offered once"


def next_course_in_paths(slug: str) -> list[tuple[str, str]]:
    """(course, path) for each path with the course as a step: the first course step after it."""
    found = []
    for name, path in PATHS.items():
        steps = path["trin"]
        for index, step in enumerate(steps):
            if step.get("kursus") == slug:
                later = [s["kursus"] for s in steps[index + 1:] if "kursus" in s]
                if later and (later[0], name) not in found:
                    found.append((later[0], name))
    return found


def test_after_a_course_in_a_path_its_next_course_is_suggested(project: Path) -> None:
    ended = next(e for e in ended_sessions(COURSES[COURSE]) if e.date() < date(2027, 1, 1))
    site = built(project, ended.date() + timedelta(days=3))
    box = after_box(site, COURSE)
    expected = next_course_in_paths(COURSE)
    assert expected, "the sample path for chairs has the course as a step"
    items = box.select("ul.efter-kurset__naeste > li")
    assert [[a["href"] for a in item.find_all("a")] for item in items] == [
        [f"../{course}/", f"../../forloeb/{name}/"] for course, name in expected]
    for item, (course, name) in zip(items, expected, strict=True):
        assert text_of(item).startswith(f"{COURSES[course]['titel']} – det næste kursus i forløbet "
                                        f"{PATHS[name]['titel']}")


def test_after_a_course_in_no_path_courses_of_its_topics_at_the_next_level_are_suggested(project: Path) -> None:
    slug = next(s for s, c in COURSES.items() if not next_course_in_paths(s) and ended_sessions(c)
                and ended_sessions(c)[0].date() < date(2026, 12, 1) and max(map(LEVELS.index, c["niveau"])) == 0)
    course = COURSES[slug]
    ended = ended_sessions(course)[0]
    level = LEVELS[max(map(LEVELS.index, course["niveau"])) + 1]
    candidates = {s for s, c in COURSES.items() if s != slug and level in c["niveau"]
                  and set(c["emner"]) & set(course["emner"])}
    site = built(project, ended.date() + timedelta(days=1))
    items = after_box(site, slug).select("ul.efter-kurset__naeste > li")
    suggested = {item.find("a")["href"].strip("./") for item in items}
    assert len(items) == min(3, len(candidates)) > 0
    assert suggested <= candidates
    level_name = yaml.safe_load((REPO / "config" / "taxonomy.yml").read_text(encoding="utf-8"))["niveauer"][level]
    assert all(f" – {level_name['navn']}" in text_of(item) for item in items)


def test_network_and_follow_up_are_in_the_facts(sample_site: Path) -> None:
    for slug, course in COURSES.items():
        shown = facts(content(page(sample_site, f"kurser/{slug}")).select_one("dl.kursus-fakta"))
        networked = "netvaerk" in (course.get("kendetegn") or [])
        follow_ups = [s["note"] for s in course.get("hold") or [] if "opfølg" in s.get("note", "").lower()
                      and s.get("status") != "aflyst"
                      and datetime.strptime(s["slut"], "%Y-%m-%d %H:%M").date() >= date(2027, 1, 15)]
        after = shown.get("Efter kurset")
        if not networked and not follow_ups:
            assert after is None, slug
            continue
        assert after is not None, slug
        assert ("netværk med de andre deltagere" in after) == networked, slug
        for note in follow_ups:
            assert note in after, slug
    assert any("opfølg" in s.get("note", "").lower() for c in COURSES.values() for s in c.get("hold") or []), \
        "a sample course has a follow-up note"


PILOT = "Pilotkursus – vi afprøver en ny idé, og din vurdering tæller."


def test_a_pilot_course_says_so(sample_site: Path) -> None:
    pilots = {slug for slug, c in COURSES.items() if "pilot" in (c.get("kendetegn") or [])}
    assert pilots
    for slug in COURSES:
        assert (PILOT in text_of(content(page(sample_site, f"kurser/{slug}")))) == (slug in pilots), slug


def git(project: Path, *args: str, when: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redaktør", "GIT_AUTHOR_EMAIL": "redaktoer@example.dk",
           "GIT_COMMITTER_NAME": "Redaktør", "GIT_COMMITTER_EMAIL": "redaktoer@example.dk"}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def marked_new(site: Path) -> set[str]:
    cards = content(page(site, "kurser")).select("li.kursus-kort")
    return {card.select_one(".kursus-kort__titel a")["href"].strip("./") for card in cards
            if "Nyt kursus" in [text_of(m) for m in card.select(".maerke")]}


def commit_in_turn(project: Path, imported: str, later: dict[str, str]) -> None:
    """The project made a git repository: its files committed at ``imported`` but for the courses of ``later``
    (slug → time), each of which is then committed in a commit of its own at its time."""
    files = {slug: (project / "courses" / f"{slug}.yml").read_bytes() for slug in later}
    for slug in later:
        (project / "courses" / f"{slug}.yml").unlink()
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Kataloget", when=imported)
    for slug, when in later.items():
        (project / "courses" / f"{slug}.yml").write_bytes(files[slug])
        git(project, "add", "-A")
        git(project, "commit", "-q", "-m", slug, when=when)


@pytest.fixture
def history(project: Path) -> Path:
    """The sample catalogue imported in a first commit; then one course added 100 days before 3 December 2026 and
    one 13 days before; one more not committed at all."""
    course = project / "courses" / "groen-ambassadoer.yml"
    evaluation = project / "evalueringer" / "groen-ambassadoer.yml"  # it names the course
    held_back = {path: path.read_bytes() for path in (course, evaluation)}
    for path in held_back:
        path.unlink()
    commit_in_turn(project, "2026-11-26T09:00:00+01:00", {"budgetopfoelgning": "2026-08-25T10:00:00+02:00",
                                                          "de-nye-naboer": "2026-11-20T10:00:00+01:00"})
    for path, data in held_back.items():
        path.write_bytes(data)
    return project


def test_a_course_first_committed_in_the_last_ninety_days_is_new(history: Path) -> None:
    # The first commit brought in the catalogue: none of it is new, though it was committed a week ago.
    assert marked_new(built(history, date(2026, 12, 3))) == {"de-nye-naboer", "groen-ambassadoer"}
    # 20 November + 90 days is 18 February: the last day it is new.
    assert marked_new(built(history, date(2027, 2, 18))) == {"de-nye-naboer", "groen-ambassadoer"}
    assert marked_new(built(history, date(2027, 2, 19))) == {"groen-ambassadoer"}


def test_outside_a_git_checkout_no_course_is_new(sample_site: Path) -> None:
    assert marked_new(sample_site) == set()
