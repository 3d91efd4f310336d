"""schema.org JSON-LD for a course page: a Course, its sessions as CourseInstances (which are Events)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from .catalogue import Catalogue
from .danish import meeting_of
from .fields import COPENHAGEN
from .models import CourseEntry, Session
from .offer import closed_reason, upcoming
from .urls import absolute_url, course_src

SCHEMA = "https://schema.org/"
ATTENDANCE = {"fysisk": "OfflineEventAttendanceMode", "online": "OnlineEventAttendanceMode",
              "hybrid": "MixedEventAttendanceMode"}
COURSE_MODE = {"fysisk": "Onsite", "online": "Online", "hybrid": "Blended"}
AVAILABILITY = {"ledig": "InStock", "faa-pladser": "LimitedAvailability", "venteliste": "BackOrder",
                "fuldt": "SoldOut", "aflyst": "Discontinued"}


def _organization(catalogue: Catalogue, site_url: str) -> dict[str, Any]:
    department = catalogue.department
    organization = {"@type": "Organization", "name": f"{department.navn}, {department.organisation}",
                    "email": department.email, "telephone": department.telefon}
    if site_url:
        organization["url"] = site_url
    return organization


def _location(session: Session, form: str, page: str) -> Any:
    virtual = {"@type": "VirtualLocation", "url": page}
    if session.sted is None:
        return virtual
    place = {"@type": "Place", "name": session.sted.navn,
             "address": {"@type": "PostalAddress", "streetAddress": session.sted.adresse,
                         "postalCode": session.sted.postnr, "addressLocality": session.sted.by,
                         "addressCountry": "DK"}}
    return [place, virtual] if form == "hybrid" else place


def _instance(entry: CourseEntry, session: Session, catalogue: Catalogue, page: str, site_url: str,
              today: date) -> dict[str, Any]:
    course = entry.course
    offer: dict[str, Any] = {"@type": "Offer", "price": course.pris, "priceCurrency": "DKK",
                             "availability": SCHEMA + AVAILABILITY.get(session.status, "InStock"),
                             "validThrough": session.tilmeldingsfrist.isoformat(), "url": page}
    if session.tilmelding.startswith("https://") and closed_reason(session, today) is None:
        offer["url"] = session.tilmelding
    instance: dict[str, Any] = {
        "@type": "CourseInstance",
        "name": course.titel,
        "description": course.intro,
        "courseMode": COURSE_MODE.get(session.form, "Onsite"),
        "startDate": session.start.replace(tzinfo=COPENHAGEN).isoformat(),
        "endDate": session.slut.replace(tzinfo=COPENHAGEN).isoformat(),
        "eventAttendanceMode": SCHEMA + ATTENDANCE.get(session.form, "OfflineEventAttendanceMode"),
        "eventStatus": SCHEMA + ("EventCancelled" if session.status == "aflyst" else "EventScheduled"),
        "location": _location(session, session.form, page),
        "offers": offer,
        "organizer": _organization(catalogue, site_url),
        "inLanguage": "da",
        "url": page,
    }
    if session.pladser:
        instance["maximumAttendeeCapacity"] = session.pladser
    if session.moedegange:  # a session over several meetings (FORMAT.md §1): each an Event of its own
        instance["subEvent"] = [{
            "@type": "Event",
            "name": f"{course.titel} ({meeting_of(number, session.meetings)})",
            **({"description": meeting.note} if meeting.note else {}),
            "startDate": meeting.start.replace(tzinfo=COPENHAGEN).isoformat(),
            "endDate": meeting.slut.replace(tzinfo=COPENHAGEN).isoformat(),
            "eventAttendanceMode": instance["eventAttendanceMode"],
            "eventStatus": instance["eventStatus"],
            "location": instance["location"],
        } for number, meeting in enumerate(session.meetings, start=1)]
    return instance


def course_json_ld(entry: CourseEntry, catalogue: Catalogue, site_url: str, today: date) -> dict[str, Any]:
    course = entry.course
    taxonomy = catalogue.taxonomy
    page = absolute_url(site_url, course_src(entry.slug))
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": course.titel,
        "description": course.intro,
        "url": page,
        "inLanguage": "da",
        "provider": _organization(catalogue, site_url),
        "educationalLevel": ", ".join(taxonomy.label("niveauer", k) for k in course.niveau),
        "about": [taxonomy.label("emner", k) for k in course.emner],
        "audience": {"@type": "Audience",
                     "audienceType": ", ".join(taxonomy.label("målgrupper", k) for k in course.maalgruppe)},
        "offers": {"@type": "Offer", "price": course.pris, "priceCurrency": "DKK", "category": "Kursus"},
        "hasCourseInstance": [_instance(entry, s, catalogue, page, site_url, today)
                              for s in upcoming(course, today)],
    }
    if course.undervisere:
        data["instructor"] = [{"@type": "Person", "name": t.navn, **({"jobTitle": t.rolle} if t.rolle else {})}
                              for t in course.undervisere]
    rating = catalogue.rating(entry.slug, today)  # only what the page itself shows (five answers or more)
    if rating is not None:
        data["aggregateRating"] = {"@type": "AggregateRating", "ratingValue": float(rating.average),
                                   "ratingCount": rating.answers, "bestRating": 5, "worstRating": 1}
    return data


# What could end or bend a <script> element, or a line of JavaScript, written as JSON escapes instead.
_SCRIPT_SAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def script_json(data: dict[str, Any]) -> str:
    """JSON that is inert inside <script>: no '</script>' or '<!--' can end or bend the element.

    Compact, for machines: Python writes indented JSON with its slow encoder (0.3 ms a course page)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escape in _SCRIPT_SAFE:
        text = text.replace(character, escape)
    return text
