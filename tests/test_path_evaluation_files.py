"""Every rule of a learning path (FORMAT.md §1b) and an evaluation file (§1a): a bad file and the exact line `check`
prints for it, as for course files (tests/test_validation.py) and toolkit pages (tests/test_toolkit_validation.py)."""

from __future__ import annotations

import html
import re
import shutil
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml
from conftest import REFERENCE_DATE, REPO, Result, copy_project, run_build

PATH = """\
titel: Prøveforløb for nye
intro: Et kort forløb til prøve.
beskrivelse: |
  Tag trinnene i rækkefølge.
målgruppe: [afdelingsbestyrelse]
trin:
  - kursus: introduktion-til-bestyrelsesarbejdet
    hvornaar: De første tre måneder
  - materiale: vaerktoejskasse/vejledninger/hvem-bestemmer-hvad.md
    note: Læs den før dit første møde.
"""

EVALUATION = """\
- hold: 2026-03-07
  deltagere: 22
  svar: 18
  samlet: 4.6
  anbefaler: 17
  citater:
    - Jeg fik mod på at lede vores møder.
- hold: 2026-09-19
  deltagere: 16
  svar: 11
  samlet: 4.2
"""

COURSES = ("introduktion-til-bestyrelsesarbejdet", "det-gode-bestyrelsesmoede")  # the courses the paths name
COURSE_OF_EVALUATIONS = "det-gode-bestyrelsesmoede"  # each evaluation case is a copy of this course, named as it


def variant(base: str, old: str, new: str) -> str:
    assert old in base, old
    return base.replace(old, new, 1)


