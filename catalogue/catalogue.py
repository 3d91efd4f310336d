"""Load and validate a whole project: taxonomy, department, courses, learning paths, evaluations and toolkit."""

from __future__ import annotations

import contextlib
import functools
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path, PurePosixPath
from typing import Callable, Iterator

from .diagnostics import Diagnostic
from .evaluations import CourseRating, course_rating, load_evaluations
from .fields import COPENHAGEN
from .learning_paths import PathPlace, load_path, places_of
from .memo import Memo, fingerprint
from .models import CourseEntry, Department, PathEntry, SessionEvaluation, Taxonomy
from .offer import home_regions
from .processes import Shared, processors
from .project import Project
from .sources import Committed, SourceTree
from .toolkit import TOOLKIT_FOLDER, ToolkitItem, check_page, load_toolkit, needing_review, toolkit_broken_links
from .urls import generated_sources, is_generated
from .validation import (
    CheckContext,
    course_files,
    load_course,
    load_department,
    load_taxonomy,
    yaml_files,
)

NEW_FOR_DAYS = 90  # a course whose file was first committed this many days ago or less is "Nyt kursus"


@dataclass(frozen=True)
class Catalogue:
    project: Project
    taxonomy: Taxonomy
    department: Department
    courses: list[CourseEntry]
    toolkit: dict[str, ToolkitItem]
    content: SourceTree  # the regular files under content/: the only ones the site may publish
    paths: list[PathEntry] = field(default_factory=list)  # the learning paths, by file name
    evaluations: dict[str, tuple[SessionEvaluation, ...]] = field(default_factory=dict)  # by course slug
    new_courses: frozenset[str] = frozenset()  # slugs of the courses marked "Nyt kursus"
    # When each file of courses/ and content/ was committed (sources.git_history), as read for the check; None
    # outside a git checkout (or read without a reference date)
    history: dict[str, Committed] | None = None

    def course(self, slug: str) -> CourseEntry | None:
        return self._courses_by_slug.get(slug)

    def places_of_course(self, slug: str) -> list[PathPlace]:
        """Where the course is a step of a learning path."""
        return places_of(self.paths, "kursus", slug)

    def places_of_page(self, path: str) -> list[PathPlace]:
        """Where the toolkit page is a step of a learning path."""
        return places_of(self.paths, "materiale", path)

    def rating(self, slug: str, today: date) -> CourseRating | None:
        """The course's evaluation figures as residents see them, or None (see ``course_rating``)."""
        return course_rating(self.evaluations.get(slug, ()), today)

    def courses_of_topic(self, topic: str) -> list[CourseEntry]:
        return self._courses_by_topic.get(topic, [])

    def materials_of_topic(self, topic: str) -> list[ToolkitItem]:
        return [i for i in self.toolkit.values() if topic in i.meta.emner]

    def courses_using(self, path: str) -> list[CourseEntry]:
        """The courses whose 'materialer' name this toolkit page."""
        return self._courses_by_material.get(path, [])

    def due_for_review(self, today: date) -> list[ToolkitItem]:
        """The toolkit pages not reviewed within the department's review period, oldest first."""
        return needing_review(self.toolkit, today, self.department.revisionsperiode)

    # Looked up once per page: indexed once, so that the build stays linear in courses and pages.
    @functools.cached_property
    def _courses_by_slug(self) -> dict[str, CourseEntry]:
        return {entry.slug: entry for entry in self.courses}

    @functools.cached_property
    def _courses_by_topic(self) -> dict[str, list[CourseEntry]]:
        found: dict[str, list[CourseEntry]] = {}
        for entry in self.courses:
            for topic in dict.fromkeys(entry.course.emner):
                found.setdefault(topic, []).append(entry)
        return found

    @functools.cached_property
    def _courses_by_material(self) -> dict[str, list[CourseEntry]]:
        found: dict[str, list[CourseEntry]] = {}
        for entry in self.courses:
            for path in dict.fromkeys(entry.course.materialer):
                found.setdefault(path, []).append(entry)
        return found


# What validating one course file gave: its entry (None when it has errors) and its problems.
CourseResult = tuple[CourseEntry | None, list[Diagnostic]]
# Each course file's result, by its path and the fingerprint of its bytes.
CourseFilesMemo = Memo[tuple[Path, str], CourseResult]


