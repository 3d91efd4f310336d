"""The catalogue's filters in Chromium: found by their labels, combinable, kept in the address, announced.

Form, region and month are matched against one and the same session (FORMAT.md §1): what each choice should
show, and which session each card should then show, is computed here from the course files.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from test_site import COURSES, TODAY, danish_date, when

LABELS = {"Emne": "emne", "Niveau": "niveau", "Form": "form", "Region": "region", "Måned": "maaned"}
SESSION_KEYS = ("form", "region", "maaned")
NATIONWIDE = "hele-landet"


def session_form(course: dict[str, Any], session: dict[str, Any]) -> str:
    return session.get("form", course["form"])


def fits(course: dict[str, Any], session: dict[str, Any], form: str, region: str, maaned: str) -> bool:
    own_form = session_form(course, session)
    own_region = session.get("region") or (NATIONWIDE if own_form == "online" else "")
    anywhere = own_form == "online" or own_region == NATIONWIDE  # attended from home, or for everyone
    return ((not form or own_form == form)
            and (not region or own_region == region or anywhere)
            and (not maaned or session["start"][:7] == maaned))


def expected(emne: str = "", niveau: str = "", form: str = "", region: str = "", maaned: str = "") -> dict[str, str]:
    """The courses a choice should show, each with the start date of the session its card should show."""
    found = {}
    for slug, course in COURSES.items():
        if (emne and emne not in course["emner"]) or (niveau and niveau not in course["niveau"]):
            continue
        sessions = sorted((s for s in course.get("hold") or []
                           if when(s["slut"]).date() >= TODAY and s.get("status") != "aflyst"),
                          key=lambda s: s["start"])
        fitting = [s for s in sessions if fits(course, s, form, region, maaned)]
        if fitting:
            found[slug] = danish_date(when(fitting[0]["start"]).date())
        elif not (form or region or maaned):
            found[slug] = "Ingen planlagte hold"
    return found


def shown(page: Any) -> dict[str, str]:
    """The visible cards: course slug → the text of the session line they show."""
    cards = page.locator(".kursus-liste > li.kursus-kort:visible").evaluate_all("""cards => cards.map(card => [
        card.querySelector('h2 a').href,
        [...card.querySelectorAll('.kursus-kort__hold')].filter(s => s.offsetParent !== null)
            .map(s => s.innerText).join(' | ')])""")
    return {href.rstrip("/").split("/")[-1]: line for href, line in cards}


def assert_shows(page: Any, wanted: dict[str, str]) -> None:
    cards = shown(page)
    assert set(cards) == set(wanted)
    for slug, start in wanted.items():
        assert start in cards[slug], (slug, cards[slug])  # the card shows the session that fits, and only it
        assert " | " not in cards[slug]


def open_filters(page: Any) -> None:
    toggle = page.get_by_text("Filtrér kurser")
    if toggle.is_visible():
        toggle.click()


CHOICES = [
    {"emne": "oekonomi"},
    {"region": "midtjylland", "maaned": "2027-03"},     # one session in Midtjylland in March, not any two
    {"region": "midtjylland", "form": "online"},        # online sessions fit every region
    {"region": "midtjylland", "form": "fysisk"},
    {"emne": "oekonomi", "region": "nordjylland"},
    {"emne": "bestyrelsesarbejde", "region": "hovedstaden"},
    {"niveau": "ny", "form": "fysisk"},
    {"form": "online"},                                 # includes the online session of a course held physically
    {"region": "sjaelland", "maaned": "2027-03"},
    {"maaned": "2027-03"},
    {"emne": "byggeri", "niveau": "erfaren", "region": "syddanmark"},
]


def test_the_choices_tested_tell_session_matching_from_course_matching() -> None:
    """The sample content must hold the cases the filters are about, or the tests below prove nothing."""
    def course_level(form: str = "", region: str = "", maaned: str = "") -> set[str]:
        found = set()
        for slug, course in COURSES.items():
            sessions = [s for s in course.get("hold") or [] if when(s["slut"]).date() >= TODAY]
            if ((not form or any(fits(course, s, form, "", "") for s in sessions))
                    and (not region or any(fits(course, s, "", region, "") for s in sessions))
                    and (not maaned or any(fits(course, s, "", "", maaned) for s in sessions))):
                found.add(slug)
        return found

    assert course_level(region="midtjylland", maaned="2027-03") != set(expected(region="midtjylland", maaned="2027-03"))
    # An online session of a physical course, and an online course shown for a region
    assert any(COURSES[slug]["form"] != "online" for slug in expected(form="online"))
    assert any(COURSES[slug]["form"] == "online" for slug in expected(region="midtjylland"))


def test_filters_have_exact_visible_labels(browser: Any, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "kurser/")
    open_filters(page)
    for label, name in LABELS.items():
        control = page.get_by_label(label, exact=True)
        assert control.evaluate("e => e.tagName") == "SELECT"
        assert control.get_attribute("name") == name
        assert page.locator(f"label[for='{control.get_attribute('id')}']").is_visible()
    page.close()


@pytest.mark.parametrize("choice", CHOICES, ids=["+".join(f"{k}={v}" for k, v in c.items()) for c in CHOICES])
def test_choosing_filters_shows_the_courses_with_one_fitting_session_and_that_session(
        browser: Any, base_url: str, choice: dict[str, str]) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + "kurser/")
    label_of = {name: label for label, name in LABELS.items()}
    for name, value in choice.items():
        page.get_by_label(label_of[name], exact=True).select_option(value)
    wanted = expected(**choice)
    assert_shows(page, wanted)
    address = urlsplit(page.url)
    assert address.path.endswith("/kurser/") and dict(parse_qsl(address.query)) == choice
    status = page.get_by_role("status")
    if not wanted:
        assert status.inner_text().startswith("Ingen kurser passer til dit valg")
    else:
        assert status.inner_text() == (f"{len(wanted)} kurser passer til dit valg" if len(wanted) > 1
                                       else "1 kursus passer til dit valg")
    page.close()


@pytest.mark.parametrize("choice", CHOICES[:4], ids=["+".join(f"{k}={v}" for k, v in c.items()) for c in CHOICES[:4]])
def test_a_filtered_address_shows_the_same_on_a_phone(browser: Any, base_url: str, choice: dict[str, str]) -> None:
    """A filtered view can be shared: the address alone gives the same list, and the choices in the form."""
    page = browser.new_page(viewport={"width": 375, "height": 812})
    page.goto(base_url + "kurser/?" + "&".join(f"{k}={v}" for k, v in choice.items()))
    assert_shows(page, expected(**choice))
    assert page.get_by_text("Filtrér kurser").inner_text() == f"Filtrér kurser ({len(choice)} valgt)"
    open_filters(page)
    label_of = {name: label for label, name in LABELS.items()}
    for name, value in choice.items():
        assert page.get_by_label(label_of[name], exact=True).input_value() == value
    page.close()


def test_on_a_phone_the_results_come_first_and_filtrer_opens_the_filters(browser: Any, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 812})
    page.goto(base_url + "kurser/")
    status = page.get_by_role("status")
    assert status.inner_text() == f"{len(COURSES)} kurser"
    first_card = page.locator(".kursus-liste > li.kursus-kort").first
    for element in (status, first_card.locator("h2")):
        box = element.bounding_box()
        assert box and box["y"] + box["height"] <= 812, "the count and the first course are on the first screen"
    region = page.get_by_label("Region", exact=True)
    assert not region.is_visible()
    toggle = page.get_by_text("Filtrér kurser")
    assert toggle.bounding_box()["height"] >= 44
    toggle.click()
    region.select_option("midtjylland")
    assert_shows(page, expected(region="midtjylland"))
    page.close()


def test_nulstil_clears_the_choices_and_the_address_and_nothing_else_does(browser: Any, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + "kurser/?emne=husorden&region=hovedstaden")
    assert_shows(page, expected(emne="husorden", region="hovedstaden"))
    assert page.locator("#kursusfilter button").evaluate_all("bs => bs.map(b => [b.type, b.innerText])") == [
        ["button", "Nulstil valg"]]  # no reset or submit button that clears or reloads by surprise
    page.get_by_role("button", name="Nulstil valg").click()
    page.wait_for_function("() => !window.location.search")
    assert_shows(page, expected())
    assert page.get_by_role("status").inner_text() == f"{len(COURSES)} kurser"
    page.close()


def test_filters_work_with_the_keyboard(browser: Any, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 812})
    page.goto(base_url + "kurser/")
    page.get_by_text("Filtrér kurser").focus()
    page.keyboard.press("Enter")  # opens the filters
    page.get_by_label("Form", exact=True).focus()
    page.keyboard.press("ArrowDown")  # the first choice after "Alle former"
    first_form = page.get_by_label("Form", exact=True).input_value()
    assert first_form
    assert_shows(page, expected(form=first_form))
    page.close()


def test_without_javascript_the_catalogue_is_the_full_list(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "kurser/?emne=oekonomi&region=midtjylland")
    assert not page.get_by_text("Filtrér kurser").is_visible()
    assert not page.get_by_label("Emne", exact=True).is_visible()
    assert_shows(page, expected())  # every course, each with its next session
    context.close()


def test_month_choices_are_the_months_with_sessions(browser: Any, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "kurser/")
    values = page.get_by_label("Måned", exact=True).locator("option").evaluate_all("o => o.map(x => x.value)")
    months = sorted({s["start"][:7] for c in COURSES.values() for s in c.get("hold") or []
                     if date.fromisoformat(s["slut"][:10]) >= TODAY and s.get("status") != "aflyst"})
    assert values == [""] + months
    page.close()
