"""Decap CMS's configuration, generated from the models and the taxonomy, never kept by hand.

The forms an editor fills in the browser are the same contract as the files (FORMAT.md): each
collection's fields come from the model's JSON Schema (the one `build.py schemas` writes for editors'
tools, and written with it), so a key, a limit or a taxonomy value changes in one place. Taxonomy keys
become select widgets that show the residents' labels and save the keys; `YYYY-MM-DD HH:MM` and
`YYYY-MM-DD` become date pickers that save exactly that; lengths, patterns and numbers become Decap's
own rules. The taxonomy itself is not a form: its vocabularies are mappings, which Decap cannot edit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from .fields import TAXONOMY_MARK
from .models import TOOLKIT_TYPES, Course, Department, Taxonomy, ToolkitMeta
from .project import Project
from .toolkit import TOOLKIT_FOLDER

CMS_FILE = "cms/config.yml"  # written by `build.py schemas` with the JSON Schemas; served at /admin/config.yml

_DATETIME = r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$"
_DATE = r"^\d{4}-\d{2}-\d{2}$"

# The labels editors see on the form, by key; any other key is shown with its first letter in upper case.
LABELS = {"pris_note": "Prisnote", "skræddersyet": "Skræddersyet kursus", "hold": "Hold", "sted": "Sted",
          "postnr": "Postnummer", "by": "By", "tilmelding": "Tilmelding (https:// eller mailto:)",
          "tilmeldingsfrist": "Tilmeldingsfrist", "fil": "Fil", "url": "Adresse (https://)"}


def _label(key: str) -> str:
    return LABELS.get(key) or key[:1].upper() + key[1:].replace("_", " ")


def _resolve(node: dict[str, Any], definitions: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The node itself, and whether it may be left out (an ``anyOf`` with null), with ``$ref`` followed."""
    optional = False
    if "anyOf" in node:
        choices = [choice for choice in node["anyOf"] if choice.get("type") != "null"]
        optional = len(choices) < len(node["anyOf"])
        node = {**{k: v for k, v in node.items() if k != "anyOf"}, **choices[0]}
    if "$ref" in node:
        node = {**definitions[node["$ref"].rsplit("/", 1)[1]], **{k: v for k, v in node.items() if k != "$ref"}}
    return node, optional


def _options(vocabulary: str, taxonomy: Taxonomy) -> list[dict[str, str]]:
    return [{"label": entry.navn, "value": key} for key, entry in taxonomy.vocabulary(vocabulary).items()]


def _length_rule(node: dict[str, Any]) -> list[str] | None:
    low, high = node.get("minLength"), node.get("maxLength")
    if high is None:
        return None
    low = max(low or 0, 1)
    return [f"^[^\\n]{{{low},{high}}}$", f"{low}–{high} tegn på én linje"]


def field(key: str, node: dict[str, Any], required: bool, definitions: dict[str, Any],
          taxonomy: Taxonomy) -> dict[str, Any]:
    """One Decap field for one key of a model's JSON Schema."""
    node, optional = _resolve(node, definitions)
    result: dict[str, Any] = {"name": key, "label": _label(key)}
    if node.get("description"):
        result["hint"] = node["description"]
    if optional or not required:
        result["required"] = False
    kind = node.get("type")
    items = node.get("items", {})
    if TAXONOMY_MARK in node or (kind == "array" and TAXONOMY_MARK in items):
        vocabulary = node.get(TAXONOMY_MARK) or items[TAXONOMY_MARK]
        result.update(widget="select", options=_options(vocabulary, taxonomy))
        if kind == "array":
            result["multiple"] = True
            if node.get("minItems"):
                result["min"] = node["minItems"]
    elif "enum" in node:
        result.update(widget="select", options=[{"label": value, "value": value} for value in node["enum"]])
    elif kind == "array" and ("$ref" in items or items.get("type") == "object"):
        item, _ = _resolve(items, definitions)
        result.update(widget="list", fields=_fields(item, definitions, taxonomy))
        if node.get("minItems"):
            result["min"] = node["minItems"]
    elif kind == "array":
        result.update(widget="list")
    elif kind == "object":
        result.update(widget="object", fields=_fields(node, definitions, taxonomy))
    elif kind == "boolean":
        result.update(widget="boolean", default=bool(node.get("default", False)))
    elif kind == "integer":
        result.update(widget="number", value_type="int")
        for bound, name in (("minimum", "min"), ("maximum", "max")):
            if bound in node:
                result[name] = node[bound]
    elif node.get("pattern") == _DATETIME:
        result.update(widget="datetime", format="YYYY-MM-DD HH:mm", date_format="YYYY-MM-DD", time_format="HH:mm",
                      picker_utc=False)
    elif node.get("pattern") == _DATE:
        result.update(widget="datetime", format="YYYY-MM-DD", date_format="YYYY-MM-DD", time_format=False,
                      picker_utc=False)
    elif node.get("contentMediaType") == "text/markdown":
        result.update(widget="markdown")
    else:
        result["widget"] = "string"
        rule = ([node["pattern"], "skrivemåden passer ikke; se forklaringen under feltet"] if node.get("pattern")
                else _length_rule(node))
        if rule:
            result["pattern"] = rule
    return result


