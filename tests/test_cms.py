"""Decap CMS's configuration (cms/config.yml): generated from the models, current, and fit for every sample file.

Each sample course and toolkit page is read against its collection's fields as Decap's form would: every key
is a field, every required field is there, a select offers the value (and every option is a taxonomy key),
a pattern matches, a date picker can show the date in its format, a number lies within its bounds.
"""

from __future__ import annotations

import re
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REFERENCE_DATE, REPO, run_build

sys.path.insert(0, str(REPO))
from catalogue.cms import (  # noqa: E402
    CMS_FILE,
    SESSION_CHECK,
    STALE,
    WHOLE_NUMBER_WIDGET,
    cms_config,
    load_toolkit_pages,
    rendered,
)
from catalogue.models import Course, LearningPath, PathStep, ToolkitMeta  # noqa: E402
from catalogue.project import Project  # noqa: E402
from catalogue.toolkit import split_front_matter  # noqa: E402
from catalogue.validation import load_department, load_taxonomy  # noqa: E402

TAXONOMY, _ = load_taxonomy(Project(REPO))
DEPARTMENT, _ = load_department(Project(REPO))
PAGES = load_toolkit_pages(Project(REPO), TAXONOMY)
CONFIG = cms_config(TAXONOMY, DEPARTMENT, PAGES)
COLLECTIONS = {c["name"]: c for c in CONFIG["collections"]}
_MOMENT = {"YYYY": "%Y", "MM": "%m", "DD": "%d", "HH": "%H", "mm": "%M"}


def strptime_format(moment: str) -> str:
    return re.sub("YYYY|MM|DD|HH|mm", lambda m: _MOMENT[m.group(0)], moment)


def problems(fields: list[dict[str, Any]], data: dict[str, Any], where: str) -> list[str]:
    """What Decap's form would flag in ``data`` (a mapping of a file), as 'where › key: why'."""
    found = []
    names = {f["name"] for f in fields}
    found += [f"{where} › {key}: no such field" for key in data if key not in names]
    for spec in fields:
        key, value = spec["name"], data.get(spec["name"])
        at = f"{where} › {key}"
        if spec["name"] == SESSION_CHECK["name"]:  # not a key of the file: the browser test tries it
            continue
        if value is None:
            if spec.get("required", True) and spec["widget"] not in ("hidden", "boolean"):
                found.append(f"{at}: required")
            continue
        widget = spec["widget"]
        if widget == "select":
            allowed = {o["value"] for o in spec["options"]}
            chosen = value if spec.get("multiple") else [value]
            found += [f"{at}: {v!r} is not offered" for v in chosen if v not in allowed]
        elif widget == "datetime":
            try:
                datetime.strptime(str(value), strptime_format(spec["format"]))
            except ValueError:
                found.append(f"{at}: {value!r} is not {spec['format']}")
        elif widget == WHOLE_NUMBER_WIDGET:  # cms/felter.js: plain decimal digits, within the bounds
            if not re.fullmatch("0|[1-9][0-9]*", str(value).strip()) or \
                    not spec.get("min", int(value)) <= int(value) <= spec.get("max", int(value)):
                found.append(f"{at}: {value!r} is out of bounds")
        elif widget == "string" and "pattern" in spec:
            if not re.search(spec["pattern"][0], str(value)):
                found.append(f"{at}: {value!r} does not match {spec['pattern'][0]}")
        elif widget == "list" and "fields" in spec:
            for index, item in enumerate(value):
                found += problems(spec["fields"], item, f"{at} nr. {index + 1}")
        elif widget == "object":
            found += problems(spec["fields"], value, at)
    return found


def test_the_configuration_in_the_repository_is_current() -> None:
    assert (REPO / CMS_FILE).read_text(encoding="utf-8") == rendered(TAXONOMY, DEPARTMENT, PAGES), \
        "run 'make schemas'"