PATH_CASES: list[tuple[str, str, list[str]]] = [
    ("noegle-med-aa", variant(PATH, "hvornaar:", "hvornår:"),
     ["8:5: fejl: 1. trin › hvornår: ukendt nøgle 'hvornår'; mente du 'hvornaar'?"]),
    ("engelsk-noegle", variant(PATH, "titel:", "title:"),
     ["1:1: fejl: title: ukendt nøgle 'title'; mente du 'titel'?"]),
    ("uden-titel", variant(PATH, "titel: Prøveforløb for nye\n", ""),
     ["1:1: fejl: titel: mangler; tilføj fx 'titel: Ny i afdelingsbestyrelsen – dit første år'"]),
    ("uden-intro", variant(PATH, "intro: Et kort forløb til prøve.\n", ""),
     ["1:1: fejl: intro: mangler; tilføj fx 'intro: Fra den første uge til det første afdelingsmøde.'"]),
    ("uden-maalgruppe", variant(PATH, "målgruppe: [afdelingsbestyrelse]\n", ""),
     ["1:1: fejl: målgruppe: mangler; tilføj fx 'målgruppe: [afdelingsbestyrelse]'"]),
    ("uden-trin", PATH.split("trin:")[0],
     ["1:1: fejl: trin: mangler; tilføj fx 'trin: [{kursus: introduktion-til-bestyrelsesarbejdet}, {kursus: "
      "det-gode-bestyrelsesmoede}]'"]),
    ("et-trin", PATH.split("  - materiale:")[0],
     ["7:3: fejl: trin: skal have mindst 2 punkter, men har 1"]),
    ("ukendt-maalgruppe", variant(PATH, "[afdelingsbestyrelse]", "[formænd]"),
     ["5:13: fejl: 1. målgruppe: 'formænd' er ikke en af målgrupperne i config/taxonomy.yml; skriv en af: "
      "'afdelingsbestyrelse', 'organisationsbestyrelse', 'repraesentantskab', 'beboere', 'ansatte'"]),
    ("trin-uden-kursus-og-materiale", variant(PATH, "  - kursus: introduktion-til-bestyrelsesarbejdet\n    hvornaar:",
                                              "  - hvornaar:"),
     ["7:5: fejl: 1. trin: mangler 'kursus' eller 'materiale'; skriv fx 'kursus: det-gode-bestyrelsesmoede' "
      "eller 'materiale: vaerktoejskasse/…/side.md'"]),
    ("trin-med-begge", variant(PATH, "    hvornaar: De første tre måneder\n",
                               "    materiale: vaerktoejskasse/vejledninger/hvem-bestemmer-hvad.md\n"),
     ["8:16: fejl: 1. trin › materiale: et trin er enten et kursus eller en side i værktøjskassen, ikke begge "
      "dele; gør siden til sit eget trin ('- materiale: …' på en ny linje)"]),
    ("kursus-findes-ikke", variant(PATH, "kursus: introduktion-til-bestyrelsesarbejdet",
                                   "kursus: introduktion-til-bestyrelsesarbejde"),
     ["7:13: fejl: 1. trin › kursus: der er intet kursus 'introduktion-til-bestyrelsesarbejde' "
      "(courses/introduktion-til-bestyrelsesarbejde.yml); mente du 'introduktion-til-bestyrelsesarbejdet'?"]),
    ("kursus-med-mappe", variant(PATH, "kursus: introduktion-til-bestyrelsesarbejdet",
                                 "kursus: courses/introduktion-til-bestyrelsesarbejdet.yml"),
     ["7:13: fejl: 1. trin › kursus: skriv kun navnet på kursets fil uden mappe og .yml: 'kursus: "
      "introduktion-til-bestyrelsesarbejdet'"]),
    ("materiale-findes-ikke", variant(PATH, "hvem-bestemmer-hvad.md", "hvem-bestemer-hvad.md"),
     ["9:16: fejl: 2. trin › materiale: 'vaerktoejskasse/vejledninger/hvem-bestemer-hvad.md' findes ikke under "
      "content/; mente du 'vaerktoejskasse/vejledninger/hvem-bestemmer-hvad.md'?"]),
    ("materiale-uden-md", variant(PATH, "hvem-bestemmer-hvad.md", "hvem-bestemmer-hvad"),
     ["9:16: fejl: 2. trin › materiale: skriv stien med .md til sidst: "
      "'vaerktoejskasse/vejledninger/hvem-bestemmer-hvad.md'"]),
    ("materiale-uden-for-vaerktoejskassen", variant(PATH, "vaerktoejskasse/vejledninger/hvem-bestemmer-hvad.md",
                                                    "om/index.md"),
     ["9:16: fejl: 2. trin › materiale: 'om/index.md' er ikke en side i værktøjskassen; skriv stien til en side "
      "under content/vaerktoejskasse/"]),
    ("samme-trin-to-gange", PATH + "  - kursus: introduktion-til-bestyrelsesarbejdet\n",
     ["11:13: advarsel: 3. trin › kursus: 'introduktion-til-bestyrelsesarbejdet' er også trin 1; slet det ene "
      "af dem"]),
    ("beskrivelse-med-html", variant(PATH, "  Tag trinnene i rækkefølge.\n",
                                     "  Tag trinnene i rækkefølge.\n\n  <script>alert(1)</script>\n"),
     ["6:3: advarsel: beskrivelse: HTML-elementet <script> er ikke tilladt og bliver fjernet med alt, hvad der "
      "står i det; se i vejledningen, hvilken HTML du kan bruge"]),
    # written as from content/forloeb/: a course's page is there, a page of a course that is not is not
    ("beskrivelse-med-brudt-link", variant(PATH, "  Tag trinnene i rækkefølge.\n",
                                           "  Start med [kurset](../kurser/introduktion-til-bestyrelsesarbejdet.md), "
                                           "ikke [det her](../kurser/intet.md).\n"),
     ["4:89: advarsel: beskrivelse: '../kurser/intet.md' peger på content/kurser/intet.md, som ikke findes; ret "
      "stien"]),
    ("en-liste", "- titel: Prøveforløb\n- intro: Et forløb.\n",
     ["1:1: fejl: filen skal bestå af nøgler med værdier (fx 'titel: Det gode bestyrelsesmøde'), ikke af en liste "
      "eller en enkelt værdi"]),
    ("tom", "",
     ["1:1: fejl: filen er tom; skriv nøglerne som 'titel: ...' én pr. linje"]),
    # hostile input
    ("materiale-sti-ud", variant(PATH, "vaerktoejskasse/vejledninger/hvem-bestemmer-hvad.md", "../../etc/passwd"),
     ["9:16: fejl: 2. trin › materiale: '../../etc/passwd' skal være stien til en side i værktøjskassen under "
      "content/, fx vaerktoejskasse/skabeloner/referat-bestyrelsesmoede.md"]),
    ("materiale-javascript", variant(PATH, "vaerktoejskasse/vejledninger/hvem-bestemmer-hvad.md",
                                     "javascript:alert(1)"),
     ["9:16: fejl: 2. trin › materiale: 'javascript:alert(1)' skal være stien til en side i værktøjskassen "
      "under content/, fx vaerktoejskasse/skabeloner/referat-bestyrelsesmoede.md"]),
    ("kursus-javascript", variant(PATH, "kursus: introduktion-til-bestyrelsesarbejdet",
                                  "kursus: javascript:alert(1)"),
     ["7:13: fejl: 1. trin › kursus: der er intet kursus 'javascript:alert(1)' "
      "(courses/javascript:alert(1).yml); skriv navnet på kursets fil i courses/ uden .yml"]),
    ("kursus-stort-tal", variant(PATH, "kursus: introduktion-til-bestyrelsesarbejdet",
                                 "kursus: " + "9" * 400),
     ["7:13: fejl: 1. trin › kursus: er for lang (400 tegn); højst 300 tegn er tilladt, så gør teksten "
      "kortere"]),
]

