"""Load and validate a whole project: taxonomy, department, courses."""

from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import Diagnostic
from .models import CourseEntry, Department, Taxonomy
from .project import Project
from .toolkit import ToolkitPage, toolkit_pages
from .urls import is_generated
from .validation import CheckContext, course_files, load_course, load_department, load_taxonomy


@dataclass(frozen=True)
class Catalogue:
    project: Project
    taxonomy: Taxonomy
    department: Department
    courses: list[CourseEntry]
    toolkit: dict[str, ToolkitPage]

    def courses_of_topic(self, topic: str) -> list[CourseEntry]:
        return [e for e in self.courses if topic in e.course.emner]


def load_catalogue(project: Project) -> tuple[Catalogue | None, list[Diagnostic]]:
    """Everything the build needs, or None with every problem found in one run."""
    taxonomy, found = load_taxonomy(project)
    department, problems = load_department(project)
    found += problems
    context = CheckContext(project, taxonomy)
    files, problems = course_files(project)
    found += problems
    courses = []
    for path in files:
        entry, problems = load_course(path, context)
        found += problems
        if entry is not None:
            courses.append(entry)
    found += generated_page_clashes(project)
    found.sort()
    if any(d.is_error for d in found) or taxonomy is None or department is None:
        return None, found
    return Catalogue(project, taxonomy, department, courses, toolkit_pages(project)), found


def generated_page_clashes(project: Project) -> list[Diagnostic]:
    """A file under content/ where the build writes a page of its own would hide that page."""
    root = project.content_dir
    return [Diagnostic(project.display(path), 1, 1,
                       f"siden /{path.relative_to(root).with_suffix('').as_posix()}/ laves automatisk ud fra "
                       "kursusfilerne; flyt filen, eller slet den")
            for path in sorted(root.rglob("*.md")) if is_generated(path.relative_to(root).as_posix())]
