"""Ways out of the site: calendar files, the Atom feed, schema.org JSON-LD, the printable catalogue, sitemap."""

from __future__ import annotations

import io
import json
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import icalendar
import pypdf
import pytest
from bs4 import BeautifulSoup
from test_site import COURSES, TODAY, all_pages, content, offered, page, when
from test_toolkit_site import ITEMS

from catalogue.urls import is_poster_file

SITE_URL = "https://kurser.example.dk/"
COPENHAGEN = ZoneInfo("Europe/Copenhagen")
ATOM = "{http://www.w3.org/2005/Atom}"


def theme_pages(site: Path) -> list[Path]:
    """The pages in the site's theme: every page but the courses' posters, which are sheets to print
    (tests/test_poster.py)."""
    return [path for path in all_pages(site) if not is_poster_file(path.relative_to(site).as_posix())]


def calendar(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def events(path: Path) -> list[icalendar.Event]:
    return list(calendar(path).walk("VEVENT"))


# ----------------------------------------------------------------------------- calendars


def test_every_session_to_come_has_a_calendar_link(sample_site: Path) -> None:
    for slug, course in COURSES.items():
        main = content(page(sample_site, f"kurser/{slug}"))
        # each session's link once (the first box holds every session for "Hvor bor du?", all but one hidden)
        links = sorted({a["href"] for a in main.select("a[download]") if a["href"].endswith(".ics")})
        to_come = [s for s in offered(course) if s.get("status") != "aflyst"]  # a cancelled one has none
        assert links == sorted(f"hold-{s['start'][:10]}-{s['start'][11:13]}{s['start'][14:16]}.ics" for s in to_come)
        for session in to_come:
            href = f"hold-{session['start'][:10]}-{session['start'][11:13]}{session['start'][14:16]}.ics"
            found = events(sample_site / "kurser" / slug / href)
            meetings = session.get("mødegange") or [session]  # FORMAT.md §1: an event per meeting
            assert [(e.decoded("dtstart").replace(tzinfo=None), e.decoded("dtend").replace(tzinfo=None))
                    for e in found] == [(when(m["start"]), when(m["slut"])) for m in meetings]
            assert len({str(e["UID"]) for e in found}) == len(meetings)


@pytest.mark.parametrize("slug, file, utc_start, utc_end", [
    # Winter time (CET, UTC+1) and summer time (CEST, UTC+2) for the same local 09:30–15:30.
    ("det-gode-bestyrelsesmoede", "hold-2027-03-06-0930.ics", "2027-03-06 08:30", "2027-03-06 14:30"),
    ("det-gode-bestyrelsesmoede", "hold-2027-06-12-0930.ics", "2027-06-12 07:30", "2027-06-12 13:30"),
])
def test_calendar_times_are_danish_local_time_in_winter_and_summer(
        sample_site: Path, slug: str, file: str, utc_start: str, utc_end: str) -> None:
    path = sample_site / "kurser" / slug / file
    cal = calendar(path)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    # The file's own VTIMEZONE gives the same offsets as the tz database, summer time included.
    own_rules = cal.walk("VTIMEZONE")[0].to_tz()
    local = when(f"{utc_start[:10]} 09:30")
    assert local.replace(tzinfo=own_rules).utcoffset() == local.replace(tzinfo=COPENHAGEN).utcoffset()
    event = cal.walk("VEVENT")[0]
    assert event["DTSTART"].params["TZID"] == "Europe/Copenhagen"
    start = event.decoded("dtstart").astimezone(timezone.utc)
    end = event.decoded("dtend").astimezone(timezone.utc)
    assert (f"{start:%Y-%m-%d %H:%M}", f"{end:%Y-%m-%d %H:%M}") == (utc_start, utc_end)
    assert str(event["SUMMARY"]) == "Det gode bestyrelsesmøde"
    assert str(event["URL"]) == SITE_URL + "kurser/det-gode-bestyrelsesmoede/"
    assert "Få styr på dagsorden" in str(event["DESCRIPTION"])
    assert str(event["STATUS"]) == ("CONFIRMED")
    assert b"\r\n" in path.read_bytes()  # RFC 5545 line endings


def test_cancelled_session_is_cancelled_in_the_calendar(sample_site: Path) -> None:
    event = events(sample_site / "kurser" / "konflikthaandtering-mellem-naboer" / "hold-2027-03-18-1700.ics")[0]
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]).startswith("AFLYST: ")
    # its note says why and where to go instead; it invites no sign-up (issue 30)
    description = str(event["DESCRIPTION"])
    assert "Holdet er aflyst på grund af sygdom." in description
    assert "tilmeld dig" not in description.lower() and description.endswith(
        "Læs mere: https://kurser.example.dk/kurser/konflikthaandtering-mellem-naboer/")