EVALUATION_CASES: list[tuple[str, str, list[str]]] = [
    ("svar-over-deltagere", variant(EVALUATION, "svar: 11", "svar: 17"),
     ["10:9: fejl: 2. punkt › svar: 17 svar er flere end de 16 deltagere; ret antallet af svar eller af deltagere"]),
    ("samlet-mangler", variant(EVALUATION, "  samlet: 4.2\n", ""),
     ["8:3: fejl: 2. punkt › samlet: mangler; med 11 svar skal gennemsnittet af den samlede vurdering med, fx "
      "'samlet: 4.5'"]),
    ("samlet-uden-svar", variant(EVALUATION, "svar: 11", "svar: 0"),
     ["11:11: fejl: 2. punkt › samlet: der er ingen svar (svar: 0), så der er ingen vurdering; slet 'samlet', "
      "eller skriv det rigtige antal svar"]),
    ("anbefaler-over-svar", variant(EVALUATION, "anbefaler: 17", "anbefaler: 19"),
     ["5:14: fejl: 1. punkt › anbefaler: 19 er flere end de 18 svar; 'anbefaler' er, hvor mange af svarene der "
      "vil anbefale kurset"]),
    ("samme-hold-to-gange", variant(EVALUATION, "hold: 2026-09-19", "hold: 2026-03-07"),
     ["8:9: fejl: 2. punkt › hold: holdet 2026-03-07 er også evalueret i punkt 1; læg tallene sammen i ét "
      "punkt, eller ret datoen"]),
    ("hold-ikke-holdt-endnu", variant(EVALUATION, "hold: 2026-09-19", "hold: 2027-09-18"),
     ["8:9: advarsel: 2. punkt › hold: holdet 2027-09-18 er ikke holdt endnu (i dag er det 15. januar 2027); "
      "ret datoen til holdets startdato"]),
    ("citat-med-e-mail", variant(EVALUATION, "vores møder.", "vores møder. Skriv til jens@example.dk"),
     ["7:7: fejl: 1. punkt › 1. citat: citatet indeholder en e-mailadresse; citater skal være anonyme, så "
      "fjern alt, der kan vise, hvem der har skrevet det"]),
    ("citat-med-telefon", variant(EVALUATION, "vores møder.", "vores møder. Ring på 12 34 56 78"),
     ["7:7: fejl: 1. punkt › 1. citat: citatet indeholder et telefonnummer; citater skal være anonyme, så "
      "fjern alt, der kan vise, hvem der har skrevet det"]),
    ("ukendt-noegle", variant(EVALUATION, "anbefaler: 17", "anbefalet: 17"),
     ["5:3: fejl: 1. punkt › anbefalet: ukendt nøgle 'anbefalet'; mente du 'anbefaler'?"]),
    ("samlet-med-komma", variant(EVALUATION, "samlet: 4.6", 'samlet: "4,6"'),
     ["4:11: fejl: 1. punkt › samlet: skriv tallet med punktum, ikke komma: 4.6"]),
    ("samlet-to-decimaler", variant(EVALUATION, "samlet: 4.6", "samlet: 4.65"),
     ["4:11: fejl: 1. punkt › samlet: må højst have én decimal; skriv fx 4.7"]),
    ("samlet-over-fem", variant(EVALUATION, "samlet: 4.6", "samlet: 6"),
     ["4:11: fejl: 1. punkt › samlet: 6 ligger ikke mellem 1.0 og 5.0 (5 er bedst); ret tallet"]),
    ("samlet-under-en", variant(EVALUATION, "samlet: 4.6", "samlet: 0.5"),
     ["4:11: fejl: 1. punkt › samlet: 0.5 ligger ikke mellem 1.0 og 5.0 (5 er bedst); ret tallet"]),
    ("svar-negativt", variant(EVALUATION, "svar: 11", "svar: -1"),
     ["10:9: fejl: 2. punkt › svar: må ikke være negativ; skriv 0 eller mere"]),
    ("deltagere-nul", variant(EVALUATION, "deltagere: 16", "deltagere: 0"),
     ["9:14: fejl: 2. punkt › deltagere: skal være større end 0"]),
    # FORMAT.md 2.1: one reading of a number (YAML 1.1 read 016 as 14 and 0x10 as 16).
    ("deltagere-med-nul-foran", variant(EVALUATION, "deltagere: 16", "deltagere: 016"),
     ["9:14: fejl: 2. punkt › deltagere: '016' begynder med 0, og nogle programmer læser det som et andet tal; "
      "skriv 16"]),
    ("svar-hex", variant(EVALUATION, "svar: 11", "svar: 0xB"),
     ["10:9: fejl: 2. punkt › svar: '0xB' er ikke et helt tal skrevet med cifrene 0–9; skriv fx 18"]),
    ("samlet-fuldbredde", variant(EVALUATION, "samlet: 4.6", 'samlet: "４.6"'),
     ["4:11: fejl: 1. punkt › samlet: '４.6' er ikke et tal fra 1.0 til 5.0; skriv fx 4.5"]),
    ("hold-ikke-en-dato", variant(EVALUATION, "hold: 2026-09-19", "hold: 19. september 2026"),
     ["8:9: fejl: 2. punkt › hold: '19. september 2026' er ikke skrevet som ÅÅÅÅ-MM-DD; skriv '2026-09-19' "
      "(lørdag 19. september 2026)"]),
    ("citat-for-langt", variant(EVALUATION, "Jeg fik mod på at lede vores møder.", "meget " * 60),
     ["7:7: fejl: 1. punkt › 1. citat: er for lang (359 tegn); højst 300 tegn er tilladt, så gør teksten "
      "kortere"]),
    ("en-mapping", "hold: 2026-03-07\ndeltagere: 22\nsvar: 18\nsamlet: 4.6\n",
     ["1:1: fejl: filen skal være en liste med ét punkt for hvert hold, og hvert punkt begynder med '- hold: "
      "ÅÅÅÅ-MM-DD' (se eksemplet i vejledningen)"]),
    ("tom", "",
     ["1:1: fejl: filen er tom; den skal være en liste med ét punkt for hvert hold, og hvert punkt begynder med '- "
      "hold: ÅÅÅÅ-MM-DD' (se eksemplet i vejledningen)"]),
    ("stort-tal", variant(EVALUATION, "deltagere: 16", "deltagere: " + "9" * 400),
     ["9:14: fejl: 2. punkt › deltagere: må højst være 10.000; skriv et mindre tal"]),
    ("samlet-uendelig", variant(EVALUATION, "samlet: 4.6", "samlet: .inf"),
     ["4:11: fejl: 1. punkt › samlet: '.inf' er ikke et tal fra 1.0 til 5.0; skriv fx 4.5"]),
    ("tom-liste", "[]\n",
     ["1:1: fejl: filen har ingen hold; skriv ét punkt for hvert hold, der er evalueret ('- hold: ÅÅÅÅ-MM-DD' …), "
      "eller slet filen"]),
]


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Result:
    root = copy_project(tmp_path_factory.mktemp("bad-paths") / "projekt", with_sample_courses=False)
    (root / "forloeb").mkdir()
    (root / "evalueringer").mkdir()
    for slug in COURSES:
        shutil.copy(REPO / "courses" / f"{slug}.yml", root / "courses" / f"{slug}.yml")
    for name, content, _ in PATH_CASES:
        (root / "forloeb" / f"{name}.yml").write_text(content, encoding="utf-8")
    (root / "forloeb" / "gyldigt.yml").write_text(PATH, encoding="utf-8")
    for name, content, _ in EVALUATION_CASES:
        course = f"evaluering-{name}"
        shutil.copy(REPO / "courses" / f"{COURSE_OF_EVALUATIONS}.yml", root / "courses" / f"{course}.yml")
        (root / "evalueringer" / f"{course}.yml").write_text(content, encoding="utf-8")
    (root / "evalueringer" / f"{COURSE_OF_EVALUATIONS}.yml").write_text(EVALUATION, encoding="utf-8")
    for name in FILE_NAME_CASES:
        folder = "forloeb" if name.startswith("forloeb/") else "evalueringer"
        (root / name).write_text(PATH if folder == "forloeb" else EVALUATION, encoding="utf-8")
    return run_build(root, "check", "--dato", REFERENCE_DATE)


