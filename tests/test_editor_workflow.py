"""The editors' workflow: live preview, scaffolds, JSON Schemas, annotations, workflows and the link check."""

from __future__ import annotations

import contextlib
import http.server
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import pytest
from conftest import REFERENCE_DATE, REPO, run_build
from test_validation import VALID

# ----------------------------------------------------------------------------- live preview


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, OSError):
        return 0, ""


def wait_for(condition, seconds: float = 45, what: str = "") -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}")


@contextlib.contextmanager
def preview(project: Path, log: Path) -> Iterator[int]:
    """`build.py serve` of the project on a free port, its output in ``log``; stopped afterwards."""
    port = free_port()
    with log.open("w") as output:
        server = subprocess.Popen([sys.executable, "build.py", "serve", "--port", str(port), "--dato", REFERENCE_DATE],
                                  cwd=project, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield port
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


def test_preview_rebuilds_shows_errors_and_recovers(project: Path, tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    course = project / "courses" / "det-gode-bestyrelsesmoede.yml"
    with preview(project, log) as port:
        page = f"http://127.0.0.1:{port}/kurser/det-gode-bestyrelsesmoede/"
        wait_for(lambda: fetch(page)[0] == 200, what="the preview to start")
        assert "Forhåndsvisningen kører på" in log.read_text(encoding="utf-8")

        course.write_text(course.read_text(encoding="utf-8").replace(
            "titel: Det gode bestyrelsesmøde", "titel: Det rigtig gode bestyrelsesmøde"), encoding="utf-8")
        wait_for(lambda: "Det rigtig gode bestyrelsesmøde" in fetch(page)[1], what="the new title")

        course.write_text(course.read_text(encoding="utf-8").replace("form: fysisk", "form: fysik"),
                          encoding="utf-8")
        error = ("courses/det-gode-bestyrelsesmoede.yml:15:7: fejl: form: 'fysik' er ikke en af formerne i "
                 "config/taxonomy.yml; mente du 'fysisk'?")
        wait_for(lambda: error in log.read_text(encoding="utf-8"), what="the error in the terminal")
        wait_for(lambda: ">Kurset har fejl</h1>" in fetch(page)[1], what="the broken course's error page")
        assert fetch(f"http://127.0.0.1:{port}/kurser/")[0] == 200  # the server keeps running
        assert "Traceback" not in log.read_text(encoding="utf-8")

        course.write_text(course.read_text(encoding="utf-8").replace("form: fysik", "form: fysisk"),
                          encoding="utf-8")
        wait_for(lambda: "Det rigtig gode bestyrelsesmøde" in fetch(page)[1], what="the fixed course to come back")

        # A toolkit page is made again when its text changes, and when a course starts to use it
        guide = project / "content" / "vaerktoejskasse" / "skabeloner" / "aarshjul-afdelingsbestyrelse.md"
        guide_page = f"http://127.0.0.1:{port}/vaerktoejskasse/skabeloner/aarshjul-afdelingsbestyrelse/"
        assert "Bruges på kurserne" not in fetch(guide_page)[1]
        guide.write_text(guide.read_text(encoding="utf-8") + "\nEn helt ny linje i teksten.\n", encoding="utf-8")
        wait_for(lambda: "En helt ny linje i teksten." in fetch(guide_page)[1], what="the toolkit page's new text")
        course.write_text(course.read_text(encoding="utf-8").replace(
            "materialer: [", "materialer: [vaerktoejskasse/skabeloner/aarshjul-afdelingsbestyrelse.md, "),
            encoding="utf-8")
        wait_for(lambda: "Bruges på kurserne" in fetch(guide_page)[1], what="the course that now uses the page")
        assert "Det rigtig gode bestyrelsesmøde" in fetch(guide_page)[1]

        taxonomy = project / "config" / "taxonomy.yml"
        taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace("navn: Fremmøde", "navn: Mød op"),
                            encoding="utf-8")
        wait_for(lambda: "Mød op" in fetch(page)[1], what="the taxonomy change")
    assert not (project / "site").exists()  # the preview never touches site/


# ----------------------------------------------------------------------------- scaffolds

def written(name: str, table: str = "COURSE") -> str:
    """A placeholder as the scaffold writes it (catalogue/placeholders.py)."""
    from catalogue import placeholders

    return placeholders.by_name(getattr(placeholders, table))[name].yaml


FILLED = {
    f"titel: {written('titel')}": "titel: Budget for begyndere",
    f"intro: {written('intro')}": "intro: Lær at læse afdelingens budget.",
    "  Skriv her, hvad kurset handler om, og hvad deltagerne lærer.": "  Vi læser budgettet sammen.",
    "emner: []": "emner: [oekonomi]",
    "niveau: []": "niveau: [ny]",
    "målgruppe: []": "målgruppe: [afdelingsbestyrelse]",
    f"pris: {written('pris')}": "pris: 0",
    f"start: {written('start')}": "start: 2027-03-06 09:30",
    f"slut: {written('slut')}": "slut: 2027-03-06 15:30",
    f"navn: {written('sted_navn')}": "navn: Fælleshuset",
    f"adresse: {written('sted_adresse')}": "adresse: Vestergade 3",
    f"postnr: {written('sted_postnr')}": 'postnr: "8230"',
    f"by: {written('sted_by')}": "by: Åbyhøj",
    "region: vaelg-region": "region: midtjylland",
    f"tilmeldingsfrist: {written('tilmeldingsfrist')}": "tilmeldingsfrist: 2027-02-05",
}

# What `check` says about a course scaffold left as `new` wrote it: one line per placeholder or empty key.
UNFILLED = [
    "courses/budget-for-begyndere.yml:6:8: fejl: titel: pladsholder: skriv kursets rigtige titel",
    "courses/budget-for-begyndere.yml:8:8: fejl: intro: pladsholder: skriv en eller to sætninger om, hvad "
    "deltagerne får ud af kurset",
    "courses/budget-for-begyndere.yml:12:3: fejl: beskrivelse: pladsholder: skriv, hvad kurset handler om, og hvad "
    "deltagerne lærer",
    "courses/budget-for-begyndere.yml:14:8: fejl: emner: skal have mindst én værdi",
    "courses/budget-for-begyndere.yml:16:9: fejl: niveau: skal have mindst én værdi",
    "courses/budget-for-begyndere.yml:20:12: fejl: målgruppe: skal have mindst én værdi",
    "courses/budget-for-begyndere.yml:24:7: fejl: pris: pladsholder: skriv prisen i hele kroner uden punktum, fx "
    "1200, eller 0, hvis kurset er gratis",
    "courses/budget-for-begyndere.yml:48:12: fejl: 1. hold › start: pladsholder: skriv, hvornår holdet starter, "
    "som ÅÅÅÅ-MM-DD TT:MM, fx 2027-03-06 09:30",
    "courses/budget-for-begyndere.yml:49:11: fejl: 1. hold › slut: pladsholder: skriv, hvornår holdet slutter, "
    "som ÅÅÅÅ-MM-DD TT:MM, fx 2027-03-06 15:30",
    "courses/budget-for-begyndere.yml:51:18: fejl: 1. hold › sted › navn: pladsholder: skriv kursusstedets navn",
    "courses/budget-for-begyndere.yml:51:43: fejl: 1. hold › sted › adresse: pladsholder: skriv kursusstedets "
    "adresse, fx Eksempelvej 1",
    "courses/budget-for-begyndere.yml:51:72: fejl: 1. hold › sted › postnr: pladsholder: skriv kursusstedets "
    'postnummer i anførselstegn, fx "8000"',
    "courses/budget-for-begyndere.yml:51:84: fejl: 1. hold › sted › by: pladsholder: skriv den by, kursusstedet "
    "ligger i",
    "courses/budget-for-begyndere.yml:53:13: fejl: 1. hold › region: pladsholder: skriv regionen for "
    "kursusstedet, en af: hovedstaden, sjaelland, syddanmark, midtjylland, nordjylland, hele-landet",
    "courses/budget-for-begyndere.yml:55:23: fejl: 1. hold › tilmeldingsfrist: pladsholder: skriv den sidste dag "
    "for tilmelding som ÅÅÅÅ-MM-DD, senest startdagen",
]


def fill(path: Path, replacements: dict[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for placeholder, value in replacements.items():
        assert placeholder in text, placeholder
        text = text.replace(placeholder, value, 1)
    path.write_text(text, encoding="utf-8")


def test_new_course_has_every_key_and_passes_check_once_filled(empty_project: Path) -> None:
    result = run_build(empty_project, "new", "budget-for-begyndere")
    assert result.returncode == 0
    path = empty_project / "courses" / "budget-for-begyndere.yml"
    assert result.stdout.strip() == "courses/budget-for-begyndere.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/course.schema.json\n")
    from catalogue.models import Course, Session

    for key in [info.alias or name for name, info in Course.model_fields.items()] + \
               [info.alias or name for name, info in Session.model_fields.items()]:
        # 'mødegange' cannot stand beside the session's start and slut (FORMAT.md §1): a commented example
        commented = r"#\s+" if key == "mødegange" else ""
        assert re.search(rf"^\s*{commented}(- )?{key}:", text, re.MULTILINE), key
    unfilled = run_build(empty_project, "check", "--dato", REFERENCE_DATE)
    assert unfilled.returncode == 1
    assert unfilled.lines == UNFILLED
    fill(path, FILLED)
    filled = run_build(empty_project, "check", "--dato", REFERENCE_DATE)
    assert filled.returncode == 0, filled.stdout
    built = run_build(empty_project, "build", "--dato", REFERENCE_DATE)
    assert built.returncode == 0
    assert "Budget for begyndere" in (empty_project / "site" / "kurser" / "budget-for-begyndere" /
                                      "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["konflikthaandtering", "konflikthaandtering.yml", "courses/konflikthaandtering.yml",
                                  "./courses/konflikthaandtering.yml", "konflikthaandtering.yaml"])
def test_new_takes_a_file_name_as_the_course_name(empty_project: Path, name: str) -> None:
    result = run_build(empty_project, "new", name)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "courses/konflikthaandtering.yml\n"
    assert result.stderr == "Filen er oprettet. Udfyld den, og kør 'make check'.\n"
    assert [p.name for p in (empty_project / "courses").iterdir()] == ["konflikthaandtering.yml"]


def test_new_suggests_the_name_without_the_file_ending(empty_project: Path) -> None:
    result = run_build(empty_project, "new", "Konflikthåndtering.yml")
    assert result.returncode == 1
    assert result.stderr == ("fejl: 'Konflikthåndtering' kan ikke bruges som navn på et kursus: brug små bogstaver "
                             "a–z, cifre og enkelte bindestreger, fx 'konflikthaandtering'\n")


def test_every_command_the_tools_print_works_from_a_fresh_clone(empty_project: Path) -> None:
    """Each command printed for editors is a make target (make sets up .venv/ first), not 'python build.py'."""
    taxonomy = empty_project / "config" / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace(
        "\nniveauer:", "  digitalisering:\n    navn: Digitalisering\n\nniveauer:"), encoding="utf-8")
    checked = run_build(empty_project, "check", "--dato", REFERENCE_DATE)  # stale schemas, pages due for review
    printed = checked.stdout + checked.stderr
    printed += run_build(empty_project, "new", "budget").stderr + (empty_project / "courses" / "budget.yml").read_text(
        encoding="utf-8") + run_build(empty_project, "new", "--type", "link", "links/side").stderr + \
        (empty_project / "content" / "vaerktoejskasse" / "links" / "side.md").read_text(encoding="utf-8")
    printed += subprocess.run([sys.executable, "-I", "-S", "build.py", "check"], cwd=empty_project,
                              capture_output=True, text=True).stderr
    assert not re.search(r"(?<!\.venv/bin/)python3? build\.py", printed), printed  # no venv outside .venv/
    commands = set(re.findall(r"['\"](make [^'\"]+)['\"]", printed))
    assert {"make check", "make review", "make schemas", "make site"} <= commands, commands
    for command in commands:  # a dry run (-n) of the repository's Makefile
        dry = subprocess.run([*command.split(), "-n"], cwd=REPO, capture_output=True, text=True)
        assert dry.returncode == 0, (command, dry.stderr)
        assert "build.py" in dry.stdout, command
    # make new takes the name (and the type) as NAVN= (and TYPE=), and without a name says so in Danish
    made = subprocess.run(["make", "-n", "new", "NAVN=budget-for-begyndere", "TYPE=skabelon"], cwd=REPO,
                          capture_output=True, text=True)
    assert ".venv/bin/python build.py new --type 'skabelon' 'budget-for-begyndere'" in made.stdout
    empty = subprocess.run(["make", "-s", "-o", ".venv/.build-deps", "new"], cwd=REPO, capture_output=True, text=True,
                           env={**os.environ, "MAKEFLAGS": ""})
    assert empty.returncode == 2
    assert empty.stderr.splitlines()[0] == ("fejl: skriv navnet på kurset, fx 'make new NAVN=budget-for-begyndere', "
                                            "eller på siden og dens type, fx 'make new TYPE=skabelon "
                                            "NAVN=skabeloner/referat'")


