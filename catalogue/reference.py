"""The format reference for editors (content/om/formatet.md): every key of every file, generated from the models.

Each key's entry says whether it must be written, what it holds (the description the JSON Schemas and the web
form show too), the rule its value follows (read from the model's JSON Schema, as catalogue/schemas.py and
catalogue/cms.py read it, with the taxonomy's keys and the names residents see) and an example (the field's
``examples``, or for a mapping or a list of mappings one made of its keys' examples). `build.py schemas` writes
the page with the JSON Schemas; `build.py check` warns when it is stale. The page is Markdown with the keys as
HTML definition lists, so it reads on a phone and on GitHub alike.
"""

from __future__ import annotations

import html
import json
import posixpath
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterator, Sequence

import yaml
from markdown.extensions.toc import slugify
from pydantic import BaseModel, TypeAdapter

from .cms import REQUIRED_FOR, TYPE_FIELDS
from .danish import and_list, number
from .diagnostics import ascii_key
from .fields import (
    ADDRESS_MAX,
    CONDITIONAL_MARK,
    FILE_MARK,
    TAXONOMY_MARK,
    Email,
    GitHubRepository,
    HttpsUrl,
    LocalDate,
    LocalDateTime,
    PostalCode,
    SignupUrl,
    VideoUrl,
)
from .models import (
    REQUIRED_TAXONOMY_KEYS,
    TOOLKIT_TYPES,
    Course,
    Department,
    Evaluations,
    LearningPath,
    PageMeta,
    Taxonomy,
    ToolkitMeta,
)
from .project import Project
from .schemas import resolve, whole_number_bounds, without_format
from .urls import EDITORS_GUIDE, REFERENCE, absolute_url, page_url

REFERENCE_FILE = f"content/{REFERENCE}"


@dataclass(frozen=True)
class Section:
    """One kind of file: its heading, the prefix of its keys' anchors, its model and where such files live."""

    name: str  # the anchors' prefix, and what ``key_address`` is asked by
    heading: str
    model: type[BaseModel]
    where: str  # Markdown: where the files are, and the guide's section with an example
    keys: frozenset[str] | None = None  # only these keys of the model (a toolkit type's own)
    without: frozenset[str] = frozenset()  # or all keys but these (the toolkit's common keys)
    required: frozenset[str] = frozenset()  # required here although the model leaves them out
    level: int = 2  # the heading's level


def heading_id(heading: str) -> str:
    """The id MkDocs gives a heading (Python-Markdown's toc, as mkdocs.yml configures it: its own slugify)."""
    return slugify(heading, "-")


def _guide(heading: str, text: str) -> str:
    """A Markdown link to a section of the editors' guide, by its heading."""
    return f"[{text}]({posixpath.relpath(EDITORS_GUIDE, posixpath.dirname(REFERENCE))}#{heading_id(heading)})"


_TYPE_WORDS = {"skabelon": "En skabelon", "vejledning": "En vejledning", "video": "En video", "link": "Et link"}
_COMMON_TOOLKIT = frozenset(TYPE_FIELDS)

