"""Sign-up by e-mail on a course page (issue 29): "Tilmeld dig" opens a form that writes the mail for the resident.

In Chromium at 375 × 812: with JavaScript the form's "Send tilmeldingen" opens a mailto: address holding what was
typed (the mailto: request Chromium makes is caught), "Kopiér teksten" puts the text on the clipboard or selects
it; without JavaScript the prefilled mail and the address are there; everything works with the keyboard alone.
Hostile input ends up as text in the mail and nowhere else. What each mail should hold is computed here from the
course files and from the prefilled mail the page offers without a script.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from test_accessibility import AXE, WCAG_21_AA
from test_phone import MEASURE, PHONE
from test_site import COURSES, content, danish_datetime, offered, open_for_signup, page, when

# A name and remarks a resident could type, with what a mailto: address, a page or a mail header would read as
# something else than text
NAME = "Søren & Grete? #1 <script>document.title='x'</script> 100% a+b %0D%0ABcc: spion@evil.example"
REMARKS = "Vegetar\nKørestol & rampe?\n#2 <img src=x onerror=alert(1)> æøå"
TYPED = {"Navn": NAME, "Afdeling": "Afd. 12, Solgården", "Adresse": "Vestergade 30, 2. th., 9800 Hjørring",
         "Mobilnummer": "+45 20 30 40 50", "E-mail": "soeren@example.dk",
         "Godkendt af bestyrelsesformanden (navn)": "Lis Jensen",
         "Evt. bemærkninger (fx hensyn til kost eller adgang)": REMARKS}
OPTIONAL = {"Godkendt af bestyrelsesformanden (navn)", "Evt. bemærkninger (fx hensyn til kost eller adgang)"}
MISSING = ["Skriv dit navn.", "Skriv, hvilken afdeling du bor i.", "Skriv din adresse.", "Skriv dit mobilnummer.",
           "Skriv din e-mail."]


def mail_sessions(slug: str) -> list[dict[str, Any]]:
    """The sessions of a course one can sign up for by e-mail now."""
    return [s for s in offered(COURSES[slug]) if open_for_signup(s) and s["tilmelding"].startswith("mailto:")]


def form_id(session: dict[str, Any]) -> str:
    return f"tilmelding-{when(session['start']):%Y-%m-%d-%H%M}"


def session_of(slug: str, start: str) -> dict[str, Any]:
    return next(s for s in mail_sessions(slug) if s["start"] == start)


def subject(slug: str, session: dict[str, Any]) -> str:
    return f"Tilmelding: {COURSES[slug]['titel']}, {danish_datetime(when(session['start']))}"


def parse_mailto(href: str) -> tuple[str, dict[str, str]]:
    """The address and the fields of a mailto: address, each decoded once (a '+' stays a '+', as in a mail
    program: RFC 6068)."""
    assert href.startswith("mailto:")
    address, _, query = href[len("mailto:"):].partition("?")
    fields = dict(part.split("=", 1) for part in query.split("&"))
    assert set(fields) == {"subject", "body"}
    return unquote(address), {name: unquote(value) for name, value in fields.items()}


def filled_in(blank_body: str, typed: dict[str, str]) -> str:
    """The prefilled mail's text with each line 'Navn:' followed by what was typed for it (line ends CRLF)."""
    lines = []
    for line in blank_body.split("\r\n"):
        label = line.removesuffix(":")
        value = typed.get(label, "") if line.endswith(":") else ""
        lines.append(f"{line} {value.strip()}".replace("\n", "\r\n") if value.strip() else line)
    return "\r\n".join(lines)


@pytest.fixture
def phone(browser: Any) -> Any:
    context = browser.new_context(viewport=PHONE)
    yield context
    context.close()


def open_form(page: Any, base_url: str, slug: str, session: dict[str, Any]) -> Any:
    """The course page with the session's "Tilmeld dig" pressed: its form."""
    page.goto(base_url + f"kurser/{slug}/", wait_until="networkidle")
    details = page.locator(f"#{form_id(session)}")
    details.locator("summary").click()
    form = details.locator("form")
    assert form.is_visible()
    return form


def fill(form: Any, typed: dict[str, str]) -> None:
    """Each field found by its label, as a screen reader names it (the optional ones say so)."""
    for label, value in typed.items():
        form.get_by_label(label + (" (frivilligt)" if label in OPTIONAL else ""), exact=True).fill(value)


def blank_body(page: Any, details: Any) -> str:
    """The prefilled mail offered without a script (the page's own, written by the build)."""
    href = details.locator(".tilmelding__uden-script a.knap").get_attribute("href")
    return parse_mailto(href)[1]["body"]


