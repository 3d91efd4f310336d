"""The catalogue's filters in Chromium, and the regions' own pages: found by their labels, combinable, kept in the
address, announced, sorted by the session each card shows; without JavaScript, what works instead.

Form, region and months are matched against one and the same session (FORMAT.md §1, §4): what each choice should
show, which session each card should then show (the first with seats, else with a waiting list), and in which
order, is computed here from the course files.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from conftest import run_build
from test_site import (
    COURSES,
    TAXONOMY,
    card_sessions,
    content,
    danish_date,
    expected_catalogue_order,
    page,
    shown_sessions,
    text_of,
    when,
)

LABELS = {"Emne": "emne", "Niveau": "niveau", "Form": "form", "Region": "region", "Fra": "fra", "Til og med": "til"}
LABEL_OF = {name: label for label, name in LABELS.items()}
NATIONWIDE = "hele-landet"
REGIONS = [key for key in TAXONOMY["regioner"] if key != NATIONWIDE]
PHONE = {"width": 375, "height": 812}


def session_form(course: dict[str, Any], session: dict[str, Any]) -> str:
    return session.get("form", course["form"])


def session_months(session: dict[str, Any]) -> set[str]:
    """The months a session is held in (FORMAT.md §4: those of its meetings), as YYYY-MM."""
    meetings = session.get("mødegange") or [session]
    return {meeting["start"][:7] for meeting in meetings}


def fits(course: dict[str, Any], session: dict[str, Any], form: str = "", region: str = "", fra: str = "",
         til: str = "") -> bool:
    own_form = session_form(course, session)
    own_region = session.get("region") or (NATIONWIDE if own_form == "online" else "")
    anywhere = own_form == "online" or own_region == NATIONWIDE  # attended from home, or for everyone
    return ((not form or own_form == form)
            and (not region or own_region == region or anywhere)
            and any((not fra or month >= fra) and (not til or month <= til) for month in session_months(session)))


def expected(emne: str = "", niveau: str = "", form: str = "", region: str = "", fra: str = "",
             til: str = "") -> list[tuple[str, str]]:
    """The courses a choice should show, in order, each with the start date of the session its card should show:
    by that session's start, then in the catalogue's order."""
    catalogue = expected_catalogue_order()
    found = []
    for slug, course in COURSES.items():
        if (emne and emne not in course["emner"]) or (niveau and niveau not in course["niveau"]):
            continue
        fitting = shown_sessions(course, lambda s, c=course: fits(c, s, form, region, fra, til))
        if fitting:
            found.append((fitting[0]["start"], catalogue.index(slug), slug,
                          danish_date(when(fitting[0]["start"]).date())))
        elif not (form or region or fra or til):
            found.append(("~", catalogue.index(slug), slug, "Ingen planlagte hold"))
    return [(slug, shown) for _, _, slug, shown in sorted(found)]


def shown(page: Any, heading: str = "h2") -> list[tuple[str, str]]:
    """The visible cards, in order: course slug → the text of the session lines they show."""
    cards = page.locator(".kursus-liste > li.kursus-kort:visible").evaluate_all(f"""cards => cards.map(card => [
        card.querySelector('{heading} a').href,
        [...card.querySelectorAll('.kursus-kort__hold')].filter(s => s.offsetParent !== null)
            .map(s => s.innerText).join(' | ')])""")
    # a card's link may name the session it shows (#hold-2027-03-16: tests/test_region_choice.py)
    return [(href.split("#")[0].rstrip("/").split("/")[-1], line) for href, line in cards]


def assert_shows(page: Any, wanted: list[tuple[str, str]], heading: str = "h2") -> None:
    cards = shown(page, heading)
    assert [slug for slug, _ in cards] == [slug for slug, _ in wanted]  # the courses, in the order wanted
    for (slug, line), (_, start) in zip(cards, wanted, strict=True):
        assert start in line, (slug, line)  # the card shows the session that fits, and only it
        assert " | " not in line


def open_filters(page: Any) -> None:
    toggle = page.get_by_text("Filtrér kurser")
    if toggle.is_visible():
        toggle.click()


def choose(page: Any, choice: dict[str, str]) -> None:
    for name, value in choice.items():
        page.get_by_label(LABEL_OF[name], exact=True).select_option(value)


def query(choice: dict[str, str]) -> str:
    return "&".join(f"{k}={v}" for k, v in choice.items())


CHOICES = [
    {"emne": "oekonomi"},
    {"region": "midtjylland", "fra": "2027-03", "til": "2027-03"},  # one session in Midtjylland in March
    {"emne": "oekonomi", "region": "midtjylland"},                  # issue 29: Horsens or online, not Valby
    {"region": "midtjylland", "form": "online"},                    # online sessions fit every region
    {"region": "midtjylland", "form": "fysisk"},
    {"emne": "oekonomi", "region": "nordjylland"},
    {"emne": "bestyrelsesarbejde", "region": "hovedstaden"},
    {"niveau": "ny", "form": "fysisk"},
    {"form": "online"},                                             # includes the online session of a physical course
    {"region": "sjaelland", "fra": "2027-03", "til": "2027-03"},
    {"fra": "2027-03", "til": "2027-05"},                           # a span of months, both included
    {"fra": "2027-09"},                                             # from September on
    {"til": "2027-02"},                                             # up to February
    {"emne": "byggeri", "niveau": "erfaren", "region": "syddanmark"},
]
IDS = [query(c) for c in CHOICES]


def test_the_choices_tested_tell_session_matching_and_order_from_the_catalogues() -> None:
    """The sample content must hold the cases the filters are about, or the tests below prove nothing."""
    def course_level(form: str = "", region: str = "", fra: str = "", til: str = "") -> set[str]:
        found = set()
        for slug, course in COURSES.items():
            sessions = shown_sessions(course)
            if ((not form or any(fits(course, s, form=form) for s in sessions))
                    and (not region or any(fits(course, s, region=region) for s in sessions))
                    and (not (fra or til) or any(fits(course, s, fra=fra, til=til) for s in sessions))):
                found.add(slug)
        return found

    wanted = expected(region="midtjylland", fra="2027-03", til="2027-03")
    assert course_level(region="midtjylland", fra="2027-03", til="2027-03") != {slug for slug, _ in wanted}
    # An online session of a physical course, and an online course shown for a region
    assert any(COURSES[slug]["form"] != "online" for slug, _ in expected(form="online"))
    assert any(COURSES[slug]["form"] == "online" for slug, _ in expected(region="midtjylland"))
    # A filtered list whose order is not the catalogue's: the cards are sorted by the sessions they show
    catalogue = expected_catalogue_order()
    assert any([slug for slug, _ in expected(**choice)] != sorted((slug for slug, _ in expected(**choice)),
                                                                   key=catalogue.index) for choice in CHOICES)
    # A span of months holds more than either of its ends
    assert len(expected(fra="2027-03", til="2027-05")) > len(expected(fra="2027-03", til="2027-03"))


def test_filters_have_exact_visible_labels(browser: Any, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "kurser/")
    open_filters(page)
    for label, name in LABELS.items():
        control = page.get_by_label(label, exact=True)
        assert control.evaluate("e => e.tagName") == "SELECT"
        assert control.get_attribute("name") == name
        assert page.locator(f"label[for='{control.get_attribute('id')}']").is_visible()
    # The span's two ends are one group, named "Måned"
    assert page.get_by_role("group", name="Måned").locator("select").evaluate_all(
        "ss => ss.map(s => s.name)") == ["fra", "til"]
    page.close()


@pytest.mark.parametrize("choice", CHOICES, ids=IDS)
def test_choosing_filters_shows_the_courses_with_one_fitting_session_sorted_by_it(
        browser: Any, base_url: str, choice: dict[str, str]) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + "kurser/")
    choose(page, choice)
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


@pytest.mark.parametrize("choice", CHOICES[:4], ids=IDS[:4])
def test_a_filtered_address_shows_the_same_on_a_phone(browser: Any, base_url: str, choice: dict[str, str]) -> None:
    """A filtered view can be shared: the address alone gives the same list, and the choices in the form."""
    page = browser.new_page(viewport=PHONE)
    page.goto(base_url + "kurser/?" + query(choice))
    assert_shows(page, expected(**choice))
    chosen = len({"maaned" if k in ("fra", "til") else k for k in choice})  # a span of months is one choice
    assert page.get_by_text("Filtrér kurser").inner_text() == f"Filtrér kurser ({chosen} valgt)"
    open_filters(page)
    for name, value in choice.items():
        assert page.get_by_label(LABEL_OF[name], exact=True).input_value() == value
    page.close()


def test_maaned_in_an_address_means_that_one_month(browser: Any, base_url: str) -> None:
    """FORMAT.md §4: maaned=X means fra=X&til=X; a change writes the span, and maaned leaves the address."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + "kurser/?region=sjaelland&maaned=2027-03")
    assert_shows(page, expected(region="sjaelland", fra="2027-03", til="2027-03"))
    assert page.get_by_label("Fra", exact=True).input_value() == "2027-03"
    assert page.get_by_label("Til og med", exact=True).input_value() == "2027-03"
    page.get_by_label("Til og med", exact=True).select_option("2027-05")
    assert dict(parse_qsl(urlsplit(page.url).query)) == {"region": "sjaelland", "fra": "2027-03", "til": "2027-05"}
    assert_shows(page, expected(region="sjaelland", fra="2027-03", til="2027-05"))
    page.close()


