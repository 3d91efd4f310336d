"""Where the editors' files live in a project checkout."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def courses_dir(self) -> Path:
        return self.root / "courses"

    @property
    def paths_dir(self) -> Path:
        """The learning paths (FORMAT.md §1b)."""
        return self.root / "forloeb"

    @property
    def evaluations_dir(self) -> Path:
        """The evaluation results, one file per course (FORMAT.md §1a)."""
        return self.root / "evalueringer"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def taxonomy_file(self) -> Path:
        return self.root / "config" / "taxonomy.yml"

    @property
    def department_file(self) -> Path:
        return self.root / "config" / "department.yml"

    def display(self, path: Path) -> str:
        """The path as editors see it: relative to the checkout, with forward slashes."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            pass
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


# What a copy of the project needs to check and build (for tests and the benchmark).
PROJECT_PARTS = ("build.py", "mkdocs.yml", "catalogue", "hooks", "templates", "config", "content", "schemas", "cms",
                 "vendor")


# What refers to the courses by name: copied with them, or not at all.
COURSE_PARTS = ("courses", "forloeb", "evalueringer")


def copy_project(source: Path, target: Path, with_courses: bool = True) -> Path:
    """A fresh copy of a project's code, templates, config and content; its courses (with their learning paths and
    evaluations) too, or none."""
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source / part, target / part)
    if with_courses:
        for part in COURSE_PARTS:
            if (source / part).is_dir():
                shutil.copytree(source / part, target / part)
    else:
        (target / "courses").mkdir()
    return target