def test_venue_is_the_location(sample_site: Path) -> None:
    session = offered(COURSES["det-gode-bestyrelsesmoede"])[1]
    venue = session["sted"]
    event = events(sample_site / "kurser" / "det-gode-bestyrelsesmoede" / "hold-2027-06-12-0930.ics")[0]
    assert str(event["LOCATION"]) == f"{venue['navn']}, {venue['adresse']}, {venue['postnr']} {venue['by']}"


def test_catalogue_and_topic_calendars_to_subscribe_to(sample_site: Path) -> None:
    everything = events(sample_site / "kalender.ics")
    def meetings(course: dict) -> int:
        return sum(len(s.get("mødegange") or [s]) for s in offered(course))

    assert len(everything) == sum(meetings(c) for c in COURSES.values())
    uids = [str(e["UID"]) for e in everything]
    assert len(set(uids)) == len(uids)
    single = events(sample_site / "kurser" / "det-gode-bestyrelsesmoede" / "hold-2027-06-12-0930.ics")[0]
    assert str(single["UID"]) in uids  # the same event in every calendar: subscribers get updates, not copies
    topic = events(sample_site / "emner" / "oekonomi" / "kalender.ics")
    assert len(topic) == sum(meetings(c) for c in COURSES.values() if "oekonomi" in c["emner"])
    links = [a["href"] for a in content(page(sample_site, "kurser")).select(".genveje a")]
    assert "../kalender.ics" in links
    assert "kalender.ics" in [a["href"] for a in content(page(sample_site, "emner/oekonomi")).select(".genveje a")]


def test_uids_are_stable_between_builds(sample_site: Path, tmp_path: Path) -> None:
    from conftest import REFERENCE_DATE, copy_project, run_build

    again = copy_project(tmp_path / "igen")
    assert run_build(again, "build", "--dato", REFERENCE_DATE).returncode == 0
    assert (again / "site" / "kalender.ics").read_bytes() == (sample_site / "kalender.ics").read_bytes()


# ----------------------------------------------------------------------------- feed