def test_new_refuses_an_existing_or_invalid_name(empty_project: Path) -> None:
    (empty_project / "courses" / "findes.yml").write_text(VALID, encoding="utf-8")
    existing = run_build(empty_project, "new", "findes")
    assert existing.returncode == 1
    assert existing.stderr.strip() == "fejl: courses/findes.yml findes allerede; vælg et andet navn, eller ret den fil"
    invalid = run_build(empty_project, "new", "Budget for Begyndere")
    assert invalid.returncode == 1
    assert invalid.stderr.strip() == ("fejl: 'Budget for Begyndere' kan ikke bruges som navn på et kursus: brug små "
                                      "bogstaver a–z, cifre og enkelte bindestreger, fx 'budget-for-begyndere'")
    assert (empty_project / "courses" / "findes.yml").read_text(encoding="utf-8") == VALID


def page_written(name: str) -> str:
    return written(name, "TOOLKIT")


PAGE = "content/vaerktoejskasse/proeve/ny-side.md"


@pytest.mark.parametrize("kind, filled, unfilled", [
    ("skabelon", {f"fil: {page_written('fil')}": "fil: referat.docx",
                  f"beskrivelse: {page_written('fil_beskrivelse')}": "beskrivelse: Skabelon i Word"},
     [f"{PAGE}:13:11: fejl: 1. fil › fil: pladsholder: skriv navnet på filen, som ligger i samme mappe som "
      "siden, fx referat.docx",
      f"{PAGE}:13:40: fejl: 1. fil › beskrivelse: pladsholder: skriv, hvad filen er, fx Skabelon i Word",
      f"{PAGE}:15:1: fejl: sidens tekst: pladsholder: skriv sidens tekst i stedet for denne linje"]),
    ("vejledning", {}, [f"{PAGE}:12:1: fejl: sidens tekst: pladsholder: skriv sidens tekst i stedet for denne linje"]),
    ("video", {f"url: {page_written('video_url')}": "url: https://www.youtube.com/watch?v=Xk3vB7pQm2A",
               f"varighed: {page_written('video_varighed')}": "varighed: 4 min.",
               "Skriv her, hvad der bliver sagt i videoen.": "Velkommen til videoen."},
     [f"{PAGE}:12:14: fejl: video › url: pladsholder: skriv adressen på videoen på YouTube eller Vimeo, fx "
      "https://www.youtube.com/watch?v=…",
      f"{PAGE}:12:47: fejl: video › varighed: pladsholder: skriv, hvor lang videoen er, fx 12 min.",
      f"{PAGE}:14:1: fejl: sidens tekst: pladsholder: skriv sidens tekst i stedet for denne linje",
      f"{PAGE}:18:1: fejl: sidens tekst: pladsholder: skriv, hvad der bliver sagt i videoen, i stedet for denne "
      "linje"]),
    ("link", {f"url: {page_written('link_url')}": "url: https://www.retsinformation.dk/",
              f"udgiver: {page_written('link_udgiver')}": "udgiver: Retsinformation"},
     [f"{PAGE}:12:13: fejl: link › url: pladsholder: skriv adressen på den side, der linkes til; den starter med "
      "https://",
      f"{PAGE}:12:43: fejl: link › udgiver: pladsholder: skriv, hvem der står bag siden, fx Retsinformation",
      f"{PAGE}:14:1: fejl: sidens tekst: pladsholder: skriv sidens tekst i stedet for denne linje"]),
])
def test_new_toolkit_page_passes_check_once_filled(empty_project: Path, kind: str, filled: dict[str, str],
                                                   unfilled: list[str]) -> None:
    result = run_build(empty_project, "new", "--type", kind, "proeve/ny-side")
    assert result.returncode == 0, result.stderr
    path = empty_project / PAGE
    assert result.stdout.strip() == PAGE
    (path.parent / "referat.docx").write_bytes(b"PK\x03\x04")
    left = run_build(empty_project, "check")
    assert left.errors == [
        f"{PAGE}:5:8: fejl: titel: pladsholder: skriv sidens rigtige titel",
        f"{PAGE}:7:8: fejl: intro: pladsholder: skriv en eller to sætninger om, hvad siden kan bruges til",
        f"{PAGE}:8:8: fejl: emner: skal have mindst én værdi", *unfilled]
    fill(path, {f"titel: {page_written('titel')}": "titel: En ny side",
                f"intro: {page_written('intro')}": "intro: Kort om siden.",
                "emner: []": "emner: [bestyrelsesarbejde]",
                'Skriv sidens tekst her. Brug "## " til overskrifter.': "Sådan bruger du siden.", **filled})
    check = run_build(empty_project, "check")
    assert check.errors == [], check.errors
    assert run_build(empty_project, "new", "--type", kind, "proeve/ny-side").returncode == 1


