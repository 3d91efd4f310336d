"""Decap CMS's configuration, generated from the models and the taxonomy, never kept by hand.

The forms an editor fills in the browser are the same contract as the files (FORMAT.md): each
collection's fields come from the model's JSON Schema (the one `build.py schemas` writes for editors'
tools, and written with it), so a key, a limit or a taxonomy value changes in one place. Taxonomy keys
become select widgets that show the residents' labels and save the keys; `YYYY-MM-DD HH:MM` and
`YYYY-MM-DD` become date pickers that save exactly that; lengths and patterns become Decap's own rules, whole
numbers a widget of ours that saves them as typed or refuses them (cms/felter.js). The taxonomy's names and
explanations are a form too, made from the taxonomy itself. A course's `materialer` and a learning path step's
`materiale` are a choice of the toolkit's pages by title, made from the pages there are; so a new page, like a new
taxonomy key, makes the configuration stale until `make schemas` is run.

Decap's own texts (buttons, messages, the media library) are Danish from its bundle, with the slips corrected by a
script of ours (cms/dansk.js) that registers the locale again before Decap reads the configuration.

No field gets a default value from the models (a session's `status: ledig`): Decap fills a new course's
empty list with one item made of its defaults, a half-made session that would block saving a course with
no date yet. What is left out means the model's default anyway.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from .danish import sort_key
from .fields import FILE_MARK, SLUG_PATTERN, TAXONOMY_MARK
from .models import MEETINGS, TOOLKIT_TYPES, Course, Department, LearningPath, Taxonomy, TaxonomyEntry, ToolkitMeta
from .project import Project
from .schemas import resolve, whole_number_bounds, without_format
from .toolkit import TOOLKIT_FOLDER, ToolkitItem, load_toolkit
from .urls import ADMIN, ADMIN_CONFIG, ADMIN_PAGE
from .validation import CheckContext

CMS_FILE = "cms/config.yml"  # written by `build.py schemas` with the JSON Schemas; served at /admin/config.yml
PREVIEW_SCRIPT = "cms/forhaandsvisning.js"  # Decap's preview of a course and a toolkit page, served beside it
FIELDS_SCRIPT = "cms/felter.js"  # the form's own widgets (a whole number, the sessions' check), served beside it
LOCALE_SCRIPT = "cms/dansk.js"  # Decap's Danish with its slips corrected, served beside it
VENDORED = "vendor/decap-cms"  # Decap's browser bundle, vendored from npm (vendor/update_decap_cms.py)
LOCAL_PROXY_PORT = 8081  # decap-server's, where Decap looks for it on localhost (`build.py cms` starts it)

# Every whole number of every form (`pris`, `pladser`, `revisionsperiode`, …) is this widget of cms/felter.js: the
# text as typed, saved as the number only when it is plain decimal digits (FORMAT.md 2.1), else refused at the
# field in Danish. Decap's own number widget reads each keystroke with parseInt and writes the result back into
# the box: "1.450" typed became 150, "kr. 1.450" 50.
WHOLE_NUMBER_WIDGET = "heltal"

# A session has its own start and end or its meetings (at least two), never both; one held somewhere needs its
# venue and region (FORMAT.md §1). Decap's list can give each session a type with its own fields (`types`, keyed by
# `form`), but an item without the key is not shown ("item has no 'form' property"), and a session's `form` may be
# left out to mean the course's: so the sessions stay one list, and this field after them, which is never written
# to the file, shows what each session lacks or has twice and refuses to save.
SESSION_CHECK = {"name": "tjek_af_holdene", "label": "Tid, sted og region på holdene", "widget": "tjek-af-holdene",
                 "hint": "Hvert hold har enten start og slut eller mindst to mødegange, og et hold, der ikke er "
                         "online, har sted og region. Her står, hvad der mangler"}

_DATETIME = r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$"
_DATE = r"^\d{4}-\d{2}-\d{2}$"

# The labels editors see on the form, by key; any other key is shown with its first letter in upper case.
LABELS = {"pris_note": "Prisnote", "skræddersyet": "Skræddersyet kursus", "hold": "Hold", "sted": "Sted",
          "postnr": "Postnummer", "by": "By", "tilmelding": "Tilmelding (https:// eller mailto:)",
          "tilmeldingsfrist": "Tilmeldingsfrist", "fil": "Fil", "url": "Adresse (https://)", "hvornaar": "Hvornår",
          "materiale": "Materiale (en side i værktøjskassen)", "email": "E-mail", "github": "GitHub"}

# What a list calls one of its items: its button ('Tilføj fil') and its count ('1 fil'; Decap wrote '1 filer').
SINGULAR = {"hold": "Hold", "mødegange": "Mødegang", "undervisere": "Underviser", "filer": "Fil",
            "tilmeldingsregler": "Regel", "trin": "Trin"}


# What a list shows for each of its items while they are folded. A session: when it begins, its own start or its
# first meeting's (never both: the form refuses it), and its status.
SUMMARIES = {"hold": "{{fields.start}}{{fields." + MEETINGS + ".0.start}} · {{fields.status}}",
             "undervisere": "{{fields.navn}}", "filer": "{{fields.fil}}", "tilmeldingsregler": "{{fields.overskrift}}",
             "trin": "{{fields.kursus}}{{fields.materiale}}"}


# Lists whose items stand open: a course's few sessions, each with its status and dates in sight.
UNFOLDED = {"hold"}


# Hints where the model's description makes a poor one on the form: one that repeats the label ('Niveauer' under
# Niveau), speaks of the file ('true, hvis', 'skal med, når type er link', a path under content/) or says nothing
# of what happens when the field is left empty. By the key's place in its model: 'Course.hold.status' is a
# session's status. Every hint of the forms must say something its label does not (tests/test_cms.py).
HINTS = {
    "Course.emner": "Vælg et eller flere; kurset vises under hvert emne på hjemmesiden",
    "Course.niveau": "Vælg et eller flere, alt efter hvor meget deltagerne skal kunne i forvejen",
    "Course.form": "Hvordan kurset holdes; et enkelt hold kan have sin egen form under Hold",
    "Course.målgruppe": "Hvem kurset er for; vælg en eller flere",
    "Course.pris": "Hele kroner skrevet med cifre, fx 1450; 0 vises som Gratis",
    "Course.undervisere": "Tilføj én for hver underviser, med navn og evt. rolle; kan stå tom",
    "Course.undervisere.navn": "Fx 'Lene Holm'",
    "Course.kendetegn": "Fx gruppearbejde eller overnatning; vises i kursets fakta, og Pilotkursus som et mærke",
    "Course.skræddersyet": "Slå til, hvis en bestyrelse eller region kan bestille kurset",
    "Course.materialer": "Vælg sider i værktøjskassen, der hører til kurset; kursets side linker til dem, og de "
                         "linker tilbage. Skriv en del af titlen for at finde en side",
    "Course.hold": "Tryk Tilføj hold for hver gang, kurset holdes. Uden hold står der på kursets side, at der "
                   "endnu ikke er en dato",
    "Course.hold.start": "Dato og klokkeslæt, dansk tid; lad den stå tom, når holdet har mødegange",
    "Course.hold.slut": "Dato og klokkeslæt, dansk tid, ikke før start; lad den stå tom, når holdet har mødegange",
    "Course.hold.mødegange.start": "Dato og klokkeslæt, dansk tid",
    "Course.hold.mødegange.slut": "Dato og klokkeslæt, dansk tid, ikke før start",
    "Course.hold.sted.navn": "Fx 'Kursuscenter Valby'",
    "Course.hold.sted.postnr": "Fire cifre, fx 2500",
    "Course.hold.sted.by": "Fx 'Valby'",
    "Course.hold.region": "Hvor i landet holdet er; kan kun stå tom på et online hold, som så gælder hele landet",
    "Course.hold.status": "Vælg fx Aflyst eller Fuldt booket, når det sker; står den tom, har holdet ledige pladser",
    "Course.hold.pladser": "Hvor mange der kan komme med; kan stå tom",
    "Course.hold.note": "Vises ved holdet, fx hvorfor det er aflyst, og hvor man kan tilmelde sig i stedet",
    "LearningPath.målgruppe": "Hvem forløbet er for; vælg en eller flere",
    "LearningPath.trin.kursus": "Navnet på kursets fil uden .yml, fx det-gode-bestyrelsesmoede; et trin er et "
                                "kursus eller en side i værktøjskassen",
    "LearningPath.trin.materiale": "Eller vælg en side i værktøjskassen; skriv en del af titlen for at finde den",
    "ToolkitMeta.titel": "Kort og klar, som beboerne vil søge efter den, 3–120 tegn",
    "ToolkitMeta.emner": "Vælg et eller flere; siden vises under hvert emne",
    "ToolkitMeta.målgruppe": "Hvem siden er for; kan stå tom",
    "ToolkitMeta.filer": "Fx Word- eller PDF-filer, som beboerne kan hente; en skabelon har mindst én",
    "ToolkitMeta.video": "Adressen på videoen og evt. dens længde",
    "ToolkitMeta.video.undertekster": "Slå til, hvis videoen har danske undertekster",
    "ToolkitMeta.link": "Den side uden for hjemmesiden, som linket fører til",
    "ToolkitMeta.link.url": "Hele adressen, fx https://www.retsinformation.dk/",
    "Department.navn": "Fx 'Kursusafdelingen'; står over kontaktoplysningerne på kursernes sider",
    "Department.email": "Adressen, beboerne skriver til, fx kursus@example.dk",
    "Department.telefon": "Som beboerne skal se det, fx 33 12 34 56",
    "Department.adresse": "Hvor breve skal sendes hen, fx 'Kursusafdelingen, Eksempelvej 10, 2500 Valby'",
    "Department.tilmeldingsregler": "Regler, der gælder for alle kurser, fx at tilmeldingen er bindende; vises på "
                                    "hvert kursus og på siden Praktisk information",
    "TaxonomyEntry.beskrivelse": "En kort forklaring til beboerne; kan stå tom",
}


def _hint(where: str, key: str, description: str) -> str | None:
    """The form's hint for the key at ``where`` (its model and the keys above it): ours, or else the model's
    description without what only matters in the file."""
    hint = HINTS.get(f"{where}.{key}") or without_format(description)
    return None if hint.lower() == _label(key).lower() else hint


def _label(key: str) -> str:
    return LABELS.get(key) or key[:1].upper() + key[1:].replace("_", " ")


def _options(vocabulary: str, taxonomy: Taxonomy) -> list[dict[str, str]]:
    return [{"label": entry.navn, "value": key} for key, entry in taxonomy.vocabulary(vocabulary).items()]


def _length_rule(node: dict[str, Any]) -> list[str] | None:
    low, high = node.get("minLength"), node.get("maxLength")
    if high is None:
        return None
    low = max(low or 0, 1)
    return [f"^[^\\n]{{{low},{high}}}$", f"{low}–{high} tegn på én linje"]


# The toolkit's pages an editor picks by title (FORMAT.md: a course's `materialer`, a learning path step's
# `materiale`), by the path under content/ that the file stores, which is what the form saves.
Pages = Mapping[str, str]


def toolkit_pages(items: Mapping[str, ToolkitItem]) -> dict[str, str]:
    """The title each toolkit page is picked by, by its path under content/, in the order the picker lists them:
    alphabetically as in Danish. A title two pages share is told apart by each page's type."""
    titles = [item.meta.titel for item in items.values()]
    shown = {path: item.meta.titel if titles.count(item.meta.titel) == 1 else
             f"{item.meta.titel} ({TOOLKIT_TYPES[item.meta.type][0].lower()})" for path, item in items.items()}
    return dict(sorted(shown.items(), key=lambda entry: (sort_key(entry[1]), entry[0])))