def load_catalogue(project: Project, partial: bool = False, memo: CourseFilesMemo | None = None,
                   today: date | None = None) -> tuple[Catalogue | None, list[Diagnostic]]:
    """Everything the build needs, or None, with every problem found in one run.

    With ``partial`` (the live preview), files with errors are left out instead of stopping the
    build, as long as the taxonomy and the department file are valid. ``memo`` keeps each
    course file's result between calls, for as long as the file and its context are unchanged.
    Pages due for review are not problems: see ``Catalogue.due_for_review`` and ``review_report``.
    With ``today`` (the reference date), dates that look wrong are warnings: a session more than two years
    ahead or one that had ended when its file was written, a toolkit page reviewed in the future.
    """
    taxonomy, found = load_taxonomy(project)
    department, problems = load_department(project)
    found += problems
    context = CheckContext.of(project, taxonomy, today)
    found += context.content.problems
    files, problems = course_files(project)
    found += problems
    context.courses = frozenset(path.stem for path in files)
    path_files, problems = yaml_files(project, project.paths_dir, "forløb")
    found += problems
    context.pages = generated_sources(context.courses, taxonomy.emner if taxonomy else (),
                                      (path.stem for path in path_files),
                                      home_regions(taxonomy.keys("regioner")) if taxonomy else ())
    remembering = memo is not None
    memo = memo if memo is not None else Memo()  # without one: kept for this call only, by path alone
    memo.within(fingerprint(taxonomy.model_dump_json() if taxonomy else "", *context.content_pages,
                            *sorted(context.pages),  # what a course's links may lead to
                            str(today)))  # what its dates are checked against
    keys = {path: (path, fingerprint(path.read_bytes()) if remembering else "") for path in files}
    todo = [path for path in files if keys[path] not in memo]
    with _loading_courses(todo, context) as loading:
        toolkit, problems = load_toolkit(context)  # meanwhile, when the courses are read by other processes
        loaded = dict(zip(todo, loading(), strict=True))
    found += problems
    courses = []
    for path in files:
        entry, problems = memo.get(keys[path], lambda path=path: loaded[path])
        found += problems
        if entry is not None:
            courses.append(entry)
    paths, evaluations, problems = load_paths_and_evaluations(context, path_files)
    found += problems
    found += toolkit_broken_links(toolkit, context)
    found += generated_page_clashes(context)
    for page in context.content_pages:
        if not page.startswith(f"{TOOLKIT_FOLDER}/") and not is_generated(page):
            found += check_page(project.content_dir / page, context)
    found.sort()
    if taxonomy is None or department is None or (any(d.is_error for d in found) and not partial):
        return None, found
    return Catalogue(project, taxonomy, department, courses, toolkit, context.content, paths, evaluations,
                     _new_courses(courses, context), context.history), found


def load_paths_and_evaluations(context: CheckContext, path_files: list[Path]) -> tuple[
        list[PathEntry], dict[str, tuple[SessionEvaluation, ...]], list[Diagnostic]]:
    """The valid learning paths (of these files) and evaluation files, and every problem in them."""
    project = context.project
    found: list[Diagnostic] = []
    paths = []
    for path in path_files:
        entry, problems = load_path(path, context)
        found += problems
        if entry is not None:
            paths.append(entry)
    evaluation_files, problems = yaml_files(project, project.evaluations_dir, "evalueringsfiler")
    found += problems
    evaluations = {}
    for path in evaluation_files:
        entries, problems = load_evaluations(path, context)
        found += problems
        if entries is not None:
            evaluations[path.stem] = entries
    return paths, evaluations, found


def _new_courses(courses: list[CourseEntry], context: CheckContext) -> frozenset[str]:
    """The courses whose file was first committed within ``NEW_FOR_DAYS`` of the reference date, by git's history.

    A file not committed yet is new too (it is, once it is). A file in the repository's first commit is not: that
    commit brought in the catalogue there was, and nothing in it was news to residents. Outside a git checkout no
    course is new, nor one whose first commit a shallow clone has not got.
    """
    if context.today is None or context.history is None:
        return frozenset()
    since = context.today - timedelta(days=NEW_FOR_DAYS)
    new = set()
    for entry in courses:
        committed = context.history.get(entry.source)
        if committed is None or (committed.first is not None and not committed.imported
                                 and committed.first.astimezone(COPENHAGEN).date() >= since):
            new.add(entry.slug)
    return frozenset(new)


# From this many course files on, they are read on every processor.
PARALLEL_FROM = 2000


@contextlib.contextmanager
def _loading_courses(paths: list[Path], context: CheckContext) -> Iterator[Callable[[], list[CourseResult]]]:
    """load_course for each file, started; the function given gives the results in order.

    A large catalogue is read by a process per processor (``processes.Shared``), while this process goes on with
    other work. Should that work fail or be stopped (Ctrl+C, SIGTERM), those processes are stopped with it.
    """
    load = functools.partial(load_course, context=context)
    if len(paths) < PARALLEL_FROM or processors() < 2:
        yield lambda: [load(path) for path in paths]
        return
    reading = Shared(load, paths, processors(), batch=len(paths))  # each sends its results once it has them all
    try:
        yield reading.gather
    finally:
        reading.stop()


def generated_page_clashes(context: CheckContext) -> list[Diagnostic]:
    """A file under content/ where the build writes a page of its own would hide that page."""
    project = context.project
    return [Diagnostic(project.display(project.content_dir / path), 1, 1,
                       f"siden /{PurePosixPath(path).with_suffix('').as_posix()}/ laves automatisk ud fra "
                       "kursusfilerne; flyt filen, eller slet den")
            for path in context.content_pages if is_generated(path)]


@dataclass(frozen=True)
class Review:
    due: list[ToolkitItem]  # oldest first
    months: int  # the review period
    problems: list[Diagnostic]  # what kept pages from being read


def review_report(project: Project, today: date) -> Review:
    """The toolkit pages due for review, read even when other files have errors."""
    taxonomy, problems = load_taxonomy(project)
    department, more = load_department(project)
    context = CheckContext.of(project, taxonomy)
    toolkit, even_more = load_toolkit(context)
    problems = sorted(problems + more + list(context.content.problems) + even_more)
    months = department.revisionsperiode if department else 12
    return Review(needing_review(toolkit, today, months), months, problems)
