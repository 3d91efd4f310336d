"""Editing in the browser: Decap CMS's forms at /admin/ against a working copy, in Debian's Chromium.

`build.py cms` runs here as an editor runs it (`make cms`): the live preview with the forms, and Decap's local
proxy (npm's decap-server) writing into the project. Through the forms, as an editor would click and type: a new
course with a physical and an online session, a price typed as a Dane writes it, a session held somewhere
without its venue, a session over three evenings, a session without its times, a session cancelled, a Word file
attached to a template. Each saved file must pass `check`
and build into the page a resident sees; what the form refuses is refused at the field, in Danish, and not
saved; nothing may leave the machine.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from datetime import date
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REFERENCE_DATE, REPO, copy_project, run_build
from decap_forms import (
    add_meetings,
    choose,
    control,
    field,
    fill_course,
    fill_new_course,
    fill_venue_and_sign_up,
    pick_page,
    publish,
    try_to_publish,
    type_into,
)
from playwright.sync_api import expect
from test_editor_workflow import fetch, free_port, wait_for

sys.path.insert(0, str(REPO))
from catalogue.cms import LOCAL_PROXY_PORT, toolkit_collection  # noqa: E402
from catalogue.models import Session  # noqa: E402
from catalogue.search import is_indexed  # noqa: E402
from catalogue.toolkit import split_front_matter  # noqa: E402

SLUG = "referatskrivning-for-begyndere"
# What the check after the sessions says when every session is right (cms/felter.js, tjek-af-holdene).
ALL_RIGHT = ["Alle hold har start og slut eller mindst to mødegange.",
             "Alle hold, der ikke er online, har sted og region."]
TEMPLATE = "content/vaerktoejskasse/skabeloner/referat-bestyrelsesmoede.md"
COURSE = "courses/budgetopfoelgning.yml"


@pytest.fixture(scope="module")
def editing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A project copy with `build.py cms` running on it: (the project, the address of its forms)."""
    if not (REPO / "node_modules" / "decap-server").is_dir():
        pytest.fail("decap-server is not installed: run 'make test', which installs it from package-lock.json")
    root = copy_project(tmp_path_factory.mktemp("cms") / "projekt")
    (root / "node_modules").symlink_to(REPO / "node_modules")
    port = free_port()
    log = root.parent / "cms.log"
    with log.open("w") as output:
        server = subprocess.Popen([sys.executable, "build.py", "cms", "--port", str(port), "--dato", REFERENCE_DATE],
                                  cwd=root, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        site = f"http://127.0.0.1:{port}/"
        wait_for(lambda: fetch(site + "admin/config.yml")[0] == 200, seconds=90, what="the preview with /admin/")
        wait_for(lambda: fetch(f"http://127.0.0.1:{LOCAL_PROXY_PORT}/")[0] != 0, seconds=30, what="decap-server")
        yield root, site + "admin/"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=15)
    assert "Traceback" not in log.read_text(encoding="utf-8")


@pytest.fixture
def forms(editing: tuple[Path, str], browser) -> Iterator[tuple[Any, list[str]]]:
    """A logged-in page of the forms, and every address it asked for."""
    _, admin = editing
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(admin)
    page.get_by_role("button", name="Log ind").click()
    page.get_by_text("Kurser").first.wait_for()
    yield page, asked
    context.close()


def outside(asked: list[str]) -> list[str]:
    return [url for url in asked if urlsplit(url).scheme not in ("blob", "data")
            and urlsplit(url).hostname not in ("127.0.0.1", "localhost")]


