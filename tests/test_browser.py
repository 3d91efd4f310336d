"""The built sample site in real Chromium.

No request to another host, readable on a phone, usable without JavaScript and by keyboard.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

PAGES = ["", "kurser/", "kurser/introduktion-til-bestyrelsesarbejdet/",
         "kurser/samarbejdet-mellem-bestyrelse-og-drift/", "emner/oekonomi/", "emner/", "ny-i-bestyrelsen/",
         "skraeddersyet/", "ideer/", "praktisk/", "om/", "vaerktoejskasse/", "soeg/?q=budget",
         "kurser/?emne=oekonomi&region=hovedstaden",
         "vaerktoejskasse/videoer/dirigent-paa-afdelingsmoedet/", "vaerktoejskasse/links/lov-om-almene-boliger/",
         "vaerktoejskasse/skabeloner/dagsorden-afdelingsmoede/",
         "vaerktoejskasse/vejledninger/budgettet-trin-for-trin/"]


@pytest.mark.parametrize("path", PAGES)
def test_page_requests_only_its_own_host(browser, base_url: str, path: str) -> None:
    page = browser.new_page()
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    response = page.goto(base_url + path, wait_until="networkidle")
    assert response is not None and response.ok
    assert hosts == {urlsplit(base_url).netloc}
    page.close()


@pytest.mark.parametrize("path", PAGES)
def test_no_sideways_scrolling_on_a_phone(browser, base_url: str, path: str) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(base_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.close()


def test_sign_up_works_without_javascript(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "kurser/det-gode-bestyrelsesmoede/")
    shown = page.locator(".naeste-hold .hold-valg__hold:not([hidden])")  # the session the box shows
    shown.locator("summary", has_text="Tilmeld dig").click()  # by e-mail: it opens in place
    button = page.get_by_role("link", name="Skriv tilmeldingen – Det gode bestyrelsesmøde, lørdag 12. juni 2027")
    assert button.get_attribute("href").startswith("mailto:kursus@example.dk?subject=Tilmelding")
    waiting = page.get_by_role("link", name="Skriv dig på venteliste – lørdag 6. marts 2027")  # the full session
    assert waiting.get_attribute("href").startswith("mailto:kursus@example.dk?subject=Venteliste")
    context.close()


def test_sign_up_button_is_reached_with_the_keyboard(browser, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "kurser/introduktion-til-bestyrelsesarbejdet/")
    for _ in range(60):
        page.keyboard.press("Tab")
        name = page.evaluate("document.activeElement.textContent")
        if name.startswith("Tilmeld dig"):
            break
    else:
        pytest.fail("no sign-up button reached with Tab")
    page.close()


def test_video_is_loaded_only_when_the_reader_asks(browser, base_url: str) -> None:
    own = urlsplit(base_url).netloc
    page = browser.new_page()
    hosts: list[str] = []
    page.on("request", lambda request: hosts.append(urlsplit(request.url).netloc))
    # Nothing may leave this machine: requests to other hosts are recorded, then refused.
    page.route("**/*", lambda route: route.continue_() if urlsplit(route.request.url).netloc == own
               else route.abort())
    page.goto(base_url + "vaerktoejskasse/videoer/dirigent-paa-afdelingsmoedet/", wait_until="networkidle")
    assert set(hosts) == {own}
    assert page.locator("iframe").count() == 0
    page.get_by_role("button", name="Afspil videoen her").click()
    frame = page.locator("iframe")
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")
    assert frame.get_attribute("title") == "Video: Dirigent på afdelingsmødet"
    page.wait_for_timeout(200)
    assert set(hosts) - {own} == {"www.youtube-nocookie.com"}
    page.close()


def test_video_without_javascript_offers_a_link(browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "vaerktoejskasse/videoer/dirigent-paa-afdelingsmoedet/")
    assert not page.get_by_role("button", name="Afspil videoen her").is_visible()
    link = page.get_by_role("link", name="Se videoen på YouTube")
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=Xk3vB7pQm2A"
    context.close()


def test_searching_and_filtering_request_nothing_from_other_hosts(browser, base_url: str) -> None:
    own = urlsplit(base_url).netloc
    page = browser.new_page()
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(base_url)
    page.get_by_role("searchbox", name="Søg på sitet").fill("afdelingsmøde")
    page.keyboard.press("Enter")
    page.wait_for_selector(".soeg-resultat__link")
    page.locator(".soeg-resultat__link").first.click()
    page.wait_for_load_state("networkidle")
    page.goto(base_url + "kurser/")
    page.get_by_label("Emne", exact=True).select_option("oekonomi")
    page.get_by_label("Region", exact=True).select_option("midtjylland")
    page.wait_for_load_state("networkidle")
    assert hosts == {own}
    page.close()


def test_search_works_with_the_keyboard(browser, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "soeg/")
    page.keyboard.type("dirigent")
    page.wait_for_selector(".soeg-resultat__link")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('soeg-resultat__link')"):
            break
    else:
        pytest.fail("no search result reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/soeg/" not in url)
    assert "dirigent" in page.locator("h1").inner_text().lower()
    page.close()