# ----------------------------------------------------------------------------- schemas


def test_schemas_in_the_repository_match_the_models_and_taxonomy() -> None:
    from catalogue.project import Project
    from catalogue.schemas import stale_schemas
    from catalogue.validation import load_taxonomy

    project = Project(REPO)
    taxonomy, _ = load_taxonomy(project)
    assert stale_schemas(project, taxonomy) == []


def validate_with_schema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    """Validate YAML files as VS Code's YAML extension would: against the JSON Schema, nothing else."""
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(REPO / "schemas" / schema),
                           *map(str, files)], capture_output=True, text=True)


def test_every_sample_course_is_valid_against_the_schema() -> None:
    result = validate_with_schema("course.schema.json", *sorted((REPO / "courses").glob("*.yml")))
    assert result.returncode == 0, result.stdout
    for name in ("taxonomy", "department"):
        assert validate_with_schema(f"{name}.schema.json", REPO / "config" / f"{name}.yml").returncode == 0


@pytest.mark.parametrize("schema, folder", [("path.schema.json", "forloeb"),
                                            ("evaluation.schema.json", "evalueringer")])
def test_every_sample_path_and_evaluation_file_is_valid_against_its_schema(tmp_path: Path, schema: str,
                                                                            folder: str) -> None:
    files = sorted((REPO / folder).glob("*.yml"))
    assert files
    result = validate_with_schema(schema, *files)
    assert result.returncode == 0, result.stdout
    # and the schema can fail: a rating out of range, a step's key misspelt, a path of one step
    broken = tmp_path / "broken.yml"
    text = files[0].read_text(encoding="utf-8")
    if folder == "forloeb":
        steps = text.split("\n  - ")
        broken.write_text(steps[0] + "\n  - " + steps[1].replace("hvornaar:", "hvornår:") + "\n", encoding="utf-8")
        expected = ["'hvornår' was unexpected", "is too short"]
    else:
        broken.write_text(re.sub(r"samlet: [\d.]+", "samlet: 6", text, count=1), encoding="utf-8")
        expected = ["6 is greater than the maximum of 5"]
    result = validate_with_schema(schema, broken)
    assert result.returncode == 1
    for problem in expected:
        assert problem in result.stdout, (problem, result.stdout)