# Each file is valid but for its name.
FILE_NAME_CASES: dict[str, list[str]] = {
    "evalueringer/det-gode-bestyrelsesmode.yml":
        ["1:1: fejl: der er intet kursus 'det-gode-bestyrelsesmode' (courses/det-gode-bestyrelsesmode.yml); en "
         "evalueringsfil skal hedde som kursets fil; mente du 'det-gode-bestyrelsesmoede.yml'?"],
    "forloeb/Nyt_Forloeb.yml":
        ["1:1: fejl: filnavnet 'Nyt_Forloeb.yml' er ikke tilladt: brug kun små bogstaver a–z, cifre og enkelte "
         "bindestreger, fx 'nyt-forloeb.yml'"],
    "forloeb/index.yml":
        ["1:1: fejl: filnavnet 'index.yml' er optaget af en side, som hjemmesiden selv laver; giv forløbet et andet "
         "navn"],
    "forloeb/nyt-forloeb.yaml":
        ["1:1: fejl: forløb skal ligge direkte i forloeb/ og hedde <navn>.yml, fx forloeb/nyt-forloeb.yml"],
}


def reported(result: Result, display: str) -> list[str]:
    prefix = f"{display}:"
    return [line[len(prefix):] for line in result.lines if line.startswith(prefix)]


