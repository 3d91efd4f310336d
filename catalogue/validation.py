"""Validate editors' files and report every problem at its line, in Danish.

Types and single values are checked by the pydantic models. Rules that look
at several keys, or outside the file, are rows of ``CROSS_CHECKS`` and run on
the file as written, so they are reported even when another key is broken.
"""

from __future__ import annotations

import calendar
import dataclasses
import itertools
import os
import posixpath
import re
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Iterable, Iterator, NamedTuple, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, RootModel, ValidationError
from pydantic_core import PydanticCustomError

from . import danish
from .danish import number
from .diagnostics import Diagnostic, Severity, ascii_key, closest, describe_path, superseded
from .fields import COPENHAGEN, SLUG_PATTERN, kind_of, meant_whole_number, parse_date, parse_datetime
from .geography import region_of_postal_code
from .markdown_rules import COURSE_TEXT, SITE_EXTENSIONS, markdown_problems
from .memo import fingerprint
from .models import (
    BOTH_TIMES,
    MEETINGS,
    ONLINE,
    ONLINE_REGION,
    REQUIRED_TAXONOMY_KEYS,
    SESSION_TIMES,
    Course,
    CourseEntry,
    Department,
    Taxonomy,
    editor_keys,
    missing_time,
)
from .placeholders import COURSE as COURSE_PLACEHOLDERS
from .placeholders import Placeholder, left_in
from .project import Project
from .safehtml import addresses, unsafe_html
from .sources import PUBLISHED_SUFFIXES, Committed, SourceTree, git_history, not_a_regular_file, previous_version, scan
from .urls import RESERVED_SLUGS, RESERVED_TOPICS, course_src, link_target
from .yamlslips import ODD_SPACES
from .yamlsource import Path_, YamlDocument, load_yaml_file, load_yaml_text

M = TypeVar("M", bound=BaseModel)

# ---------------------------------------------------------------------------
# Turning pydantic's errors into Danish diagnostics
# ---------------------------------------------------------------------------


def _bare(annotation: Any) -> Any:
    """The type behind Annotated and Optional."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation


def _unwrap(annotation: Any) -> Any:
    """The model or item type behind Annotated, Optional and list."""
    annotation = _bare(annotation)
    while typing.get_origin(annotation) is list:
        annotation = _bare(typing.get_args(annotation)[0])
    return annotation


def _model_at(model: type[BaseModel], loc: Path_) -> type[BaseModel] | None:
    """The model whose keys are valid at ``loc`` (a path of keys and indices)."""
    current: Any = model
    if issubclass(model, RootModel):  # a file that is a list: its items' model
        current = _unwrap(model.model_fields["root"].annotation)
    for element in loc:
        if isinstance(element, int):
            continue
        if typing.get_origin(current) is dict:  # a vocabulary: any key, entries of one model
            current = _unwrap(typing.get_args(current)[1])
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = next((f for n, f in current.model_fields.items() if (f.alias or n) == element), None)
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _keys_of(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _at(data: Any, loc: Path_) -> Any:
    """The value at ``loc`` in a file's data, or None when the path is not there."""
    for element in loc:
        try:
            data = data[element]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _kind_of_key(info: Any) -> str:
    """What a key holds: 'liste', 'samling', 'tal', 'sand/falsk' or 'tekst' (dates and addresses are text)."""
    annotation = _bare(info.annotation)
    if typing.get_origin(annotation) is list:
        return "liste"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel) or typing.get_origin(annotation) is dict:
        return "samling"
    if annotation is bool:
        return "sand/falsk"
    return "tal" if annotation is int else "tekst"


def _fits(value: Any, kind: str) -> bool:
    """Whether a value as written could be meant for a key that holds ``kind`` (a number fits no text key: a
    price written under an unknown key is not a note)."""
    if isinstance(value, bool):
        return kind == "sand/falsk"
    if isinstance(value, list):
        return kind == "liste"
    if isinstance(value, dict):
        return kind == "samling"
    if isinstance(value, int):
        return kind == "tal"
    return kind in ("tekst", "tal") if value is not None else True


def _meant_key(parent: type[BaseModel] | None, key: str, value: Any, mapping: Any) -> tuple[str | None, bool]:
    """The key an unknown key most likely stands for, and whether that key is in the mapping already: one that
    holds the kind of value written (a price is no note), by spelling or as the start of the key ('pris_medlem')."""
    if parent is None:
        return None, False
    present = set(mapping) if isinstance(mapping, dict) else set()
    written = _written_wrong(key, value, _keys_of(parent))
    if written is not None:
        return written[0], written[0] in present
    for taken in (False, True):
        fitting = [info.alias or name for name, info in parent.model_fields.items()
                   if ((info.alias or name) in present) == taken and _fits(value, _kind_of_key(info))]
        guess = closest(key, fitting) or next((name for name in fitting if key.startswith(name + "_")), None)
        if guess is not None:
            return guess, taken
    return None, False


def _meant_keys(errors: list[Any], root: type[BaseModel], document: YamlDocument) -> set[Path_]:
    """Where the unknown keys of a file would go by their advice ('pris_medlem' → ('pris',))."""
    meant = set()
    for item in errors:
        if item["type"] == "extra_forbidden":
            at = tuple(item["loc"][:-1])
            guess, taken = _meant_key(_model_at(root, at), str(item["loc"][-1]), item.get("input"),
                                      _at(document.data, at))
            if guess is not None and not taken:
                meant.add((*at, guess))
    return meant


def _written_wrong(key: str, value: Any, keys: list[str]) -> tuple[str, str] | None:
    """A key of the model written with a slip that makes it another key, and what to do: a Word space before the
    colon ('pris\u00a0: 1200'), or the colon left out in a '{…}' mapping ('{navn Kursuscenter Valby, …}')."""
    stripped = key.strip(" " + ODD_SPACES)
    if stripped != key and stripped in keys:
        return stripped, (f"der står et hårdt mellemrum (ofte kopieret fra Word) mellem '{stripped}' og kolonet; "
                          f"slet det, så der står '{stripped}:'")
    head, _, rest = key.partition(" ")
    if value is None and rest.strip() and head in keys:
        return head, f"der mangler et kolon efter '{head}'; skriv '{head}: {rest.strip()}'"
    return None