def test_a_new_course_with_a_physical_and_an_online_session(editing: tuple[Path, str], forms, tmp_path: Path) -> None:
    root, admin = editing
    page, asked = forms
    page.goto(admin + "#/collections/kurser/new")
    fill_new_course(page)
    # A material picked by its title, found by a part of it; the file stores its path under content/.
    pick_page(page, field(page, "materialer"), "ny i afd", "Ny i afdelingsbestyrelsen")
    # The preview beside the form shows what a resident sees first, in Danish.
    preview = page.frame_locator("#preview-pane")
    assert preview.locator("h1").inner_text() == "Referatskrivning for begyndere"
    assert preview.locator(".hold__tid").all_inner_texts() == ["Torsdag 8. april 2027 kl. 17.00–20.00",
                                                              "Torsdag 6. maj 2027 kl. 19.00–21.00"]
    assert preview.locator(".hold__sted").all_inner_texts() == ["Kursuscenter Valby, Valby", "Online"]
    assert preview.locator(".kursus-fakta dd").inner_text() == "Gratis"  # pris 0, as the site shows it
    # Both sessions have their times; the online session needs no venue, and the physical one has it.
    expect(page.locator("[id^='tjek_af_holdene-field-'] p")).to_have_text(ALL_RIGHT)
    publish(page)

    saved = root / "courses" / f"{SLUG}.yml"
    wait_for(saved.is_file, what="the course file")
    course = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert list(course) == ["titel", "intro", "beskrivelse", "emner", "niveau", "form", "målgruppe", "pris",
                            "skræddersyet", "materialer", "hold"]
    assert course["materialer"] == ["vaerktoejskasse/vejledninger/ny-i-afdelingsbestyrelsen.md"]
    assert course["hold"] == [
        {"start": "2027-04-08 17:00", "slut": "2027-04-08 20:00",
         "sted": {"navn": "Kursuscenter Valby", "adresse": "Eksempelvej 1", "postnr": "2500", "by": "Valby"},
         "region": "hovedstaden", "tilmeldingsfrist": date(2027, 3, 25),
         "tilmelding": "mailto:kursus@example.dk"},
        {"start": "2027-05-06 19:00", "slut": "2027-05-06 21:00", "form": "online",
         "tilmeldingsfrist": date(2027, 4, 29),
         "tilmelding": "https://tilmelding.example.dk/referat"}]
    checked = run_build(root, "check", "--dato", REFERENCE_DATE)
    assert checked.returncode == 0 and checked.errors == [], checked.stdout

    built = run_build(root, "build", "--dato", REFERENCE_DATE)
    assert built.returncode == 0, built.stdout + built.stderr
    html = BeautifulSoup((root / "site" / "kurser" / SLUG / "index.html").read_text(encoding="utf-8"), "html.parser")
    def text(selector: str) -> list[str]:  # as the page shows it: the copies kept for "Hvor bor du?" are hidden
        return [re.sub(r"\s+", " ", item.get_text(" ")).strip() for item in html.select(selector)
                if item.find_parent(attrs={"hidden": True}) is None]

    # The next session first, with its sign-up button; the other one in the list below.
    assert text(".naeste-hold__tid") == ["Torsdag 8. april 2027 kl. 17.00–20.00"]
    assert text(".naeste-hold__sted") == ["Kursuscenter Valby, Eksempelvej 1, 2500 Valby"]
    assert text(".hold-liste .hold__tid") == ["Torsdag 6. maj 2027 kl. 19.00–21.00"]
    assert text(".hold-liste .hold__sted")[0].startswith("Online")
    assert [a.get_text(" ", strip=True) for a in html.select(".materialer a")] == ["Ny i afdelingsbestyrelsen"]
    assert outside(asked) == []


def errors_at(page: Any, name: str, index: int = 0) -> list[str]:
    """The messages the form shows at a field (as written: Decap shows them in capitals)."""
    return [item.text_content() for item in control(page, name, index).locator("ul li").all()]