def test_the_course_form_has_every_key_in_the_contracts_order() -> None:
    fields = COLLECTIONS["kurser"]["fields"]
    assert [f["name"] for f in fields] == [info.alias or name for name, info in Course.model_fields.items()] + [
        SESSION_CHECK["name"]]  # after the sessions: what each lacks of its venue (never in the file)
    session = next(f for f in fields if f["name"] == "hold")["fields"]
    assert [f["name"] for f in session] == ["start", "slut", "mødegange", "form", "sted", "region",
                                            "tilmeldingsfrist", "tilmelding", "status", "pladser", "note"]
    by_name = {f["name"]: f for f in session}
    assert by_name["start"]["format"] == "YYYY-MM-DD HH:mm" and by_name["tilmeldingsfrist"]["time_format"] is False
    # A session's own times or its meetings (FORMAT.md §1): each may be left out, and the check after the sessions
    # (cms/felter.js) asks for one of the two; a meeting has its own times, required.
    meetings = by_name["mødegange"]
    assert (by_name["start"]["required"], by_name["slut"]["required"], meetings["required"]) == (False, False, False)
    assert meetings["widget"] == "list" and meetings["min"] == 2
    assert [(f["name"], f["widget"], f.get("required", True)) for f in meetings["fields"]] == [
        ("start", "datetime", True), ("slut", "datetime", True), ("note", "string", False)]
    folded = next(f for f in fields if f["name"] == "hold")["summary"]
    assert folded == "{{fields.start}}{{fields.mødegange.0.start}} · {{fields.status}}"
    assert by_name["sted"]["widget"] == "object" and by_name["sted"]["required"] is False
    assert next(f for f in fields if f["name"] == "pris")["min"] == 0


def test_every_whole_number_of_every_form_is_typed_as_text_and_saved_as_the_number() -> None:
    """Decap's number widget turned "1.450" typed into 150 (parseInt at each keystroke): no form uses it. Every
    whole number of the models is cms/felter.js's widget, with the model's bounds, both inclusive."""
    forms = every_form()
    assert not [f["name"] for f in forms if f["widget"] == "number"]
    bounds = {f["name"]: (f.get("min"), f.get("max")) for f in forms if f["widget"] == WHOLE_NUMBER_WIDGET}
    assert bounds == {"pris": (0, 1_000_000), "pladser": (1, 10_000), "revisionsperiode": (1, 120)}