def test_a_span_chosen_the_wrong_way_round_becomes_the_month_just_chosen(browser: Any, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + "kurser/?til=2027-03")
    page.get_by_label("Fra", exact=True).select_option("2027-05")
    assert page.get_by_label("Til og med", exact=True).input_value() == "2027-05"
    page.get_by_label("Til og med", exact=True).select_option("2027-04")
    assert page.get_by_label("Fra", exact=True).input_value() == "2027-04"
    assert dict(parse_qsl(urlsplit(page.url).query)) == {"fra": "2027-04", "til": "2027-04"}
    assert_shows(page, expected(fra="2027-04", til="2027-04"))
    page.close()


def test_on_a_phone_the_results_come_first_and_filtrer_opens_the_filters(browser: Any, base_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(base_url + "kurser/")
    status = page.get_by_role("status")
    assert status.inner_text() == f"{len(COURSES)} kurser"
    first_card = page.locator(".kursus-liste > li.kursus-kort").first
    for element in (status, first_card.locator("h2")):
        box = element.bounding_box()
        assert box and box["y"] + box["height"] <= PHONE["height"], "the count and the first course are on screen"
    region = page.get_by_label("Region", exact=True)
    assert not region.is_visible()
    toggle = page.get_by_text("Filtrér kurser")
    assert toggle.bounding_box()["height"] >= 44
    toggle.click()
    region.select_option("midtjylland")
    assert_shows(page, expected(region="midtjylland"))
    page.close()


def test_on_a_phone_vis_n_kurser_stays_in_sight_and_shows_the_list(browser: Any, base_url: str) -> None:
    """Issue 29: with the filters open the count is out of sight; "Vis N kurser" stays at the screen's foot and
    closes them."""
    page = browser.new_page(viewport=PHONE)
    page.goto(base_url + "kurser/")
    page.get_by_text("Filtrér kurser").click()
    choose(page, {"emne": "oekonomi", "region": "midtjylland"})
    wanted = expected(emne="oekonomi", region="midtjylland")
    button = page.get_by_role("button", name=f"Vis {len(wanted)} kurser", exact=True)
    form = page.locator("#kursusfilter").bounding_box()
    assert form["y"] + form["height"] > PHONE["height"], "the open filters reach below the screen (or this is moot)"
    box = button.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], "the button is on the screen"
    assert box["height"] >= 44 and box["width"] >= 44
    assert not page.get_by_role("status").is_visible() or page.get_by_role("status").bounding_box()["y"] > PHONE[
        "height"], "the count is below the screen while the filters are open"
    button.click()
    assert page.locator("#kursusfilter-boks").evaluate("d => d.open") is False
    assert page.evaluate("document.activeElement.textContent") == "Filtrér kurser (2 valgt)"
    for element in (page.get_by_role("status"), page.locator(".kursus-liste > li.kursus-kort:visible h2").first):
        box = element.bounding_box()
        assert box and 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], "count and first course in sight"
    assert page.get_by_role("status").inner_text() == f"{len(wanted)} kurser passer til dit valg"
    assert_shows(page, wanted)
    # One course: "Vis 1 kursus"
    page.get_by_text("Filtrér kurser").click()
    page.get_by_role("button", name="Nulstil valg").click()
    choose(page, next(c for c in CHOICES if len(expected(**c)) == 1))
    assert page.locator("#kursusfilter-vis").inner_text() == "Vis 1 kursus"
    page.close()