def test_atom_feed_newest_first_and_linked_from_every_page(sample_site: Path) -> None:
    feed = ElementTree.parse(sample_site / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert 20 <= len(entries) <= 50
    updated = [datetime.fromisoformat(e.findtext(f"{ATOM}updated")) for e in entries]
    assert updated == sorted(updated, reverse=True)
    intros = {c["intro"] for c in COURSES.values()} | {meta["intro"] for meta, _ in ITEMS.values()}
    for entry in entries:
        assert entry.findtext(f"{ATOM}summary") in intros
        assert entry.find(f"{ATOM}link").get("href").startswith(SITE_URL)
    newest_material = max(ITEMS.values(), key=lambda i: i[0]["revideret"])[0]["titel"]
    assert newest_material in [e.findtext(f"{ATOM}title") for e in entries]
    for path in theme_pages(sample_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        link = soup.find("link", rel="alternate", type="application/atom+xml")
        assert link is not None, path
        target = urlsplit(urljoin("/" + path.relative_to(sample_site).as_posix(), link["href"])).path
        assert (sample_site / target.lstrip("/")).is_file(), path


# ----------------------------------------------------------------------------- JSON-LD

# The schema.org types and properties the pages may use (https://schema.org/…), checked by hand.
SCHEMA_ORG: dict[str, set[str]] = {
    "Course": {"name", "description", "url", "inLanguage", "provider", "educationalLevel", "about", "audience",
               "offers", "hasCourseInstance", "instructor", "aggregateRating"},
    "CourseInstance": {"name", "description", "courseMode", "startDate", "endDate", "eventAttendanceMode",
                       "eventStatus", "location", "offers", "organizer", "inLanguage", "url",
                       "maximumAttendeeCapacity", "subEvent"},
    "Organization": {"name", "email", "telephone", "url"},
    "Person": {"name", "jobTitle"},
    "Audience": {"audienceType"},
    "Offer": {"price", "priceCurrency", "availability", "validThrough", "url", "category"},
    "Place": {"name", "address"},
    "PostalAddress": {"streetAddress", "postalCode", "addressLocality", "addressCountry"},
    "VirtualLocation": {"url"},
    "Event": {"name", "description", "startDate", "endDate", "eventAttendanceMode", "eventStatus", "location"},
    "AggregateRating": {"ratingValue", "ratingCount", "bestRating", "worstRating"},
}
ENUMERATIONS = {"https://schema.org/" + v for v in [
    "OfflineEventAttendanceMode", "OnlineEventAttendanceMode", "MixedEventAttendanceMode", "EventScheduled",
    "EventCancelled", "InStock", "LimitedAvailability", "BackOrder", "SoldOut", "Discontinued"]}


def json_ld(sample_site: Path, slug: str) -> dict[str, Any]:
    scripts = page(sample_site, f"kurser/{slug}").find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def check_schema_org(node: Any) -> None:
    if isinstance(node, list):
        for item in node:
            check_schema_org(item)
    elif isinstance(node, dict):
        kind = node["@type"]
        assert kind in SCHEMA_ORG, kind
        for key, value in node.items():
            if key not in ("@type", "@context"):
                assert key in SCHEMA_ORG[kind], (kind, key)
                check_schema_org(value)
    elif isinstance(node, str) and node.startswith("https://schema.org/"):
        assert node in ENUMERATIONS, node


@pytest.mark.parametrize("slug", list(COURSES))
def test_course_json_ld(sample_site: Path, slug: str) -> None:
    course = COURSES[slug]
    data = json_ld(sample_site, slug)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Course"
    assert data["name"] == course["titel"] and data["description"] == course["intro"]
    assert data["provider"]["@type"] == "Organization"
    check_schema_org(data)
    sessions = offered(course)
    assert len(data["hasCourseInstance"]) == len(sessions)
    for instance, session in zip(data["hasCourseInstance"], sessions, strict=True):
        start = datetime.fromisoformat(instance["startDate"])
        assert start.utcoffset() is not None  # with offset
        assert start.replace(tzinfo=None) == when(session["start"])
        assert datetime.fromisoformat(instance["endDate"]).replace(tzinfo=None) == when(session["slut"])
        meetings = session.get("mødegange")
        assert [(datetime.fromisoformat(e["startDate"]).replace(tzinfo=None),
                 datetime.fromisoformat(e["endDate"]).replace(tzinfo=None)) for e in instance.get("subEvent", [])] == [
            (when(m["start"]), when(m["slut"])) for m in meetings or []]
        assert instance["offers"]["priceCurrency"] == "DKK" and instance["offers"]["price"] == int(course["pris"])
        cancelled = session.get("status") == "aflyst"
        assert instance["eventStatus"].endswith("EventCancelled" if cancelled else "EventScheduled")
        assert instance["organizer"]["@type"] == "Organization"
        location = instance["location"]
        kinds = {item["@type"] for item in (location if isinstance(location, list) else [location])}
        form = session.get("form", course["form"])  # the session's own form, else the course's
        assert kinds == {"fysisk": {"Place"}, "online": {"VirtualLocation"},
                         "hybrid": {"Place", "VirtualLocation"}}[form]
        assert instance["eventAttendanceMode"].endswith(
            {"fysisk": "Offline", "online": "Online", "hybrid": "Mixed"}[form] + "EventAttendanceMode")
        status = session.get("status", "ledig")
        assert instance["offers"]["availability"].endswith(
            {"ledig": "InStock", "faa-pladser": "LimitedAvailability", "venteliste": "BackOrder",
             "fuldt": "SoldOut", "aflyst": "Discontinued"}[status])


# ----------------------------------------------------------------------------- printing


def test_printable_catalogue_prints_every_upcoming_course_on_a4(browser: Any, base_url: str) -> None:
    page_ = browser.new_page()
    page_.goto(base_url + "kurser/katalog/")
    pdf = page_.pdf(format="A4", print_background=False)
    page_.close()
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4 in points
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    upcoming = [c for c in COURSES.values() if any(s.get("status") != "aflyst" for s in offered(c))]
    for course in upcoming:
        assert course["titel"] in text, course["titel"]
    for course in upcoming:
        for session in offered(course):
            if session.get("status") not in ("aflyst", "fuldt") and session["tilmelding"].startswith("https://"):
                assert session["tilmelding"] in text.replace(" ", "")
    assert "kursus@example.dk" in text
    for navigation in ("Send os en idé", "Ny i bestyrelsen", "Søg på sitet"):
        assert navigation not in text  # navigation and search are not printed


def test_printable_catalogue_offers_a_full_sessions_waiting_list_and_says_a_day_once(sample_site: Path) -> None:
    """Issue 30: a full session (not begun) prints how to get on its waiting list, not its sign-up address; a
    session within one day prints its date once ('lørdag 6. marts 2027 kl. 09.30–15.30'), one over several days
    both ends."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((sample_site / "kurser" / "katalog" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    lines = {" ".join(item.get_text(" ").split()) for item in soup.select(".katalog-hold > li")}
    full = [line for line in lines if "Fuldt booket" in line]
    assert full and all("Venteliste: send en e-mail til " in line and "Tilmelding:" not in line
                        and line.endswith("og skriv, at du vil på venteliste") for line in full), full
    assert any(line.startswith("lørdag 6. marts 2027 kl. 09.30–15.30 Kursuscenter Valby") for line in full), full
    assert any(" til lørdag 22. maj 2027 kl. 15.00 " in line for line in lines)
    for line in lines:  # no day twice in a session's times
        days = re.findall(r"\d{1,2}\. [a-zæøå]+ \d{4}", line.split(" Tilmeldingsfrist:")[0])
        assert len(days) == len(set(days)), line


def test_every_page_prints_without_navigation(browser: Any, base_url: str) -> None:
    page_ = browser.new_page()
    page_.goto(base_url + "kurser/det-gode-bestyrelsesmoede/")
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(page_.pdf(format="A4"))).pages)
    page_.close()
    assert "Det gode bestyrelsesmøde" in text
    assert "Om kursusafdelingen" not in text


# ----------------------------------------------------------------------------- sitemap and metadata


def test_sitemap_lists_every_course_and_toolkit_page(sample_site: Path) -> None:
    sitemap = ElementTree.parse(sample_site / "sitemap.xml").getroot()
    locations = {e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    for slug in COURSES:
        assert f"{SITE_URL}kurser/{slug}/" in locations
    for url in ITEMS:
        assert f"{SITE_URL}{url}/" in locations


def test_every_page_has_a_title_a_description_and_danish(sample_site: Path) -> None:
    for path in theme_pages(sample_site):
        if path.name == "404.html" or "pagefind" in path.parts:
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == "da"
        assert soup.title.string.strip().endswith("Kurser for beboerdemokrater"), path
        description = soup.find("meta", attrs={"name": "description"})
        assert description is not None and len(description["content"]) > 10, path
    for slug, course in COURSES.items():
        soup = page(sample_site, f"kurser/{slug}")
        assert soup.title.string.startswith(course["titel"])
        assert soup.find("meta", attrs={"name": "description"})["content"] == course["intro"]
    assert TODAY
