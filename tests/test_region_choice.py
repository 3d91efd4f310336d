"""'Hvor bor du?': a resident's region, chosen once and kept in the browser, puts the sessions that fit first.

The sample is built as the course department saw it in early January 2027 (2027-01-05, before the Valby session's
deadline), so that the course page puts Valby first and a Midtjylland reader must be offered something else: the
journey of issue 29. The pages are read as built (parsed HTML) and used in Debian's Chromium at 375 × 812.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import built_sample, run_build, served

from catalogue.geography import region_of_postal_code

EARLY = "2027-01-05"
PHONE = {"width": 375, "height": 812}
BUDGET = "kurser/grundlaeggende-budget-og-regnskab/"
NEWCOMER = "forloeb/ny-i-afdelingsbestyrelsen/"
STORAGE_KEY = "kurser.region"
# The budget course's sessions (courses/grundlaeggende-budget-og-regnskab.yml): Valby 6 February (Hovedstaden,
# open until 8 January), online 16 March, Odense 29 May (Syddanmark), Horsens 25 September (Midtjylland).
VALBY, ONLINE, ODENSE, HORSENS = "hold-2027-02-06", "hold-2027-03-16", "hold-2027-05-29", "hold-2027-09-25"


@pytest.fixture(scope="module")
def early_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_sample(tmp_path_factory.mktemp("tidlig"), EARLY)


@pytest.fixture(scope="module")
def early_url(early_site: Path) -> Iterator[str]:
    with served(early_site) as url:
        yield url


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A fresh phone: nothing kept from another test."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert errors == []
    context.close()


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def shown_session(page: Any) -> Any:
    """The session the course page's first box shows (the others in it are there, invisible)."""
    return page.locator("section.naeste-hold .hold-valg__hold:not([hidden])")


def signup_subject(page: Any) -> str:
    """The subject of the mail the one visible primary "Tilmeld dig" writes: by a link, or, where sign-up is by
    mail, by the form it opens (tests/test_mail_signup.py), whose mail's subject is the no-script link's too."""
    buttons = page.locator("a.knap--primaer:visible, summary.knap--primaer:visible")
    assert buttons.count() == 1
    button = buttons.first
    if button.evaluate("e => e.tagName") == "SUMMARY":
        return button.locator("xpath=..").locator("form").get_attribute("data-emne")
    return parse_qs(urlsplit(button.get_attribute("href")).query)["subject"][0]


def choose_region(page: Any, name: str) -> None:
    page.locator(".hvor-bor-du__aabn").click()
    page.get_by_role("button", name=name, exact=True).click()


# ---- What the build writes -------------------------------------------------------------------------------------

def test_the_course_page_holds_every_session_with_what_the_script_needs(early_site: Path) -> None:
    box = soup(early_site, BUDGET).select_one("section.naeste-hold")
    sessions = box.select(".hold-valg > .hold-valg__hold")
    assert [s["id"] for s in sessions] == [VALBY, ONLINE, ODENSE, HORSENS]
    assert [s.get("data-regioner") for s in sessions] == [
        "hovedstaden", "hovedstaden sjaelland syddanmark midtjylland nordjylland hele-landet", "syddanmark",
        "midtjylland"]
    assert [s.has_attr("data-aaben") for s in sessions] == [True, True, True, True]
    # as built: Valby first, the others hidden and not searched twice
    assert [s.has_attr("hidden") for s in sessions] == [False, True, True, True]
    assert [s.get("data-pagefind-ignore") for s in sessions] == [None, "all", "all", "all"]
    assert "hold-valg__hold--standard" in sessions[0]["class"]
    # the list below has every session, the first box's hidden
    listed = soup(early_site, BUDGET).select("ul.hold-liste > li.hold")
    assert [(item["data-hold"], item.has_attr("hidden")) for item in listed] == [
        (VALBY, True), (ONLINE, False), (ODENSE, False), (HORSENS, False)]


def test_a_session_closed_for_sign_up_is_not_open(sample_site: Path) -> None:
    """On 15 January the Valby session's deadline has passed: it is there for a link to name, but not open."""
    sessions = soup(sample_site, BUDGET).select("section.naeste-hold .hold-valg__hold")
    assert [(s["id"], s.has_attr("data-aaben"), s.has_attr("hidden")) for s in sessions] == [
        (VALBY, False, True), (ONLINE, True, False), (ODENSE, True, True), (HORSENS, True, True)]