SECTIONS: tuple[Section, ...] = (
    Section("kursus", "Kursus", Course,
            "Hvert kursus er én fil i mappen `courses/`, fx `courses/det-gode-bestyrelsesmoede.yml`. Se "
            f"{_guide('Et kursus er én fil', 'et helt kursus')} og "
            f"{_guide('Eksempel: tilføj et nyt hold', 'et nyt hold')} i vejledningen."),
    Section("vaerktoejskasse", "Værktøjskassen", ToolkitMeta,
            "Hver side i værktøjskassen er en Markdown-fil i mappen `content/vaerktoejskasse/`. Nøglerne står "
            "øverst mellem to linjer med `---`, og derunder selve teksten. Disse nøgler har alle sider; dem, der "
            f"hører til sidens type, står under typerne nedenfor. Se {_guide('Værktøjskassen', 'værktøjskassen')} "
            "i vejledningen.", without=_COMMON_TOOLKIT),
    *(Section(kind, _TYPE_WORDS[kind], ToolkitMeta,
              f"En side med `type: {kind}` har også disse nøgler."
              + (f" Se {_guide('Eksempel: tilføj en skabelon', 'en ny skabelon')} i vejledningen." if kind == "skabelon"
                 else f" Se {_guide('Eksempel: tilføj en video', 'en ny video')} i vejledningen." if kind == "video"
                 else ""),
              keys=frozenset(key for key, kinds in TYPE_FIELDS.items() if kind in kinds),
              required=frozenset(key for key, needed_by in REQUIRED_FOR.items() if needed_by == kind), level=3)
      for kind in TOOLKIT_TYPES),
    Section("forloeb", "Forløb", LearningPath,
            "Hvert forløb er én fil i mappen `forloeb/`, fx `forloeb/ny-i-afdelingsbestyrelsen.yml`. Se "
            f"{_guide('Eksempel: et nyt forløb', 'et nyt forløb')} i vejledningen."),
    Section("evalueringer", "Evalueringer", Evaluations,
            "Evalueringerne af et kursus står i en fil i mappen `evalueringer/`, som hedder som kursets fil. Filen "
            "er en liste med ét punkt for hvert hold, og hvert punkt begynder med `- hold:`. Se "
            f"{_guide('Eksempel: evalueringerne af et kursus', 'evalueringerne af et kursus')} i vejledningen."),
    Section("afdelingen", "Afdelingens oplysninger", Department,
            "Kursusafdelingens kontaktoplysninger og de fælles regler for tilmelding står i `config/department.yml`. "
            f"Se {_guide('Kontaktoplysninger og regler for tilmelding', 'kontaktoplysninger og regler')} i "
            "vejledningen."),
    Section("lister", "Emner, niveauer og de andre lister", Taxonomy,
            "Listerne over emner, niveauer, former, målgrupper, regioner, kendetegn og status står i "
            "`config/taxonomy.yml`. Til venstre står nøglen, som du skriver i filerne, og under den det navn, "
            "beboerne ser. Et nyt emne tilføjes med tre linjer; kør derefter `make schemas`, så formularerne og "
            "denne side kender det."),
    Section("side", "Andre sider", PageMeta,
            "En side under `content/` uden for værktøjskassen, fx `content/om/index.md`, kan mellem sine to linjer "
            "med `---` øverst kun have disse nøgler."),
)


@dataclass(frozen=True)
class Key:
    """One key's entry: its anchor, the keys leading to it, and what the page says of it."""

    anchor: str
    path: tuple[str, ...]  # from the file's top; '*' where any key of a list of the taxonomy stands
    need: str
    what: str
    rule: str  # HTML
    example: str  # as the editor writes it
    part: Part | None = None  # the keys of a mapping or of each item of a list
    same_as: str | None = None  # the anchor of the part already shown with the same keys


@dataclass(frozen=True)
class Part:
    heading: str
    anchor: str
    intro: str
    keys: list[Key] = field(default_factory=list)


# The rule of a value written in a fixed way, by the pattern of its type's JSON Schema (fields.py).
def _pattern(kind: Any) -> str:
    return TypeAdapter(kind).json_schema()["pattern"]


_ADDRESS = f"højst {number(ADDRESS_MAX)} tegn"
_PATTERN_RULES = {
    _pattern(LocalDateTime): "dato og klokkeslæt, dansk tid, skrevet <code>ÅÅÅÅ-MM-DD TT:MM</code> med cifrene 0–9",
    _pattern(LocalDate): "en dato, skrevet <code>ÅÅÅÅ-MM-DD</code> med cifrene 0–9",
    _pattern(Email): f"en e-mailadresse, kun adressen (uden <code>?</code>, cc og bcc), {_ADDRESS}",
    _pattern(HttpsUrl): f"en hel webadresse, der begynder med <code>https://</code>, {_ADDRESS}",
    _pattern(SignupUrl): ("en webadresse, der begynder med <code>https://</code>, eller <code>mailto:</code> og en "
                          f"e-mailadresse (uden <code>?</code>, cc og bcc), {_ADDRESS}"),
    _pattern(PostalCode): "fire cifre i anførselstegn",
    _pattern(GitHubRepository): "ejer og navn på GitHub, adskilt af <code>/</code>, ikke hele adressen",
    _pattern(VideoUrl): f"en adresse på YouTube eller Vimeo, der begynder med <code>https://</code>, {_ADDRESS}",
}
_KEY_RULE = ("små bogstaver a–z, cifre og bindestreger (skriv æ som <code>ae</code>, ø som <code>oe</code> og å som "
             "<code>aa</code>)")


def _code(text: Any) -> str:
    return f"<code>{_text(text)}</code>"


