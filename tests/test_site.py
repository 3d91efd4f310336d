"""The sample site, built with the real build.py and a fixed date, read back as parsed HTML.

Expectations are computed here from the course files with PyYAML and plain
Python, independently of the code under test.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from conftest import REFERENCE_DATE, REPO

TODAY = date.fromisoformat(REFERENCE_DATE)
WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december"]
TAXONOMY = yaml.safe_load((REPO / "config" / "taxonomy.yml").read_text(encoding="utf-8"))
DEPARTMENT = yaml.safe_load((REPO / "config" / "department.yml").read_text(encoding="utf-8"))


def load_courses() -> dict[str, dict]:
    """The sample's courses as written; a session held over several meetings also gets the 'start' of its first
    meeting and the 'slut' of its last, as FORMAT.md §1 says it starts and ends."""
    courses = {p.stem: yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
               for p in sorted((REPO / "courses").glob("*.yml"))}
    for course in courses.values():
        for session in course.get("hold") or []:
            if "mødegange" in session:
                session.update(start=session["mødegange"][0]["start"], slut=session["mødegange"][-1]["slut"])
    return courses


COURSES = load_courses()


def label(vocabulary: str, key: str) -> str:
    return TAXONOMY[vocabulary][key]["navn"]


def when(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M")


def danish_date(d: date) -> str:
    return f"{WEEKDAYS[d.weekday()]} {d.day}. {MONTHS[d.month - 1]} {d.year}"


def danish_datetime(d: datetime) -> str:
    return f"{danish_date(d)} kl. {d:%H.%M}"


def danish_price(kroner: int) -> str:
    return "Gratis" if kroner == 0 else f"{kroner:,} kr.".replace(",", ".")


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def text_of(node: Tag) -> str:
    return re.sub(r"\s+([,.])", r"\1", re.sub(r"\s+", " ", node.get_text(" "))).strip()


def facts(container: Tag) -> dict[str, str]:
    """A <dl> of facts as {label: text}."""
    return {text_of(dt): text_of(dt.find_next_sibling("dd")) for dt in container.find_all("dt")}


def content(soup: BeautifulSoup) -> Tag:
    return soup.select_one("article.md-content__inner")


def offered(course: dict) -> list[dict]:
    return sorted((s for s in course.get("hold") or [] if when(s["slut"]).date() >= TODAY),
                  key=lambda s: when(s["start"]))


def open_for_signup(session: dict) -> bool:
    return (session.get("status", "ledig") not in ("fuldt", "aflyst")
            and date.fromisoformat(session["tilmeldingsfrist"]) >= TODAY
            and when(session["start"]).date() > TODAY)


def preference(session: dict) -> int:
    """0: a seat to sign up for; 1: a waiting list (status 'venteliste' and open, or full and not begun);
    2: neither (begun, deadline passed)."""
    if open_for_signup(session):
        return 1 if session.get("status") == "venteliste" else 0
    return 1 if session.get("status") == "fuldt" and when(session["start"]).date() > TODAY else 2


def shown_sessions(course: dict, fits=lambda session: True) -> list[dict]:
    """The sessions to come (not cancelled) that fit, in the order a card picks among them: seats first, then a
    waiting list, then the rest, each by date. A card shows the first."""
    sessions = [s for s in offered(course) if s.get("status") != "aflyst" and fits(s)]
    return sorted(sessions, key=lambda s: (preference(s), when(s["start"])))


def featured(course: dict) -> dict | None:
    """The session a course page puts first, as its card shows it: the next with a seat, else the next with a
    waiting list."""
    return next((s for s in shown_sessions(course) if preference(s) < 2), None)


def form_of(course: dict, session: dict) -> str:
    return session.get("form", course["form"])


def time_span(session: dict) -> str:
    """How a session's times begin on its page: its day and hours, or for a session over several meetings how many
    and what ("3 aftener:"; days within a day from 17.00 are evenings, others days, and meetings over several days
    'mødegange')."""
    meetings = session.get("mødegange")
    if meetings:
        spans = [(when(m["start"]), when(m["slut"])) for m in meetings]
        unit = ("mødegange" if any(a.date() != b.date() for a, b in spans)
                else "aftener" if all(a.hour >= 17 for a, _ in spans) else "dage")
        return f"{len(meetings)} {unit}:"
    start, end = when(session["start"]), when(session["slut"])
    if start.date() == end.date():
        text = f"{danish_date(start)} kl. {start:%H.%M}–{end:%H.%M}"
    else:
        text = f"{danish_datetime(start)} til {danish_datetime(end)}"
    return text[0].upper() + text[1:]


def venue_text(course: dict, session: dict) -> str:
    venue = session.get("sted")
    if form_of(course, session) == "online" or not venue:
        return "Online – du får et link, når du er tilmeldt"
    text = f"{venue['navn']}, {venue['adresse']}, {venue['postnr']} {venue['by']}"
    return text + (" – eller online" if form_of(course, session) == "hybrid" else "")


def listed_sessions(main: Tag) -> list[Tag]:
    """The sessions in the list below the first box, as the page is built (the first box's is there, hidden, for
    when a resident's region puts another session first: tests/test_region_choice.py)."""
    return main.select("ul.hold-liste > li.hold:not([hidden])")


@pytest.mark.parametrize("slug", list(COURSES))
def test_course_page_shows_every_field(sample_site: Path, slug: str) -> None:
    course = COURSES[slug]
    soup = page(sample_site, f"kurser/{slug}")
    main = content(soup)
    assert text_of(main.find("h1")) == course["titel"]
    assert soup.find("meta", attrs={"name": "description"})["content"] == course["intro"]
    assert text_of(main.select_one(".kursus-intro")) == course["intro"]
    shown = facts(main.select_one("dl.kursus-fakta"))
    assert shown["Målgruppe"] == ", ".join(label("målgrupper", k) for k in course["målgruppe"])
    assert shown["Niveau"] == ", ".join(label("niveauer", k) for k in course["niveau"])
    forms = {form_of(course, s) for s in offered(course)}
    assert shown["Form"] == label("former", course["form"]) + (" (se de enkelte hold)" if len(forms) > 1 else "")
    assert shown["Emner"] == ", ".join(label("emner", k) for k in course["emner"])
    topic_links = [a["href"] for a in main.select("dl.kursus-fakta a")]
    assert topic_links == [f"../../emner/{k}/" for k in course["emner"]]
    assert shown["Pris"] == " ".join(filter(None, [danish_price(int(course["pris"])), course.get("pris_note")]))
    for key, heading in [("varighed", "Varighed"), ("forplejning", "Forplejning")]:
        assert shown.get(heading) == course.get(key)
    teachers = [", ".join(filter(None, [t["navn"], t.get("rolle")])) for t in course.get("undervisere") or []]
    assert shown.get("Undervisere") == (" ".join(teachers) or None)
    kendetegn = ", ".join(label("kendetegn", k) for k in course.get("kendetegn") or [])
    assert shown.get("Kendetegn") == (kendetegn or None)
    assert "Indhold" in [text_of(h) for h in main.find_all("h2")]
    first_paragraph = course["beskrivelse"].strip().split("\n\n")[0].replace("\n", " ")
    assert re.sub(r"\s+", " ", first_paragraph) in text_of(main)


def mail_to(href: str) -> tuple[str, dict[str, list[str]]]:
    address, query = href.split("?", 1)
    return address, parse_qs(query)


def signup_button(container: Tag) -> tuple[Tag, str]:
    """A session's sign-up button and where it leads: a link to the sign-up page, or for a sign-up by e-mail the
    button that opens the form (a <details>' summary) and the prefilled mail offered there without a script."""
    details = container.select_one("details.tilmelding")
    if details is None:
        button = container.select_one("a.knap:not([download])")
        return button, button["href"]
    return details.summary, details.select_one(".tilmelding__uden-script a.knap")["href"]


@pytest.mark.parametrize("slug", list(COURSES))
def test_course_page_sessions(sample_site: Path, slug: str) -> None:
    course = COURSES[slug]
    main = content(page(sample_site, f"kurser/{slug}"))
    box = main.select_one("section.naeste-hold")
    box = box.select_one(".hold-valg__hold:not([hidden])") or box  # the session shown (test_region_choice.py)
    first = featured(course)
    contact = course.get("kontakt") or DEPARTMENT["email"]
    if first is None:
        assert "naeste-hold--ingen" in box["class"]
        ask = box.select_one("a.knap--primaer")
        assert text_of(ask) == "Skriv mig op, når der kommer et hold"
        assert ask["href"].startswith(f"mailto:{contact}?subject=")
    else:
        text = text_of(box)
        assert time_span(first) in text
        assert venue_text(course, first) in text
        assert danish_price(int(course["pris"])) in text
        seats = f"{first['pladser']} pladser i alt" if first.get("pladser") else "pladser i alt"
        assert (seats in text) == bool(first.get("pladser"))
        if first.get("note"):
            assert first["note"] in text
        if open_for_signup(first):
            status = label("status", first.get("status", "ledig"))
            assert status in text
            wanted = "Skriv dig på venteliste" if first.get("status") == "venteliste" else "Tilmeld dig"
            button, href = signup_button(box)
            assert "knap--primaer" in button["class"]
            assert text_of(button).startswith(wanted)
            assert href.startswith(first["tilmelding"])
            calendar = box.select_one("a[download]")
            assert calendar["href"] == f"hold-{first['start'][:10]}-{first['start'][11:13]}{first['start'][14:16]}.ics"
        else:  # full: a waiting list by mail
            button = box.select_one("a.knap--primaer")
            assert text_of(button).startswith("Skriv dig på venteliste")
            address, fields = mail_to(button["href"])
            mailto = first["tilmelding"].startswith("mailto:")
            assert address == (first["tilmelding"] if mailto else f"mailto:{contact}")
            assert fields["subject"][0].startswith(f"Venteliste: {course['titel']}, ")
    others = [s for s in offered(course) if s is not first]
    items = listed_sessions(main)
    assert len(items) == len(others)
    for item, session in zip(items, others, strict=True):
        text = text_of(item)
        assert text.startswith(time_span(session))
        assert venue_text(course, session) in text
        buttons = item.select("a.knap")
        if session.get("status") == "aflyst":
            assert "Aflyst" in text and "Tilføj til kalender" not in text
            assert "pladser" not in text_of(item.select_one(".hold__fakta"))
            # its note (why, and where to go instead) is shown; it points to the other sessions only when one has
            # seats, and never invites sign-up (issue 30)
            assert not session.get("note") or session["note"] in text
            assert ("Se de andre hold" in text) == any(preference(other) == 0 for other in offered(course)
                                                       if other is not session and other.get("status") != "aflyst")
            assert "tilmeld" not in text.replace(session.get("note") or "", "").lower()
            assert buttons == []
        elif session.get("status") == "fuldt" and when(session["start"]).date() > TODAY:
            day = danish_date(when(session["start"]))
            assert [text_of(b) for b in buttons] == [f"Skriv dig på venteliste – {day}", f"Tilføj til kalender – {day}"]
        elif not open_for_signup(session):
            assert [text_of(b) for b in buttons] == [f"Tilføj til kalender – {danish_date(when(session['start']))}"]
            assert item.select_one(".hold__lukket") is not None
        else:
            button, href = signup_button(item)
            assert href.startswith(session["tilmelding"])
            assert item.select_one("a[download]") is not None
            assert "knap--primaer" not in " ".join(" ".join(b["class"]) for b in [button, *buttons])  # one primary
    for session in course.get("hold") or []:
        if session not in offered(course):
            assert time_span(session) not in text_of(main)


def test_mailto_signup_is_prefilled(sample_site: Path) -> None:
    main = content(page(sample_site, "kurser/det-gode-bestyrelsesmoede"))
    # 2027-06-12: open; 2027-03-06 is full
    _, href = signup_button(main.select_one("section.naeste-hold .hold-valg__hold:not([hidden])"))
    address, fields = mail_to(href)
    assert address == "mailto:kursus@example.dk"
    assert fields["subject"] == ["Tilmelding: Det gode bestyrelsesmøde, lørdag 12. juni 2027 kl. 09.30"]
    body = fields["body"][0]
    for wanted in ["Navn:", "Afdeling:", "Adresse:", "Mobilnummer:", "E-mail:"]:
        assert wanted in body.split("\r\n")
    assert " " not in href and "+" not in href.split("?", 1)[1]  # spaces are %20, as mail programs expect


def test_closed_sessions_say_why(sample_site: Path) -> None:
    def item(slug: str, start: str) -> Tag:
        main = content(page(sample_site, f"kurser/{slug}"))
        return next(i for i in listed_sessions(main) if text_of(i).startswith(start))

    full = item("det-gode-bestyrelsesmoede", "Lørdag 6. marts 2027")
    assert "Fuldt booket" in text_of(full)
    address, fields = mail_to(full.select_one("a.knap")["href"])
    assert fields["subject"] == ["Venteliste: Det gode bestyrelsesmøde, lørdag 6. marts 2027 kl. 09.30"]
    assert "Aflyst" in text_of(item("konflikthaandtering-mellem-naboer", "Torsdag 18. marts 2027"))
    late = item("grundlaeggende-budget-og-regnskab", "Lørdag 6. februar 2027")
    assert "Tilmeldingsfristen er udløbet" in text_of(late)
    assert text_of(late.select_one(".hold__lukket")) == "Tilmeldingsfristen udløb fredag 8. januar 2027."


def test_waiting_list_has_its_own_button(sample_site: Path) -> None:
    """A session with only a waiting list (status 'venteliste') offers it; a later session with seats comes first."""
    main = content(page(sample_site, "kurser/budgetopfoelgning"))
    box = main.select_one("section.naeste-hold .hold-valg__hold:not([hidden])")
    assert "5. oktober 2027" in text_of(box) and text_of(box.select_one("a.knap--primaer")).startswith("Tilmeld dig")
    waiting = next(i for i in listed_sessions(main) if text_of(i).startswith("Tirsdag 16. marts 2027"))
    assert text_of(waiting.select_one("a.knap")).startswith("Skriv dig på venteliste")


def test_no_session_course_says_how_to_ask(sample_site: Path) -> None:
    main = content(page(sample_site, "kurser/samarbejdet-mellem-bestyrelse-og-drift"))
    assert "Der er endnu ikke fastsat en dato for kurset." in text_of(main)
    href = main.select_one("section.naeste-hold a.knap--primaer")["href"]
    address, fields = mail_to(href)
    assert fields["subject"] == ["Skriv mig op: Samarbejdet mellem bestyrelse og drift"]


def test_tailored_courses_link_to_the_order_page(sample_site: Path) -> None:
    for slug, course in COURSES.items():
        links = [a["href"] for a in content(page(sample_site, f"kurser/{slug}")).find_all("a", href=True)]
        assert ("../../skraeddersyet/" in links) == (course.get("skræddersyet") == "true"), slug
    order = content(page(sample_site, "skraeddersyet"))
    mail = order.select_one("a.md-button--primary")["href"]
    assert mail.startswith(f"mailto:{DEPARTMENT['email']}?subject=")
    listed = {a["href"].split("/")[-2] for a in order.select(".kursus-kort__titel a")}
    assert listed == {slug for slug, c in COURSES.items() if c.get("skræddersyet") == "true"}


def test_ideas_page_has_a_prefilled_mail(sample_site: Path) -> None:
    mail = content(page(sample_site, "ideer")).select_one("a.md-button--primary")["href"]
    assert unquote(mail).startswith(f"mailto:{DEPARTMENT['email']}?subject=Idé til kursusafdelingen")


def test_contact_and_rules_on_every_course_page_and_practical_page(sample_site: Path) -> None:
    rules = [r["overskrift"] for r in DEPARTMENT["tilmeldingsregler"]]
    for slug in list(COURSES) + ["../praktisk"]:
        main = content(page(sample_site, f"kurser/{slug}"))
        text = text_of(main)
        assert DEPARTMENT["email"] in text and DEPARTMENT["telefon"] in text, slug
        for rule in rules:
            assert rule in text, (slug, rule)


def danish_title(course: dict) -> str:
    return course["titel"].casefold().translate(str.maketrans({"æ": "{", "ø": "|", "å": "}"}))


def expected_catalogue_order() -> list[str]:
    """Courses by the start of the session their card shows, then by title; those without a session last."""
    def next_start(course: dict) -> datetime | None:
        shown = shown_sessions(course)
        return when(shown[0]["start"]) if shown else None

    planned = sorted((s for s, c in COURSES.items() if next_start(c)),
                     key=lambda s: (next_start(COURSES[s]), danish_title(COURSES[s])))
    unplanned = sorted((s for s, c in COURSES.items() if not next_start(c)), key=lambda s: danish_title(COURSES[s]))
    return planned + unplanned


def card_sessions(main: Tag) -> dict[str, str]:
    """The cards of a list: course slug → the text of the session each shows."""
    return {a["href"].strip("/").split("/")[-1]: text_of(card.select_one(".kursus-kort__hold:not([hidden])"))
            for card in main.select("li.kursus-kort") for a in card.select(".kursus-kort__titel a")}


# The cases of issue 29 (point 4): the first session is full, or closed by its deadline, or has only a waiting
# list, while a later one has seats. The card names the later one.
LATER_SEATS = {
    "webinar-saadan-laeser-du-afdelingens-budget": ("2027-01-27", "2027-02-23"),  # full before
    "det-gode-bestyrelsesmoede": ("2027-03-06", "2027-06-12"),  # full before
    "budgetopfoelgning": ("2027-03-16", "2027-10-05"),  # only a waiting list before
}


@pytest.mark.parametrize("url", ["", "kurser", "ny-i-bestyrelsen", "emner/oekonomi", "emner/bestyrelsesarbejde"])
def test_a_card_shows_the_next_session_with_seats(sample_site: Path, url: str) -> None:
    cards = card_sessions(content(page(sample_site, url)))
    assert cards
    for slug, line in cards.items():
        shown = shown_sessions(COURSES[slug])
        if not shown:
            assert line == "Ingen planlagte hold"
            continue
        session = shown[0]
        several = f" (første af {time_span(session)[:-1]})" if session.get("mødegange") else ""
        assert line.startswith(f"Næste hold: {danish_date(when(session['start']).date())}{several},"), (slug, line)
        if preference(session) == 0:
            assert "Fuldt booket" not in line and "Venteliste" not in line
    for slug, (earlier, later) in LATER_SEATS.items():
        if slug in cards:
            assert danish_date(date.fromisoformat(later)) in cards[slug]
            assert danish_date(date.fromisoformat(earlier)) not in cards[slug]


def test_the_cases_of_a_later_session_with_seats_are_in_the_sample() -> None:
    for slug, (earlier, later) in LATER_SEATS.items():
        sessions = {s["start"][:10]: s for s in offered(COURSES[slug])}
        assert preference(sessions[earlier]) == 1 and preference(sessions[later]) == 0
        assert when(sessions[earlier]["start"]) < when(sessions[later]["start"])


def test_catalogue_lists_every_course_upcoming_first(sample_site: Path) -> None:
    main = content(page(sample_site, "kurser"))
    slugs = [a["href"].strip("/").split("/")[-1] for a in main.select("li.kursus-kort h2 a")]
    assert slugs == expected_catalogue_order()
    unplanned = [li for li in main.select("li.kursus-kort") if "Ingen planlagte hold" in text_of(li)]
    assert len(unplanned) == sum(1 for s in expected_catalogue_order() if not any(
        x.get("status") != "aflyst" for x in offered(COURSES[s])))


def test_topic_pages_list_their_courses(sample_site: Path) -> None:
    for topic in TAXONOMY["emner"]:
        main = content(page(sample_site, f"emner/{topic}"))
        assert text_of(main.find("h1")) == label("emner", topic)
        listed = [a["href"].strip("/").split("/")[-1] for a in main.select("li.kursus-kort h3 a")]
        assert listed == [s for s in expected_catalogue_order() if topic in COURSES[s]["emner"]]


def test_front_page(sample_site: Path) -> None:
    main = content(page(sample_site, ""))
    assert text_of(main.find("h1")) == "Kurser for beboerdemokrater"
    assert text_of(content(page(sample_site, "skraeddersyet")).find("h1")) == "Bestil et kursus til jeres bestyrelse"
    headings = [text_of(h) for h in main.find_all("h2")]
    assert headings[:5] == ["De næste kurser", "Kurser i din region", "Ny i bestyrelsen?", "Værktøjskassen",
                            "Kurser efter emne"]
    upcoming = [a["href"].strip("/").split("/")[-1] for a in main.select("ul.kursus-liste")[0].select("h3 a")]
    assert upcoming == expected_catalogue_order()[:5]
    links = {a["href"] for a in main.find_all("a", href=True)}
    assert {"kurser/", "ny-i-bestyrelsen/", "forloeb/", "vaerktoejskasse/", "skraeddersyet/", "ideer/"} <= links
    assert {f"emner/{t}/" for t in TAXONOMY["emner"]} <= links
    new = content(page(sample_site, "ny-i-bestyrelsen"))
    listed = {a["href"].strip("/").split("/")[-1] for a in new.select("li.kursus-kort h3 a")}
    assert listed == {s for s, c in COURSES.items() if "ny" in c["niveau"]}


def test_about_page_has_mission_vision_strategy(sample_site: Path) -> None:
    text = text_of(content(page(sample_site, "om")))
    for word in ["Sikre kompetente beboerdemokrater", "Vision", "Strategi"]:
        assert word.lower() in text.lower()


def all_pages(site: Path) -> list[Path]:
    """The site's pages for residents: every HTML file but the editors' forms (tests/test_cms_browser.py)."""
    return sorted(path for path in site.rglob("*.html") if path.relative_to(site).parts[0] != "admin")


def test_every_page_is_danish_and_requests_nothing_from_other_hosts(sample_site: Path) -> None:
    for path in all_pages(sample_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == "da", path
        for tag, attribute in [("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                               ("source", "src"), ("video", "src"), ("audio", "src")]:
            for element in soup.find_all(tag):
                value = element.get(attribute)
                if not value or (tag == "link" and element.get("rel") == ["canonical"]):
                    continue
                assert not urlsplit(value).netloc and not value.startswith("//"), (path, value)
        assert "fonts.googleapis" not in str(soup) and "fonts.gstatic" not in str(soup)


def test_internal_links_resolve(sample_site: Path) -> None:
    for path in all_pages(sample_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        base = "/" + path.relative_to(sample_site).as_posix()
        for a in soup.find_all("a", href=True):
            href = a["href"]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("#"):
                continue
            target = urlsplit(urljoin(base, href)).path
            resolved = sample_site / target.lstrip("/")
            assert resolved.is_file() or (resolved / "index.html").is_file(), (path, href)


def test_navigation_does_not_list_courses(sample_site: Path) -> None:
    sizes = set()
    for slug in COURSES:
        nav = page(sample_site, f"kurser/{slug}").select_one("nav.md-nav--primary")
        hrefs = [a["href"] for a in nav.find_all("a", href=True)]
        assert not any("kurser/" in h and h.rstrip("/").split("/")[-1] in COURSES for h in hrefs), slug
        sizes.add(len(hrefs))
    assert len(sizes) == 1  # the same navigation on every course page


def test_ended_sessions_are_not_offered_on_lists(sample_site: Path) -> None:
    # Introduktion til bestyrelsesarbejdet had a session on 9 October 2026, before the reference date.
    main = content(page(sample_site, "kurser/introduktion-til-bestyrelsesarbejdet"))
    assert "9. oktober 2026" not in text_of(main)
    assert "Fredag 5. marts 2027 kl. 16.00 til lørdag 6. marts 2027 kl. 15.00" in text_of(main)


def test_sample_content_covers_the_whole_taxonomy() -> None:
    used = {name: set() for name in TAXONOMY}
    for course in COURSES.values():
        used["emner"] |= set(course["emner"])
        used["niveauer"] |= set(course["niveau"])
        used["former"] |= {course["form"]} | {form_of(course, s) for s in course.get("hold") or []}
        used["målgrupper"] |= set(course["målgruppe"])
        used["kendetegn"] |= set(course.get("kendetegn") or [])
        for session in course.get("hold") or []:
            used["regioner"].add(session.get("region", "hele-landet"))
            used["status"].add(session.get("status", "ledig"))
    assert used == {name: set(entries) for name, entries in TAXONOMY.items()}
    assert len(COURSES) >= 20
    assert sum(c.get("skræddersyet") == "true" for c in COURSES.values()) >= 2
    assert sum("pilot" in (c.get("kendetegn") or []) for c in COURSES.values()) >= 2
    assert sum(not c.get("hold") for c in COURSES.values()) >= 2
    assert sum(when(s["slut"]).date() < TODAY for c in COURSES.values() for s in c.get("hold") or []) >= 2


def test_toolkit_page_takes_its_title_from_titel(sample_site: Path) -> None:
    soup = page(sample_site, "vaerktoejskasse/videoer/dirigent-paa-afdelingsmoedet")
    assert text_of(content(soup).find("h1")) == "Dirigent på afdelingsmødet"
    assert soup.title.string.startswith("Dirigent på afdelingsmødet")


@pytest.mark.parametrize("url", ["kurser/det-gode-bestyrelsesmoede", "praktisk", "kurser",
                                 "vaerktoejskasse/vejledninger/budgettet-trin-for-trin"])
def test_skip_link_leads_to_the_page_title(sample_site: Path, url: str) -> None:
    """'Gå til indholdet' lands on the page's title: past the menu, not past the sign-up box or the downloads
    that follow the title (the theme would lead to the first heading of the text, '#indhold' on a course)."""
    html = page(sample_site, url)
    skip = html.select_one("a.md-skip")
    assert skip is not None and skip.get_text(strip=True) == "Gå til indholdet"
    target = html.find(id=skip["href"].removeprefix("#"))
    assert target is not None and target.name == "h1"
    assert html.select("h1") == [target]


def test_a_cancelled_online_session_invites_no_sign_up_when_no_other_has_seats(tmp_path: Path) -> None:
    """Issue 30: a cancelled online session does not promise a link for the signed up, shows its note, and points to
    the other sessions only when one has seats; here the others are full, so it offers to hear of a new one."""
    from bs4 import BeautifulSoup
    from conftest import copy_project, run_build

    project = copy_project(tmp_path / "projekt")
    course = project / "courses" / "webinar-saadan-laeser-du-afdelingens-budget.yml"
    text = course.read_text(encoding="utf-8")
    text = text.replace("    pladser: 150\n    note: Ekstra webinar, fordi januar blev fuldt booket.\n",
                        "    pladser: 150\n    status: aflyst\n    note: Aflyst, fordi oplægsholderen er syg.\n")
    text = text.replace("    tilmelding: https://tilmelding.example.dk/webinar/budget-2027-08\n",
                        "    tilmelding: https://tilmelding.example.dk/webinar/budget-2027-08\n    status: fuldt\n")
    assert text.count("status: aflyst") == 1 and text.count("status: fuldt") == 2
    course.write_text(text, encoding="utf-8")
    assert run_build(project, "build", "--dato", REFERENCE_DATE).returncode == 0
    page = BeautifulSoup((project / "site" / "kurser" / "webinar-saadan-laeser-du-afdelingens-budget" /
                          "index.html").read_text(encoding="utf-8"), "html.parser")
    cancelled = text_of(page.select_one("li.hold--aflyst"))
    assert cancelled == ("Tirsdag 23. februar 2027 kl. 19.00–20.00 Online Aflyst – holdet bliver ikke til noget. "
                         "Aflyst, fordi oplægsholderen er syg. Skriv til kursus@example.dk, hvis du vil høre, når der "
                         "kommer et nyt hold."), cancelled
