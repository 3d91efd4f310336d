"""Every toolkit front matter rule (FORMAT.md §2): a bad page and the exact line `check` prints for it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import Result, copy_project, run_build

FOLDER = "content/vaerktoejskasse/proeve"

VALID = """\
---
titel: Referat af bestyrelsesmøde
type: skabelon
intro: Skabelon til referatet af jeres bestyrelsesmøder.
emner: [bestyrelsesarbejde]
revideret: 2026-09-01
filer:
  - {fil: referat.docx, beskrivelse: Skabelon i Word}
---
Skriv referatet samme dag som mødet.
"""

VIDEO = """\
---
titel: Dirigent på afdelingsmødet
type: video
intro: En kort video om dirigentens opgaver.
emner: [afdelingsmoede]
revideret: 2026-09-01
video: {url: https://www.youtube.com/watch?v=Xk3vB7pQm2A, varighed: 12 min., undertekster: true}
---
Se videoen.
"""

LINK = """\
---
titel: Lov om almene boliger
type: link
intro: Loven på Retsinformation.
emner: [lovgivning]
revideret: 2026-09-01
link: {url: https://www.retsinformation.dk/, udgiver: Retsinformation}
---
Søg efter loven.
"""


def variant(base: str, old: str, new: str) -> str:
    assert old in base, old
    return base.replace(old, new, 1)


CASES: list[tuple[str, str, list[str]]] = [
    ("uden-front-matter", "# Referat\n\nTekst.\n",
     ["1:1: fejl: siden mangler nøglerne øverst: start filen med en linje '---', så nøglerne titel, type, intro, "
      "emner og revideret, og så en linje '---'"]),
    ("front-matter-ikke-lukket", VALID.replace("---\nSkriv", "Skriv"),
     ["1:1: fejl: siden mangler nøglerne øverst: start filen med en linje '---', så nøglerne titel, type, intro, "
      "emner og revideret, og så en linje '---'"]),
    ("engelsk-noegle", variant(VALID, "titel:", "title:"),
     ["2:1: fejl: title: ukendt nøgle 'title'; mente du 'titel'?"]),
    # FORMAT.md 2.1: bidirectional controls reorder what residents read; in a page's text too, at the character.
    ("tekst-med-retningstegn", variant(VALID, "Skriv referatet samme", "Skriv \u202ereferatet samme"),
     ["10:7: fejl: sidens tekst: indeholder et retningstegn, der vender teksten (U+202E), som ikke ses, men kommer "
      "med på siden; det følger ofte med, når tekst kopieres. Slet tegnet, eller skriv teksten igen uden at "
      "kopiere den ind"]),
    ("titel-med-nulbredde-mellemrum", variant(VALID, "titel: Referat", "titel: Refe\u200brat"),
     ["2:12: fejl: titel: indeholder et nulbredde-mellemrum (U+200B), som ikke ses, men kommer med på siden; det "
      "følger ofte med, når tekst kopieres. Slet tegnet, eller skriv teksten igen uden at kopiere den ind"]),
    ("ukendt-type", variant(VALID, "type: skabelon", "type: skabeloner"),
     ["3:7: fejl: type: 'skabeloner' er ikke en type materiale; mente du 'skabelon'?"]),
    ("skabelon-uden-filer", variant(VALID, "filer:\n  - {fil: referat.docx, beskrivelse: Skabelon i Word}\n", ""),
     ["3:7: fejl: filer: mangler; en side med type 'skabelon' skal have mindst én fil, fx "
      "'filer: [{fil: referat.docx, beskrivelse: Skabelon i Word}]'"]),
    ("fil-findes-ikke", variant(VALID, "fil: referat.docx", "fil: refarat.docx"),
     [f"8:11: fejl: 1. fil › fil: filen 'refarat.docx' findes ikke i {FOLDER}/; filerne dér er: "
      "referat.docx"]),
    ("fil-mangler-i-listen", variant(VALID, "{fil: referat.docx, beskrivelse: Skabelon i Word}",
                                     "{beskrivelse: Skabelon i Word}"),
     ["8:5: fejl: 1. fil › fil: mangler; tilføj fx 'fil: referat.docx'"]),
    ("fil-uden-for-mappen", variant(VALID, "fil: referat.docx", "fil: ../../../build.py"),
     ["8:11: fejl: 1. fil › fil: '../../../build.py' skal være navnet på en fil i samme mappe som siden"]),
    ("video-mangler", variant(VIDEO, "video: {url: https://www.youtube.com/watch?v=Xk3vB7pQm2A, varighed: 12 min., "
                                     "undertekster: true}\n", ""),
     ["3:7: fejl: video: mangler; en side med type 'video' skal have fx 'video: {url: "
      "https://www.youtube.com/watch?v=…, varighed: 12 min., undertekster: true}'"]),
    ("video-ikke-youtube", variant(VIDEO, "https://www.youtube.com/watch?v=Xk3vB7pQm2A", "https://example.dk/film.mp4"),
     ["7:14: fejl: video › url: 'https://example.dk/film.mp4' er ikke en video på YouTube eller Vimeo; skriv fx "
      "https://www.youtube.com/watch?v=… eller https://vimeo.com/…"]),
    ("video-http", variant(VIDEO, "https://www.youtube.com", "http://www.youtube.com"),
     ["7:14: fejl: video › url: 'http://www.youtube.com/watch?v=Xk3vB7pQm2A' bruger http:, som ikke er sikker; "
      "skriv 'https://www.youtube.com/watch?v=Xk3vB7pQm2A'"]),
    ("undertekster-ja", variant(VIDEO, "undertekster: true", "undertekster: ja"),
     ["7:92: fejl: video › undertekster: skal være true (ja) eller false (nej), ikke 'ja'"]),
    ("link-mangler", variant(LINK, "link: {url: https://www.retsinformation.dk/, udgiver: Retsinformation}\n", ""),
     ["3:7: fejl: link: mangler; en side med type 'link' skal have fx 'link: {url: "
      "https://www.retsinformation.dk/, udgiver: Retsinformation}'"]),
    ("link-http", variant(LINK, "https://www.retsinformation.dk/", "http://www.retsinformation.dk/"),
     ["7:13: fejl: link › url: 'http://www.retsinformation.dk/' bruger http:, som ikke er sikker; skriv "
      "'https://www.retsinformation.dk/'"]),
    ("link-uden-adresse", variant(LINK, "url: https://www.retsinformation.dk/, ", ""),
     ["7:7: fejl: link › url: mangler; tilføj fx 'url: https://www.retsinformation.dk/'"]),
    ("revideret-forkert", variant(VALID, "revideret: 2026-09-01", "revideret: 1. september 2026"),
     ["6:12: fejl: revideret: '1. september 2026' er ikke skrevet som ÅÅÅÅ-MM-DD; skriv '2026-09-01' "
      "(tirsdag 1. september 2026)"]),
    ("revideret-mangler", variant(VALID, "revideret: 2026-09-01\n", ""),
     ["2:1: fejl: revideret: mangler; tilføj fx 'revideret: 2026-09-01'"]),
    ("intro-for-lang", variant(VALID, "intro: Skabelon til referatet af jeres bestyrelsesmøder.",
                               "intro: " + "ord " * 80),
     ["4:8: fejl: intro: er for lang (319 tegn); højst 300 tegn er tilladt, så gør teksten kortere"]),
    ("ukendt-emne", variant(VALID, "emner: [bestyrelsesarbejde]", "emner: [bestyrelse]"),
     ["5:9: fejl: 1. emne: 'bestyrelse' er ikke et af emnerne i config/taxonomy.yml; mente du 'bestyrelsesarbejde'?"]),
    ("ukendt-maalgruppe", variant(VALID, "revideret:", "målgruppe: [formænd]\nrevideret:"),
     ["6:13: fejl: 1. målgruppe: 'formænd' er ikke en af målgrupperne i config/taxonomy.yml; skriv en af: "
      "'afdelingsbestyrelse', 'organisationsbestyrelse', 'repraesentantskab', 'beboere', 'ansatte'"]),
    ("dobbelt-noegle", variant(VALID, "revideret: 2026-09-01\n", "revideret: 2026-09-01\nrevideret: 2026-10-01\n"),
     ["7:1: fejl: revideret: nøglen står to gange, i linje 6 ('2026-09-01') og i linje 7 ('2026-10-01'); slet den "
      "linje, hvis værdi ikke er den rigtige"]),
    ("tabulator", variant(VALID, "  - {fil:", "\t- {fil:"),
     ["8:1: fejl: tabulatortegn kan ikke bruges i filen; skriv 2 mellemrum foran i stedet"]),
    ("titel-med-linjeskift", variant(VALID, "titel: Referat af bestyrelsesmøde", 'titel: "Referat\\naf møde"'),
     ["2:8: fejl: titel: må kun fylde én linje; skriv teksten på samme linje som nøglen, uden linjeskift"]),
    ("fil-uden-for-mappen", variant(VALID, "{fil: referat.docx,", "{fil: ../../../build.py,"),
     ["8:11: fejl: 1. fil › fil: '../../../build.py' skal være navnet på en fil i samme mappe som siden"]),
    ("tekst-med-script", variant(VALID, "Skriv referatet samme dag som mødet.\n",
                                 "Skriv referatet samme dag som mødet.\n\n<script>alert(1)</script>\n"),
     ["12:1: advarsel: sidens tekst: HTML-elementet <script> er ikke tilladt og bliver fjernet med alt, hvad der "
      "står i det; se i vejledningen, hvilken HTML du kan bruge"]),
    ("tekst-med-sitets-id-og-billede-udefra", variant(VALID, "Skriv referatet samme dag som mødet.\n",
                                                      "Skriv referatet.\n\n<p id=\"__config\">{}</p>\n\n"
                                                      "![Spor](//evil.example/spor.png)\n"),
     ["12:1: advarsel: sidens tekst: id'en '__config' bruges af sitet selv og bliver fjernet; giv elementet en "
      "anden id, der ikke starter med '_' eller 'tilmelding-'",
      "14:9: advarsel: sidens tekst: billeder skal ligge på sitet (i samme mappe som siden); et billede fra et "
      "andet site bliver fjernet, fordi læserens browser ellers henter det derfra"]),
    # A link to a file of the site that is not there (the page's own file, a generated page, a folder, an outside
    # address and code are not)
    ("link-der-ikke-findes", variant(VALID, "Skriv referatet samme dag som mødet.\n",
                                     "Se [skabelonen](referat.docx), [kurserne](../../kurser/index.md), "
                                     "[mappen](../) og [nettet](https://example.dk/x.md).\n\n"
                                     "Læs [vejledningen](../vejledninger/findes-ikke.md#trin), ikke "
                                     "`[kode](ikke.md)`.\n\n![Plan](plan.png)\n"),
     ["12:20: advarsel: '../vejledninger/findes-ikke.md#trin' peger på "
      "content/vaerktoejskasse/vejledninger/findes-ikke.md, som ikke findes; ret stien",
      f"14:9: advarsel: 'plan.png' peger på {FOLDER}/plan.png, som ikke findes; ret stien"]),
    ("revideret-i-fremtiden", variant(VALID, "revideret: 2026-09-01", "revideret: 2027-09-01"),
     ["6:12: advarsel: revideret: 1. september 2027 er efter i dag (26. november 2026); skriv den dag, siden "
      "sidst blev gennemgået, senest i dag"]),
    ("pladsholder-i-teksten", variant(VALID, "Skriv referatet samme dag som mødet.\n",
                                      'Skriv sidens tekst her. Brug "## " til overskrifter.\n'),
     ["10:1: fejl: sidens tekst: pladsholder: skriv sidens tekst i stedet for denne linje"]),
    ("syntaksfejl", variant(VALID, "emner: [bestyrelsesarbejde]", "emner: [bestyrelsesarbejde"),
     ["5:8: fejl: emner: '[' bliver ikke lukket med ']'; skriv fx [oekonomi, lovgivning]"]),
]


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Result:
    root = copy_project(tmp_path_factory.mktemp("bad-toolkit") / "projekt", with_sample_courses=False)
    folder = root / FOLDER
    folder.mkdir()
    (folder / "referat.docx").write_bytes(b"PK\x03\x04 not really a document")
    for name, content, _ in CASES:
        (folder / f"{name}.md").write_text(content, encoding="utf-8")
    for name, content in [("gyldig-skabelon", VALID), ("gyldig-video", VIDEO), ("gyldigt-link", LINK)]:
        (folder / f"{name}.md").write_text(content, encoding="utf-8")
    return run_build(root, "check", "--dato", "2026-11-26")


@pytest.mark.parametrize("name, content, expected", CASES, ids=[c[0] for c in CASES])
def test_rule_reports_exact_line(checked: Result, name: str, content: str, expected: list[str]) -> None:
    prefix = f"{FOLDER}/{name}.md:"
    assert [line[len(prefix):] for line in checked.lines if line.startswith(prefix)] == expected


def test_all_problems_in_one_run(checked: Result) -> None:
    assert checked.returncode == 1
    assert "Traceback" not in checked.stdout + checked.stderr
    with_errors = {line.split(":", 1)[0] for line in checked.lines if ": fejl: " in line}
    assert with_errors == {f"{FOLDER}/{name}.md" for name, _, expected in CASES
                           if any(": fejl: " in line for line in expected)}


def test_index_page_in_the_toolkit_clashes_with_the_generated_one(empty_project: Path) -> None:
    (empty_project / "content" / "vaerktoejskasse" / "index.md").write_text("# Værktøjskassen\n", encoding="utf-8")
    result = run_build(empty_project, "check")
    assert "content/vaerktoejskasse/index.md:1:1: fejl: siden /vaerktoejskasse/index/ laves automatisk ud fra " \
           "kursusfilerne; flyt filen, eller slet den" in result.lines


def test_pages_due_for_review_are_a_count_and_a_report(empty_project: Path) -> None:
    folder = empty_project / FOLDER
    folder.mkdir()
    (folder / "referat.docx").write_bytes(b"PK\x03\x04")
    for name, reviewed in [("ny", "2026-06-01"), ("gammel", "2025-05-31"), ("aeldst", "2024-02-29")]:
        (folder / f"{name}.md").write_text(VALID.replace("2026-09-01", reviewed), encoding="utf-8")
    # check: one line with the count (the sample pages are due too), no warning per page
    check = run_build(empty_project, "check", "--dato", "2026-06-01")
    assert check.returncode == 0
    assert not [line for line in check.lines if "måneder siden" in line]
    due = re.search(r"^(\d+) sider i værktøjskassen skal gennemgås; se 'make review'$", check.stderr, re.MULTILINE)
    assert due, check.stderr
    review = run_build(empty_project, "review", "--dato", "2026-06-01")
    assert review.returncode == 0
    lines = review.stdout.splitlines()
    assert lines[0] == f"{due[1]} sider i værktøjskassen er ikke gennemgået i 12 måneder, ældste først:"
    assert lines[1:5] == ["", "  Referat af bestyrelsesmøde",  # the oldest first
                          "  sidst gennemgået 2024-02-29, for 2 år og 3 måneder siden", f"  {FOLDER}/aeldst.md:6"]
    at = lines.index(f"  {FOLDER}/gammel.md:6")
    assert lines[at - 1] == "  sidst gennemgået 2025-05-31, for 1 år siden"
    assert f"  {FOLDER}/ny.md:6" not in lines
    assert sum(line.startswith("  sidst gennemgået ") for line in lines) == int(due[1])
    # The review period is a setting of the department file.
    department = empty_project / "config" / "department.yml"
    department.write_text(department.read_text(encoding="utf-8").replace("revisionsperiode: 12",
                                                                          "revisionsperiode: 24"), encoding="utf-8")
    review = run_build(empty_project, "review", "--dato", "2026-06-01")
    assert [line for line in review.stdout.splitlines() if line.startswith(f"  {FOLDER}/")] == [
        f"  {FOLDER}/aeldst.md:6"]
    assert " ikke gennemgået i 24 måneder, ældste først:" in review.stdout.splitlines()[0]