@pytest.mark.parametrize("name, content, expected", PATH_CASES, ids=[c[0] for c in PATH_CASES])
def test_path_rule_reports_exact_line(checked: Result, name: str, content: str, expected: list[str]) -> None:
    assert reported(checked, f"forloeb/{name}.yml") == expected


@pytest.mark.parametrize("name, content, expected", EVALUATION_CASES, ids=[c[0] for c in EVALUATION_CASES])
def test_evaluation_rule_reports_exact_line(checked: Result, name: str, content: str, expected: list[str]) -> None:
    assert reported(checked, f"evalueringer/evaluering-{name}.yml") == expected


@pytest.mark.parametrize("name", FILE_NAME_CASES)
def test_file_name_rule_reports_exact_line(checked: Result, name: str) -> None:
    assert reported(checked, name) == FILE_NAME_CASES[name]


def test_all_problems_in_one_run(checked: Result) -> None:
    assert checked.returncode == 1
    assert "Traceback" not in checked.stdout + checked.stderr
    with_errors = {line.split(":", 1)[0] for line in checked.lines if ": fejl: " in line}
    expected = {f"forloeb/{name}.yml" for name, _, lines in PATH_CASES if any(": fejl: " in li for li in lines)}
    expected |= {f"evalueringer/evaluering-{name}.yml" for name, _, lines in EVALUATION_CASES
                 if any(": fejl: " in li for li in lines)}
    expected |= set(FILE_NAME_CASES)
    assert with_errors == expected
    # the valid files beside them say nothing
    assert not reported(checked, "forloeb/gyldigt.yml")
    assert not reported(checked, f"evalueringer/{COURSE_OF_EVALUATIONS}.yml")