def _unknown_key(loc: Path_, given: Any, parent: type[BaseModel] | None, document: YamlDocument) -> str:
    """'; mente du …?' for an unknown key, never a key the mapping has already (following the advice would make a
    duplicate): that one is named with its line; with no likely key, the keys not used yet."""
    mapping = _at(document.data, loc[:-1])
    guess, taken = _meant_key(parent, str(loc[-1]), given, mapping)
    if guess is not None and not taken:
        return f"; mente du '{guess}'?"
    present = set(mapping) if isinstance(mapping, dict) else set()
    if guess is not None and parent is not None:
        line = document.positions.of_key((*loc[:-1], guess)).line
        info = {info.alias or name: info for name, info in parent.model_fields.items()}
        if _kind_of_key(info[guess]) == "tekst":
            return f"; '{guess}' står allerede på linje {line}: flyt teksten herfra ind i den, eller slet denne linje"
        # Not 'write it at pris': that would change the price residents see. A note beside it, where there is one.
        note = next((name for name in info if name.startswith(guess + "_") and name not in present
                     and _kind_of_key(info[name]) == "tekst"), None)
        more = f"; skal der stå mere om den, så skriv det som tekst i '{note}'" if note else ""
        return f"; '{guess}' står allerede på linje {line}, så slet denne linje, hvis den er glemt fra før{more}"
    free = [name for name in _keys_of(parent) if name not in present] if parent else []
    if not free:
        return "; slet linjen, eller skriv værdien ved den nøgle, den hører til"
    return "; nøglerne, der ikke er brugt her, er: " + ", ".join(f"'{name}'" for name in free)


def _example(model: type[BaseModel] | None, key: str) -> str | None:
    if model is None:
        return None
    for name, info in model.model_fields.items():
        if (info.alias or name) == key and info.examples:
            example = info.examples[0]
            return f"[{', '.join(map(_flow, example))}]" if isinstance(example, list) else str(example)
    return None