def _fields(node: dict[str, Any], definitions: dict[str, Any], taxonomy: Taxonomy) -> list[dict[str, Any]]:
    required = set(node.get("required", []))
    return [field(key, value, key in required, definitions, taxonomy)
            for key, value in node.get("properties", {}).items()]


def model_fields(model: type[BaseModel], taxonomy: Taxonomy) -> list[dict[str, Any]]:
    """The form for a model: its keys in the contract's order (the models', as FORMAT.md lists them)."""
    generated = model.model_json_schema(by_alias=True, mode="validation")
    return _fields(generated, generated.get("$defs", {}), taxonomy)


def cms_config(taxonomy: Taxonomy) -> dict[str, Any]:
    """Decap's whole configuration: courses, one collection per toolkit type, the department's file."""
    toolkit = model_fields(ToolkitMeta, taxonomy)
    collections: list[dict[str, Any]] = [{
        "name": "kurser", "label": "Kurser", "label_singular": "kursus", "folder": "courses", "extension": "yml",
        "format": "yaml", "create": True, "slug": "{{titel}}", "identifier_field": "titel",
        "summary": "{{titel}}", "fields": model_fields(Course, taxonomy),
    }]
    for kind, (singular, plural) in TOOLKIT_TYPES.items():
        fields = [dict(f, widget="hidden", default=kind) if f["name"] == "type" else f for f in toolkit]
        collections.append({
            "name": f"vaerktoejskasse-{plural.lower()}", "label": f"Værktøjskassen: {plural.lower()}",
            "label_singular": singular.lower(), "folder": f"content/{TOOLKIT_FOLDER}/{plural.lower()}",
            "extension": "md", "format": "frontmatter", "create": True, "slug": "{{titel}}",
            "identifier_field": "titel", "filter": {"field": "type", "value": kind},
            "media_folder": "", "public_folder": "",  # files beside their page, as FORMAT.md §2 says
            "fields": [*fields, {"name": "body", "label": "Sidens tekst", "widget": "markdown"}],
        })
    collections.append({
        "name": "afdelingen", "label": "Kursusafdelingen", "files": [{
            "name": "department", "label": "Kontakt, regler for tilmelding og revisionsperiode",
            "file": "config/department.yml", "fields": model_fields(Department, taxonomy)}],
    })
    return {
        "backend": {"name": "github", "branch": "main"},
        "local_backend": True,
        "publish_mode": "editorial_workflow",
        "locale": "da",
        "media_folder": "content/vaerktoejskasse",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections,
    }


def rendered(taxonomy: Taxonomy) -> str:
    header = ("# Generated by 'make schemas' (build.py schemas) from catalogue/models.py and config/taxonomy.yml;\n"
              "# do not edit by hand: a test keeps it current.\n")
    return header + yaml.safe_dump(cms_config(taxonomy), allow_unicode=True, sort_keys=False, width=120)


def write_cms_config(project: Project, taxonomy: Taxonomy) -> Path:
    path = project.root / CMS_FILE
    path.parent.mkdir(exist_ok=True)
    path.write_text(rendered(taxonomy), encoding="utf-8")
    return path


def cms_config_is_stale(project: Project, taxonomy: Taxonomy) -> bool:
    path = project.root / CMS_FILE
    return not path.is_file() or path.read_text(encoding="utf-8") != rendered(taxonomy)