def test_on_a_wide_screen_the_filters_have_no_vis_button(browser: Any, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + "kurser/")
    assert page.get_by_label("Region", exact=True).is_visible()
    assert not page.locator("#kursusfilter-vis").is_visible()
    assert page.get_by_role("button", name="Nulstil valg").is_visible()
    page.close()


def test_nulstil_clears_the_choices_and_the_address_and_nothing_else_does(browser: Any, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + "kurser/?emne=husorden&region=hovedstaden&fra=2027-03")
    wanted = expected(emne="husorden", region="hovedstaden", fra="2027-03")
    assert_shows(page, wanted)
    # no reset or submit button that clears or reloads by surprise
    assert page.locator("#kursusfilter button").evaluate_all("bs => bs.map(b => [b.type, b.textContent])") == [
        ["button", "Nulstil valg"], ["button", f"Vis {len(wanted)} kurser"]]
    page.get_by_role("button", name="Nulstil valg").click()
    page.wait_for_function("() => !window.location.search")
    assert_shows(page, expected())
    assert page.get_by_role("status").inner_text() == f"{len(COURSES)} kurser"
    page.close()


def test_filters_work_with_the_keyboard(browser: Any, base_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(base_url + "kurser/")
    page.get_by_text("Filtrér kurser").focus()
    page.keyboard.press("Enter")  # opens the filters
    page.get_by_label("Form", exact=True).focus()
    page.keyboard.press("ArrowDown")  # the first choice after "Alle former"
    first_form = page.get_by_label("Form", exact=True).input_value()
    assert first_form
    assert_shows(page, expected(form=first_form))
    page.close()


def test_month_choices_are_the_months_from_the_first_session_to_the_last(browser: Any, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "kurser/")
    held = sorted({month for c in COURSES.values() for s in shown_sessions(c) for month in session_months(s)})
    months = []
    year, month = map(int, held[0].split("-"))
    while f"{year:04d}-{month:02d}" <= held[-1]:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    assert set(held) < set(months), "a month without a session lies between (or this is moot)"
    for label in ("Fra", "Til og med"):
        values = page.get_by_label(label, exact=True).locator("option").evaluate_all("o => o.map(x => x.value)")
        assert values == [""] + months
    page.close()


# ---- Without JavaScript -------------------------------------------------------------------------------------------

def test_without_javascript_the_catalogue_is_the_full_list_and_says_what_works(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + "kurser/?emne=oekonomi&region=midtjylland")
    assert not page.get_by_text("Filtrér kurser").is_visible()
    assert not page.get_by_label("Emne", exact=True).is_visible()
    assert_shows(page, expected())  # every course, each with its next session
    intro = page.locator(".kursus-intro")
    assert intro.inner_text() == "Alle vores kurser, med det næste hold øverst."  # no controls offered
    assert "Vælg emne" not in page.locator("article").inner_text()
    # It says which filters it cannot apply, on the first screen, and leads to what works
    note = page.locator(".uden-js")  # (Playwright's text search does not look inside <noscript>)
    assert note.inner_text().startswith("Uden JavaScript kan listen ikke filtreres")
    assert note.is_visible() and note.bounding_box()["y"] < PHONE["height"]
    for words in ("et emne", "et niveau", "en form", "en region", "en måned"):
        assert words in note.inner_text()
    note.get_by_role("link", name="Midtjylland").click()
    # Until the new page has loaded: page.url changes when the navigation starts, and the cards read then were none
    page.wait_for_url("**/kurser/region/midtjylland/", wait_until="load")
    assert_shows(page, expected(region="midtjylland"))
    context.close()


def test_with_javascript_the_catalogue_offers_its_filters_and_not_the_note(browser: Any, base_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(base_url + "kurser/")
    assert page.locator(".kursus-intro").inner_text().endswith(
        "Vælg emne, niveau, form, region eller måned for at finde et hold, der passer dig.")
    assert page.locator(".uden-js").count() == 0  # <noscript> holds text only, when scripts run
    page.close()


@pytest.mark.parametrize("scripts", [False, True], ids=["uden-js", "med-js"])
def test_the_header_search_leads_to_the_topics_and_regions_without_javascript(
        browser: Any, base_url: str, scripts: bool) -> None:
    context = browser.new_context(java_script_enabled=scripts, viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + "kurser/det-gode-bestyrelsesmoede/")
    page.locator(".kursus-soeg__knap").click()
    page.wait_for_url("**/soeg/**")
    article = page.locator("article")
    region_link = article.get_by_role("link", name="Nordjylland", exact=False)
    topic_link = article.get_by_role("link", name="Økonomi", exact=True)
    if scripts:
        assert not region_link.is_visible() and not topic_link.is_visible()
        assert page.get_by_role("searchbox").first.is_visible()
    else:
        assert article.locator("p:visible").first.inner_text() == "Find et kursus i din region eller efter emne."
        assert region_link.is_visible() and topic_link.is_visible()
        assert not page.locator("#kursus-soeg-felt").is_visible()  # nothing to type into that nothing would read
        topic_link.click()
        assert urlsplit(page.url).path.endswith("/emner/oekonomi/")
    context.close()


def test_on_a_wide_screen_without_javascript_the_header_has_no_field_to_type_in(browser: Any, base_url: str) -> None:
    for scripts in (True, False):
        context = browser.new_context(java_script_enabled=scripts, viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(base_url)
        assert page.locator("#kursus-soeg-felt").is_visible() is scripts
        assert page.locator(".kursus-soeg__knap").is_visible()
        context.close()


# ---- The regions' pages (FORMAT.md §4) ---------------------------------------------------------------------------

# After the first day of a session held over several meetings (FORMAT.md §1): " (første af 3 aftener)"
FIRST_OF_SEVERAL = r"( \(første af \d+ (aftener|dage|mødegange)\))"


@pytest.mark.parametrize("region", REGIONS)
def test_a_region_page_lists_the_courses_with_a_session_there_each_showing_it(sample_site: Path, region: str) -> None:
    main = content(page(sample_site, f"kurser/region/{region}"))
    name = TAXONOMY["regioner"][region]["navn"]
    assert text_of(main.find("h1")) == f"Kurser i Region {name}"
    wanted = expected(region=region)
    cards = card_sessions(main)
    assert list(cards) == [slug for slug, _ in wanted]
    for slug, start in wanted:
        assert re.match(rf"Næste hold: {re.escape(start)}{FIRST_OF_SEVERAL}?,", cards[slug]), cards[slug]
    assert text_of(main.select_one(".antal")) == f"{len(wanted)} kurser"
    # The sessions shown are the region's own, and online or nationwide ones
    firsts = [shown_sessions(COURSES[slug], lambda s, c=COURSES[slug]: fits(c, s, region=region))[0]
              for slug, _ in wanted]
    assert any(s.get("region") == region for s in firsts)
    assert any(s.get("region", NATIONWIDE) == NATIONWIDE for s in firsts)
    # The other regions are one tap away; this one is marked as the page one is on
    links = {a["href"]: a for a in main.select(".region-knapper a")}
    assert set(links) == {"./" if r == region else f"../{r}/" for r in REGIONS}
    assert links["./"].get("aria-current") == "page"


def test_the_region_pages_hold_the_case_of_issue_29(sample_site: Path) -> None:
    """A Midtjylland reader of the budget course is offered the online session, never Valby."""
    cards = card_sessions(content(page(sample_site, "kurser/region/midtjylland")))
    line = cards["grundlaeggende-budget-og-regnskab"]
    assert "Online" in line and "Valby" not in line


def test_the_region_pages_are_linked_from_the_catalogue_and_the_front_page_and_in_the_sitemap(
        sample_site: Path) -> None:
    for url, prefix in (("kurser", "region/"), ("", "kurser/region/")):
        main = content(page(sample_site, url))
        hrefs = [a["href"] for a in main.select(".region-knapper a")]
        assert hrefs[:len(REGIONS)] == [f"{prefix}{r}/" for r in REGIONS], url
    sitemap = (sample_site / "sitemap.xml").read_text(encoding="utf-8")
    for region in REGIONS:
        assert f"/kurser/region/{region}/</loc>" in sitemap
    assert not (sample_site / "kurser" / "region" / NATIONWIDE).exists()  # not where anyone lives


@pytest.mark.parametrize("scripts", [False, True], ids=["uden-js", "med-js"])
def test_a_region_page_is_the_same_with_or_without_javascript(browser: Any, base_url: str, scripts: bool) -> None:
    context = browser.new_context(java_script_enabled=scripts, viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + "kurser/region/syddanmark/")
    assert_shows(page, expected(region="syddanmark"))
    context.close()


def test_a_region_is_no_course_name(project: Path) -> None:
    """A course file named like the regions' folder would take its address."""
    (project / "courses" / "region.yml").write_text(
        (project / "courses" / "budgetopfoelgning.yml").read_text(encoding="utf-8"), encoding="utf-8")
    result = run_build(project, "check", "--dato", "2027-01-15")
    assert result.returncode == 1
    assert result.errors == ["courses/region.yml:1:1: fejl: filnavnet 'region.yml' er optaget af en side, som "
                             "hjemmesiden selv laver; giv kurset et andet navn"], result.stdout


def test_a_card_shows_a_full_session_only_when_none_has_seats_and_then_its_waiting_list(project: Path) -> None:
    """Issue 29, point 4: a full session leads a card only when no session of the course has seats."""
    course = project / "courses" / "det-gode-bestyrelsesmoede.yml"
    text = course.read_text(encoding="utf-8")
    assert text.count("    pladser: 20\n") == 3 and text.count("status: fuldt") == 1
    course.write_text(text.replace("    tilmelding: mailto:kursus@example.dk\n    pladser: 20\n",
                                   "    tilmelding: mailto:kursus@example.dk\n    status: fuldt\n    pladser: 20\n"),
                      encoding="utf-8")
    result = run_build(project, "build", "--dato", "2027-01-15")
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    for url in ("kurser", "emner/bestyrelsesarbejde", "ny-i-bestyrelsen", "kurser/region/hovedstaden"):
        line = card_sessions(content(page(site, url)))["det-gode-bestyrelsesmoede"]
        assert line == "Næste hold: lørdag 6. marts 2027, Valby · Fuldt booket – skriv dig på venteliste", url
    # In Nordjylland the region's own full session, not the earlier one in Valby
    line = card_sessions(content(page(site, "kurser/region/nordjylland")))["det-gode-bestyrelsesmoede"]
    assert line.startswith("Næste hold: lørdag 12. juni 2027, Hjørring · Fuldt booket")
    # The course page's first box is the same session, with its waiting list
    box = content(page(site, "kurser/det-gode-bestyrelsesmoede")).select_one("section.naeste-hold")
    assert "6. marts 2027" in text_of(box)
    assert text_of(box.select_one("a.knap--primaer")).startswith("Skriv dig på venteliste")