def load_toolkit_pages(project: Project, taxonomy: Taxonomy) -> dict[str, str]:
    """The toolkit's pages as the picker offers them, read from content/ (for `build.py schemas`, which has no
    catalogue): the pages that pass `check`; one with errors is offered once it is mended and the forms are made
    again."""
    items, _ = load_toolkit(CheckContext.of(project, taxonomy))
    return toolkit_pages(items)


# The keys whose value is a toolkit page, by their model.
PAGE_PICKERS = {"Course.materialer", "LearningPath.trin.materiale"}


def _page_picker(pages: Pages, multiple: bool) -> dict[str, Any]:
    return {"widget": "select", "options": [{"label": title, "value": path} for path, title in pages.items()],
            **({"multiple": True} if multiple else {})}


def field(key: str, node: dict[str, Any], required: bool, definitions: dict[str, Any],
          taxonomy: Taxonomy, pages: Pages, where: str) -> dict[str, Any]:
    """One Decap field for one key of a model's JSON Schema; ``where`` is the model's name and the keys above it
    (`Course.hold`)."""
    node, optional = resolve(node, definitions)
    optional = optional and not required
    result: dict[str, Any] = {"name": key, "label": _label(key)}
    hint = _hint(where, key, node.get("description") or "")
    if hint:
        result["hint"] = hint
    if optional or not required:
        result["required"] = False
    kind = node.get("type")
    items = node.get("items", {})
    inner = f"{where}.{key}"
    if inner in PAGE_PICKERS:
        result.update(_page_picker(pages, multiple=kind == "array"))
    elif TAXONOMY_MARK in node or (kind == "array" and TAXONOMY_MARK in items):
        vocabulary = node.get(TAXONOMY_MARK) or items[TAXONOMY_MARK]
        result.update(widget="select", options=_options(vocabulary, taxonomy))
        if kind == "array":
            result["multiple"] = True
            if node.get("minItems"):
                result["min"] = node["minItems"]
    elif node.get(FILE_MARK):
        result.update(widget="file", choose_url=False, media_library={"config": {"multiple": False}})
    elif "enum" in node:
        result.update(widget="select", options=[{"label": value, "value": value} for value in node["enum"]])
    elif kind == "array" and ("$ref" in items or items.get("type") == "object"):
        item, _ = resolve(items, definitions)
        result.update(widget="list", fields=_fields(item, definitions, taxonomy, pages, inner))
        if key in SINGULAR:
            result["label_singular"] = SINGULAR[key]
        if key in SUMMARIES:
            result["summary"] = SUMMARIES[key]
        if key in UNFOLDED:
            result["collapsed"] = False
        if node.get("minItems"):
            result["min"] = node["minItems"]
    elif kind == "array":
        result.update(widget="list")
    elif kind == "object":
        fields = _fields(node, definitions, taxonomy, pages, inner)
        if result.get("required") is False:  # Decap would refuse to save the form with the object left empty
            fields = [dict(f, required=False) for f in fields]  # (decap-cms #2103); `check` still asks for them
        result.update(widget="object", fields=fields)
    elif kind == "boolean":
        result.update(widget="boolean", default=bool(node.get("default", False)))
    elif kind == "integer":
        result.update(widget=WHOLE_NUMBER_WIDGET, **whole_number_bounds(node))
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


