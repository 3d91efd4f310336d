"""JSON Schemas for editors' tools, generated from the models with the taxonomy's keys as choices.

VS Code's YAML extension reads them (see .vscode/settings.json and the
``# yaml-language-server: $schema=`` line of scaffolded files) to complete keys
and values and to underline mistakes while an editor types.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .fields import TAXONOMY_MARK
from .models import Course, Department, Evaluations, LearningPath, Taxonomy, ToolkitMeta
from .project import Project

SCHEMA_FOLDER = "schemas"
SCHEMAS: dict[str, type[BaseModel]] = {
    "course.schema.json": Course,
    "path.schema.json": LearningPath,
    "evaluation.schema.json": Evaluations,
    "toolkit.schema.json": ToolkitMeta,
    "taxonomy.schema.json": Taxonomy,
    "department.schema.json": Department,
}


# What a description says that a form or the format reference says in its own way: the date format (a date
# picker; the rule) and where the choices come from (a list to pick from; the choices listed).
_FORMAT_WORDS = re.compile(r": ÅÅÅÅ-MM-DD( TT:MM)?|\.? [Ff]ra config/taxonomy.yml")


def without_format(description: str) -> str:
    """A key's description without the words a form or the format reference shows otherwise."""
    return _FORMAT_WORDS.sub("", description)


def resolve(node: dict[str, Any], definitions: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """A property of a model's JSON Schema with ``$ref`` followed, and whether it may be null (an ``anyOf`` with
    null: a key that may be left out)."""
    optional = False
    if "anyOf" in node:
        choices = [choice for choice in node["anyOf"] if choice.get("type") != "null"]
        optional = len(choices) < len(node["anyOf"])
        node = {**{k: v for k, v in node.items() if k != "anyOf"}, **choices[0]}
    if "$ref" in node:
        node = {**definitions[node["$ref"].rsplit("/", 1)[1]], **{k: v for k, v in node.items() if k != "$ref"}}
    return node, optional


def whole_number_bounds(node: dict[str, Any]) -> dict[str, int]:
    """A whole number's bounds in a JSON Schema as ``min`` and ``max``, both inclusive (``gt=0`` is ``min: 1``)."""
    bounds = {}
    for name, inclusive, exclusive, step in (("min", "minimum", "exclusiveMinimum", 1),
                                             ("max", "maximum", "exclusiveMaximum", -1)):
        if inclusive in node:
            bounds[name] = node[inclusive]
        elif exclusive in node:
            bounds[name] = node[exclusive] + step
    return bounds


def _with_choices(node: Any, taxonomy: Taxonomy | None) -> Any:
    """Replace each taxonomy mark with the vocabulary's keys, labelled as residents see them."""
    if isinstance(node, list):
        return [_with_choices(item, taxonomy) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _with_choices(value, taxonomy) for key, value in node.items()}
    vocabulary = node.pop(TAXONOMY_MARK, None)
    if vocabulary is not None and taxonomy is not None:
        entries = taxonomy.vocabulary(vocabulary)
        node["enum"] = list(entries)
        node["markdownEnumDescriptions"] = [e.navn + (f" – {e.beskrivelse}" if e.beskrivelse else "")
                                            for e in entries.values()]
    return node


def schema(model: type[BaseModel], taxonomy: Taxonomy | None) -> dict[str, Any]:
    generated = model.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **_with_choices(generated, taxonomy)}


def rendered(model: type[BaseModel], taxonomy: Taxonomy | None) -> str:
    return json.dumps(schema(model, taxonomy), ensure_ascii=False, indent=2) + "\n"


def write_schemas(project: Project, taxonomy: Taxonomy) -> list[Path]:
    folder = project.root / SCHEMA_FOLDER
    folder.mkdir(exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / name
        path.write_text(rendered(model, taxonomy), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(project: Project, taxonomy: Taxonomy) -> list[str]:
    """The schema files that differ from what the models and taxonomy give now."""
    folder = project.root / SCHEMA_FOLDER
    return [name for name, model in SCHEMAS.items()
            if not (folder / name).is_file()
            or (folder / name).read_text(encoding="utf-8") != rendered(model, taxonomy)]