def test_a_danish_amount_is_refused_at_the_field_and_the_number_saved_as_typed(editing: tuple[Path, str],
                                                                              forms) -> None:
    """Decap's own number widget saved "1.450" typed key by key as 150 and "kr. 1.450" as 50; every whole number
    of the forms now keeps the text typed, refuses in Danish what is not plain digits, and saves the number."""
    root, admin = editing
    page, asked = forms
    page.goto(admin + "#/collections/kurser/new")
    fill_new_course(page)
    type_into(page, field(page, "titel"), "Referatskrivning for øvede")
    saved = root / "courses" / "referatskrivning-for-ovede.yml"  # Decap's slug: ø as o
    preview = page.frame_locator("#preview-pane")
    price = field(page, "pris")
    for typed in ["1.450", "1.450 kr.", "kr. 1.450"]:
        type_into(page, price, typed)
        assert price.input_value() == typed  # the box keeps what was typed
        assert errors_at(page, "pris") == [f"Pris: '{typed}' skal skrives med cifrene 0–9 alene; skriv 1450"]
        assert preview.locator(".kursus-fakta dd").inner_text() == ("Prisen skal skrives med cifre alene – se "
                                                                     "feltet Pris")
    try_to_publish(page)
    page.wait_for_timeout(1500)
    assert not saved.exists()
    assert errors_at(page, "pris") == ["Pris: 'kr. 1.450' skal skrives med cifrene 0–9 alene; skriv 1450"]

    seats = field(page, "pladser")  # a session's whole number: the same widget, its own bounds
    type_into(page, seats, "1.000")
    assert errors_at(page, "pladser") == ["Pladser: '1.000' skal skrives med cifrene 0–9 alene; skriv 1000"]
    type_into(page, seats, "0")
    assert errors_at(page, "pladser") == ["Pladser: skal være fra 1 til 10.000"]
    type_into(page, seats, "24")
    type_into(page, price, "1450")
    assert errors_at(page, "pris") == [] and errors_at(page, "pladser") == []
    assert preview.locator(".kursus-fakta dd").inner_text() == "1.450 kr."
    assert preview.locator(".hold__fakta").first.inner_text() == "Ledige pladser · 24 pladser i alt"
    publish(page)

    wait_for(saved.is_file, what="the course file")
    text = saved.read_text(encoding="utf-8")
    assert "\npris: 1450\n" in text and "    pladser: 24\n" in text  # numbers, as FORMAT.md writes them
    course = yaml.safe_load(text)
    assert course["pris"] == 1450 and course["hold"][0]["pladser"] == 24
    assert run_build(root, "check", "--dato", REFERENCE_DATE).errors == []
    built = run_build(root, "build", "--dato", REFERENCE_DATE)
    assert built.returncode == 0, built.stdout + built.stderr
    html = BeautifulSoup((root / "site" / "kurser" / saved.stem / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert html.select_one(".naeste-hold__fakta span").get_text() == "1.450 kr."
    assert outside(asked) == []


# cms/felter.js's whole-number widget alone, on a page of its own: Decap's registry and React stood in for, so that
# every text can be typed at it and compared with what `check` reads (catalogue/fields.py).
_WIDGET_PAGE = """
window.widgets = {};
window.CMS = {registerWidget: function (name, control) { window.widgets[name] = control; }};
window.h = function () { return null; };
window.createClass = function (spec) { return spec; };
"""
_TYPE_AT_WIDGET = """(texts) => texts.map((text) => {
  const spec = window.widgets.heltal, saved = [];
  const field = new Map([["label", "Pris"], ["min", 0], ["max", 1000000]]);
  field.get = (key, otherwise) => Map.prototype.has.call(field, key) ? Map.prototype.get.call(field, key) : otherwise;
  const control = Object.assign(Object.create(spec), {state: {text: ""}, setState: () => {},
    props: {field: field, parentIds: [], onChange: (value) => saved.push(value)}});
  spec.handleChange.call(control, {target: {value: text}});
  control.props.value = saved[0];
  const valid = spec.isValid.call(control);
  return {saved: saved[0] === undefined ? null : saved[0], problem: valid === true ? null : valid.error.message};
})"""


def test_the_whole_number_widget_saves_only_the_number_typed_and_names_no_other(browser) -> None:
    """What each text typed into a whole-number field becomes: the number only when the text is plain digits; else
    the text, refused, and the number to write is named only where check names the same (fields.py)."""
    from catalogue.fields import meant_whole_number

    texts = ["1450", " 1450 ", "0", "1.450", "1.450 kr.", "kr. 1.450", "kr. 1450", "1450 kr", "KR.1.450", "0700",
             "1,450", "1.5", "1.45", "1.4500", "0.450", "1 450", "1_450", "20:00", "0x10", "+1450", "-5", "1e3",
             "１４５０", "kr 1.450 kr", "1450.00", "10.000.000", "1234567", "99999999999999999999"]
    page = browser.new_page()
    page.set_content("<!doctype html><title>heltal</title>")
    page.add_script_tag(content=_WIDGET_PAGE)
    page.add_script_tag(path=str(REPO / "cms" / "felter.js"))
    typed = dict(zip(texts, page.evaluate(_TYPE_AT_WIDGET, texts), strict=True))
    page.close()
    for text, result in typed.items():
        plain = re.fullmatch("0|[1-9][0-9]*", text.strip())
        assert result["saved"] == (int(text) if plain and len(text.strip()) <= 15 else text), text
        named = re.search(r"; skriv ([0-9]+)$", result["problem"] or "")
        if named:
            assert meant_whole_number(text) is not None and meant_whole_number(text)[0] == int(named[1]), text
    assert typed["1.450 kr."]["problem"] == "Pris: '1.450 kr.' skal skrives med cifrene 0–9 alene; skriv 1450"
    assert typed["1,450"]["problem"] == ("Pris: '1,450' er ikke et helt tal skrevet med cifrene 0–9; skriv kun "
                                         "cifrene, uden punktum, komma, mellemrum og 'kr.'")
    assert typed["1234567"]["problem"] == "Pris: skal være fra 0 til 1.000.000"
    assert typed["1450"]["problem"] is None and typed[" 1450 "]["saved"] == 1450


def test_a_session_held_somewhere_is_not_saved_without_its_venue(editing: tuple[Path, str], forms) -> None:
    """FORMAT.md §1: `sted` and `region` unless the session's form (its own, else the course's) is online. The form
    saved such a session, and only the pull request's check said so, worded for the file."""
    root, admin = editing
    page, asked = forms
    page.goto(admin + "#/collections/kurser/new")
    fill_course(page, "Mødeledelse i praksis", "Øv dig i at lede et møde, så alle bliver hørt.",
                "Vi øver mødeledelse på rigtige dagsordener.", "Bestyrelsesarbejde")
    page.get_by_role("button", name="Tilføj hold").click()
    field(page, "start").fill("2027-04-08T17:00")
    field(page, "slut").fill("2027-04-08T20:00")
    field(page, "tilmeldingsfrist").fill("2027-03-25")
    field(page, "tilmelding").fill("mailto:kursus@example.dk")
    saved = root / "courses" / "modeledelse-i-praksis.yml"

    try_to_publish(page)
    page.wait_for_timeout(2000)
    assert not saved.exists()
    expect(page.get_by_text("Ups, du mangler et påkrævet felt.").first).to_be_visible()  # Decap's own, at the top
    missing = ("Hold 1 (2027-04-08 17:00) har formen Fremmøde (kursets) og mangler sted og region. Udfyld dem, "
               "eller vælg Online under holdets Form, hvis holdet er online.")
    assert errors_at(page, "tjek_af_holdene") == [missing]
    check = page.locator("[id^='tjek_af_holdene-field-']")
    expect(check).to_have_text(missing)  # said while the editor works, too
    assert preview_places(page) == ["Sted mangler"]

    field(page, "navn").fill("Kursuscenter Valby")  # a venue begun: what is left is said
    expect(check).to_have_text("Hold 1 (2027-04-08 17:00) har formen Fremmøde (kursets) og mangler region samt "
                               "adresse, postnummer og by under Sted. Udfyld dem, eller vælg Online under holdets "
                               "Form, hvis holdet er online.")
    for name, value in [("adresse", "Eksempelvej 1"), ("postnr", "2500"), ("by", "Valby")]:
        field(page, name).fill(value)
    choose(page, field(page, "region"), "Hovedstaden")
    expect(check.locator("p")).to_have_text(ALL_RIGHT)
    publish(page)

    wait_for(saved.is_file, what="the course file")
    session = yaml.safe_load(saved.read_text(encoding="utf-8"))["hold"][0]
    assert session["sted"] == {"navn": "Kursuscenter Valby", "adresse": "Eksempelvej 1", "postnr": "2500",
                               "by": "Valby"} and session["region"] == "hovedstaden" and "form" not in session
    assert "tjek_af_holdene" not in yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert run_build(root, "check", "--dato", REFERENCE_DATE).errors == []
    assert outside(asked) == []


def preview_places(page: Any) -> list[str]:
    return page.frame_locator("#preview-pane").locator(".hold__sted").all_inner_texts()


def page_text(path: Path, selector: str) -> list[str]:
    html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return [re.sub(r"\s+", " ", item.get_text(" ")).strip() for item in html.select(selector)
            if item.find_parent(attrs={"hidden": True}) is None]  # as shown: not the copies for "Hvor bor du?"


EVENINGS = [("2027-09-07T18:00", "2027-09-07T21:00"), ("2027-09-21T18:00", "2027-09-21T21:00"),
            ("2027-10-05T18:00", "2027-10-05T21:00")]
THREE_EVENINGS = "3 aftener: tirsdag 7., 21. september og 5. oktober 2027 kl. 18.00–21.00"


def test_a_session_over_three_evenings(editing: tuple[Path, str], forms) -> None:
    """FORMAT.md §1: a session's meetings instead of its own start and slut, never beside them. An editor who began
    with one evening's times and then made it three is refused until the session's own times are cleared; what
    'Ryd' leaves ("" in Decap) is not written, and the file passes check and builds into the course page the
    preview showed."""
    root, admin = editing
    page, asked = forms
    page.goto(admin + "#/collections/kurser/new")
    fill_course(page, "Affald og genbrug i afdelingen", "Tre aftener om at sortere mere og smide mindre ud.",
                "Vi ser på affaldsøerne i jeres afdeling og laver en plan.", "Bæredygtighed")
    page.get_by_role("button", name="Tilføj hold").click()
    field(page, "start").fill("2027-09-07T18:00")
    field(page, "slut").fill("2027-09-07T21:00")
    add_meetings(page, EVENINGS)
    fill_venue_and_sign_up(page, "2027-08-24")
    saved = root / "courses" / "affald-og-genbrug-i-afdelingen.yml"

    both = ("Hold 1 (2027-09-07 18:00) har både mødegange og sin egen start og slut. Et hold har enten start og slut "
            "eller mødegange: tøm holdets Start og Slut med Ryd, eller fjern mødegangene.")
    check = page.locator("[id^='tjek_af_holdene-field-']")
    expect(check).to_have_text(both)  # said while the editor works
    try_to_publish(page)
    page.wait_for_timeout(2000)
    assert not saved.exists()
    assert errors_at(page, "tjek_af_holdene") == [both]

    for name in ("start", "slut"):  # the session's own times cleared, as the message says
        control(page, name).get_by_role("button", name="Ryd").click()
        expect(field(page, name)).to_have_value("")
    expect(check.locator("p")).to_have_text(ALL_RIGHT)
    preview = page.frame_locator("#preview-pane")
    expect(preview.locator(".hold__tid")).to_have_text([THREE_EVENINGS])
    expect(preview.locator(".moedegange")).to_have_count(0)  # one line says it all, as on the course page
    # Folded, the session shows when it begins: its first evening.
    session = page.locator("[id^='hold-field-']")
    session.locator("[class*='StyledListItemTopBar'] > button").first.click()
    expect(session.locator("[class*='NestedObjectLabel']").first).to_have_text("2027-09-07 18:00 ·")
    publish(page)

    wait_for(saved.is_file, what="the course file")
    written = yaml.safe_load(saved.read_text(encoding="utf-8"))["hold"]
    assert written == [{"mødegange": [{"start": start.replace("T", " "), "slut": end.replace("T", " ")}
                                      for start, end in EVENINGS],
                        "sted": {"navn": "Kursuscenter Valby", "adresse": "Eksempelvej 1", "postnr": "2500",
                                 "by": "Valby"},
                        "region": "hovedstaden", "tilmeldingsfrist": date(2027, 8, 24),
                        "tilmelding": "mailto:kursus@example.dk"}]  # no `start: ''` nor `slut: ''`
    checked = run_build(root, "check", "--dato", REFERENCE_DATE)
    assert checked.returncode == 0 and checked.errors == [], checked.stdout
    built = run_build(root, "build", "--dato", REFERENCE_DATE)
    assert built.returncode == 0, built.stdout + built.stderr
    course_page = root / "site" / "kurser" / saved.stem / "index.html"
    assert page_text(course_page, ".naeste-hold__tid") == [THREE_EVENINGS]
    assert outside(asked) == []


def test_a_session_without_its_times_is_not_saved(editing: tuple[Path, str], forms) -> None:
    """Start and slut are optional in the form now (a session may have meetings instead): a session with neither,
    or with one meeting, is refused at the check after the sessions, in Danish, until it has two meetings."""
    root, admin = editing
    page, asked = forms
    page.goto(admin + "#/collections/kurser/new")
    fill_course(page, "Nabomægling for begyndere", "Lær at hjælpe naboer, der er uenige, med at finde en løsning.",
                "Vi øver samtaler mellem naboer.", "Bestyrelsesarbejde")
    page.get_by_role("button", name="Tilføj hold").click()
    fill_venue_and_sign_up(page, "2027-08-24")
    saved = root / "courses" / "nabomaegling-for-begyndere.yml"

    neither = ("Hold 1 mangler start og slut. Udfyld holdets Start og Slut, eller tilføj mindst to mødegange, hvis "
               "holdet mødes flere gange.")
    try_to_publish(page)
    page.wait_for_timeout(2000)
    assert not saved.exists()
    expect(page.get_by_text("Ups, du mangler et påkrævet felt.").first).to_be_visible()  # Decap's own, at the top
    assert errors_at(page, "tjek_af_holdene") == [neither]
    assert page.frame_locator("#preview-pane").locator(".hold__tid").all_inner_texts() == ["Dato og tid mangler"]

    add_meetings(page, EVENINGS[:1])
    check = page.locator("[id^='tjek_af_holdene-field-']")
    expect(check).to_have_text("Hold 1 (2027-09-07 18:00) har kun én mødegang. Tilføj mindst én mere, eller skriv "
                               "tiden under holdets Start og Slut og fjern mødegangen, hvis holdet kun mødes én gang.")
    try_to_publish(page)
    page.wait_for_timeout(2000)
    assert not saved.exists()

    page.get_by_role("button", name="Tilføj mødegang").click()
    field(page, "start", 2).fill(EVENINGS[1][0])
    field(page, "slut", 2).fill(EVENINGS[1][1])
    expect(check.locator("p")).to_have_text(ALL_RIGHT)
    publish(page)
    wait_for(saved.is_file, what="the course file")
    session = yaml.safe_load(saved.read_text(encoding="utf-8"))["hold"][0]
    assert "start" not in session and "slut" not in session and len(session["mødegange"]) == 2
    assert run_build(root, "check", "--dato", REFERENCE_DATE).errors == []
    assert outside(asked) == []


def sessions_shown(hold: Any) -> list[tuple[str, list[str]]]:
    """Each session of a preview or page (``hold``: its elements) as (its time, each meeting listed under it)."""
    return [(re.sub(r"\s+", " ", session.select_one(".hold__tid, .naeste-hold__tid").get_text(" ")).strip(),
             [re.sub(r"\s+", " ", item.get_text(" ")).strip() for item in session.select(".moedegange li")])
            for session in hold]


@pytest.mark.parametrize("stem", ["grundlaeggende-budget-og-regnskab", "groen-ambassadoer", "formandsuddannelsen"])
def test_the_preview_shows_meetings_as_the_course_page(editing: tuple[Path, str], forms, sample_site: Path,
                                                      stem: str) -> None:
    """Each sample course with `mødegange` (evenings online, evenings in one place, modules over two days with
    notes): every session its page shows, the preview shows in the same words, each meeting listed where the page
    lists it."""
    _, admin = editing
    page, _ = forms
    page.goto(f"{admin}#/collections/kurser/entries/{stem}")
    page.reload()  # an open form stays open when only the address changes
    title = yaml.safe_load((REPO / "courses" / f"{stem}.yml").read_text(encoding="utf-8"))["titel"]
    preview = page.frame_locator("#preview-pane")
    expect(preview.locator("h1")).to_have_text(title)
    shown = sessions_shown(BeautifulSoup(preview.locator(".hold-liste").inner_html(), "html.parser")
                           .find_all("li", recursive=False))
    html = BeautifulSoup((sample_site / "kurser" / stem / "index.html").read_text(encoding="utf-8"), "html.parser")
    on_page = sessions_shown(html.select(".naeste-hold .hold-valg__hold:not([hidden]), .hold-liste > li:not([hidden])"))
    assert [when for when, _ in on_page if re.match("[0-9]+ (aftener|dage|mødegange): ", when)]
    assert [session for session in on_page if session not in shown] == []


def test_a_session_cancelled_keeps_every_other_value(editing: tuple[Path, str], forms) -> None:
    root, admin = editing
    path = root / COURSE
    before = yaml.safe_load(path.read_text(encoding="utf-8"))
    page, asked = forms
    page.goto(admin + "#/collections/kurser/entries/budgetopfoelgning")
    field(page, "titel").wait_for()
    choose(page, field(page, "status", 1), "Aflyst")
    publish(page)
    wait_for(lambda: yaml.safe_load(path.read_text(encoding="utf-8"))["hold"][1].get("status") == "aflyst",
             what="the cancelled session in the file")
    after = yaml.safe_load(path.read_text(encoding="utf-8"))
    before["hold"][1]["status"] = "aflyst"
    assert after == before

    # Decap writes the keys of a session in an order of its own; `fmt` puts them back, values untouched.
    assert list(after["hold"][0]) != list(before["hold"][0])
    assert run_build(root, "fmt").returncode == 0
    formatted = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert formatted == before
    order = [info.alias or name for name, info in Session.model_fields.items()]  # FORMAT.md's order
    assert [list(session) for session in formatted["hold"]] == [[key for key in order if key in session]
                                                                for session in formatted["hold"]]
    assert run_build(root, "fmt", "--tjek").returncode == 0
    assert run_build(root, "check", "--dato", REFERENCE_DATE).errors == []
    assert outside(asked) == []


def test_a_word_file_attached_to_a_template(editing: tuple[Path, str], forms, tmp_path: Path) -> None:
    root, admin = editing
    document = tmp_path / "tjekliste-til-referatet.docx"
    with zipfile.ZipFile(document, "w") as archive:  # a .docx is a zip archive
        archive.writestr("word/document.xml", "<w:document/>")
    page, asked = forms
    page.goto(admin + "#/collections/vaerktoejskasse-skabeloner/entries/referat-bestyrelsesmoede")
    field(page, "titel").wait_for()
    page.get_by_role("button", name="Tilføj fil").click()
    page.get_by_role("button", name="Vælg fil").click()
    page.locator("input[type=file]").set_input_files(str(document))
    page.get_by_role("button", name="Anvend valgte").click()
    field(page, "beskrivelse", 1).fill("Tjekliste til referatet (Word)")
    publish(page)

    beside = root / "content" / "vaerktoejskasse" / "skabeloner" / document.name
    wait_for(beside.is_file, what="the uploaded file beside the page")
    assert beside.read_bytes() == document.read_bytes()
    parts = split_front_matter((root / TEMPLATE).read_text(encoding="utf-8"))
    assert parts is not None
    assert yaml.safe_load(parts[0])["filer"][-1] == {"fil": document.name,
                                                     "beskrivelse": "Tjekliste til referatet (Word)"}
    assert run_build(root, "check", "--dato", REFERENCE_DATE).errors == []
    assert outside(asked) == []


# Decap's own Danish as its bundle has it, with the slips an editor met (issue 30): none may be on a screen.
WRONG_DANISH = ["Medie elementer", "Upload", "Download", "Detalger", "Skriver til", "samlingen", "logget ind",
                "filer", "Log af", "være være", "tidliere", "Expand", "Collapse", "Toggle", "Close"]
# The texts of a screen an editor reads: what it shows, and what a screen reader says of its buttons.
_SCREEN_TEXT = """() => [document.body.innerText,
  ...Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]'), (e) =>
    [e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('placeholder')].join(' '))].join('\\n')"""


def slips_in(text: str) -> list[str]:
    """The wrong Danish (or English) of WRONG_DANISH in ``text``; 'filer' only as '1 filer'."""
    return [wrong for wrong in WRONG_DANISH if (re.search(r"\b1 filer\b", text) if wrong == "filer" else wrong in text)]


def slips_on(page: Any) -> list[str]:
    """The slips on the screen."""
    return slips_in(page.evaluate(_SCREEN_TEXT))


def test_decaps_own_texts_are_danish_as_an_editor_reads_them(editing: tuple[Path, str], forms) -> None:
    """The screens an editor uses — the list of a collection, a page's form, the media library, the menu with
    'Log ud' — read in corrected Danish (cms/dansk.js laid over the bundle's), and none shows a slip the bundle's
    Danish has or a text it left in English."""
    _, admin = editing
    page, asked = forms
    page.goto(admin + "#/collections/vaerktoejskasse-skabeloner")
    expect(page.get_by_text("Referat af bestyrelsesmøde").first).to_be_visible()
    assert slips_on(page) == []

    page.goto(admin + "#/collections/vaerktoejskasse-skabeloner/entries/standardhusorden")  # a page with one file
    page.reload()
    field(page, "titel").wait_for()
    expect(page.get_by_text("Tilbage til Værktøjskassen: skabeloner")).to_be_visible()  # was 'Skriver til … samlingen'
    expect(page.get_by_text("1 fil", exact=True)).to_be_visible()  # was '1 filer'
    assert page.get_by_role("button", name="Vis eller skjul forhåndsvisningen").count() == 1  # was 'Toggle preview'
    assert slips_on(page) == []

    page.get_by_role("button", name="Tilføj fil").click()
    page.get_by_role("button", name="Vælg fil").click()
    library = page.get_by_role("dialog")
    expect(library.get_by_text("Filer", exact=True)).to_be_visible()  # was 'Medie elementer'
    expect(library.get_by_text("Læg fil op", exact=True)).to_be_visible()  # was 'Upload'
    library.get_by_text("aarshjul-afdelingsbestyrelse.docx").first.click()
    expect(library.get_by_role("button", name="Hent", exact=True)).to_be_visible()  # was 'Download'
    assert slips_on(page) == []
    library.get_by_role("button", name="Luk").click()  # was 'Close'

    page.get_by_role("button", name="Din konto").click()  # was 'Account options dropdown'
    logout = page.get_by_role("menuitem", name="Log ud")  # was 'Log af'
    expect(logout).to_be_visible()
    assert slips_on(page) == []
    # What a screen shows only when things go wrong (the login run out, Decap itself broken): the phrases Decap has
    # registered for Danish, every one of its English phrases with a Danish one, none in English.
    phrases = page.evaluate("""() => {
      const flat = (o, p) => Object.entries(o).flatMap(([k, v]) => typeof v === 'object' ? flat(v, p + k + '.')
                                                                                         : [[p + k, v]]);
      return {da: Object.fromEntries(flat(CMS.getLocale('da'), '')), en: flat(CMS.getLocale('en'), '').map(e => e[0])};
    }""")
    assert [key for key in phrases["en"] if key not in phrases["da"]] == []
    assert phrases["da"]["ui.toast.onLoggedOut"].startswith("Du er blevet logget ud.")
    assert phrases["da"]["ui.errorBoundary.detailsHeading"] == "Detaljer"
    assert [key for key, text in phrases["da"].items() if slips_in(text)] == []
    logout.click()
    expect(page.get_by_role("button", name="Log ind")).to_be_visible()
    assert outside(asked) == []


def test_the_published_forms_need_review_and_stay_out_of_search(sample_site: Path) -> None:
    """The built site's /admin/: GitHub with every change a pull request, not indexed, not in the sitemap."""
    config = yaml.safe_load((sample_site / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert config["publish_mode"] == "editorial_workflow" and "local_backend" not in config
    assert config["backend"] == {"name": "github", "repo": "kursusafdelingen/kurser", "branch": "main",
                                 "base_url": "https://login.kurser.example.dk"}
    page = BeautifulSoup((sample_site / "admin" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.html["lang"] == "da" and page.title.string == "Rediger kurser og værktøjskassen"
    assert [link["href"] for link in page.find_all("link")] == ["../assets/images/favicon.png"]
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    policy = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "connect-src 'self' blob: https://api.github.com " in policy and "githubstatus" not in policy
    assert [s["src"] for s in page.find_all("script")] == ["decap-cms.js", "dansk.js", "felter.js",
                                                          "forhaandsvisning.js"]
    assert "admin" not in (sample_site / "sitemap.xml").read_text(encoding="utf-8")
    assert (sample_site / "admin" / "index.html").is_file()
    assert not is_indexed("admin/index.html")


def _entries() -> list[tuple[str, str, str]]:
    """(collection, entry, path) of every sample course, learning path and toolkit page, as Decap addresses them."""
    entries = [("kurser", path.stem, f"courses/{path.name}") for path in sorted((REPO / "courses").glob("*.yml"))]
    entries += [("forloeb", path.stem, f"forloeb/{path.name}") for path in sorted((REPO / "forloeb").glob("*.yml"))]
    for path in sorted((REPO / "content" / "vaerktoejskasse").rglob("*.md")):
        parts = split_front_matter(path.read_text(encoding="utf-8"))
        if path.name != "index.md" and parts is not None:
            kind = yaml.safe_load(parts[0])["type"]
            entries.append((toolkit_collection(kind), path.stem, path.relative_to(REPO).as_posix()))
    return entries


def _values(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        front, _, body, _ = split_front_matter(text)
        return yaml.safe_load(front), body.strip()
    return yaml.safe_load(text)


def _written(path: Path, expected: Any, seconds: float = 10) -> bool:
    """Whether the file comes to hold ``expected`` (the proxy writes it just after the form says it is saved)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _values(path) == expected:
            return True
        time.sleep(0.2)
    return False


def test_every_sample_file_saves_from_its_form_with_every_value_kept(editing: tuple[Path, str], forms) -> None:
    """Each sample file opened in the real form, its title changed and saved: Decap flags nothing (it would
    refuse to save) and writes back every other value as it was, the text of a toolkit page included; after
    `fmt` every key is in its place. The department's file and the taxonomy likewise."""
    root, admin = editing
    page, _ = forms
    lost = []
    for collection, entry, relative in _entries():
        path = root / relative
        if relative in (COURSE, TEMPLATE):  # the tests above have changed them
            continue
        before = _values(path)
        meta = before[0] if isinstance(before, tuple) else before  # a toolkit page: (front matter, text)
        page.goto(f"{admin}#/collections/{collection}/entries/{entry}")
        page.reload()  # an open form stays open when only the address changes
        title = field(page, "titel")
        expect(title).to_have_value(meta["titel"])
        title.fill(meta["titel"] + "!")  # one change, so that the form saves the whole file
        publish(page)
        meta["titel"] += "!"
        if not _written(path, before):
            lost.append(relative)
    # The department's file and the taxonomy: a name changed, every other value kept.
    for entry, relative, change in [("department", "config/department.yml", ["navn"]),
                                    ("taksonomi", "config/taxonomy.yml", ["emner", "afdelingsmoede", "navn"])]:
        path = root / relative
        before = _values(path)
        page.goto(f"{admin}#/collections/afdelingen/entries/{entry}")
        page.reload()
        if entry == "taksonomi":
            page.get_by_role("button", name="Fold ud").first.click()  # the list 'emner' is folded
        name = field(page, "navn")
        inner = before
        for key in change[:-1]:
            inner = inner[key]
        expect(name).to_have_value(inner[change[-1]])
        name.fill(inner[change[-1]] + "!")
        publish(page)
        inner[change[-1]] += "!"
        if not _written(path, before):
            lost.append(relative)
    assert lost == []
    assert run_build(root, "fmt").returncode == 0
    assert run_build(root, "fmt", "--tjek").returncode == 0
    assert run_build(root, "check", "--dato", REFERENCE_DATE).errors == []