def _text(text: Any) -> str:
    # '{' as a character reference: attr_list (mkdocs.yml) would read '{url: …?v=…}' as attributes for an element
    return html.escape(str(text), quote=False).replace("{", "&#123;")


def _sentence(text: str) -> str:
    return text if text.endswith(".") else f"{text}."


def _choices(vocabulary: str, taxonomy: Taxonomy | None) -> str:
    """The keys of one of the taxonomy's lists, with the names residents see."""
    where = f"listen <code>{html.escape(vocabulary)}</code> i <code>config/taxonomy.yml</code>"
    if taxonomy is None:
        return where
    named = [f"{_code(key)} ({_text(entry.navn)})" for key, entry in taxonomy.vocabulary(vocabulary).items()]
    return f"{where}: {and_list(named)}"


def _text_rule(node: dict[str, Any]) -> str:
    low, high = node.get("minLength", 0), node.get("maxLength")
    if high is None:
        return "tekst på én linje"
    return f"tekst på én linje, {low}–{number(high)} tegn" if low > 1 else f"tekst på én linje, højst {number(high)} " \
        "tegn"


def _value_rule(node: dict[str, Any], taxonomy: Taxonomy | None) -> str:
    """The rule of one value (a list's item, or a key's value that is no list or mapping)."""
    if TAXONOMY_MARK in node:
        return f"en af nøglerne på {_choices(node[TAXONOMY_MARK], taxonomy)}"
    if "enum" in node:
        return f"en af {and_list([_code(value) for value in node['enum']])}"
    kind = node.get("type")
    if kind == "boolean":
        return f"{_code('true')} eller {_code('false')}"
    if kind == "integer":
        bounds = whole_number_bounds(node)
        return (f"et helt tal fra {number(bounds['min'])} til {number(bounds['max'])}, skrevet med cifrene 0–9 "
                "alene (uden punktum og mellemrum)")
    if kind == "number":
        return (f"et tal fra {node['minimum']:.1f} til {node['maximum']:.1f} med højst én decimal, skrevet med punktum"
                f", fx {_code('4.6')}")
    if node.get("pattern"):
        return _PATTERN_RULES[node["pattern"]]
    if node.get("contentMediaType") == "text/markdown":
        return f"Markdown over flere linjer, højst {number(node['maxLength'])} tegn"
    if node.get(FILE_MARK):
        return ("navnet på en fil i samme mappe som siden, med små bogstaver a–z, cifre, <code>-</code>, "
                "<code>_</code> og <code>.</code>")
    return _text_rule(node)


def _count(node: dict[str, Any], one: str, many: str, of: str) -> str:
    """'en liste med mindst ét punkt …', '… mindst 2 punkter …', 'en liste med punkter …; den kan være tom'."""
    least = node.get("minItems", 0)
    if not least:
        return f"en liste med {many}{of}; den kan være tom"
    return f"en liste med mindst {one if least == 1 else f'{number(least)} {many}'}{of}"


def _rule(node: dict[str, Any], definitions: dict[str, Any], taxonomy: Taxonomy | None, part: str | None) -> str:
    kind = node.get("type")
    if kind == "array":
        item, _ = resolve(node.get("items", {}), definitions)
        if "properties" in item:
            return f"{_count(node, 'ét punkt', 'punkter', '')}; hvert punkt har {part}"
        if TAXONOMY_MARK in item:
            return _count(node, 'én nøgle', 'nøgler', f" fra {_choices(item[TAXONOMY_MARK], taxonomy)}")
        if "enum" in item:
            return _count(node, 'én', 'nogle', f" af {and_list([_code(value) for value in item['enum']])}")
        return _count(node, 'én tekst', 'tekster', f", hver {_value_rule(item, taxonomy).removeprefix('tekst ')}")
    if kind == "object" and "patternProperties" in node:
        rule = f"en nøgle for hvert punkt på listen, med {_KEY_RULE}; under hver nøgle {part}"
        vocabulary = node.get("title", "")
        if taxonomy is not None:
            rule += f". Nu: {and_list([_code(key) for key in taxonomy.keys(vocabulary)])}"
        kept = REQUIRED_TAXONOMY_KEYS.get(vocabulary)
        if kept:
            rule += (f". {and_list([_code(key) for key in kept])} skal blive stående, for hjemmesiden bruger "
                     f"{'dem' if len(kept) > 1 else 'den'}")
        return rule
    if kind == "object":
        return f"{part}, rykket ind under {_code(node.get('title', ''))}"
    return _value_rule(node, taxonomy)