def _flow(value: Any) -> str:
    """A value of an example as YAML writes it on one line: a mapping as '{kursus: …}'."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {item}" for key, item in value.items()) + "}"
    return str(value)


def _message(error: dict[str, Any], root: type[BaseModel], document: YamlDocument) -> tuple[Path_, str, bool]:
    """(where, Danish message, whether it is about the key rather than the value)."""
    loc: Path_ = tuple(error["loc"])
    kind: str = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    given = error.get("input")
    raw = document.positions.raw.get(loc, given if isinstance(given, str) else None)
    if kind == "catalogue" and "nøgle" in ctx:  # a model's rule about one of its keys (models.Session)
        loc = (*loc, ctx["nøgle"])
        return loc, f"{describe_path(loc)}: {ctx['besked']}", False
    if loc and loc[-1] == "[key]":
        loc = loc[:-1]
        return loc, (f"{describe_path(loc)}: nøglen '{loc[-1]}' må kun have små bogstaver a–z, cifre og '-' "
                     f"(æ→ae, ø→oe, å→aa), fx '{suggest_slug(str(loc[-1]))}'"), True
    label = describe_path(loc)
    key = str(loc[-1]) if loc and isinstance(loc[-1], str) else ""
    parent = _model_at(root, loc[:-1])
    example = _example(parent, key)
    if kind == "missing":
        hint = f"tilføj fx '{key}: {example}'" if example else f"tilføj nøglen '{key}'"
        return loc, f"{label}: mangler; {hint}", False
    if kind == "extra_forbidden":
        written = _written_wrong(key, given, _keys_of(parent)) if parent is not None else None
        if written is not None and written[0] not in (_at(document.data, loc[:-1]) or {}):
            return loc, f"{describe_path((*loc[:-1], written[0]))}: {written[1]}", True
        return loc, f"{label}: ukendt nøgle '{key}'{_unknown_key(loc, given, parent, document)}", True
    if kind == "catalogue" and ctx.get("klokkeslæt"):
        return loc, f"{label}: {_time_alone(document, loc, str(raw), ctx)}", False
    if kind == "catalogue":
        return loc, f"{label}: {ctx['besked']}", False
    if given is None:
        hint = f"; skriv fx '{key}: {example}'" if example else ""
        return loc, f"{label}: har ingen værdi{hint}", False
    if kind in ("string_type",):
        return loc, f"{label}: skal være tekst, ikke {kind_of(given)}", False
    if kind == "string_too_short":
        if ctx.get("min_length", 1) <= 1 or not str(given).strip():
            return loc, f"{label}: er tom; skriv " + (f"fx '{key}: {example}'" if example else "en tekst"), False
        return loc, f"{label}: er for kort; skriv mindst {ctx['min_length']} tegn", False
    if kind == "string_too_long":
        return loc, (f"{label}: er for lang ({number(len(str(given).strip()))} tegn); højst "
                     f"{number(ctx['max_length'])} tegn er tilladt, så gør teksten kortere"), False
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return loc, f"{label}: {_not_whole(str(raw), key, example)}", False
    if kind == "greater_than_equal":
        return loc, f"{label}: må ikke være negativ; skriv {ctx['ge']} eller mere", False
    if kind == "less_than_equal":
        return loc, f"{label}: må højst være {number(ctx['le'])}; skriv et mindre tal", False
    if kind == "greater_than":
        return loc, f"{label}: skal være større end {ctx['gt']}", False
    if kind in ("bool_type", "bool_parsing"):
        return loc, f"{label}: skal være true (ja) eller false (nej), ikke '{raw}'", False
    if kind == "list_type":
        if isinstance(given, str):  # '-ny' is a list item written without the space after '-'
            given = given.lstrip("- ") or given
        if _model_at(root, loc) is not None:  # a list of mappings ('hold'): no one line to write
            return loc, (f"{label}: skal være en liste, hvor hvert punkt står på sine egne linjer under '{key}:' og "
                         "begynder med '- '"), False
        if isinstance(given, (str, int)):  # 'ny og mellem' is two: [ny, mellem]
            items = [item.strip() for item in re.split(r",| og |/", str(given)) if item.strip()]
            return loc, f"{label}: skal være en liste; skriv [{', '.join(items) or given}]", False
        return loc, f"{label}: skal være en liste; skriv fx [{example or '…'}]", False
    if kind == "too_short":
        if ctx.get("min_length", 1) > 1:
            return loc, f"{label}: skal have mindst {ctx['min_length']} punkter, men har {ctx.get('actual_length')}", \
                False
        return loc, f"{label}: skal have mindst én værdi", False
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        model = _model_at(root, loc)
        keys = ", ".join(_keys_of(model)) if model else ""
        return loc, f"{label}: skal have nøglerne {keys} under sig, ikke {kind_of(given)}", False
    return loc, f"{label}: ugyldig værdi '{raw}' ({error['msg']})", False


def _time_alone(document: YamlDocument, loc: Path_, written: str, ctx: dict[str, Any]) -> str:
    """'start: 9:30' in a session whose end has its date: that date with the time, for the editor to confirm."""
    mapping = _at(document.data, loc[:-1])
    for other in ("start", "slut"):
        value = str(mapping.get(other, "")).strip() if isinstance(mapping, dict) and other != loc[-1] else ""
        moment = _parsed(parse_datetime, value) if value else None
        if moment is not None:
            return (f"'{written.strip()}' er kun et klokkeslæt; skriv '{moment.date().isoformat()} "
                    f"{ctx['klokkeslæt']}', hvis holdet er samme dag som {other} ({danish.long_date(moment.date())})")
    return str(ctx["besked"])


def _not_whole(written: str, key: str, example: str | None) -> str:
    """Why ``written`` is not a whole number as the file must hold one, and what to write if that is clear."""
    text = written.strip()
    meant = meant_whole_number(text)
    if meant is None:
        hint = f"; skriv fx {example}" if example else ""
        if "," in text or "." in text:
            hint = "; med komma eller punktum kan det læses på flere måder, så skriv kun cifrene" + (
                f", fx {example}" if example else "")
        return f"'{written}' er ikke et helt tal skrevet med cifrene 0–9{hint}"
    whole, with_currency = meant
    if with_currency:
        after = "; siden skriver selv 'kr.' efter prisen" if key == "pris" else ""
        return f"skriv kun tallet, {whole}, ikke '{text}'{after}"
    if re.fullmatch("0[0-9]+", text):
        return f"'{text}' begynder med 0, og nogle programmer læser det som et andet tal; skriv {whole}"
    if re.fullmatch("[0-9]+", text):
        return f"'{text}' er alt for stort et tal; ret tallet"
    return f"'{written}' skal skrives med cifrene 0–9 alene; skriv {whole}"


def suggest_slug(text: str) -> str:
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9-]", "-", ascii_key(text))).strip("-") or "navn"


def model_diagnostics(error: ValidationError, root: type[BaseModel], document: YamlDocument,
                      display: str) -> list[Diagnostic]:
    found = []
    refused = document.positions.refused
    errors = error.errors(include_url=False)
    meant = _meant_keys(errors, root, document)
    for item in errors:
        if any(tuple(item["loc"][:n]) in refused for n in range(len(item["loc"]) + 1)):
            continue  # already reported as unsafe YAML
        if item["type"] == "missing" and tuple(item["loc"]) in meant:
            continue  # 'pris_medlem: 1200' says 'mente du pris?'; 'pris: mangler' at the top would say it twice
        loc, message, about_key = _message(item, root, document)
        invisible = (item.get("ctx") or {}).get("tegn")
        if invisible is not None:
            mark = document.positions.of_character(loc, invisible)
        elif item["type"] == "missing" or (item.get("ctx") or {}).get("mangler"):
            mark = document.positions.of_value(loc[:-1])
        elif about_key:
            mark = document.positions.of_key(loc)
        else:
            mark = document.positions.of_value(loc)
        found.append(Diagnostic(display, mark.line, mark.column, message))
    return found


# ---------------------------------------------------------------------------
# Rules across keys and files: one row each
# ---------------------------------------------------------------------------


@dataclass
class CheckContext:
    project: Project
    taxonomy: Taxonomy | None
    content: SourceTree  # the regular files under content/, walked once
    folder: Path | None = None  # the folder of the file being checked, where it has files beside it
    # The reference date, for the warnings about dates that look wrong; without it they are not given.
    today: date | None = None
    # When each file was first committed (None: not a git checkout, so when a file was written is unknown).
    history: dict[str, Committed] | None = None
    written: date | None = None  # when the file being checked was written, where known
    courses: frozenset[str] = frozenset()  # the courses by slug (their files' names), for files that name one
    # The pages the site makes with no file of their own (urls.generated_sources), where an editor's link may lead
    pages: frozenset[str] = frozenset()

    @classmethod
    def of(cls, project: Project, taxonomy: Taxonomy | None, today: date | None = None) -> CheckContext:
        return cls(project, taxonomy, content_tree(project), today=today,
                   history=git_history(project.root) if today is not None else None)

    def for_file(self, path: Path) -> CheckContext:
        """The context for checking one file: when it was written is the day it was first committed, or for a
        file not committed yet, the reference date; None when its first commit is older than a shallow clone reaches."""
        if self.today is None or self.history is None:
            return self
        committed = self.history.get(self.project.display(path))
        if committed is None:
            written: date | None = self.today
        else:
            written = committed.first.astimezone(COPENHAGEN).date() if committed.first else None
        return dataclasses.replace(self, written=written)

    @property
    def content_pages(self) -> list[str]:
        return self.content.with_suffix(".md")


class Finding(NamedTuple):
    """A broken rule: the key it is about, the message, and where to point (default: the key's value).

    ``within`` is a (line, column) inside a text value, for a problem in one line of a Markdown text.
    """

    loc: Path_
    message: str
    at: Path_ | None = None
    severity: Severity = "fejl"
    within: tuple[int, int] | None = None
    replaces: bool = False  # said instead of any other problem at the same place


@dataclass(frozen=True)
class CrossCheck:
    key: str
    rule: str
    check: Callable[[dict[str, Any], CheckContext], Iterable[Finding]]


def _parsed(parse: Callable[[Any], Any], value: Any) -> Any:
    try:
        return parse(value)
    except PydanticCustomError:
        return None


def mappings_in(items: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mappings of a list as written (sessions, steps, entries), with their index; anything else is passed by
    (the model reports it)."""
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield index, item


def _sessions(course: dict[str, Any]) -> Iterator[tuple[int, dict[str, Any]]]:
    return mappings_in(course.get("hold"))


class _Times(NamedTuple):
    """One meeting of a session as written: where it is, and its start and end where they can be read."""

    at: Path_
    start: datetime | None
    end: datetime | None


def _meetings(index: int, session: dict[str, Any]) -> list[_Times]:
    """A session's meetings as written (FORMAT.md §1): those under 'mødegange', or the session itself as one."""
    def times(at: Path_, mapping: dict[str, Any]) -> _Times:
        return _Times(at, _parsed(parse_datetime, mapping.get("start")), _parsed(parse_datetime, mapping.get("slut")))

    if MEETINGS in session:
        return [times(("hold", index, MEETINGS, n), meeting) for n, meeting in mappings_in(session[MEETINGS])]
    return [times(("hold", index), session)]


def _first_start(index: int, session: dict[str, Any]) -> datetime | None:
    meetings = _meetings(index, session)
    return meetings[0].start if meetings else None


def _times_or_meetings(course: dict[str, Any], _: CheckContext) -> Iterator[Finding]:
    """A session has its own start and slut, or its meetings, never both (models.Session says the same)."""
    for index, session in _sessions(course):
        if MEETINGS in session:
            if any(key in session for key in SESSION_TIMES):
                yield Finding(("hold", index, MEETINGS), BOTH_TIMES, replaces=True)
            continue
        for key in SESSION_TIMES:
            if key not in session:
                yield Finding(("hold", index, key), missing_time(key), at=("hold", index), replaces=True)


def _end_not_before_start(course: dict[str, Any], _: CheckContext) -> Iterator[Finding]:
    for index, session in _sessions(course):
        for at, start, end in _meetings(index, session):
            if start and end and end < start:
                yield Finding((*at, "slut"),
                              f"slut ({end:%Y-%m-%d %H:%M}) ligger før start ({start:%Y-%m-%d %H:%M}); "
                              "ret slut eller start")


def _meetings_in_order(course: dict[str, Any], _: CheckContext) -> Iterator[Finding]:
    """A session's meetings are written in time order and do not overlap."""
    for index, session in _sessions(course):
        meetings = _meetings(index, session)
        for before, meeting in itertools.pairwise(meetings):
            if before.end and meeting.start and meeting.start < before.end:
                number_before, number_now = before.at[-1] + 1, meeting.at[-1] + 1
                yield Finding((*meeting.at, "start"),
                              f"mødegang {number_now} begynder ({meeting.start:%Y-%m-%d %H:%M}), før mødegang "
                              f"{number_before} slutter ({before.end:%Y-%m-%d %H:%M}); skriv mødegangene i "
                              "tidsorden, så hver begynder, når den forrige er slut eller senere")


# A session whose start and end lie further apart than this is almost always held over several meetings.
SPAN_WITHOUT_MEETINGS_DAYS = 3


def _long_span_without_meetings(course: dict[str, Any], _: CheckContext) -> Iterator[Finding]:
    """A session of more than three days without 'mødegange' shows as one block of days on the site and in the
    calendar; most such sessions are evenings or modules."""
    for index, session in _sessions(course):
        if MEETINGS in session:
            continue
        (_, start, end), = _meetings(index, session)
        if start and end and (end - start).days > SPAN_WITHOUT_MEETINGS_DAYS:
            yield Finding(("hold", index, "slut"),
                          f"holdet varer fra {danish.day_month_year(start)} til {danish.day_month_year(end)} i ét "
                          "stræk, og sådan vises det på siden og i kalenderen. Mødes holdet flere gange (fx aftener "
                          "eller moduler), så skriv hver gang under 'mødegange' med sin egen start og slut i stedet "
                          "for holdets start og slut", severity="advarsel")


def _deadlines(course: dict[str, Any]) -> Iterator[tuple[int, dict[str, Any], datetime | None, date | None]]:
    """Each session with its first start and its sign-up deadline, where they can be read."""
    for index, session in _sessions(course):
        yield index, session, _first_start(index, session), _parsed(parse_date, session.get("tilmeldingsfrist"))


def _deadline_not_after_start(course: dict[str, Any], _: CheckContext) -> Iterator[Finding]:
    for index, session, start, deadline in _deadlines(course):
        if start and deadline and deadline > start.date():
            first = "den første mødegangs dato" if MEETINGS in session else "holdets startdato"
            yield Finding(
                ("hold", index, "tilmeldingsfrist"),
                f"tilmeldingsfristen ({deadline.isoformat()}) ligger efter {first} "
                f"({start.date().isoformat()}); skriv en dato til og med {start.date().isoformat()}")


def _real_local_times(course: dict[str, Any], _: CheckContext) -> Iterator[Finding]:
    """A time in the hour skipped when summer time starts does not exist; one in the hour repeated in
    October exists twice (the build takes the first, in summer time)."""
    for index, session in _sessions(course):
        for meeting in _meetings(index, session):
            for key, moment in (("start", meeting.start), ("slut", meeting.end)):
                if moment is None or moment.month not in (3, 10) or moment.hour != 2:
                    continue  # only the night the clocks change has an hour that is missing or there twice
                local = moment.replace(tzinfo=COPENHAGEN)
                if local.astimezone(timezone.utc).astimezone(COPENHAGEN).replace(tzinfo=None) != moment:
                    yield Finding((*meeting.at, key),
                                  f"kl. {moment:%H:%M} den {danish.day_month_year(moment)} findes ikke i dansk tid, "
                                  "fordi uret stilles en time frem den nat (fra 02:00 til 03:00); skriv et "
                                  "klokkeslæt før 02:00 eller fra 03:00")
                elif moment.replace(fold=1, tzinfo=COPENHAGEN).utcoffset() != local.utcoffset():
                    yield Finding((*meeting.at, key),
                                  f"kl. {moment:%H:%M} den {danish.day_month_year(moment)} findes to gange i dansk "
                                  "tid, fordi uret stilles en time tilbage den nat; hjemmesiden bruger den første, i "
                                  "sommertid (+02:00). Skriv et andet klokkeslæt, hvis du mener vintertid",
                                  severity="advarsel")


def _venue_and_region_unless_online(course: dict[str, Any], context: CheckContext) -> Iterator[Finding]:
    """A session one attends in person needs a venue and a region; an online one needs neither."""
    for index, session in _sessions(course):
        form = session.get("form", course.get("form"))
        known = context.taxonomy.keys("former") if context is not None and context.taxonomy is not None else None
        if form == ONLINE or not isinstance(form, str) or (known is not None and form not in known):
            continue  # a form that is no form ('Online') is said at the form: what it needs follows from the right one
        whose = "holdets" if "form" in session else "kursets"
        if session.get("sted") is None:
            yield Finding(("hold", index, "sted"),
                          f"mangler; et hold med form '{form}' ({whose} form) skal have sted med navn, adresse, "
                          "postnr og by. Er holdet online, så skriv 'form: online' i holdet", at=("hold", index))
        if session.get("region") is None:
            by_postal_code = _postal_region(session, context)
            example = (f"skriv 'region: {by_postal_code[1]}' {by_postal_code[0]}" if by_postal_code
                       else "fx 'region: midtjylland'")
            yield Finding(("hold", index, "region"),
                          f"mangler; et hold med form '{form}' ({whose} form) skal have regionen for sit sted, "
                          f"{example}. Kun et online hold kan udelade den (så gælder det hele landet)",
                          at=("hold", index))


def _postal_region(session: dict[str, Any], context: CheckContext | None) -> tuple[str, str] | None:
    """('(postnummer 8230 ligger i Region Midtjylland)', 'midtjylland') for a session's venue, where sure."""
    venue = session.get("sted")
    postal_code = venue.get("postnr") if isinstance(venue, dict) else None
    region = region_of_postal_code(postal_code)
    taxonomy = context.taxonomy if context else None
    if region is None or taxonomy is None or region not in taxonomy.keys("regioner"):
        return None
    return f"(postnummer {str(postal_code).strip()} ligger i Region {taxonomy.label('regioner', region)})", region


def _region_fits_postal_code(course: dict[str, Any], context: CheckContext) -> Iterator[Finding]:
    """A region that is not a key is answered with the region of the venue's postal code; one that is a region
    other than the postal code's is a warning (the venue or the region is wrong). 'hele-landet' is a choice."""
    if context is None or context.taxonomy is None:
        return
    keys = context.taxonomy.keys("regioner")
    for index, session in _sessions(course):
        region, by_postal_code = session.get("region"), _postal_region(session, context)
        if by_postal_code is None or not isinstance(region, str) or _is_placeholder(("hold", index, "region"), region):
            continue
        where, expected = by_postal_code
        if region not in keys:
            yield Finding(("hold", index, "region"), f"'{region}' er ikke en af regionerne i config/taxonomy.yml; "
                                                     "mente du "
                                                     f"'{expected}'? {where}", replaces=True)
        elif region not in (expected, ONLINE_REGION):
            yield Finding(("hold", index, "region"),
                          f"er '{region}', men postnummer {str(session['sted']['postnr']).strip()} ligger i Region "
                          f"{context.taxonomy.label('regioner', expected)}; skriv 'region: {expected}', hvis stedets "
                          "adresse er rigtig, eller ret postnummeret", severity="advarsel")


def _is_placeholder(loc: Path_, value: Any) -> bool:
    return any(at == loc for at, _ in left_in(_nested(loc, value), COURSE_PLACEHOLDERS))


def _nested(loc: Path_, value: Any) -> Any:
    """The smallest document with ``value`` at ``loc``."""
    for element in reversed(loc):
        value = [None] * element + [value] if isinstance(element, int) else {element: value}
    return value


def placeholder_findings(data: Any, table: list[Placeholder], context: CheckContext | None) -> Iterator[Finding]:
    """Each placeholder of the scaffold left in a file, instead of any other problem with that value."""
    regions = ", ".join(context.taxonomy.keys("regioner")) if context and context.taxonomy else ""
    for loc, placeholder in left_in(data, table):
        advice = placeholder.advice.format(regioner=regions)
        if placeholder.name == "region" and isinstance(data, dict):
            session = data["hold"][loc[1]]
            by_postal_code = _postal_region(session, context)
            if by_postal_code:
                advice += f" {by_postal_code[0]}"
        # At the text itself, also where it starts on the line after the key ('beskrivelse: |').
        yield Finding(loc, f"pladsholder: {advice}", within=(1, 1), replaces=True)


def _no_placeholders(course: dict[str, Any], context: CheckContext) -> Iterator[Finding]:
    yield from placeholder_findings(course, COURSE_PLACEHOLDERS, context)


def _years_ahead(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _start_far_ahead(course: dict[str, Any], context: CheckContext) -> Iterator[Finding]:
    """A session more than two years ahead is almost always a slip in the year."""
    if context is None or context.today is None:
        return
    for index, session in _sessions(course):
        meetings = _meetings(index, session)
        at, start = (meetings[0].at, meetings[0].start) if meetings else (None, None)
        if start and start.date() > _years_ahead(context.today, 2):
            yield Finding((*at, "start"),
                          f"holdet starter {danish.day_month_year(start)}, mere end to år efter i dag "
                          f"({danish.day_month_year(context.today)}); ret årstallet, hvis det er en skrivefejl",
                          severity="advarsel")


# A sign-up deadline further before its session than this is almost always a slip in the year.
DEADLINE_BEFORE_START_DAYS = 365
# A session that starts within this many days with sign-up still open is worth a look: is it still open?
OPEN_SOON_DAYS = 7
# Statuses under which a session takes sign-ups (FORMAT.md §1; 'venteliste' is a waiting list, not a seat).
OPEN_STATUSES = ("ledig", "faa-pladser")


def _same_day_in_year(day: date, start: date, written: date | None) -> date | None:
    """The deadline an editor most likely meant when its year is wrong: the same day and month in the start's year
    or the year before, the one that lies before the start (and not before the file was written); None when no
    single one does (the advice must be safe to follow)."""
    candidates = []
    for year in (start.year, start.year - 1):
        try:
            candidate = day.replace(year=year)
        except ValueError:  # 29 February
            continue
        if candidate != day and candidate <= start and (written is None or candidate >= written):
            candidates.append(candidate)
    return candidates[0] if len(candidates) == 1 else None


def _deadline_a_year_before_start(course: dict[str, Any], context: CheckContext) -> Iterator[Finding]:
    """A deadline more than a year before its session's start. Not for a session more than two years ahead: then
    the start's year is the likely slip, and ``_start_far_ahead`` says so at the start."""
    written = context.written if context is not None else None
    today = context.today if context is not None else None
    for index, _, start, deadline in _deadlines(course):
        if today is not None and start and start.date() > _years_ahead(today, 2):
            continue
        if start and deadline and (start.date() - deadline).days > DEADLINE_BEFORE_START_DAYS:
            meant = _same_day_in_year(deadline, start.date(), written)
            advice = (f"skriv {meant.isoformat()}, hvis det er årstallet, der er forkert" if meant
                      else f"ret årstallet; fristen skal ligge til og med {danish.day_month_year(start)}")
            closed = ", så ingen kan tilmelde sig holdet" if today is not None and deadline < today else ""
            yield Finding(("hold", index, "tilmeldingsfrist"),
                          f"tilmeldingsfristen ({danish.day_month_year(deadline)}) ligger mere end et år før holdet "
                          f"starter ({danish.day_month_year(start)}){closed}; {advice}", severity="advarsel")


def _deadline_passed_when_written(course: dict[str, Any], context: CheckContext) -> Iterator[Finding]:
    """A deadline that had passed when the file was written, for a session still to come then: sign-up was closed
    from the session's first day on the site. Not for a cancelled session, nor where the deadline is more than a
    year before the start (``_deadline_a_year_before_start`` says it)."""
    if context is None or context.written is None:
        return
    for index, session, start, deadline in _deadlines(course):
        if (start and deadline and deadline < context.written <= start.date() and session.get("status") != "aflyst"
                and (start.date() - deadline).days <= DEADLINE_BEFORE_START_DAYS):
            yield Finding(("hold", index, "tilmeldingsfrist"),
                          f"tilmeldingsfristen ({danish.day_month_year(deadline)}) var allerede overskredet, da "
                          f"filen blev skrevet ({danish.day_month_year(context.written)}), så tilmeldingen er "
                          f"lukket fra første dag; ret datoen til den rigtige frist, til og med "
                          f"{danish.day_month_year(start)}", severity="advarsel")


def _open_close_to_start(course: dict[str, Any], context: CheckContext) -> Iterator[Finding]:
    """A session that starts within a week while sign-up is still open: a reminder to see that it is."""
    if context is None or context.today is None:
        return
    for index, session, start, deadline in _deadlines(course):
        status = session.get("status", "ledig")
        if not (start and deadline and status in OPEN_STATUSES and deadline >= context.today):
            continue
        days = (start.date() - context.today).days
        if 0 <= days <= OPEN_SOON_DAYS:
            when = {0: "i dag", 1: "i morgen"}.get(days, f"om {days} dage")
            yield Finding(("hold", index, "tilmeldingsfrist"),
                          f"holdet starter {when} ({danish.day_month_year(start)}), og tilmeldingen er stadig åben "
                          f"til og med {danish.day_month_year(deadline)}. Er holdet fuldt, så skriv 'status: fuldt' "
                          "i holdet; ellers kan det stå, som det står", severity="advarsel")


# A session can be written in afterwards (as the course's history); one that ended longer ago than this
# before the file was written is almost always a slip in the year.
WRITTEN_AFTER_MONTHS = 3


def _ended_before_written(course: dict[str, Any], context: CheckContext) -> Iterator[Finding]:
    if context is None or context.written is None:
        return
    limit = months_before(context.written, WRITTEN_AFTER_MONTHS)
    for index, session in _sessions(course):
        meetings = _meetings(index, session)
        at, end = (meetings[-1].at, meetings[-1].end) if meetings else (None, None)
        if end and end.date() < limit:
            yield Finding((*at, "slut"),
                          f"holdet sluttede {danish.day_month_year(end)}, mere end {WRITTEN_AFTER_MONTHS} måneder "
                          f"før filen blev skrevet ({danish.day_month_year(context.written)}), og vises derfor "
                          "ikke; ret årstallet, hvis holdet ikke er holdt endnu", severity="advarsel")


def months_before(day: date, months: int) -> date:
    """The same day ``months`` months earlier (the month's last day, where it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _materials_exist(course: dict[str, Any], context: CheckContext) -> Iterator[Finding]:
    materials = course.get("materialer")
    if not isinstance(materials, list):
        return
    for index, value in enumerate(materials):
        yield from page_findings(("materialer", index), value, context)


def page_findings(loc: Path_, value: Any, context: CheckContext, under: str = "") -> Iterator[Finding]:
    """A page named by its path under content/ (``under``: in that folder of it) that is not there."""
    if not isinstance(value, str):
        return
    path = PurePosixPath(value.strip())
    if f"{path.as_posix()}.md" in context.content and path.suffix != ".md":
        yield Finding(loc, f"skriv stien med .md til sidst: '{path.as_posix()}.md'")
    elif path.as_posix() in context.content and not path.as_posix().startswith(under):
        yield Finding(loc, f"'{value}' er ikke en side i værktøjskassen; skriv stien til en side under "
                           f"content/{under}")
    elif (path.is_absolute() or ".." in path.parts or path.suffix != ".md" or path.as_posix() != value.strip()
            or not path.as_posix().startswith(under)):
        yield Finding(loc, f"'{value}' skal være stien til en side i værktøjskassen under content/, fx "
                           "vaerktoejskasse/skabeloner/referat-bestyrelsesmoede.md")
    elif path.as_posix() not in context.content:
        if os.path.lexists(context.project.content_dir / path):
            yield Finding(loc, f"'{value}' er ikke en almindelig fil under content/ (fx en genvej); læg selve "
                               "siden der")
            return
        # By the page's own name: the folders the paths share would make any page look close.
        by_name = {PurePosixPath(page).stem: page for page in context.content_pages if page.startswith(under)}
        named = closest(path.stem, list(by_name))
        guess = by_name[named] if named is not None else None
        hint = f"; mente du '{guess}'?" if guess else "; tjek stavningen eller opret siden"
        yield Finding(loc, f"'{value}' findes ikke under content/{hint}")


def markdown_findings(loc: Path_, text: Any, raw_html: bool = True,
                      extensions: Iterable[str] = SITE_EXTENSIONS) -> Iterator[Finding]:
    """What in an editor's Markdown would cost the build more than linear time (markdown_rules), as errors, and HTML
    the build removes, as warnings, at their line; nothing for a text over every Markdown key's size limit (the
    model says it is too long). ``extensions``: those it is rendered with."""
    if isinstance(text, str) and len(text.strip()) <= COURSE_TEXT:
        for line, column, message in markdown_problems(text, extensions):
            yield Finding(loc, message, within=(line, column))
        for line, column, message in unsafe_html(text, raw_html):
            yield Finding(loc, message, severity="advarsel", within=(line, column))


def link_findings(loc: Path_, text: Any, links_from: str, context: CheckContext) -> Iterator[Finding]:
    """The links in an editor's Markdown, written from the source path ``links_from``, that lead nowhere
    (``broken_links``), as warnings at their line; nothing for a text over every Markdown key's size limit."""
    if isinstance(text, str) and len(text.strip()) <= COURSE_TEXT:
        for line, column, message in broken_links(text, links_from, context):
            yield Finding(loc, message, severity="advarsel", within=(line, column))


def broken_links(text: str, src_uri: str, context: CheckContext) -> Iterator[tuple[int, int, str]]:
    """The links and images in an editor's Markdown, read as from the page at ``src_uri`` (under content/), written
    as a path to a file (with its ending, as MkDocs reads them) that is neither a file of content/ nor a page the
    site makes: (line, column, message) in the text. The build leaves such an address as written, a link that
    leads nowhere."""
    for line, column, address in addresses(text):
        target = link_target(address, src_uri)
        if (target is not None and target[0] not in context.content and target[0] not in context.pages
                and posixpath.splitext(urlsplit(address).path)[1]):
            yield line, column, f"'{address}' peger på content/{target[0]}, som ikke findes; ret stien"


# A course's description is written as if the course lay in content/kurser/ (which course does not matter).
COURSE_TEXT_FROM = course_src("kursus")


def _safe_description(course: dict[str, Any], context: CheckContext) -> Iterator[Finding]:
    yield from markdown_findings(("beskrivelse",), course.get("beskrivelse"))
    yield from link_findings(("beskrivelse",), course.get("beskrivelse"), COURSE_TEXT_FROM, context)


CROSS_CHECKS: list[CrossCheck] = [
    CrossCheck("hold › start/slut/mødegange", "a session has its own start and slut, or its meetings, never both",
               _times_or_meetings),
    CrossCheck("hold › slut", "a session or meeting does not end before it starts", _end_not_before_start),
    CrossCheck("hold › mødegange", "a session's meetings are in time order and do not overlap", _meetings_in_order),
    CrossCheck("hold › slut", "a session of more than three days without meetings is a warning",
               _long_span_without_meetings),
    CrossCheck("hold › tilmeldingsfrist", "the sign-up deadline is on or before the start date",
               _deadline_not_after_start),
    CrossCheck("hold › start/slut", "a local time exists on the clock (summer time gap, autumn overlap)",
               _real_local_times),
    CrossCheck("hold › sted/region", "a venue and a region are required unless the session is online",
               _venue_and_region_unless_online),
    CrossCheck("hold › region", "a region that is not a key, or not the postal code's, is answered by the postal code",
               _region_fits_postal_code),
    CrossCheck("hold › start", "a session more than two years ahead is a warning", _start_far_ahead),
    CrossCheck("hold › tilmeldingsfrist", "a deadline more than a year before the start is a warning",
               _deadline_a_year_before_start),
    CrossCheck("hold › tilmeldingsfrist", "a deadline already past when the file was written is a warning",
               _deadline_passed_when_written),
    CrossCheck("hold › tilmeldingsfrist", "a session within a week with sign-up still open is a warning",
               _open_close_to_start),
    CrossCheck("hold › slut", "a session that had ended when the file was written is a warning",
               _ended_before_written),
    CrossCheck("(pladsholdere)", "no placeholder of the scaffold is left", _no_placeholders),
    CrossCheck("materialer", "each material is a page that exists under content/", _materials_exist),
    CrossCheck("beskrivelse", "HTML that could run is reported where it is written (the build removes it)",
               _safe_description),
]


def cross_check_diagnostics(document: YamlDocument, context: CheckContext | None, display: str,
                            rows: list[CrossCheck] = CROSS_CHECKS) -> list[Diagnostic]:
    found = []
    for row in rows:
        for loc, message, at, severity, within, replaces in row.check(document.data, context):
            positions = document.positions
            mark = positions.of_text(at or loc, *within) if within else positions.of_value(at or loc)
            found.append(Diagnostic(display, mark.line, mark.column, f"{describe_path(loc)}: {message}", severity,
                                    replaces))
    return found


# ---------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------


def read_yaml(path: Path, display: str, keys: frozenset[str] = frozenset(), list_of: str | None = None
              ) -> tuple[bytes, YamlDocument | None, list[Diagnostic]]:
    """The file's bytes, and the YAML document in them or why there is none (``keys``: those it may use;
    ``list_of``: the file is a list of these, see ``load_yaml_text``)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return b"", None, [Diagnostic(display, 1, 1, f"filen kan ikke læses ({error.strerror})")]
    return (raw, *load_yaml_file(raw, display, keys, list_of))


def validate_model(model: type[M], document: YamlDocument, display: str,
               context: dict[str, Any] | None = None) -> tuple[M | None, list[Diagnostic]]:
    try:
        return model.model_validate(document.data, context=context), []
    except ValidationError as error:
        return None, model_diagnostics(error, model, document, display)


def _read_config(project: Project, path: Path) -> tuple[YamlDocument | None, list[Diagnostic]]:
    display = project.display(path)
    refused = not_a_regular_file(path, project.root, display)
    if refused is not None:
        return None, [refused]
    _, document, found = read_yaml(path, display)
    return document, found


def load_taxonomy(project: Project) -> tuple[Taxonomy | None, list[Diagnostic]]:
    display = project.display(project.taxonomy_file)
    document, found = _read_config(project, project.taxonomy_file)
    if document is None:
        return None, found
    taxonomy, found = validate_model(Taxonomy, document, display)
    if taxonomy is None:
        return None, found
    for key in RESERVED_TOPICS & set(taxonomy.emner):
        mark = document.positions.of_key(("emner", key))
        found.append(Diagnostic(display, mark.line, mark.column,
                                f"emner › {key}: nøglen '{key}' er optaget af siden med alle emner (/emner/); "
                                "giv emnet en anden nøgle"))
    for vocabulary, keys in REQUIRED_TAXONOMY_KEYS.items():
        for key in keys:
            if key not in taxonomy.keys(vocabulary):
                mark = document.positions.of_key((vocabulary,))
                found.append(Diagnostic(display, mark.line, mark.column,
                                        f"{vocabulary}: '{key}' skal blive stående, fordi hjemmesiden bruger den"))
    return (None if found else taxonomy), found


def load_department(project: Project) -> tuple[Department | None, list[Diagnostic]]:
    display = project.display(project.department_file)
    document, found = _read_config(project, project.department_file)
    if document is None:
        return None, found
    department, found = validate_model(Department, document, display)
    if department is not None:
        found += _editing_changed(project, document, display)
    return department, found + cross_check_diagnostics(document, None, display, DEPARTMENT_CHECKS)


_EDITING_CHANGED = {
    "login": "redaktørerne sendes nu dertil for at logge ind med GitHub",
    "github": "redaktørernes ændringer gemmes nu dér",
}


def _editing_changed(project: Project, document: YamlDocument, display: str) -> list[Diagnostic]:
    """Where editors log in, or which repository their changes go to, changed since the file's last version: a
    warning at the line, for whoever reviews it (a pull request could send the next editor's login elsewhere)."""
    previous = previous_version(project.root, display)
    if previous is None:
        return []
    before, _ = load_yaml_text(previous, display)
    old = before.data.get("redigering") if before is not None and isinstance(before.data, dict) else None
    new = document.data.get("redigering")
    old, new = (old if isinstance(old, dict) else {}), (new if isinstance(new, dict) else {})
    found = []
    for key, consequence in _EDITING_CHANGED.items():
        if old.get(key) != new.get(key):
            mark = document.positions.of_value(("redigering", key) if key in new else ("redigering",))
            said = f"'{new.get(key)}'" if new.get(key) else "ingenting"
            found.append(Diagnostic(display, mark.line, mark.column,
                                    f"redigering › {key}: er ændret fra '{old.get(key) or ''}' til {said}; "
                                    f"{consequence}. Er det ikke jeres egen, så skriv den tidligere igen",
                                    "advarsel"))
    return found


def _safe_rules(department: dict[str, Any], _: CheckContext | None) -> Iterator[Finding]:
    rules = department.get("tilmeldingsregler")
    for index, rule in enumerate(rules if isinstance(rules, list) else []):
        if isinstance(rule, dict):
            # Shown as the HTML of their Markdown, sanitized (safehtml.inline_markdown), as a course's description.
            yield from markdown_findings(("tilmeldingsregler", index, "tekst"), rule.get("tekst"), extensions=())


DEPARTMENT_CHECKS: list[CrossCheck] = [
    CrossCheck("tilmeldingsregler › tekst", "HTML that could run is reported where it is written", _safe_rules),
]


COURSE_KEYS = editor_keys(Course)


def load_course(path: Path, context: CheckContext) -> tuple[CourseEntry | None, list[Diagnostic]]:
    display = context.project.display(path)
    slug = path.stem
    named = file_name_problem(path, display, RESERVED_SLUGS)
    found: list[Diagnostic] = [named] if named else []
    raw, document, problems = read_yaml(path, display, COURSE_KEYS)
    found += problems
    if document is None:
        return None, found
    course, problems = validate_model(Course, document, display, {"taxonomy": context.taxonomy})
    found += problems
    found += cross_check_diagnostics(document, context.for_file(path), display)
    found = superseded(found)
    if course is None or any(d.is_error for d in found):
        return None, found
    return CourseEntry(slug=slug, source=display, course=course, fingerprint=fingerprint(raw)), found


def content_tree(project: Project) -> SourceTree:
    """The regular files under content/ and a problem for everything else there: the one walk that `check`, the
    build and `fmt` read."""
    return scan(project.content_dir, project.display, allowed=PUBLISHED_SUFFIXES)


def course_files(project: Project) -> tuple[list[Path], list[Diagnostic]]:
    """The course files, and a problem for each file that is almost one or is not a regular file."""
    return yaml_files(project, project.courses_dir, "kursusfiler")


def yaml_files(project: Project, folder: Path, what: str) -> tuple[list[Path], list[Diagnostic]]:
    """The files ``<navn>.yml`` directly in ``folder`` (``what`` they are, for the message about one that is almost
    one of them), and a problem for each file that is almost one or is not a regular file."""
    tree = scan(folder, project.display)
    found = list(tree.problems)
    files = []
    for relative in tree.files:
        path = folder / relative
        if path.suffix in (".yaml", ".YML", ".Yml") or (path.suffix == ".yml" and "/" in relative):
            found.append(Diagnostic(project.display(path), 1, 1, f"{what} skal ligge direkte i {folder.name}/ og "
                                                                  f"hedde <navn>.yml, fx {folder.name}/"
                                                                  f"{suggest_slug(path.stem)}.yml"))
        elif path.suffix == ".yml":
            files.append(path)
    return files, found


def file_name_problem(path: Path, display: str, reserved: frozenset[str] = frozenset(),
                      what: str = "kurset") -> Diagnostic | None:
    """Why a file's name cannot be the slug of its page, or None."""
    slug = path.stem
    if not re.fullmatch(SLUG_PATTERN, slug):
        return Diagnostic(display, 1, 1, f"filnavnet '{path.name}' er ikke tilladt: brug kun små bogstaver a–z, cifre "
                                         f"og enkelte bindestreger, fx '{suggest_slug(slug)}.yml'")
    if slug in reserved:
        return Diagnostic(display, 1, 1, f"filnavnet '{path.name}' er optaget af en side, som hjemmesiden selv laver; "
                                         f"giv {what} et andet navn")
    return None