def test_cards_name_their_sessions(early_site: Path) -> None:
    card = next(c for c in soup(early_site, "kurser/").select("li.kursus-kort")
                if c.select_one(".kursus-kort__titel a").get_text() == "Grundlæggende budget og regnskab")
    assert [s["data-hold"] for s in card.select(".kursus-kort__hold")] == [VALBY, ONLINE, ODENSE, HORSENS]


def test_the_chooser_is_on_the_catalogue_the_course_pages_and_the_paths(early_site: Path) -> None:
    for url in ["kurser/", BUDGET, NEWCOMER]:
        chooser = soup(early_site, url).select("div.hvor-bor-du")
        assert len(chooser) == 1, url
        regions = [(b["data-region"], b.get_text()) for b in chooser[0].select("button.hvor-bor-du__region")]
        assert regions == [("hovedstaden", "Hovedstaden"), ("sjaelland", "Sjælland"), ("syddanmark", "Syddanmark"),
                           ("midtjylland", "Midtjylland"), ("nordjylland", "Nordjylland")]
        assert soup(early_site, url).find("script", src=lambda s: s and s.endswith("assets/hvorbordu.js"))


def test_the_practical_page_says_where_the_choice_is_kept(sample_site: Path) -> None:
    section = soup(sample_site, "praktisk/").find(id="dit-omrade")
    text = " ".join(p.get_text(" ") for p in section.find_next_siblings("p", limit=2))
    assert "gemt i din browser på denne enhed" in text
    assert "ikke om lov til cookies" in text
    assert "Glem mit område" in text


# ---- The journeys, in Chromium on a phone -----------------------------------------------------------------------

def test_without_a_choice_the_page_is_as_built(phone: Any, early_url: str) -> None:
    phone.goto(early_url + BUDGET)
    assert shown_session(phone).get_attribute("id") == VALBY
    assert signup_subject(phone).endswith("lørdag 6. februar 2027 kl. 09.30")
    assert phone.locator(".hvor-bor-du__aabn").inner_text() == "Hvor bor du? Vælg dit område"


def test_a_midtjylland_reader_is_offered_online_or_horsens_never_valby(phone: Any, early_url: str) -> None:
    phone.goto(early_url + BUDGET)
    choose_region(phone, "Midtjylland")
    assert shown_session(phone).get_attribute("id") == ONLINE
    assert signup_subject(phone) == "Tilmelding: Grundlæggende budget og regnskab, tirsdag 16. marts 2027 kl. 18.00"
    assert phone.locator(".hvor-bor-du__aabn").inner_text() == "Dit område: Midtjylland · skift"
    # Valby is now among the others below, and the online session is not listed twice
    listed = phone.locator("ul.hold-liste > li.hold:visible .hold__tid")
    assert listed.all_inner_texts() == ["Lørdag 6. februar 2027 kl. 09.30–15.30", "Lørdag 29. maj 2027 kl. 09.30–15.30",
                                        "Lørdag 25. september 2027 kl. 09.30–15.30"]
    # remembered on the device: another visit, and another course
    assert phone.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == "midtjylland"
    phone.goto(early_url + BUDGET)
    assert shown_session(phone).get_attribute("id") == ONLINE
    phone.goto(early_url + "kurser/introduktion-til-bestyrelsesarbejdet/")
    assert "Silkeborg" in shown_session(phone).inner_text()


def test_a_region_with_only_its_own_session_gets_that_one(phone: Any, early_url: str) -> None:
    """Syddanmark: online comes first in time (it fits every region); without it Odense would be the answer."""
    phone.goto(early_url + BUDGET)
    choose_region(phone, "Syddanmark")
    assert shown_session(phone).get_attribute("id") == ONLINE
    phone.goto(early_url + "kurser/det-gode-bestyrelsesmoede/")
    choose_region(phone, "Sjælland")  # Valby full, Hjørring open, Næstved open
    assert "Næstved" in shown_session(phone).inner_text()
    assert signup_subject(phone).endswith("lørdag 6. november 2027 kl. 09.30")