def _need(key: str, node: dict[str, Any], required: bool) -> str:
    if required:
        return "skal udfyldes"
    if node.get(CONDITIONAL_MARK):
        return "skal udfyldes i nogle tilfælde"
    default = node.get("default")
    if default not in (None, [], {}):
        shown = json.dumps(default) if isinstance(default, bool) else default
        return f"kan udelades; så er den {_code(shown)}"
    return "kan udelades"


# An example of a mapping or a list of mappings is made of its keys' examples: those every file has, and those
# many files have (a session's start, end, venue and region), but not one of two that exclude each other.
def _example(key: str, node: dict[str, Any], definitions: dict[str, Any], taxonomy: Taxonomy | None) -> Any:
    if node.get("examples"):
        return node["examples"][0]
    if node.get("type") == "array":
        item, _ = resolve(node.get("items", {}), definitions)
        return [_example(key, item, definitions, taxonomy)] * max(1, node.get("minItems", 1))
    if "patternProperties" in node:
        if taxonomy is None:
            return {"noegle": {"navn": "Navn"}}
        first, entry = next(iter(taxonomy.vocabulary(node.get("title", key)).items()))
        return {first: entry.model_dump(exclude_none=True)}
    if "properties" in node:
        wanted = set(node.get("required", []))
        conditional = [k for k, v in node["properties"].items() if v.get(CONDITIONAL_MARK)]
        if not wanted:  # a step: a course or a page, never both
            wanted = set(conditional[:1])
        else:
            wanted |= set(conditional)
        return {k: _example(k, resolve(v, definitions)[0], definitions, taxonomy)
                for k, v in node["properties"].items() if k in wanted}
    return None


def _ordered(value: Any, node: dict[str, Any], definitions: dict[str, Any]) -> Any:
    """An example with its mappings' keys in the model's order (a JSON Schema's examples have them sorted)."""
    node, _ = resolve(node, definitions)
    if isinstance(value, list):
        return [_ordered(item, node.get("items", {}), definitions) for item in value]
    if isinstance(value, dict) and "properties" in node:
        order = list(node["properties"])
        return {k: _ordered(v, node["properties"][k], definitions)
                for k, v in sorted(value.items(), key=lambda item: order.index(item[0]))}
    return value


def _needs_quotes(text: str, in_flow: bool) -> bool:
    if not text or text != text.strip() or text[0] in "[]{},#&*!|>'\"%@`-?:" or ": " in text or " #" in text:
        return True
    if in_flow and any(c in text for c in ",[]{}?"):  # PyYAML ends a plain value in { } at "?"
        return True
    try:
        read = yaml.safe_load(text)
    except yaml.YAMLError:
        return True
    return read != text and not isinstance(read, date)  # a date is written as it is


def _scalar(value: Any, in_flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    return json.dumps(text, ensure_ascii=False) if _needs_quotes(text, in_flow) else text


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value, in_flow=True)


LINE = 72  # an example's line, beyond which a mapping is written a key a line


def _yaml(key: str, value: Any, markdown: bool = False) -> list[str]:
    """``key: value`` as an editor writes it: short mappings and lists on one line, longer ones over several."""
    if markdown:
        return [f"{key}: |", *(f"  {line}" if line else "" for line in str(value).splitlines())]
    one_line = f"{key}: {_flow(value) if isinstance(value, (dict, list)) else _scalar(value)}"
    if len(one_line) <= LINE or not isinstance(value, (dict, list)):
        return [one_line]
    lines = [f"{key}:"]
    if isinstance(value, dict):
        for k, v in value.items():
            lines += [f"  {line}" for line in _yaml(k, v)]
        return lines
    for item in value:
        inner = [line for k, v in item.items() for line in _yaml(k, v)] if isinstance(item, dict) else [_flow(item)]
        lines += [f"  - {inner[0]}", *(f"    {line}" for line in inner[1:])]
    return lines


def _anchor(section: str, path: Sequence[str]) -> str:
    return "-".join([section, *(ascii_key(p) for p in path if p != "*")])


def _model_title(node: dict[str, Any], definitions: dict[str, Any]) -> str | None:
    """The title of the model a key's value is, or the items of its list are ('Hold'), if any."""
    for choice in [node, *node.get("anyOf", [])]:
        for part in [choice, choice.get("items", {}), *choice.get("patternProperties", {}).values()]:
            if "$ref" in part:
                return definitions[part["$ref"].rsplit("/", 1)[1]].get("title")
    return None


