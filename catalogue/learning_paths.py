"""Learning paths (FORMAT.md §1b): ``forloeb/<slug>.yml``, an ordered series of courses and toolkit pages.

Checked like a course file: the model for keys and values, then the rows of ``PATH_CHECKS`` for what a step
names, so that every step that names a course or a page that is not there is reported at its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .diagnostics import Diagnostic, closest, superseded
from .fields import TEXT_MAX
from .models import LearningPath, PathEntry, PathStep, editor_keys
from .toolkit import TOOLKIT_FOLDER
from .urls import RESERVED_PATHS, path_src
from .validation import (
    CheckContext,
    CrossCheck,
    Finding,
    cross_check_diagnostics,
    file_name_problem,
    link_findings,
    mappings_in,
    markdown_findings,
    page_findings,
    read_yaml,
    validate_model,
)

PATH_KEYS = editor_keys(LearningPath)
STEP_KINDS = ("kursus", "materiale")  # a step is exactly one of these


def _steps(data: dict[str, Any]) -> Iterator[tuple[int, dict[str, Any]]]:
    return mappings_in(data.get("trin"))


def _one_kind_per_step(data: dict[str, Any], _: CheckContext) -> Iterator[Finding]:
    for index, step in _steps(data):
        given = [kind for kind in STEP_KINDS if kind in step]
        if not given:
            yield Finding(("trin", index), "mangler 'kursus' eller 'materiale'; skriv fx 'kursus: "
                                           "det-gode-bestyrelsesmoede' eller 'materiale: vaerktoejskasse/…/side.md'")
        elif len(given) == 2:
            yield Finding(("trin", index, "materiale"), "et trin er enten et kursus eller en side i værktøjskassen, "
                                                        "ikke begge dele; gør siden til sit eget trin ('- materiale: "
                                                        "…' på en ny linje)")


def _courses_exist(data: dict[str, Any], context: CheckContext) -> Iterator[Finding]:
    for index, step in _steps(data):
        slug = step.get("kursus")
        if not isinstance(slug, str) or slug.strip() in context.courses or len(slug.strip()) > TEXT_MAX:
            continue  # (a text too long is the model's to report)
        written = slug.strip()
        name = written.rsplit("/", 1)[-1].removesuffix(".yml")
        if name != written and name in context.courses:
            yield Finding(("trin", index, "kursus"), f"skriv kun navnet på kursets fil uden mappe og .yml: 'kursus: "
                                                     f"{name}'")
            continue
        guess = closest(name, sorted(context.courses))
        hint = f"; mente du '{guess}'?" if guess else "; skriv navnet på kursets fil i courses/ uden .yml"
        yield Finding(("trin", index, "kursus"), f"der er intet kursus '{written}' (courses/{name}.yml){hint}")


def _pages_exist(data: dict[str, Any], context: CheckContext) -> Iterator[Finding]:
    for index, step in _steps(data):
        yield from page_findings(("trin", index, "materiale"), step.get("materiale"), context,
                                 under=f"{TOOLKIT_FOLDER}/")


def _no_step_twice(data: dict[str, Any], _: CheckContext) -> Iterator[Finding]:
    seen: dict[tuple[str, str], int] = {}
    for index, step in _steps(data):
        if all(kind in step for kind in STEP_KINDS):
            continue  # a step that is both is reported as such (_one_kind_per_step)
        for kind in STEP_KINDS:
            value = step.get(kind)
            if isinstance(value, str):
                first = seen.setdefault((kind, value.strip()), index)
                if first != index:
                    yield Finding(("trin", index, kind), f"'{value.strip()}' er også trin {first + 1}; slet det ene "
                                                         "af dem", severity="advarsel")


# A learning path's description is written as if the path lay in content/forloeb/ (which path does not matter).
PATH_TEXT_FROM = path_src("forloeb")


def _safe_description(data: dict[str, Any], context: CheckContext) -> Iterator[Finding]:
    yield from markdown_findings(("beskrivelse",), data.get("beskrivelse"))
    yield from link_findings(("beskrivelse",), data.get("beskrivelse"), PATH_TEXT_FROM, context)


PATH_CHECKS: list[CrossCheck] = [
    CrossCheck("trin", "a step is exactly one of kursus and materiale", _one_kind_per_step),
    CrossCheck("trin › kursus", "each course named is a course file", _courses_exist),
    CrossCheck("trin › materiale", "each page named is a page in the toolkit", _pages_exist),
    CrossCheck("trin", "a course or page is one step, not two (a warning)", _no_step_twice),
    CrossCheck("beskrivelse", "HTML that could run is reported where it is written (the build removes it)",
               _safe_description),
]


def load_path(path: Path, context: CheckContext) -> tuple[PathEntry | None, list[Diagnostic]]:
    display = context.project.display(path)
    named = file_name_problem(path, display, RESERVED_PATHS, "forløbet")
    found: list[Diagnostic] = [named] if named else []
    _, document, problems = read_yaml(path, display, PATH_KEYS)
    found += problems
    if document is None:
        return None, found
    learning_path, problems = validate_model(LearningPath, document, display, {"taxonomy": context.taxonomy})
    found += problems
    found += cross_check_diagnostics(document, context, display, PATH_CHECKS)
    found = superseded(found)
    if learning_path is None or any(d.is_error for d in found):
        return None, found
    return PathEntry(slug=path.stem, source=display, path=learning_path), found


@dataclass(frozen=True)
class PathPlace:
    """Where a course or page stands in one learning path: its step, and the steps before and after."""

    entry: PathEntry
    number: int  # 1-based
    before: PathStep | None
    after: PathStep | None

    @property
    def count(self) -> int:
        return len(self.entry.path.trin)


def places_of(paths: list[PathEntry], kind: str, name: str) -> list[PathPlace]:
    """Each place where the course (``kind`` 'kursus') or page ('materiale') ``name`` is a step of a path."""
    places = []
    for entry in paths:
        steps = entry.path.trin
        for index, step in enumerate(steps):
            if getattr(step, kind) == name:
                places.append(PathPlace(entry, index + 1, steps[index - 1] if index else None,
                                        steps[index + 1] if index + 1 < len(steps) else None))
    return places