def test_no_session_near_says_so_and_keeps_the_next_one(phone: Any, early_url: str) -> None:
    phone.goto(early_url + "kurser/det-gode-bestyrelsesmoede/")
    choose_region(phone, "Midtjylland")
    assert "Hjørring" in shown_session(phone).inner_text()
    assert phone.locator(".hvor-bor-du__aabn").inner_text() == "Intet hold i Midtjylland lige nu · skift"
    assert "Der er intet hold i Midtjylland" in phone.locator(".hvor-bor-du__besked").inner_text()


def test_from_the_filtered_catalogue_the_card_leads_to_the_session_it_showed(phone: Any, early_url: str) -> None:
    phone.goto(early_url + "kurser/?region=midtjylland&emne=oekonomi")
    card = phone.locator("li.kursus-kort:visible").filter(has_text="Grundlæggende budget og regnskab")
    assert "16. marts" in card.locator(".kursus-kort__hold:visible").inner_text()
    link = card.get_by_role("link", name="Grundlæggende budget og regnskab")
    assert link.get_attribute("href").endswith("#" + ONLINE)
    link.click()
    phone.wait_for_url("**/" + BUDGET + "#" + ONLINE)
    assert shown_session(phone).get_attribute("id") == ONLINE
    assert signup_subject(phone).endswith("tirsdag 16. marts 2027 kl. 18.00")
    assert phone.evaluate("window.scrollY") == 0  # the page opens at its top, title and box in view
    # nothing was chosen: the link chose the session, the device keeps no region
    assert phone.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None


def test_a_shared_link_to_a_session_puts_it_first(phone: Any, early_url: str) -> None:
    phone.goto(early_url + BUDGET + "#" + HORSENS)
    assert shown_session(phone).get_attribute("id") == HORSENS
    assert signup_subject(phone).endswith("lørdag 25. september 2027 kl. 09.30")
    # the link wins over the region kept …
    phone.evaluate(f"localStorage.setItem('{STORAGE_KEY}', 'syddanmark')")
    phone.reload()
    assert shown_session(phone).get_attribute("id") == HORSENS
    # … until the resident chooses again
    choose_region(phone, "Hovedstaden")
    assert shown_session(phone).get_attribute("id") == VALBY
    assert urlsplit(phone.url).fragment == ""