def test_every_rule_of_the_tables_has_a_case() -> None:
    """Each row of PATH_CHECKS and EVALUATION_CHECKS is exercised by a case above (its message is expected)."""
    from catalogue.evaluations import EVALUATION_CHECKS
    from catalogue.learning_paths import PATH_CHECKS

    expected = "\n".join(line for _, _, lines in PATH_CASES + EVALUATION_CASES for line in lines)
    # one phrase of each row's message, in the order of the tables
    phrases = ["mangler 'kursus' eller 'materiale'", "der er intet kursus", "findes ikke under content/",
               "er også trin 1", "HTML-elementet <script>",
               "svar er flere end de", "med 11 svar skal gennemsnittet", "er flere end de 18 svar",
               "er også evalueret i punkt 1", "er ikke holdt endnu", "citatet indeholder"]
    assert len(phrases) == len(PATH_CHECKS) + len(EVALUATION_CHECKS)
    for phrase in phrases:
        assert phrase in expected, phrase


# ----------------------------------------------------------------------------- hostile files

SECRET = "HEMMELIG-5b1c2"


@pytest.mark.parametrize("planted", ["forloeb/laekket.yml", f"evalueringer/{COURSE_OF_EVALUATIONS}.yml",
                                     "forloeb", "evalueringer"])
def test_a_link_is_refused_and_never_read(project: Path, tmp_path: Path, planted: str) -> None:
    outside = tmp_path / "udenfor"
    outside.mkdir()
    (outside / "forloeb.yml").write_text(variant(PATH, "Et kort forløb til prøve.", SECRET), encoding="utf-8")
    (outside / "evaluering.yml").write_text(variant(EVALUATION, "Jeg fik mod på at lede vores møder.", SECRET),
                                            encoding="utf-8")
    (outside / "mappe").mkdir()
    (outside / "mappe" / f"{COURSE_OF_EVALUATIONS}.yml").write_text((outside / "evaluering.yml").read_text())
    (outside / "mappe" / "laekket.yml").write_text((outside / "forloeb.yml").read_text())
    target = project / planted
    if target.is_dir():
        shutil.rmtree(target)
    elif target.exists():
        target.unlink()
    target.symlink_to(outside / ("mappe" if "." not in planted else
                                 "forloeb.yml" if planted.startswith("forloeb/") else "evaluering.yml"))
    result = run_build(project, "build", "--dato", REFERENCE_DATE)
    assert result.returncode == 1
    what = "filen" if "." in planted else "mappen"
    assert [line for line in result.lines if line.startswith(f"{planted}:")] == [
        f"{planted}:1:1: fejl: {what} er en genvej (et symbolsk link); genveje bliver ikke læst eller offentliggjort, "
        "så læg en almindelig fil her i stedet"], result.lines
    assert SECRET not in result.stdout + result.stderr
    assert not (project / "site").exists()