@pytest.mark.parametrize(("slug", "start", "where"), [
    ("det-gode-bestyrelsesmoede", "2027-06-12 09:30", ".naeste-hold"),  # the session the page puts first
    ("det-gode-bestyrelsesmoede", "2027-11-06 09:30", ".hold-liste"),   # one of the others
    ("erfagruppe-for-formaend", "2027-02-24 17:30", ".naeste-hold"),    # a course with its own address
])
def test_send_tilmeldingen_opens_a_mail_with_what_was_typed(phone: Any, base_url: str, slug: str, start: str,
                                                            where: str) -> None:
    session = session_of(slug, start)
    page = phone.new_page()
    form = open_form(page, base_url, slug, session)
    assert page.locator(f"{where} #{form_id(session)}").count() == 1
    scripts = page.locator("script").count()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    fill(form, TYPED)
    with page.expect_request(lambda request: request.url.startswith("mailto:")) as sent:
        form.get_by_role("button", name="Send tilmeldingen").click()
    href = sent.value.url
    address, fields = parse_mailto(href)
    assert address == session["tilmelding"].removeprefix("mailto:")
    assert fields["subject"] == subject(slug, session)
    body = fields["body"]
    assert body == filled_in(blank_body(page, page.locator(f"#{form_id(session)}")), TYPED)
    assert f"Navn: {NAME}\r\n" in body and "Kørestol & rampe?\r\n#2 <img src=x onerror=alert(1)> æøå" in body
    assert body.startswith(f"Jeg vil gerne tilmelde mig kurset \"{COURSES[slug]['titel']}\" "
                           f"{danish_datetime(when(session['start']))}.\r\n\r\nNavn: ")
    assert " " not in href and "\n" not in href and "+" not in href.split("?", 1)[1].replace("%2B", "")
    # Said to the resident, in Danish, in the live region
    status = form.get_by_role("status")
    assert status.inner_text() == "Din e-mail åbner nu med tilmeldingen. Læs den igennem, og tryk Send i din e-mail."
    # Nowhere else: no request but the mail, nothing stored, nothing of it written into the page as HTML or text
    assert requests == [href]
    assert page.url == base_url + f"kurser/{slug}/"
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0 and phone.cookies() == []
    assert page.locator("script").count() == scripts and page.title() != "x"
    html = page.content()
    assert "Grete" not in html and "Kørestol" not in html and "soeren@example.dk" not in html
    # ... but in the text shown, to check and to copy
    shown = form.locator(".tilmelding__tekstfelt")
    assert shown.is_visible() and shown.input_value() == body.replace("\r\n", "\n")
    page.close()


def test_what_is_missing_or_wrong_is_said_in_danish_and_no_mail_opens(phone: Any, base_url: str) -> None:
    slug, session = "det-gode-bestyrelsesmoede", session_of("det-gode-bestyrelsesmoede", "2027-06-12 09:30")
    page = phone.new_page()
    form = open_form(page, base_url, slug, session)
    mails: list[str] = []
    page.on("request", lambda request: mails.append(request.url) if request.url.startswith("mailto:") else None)
    form.get_by_role("button", name="Send tilmeldingen").click()
    status = form.get_by_role("status")
    assert status.inner_text() == "Ret 5 felter: " + " ".join(MISSING)
    name = form.get_by_role("textbox", name="Navn", exact=True)
    expect_focused(page, name)
    assert name.get_attribute("aria-invalid") == "true"
    assert page.locator(f"#{name.get_attribute('aria-describedby')}").inner_text() == "Skriv dit navn."
    # All but a wrong e-mail: that one is said, and focused
    fill(form, {**TYPED, "E-mail": "soeren.example.dk"})
    form.get_by_role("button", name="Kopiér teksten").click()
    assert status.inner_text() == "Ret 1 felt: Skriv din e-mail med @, fx navn@eksempel.dk."
    email = form.get_by_role("textbox", name="E-mail")
    expect_focused(page, email)
    assert name.get_attribute("aria-invalid") is None and not form.get_by_text("Skriv dit navn.").is_visible()
    assert not form.locator(".tilmelding__tekstfelt").is_visible()
    assert mails == []
    # Mended: the mail opens
    email.fill("soeren@example.dk")
    with page.expect_request(lambda request: request.url.startswith("mailto:")):
        form.get_by_role("button", name="Send tilmeldingen").click()
    assert email.get_attribute("aria-invalid") is None
    assert status.inner_text().startswith("Din e-mail åbner nu")
    page.close()


def expect_focused(page: Any, locator: Any) -> None:
    assert page.evaluate("document.activeElement.id") == locator.get_attribute("id")