def _fields(node: dict[str, Any], definitions: dict[str, Any], taxonomy: Taxonomy, pages: Pages, where: str,
            also_required: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    required = set(node.get("required", [])) | also_required
    return [field(key, value, key in required, definitions, taxonomy, pages, where)
            for key, value in node.get("properties", {}).items()]


def model_fields(model: type[BaseModel], taxonomy: Taxonomy, pages: Pages,
                 also_required: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """The form for a model: its keys in the contract's order (the models', as FORMAT.md lists them), and
    ``also_required`` required although the model leaves them out (what a toolkit page's type requires)."""
    generated = model.model_json_schema(by_alias=True, mode="validation")
    return _fields(generated, generated.get("$defs", {}), taxonomy, pages, model.__name__, also_required)


# Front matter only some types have (FORMAT.md §2): a template's files (a guide may have them too), a video, a link.
TYPE_FIELDS = {"filer": ("skabelon", "vejledning"), "video": ("video",), "link": ("link",)}
REQUIRED_FOR = {"filer": "skabelon", "video": "video", "link": "link"}


def _toolkit_fields(kind: str, taxonomy: Taxonomy) -> list[dict[str, Any]]:
    """The front matter form of one type: its type fixed, the fields of other types left out, what the type
    requires required (a template has at least one file)."""
    own = frozenset(key for key, required_by in REQUIRED_FOR.items() if required_by == kind)
    fields = []
    for spec in model_fields(ToolkitMeta, taxonomy, {}, own):
        if spec["name"] == "type":
            spec = dict(spec, widget="hidden", default=kind)
        elif spec["name"] in TYPE_FIELDS and kind not in TYPE_FIELDS[spec["name"]]:
            continue
        elif spec["name"] in own and spec["widget"] == "list":
            spec["min"] = 1
        fields.append(spec)
    return fields


# What a learning path's step names, as the form checks it while typing (`check` says whether it exists). The
# course is written as its file's name rather than picked from the courses: Decap's relation widget cannot save
# a file's name when the collection's slug is made from the title (decap-cms #4954), and a select of the courses
# would be out of date with each new course made in the same form. (A toolkit page is picked: PAGE_PICKERS.)
STEP_PATTERNS = {"kursus": [f"^{SLUG_PATTERN}$", "skriv navnet på kursets fil uden .yml, fx det-gode-bestyrelsesmoede"]}


def path_fields(taxonomy: Taxonomy, pages: Pages) -> list[dict[str, Any]]:
    """A learning path's form (FORMAT.md §1b): its steps in order, each a course or a toolkit page."""
    fields = model_fields(LearningPath, taxonomy, pages)
    for spec in fields:
        if spec["name"] == "trin":
            spec["fields"] = [dict(f, pattern=STEP_PATTERNS[f["name"]]) if f["name"] in STEP_PATTERNS else f
                              for f in spec["fields"]]
    return fields


def taxonomy_fields(taxonomy: Taxonomy) -> list[dict[str, Any]]:
    """The taxonomy as a form: the name and explanation of each key there is, list by list.

    Its lists are mappings from key to entry, and Decap edits only the keys a form names: so the form is
    made from the taxonomy itself (and `check` says when it is stale), and a new key is still three lines
    written in the file, as its own comment says.
    """
    entry = model_fields(TaxonomyEntry, taxonomy, {})
    return [{"name": name, "label": name[:1].upper() + name[1:], "widget": "object", "collapsed": True,
             "hint": "Navne og forklaringer, som beboerne ser dem. Et nyt punkt på listen skrives i filen "
                     "config/taxonomy.yml",
             "fields": [{"name": key, "label": f"{value.navn} ({key})", "widget": "object", "fields": entry}
                        for key, value in taxonomy.vocabulary(name).items()]}
            for name in (info.alias or field_name for field_name, info in Taxonomy.model_fields.items())]


def toolkit_collection(kind: str) -> str:
    """The name of a toolkit type's collection (in Decap's addresses: #/collections/<name>/…)."""
    return f"vaerktoejskasse-{TOOLKIT_TYPES[kind][1].lower()}"


def cms_config(taxonomy: Taxonomy, department: Department, pages: Pages,
               local: bool = False) -> dict[str, Any] | None:
    """Decap's whole configuration: courses, learning paths, one collection per toolkit type, the department's files;
    ``pages`` are the toolkit's pages a course or a learning path may name (``toolkit_pages``).

    Evaluation files (FORMAT.md §1a) have no form: each is a list at its top level, which Decap cannot edit (a
    collection's file is a mapping of fields; decap-cms #531).

    Published (``local=False``): the GitHub repository of ``department.redigering``, every change a pull
    request (``editorial_workflow``); None when the department has not set up editing. Local (the preview of
    `build.py cms`): Decap's local proxy writes straight into the working copy, so no review step.
    """
    editing = department.redigering
    if editing is None and not local:
        return None
    collections: list[dict[str, Any]] = [{
        "name": "kurser", "label": "Kurser", "label_singular": "kursus", "folder": "courses", "extension": "yml",
        "format": "yaml", "create": True, "slug": "{{titel}}", "identifier_field": "titel",
        "summary": "{{titel}}", "fields": [*model_fields(Course, taxonomy, pages), SESSION_CHECK],
    }, {
        "name": "forloeb", "label": "Forløb", "label_singular": "forløb", "folder": "forloeb", "extension": "yml",
        "format": "yaml", "create": True, "slug": "{{titel}}", "identifier_field": "titel",
        "summary": "{{titel}}", "fields": path_fields(taxonomy, pages),
    }]
    for kind, (singular, plural) in TOOLKIT_TYPES.items():
        fields = _toolkit_fields(kind, taxonomy)
        collections.append({
            "name": toolkit_collection(kind), "label": f"Værktøjskassen: {plural.lower()}",
            "label_singular": singular.lower(), "folder": f"content/{TOOLKIT_FOLDER}/{plural.lower()}",
            "extension": "md", "format": "frontmatter", "create": True, "slug": "{{titel}}",
            "identifier_field": "titel", "filter": {"field": "type", "value": kind},
            "media_folder": "", "public_folder": "",  # files beside their page, as FORMAT.md §2 says
            "fields": [*fields, {"name": "body", "label": "Sidens tekst", "widget": "markdown"}],
        })
    collections.append({
        "name": "afdelingen", "label": "Kursusafdelingen", "files": [
            {"name": "department", "label": "Kontakt, regler for tilmelding og revisionsperiode",
             "file": "config/department.yml", "fields": model_fields(Department, taxonomy, {})},
            {"name": "taksonomi", "label": "Navne på emner, niveauer, former og de andre lister",
             "file": "config/taxonomy.yml", "fields": taxonomy_fields(taxonomy)}],
    })
    backend: dict[str, Any] = {"name": "github", "repo": editing.github if editing else "lokal/kopi", "branch": "main"}
    if editing and editing.login:
        backend["base_url"] = editing.login
    where: dict[str, Any] = ({"local_backend": {"url": f"http://localhost:{LOCAL_PROXY_PORT}/api/v1"}} if local
                             else {"publish_mode": "editorial_workflow"})
    return {
        "backend": backend,
        **where,
        "locale": "da",
        "media_folder": "content/vaerktoejskasse",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections,
    }


def served_editing(config: bytes) -> dict[str, str | None]:
    """Where a served /admin/config.yml saves changes and sends editors to log in (None: not set)."""
    backend = (yaml.safe_load(config) or {}).get("backend") or {}
    return {"github": backend.get("repo"), "login": backend.get("base_url")}


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:  # the same field twice is written out twice, not as &id001
        return True


_HEADER = ("# Generated by 'make schemas' (build.py schemas) from catalogue/models.py, config/taxonomy.yml,\n"
           "# config/department.yml and the toolkit's pages; do not edit by hand: a test keeps it current.\n")

# What `check` says when the configuration in the repository is not the one the models, the taxonomy and the
# toolkit's pages make (a new page is missing from the picker of materials).
STALE = "formularernes opsætning passer ikke længere til listerne eller værktøjskassens sider; kør '{command}'"


def rendered(taxonomy: Taxonomy, department: Department, pages: Pages, local: bool = False) -> str:
    """The configuration as the site serves it at /admin/config.yml; empty when editing is not set up."""
    config = cms_config(taxonomy, department, pages, local)
    if config is None:
        return ""
    return _HEADER + yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)


def write_cms_config(project: Project, taxonomy: Taxonomy, department: Department) -> Path:
    path = project.root / CMS_FILE
    path.parent.mkdir(exist_ok=True)
    path.write_text(rendered(taxonomy, department, load_toolkit_pages(project, taxonomy)), encoding="utf-8")
    return path


def cms_config_is_stale(project: Project, taxonomy: Taxonomy, department: Department, pages: Pages) -> bool:
    path = project.root / CMS_FILE
    return not path.is_file() or path.read_text(encoding="utf-8") != rendered(taxonomy, department, pages)


# The forms' page. Decap needs JavaScript, inline styles (its components set them) and WebAssembly; it talks
# to GitHub's API (or, on this machine, to its local proxy) and to nothing else: GitHub's status page, which
# it would ask every five minutes, is left out. Avatars come from GitHub.
_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
           "img-src 'self' data: blob: https://avatars.githubusercontent.com; "
           "connect-src 'self' blob: https://api.github.com "
           f"http://localhost:{LOCAL_PROXY_PORT} http://127.0.0.1:{LOCAL_PROXY_PORT}; "
           "worker-src 'self' blob:; frame-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'")