def test_without_javascript_a_shared_link_still_names_the_session(browser: Any, early_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(early_url + BUDGET)
    assert page.locator(".hvor-bor-du").is_hidden()
    assert page.locator("section.naeste-hold .hold-valg__hold:visible").get_attribute("id") == VALBY
    page.goto(early_url + BUDGET + "#" + HORSENS)
    assert page.locator("section.naeste-hold .hold-valg__hold:visible").get_attribute("id") == HORSENS
    # and Valby is then listed with the others
    assert "Lørdag 6. februar" in " ".join(page.locator("ul.hold-liste > li.hold:visible").all_inner_texts())
    context.close()


def test_choosing_on_the_catalogue_filters_it(phone: Any, early_url: str) -> None:
    phone.goto(early_url + "kurser/")
    choose_region(phone, "Midtjylland")
    assert phone.locator("#filter-region").input_value() == "midtjylland"
    assert "region=midtjylland" in phone.url
    card = phone.locator("li.kursus-kort:visible").filter(has_text="Grundlæggende budget og regnskab")
    assert card.get_by_role("link").first.get_attribute("href").endswith("#" + ONLINE)
    # with the region filter reset, cards lead to the course page as it is (the region kept decides there)
    phone.locator("#kursusfilter-boks > summary").click()  # on a phone the filters are folded
    phone.get_by_role("button", name="Nulstil valg").click()
    assert card.get_by_role("link").first.get_attribute("href").endswith(BUDGET)


def test_the_newcomer_path_shows_a_midtjylland_reader_the_fitting_sessions(phone: Any, early_url: str) -> None:
    phone.goto(early_url + NEWCOMER)
    before = phone.locator(".forloeb-trin__trin .hold-valg__hold:visible").all_inner_texts()
    assert any("Valby" in text for text in before)
    choose_region(phone, "Midtjylland")
    steps = phone.locator(".forloeb-trin__trin")
    seen = []
    for index in range(steps.count()):
        step = steps.nth(index)
        if step.locator(".hold-valg").count() == 0:
            continue
        session = step.locator(".hold-valg__hold:visible")
        fitting = step.locator(".hold-valg__hold[data-regioner]").evaluate_all(
            "all => all.some(s => s.dataset.regioner.split(' ').includes('midtjylland'))")
        if fitting:
            assert "midtjylland" in session.get_attribute("data-regioner").split()
        else:  # the next session elsewhere, saying so
            note = session.locator(".forloeb-trin__ikke-her")
            assert note.inner_text() == "Der er ikke et hold i dit område lige nu."
        seen.append(session.locator(".forloeb-trin__hold").inner_text())
    assert not any("Valby" in text for text in seen)
    assert any("Silkeborg" in text for text in seen)
    assert any("Online" in text and "tirsdag 16. og 23. marts" in text for text in seen)  # two evenings
    # each shown session's "Tilmeld dig" is its own
    for button in phone.locator(".forloeb-trin__trin .hold-valg__hold:visible a.knap--primaer").all():
        assert "Valby" not in button.inner_text()


@pytest.mark.parametrize("code", ["2669", "2670", "2690", "2700", "4050", "4051", "6880", "7130", "7171", "7172",
                                  "7300", "7330", "7700", "7790", "7900", "8700", "9632", "9633"])
def test_a_postal_code_gives_the_region_check_gives(phone: Any, early_url: str, code: str) -> None:
    phone.goto(early_url + BUDGET)
    phone.locator(".hvor-bor-du__aabn").click()
    phone.get_by_label("Eller skriv dit postnummer").fill(code)
    phone.get_by_role("button", name="Brug postnummeret").click()
    assert phone.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == region_of_postal_code(code)


@pytest.mark.parametrize(("typed", "said"), [
    ("87", "Skriv dit postnummer med fire cifre, fx 8700."),
    ("٨٧٠٠", "Skriv dit postnummer med fire cifre, fx 8700."),  # digits, but not ASCII ones (as check)
    ("3900", "Vi ved ikke, hvilken region postnummer 3900 hører til. Vælg din region ovenfor."),
    ("7270", "Vi ved ikke, hvilken region postnummer 7270 hører til. Vælg din region ovenfor."),
])
def test_a_postal_code_that_gives_no_region_is_refused_at_the_field(phone: Any, early_url: str, typed: str,
                                                                     said: str) -> None:
    phone.goto(early_url + BUDGET)
    phone.locator(".hvor-bor-du__aabn").click()
    field = phone.get_by_label("Eller skriv dit postnummer")
    field.fill(typed)
    phone.keyboard.press("Enter")
    assert field.get_attribute("aria-invalid") == "true"
    assert phone.locator("#hvor-bor-du-fejl").inner_text() == said
    assert phone.evaluate("document.activeElement.id") == "hvor-bor-du-postnr"
    assert phone.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    assert shown_session(phone).get_attribute("id") == VALBY


def test_forgetting_brings_the_page_back_as_built(phone: Any, early_url: str) -> None:
    phone.goto(early_url + BUDGET)
    choose_region(phone, "Midtjylland")
    phone.locator(".hvor-bor-du__aabn").click()
    phone.get_by_role("button", name="Glem mit område").click()
    assert phone.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    assert shown_session(phone).get_attribute("id") == VALBY
    assert phone.locator(".hvor-bor-du__aabn").inner_text() == "Hvor bor du? Vælg dit område"


def test_by_keyboard_and_screen_reader(phone: Any, early_url: str) -> None:
    phone.goto(early_url + BUDGET)
    opener = phone.get_by_role("button", name="Hvor bor du? Vælg dit område")
    for _ in range(40):
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.classList.contains('hvor-bor-du__aabn')"):
            break
    else:
        pytest.fail("the chooser is not reached with Tab")
    assert opener.get_attribute("aria-expanded") == "false"
    phone.keyboard.press("Enter")
    assert opener.get_attribute("aria-expanded") == "true"
    assert phone.evaluate("document.activeElement.dataset.region") == "hovedstaden"  # the first choice has focus
    # the choices are a list named by their question; each says whether it is chosen
    group = phone.get_by_role("list", name="Vælg din region, så står de hold, der passer dig, først.", exact=False)
    assert group.get_by_role("button").count() == 5
    phone.keyboard.press("Escape")
    assert opener.get_attribute("aria-expanded") == "false"
    assert phone.evaluate("document.activeElement.classList.contains('hvor-bor-du__aabn')")
    phone.keyboard.press("Enter")
    for _ in range(3):
        phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.textContent") == "Midtjylland"
    phone.keyboard.press("Enter")
    # focus back on the button, which now says what is chosen; the change is said in a live region
    assert phone.evaluate("document.activeElement.classList.contains('hvor-bor-du__aabn')")
    assert phone.get_by_role("button", name="Dit område: Midtjylland · skift").is_visible()
    status = phone.locator(".hvor-bor-du__besked")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text() == ("Dit område er Midtjylland. Næste hold, der passer: 2 aftener: tirsdag 16. og 23. "
                                   "marts 2027 kl. 18.00–21.00, Online – du får et link, når du er tilmeldt.")
    phone.locator(".hvor-bor-du__aabn").click()
    assert phone.get_by_role("button", name="Midtjylland", exact=True).get_attribute("aria-pressed") == "true"
    assert phone.get_by_role("button", name="Hovedstaden", exact=True).get_attribute("aria-pressed") == "false"
    # the sessions not shown are out of reach: not in the tab order, not read
    hidden_links = phone.locator("section.naeste-hold .hold-valg__hold[hidden] a")
    assert hidden_links.count() > 0
    assert all(not link.is_visible() for link in hidden_links.all())


# ---- Nothing jumps -------------------------------------------------------------------------------------------

LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
})"""


def load_shift(browser: Any, url: str, region: str | None, unstacked: bool = False) -> float:
    """The layout shift of loading ``url`` with ``region`` kept, the script arriving only after the page is first
    drawn (as on a slow line), in a phone's width but a tall window, so that every shift around the box counts.
    ``unstacked`` takes away the rule that lays the sessions on top of each other, to show that the measure sees
    the jump that rule prevents."""
    context = browser.new_context(viewport={"width": 375, "height": 2400})
    if region:
        context.add_init_script(f"localStorage.setItem('{STORAGE_KEY}', '{region}')")
    page = context.new_page()
    held: list[Any] = []
    page.route("**/assets/hvorbordu.js", lambda route: held.append(route))
    if unstacked:
        def without_stacking(route: Any) -> None:
            css = route.fetch().text() + "\n.med-js .md-typeset .hold-valg > .hold-valg__hold[hidden]{display:none}"
            route.fulfill(body=css, content_type="text/css")
        page.route("**/assets/kursus.css", without_stacking)
    page.goto(url, wait_until="commit")
    page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0")
    assert len(held) == 1 and page.evaluate("document.readyState") != "complete"
    held[0].continue_()
    page.wait_for_load_state("load")
    shift = page.evaluate(LAYOUT_SHIFT)
    context.close()
    return shift


@pytest.mark.parametrize(("path", "region"), [(BUDGET, "midtjylland"), (BUDGET + "#" + HORSENS, None),
                                              (BUDGET, None), (NEWCOMER, "midtjylland"),
                                              ("kurser/det-gode-bestyrelsesmoede/", "midtjylland")])
def test_nothing_jumps_when_the_script_chooses(browser: Any, early_url: str, path: str, region: str | None) -> None:
    assert load_shift(browser, early_url + path, region) == 0


def test_the_measure_sees_the_jump_the_stacking_prevents(browser: Any, early_url: str) -> None:
    assert load_shift(browser, early_url + BUDGET, "midtjylland", unstacked=True) > 0


def test_two_sessions_on_one_day_are_named_by_their_time_too(project: Path) -> None:
    course = project / "courses" / "budgetopfoelgning.yml"
    course.write_text(course.read_text(encoding="utf-8") + """\
  - start: 2027-10-05 10:00
    slut: 2027-10-05 14:00
    form: online
    tilmeldingsfrist: 2027-09-07
    tilmelding: https://tilmelding.example.dk/budgetopfoelgning/online
""", encoding="utf-8")
    result = run_build(project, "build", "--dato", EARLY)
    assert result.returncode == 0, result.stdout + result.stderr
    box = soup(project / "site", "kurser/budgetopfoelgning/").select("section.naeste-hold .hold-valg__hold")
    assert [s["id"] for s in box] == ["hold-2027-03-16", "hold-2027-10-05-1000", "hold-2027-10-05-1700"]
    card = next(c for c in soup(project / "site", "kurser/").select("li.kursus-kort")
                if c.select_one(".kursus-kort__titel a").get_text() == "Budgetopfølgning")
    # the card names the same sessions (in the order it prefers them: seats first, offer.in_preference)
    assert sorted(s["data-hold"] for s in card.select(".kursus-kort__hold")) == [s["id"] for s in box]