def every_field(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The fields and every field inside them, depth first."""
    return [spec for field in fields for spec in [field, *every_field(field.get("fields", []))]]


def every_form() -> list[dict[str, Any]]:
    """Every field of every collection and file of the configuration."""
    return every_field([f for c in CONFIG["collections"] for f in c.get("fields", []) + [
        g for file in c.get("files", []) for g in file["fields"]]])


def test_every_option_is_a_taxonomy_key_or_a_toolkit_page_shown_with_its_label() -> None:
    labels = {key: entry.navn for vocabulary in ("emner", "niveauer", "former", "målgrupper", "regioner",
                                                 "kendetegn", "status")
              for key, entry in TAXONOMY.vocabulary(vocabulary).items()}
    selects = {spec["name"]: spec for spec in every_field(COLLECTIONS["kurser"]["fields"])
               if spec["widget"] == "select"}
    pages = selects.pop("materialer")["options"]
    offered = [o for spec in selects.values() for o in spec["options"]]
    assert offered and all(labels.get(o["value"]) == o["label"] for o in offered)
    assert pages and all(PAGES[o["value"]] == o["label"] for o in pages)


def test_materials_are_picked_by_title_and_saved_as_the_file_stores_them() -> None:
    """A course's `materialer` and a step's `materiale` offer every toolkit page by its title, alphabetically as in
    Danish, and save the path under content/ that FORMAT.md stores (`vaerktoejskasse/vejledninger/….md`)."""
    pages = sorted((REPO / "content" / "vaerktoejskasse").rglob("*.md"))
    stored = {path.relative_to(REPO / "content").as_posix() for path in pages if path.name != "index.md"}
    course = next(f for f in COLLECTIONS["kurser"]["fields"] if f["name"] == "materialer")
    step = next(f for f in COLLECTIONS["forloeb"]["fields"] if f["name"] == "trin")["fields"]
    page = next(f for f in step if f["name"] == "materiale")
    assert (course["widget"], course["multiple"], page["widget"], "multiple" in page) == ("select", True, "select",
                                                                                          False)
    assert course["options"] == page["options"]
    assert {o["value"] for o in course["options"]} == stored
    by_value = {o["value"]: o["label"] for o in course["options"]}
    assert by_value["vaerktoejskasse/vejledninger/ny-i-afdelingsbestyrelsen.md"] == "Ny i afdelingsbestyrelsen"
    labels = [o["label"] for o in course["options"]]
    assert labels.index("Standardhusorden") < labels.index("Sådan holder I afdelingsmødet") < \
        labels.index("Velkommen i afdelingsbestyrelsen") < labels.index("Årshjul for afdelingsbestyrelsen (skabelon)")
    # Two pages of one title are told apart by their type.
    assert by_value["vaerktoejskasse/skabeloner/aarshjul-afdelingsbestyrelse.md"] == \
        "Årshjul for afdelingsbestyrelsen (skabelon)"
    assert by_value["vaerktoejskasse/vejledninger/aarshjul-for-afdelingsbestyrelsen.md"] == \
        "Årshjul for afdelingsbestyrelsen (vejledning)"
    assert len(set(labels)) == len(labels)


def test_a_new_toolkit_page_makes_the_configuration_stale_until_schemas_is_run(empty_project: Path) -> None:
    """The picker is made from the pages there are: `check` says to run `make schemas` when a page is added, and
    after it the page is offered by its title."""
    page = empty_project / "content" / "vaerktoejskasse" / "vejledninger" / "konflikter-i-bestyrelsen.md"
    page.write_text((REPO / "content" / "vaerktoejskasse" / "vejledninger" / "hvem-bestemmer-hvad.md").read_text(
        encoding="utf-8").replace("titel: Hvem bestemmer hvad?", "titel: Konflikter i bestyrelsen"), encoding="utf-8")
    checked = run_build(empty_project, "check", "--dato", REFERENCE_DATE)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert f"{CMS_FILE}:1:1: advarsel: {STALE.format(command='make schemas')}" in checked.lines
    assert run_build(empty_project, "schemas").returncode == 0
    assert not [line for line in run_build(empty_project, "check", "--dato", REFERENCE_DATE).lines
                if line.startswith(CMS_FILE)]
    config = yaml.safe_load((empty_project / CMS_FILE).read_text(encoding="utf-8"))
    materials = next(f for f in config["collections"][0]["fields"] if f["name"] == "materialer")
    assert {"label": "Konflikter i bestyrelsen",
            "value": "vaerktoejskasse/vejledninger/konflikter-i-bestyrelsen.md"} in materials["options"]


# Words a hint may use without saying anything its label does not (the possessive of the thing the form is about).
_SAYS_NOTHING = {"en", "et", "og", "evt", "antal", "kursets", "holdets", "sidens", "forløbets", "stedets",
                 "underviserens", "afdelingens", "kursusafdelingens", "organisationens"}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zæøå0-9]+", text.lower().replace("-", ""))


def repeats_its_label(label: str, hint: str) -> bool:
    """Whether fewer than two words of ``hint`` are neither its label's (nor a word made of one) nor the name of
    what the form is about."""
    own = [word for word in _words(label) if len(word) > 2]
    return len([word for word in _words(hint) if word not in _SAYS_NOTHING
                and not any(o in word or word in o for o in own)]) < 2


def test_every_hint_says_something_its_label_does_not() -> None:
    """No hint repeats its label ('Niveauer' under Niveau, 'Holdets status' under Status, 'Telefonnummer' under
    Telefon): at least two words of it are neither the label's (nor a word made of one) nor the name of what the
    form is about; and none speaks the jargon of 'Holdene; kan være tom'."""
    said_nothing, jargon = [], []
    for spec in every_form():
        hint = spec.get("hint")
        if not hint or spec["widget"] == "hidden":
            continue
        if repeats_its_label(spec["label"], hint):
            said_nothing.append((spec["label"], hint))
        if re.search(r"kan være tom|; skal med, når|true, hvis|under content/", hint):
            jargon.append((spec["label"], hint))
    assert (said_nothing, jargon) == ([], [])


@pytest.mark.parametrize(("label", "hint"), [
    ("Niveau", "Niveauer"), ("Status", "Holdets status"), ("Telefon", "Telefonnummer"),
    ("E-mail", "Kursusafdelingens e-mail"), ("Adresse (https://)", "Adressen (https://)"),
    ("Pladser", "Antal pladser")])
def test_the_hint_rule_finds_a_hint_that_repeats_its_label(label: str, hint: str) -> None:
    """The hints the forms had: each is found by the rule above, and a hint that says more is not."""
    assert repeats_its_label(label, hint)
    assert not repeats_its_label(label, hint + ", fx 33 12 34 56")


def test_a_list_counts_and_adds_its_items_in_the_singular() -> None:
    """Decap counts a folded list's items and names its button with the label: '1 filer', 'Tilføj filer'. Every
    list of the forms has its singular ('1 fil', 'Tilføj fil')."""
    lists = {spec["name"]: spec.get("label_singular") for spec in every_form()
             if spec["widget"] == "list" and "fields" in spec}
    assert lists == {"undervisere": "Underviser", "hold": "Hold", "mødegange": "Mødegang", "filer": "Fil",
                     "trin": "Trin", "tilmeldingsregler": "Regel"}


@pytest.mark.parametrize("path", sorted((REPO / "courses").glob("*.yml")), ids=lambda p: p.stem)
def test_every_sample_course_opens_in_the_form_unflagged(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for session in data.get("hold") or []:  # YAML reads dates; Decap's widgets see the text written
        session.update({k: v.strftime("%Y-%m-%d %H:%M") if isinstance(v, datetime) else
                        v.isoformat() if hasattr(v, "isoformat") else v for k, v in session.items()})
    assert problems(COLLECTIONS["kurser"]["fields"], data, path.name) == []


@pytest.mark.parametrize("path", sorted((REPO / "forloeb").glob("*.yml")), ids=lambda p: p.stem)
def test_every_sample_learning_path_opens_in_the_form_unflagged(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert problems(COLLECTIONS["forloeb"]["fields"], data, path.name) == []


def test_the_path_form_has_every_key_in_the_contracts_order() -> None:
    collection = COLLECTIONS["forloeb"]
    assert (collection["folder"], collection["extension"], collection["format"]) == ("forloeb", "yml", "yaml")
    fields = collection["fields"]
    assert [f["name"] for f in fields] == [info.alias or name for name, info in LearningPath.model_fields.items()]
    steps = next(f for f in fields if f["name"] == "trin")
    assert steps["widget"] == "list" and steps["min"] == 2
    assert [f["name"] for f in steps["fields"]] == [info.alias or name for name, info in PathStep.model_fields.items()]
    assert all(f["required"] is False for f in steps["fields"])  # a step is a course or a page: `check` says which
    audience = next(f for f in fields if f["name"] == "målgruppe")
    assert audience["widget"] == "select" and audience["multiple"] and audience["min"] == 1


def test_the_path_form_flags_what_check_refuses() -> None:
    path = yaml.safe_load((REPO / "forloeb" / "ny-i-afdelingsbestyrelsen.yml").read_text(encoding="utf-8"))
    path.update(målgruppe=["formænd"])
    path["trin"] = [{"kursus": "courses/det-gode-bestyrelsesmoede.yml"}, {"materiale": "../../etc/passwd"},
                    {"materiale": "javascript:alert(1)"}, {"kursus": "det-gode-bestyrelsesmoede", "hvornår": "Nu"},
                    {"materiale": "content/vaerktoejskasse/vejledninger/hvem-bestemmer-hvad.md"}]
    steps = next(f for f in COLLECTIONS["forloeb"]["fields"] if f["name"] == "trin")["fields"]
    course = next(f["pattern"][0] for f in steps if f["name"] == "kursus")
    assert problems(COLLECTIONS["forloeb"]["fields"], path, "x") == [
        "x › målgruppe: 'formænd' is not offered",
        f"x › trin nr. 1 › kursus: 'courses/det-gode-bestyrelsesmoede.yml' does not match {course}",
        "x › trin nr. 2 › materiale: '../../etc/passwd' is not offered",
        "x › trin nr. 3 › materiale: 'javascript:alert(1)' is not offered",
        "x › trin nr. 4 › hvornår: no such field",
        "x › trin nr. 5 › materiale: 'content/vaerktoejskasse/vejledninger/hvem-bestemmer-hvad.md' is not offered",
    ]


def test_evaluation_files_have_no_form() -> None:
    """An evaluation file is a list at its top level, which Decap cannot edit (decap-cms #531): no collection
    writes into evalueringer/, and the guide says to edit them on GitHub or in an editor."""
    assert not [c for c in CONFIG["collections"] if "evalueringer" in str(c.get("folder", "")) + str(c.get("files"))]


@pytest.mark.parametrize("path", sorted((REPO / "content" / "vaerktoejskasse").rglob("*.md")),
                         ids=lambda p: p.stem)
def test_every_toolkit_page_opens_in_its_types_collection_unflagged(path: Path) -> None:
    if path.name == "index.md":
        pytest.skip("not a toolkit page")
    parts = split_front_matter(path.read_text(encoding="utf-8"))
    assert parts is not None
    meta = yaml.safe_load(parts[0])
    meta["revideret"] = str(meta["revideret"])
    collection = next(c for c in COLLECTIONS.values() if c.get("filter", {}).get("value") == meta["type"])
    assert Path(collection["folder"]) == path.parent.relative_to(REPO), "the page is in its type's folder"
    assert problems([f for f in collection["fields"] if f["name"] != "body"], meta, path.name) == []
    others = {"skabelon": {"video", "link"}, "vejledning": {"video", "link"}, "video": {"filer", "link"},
              "link": {"filer", "video"}}[meta["type"]]
    assert [f["name"] for f in collection["fields"]] == [info.alias or name for name, info in
                                                          ToolkitMeta.model_fields.items()
                                                          if (info.alias or name) not in others] + ["body"]


@pytest.mark.parametrize("name", ["department", "taksonomi"])
def test_the_departments_files_open_in_their_forms_unflagged(name: str) -> None:
    """config/department.yml and config/taxonomy.yml: every key a field (every key of the taxonomy too)."""
    form = next(f for f in COLLECTIONS["afdelingen"]["files"] if f["name"] == name)
    data = yaml.safe_load((REPO / form["file"]).read_text(encoding="utf-8"))
    assert problems(form["fields"], data, form["file"]) == []
    assert [f["name"] for f in form["fields"]] == [key for key in data if key in {f["name"] for f in form["fields"]}]


def test_each_types_form_requires_what_the_type_requires() -> None:
    """A template needs a file, a video its video's address, a link its address (FORMAT.md §2)."""
    def named(collection: str, name: str) -> dict[str, Any]:
        return next(f for f in COLLECTIONS[collection]["fields"] if f["name"] == name)

    files = named("vaerktoejskasse-skabeloner", "filer")
    assert files.get("required", True) and files["min"] == 1
    assert [f["widget"] for f in files["fields"]] == ["file", "string"]
    assert named("vaerktoejskasse-vejledninger", "filer")["required"] is False
    video = named("vaerktoejskasse-videoer", "video")
    assert video.get("required", True) and [f.get("required", True) for f in video["fields"]] == [True, False, False]
    link = named("vaerktoejskasse-links", "link")
    assert link.get("required", True) and [f.get("required", True) for f in link["fields"]] == [True, False]


def test_the_form_flags_what_check_refuses() -> None:
    """The reading above can fail: a value the form would not take is flagged."""
    course = yaml.safe_load((REPO / "courses" / "det-gode-bestyrelsesmoede.yml").read_text(encoding="utf-8"))
    course.update(pris=-5, niveau=["øvet"], ekstra="x")
    course["hold"] = [{"start": "6/3 2027", "slut": "2027-03-06 15:30", "region": "østjylland",
                       "tilmeldingsfrist": "2027-02-05", "tilmelding": "http://example.dk",
                       "sted": {"navn": "Valby", "adresse": "Vej 1", "postnr": "25000", "by": "Valby"}}]
    assert problems(COLLECTIONS["kurser"]["fields"], course, "x") == [
        "x › ekstra: no such field",
        "x › niveau: 'øvet' is not offered",
        "x › pris: -5 is out of bounds",
        "x › hold nr. 1 › start: '6/3 2027' is not YYYY-MM-DD HH:mm",
        "x › hold nr. 1 › sted › postnr: '25000' does not match ^\\d{4}$",
        "x › hold nr. 1 › region: 'østjylland' is not offered",
        "x › hold nr. 1 › tilmelding: 'http://example.dk' does not match "
        + next(f for f in next(f for f in COLLECTIONS["kurser"]["fields"] if f["name"] == "hold")["fields"]
               if f["name"] == "tilmelding")["pattern"][0],
    ]


def test_the_vendored_bundle_is_the_npm_package_as_recorded() -> None:
    """vendor/decap-cms/ holds exactly the files vendor/update_decap_cms.py took from npm, unchanged."""
    import hashlib
    import json

    folder = REPO / "vendor" / "decap-cms"
    manifest = json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest["package"] == "decap-cms" and manifest["integrity"].startswith("sha512-")
    assert sorted(p.name for p in folder.iterdir() if p.name != "MANIFEST.json") == sorted(manifest["files"])
    changed = [name for name, digest in manifest["files"].items()
               if hashlib.sha256((folder / name).read_bytes()).hexdigest() != digest]
    assert changed == []
    assert "decap-cms.js" in manifest["files"]


def test_a_link_in_the_bundle_or_the_preview_is_never_copied(tmp_path: Path) -> None:
    """A pull request that turns a vendored file into a link (to /etc/passwd, say) publishes nothing of it."""
    from catalogue.cms import admin_files
    from catalogue.project import copy_project

    root = copy_project(REPO, tmp_path / "projekt", with_courses=False)
    chunk = root / "vendor" / "decap-cms" / "103.decap-cms.js"
    chunk.unlink()
    chunk.symlink_to("/etc/passwd")
    for script in ("forhaandsvisning.js", "felter.js", "dansk.js"):
        (root / "cms" / script).unlink()
        (root / "cms" / script).symlink_to(root / "config" / "department.yml")
    files = admin_files(Project(root), TAXONOMY, DEPARTMENT, PAGES, local=False)
    assert "admin/103.decap-cms.js" not in files and "admin/forhaandsvisning.js" not in files
    assert "admin/felter.js" not in files and "admin/dansk.js" not in files
    assert "admin/decap-cms.js" in files and files["admin/decap-cms.js"] == root / "vendor/decap-cms/decap-cms.js"


HOSTILE_TITLE = '</script><script>alert(1)</script> "Dagsorden": {x} # & \'y\' javascript:alert(1)'


def test_a_hostile_page_title_is_a_pickers_label_as_written_and_nothing_more() -> None:
    """A toolkit page's title is the editors' text: in the picker's options it is one YAML string, read back exactly,
    never a key, a comment or a second option; the value saved stays the page's path."""
    pages = {"vaerktoejskasse/vejledninger/fjendtlig.md": HOSTILE_TITLE, **PAGES}
    config = yaml.safe_load(rendered(TAXONOMY, DEPARTMENT, pages))
    course = next(c for c in config["collections"] if c["name"] == "kurser")
    picker = next(f for f in course["fields"] if f["name"] == "materialer")
    assert picker["options"][0] == {"label": HOSTILE_TITLE, "value": "vaerktoejskasse/vejledninger/fjendtlig.md"}
    assert len(picker["options"]) == len(pages)
