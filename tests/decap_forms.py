"""An editor's steps in Decap CMS's forms (/admin/), for the browser test and the guide's screenshots.

Selectors are Decap's own: each input's id starts with its key (`titel-field-3`); select fields are
react-select boxes that take typed text and offer options; date pickers take `YYYY-MM-DDTHH:MM`.
"""

from __future__ import annotations

from typing import Any


def field(page: Any, name: str, index: int = 0) -> Any:
    """The ``index``-th input of the key ``name`` on the form (a session's `form` after the course's)."""
    return page.locator(f"input[id^='{name}-field-']").nth(index)


def choose(page: Any, box: Any, label: str) -> None:
    """Pick the option shown as ``label`` in one of Decap's select fields, as a mouse would."""
    box.click()
    box.fill(label)
    page.get_by_role("option", name=label, exact=True).click()


def type_into(page: Any, box: Any, text: str) -> None:
    """Replace what ``box`` holds by ``text`` typed key by key, as an editor types (not pasted in one go)."""
    box.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type(text, delay=20)
    page.keyboard.press("Tab")


def control(page: Any, name: str, index: int = 0) -> Any:
    """The whole control of a field around its input: label, errors, input and hint."""
    return page.locator(f"[id^='{name}-field-']").nth(index).locator(
        "xpath=ancestor::div[contains(@class, 'ControlContainer')][1]")


def try_to_publish(page: Any) -> None:
    """Ask to save on this machine (`build.py cms`: no review step), whether or not the form lets it."""
    page.get_by_role("button", name="Publicer").click()
    page.get_by_role("menuitem", name="Publicer nu").click()


def publish(page: Any) -> None:
    """Save on this machine and wait until the form says it is saved."""
    try_to_publish(page)
    page.get_by_text("Dokumentet er gemt").wait_for()


def fill_course(page: Any, title: str, intro: str, text: str, topic: str) -> None:
    """On the form of a new course: every key a course must have, held physically, for free."""
    field(page, "titel").fill(title)
    field(page, "intro").fill(intro)
    page.locator("[data-slate-editor='true']").first.click()
    page.keyboard.type(text)
    for name, label in [("emner", topic), ("niveau", "Ny i bestyrelsen"), ("form", "Fremmøde"),
                        ("målgruppe", "Afdelingsbestyrelsen")]:
        choose(page, field(page, name), label)
    field(page, "pris").fill("0")


def fill_venue_and_sign_up(page: Any, deadline: str) -> None:
    """The first session's venue in Valby, its region, its last day to sign up (`YYYY-MM-DD`) and sign-up by mail."""
    for name, value in [("navn", "Kursuscenter Valby"), ("adresse", "Eksempelvej 1"), ("postnr", "2500"),
                        ("by", "Valby")]:
        field(page, name).fill(value)
    choose(page, field(page, "region"), "Hovedstaden")
    field(page, "tilmeldingsfrist").fill(deadline)
    field(page, "tilmelding").fill("mailto:kursus@example.dk")


def fill_new_course(page: Any) -> None:
    """On the form of a new course: a course with a physical session and an online one, as FORMAT.md's
    example of a session's own form."""
    fill_course(page, "Referatskrivning for begyndere", "Lær at skrive et kort og klart referat af bestyrelsens "
                "møder.", "Vi øver referater på rigtige eksempler fra afdelingerne.", "Kommunikation")

    page.get_by_role("button", name="Tilføj hold").click()
    field(page, "start").fill("2027-04-08T17:00")
    field(page, "slut").fill("2027-04-08T20:00")
    fill_venue_and_sign_up(page, "2027-03-25")

    page.get_by_role("button", name="Tilføj hold").click()
    field(page, "start", 1).fill("2027-05-06T19:00")
    field(page, "slut", 1).fill("2027-05-06T21:00")
    choose(page, field(page, "form", 2), "Online")  # the second session's own form (0 is the course's)
    field(page, "tilmeldingsfrist", 1).fill("2027-04-29")
    field(page, "tilmelding", 1).fill("https://tilmelding.example.dk/referat")


def add_meetings(page: Any, meetings: list[tuple[str, str]], session_index: int = 0) -> None:
    """Add to the ``session_index``-th session (of a course whose sessions have no meetings before it) one meeting
    for each (start, slut) given as `YYYY-MM-DDTHH:MM`, as an editor clicks 'Tilføj mødegang' and fills it."""
    for number, (start, end) in enumerate(meetings):
        page.get_by_role("button", name="Tilføj mødegang").nth(session_index).click()
        # One start a session before it, then the session's own, then each of its meetings', in the form's order.
        field(page, "start", session_index + number + 1).fill(start)
        field(page, "slut", session_index + number + 1).fill(end)


def pick_page(page: Any, box: Any, typed: str, title: str) -> None:
    """In a picker of the toolkit's pages, type part of a title and pick the page shown as ``title``."""
    box.click()
    box.fill(typed)
    page.get_by_role("option", name=title, exact=True).click()