def test_schema_underlines_a_broken_course(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(VALID.replace("form: fysisk", "form: fysik").replace("pris: 1200", "pris: 5.100")
                      .replace("tilmelding: mailto:", "tilmelding: http://").replace("niveau: [ny]", "niveu: [ny]"),
                      encoding="utf-8")
    result = validate_with_schema("course.schema.json", broken)
    assert result.returncode == 1
    for problem in ["'fysik' is not one of", "5.1 is not of type 'integer'", "$.hold[0].tilmelding",
                    "'niveu' was unexpected", "'niveau' is a required property"]:
        assert problem in result.stdout, problem


def test_schema_offers_labels_for_taxonomy_values() -> None:
    import json

    schema = json.loads((REPO / "schemas" / "course.schema.json").read_text(encoding="utf-8"))
    form = schema["properties"]["form"]
    assert form["enum"] == ["fysisk", "online", "hybrid"]
    assert form["markdownEnumDescriptions"][0].startswith("Fremmøde")
    assert schema["properties"]["titel"]["description"] == "Kursets titel, 3–120 tegn"


def test_vscode_uses_the_schemas() -> None:
    import json

    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["./schemas/course.schema.json"] == ["courses/*.yml"]
    assert settings["yaml.schemas"]["./schemas/path.schema.json"] == ["forloeb/*.yml"]
    assert settings["yaml.schemas"]["./schemas/evaluation.schema.json"] == ["evalueringer/*.yml"]
    for path in settings["yaml.schemas"]:
        assert (REPO / path).is_file()


# ----------------------------------------------------------------------------- annotations

ANNOTATION = re.compile(r"^::(error|warning) file=([^,:]+),line=(\d+),col=(\d+)::(.+)$")


def test_github_annotations_are_well_formed(empty_project: Path) -> None:
    (empty_project / "courses" / "brudt.yml").write_text(
        VALID.replace("form: fysisk", "form: fysik").replace("pris: 1200", "pris: 100%"), encoding="utf-8")
    plain = subprocess.run([sys.executable, "build.py", "check"], cwd=empty_project, capture_output=True, text=True,
                           env={k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"})
    assert not [line for line in plain.stdout.splitlines() if line.startswith("::")]
    on_github = subprocess.run([sys.executable, "build.py", "check"], cwd=empty_project, capture_output=True,
                               text=True, env={**os.environ, "GITHUB_ACTIONS": "true"})
    assert on_github.returncode == 1
    annotations = [line for line in on_github.stdout.splitlines() if line.startswith("::")]
    assert "::error file=courses/brudt.yml,line=7,col=7::form: 'fysik' er ikke en af formerne i " \
           "config/taxonomy.yml; mente du " \
           "'fysisk'?" in annotations
    assert "::error file=courses/brudt.yml,line=9,col=7::pris: '100%25' er ikke et helt tal skrevet med cifrene 0–9; " \
        "skriv fx 1200" in annotations
    # No warning per page due for review: GitHub shows 10 warnings of a step, the editor's own would be pushed out.
    assert not [line for line in annotations if "vaerktoejskasse/" in line]
    for line in annotations:
        assert ANNOTATION.match(line), line


# ----------------------------------------------------------------------------- workflows


def test_workflows_are_valid_github_actions() -> None:
    workflows = sorted((REPO / ".github" / "workflows").glob("*.yml"))
    assert [p.name for p in workflows] == ["links.yml", "publish.yml", "test.yml"]
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                             "vendor.github-workflows", *map(str, workflows)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_run_on_the_right_events() -> None:
    import yaml

    def triggers(name: str) -> dict:
        data = yaml.safe_load((REPO / ".github" / "workflows" / name).read_text(encoding="utf-8"))
        return data[True]  # PyYAML reads the key 'on' as true

    assert "pull_request" in triggers("test.yml")
    publish = triggers("publish.yml")
    assert publish["push"]["branches"] == ["main"]
    assert publish["schedule"][0]["cron"].split()[2:] == ["*", "*", "*"]  # every night
    links = triggers("links.yml")
    assert links["schedule"][0]["cron"].split()[4] == "1"  # once a week
    text = (REPO / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    assert "actions/deploy-pages" in text and "make site" in text


# ----------------------------------------------------------------------------- link check


class _LinkHandler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:  # noqa: N802
        if self.path == "/no-head":
            self.send_response(405)
        else:
            self.send_response(200 if self.path in ("/ok", "/no-head-ok") else 404)
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        self.send_response(200 if self.path in ("/ok", "/no-head") else 404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_link_check_reports_broken_links_at_their_line(tmp_path: Path) -> None:
    from catalogue.links import LinkInFile, check_links

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _LinkHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    page = tmp_path / "side.md"
    page.write_text(f"---\nlink: {{url: {base}/gone}}\n---\n[a]({base}/ok) [b]({base}/no-head)\n", encoding="utf-8")
    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        refused = f"http://127.0.0.1:{closed.getsockname()[1]}/x"
    page.write_text(page.read_text(encoding="utf-8") + f"[c]({refused}) [d](https://ingen-vært.invalid/)\n",
                    encoding="utf-8")
    links = [LinkInFile(f"{base}/{path}", page, "content/side.md") for path in ("ok", "gone", "no-head")]
    links += [LinkInFile(url, page, "content/side.md") for url in (refused, "https://ingen-vært.invalid/")]
    try:
        found = check_links(links)
    finally:
        server.shutdown()
    assert [str(d) for d in found] == [
        f"content/side.md:2:1: advarsel: linket {base}/gone svarer 404: siden findes ikke",
        f"content/side.md:5:1: advarsel: linket {refused} kan ikke nås: sitet afviser forbindelsen",
        "content/side.md:5:1: advarsel: linket https://ingen-vært.invalid/ kan ikke nås: adressen findes ikke "
        "(navnet kan ikke slås op)"]


def test_outside_links_cover_sign_up_evaluation_toolkit_and_videos() -> None:
    from catalogue.catalogue import load_catalogue
    from catalogue.links import outside_links
    from catalogue.project import Project

    catalogue, _ = load_catalogue(Project(REPO))
    urls = {link.url for link in outside_links(catalogue)}
    assert "https://tilmelding.example.dk/introduktion-til-bestyrelsesarbejdet/2027-03" in urls
    assert "https://evaluering.example.dk/introduktion-til-bestyrelsesarbejdet" in urls
    assert "https://www.retsinformation.dk/" in urls
    assert "https://www.youtube.com/watch?v=Xk3vB7pQm2A" in urls
    assert not any(url.startswith("mailto:") for url in urls)


def test_check_warns_when_the_taxonomy_has_outgrown_the_schemas(empty_project: Path) -> None:
    taxonomy = empty_project / "config" / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace(
        "\nniveauer:", "  digitalisering:\n    navn: Digitalisering\n\nniveauer:"), encoding="utf-8")
    result = run_build(empty_project, "check")
    assert result.returncode == 0
    assert "schemas/course.schema.json:1:1: advarsel: skemaet passer ikke længere til " \
           "config/taxonomy.yml; kør " \
           "'make schemas'" in result.lines
    assert run_build(empty_project, "schemas").returncode == 0
    assert not [line for line in run_build(empty_project, "check").lines if line.startswith("schemas/")]


def test_the_site_shows_the_scaffolds_that_new_writes(empty_project: Path, sample_site: Path) -> None:
    """/om/nye-filer/ gives an editor on GitHub's web pages the very text `new` writes, to copy."""
    from bs4 import BeautifulSoup

    page = BeautifulSoup((sample_site / "om" / "nye-filer" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    shown = [block.get_text() for block in page.select("pre.ny-fil code")]
    assert run_build(empty_project, "new", "budget-for-begyndere").returncode == 0
    written = [(empty_project / "courses" / "budget-for-begyndere.yml").read_text(encoding="utf-8")]
    for kind in ("skabelon", "vejledning", "video", "link"):
        result = run_build(empty_project, "new", "--type", kind, f"proeve/{kind}")
        assert result.returncode == 0, result.stderr
        text = (empty_project / result.stdout.strip()).read_text(encoding="utf-8")
        written.append(re.sub(r"^revideret: .*$", f"revideret: {REFERENCE_DATE}", text, flags=re.MULTILINE))
    assert shown == written
    assert "Skriv kursets titel her" in shown[0]


def test_copying_a_scaffold_from_the_site_takes_the_whole_text(browser: Any, base_url: str, sample_site: Path) -> None:
    """On /om/nye-filer/, 'Kopiér teksten' puts the file's whole text on the clipboard; without JavaScript the
    button is not there (it could not work), the text is."""
    context = browser.new_context(viewport={"width": 375, "height": 812})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + "om/nye-filer/")
    buttons = page.locator("button.kopier")
    assert buttons.count() == 5
    box = buttons.first.bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 44
    buttons.first.click()
    page.wait_for_function("document.querySelector('button.kopier').textContent.startsWith('Kopieret')")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("pre.ny-fil").first.text_content()
    assert copied.startswith("# yaml-language-server:") and "hold:" in copied
    context.close()
    without = browser.new_context(java_script_enabled=False)
    page = without.new_page()
    page.goto(base_url + "om/nye-filer/")
    assert page.locator("button.kopier").first.is_hidden()
    assert page.locator("pre.ny-fil").first.is_visible()
    without.close()


def test_a_toolkit_page_named_without_its_folder_goes_into_its_types_folder(empty_project: Path) -> None:
    result = run_build(empty_project, "new", "--type", "skabelon", "referat-af-moedet")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "content/vaerktoejskasse/skabeloner/referat-af-moedet.md"
    assert (empty_project / "content" / "vaerktoejskasse" / "skabeloner" / "referat-af-moedet.md").is_file()


def test_ctrl_c_stops_the_preview_and_says_so(empty_project: Path, tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    port = free_port()
    with log.open("w") as output:
        server = subprocess.Popen([sys.executable, "build.py", "serve", "--port", str(port), "--dato", REFERENCE_DATE],
                                  cwd=empty_project, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for(lambda: fetch(f"http://127.0.0.1:{port}/")[0] == 200, what="the preview to start")
        os.killpg(server.pid, signal.SIGINT)  # what Ctrl+C in the terminal sends
        assert server.wait(timeout=20) == 0
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
    printed = log.read_text(encoding="utf-8")
    assert printed.rstrip().endswith("Forhåndsvisningen er stoppet.")
    assert "Traceback" not in printed