_PAGE = """<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<title>Rediger kurser og værktøjskassen</title>
<link rel="icon" href="../assets/images/favicon.png">
</head>
<body>
<noscript>Redigering i browseren kræver JavaScript. Slå JavaScript til, eller ret filerne på GitHub.</noscript>
<script src="decap-cms.js"></script>
<script src="dansk.js"></script>
<script src="felter.js"></script>
<script src="forhaandsvisning.js" data-vaerktoejskasse="{toolkit}"></script>
</body>
</html>
"""


def admin_files(project: Project, taxonomy: Taxonomy, department: Department, pages: Pages,
                local: bool) -> dict[str, bytes | Path]:
    """What the site serves under /admin/, by path from the site's root: the forms' page and their configuration
    (the one in the repository, or the local one for `build.py cms`) as bytes; Decap's Danish, the form's own
    widgets, the preview and Decap's own bundle as the files to copy. Nothing when editing is not set up and this
    is not the local preview."""
    config = rendered(taxonomy, department, pages, local)
    if not config:
        return {}
    page = _PAGE.format(policy=_POLICY, toolkit=" ".join(toolkit_collection(kind) for kind in TOOLKIT_TYPES))
    files: dict[str, bytes | Path] = {ADMIN_PAGE: page.encode(), ADMIN_CONFIG: config.encode(),
                                      f"{ADMIN}dansk.js": project.root / LOCALE_SCRIPT,
                                      f"{ADMIN}felter.js": project.root / FIELDS_SCRIPT,
                                      f"{ADMIN}forhaandsvisning.js": project.root / PREVIEW_SCRIPT}
    vendored = project.root / VENDORED
    for name in json.loads((vendored / "MANIFEST.json").read_text(encoding="utf-8"))["files"]:
        files[f"{ADMIN}{name}"] = vendored / name
    # Only regular files of the repository are copied: never a link, wherever it points (a pull request may
    # make one; the manifest's test would catch it, but the site publishes itself).
    return {uri: data for uri, data in files.items()
            if not isinstance(data, Path) or (data.is_file() and not data.is_symlink())}
