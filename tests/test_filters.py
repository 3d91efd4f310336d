"""The catalogue's filters in Chromium: found by their labels, combinable, kept in the address, announced."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from test_site import COURSES, TODAY, when

LABELS = {"Emne": "emne", "Niveau": "niveau", "Form": "form", "Region": "region", "Måned": "maaned"}


def expected(emne: str = "", niveau: str = "", form: str = "", region: str = "", maaned: str = "") -> set[str]:
    """The courses a filter should show, computed from the course files."""
    found = set()
    for slug, course in COURSES.items():
        sessions = [s for s in course.get("hold") or [] if when(s["slut"]).date() >= TODAY]
        if emne and emne not in course["emner"]:
            continue
        if niveau and niveau not in course["niveau"]:
            continue
        if form and form != course["form"]:
            continue
        if region and region not in {s["region"] for s in sessions}:
            continue
        if maaned and maaned not in {s["start"][:7] for s in sessions}:
            continue
        found.add(slug)
    return found


def shown(page: Any) -> set[str]:
    hrefs = page.locator(".kursus-liste > li:visible h2 a").evaluate_all("links => links.map(a => a.href)")
    return {href.rstrip("/").split("/")[-1] for href in hrefs}


def test_filters_have_exact_visible_labels(browser: Any, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "kurser/")
    for label, name in LABELS.items():
        control = page.get_by_label(label, exact=True)
        assert control.evaluate("e => e.tagName") == "SELECT"
        assert control.get_attribute("name") == name
        assert page.locator(f"label[for='{control.get_attribute('id')}']").is_visible()
    page.close()


@pytest.mark.parametrize("choice", [
    {"emne": "oekonomi"},
    {"emne": "oekonomi", "region": "hovedstaden"},
    {"niveau": "ny", "form": "fysisk"},
    {"form": "online"},
    {"region": "nordjylland", "maaned": "2027-06"},
    {"maaned": "2027-03"},
    {"emne": "byggeri", "niveau": "erfaren", "region": "syddanmark"},
])
def test_choosing_filters_shows_the_right_courses_and_keeps_them_in_the_address(
        browser: Any, base_url: str, choice: dict[str, str]) -> None:
    page = browser.new_page()
    page.goto(base_url + "kurser/")
    label_of = {name: label for label, name in LABELS.items()}
    for name, value in choice.items():
        page.get_by_label(label_of[name], exact=True).select_option(value)
    wanted = expected(**choice)
    assert shown(page) == wanted
    query = "&".join(f"{name}={choice[name]}" for name in LABELS.values() if name in choice)
    assert page.url.endswith("/kurser/?" + query)
    status = page.get_by_role("status")
    total = len(COURSES)
    if not wanted:
        assert status.inner_text().startswith("Ingen kurser passer til dit valg")
    elif len(wanted) < total:
        assert status.inner_text() == f"Viser {len(wanted)} af {total} kurser"
    # The same address, loaded afresh, shows the same list: a filtered view can be shared.
    fresh = browser.new_page()
    fresh.goto(page.url)
    assert shown(fresh) == wanted
    for name, value in choice.items():
        assert fresh.get_by_label(label_of[name], exact=True).input_value() == value
    fresh.close()
    page.close()


def test_reset_shows_every_course_and_clears_the_address(browser: Any, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "kurser/?emne=husorden")
    assert shown(page) == expected(emne="husorden")
    page.get_by_role("button", name="Vis alle kurser").click()
    page.wait_for_function("() => !window.location.search")
    assert shown(page) == set(COURSES)
    assert page.get_by_role("status").inner_text() == f"{len(COURSES)} kurser"
    page.close()


def test_filters_work_with_the_keyboard(browser: Any, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "kurser/")
    page.get_by_label("Form", exact=True).focus()
    page.keyboard.press("ArrowDown")  # the first choice after "Alle former"
    first_form = page.get_by_label("Form", exact=True).input_value()
    assert first_form
    assert shown(page) == expected(form=first_form)
    page.close()


def test_without_javascript_the_catalogue_is_the_full_list(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "kurser/?emne=oekonomi")
    assert not page.get_by_label("Emne", exact=True).is_visible()
    assert shown(page) == set(COURSES)
    context.close()


def test_month_choices_are_the_months_with_sessions(browser: Any, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "kurser/")
    values = page.get_by_label("Måned", exact=True).locator("option").evaluate_all("o => o.map(x => x.value)")
    months = sorted({s["start"][:7] for c in COURSES.values() for s in c.get("hold") or []
                     if date.fromisoformat(s["slut"][:10]) >= TODAY})
    assert values == [""] + months
    page.close()