def test_kopier_teksten_puts_the_mail_on_the_clipboard(browser: Any, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    slug, session = "det-gode-bestyrelsesmoede", session_of("det-gode-bestyrelsesmoede", "2027-11-06 09:30")
    page = context.new_page()
    form = open_form(page, base_url, slug, session)
    mails: list[str] = []
    page.on("request", lambda request: mails.append(request.url) if request.url.startswith("mailto:") else None)
    fill(form, TYPED)
    assert form.get_by_text("Sker der ikke noget? Kopiér teksten og send den fra din e-mail til "
                            "kursus@example.dk.").is_visible()
    form.get_by_role("button", name="Kopiér teksten").click()
    status = form.get_by_role("status")
    status.filter(has_text="kopieret").wait_for()
    assert status.inner_text() == "Teksten er kopieret. Skriv en ny mail til kursus@example.dk, og sæt teksten ind."
    expected = filled_in(blank_body(page, page.locator(f"#{form_id(session)}")), TYPED).replace("\r\n", "\n")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert form.get_by_text(f"Emne: {subject(slug, session)}").is_visible()
    assert mails == []  # copying opens no mail
    context.close()


def test_without_a_clipboard_the_text_is_selected_to_copy(browser: Any, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    # A browser with neither the clipboard nor the old copy command
    context.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});"
                            "Document.prototype.execCommand = () => false;")
    slug, session = "det-gode-bestyrelsesmoede", session_of("det-gode-bestyrelsesmoede", "2027-06-12 09:30")
    page = context.new_page()
    form = open_form(page, base_url, slug, session)
    fill(form, TYPED)
    form.get_by_role("button", name="Kopiér teksten").click()
    assert form.get_by_role("status").inner_text() == (
        "Teksten er markeret. Kopiér den (tryk Ctrl+C, eller hold fingeren på teksten og vælg Kopiér), og sæt den "
        "ind i en ny mail til kursus@example.dk.")
    selected = page.evaluate("""() => {
      const e = document.activeElement;
      return e.matches('.tilmelding__tekstfelt') ? e.value.slice(e.selectionStart, e.selectionEnd) : null;
    }""")
    assert selected == filled_in(blank_body(page, page.locator(f"#{form_id(session)}")), TYPED).replace("\r\n", "\n")
    context.close()