def _part_heading(key: str, title: str, many: bool, pattern: bool) -> tuple[str, str]:
    """A part's heading (the keys' model's title) and its first sentence, in Markdown."""
    if pattern:
        return "Hvert punkt på listerne", "Under hver nøgle på listerne står disse nøgler, rykket ind:"
    if many:
        return title, f"Hvert punkt under `{key}` har disse nøgler:"
    return title, f"Under `{key}` står disse nøgler, rykket ind:"


def _keys(section: Section, node: dict[str, Any], definitions: dict[str, Any], taxonomy: Taxonomy | None,
          path: tuple[str, ...], shown: dict[str, str], sample: Any = None) -> list[Key]:
    """The keys of one mapping; ``sample``: an example of the whole mapping, for keys with no example of their
    own (a list's names and explanations, from the taxonomy itself)."""
    required = set(node.get("required", [])) | (section.required if not path else set())
    keys = []
    for key, value in node.get("properties", {}).items():
        if not path and (section.keys is not None and key not in section.keys or key in section.without):
            continue
        title = _model_title(value, definitions)
        value, _ = resolve(value, definitions)
        if key in required and value.get("type") == "array":  # what a toolkit type requires: at least one
            value = {"minItems": 1, **value}
        inner, many, pattern = value, False, False
        if value.get("type") == "array":
            inner, many = resolve(value.get("items", {}), definitions)[0], True
        elif "patternProperties" in value:
            inner, pattern = resolve(next(iter(value["patternProperties"].values())), definitions)[0], True
        own_path = (*path, key, *(["*"] if pattern else []))
        anchor = _anchor(section.name, (*path, key))
        part, same_as, link = None, None, None
        example = _ordered(_example(key, value, definitions, taxonomy), value, definitions)
        if example is None and isinstance(sample, dict):
            example = sample.get(key)
        if "properties" in inner:
            name = title or key
            if name in shown:
                same_as = shown[name]
                link = f'<a href="#{same_as}">de samme nøgler som ovenfor</a>'
            else:
                heading, intro = _part_heading(key, name, many, pattern)
                part_anchor = heading_id(heading)
                shown[name] = part_anchor
                inner_sample = (next(iter(example.values()), None) if pattern and example else
                                example[0] if many and example else example)
                part = Part(heading, part_anchor, intro,
                            _keys(section, inner, definitions, taxonomy, own_path, shown, inner_sample))
                link = f'<a href="#{part_anchor}">nøglerne nedenfor</a>'
        markdown = value.get("contentMediaType") == "text/markdown"
        keys.append(Key(anchor=anchor, path=(*path, key), need=_need(key, value, key in required),
                        what=without_format(value.get("description", "")),
                        rule=_rule(value, definitions, taxonomy, link),
                        example="\n".join(_yaml(key, example, markdown)) if example is not None else "",
                        part=part, same_as=same_as))
    return keys


def _section_keys(section: Section, taxonomy: Taxonomy | None, shown: dict[str, str]) -> list[Key]:
    """A section's keys, each with the keys of its mapping or list items, as the page shows them; ``shown``: the
    parts already on the page, by their model's title, which later keys link to instead of showing again."""
    schema = section.model.model_json_schema(by_alias=True, mode="validation")
    definitions = schema.get("$defs", {})
    if schema.get("type") == "array":  # an evaluation file: a list of sessions' results
        schema, _ = resolve(schema["items"], definitions)
    return _keys(section, schema, definitions, taxonomy, (), shown)


def all_keys(taxonomy: Taxonomy | None = None) -> Iterator[tuple[Section, Key]]:
    """Every key of every section, nested keys included, in the page's order."""
    shown: dict[str, str] = {}
    for section in SECTIONS:
        todo = list(reversed(_section_keys(section, taxonomy, shown)))
        while todo:
            key = todo.pop()
            yield section, key
            if key.part:
                todo += reversed(key.part.keys)


