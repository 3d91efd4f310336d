"""The format reference (content/om/formatet.md): generated from the models, every key in it, built into the site."""

from __future__ import annotations

import dataclasses
import re
import typing
from pathlib import Path
from typing import Annotated, Any, Iterator

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REFERENCE_DATE, REPO, copy_project, run_build
from pydantic import BaseModel, Field, RootModel, TypeAdapter

from catalogue import reference
from catalogue.fields import Text
from catalogue.models import Course, Session, Venue
from catalogue.project import Project
from catalogue.reference import REFERENCE_FILE, SECTIONS, all_keys, key_address, reference_is_stale
from catalogue.schemas import resolve
from catalogue.validation import load_taxonomy

PAGE = REPO / REFERENCE_FILE


@pytest.fixture(scope="module")
def taxonomy() -> Any:
    found, problems = load_taxonomy(Project(REPO))
    assert found is not None, problems
    return found


def test_the_reference_in_the_repository_is_what_the_models_and_taxonomy_give(taxonomy: Any) -> None:
    assert not reference_is_stale(Project(REPO), taxonomy), (
        f"{REFERENCE_FILE} passer ikke til modellerne og taksonomien; kør 'make schemas' "
        f"({REFERENCE_FILE} is stale: run 'make schemas')")


def _schema_paths(node: dict[str, Any], definitions: dict[str, Any],
                  path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every key of a JSON Schema, nested keys included, as the keys leading to it ('*': any key of a mapping)."""
    node, _ = resolve(node, definitions)
    if node.get("type") == "array":
        yield from _schema_paths(node.get("items", {}), definitions, path)
        return
    for value in node.get("patternProperties", {}).values():
        yield from _schema_paths(value, definitions, (*path, "*"))
    for key, value in node.get("properties", {}).items():
        yield (*path, key)
        yield from _schema_paths(value, definitions, (*path, key))


def keys_missing_from(page: str) -> list[str]:
    """The keys of the sections' models (walked in their JSON Schemas) that have no entry on ``page``."""
    entries = set(re.findall(r'<dt id="([^"]+)">', page))
    missing = []
    for section in reference.SECTIONS:
        schema = section.model.model_json_schema(by_alias=True, mode="validation")
        for path in _schema_paths(schema, schema.get("$defs", {})):
            if section.keys is not None and path[0] not in section.keys or path[0] in section.without:
                continue
            address = key_address(section.name, [key if key != "*" else "en-noegle" for key in path])
            if address is None or address.partition("#")[2] not in entries:
                missing.append(f"{section.name}: {' › '.join(path)}")
    return missing


def test_every_key_of_every_model_is_in_the_reference() -> None:
    page = PAGE.read_text(encoding="utf-8")
    assert keys_missing_from(page) == []
    ids = re.findall(r'<dt id="([^"]+)">', page)
    assert len(ids) == len(set(ids)) == len(list(all_keys())) > 90


class _MoreVenue(Venue):
    etage: Text() | None = Field(None, description="Etagen")


class _MoreSession(Session):
    sted: _MoreVenue | None = None


class _MoreCourse(Course):
    tilskud: Text() | None = Field(None, description="Hvem der giver tilskud")
    hold: list[_MoreSession] = Field(default_factory=list)


def test_a_key_added_to_a_model_is_missing_from_the_reference_until_it_is_made_again(
        monkeypatch: pytest.MonkeyPatch, taxonomy: Any) -> None:
    monkeypatch.setattr(reference, "SECTIONS", (dataclasses.replace(SECTIONS[0], model=_MoreCourse), *SECTIONS[1:]))
    page = PAGE.read_text(encoding="utf-8")
    assert sorted(keys_missing_from(page)) == ["kursus: hold › sted › etage", "kursus: tilskud"]
    assert reference_is_stale(Project(REPO), taxonomy)
    made = reference.rendered(taxonomy)
    assert keys_missing_from(made) == []
    assert '<dt id="kursus-hold-sted-etage"><code>etage</code> · kan udelades</dt>' in made


def _field_at(model: type[BaseModel], path: tuple[str, ...]) -> Any:
    """The type of the key at ``path`` of a file of ``model``, with its constraints (for a TypeAdapter)."""
    current: Any = model
    for position, key in enumerate(path):
        while True:  # to the mapping that holds the key: through lists, optional values and the file's own list
            if isinstance(current, type) and issubclass(current, RootModel):
                current = current.model_fields["root"].annotation
            elif typing.get_origin(current) is dict and key != "*":
                current = typing.get_args(current)[1]
                break
            elif typing.get_origin(current) in (list, typing.Union, Annotated) or type(current).__name__ == "UnionType":
                current = next(a for a in typing.get_args(current) if a is not type(None))
            else:
                break
        if key == "*":
            continue
        info = next(i for name, i in current.model_fields.items() if (i.alias or name) == key)
        if position == len(path) - 1:
            return Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
        current = info.annotation
    raise AssertionError(path)


def test_every_example_on_the_page_passes_the_model(taxonomy: Any) -> None:
    checked = 0
    for section, key in all_keys(taxonomy):
        assert key.example, f"{key.anchor} has no example"
        value = yaml.safe_load(key.example)[key.path[-1]]
        kind = _field_at(section.model, tuple(k for k in key.path))
        TypeAdapter(kind).validate_python(value, context={"taxonomy": taxonomy})
        checked += 1
    assert checked > 90


def test_an_example_that_breaks_its_rule_is_caught(taxonomy: Any) -> None:
    kind = _field_at(Course, ("hold", "sted", "postnr"))
    with pytest.raises(ValueError):
        TypeAdapter(kind).validate_python("25000", context={"taxonomy": taxonomy})


@pytest.mark.parametrize("section, keys, anchor", [
    ("kursus", ["hold", 2, "sted", "postnr"], "kursus-hold-sted-postnr"),
    ("kursus", ["målgruppe"], "kursus-maalgruppe"),
    ("vaerktoejskasse", ["video", "url"], "video-video-url"),
    ("vejledning", ["filer", 0, "fil"], "skabelon-filer-fil"),  # a guide's files have a template's keys
    ("lister", ["regioner", "hovedstaden", "navn"], "lister-emner-navn"),
    ("evalueringer", [1, "samlet"], "evalueringer-samlet"),
])
def test_a_message_can_link_to_a_keys_entry(section: str, keys: list[Any], anchor: str) -> None:
    assert key_address(section, keys) == f"om/formatet/#{anchor}"
    assert f'<dt id="{anchor}">' in PAGE.read_text(encoding="utf-8")


def test_an_unknown_key_has_no_address() -> None:
    assert key_address("kursus", ["tilmeldingfrist"]) is None
    assert key_address("kursus", ["hold", "sted", "etage"]) is None
    assert key_address("kursus", ["titel"], "https://kurser.example.dk/") == \
        "https://kurser.example.dk/om/formatet/#kursus-titel"


def _ids(html: str) -> set[str]:
    return {tag["id"] for tag in BeautifulSoup(html, "html.parser").find_all(id=True)}


def test_the_reference_is_a_page_of_the_site_beside_the_guide(sample_site: Path) -> None:
    page = (sample_site / "om" / "formatet" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    content = soup.select_one("article")
    assert content.h1.get_text(strip=True) == "Alle nøgler i filerne"
    assert [h.get_text(strip=True) for h in content.find_all("h2")] == [
        "Kursus", "Værktøjskassen", "Forløb", "Evalueringer", "Afdelingens oplysninger",
        "Emner, niveauer og de andre lister", "Andre sider"]
    assert [h.get_text(strip=True) for h in content.find_all("h3")][:6] == [
        "Underviser", "Hold", "En skabelon", "En vejledning", "En video", "Et link"]
    entries = content.select("dl > dt[id]")
    assert len(entries) == len(list(all_keys()))
    deadline = content.select_one("#kursus-hold-tilmeldingsfrist")
    assert deadline.get_text(" ", strip=True) == "tilmeldingsfrist · skal udfyldes"
    assert "Eksempel: tilmeldingsfrist: 2027-02-05" in deadline.find_next_sibling("dd").get_text(" ", strip=True)
    assert "ledig (Ledige pladser)" in content.select_one("#kursus-hold-status").find_next_sibling("dd").get_text()
    video = content.select_one("#video-video").find_next_sibling("dd").get_text()
    assert 'video: {url: "https://www.youtube.com/watch?v=abcdefghijk"}' in video  # '{' kept from attr_list
    assert "<!--" not in page and "Generated by" not in page  # the header comment is for the file only
    # every link within the page, and to the guide, leads to an element that is there
    own = _ids(str(content))
    guide = (sample_site / "om" / "redigering" / "index.html").read_text(encoding="utf-8")
    links = [a["href"] for a in content.find_all("a", href=True)]
    assert {href for href in links if href.startswith("../redigering/")}, links
    for href in links:
        if href.startswith("#"):
            assert href[1:] in own, href
        elif href.startswith("../redigering/"):
            fragment = href.partition("#")[2]
            assert not fragment or fragment in _ids(guide), href
    # the guide and the scaffolds' page link to it
    for source in ("redigering", "nye-filer"):
        text = (sample_site / "om" / source / "index.html").read_text(encoding="utf-8")
        assert 'href="../formatet/"' in text, source


def test_check_warns_when_the_reference_is_stale(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "projekt", with_sample_courses=False)
    page = root / REFERENCE_FILE
    page.write_text(page.read_text(encoding="utf-8").replace("<code>pris</code>", "<code>prisen</code>"),
                    encoding="utf-8")
    checked = run_build(root, "check", "--dato", REFERENCE_DATE)
    assert (f"{REFERENCE_FILE}:1:1: advarsel: siden med alle nøgler passer ikke længere til "
            "config/taxonomy.yml; kør "
            "'make schemas'") in checked.stdout
    assert run_build(root, "schemas").returncode == 0
    assert REFERENCE_FILE not in run_build(root, "check", "--dato", REFERENCE_DATE).stdout


def test_a_hostile_name_in_the_taxonomy_is_text_on_the_reference_page(tmp_path: Path) -> None:
    """The names residents see come from config/taxonomy.yml, which a pull request may change: on the page they are
    escaped text, never markup (the page is Markdown with HTML lists, and MkDocs passes HTML through)."""
    from catalogue.project import Project
    from catalogue.reference import rendered
    from catalogue.validation import load_taxonomy

    root = copy_project(tmp_path / "projekt", with_sample_courses=False)
    path = root / "config" / "taxonomy.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "navn: Økonomi", "navn: '<script>alert(1)</script><img src=x onerror=alert(1)> {: #x }'"), encoding="utf-8")
    taxonomy, problems = load_taxonomy(Project(root))
    assert taxonomy is not None, problems
    page = rendered(taxonomy)
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &#123;: #x }" in page
