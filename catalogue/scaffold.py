"""New files for editors: a course with every key explained, or a toolkit page of a given type."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import jinja2

from . import placeholders
from .fields import SLUG_PATTERN
from .models import TOOLKIT_TYPES, Department, Taxonomy
from .project import Project
from .toolkit import TOOLKIT_FOLDER
from .urls import RESERVED_SLUGS
from .validation import suggest_slug


class ScaffoldError(Exception):
    """Why a file cannot be created, in Danish."""


def _environment(project: Project) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(project.templates_dir / "scaffolds"),
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True)


def course_text(project: Project, taxonomy: Taxonomy, department: Department) -> str:
    """A new course file: every key, each explained, the values to fill in as placeholders."""
    return _environment(project).get_template("course.yml.jinja").render(
        taxonomy=taxonomy, department=department, placeholder=placeholders.by_name(placeholders.COURSE))


def toolkit_text(project: Project, kind: str, taxonomy: Taxonomy, today: date) -> str:
    """A new toolkit page of a type, reviewed ``today``."""
    return _environment(project).get_template("toolkit.md.jinja").render(
        type=kind, taxonomy=taxonomy, today=today.isoformat(),
        placeholder=placeholders.by_name(placeholders.TOOLKIT))


def course_slug(project: Project, name: str) -> str:
    """'konflikthaandtering' for it, for 'konflikthaandtering.yml' and for 'courses/konflikthaandtering.yml'."""
    name = name.strip().replace("\\", "/").removeprefix("./").removeprefix(f"{project.courses_dir.name}/")
    return name.removesuffix(".yml").removesuffix(".yaml")


def new_course(project: Project, slug: str, taxonomy: Taxonomy, department: Department, today: date) -> Path:
    slug = course_slug(project, slug)
    if not re.fullmatch(SLUG_PATTERN, slug) or slug in RESERVED_SLUGS:
        raise ScaffoldError(f"'{slug}' kan ikke bruges som navn på et kursus: brug små bogstaver a–z, cifre og "
                            f"enkelte bindestreger, fx '{suggest_slug(slug)}'")
    path = project.courses_dir / f"{slug}.yml"
    if path.exists():
        raise ScaffoldError(f"{project.display(path)} findes allerede; vælg et andet navn, eller ret den fil")
    text = course_text(project, taxonomy, department)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def toolkit_path(project: Project, name: str) -> Path:
    """content/vaerktoejskasse/<name>.md for 'skabeloner/referat', with or without the folder and '.md'."""
    relative = name.strip().strip("/").removeprefix("content/").removeprefix(f"{TOOLKIT_FOLDER}/")
    relative = relative.removesuffix(".md")
    parts = relative.split("/")
    if not relative or not all(re.fullmatch(SLUG_PATTERN, part) for part in parts) or parts[-1] == "index":
        raise ScaffoldError(f"'{name}' kan ikke bruges som sti: skriv mappe og navn med små bogstaver a–z, cifre "
                            "og bindestreger, fx skabeloner/referat-bestyrelsesmoede")
    return project.content_dir / TOOLKIT_FOLDER / f"{relative}.md"


def new_toolkit_page(project: Project, kind: str, name: str, taxonomy: Taxonomy, today: date) -> Path:
    if kind not in TOOLKIT_TYPES:
        raise ScaffoldError(f"'{kind}' er ikke en type; skriv en af: {', '.join(TOOLKIT_TYPES)}")
    path = toolkit_path(project, name)
    folder = project.content_dir / TOOLKIT_FOLDER
    if path.parent == folder:  # 'referat' alone: in the type's own folder, as the other pages of its type
        path = folder / TOOLKIT_TYPES[kind][1].lower() / path.name
    if path.exists():
        raise ScaffoldError(f"{project.display(path)} findes allerede; vælg et andet navn, eller ret den fil")
    text = toolkit_text(project, kind, taxonomy, today)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
