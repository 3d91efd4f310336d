"""Sessions held over several meetings (FORMAT.md v3 §1, 'mødegange'), as residents meet them in the built sample
site: on the course page, on cards, in the printed catalogue, in calendar files and in JSON-LD.

The expected texts are written out by hand from the sample's course files.
"""

from __future__ import annotations

import json
from datetime import timezone
from pathlib import Path

import icalendar
from conftest import REFERENCE_DATE, copy_project, run_build
from test_site import content, page, text_of

BUDGET = "grundlaeggende-budget-og-regnskab"
GREEN = "groen-ambassadoer"
CHAIRS = "formandsuddannelsen"
SHOWN = "section.naeste-hold .hold-valg__hold:not([hidden])"  # the session the first box shows, as built


def events(path: Path) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def utc(event: icalendar.Event, key: str) -> str:
    return f"{event.decoded(key).astimezone(timezone.utc):%Y-%m-%d %H:%M}"


def test_evenings_on_the_same_weekday_and_hours_are_one_line(sample_site: Path) -> None:
    box = content(page(sample_site, f"kurser/{GREEN}")).select_one(SHOWN)
    assert text_of(box.select_one(".naeste-hold__tid")) == (
        "3 aftener: onsdag 7., 21. april og 5. maj 2027 kl. 18.00–21.00")
    assert box.select_one("ol.moedegange") is None  # the line says it all
    budget = content(page(sample_site, f"kurser/{BUDGET}")).select_one(SHOWN)
    assert text_of(budget.select_one(".naeste-hold__tid")) == "2 aftener: tirsdag 16. og 23. marts 2027 kl. 18.00–21.00"


def test_modules_of_different_days_and_hours_are_each_listed_with_their_note(sample_site: Path) -> None:
    main = content(page(sample_site, f"kurser/{CHAIRS}"))
    box = main.select_one(SHOWN)
    assert text_of(box.select_one(".naeste-hold__tid")) == "3 mødegange: 19.–20. marts, 24. april og 4.–5. juni 2027"
    assert [text_of(li) for li in box.select("ol.moedegange li")] == [
        "Fredag 19. marts 2027 kl. 16.00 til lørdag 20. marts 2027 kl. 15.00 – Modul 1: Formandens rolle",
        "Lørdag 24. april 2027 kl. 09.30–15.30 – Modul 2: Samarbejdet",
        "Fredag 4. juni 2027 kl. 16.00 til lørdag 5. juni 2027 kl. 15.00 – Modul 3: Afdelingsmødet",
    ]
    # The sign-up button comes before the list, so that a phone shows it on the first screen.
    primary = box.select_one("a.knap--primaer")
    assert primary.find_next("ol") is box.select_one("ol.moedegange")
    autumn = main.select_one(".hold-liste .hold:not([hidden])")
    assert text_of(autumn.select_one(".hold__tid")) == (
        "3 mødegange: 24.–25. september, 30. oktober og 26.–27. november 2027")
    assert len(autumn.select("ol.moedegange li")) == 3


def test_a_card_says_the_first_day_is_one_of_several(sample_site: Path) -> None:
    cards = {text_of(card.select_one(".kursus-kort__titel")): card
             for card in page(sample_site, "kurser").select(".kursus-kort")}
    shown = text_of(cards["Grøn ambassadør"].select_one(".kursus-kort__hold:not([hidden])"))
    assert shown.startswith("Næste hold: onsdag 7. april 2027 (første af 3 aftener), Aarhus V")


def test_the_printed_catalogue_lists_every_meeting(sample_site: Path) -> None:
    section = page(sample_site, "kurser/katalog").select_one(f"#katalog-{CHAIRS}").parent
    text = text_of(section)
    assert "3 mødegange: fredag 19. marts 2027 kl. 16.00 til lørdag 20. marts 2027 kl. 15.00 – Modul 1" in text
    assert "lørdag 24. april 2027 kl. 09.30–15.30 – Modul 2: Samarbejdet" in text


def test_each_meeting_is_an_event_at_its_own_copenhagen_time(sample_site: Path) -> None:
    found = events(sample_site / "kurser" / CHAIRS / "hold-2027-03-19-1600.ics")
    # 19 March is winter time (UTC+1); 24 April and 4 June are summer time (UTC+2).
    assert [(utc(e, "dtstart"), utc(e, "dtend")) for e in found] == [
        ("2027-03-19 15:00", "2027-03-20 14:00"), ("2027-04-24 07:30", "2027-04-24 13:30"),
        ("2027-06-04 14:00", "2027-06-05 13:00")]
    assert [str(e["SUMMARY"]) for e in found] == [f"Formandsuddannelsen ({n}. af 3 mødegange)" for n in (1, 2, 3)]
    assert [str(e["UID"]) for e in found] == [
        "formandsuddannelsen-20270319T1600@kurser.example.dk", "formandsuddannelsen-20270424T0930@kurser.example.dk",
        "formandsuddannelsen-20270604T1600@kurser.example.dk"]
    assert {str(e["URL"]) for e in found} == {"https://kurser.example.dk/kurser/formandsuddannelsen/"}
    assert "Modul 2: Samarbejdet" in str(found[1]["DESCRIPTION"])
    evenings = events(sample_site / "kurser" / GREEN / "hold-2027-04-07-1800.ics")
    assert [utc(e, "dtstart") for e in evenings] == ["2027-04-07 16:00", "2027-04-21 16:00", "2027-05-05 16:00"]


def test_moving_one_meeting_keeps_the_others_events(tmp_path: Path) -> None:
    """A subscribed calendar updates the meetings that did not change instead of showing them twice."""
    project = copy_project(tmp_path / "flyttet")
    course = project / "courses" / f"{GREEN}.yml"
    course.write_text(course.read_text(encoding="utf-8").replace(
        "{start: 2027-05-05 18:00, slut: 2027-05-05 21:00}", "{start: 2027-05-12 18:00, slut: 2027-05-12 21:00}"),
        encoding="utf-8")
    assert run_build(project, "build", "--dato", REFERENCE_DATE).returncode == 0
    uids = [str(e["UID"]) for e in events(project / "site" / "kurser" / GREEN / "hold-2027-04-07-1800.ics")]
    assert uids == [f"{GREEN}-20270407T1800@kurser.example.dk", f"{GREEN}-20270421T1800@kurser.example.dk",
                    f"{GREEN}-20270512T1800@kurser.example.dk"]


def test_json_ld_gives_the_course_instance_its_meetings(sample_site: Path) -> None:
    script = page(sample_site, f"kurser/{CHAIRS}").find("script", type="application/ld+json")
    instance = json.loads(script.string)["hasCourseInstance"][0]
    assert (instance["startDate"], instance["endDate"]) == ("2027-03-19T16:00:00+01:00", "2027-06-05T15:00:00+02:00")
    assert [(e["@type"], e["name"], e["description"], e["startDate"]) for e in instance["subEvent"]] == [
        ("Event", "Formandsuddannelsen (1. af 3 mødegange)", "Modul 1: Formandens rolle", "2027-03-19T16:00:00+01:00"),
        ("Event", "Formandsuddannelsen (2. af 3 mødegange)", "Modul 2: Samarbejdet", "2027-04-24T09:30:00+02:00"),
        ("Event", "Formandsuddannelsen (3. af 3 mødegange)", "Modul 3: Afdelingsmødet", "2027-06-04T16:00:00+02:00")]
    assert all(e["location"]["name"] == "Kursuscenter Fjordly" for e in instance["subEvent"])