def test_a_bad_path_file_leaves_the_site_untouched(project: Path) -> None:
    assert run_build(project, "build", "--dato", REFERENCE_DATE).returncode == 0
    site = project / "site"
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    path_file = project / "forloeb" / "ny-i-afdelingsbestyrelsen.yml"
    text = path_file.read_text(encoding="utf-8")
    path_file.write_text(variant(text, "kursus: det-gode-bestyrelsesmoede", "kursus: det-gode-bestyrelsesmode"),
                         encoding="utf-8")
    line = text.splitlines().index("  - kursus: det-gode-bestyrelsesmoede") + 1
    result = run_build(project, "build", "--dato", REFERENCE_DATE)
    assert result.returncode == 1
    assert f"forloeb/ny-i-afdelingsbestyrelsen.yml:{line}:13: fejl: 4. trin › kursus: der er intet kursus " \
           "'det-gode-bestyrelsesmode' (courses/det-gode-bestyrelsesmode.yml); mente du " \
           "'det-gode-bestyrelsesmoede'?" in result.lines
    after = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    assert after == before
    assert not list(project.glob(".site-*"))


# ----------------------------------------------------------------------------- the editors' guide

GUIDE = REPO / "content" / "om" / "redigering.md"


def guide_example(heading: str) -> tuple[str, str]:
    """The file named ('Filen `…`:') and the YAML shown under a heading of the editors' guide."""
    section = GUIDE.read_text(encoding="utf-8").split(f"\n### {heading}\n", 1)[1].split("\n## ", 1)[0]
    name = re.search(r"Filen `([^`]+)`:", section)
    example = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert name and example, heading
    return name[1], example[1]


def test_the_guides_examples_pass_check_and_show_what_the_guide_says(project: Path) -> None:
    path_name, path_example = guide_example("Eksempel: et nyt forløb")
    evaluation_name, evaluation_example = guide_example("Eksempel: evalueringerne af et kursus")
    assert path_name.startswith("forloeb/") and evaluation_name.startswith("evalueringer/")
    (project / path_name).write_text(path_example, encoding="utf-8")
    (project / evaluation_name).write_text(evaluation_example, encoding="utf-8")
    result = run_build(project, "build", "--dato", REFERENCE_DATE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert [line for line in result.lines if line.startswith((path_name, evaluation_name))] == []
    # The path's page: its steps in the file's order, each by its course's or page's title.
    steps = yaml.safe_load(path_example)["trin"]
    titles = []
    for step in steps:
        if "kursus" in step:
            titles.append(yaml.safe_load((project / "courses" / f"{step['kursus']}.yml").read_text())["titel"])
        else:
            front = (project / "content" / step["materiale"]).read_text(encoding="utf-8").split("---\n")[1]
            titles.append(yaml.safe_load(front)["titel"])
    slug = Path(path_name).stem
    page = html.unescape((project / "site" / "forloeb" / slug / "index.html").read_text(encoding="utf-8"))
    positions = [page.find(f">{title}</a>") for title in titles]
    assert -1 not in positions and positions == sorted(positions), list(zip(titles, positions, strict=True))
    assert f"Trin 2 af {len(steps)}" in html.unescape(
        (project / "site" / "kurser" / steps[1]["kursus"] / "index.html").read_text(encoding="utf-8"))
    # The rating, computed here from the example, on the course's page and in the guide's own words.
    entries = yaml.safe_load(evaluation_example)
    answers = sum(e["svar"] for e in entries)
    average = (sum(Decimal(str(e["samlet"])) * e["svar"] for e in entries) / answers).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP)
    asked = [e for e in entries if "anbefaler" in e]
    recommend = (Decimal(100 * sum(e["anbefaler"] for e in asked)) / sum(e["svar"] for e in asked)).quantize(
        Decimal("1"), rounding=ROUND_HALF_UP)
    years = sorted({e["hold"].year for e in entries})
    period = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    said = [f"Deltagernes vurdering: {str(average).replace('.', ',')} ud af 5",
            f"{answers} svar fra {len(entries)} hold, {period}", f"{recommend} % vil anbefale kurset"]
    course = Path(evaluation_name).stem
    shown = html.unescape((project / "site" / "kurser" / course / "index.html").read_text(encoding="utf-8"))
    shown = shown.replace("\xa0", " ")
    guide = GUIDE.read_text(encoding="utf-8")
    for text in said:
        assert text in shown, text
        assert f'"{text}"' in guide, text