def key_address(section: str, keys: Sequence[str | int], site_url: str = "") -> str | None:
    """The address of a key's entry on the format reference, for a message to link to.

    ``section`` is a ``Section.name`` ('kursus', 'vaerktoejskasse' or a toolkit type, 'forloeb', 'evalueringer',
    'afdelingen', 'lister', 'side'; a toolkit page's type's own keys are found under 'vaerktoejskasse' too),
    ``keys`` the keys from the file's top as a message's place names them (list positions are skipped:
    ``('hold', 2, 'sted', 'postnr')``). The address is from the site's root ('om/formatet/#kursus-hold-start'), or
    whole with ``site_url``; None when there is no such key.
    """
    wanted = tuple(str(k) for k in keys if not isinstance(k, int))
    entries = list(all_keys())
    for name in [section, *TOOLKIT_TYPES] if section == "vaerktoejskasse" else [section]:
        anchor = _find(entries, name, wanted)
        if anchor is not None:
            return f"{absolute_url(site_url, REFERENCE) if site_url else page_url(REFERENCE)}#{anchor}"
    return None


def _matches(path: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    return len(path) == len(wanted) and all(p in ("*", w) for p, w in zip(path, wanted, strict=True))


def _find(entries: list[tuple[Section, Key]], name: str, wanted: tuple[str, ...]) -> str | None:
    for section, key in entries:
        if section.name != name:
            continue
        if _matches(key.path, wanted):
            return key.anchor
        depth = len(key.path)
        if key.same_as and len(wanted) > depth and _matches(key.path, wanted[:depth]):
            # the keys of a mapping shown once, under another key (a guide's files: as a template's)
            owner, first = next((s, k) for s, k in entries if k.part and k.part.anchor == key.same_as)
            return _find(entries, owner.name, (*first.path, *wanted[depth:]))
    return None


_FRONT_MATTER = """---
title: Alle nøgler i filerne
description: Alle nøgler i kursusafdelingens filer, med regler og eksempler.
---
<!-- Generated by 'make schemas' (build.py schemas) from catalogue/models.py and config/taxonomy.yml
     (catalogue/reference.py); do not edit by hand: a test keeps it current. -->
"""

_INTRO = f"""# Alle nøgler i filerne

Her står alle nøgler, du kan skrive i filerne: kurser, sider i værktøjskassen, forløb, evalueringer, \
kursusafdelingens oplysninger og listerne over emner, niveauer og de andre valg. Hvordan du skriver, tjekker og \
gemmer filerne, står i {_guide('Nøglerne', 'vejledningen')}.

Ved hver nøgle står, om den **skal udfyldes** eller **kan udelades**, hvad den indeholder, hvilken regel værdien \
skal følge, og et eksempel, som det står i filen. Nogle nøgler skal kun udfyldes i nogle tilfælde, fx stedet for et \
hold, der ikke er online; forklaringen siger hvornår. Siden laves ud fra de samme regler, som tjekket bruger, så de \
to siger det samme.
"""


def _entry(key: Key) -> str:
    example = (f"<p>Eksempel:</p>\n<pre><code>{_text(key.example)}</code></pre>" if "\n" in key.example
               else f"<p>Eksempel: {_code(key.example)}</p>")
    what = f"<p>{_sentence(_text(key.what))}</p>\n" if key.what else ""
    return (f'<dt id="{key.anchor}">{_code(key.path[-1])} · {key.need}</dt>\n'
            f"<dd>{what}<p>Regel: {_sentence(key.rule)}</p>\n{example}</dd>")


def _part_lines(keys: list[Key], level: int) -> list[str]:
    lines = ["<dl>", *map(_entry, keys), "</dl>", ""]
    for key in keys:
        if key.part:
            lines += [f"{'#' * level} {key.part.heading}", "", key.part.intro, "",
                      *_part_lines(key.part.keys, min(level + 1, 6))]
    return lines


def rendered(taxonomy: Taxonomy) -> str:
    """The format reference's Markdown, for ``taxonomy``."""
    lines = [_FRONT_MATTER + _INTRO]
    shown: dict[str, str] = {}
    for section in SECTIONS:
        lines += [f"{'#' * section.level} {section.heading}", "", section.where, "",
                  *_part_lines(_section_keys(section, taxonomy, shown), section.level + 1)]
    return "\n".join(lines).rstrip("\n") + "\n"


def write_reference(project: Project, taxonomy: Taxonomy) -> Path:
    path = project.root / REFERENCE_FILE
    path.write_text(rendered(taxonomy), encoding="utf-8")
    return path


def reference_is_stale(project: Project, taxonomy: Taxonomy) -> bool:
    path = project.root / REFERENCE_FILE
    return not path.is_file() or path.read_text(encoding="utf-8") != rendered(taxonomy)