def test_without_javascript_the_prefilled_mail_and_the_address(browser: Any, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    slug, session = "det-gode-bestyrelsesmoede", session_of("det-gode-bestyrelsesmoede", "2027-06-12 09:30")
    page = context.new_page()
    page.goto(base_url + f"kurser/{slug}/")
    details = page.locator(f"#{form_id(session)}")
    summary = details.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")  # a <details> opens without a script
    assert details.get_attribute("open") is not None
    assert not details.locator("form").is_visible()  # the form needs the script
    fallback = details.locator(".tilmelding__uden-script")
    assert fallback.is_visible()
    assert "Sker der ikke noget? Så skriv selv en mail til kursus@example.dk med kursets navn og dato og med navn, " \
           "afdeling, adresse, mobilnummer og e-mail." in fallback.inner_text()
    link = fallback.get_by_role("link", name=f"Skriv tilmeldingen – {COURSES[slug]['titel']}, "
                                             f"{danish_datetime(when(session['start'])).split(' kl.')[0]}")
    link.focus()
    with page.expect_request(lambda request: request.url.startswith("mailto:")) as sent:
        page.keyboard.press("Enter")
    address, fields = parse_mailto(sent.value.url)
    assert address == "kursus@example.dk" and fields["subject"] == subject(slug, session)
    lines = fields["body"].split("\r\n")
    assert lines[2:7] == ["Navn:", "Afdeling:", "Adresse:", "Mobilnummer:", "E-mail:"]
    assert lines[8:] == ["Godkendt af bestyrelsesformanden (navn):",
                         "Evt. bemærkninger (fx hensyn til kost eller adgang):"]
    context.close()


def test_with_the_keyboard_alone(phone: Any, base_url: str) -> None:
    slug, session = "det-gode-bestyrelsesmoede", session_of("det-gode-bestyrelsesmoede", "2027-06-12 09:30")
    page = phone.new_page()
    page.goto(base_url + f"kurser/{slug}/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.naeste-hold summary')"):
            break
    else:
        pytest.fail("the first 'Tilmeld dig' is not reached with Tab")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"  # the focus is seen
    page.keyboard.press("Enter")
    typed = {**TYPED, "Evt. bemærkninger (fx hensyn til kost eller adgang)": "Vegetar\nKørestol"}
    for label, value in typed.items():
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.dataset.linje") == f"{label}:"
        page.keyboard.type(value.split("\n")[0])
        for line in value.split("\n")[1:]:
            page.keyboard.press("Enter")  # a new line in the remarks
            page.keyboard.type(line)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Send tilmeldingen"
    with page.expect_request(lambda request: request.url.startswith("mailto:")) as sent:
        page.keyboard.press("Enter")
    details = page.locator(f"#{form_id(session)}")
    assert parse_mailto(sent.value.url)[1]["body"] == filled_in(blank_body(page, details), typed)
    page.keyboard.press("Tab")  # past the address written out, to "Kopiér teksten"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Kopiér teksten"
    page.close()


def test_the_open_form_has_no_small_text_or_controls_and_no_wcag_violations(phone: Any, base_url: str) -> None:
    slug, session = "det-gode-bestyrelsesmoede", session_of("det-gode-bestyrelsesmoede", "2027-06-12 09:30")
    page = phone.new_page()
    form = open_form(page, base_url, slug, session)
    form.get_by_role("button", name="Send tilmeldingen").click()  # the messages shown, too
    found = page.evaluate(MEASURE)
    assert found["small"] == [] and found["tiny"] == []
    for field in form.locator("input:visible, textarea:visible").all():
        box = field.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
    fill(form, TYPED)
    form.get_by_role("button", name="Send tilmeldingen").click()  # the text shown
    found = page.evaluate(MEASURE)
    assert found["small"] == [] and found["tiny"] == []
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("options => axe.run(document, options)", {"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    assert [f"{v['id']}: {n['target']}" for v in result["violations"] for n in v["nodes"]] == []
    page.close()


@pytest.mark.parametrize("slug", sorted(slug for slug in COURSES if mail_sessions(slug)))
def test_every_session_signed_up_for_by_mail_has_its_own_form(sample_site: Path, slug: str) -> None:
    main = content(page(sample_site, f"kurser/{slug}"))
    # As built, each session's form is once where it is shown; the course page also holds every session a second
    # time, hidden, for "Hvor bor du?" to show instead (its first box and its list), with ids of its own ('-kopi').
    shown = main.select("details.tilmelding:not([id$='-kopi'])")
    copies = main.select("details.tilmelding[id$='-kopi']")
    assert all(d.find_parent(attrs={"hidden": True}) is not None for d in copies)
    assert all(d.find_parent(attrs={"hidden": True}) is None for d in shown)
    forms = shown
    autocomplete = {"Navn": "name", "Adresse": "street-address", "Mobilnummer": "tel", "E-mail": "email"}
    for details, session in zip(forms, ordered_as_shown(slug), strict=True):
        form = details.select_one("form")
        assert form["data-til"] == session["tilmelding"].removeprefix("mailto:")
        assert form["data-emne"] == subject(slug, session)
        assert form.has_attr("hidden") and form.has_attr("novalidate")  # shown by the script, which checks it
        assert form["action"].startswith(session["tilmelding"] + "?subject=")  # no other place to send it to
        fields = form.select("[data-linje]")
        assert [f["data-linje"] for f in fields] == [f"{label}:" for label in TYPED]
        for field in fields:
            label = form.find("label", attrs={"for": field["id"]})
            assert label is not None and label.get_text(" ", strip=True).startswith(field["data-linje"][:-1])
            assert field.get("autocomplete") == autocomplete.get(field["data-linje"][:-1])
        assert [f["data-linje"] for f in fields if f.has_attr("required")] == [
            "Navn:", "Afdeling:", "Adresse:", "Mobilnummer:", "E-mail:"]
    ids = [e["id"] for e in BeautifulSoup(str(main), "html.parser").find_all(id=True)]
    assert len(ids) == len(set(ids))


def ordered_as_shown(slug: str) -> list[dict[str, Any]]:
    """The mail sessions in the page's order: the first open one in its box, then the others by date."""
    sessions = sorted(mail_sessions(slug), key=lambda s: s["start"])
    first = next((s for s in sorted(offered(COURSES[slug]), key=lambda s: s["start"]) if open_for_signup(s)), None)
    return ([first] if first in sessions else []) + [s for s in sessions if s is not first]


def test_a_box_copied_by_another_script_still_writes_its_mail(phone: Any, base_url: str) -> None:
    """The form keeps its state in the page, and its script listens on the document: a session's box moved or
    copied (as a script choosing the session for the resident's region may) works as the original."""
    slug, session = "det-gode-bestyrelsesmoede", session_of("det-gode-bestyrelsesmoede", "2027-11-06 09:30")
    page = phone.new_page()
    page.goto(base_url + f"kurser/{slug}/", wait_until="networkidle")
    page.evaluate(f"""() => {{
      const copy = document.getElementById('{form_id(session)}').cloneNode(true);
      copy.id = 'kopi';
      document.querySelector('.naeste-hold').replaceChildren(copy);
    }}""")
    copy = page.locator("#kopi")
    copy.locator("summary").click()
    form = copy.locator("form")
    fill(form, TYPED)
    with page.expect_request(lambda request: request.url.startswith("mailto:")) as sent:
        form.get_by_role("button", name="Send tilmeldingen").click()
    assert parse_mailto(sent.value.url)[1]["subject"] == subject(slug, session)
    assert form.get_by_role("status").inner_text().startswith("Din e-mail åbner nu")
    page.close()
