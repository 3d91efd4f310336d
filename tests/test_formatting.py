# ruff: noqa: E501 - the expected files hold lines as long as the editors write them
"""`build.py fmt`: files as Decap CMS writes them, back in the contract's shape, and nothing else changed."""

from __future__ import annotations

import os
import resource
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REFERENCE_DATE, REPO, Result, run_build

sys.path.insert(0, str(REPO))
from catalogue.formatting import format_project, formatted, formatted_page, formatted_path  # noqa: E402
from catalogue.project import Project  # noqa: E402
from catalogue.sources import LINK  # noqa: E402

# A course as Decap CMS 3.16 writes it (saved from the form in tests/test_cms_browser.py): a session's keys in
# its own order, the text folded with a blank line for each line break, a long line wrapped.
DECAP = """\
titel: Budgetopfølgning
intro: En aften om at følge afdelingens økonomi hen over året, så bestyrelsen
  opdager afvigelser i tide og kan handle på dem.
beskrivelse: >
  Budgettet er vedtaget – men hvordan går det så?


  ### Det lærer du

  - at læse en budgetopfølgning

  - at skelne mellem afvigelser
emner:
  - oekonomi
niveau:
  - mellem
form: fysisk
målgruppe:
  - afdelingsbestyrelse
pris: 650
materialer:
  - vaerktoejskasse/vejledninger/budgettet-trin-for-trin.md
  - vaerktoejskasse/skabeloner/dagsorden-bestyrelsesmoede.md
hold:
  - sted:
      navn: Fælleshuset Møllevangen
      adresse: Møllevangs Allé 100
      postnr: "8210"
      by: Aarhus V
    pladser: 18
    start: 2027-03-16 17:00
    tilmeldingsfrist: 2027-02-16
    status: venteliste
    region: midtjylland
    slut: 2027-03-16 21:00
    tilmelding: https://tilmelding.example.dk/budgetopfoelgning/aarhus
"""

CANONICAL = """\
titel: Budgetopfølgning
intro: En aften om at følge afdelingens økonomi hen over året, så bestyrelsen opdager afvigelser i tide og kan handle på dem.
beskrivelse: |
  Budgettet er vedtaget – men hvordan går det så?

  ### Det lærer du
  - at læse en budgetopfølgning
  - at skelne mellem afvigelser
emner: [oekonomi]
niveau: [mellem]
form: fysisk
målgruppe: [afdelingsbestyrelse]
pris: 650
materialer:
  - vaerktoejskasse/vejledninger/budgettet-trin-for-trin.md
  - vaerktoejskasse/skabeloner/dagsorden-bestyrelsesmoede.md
hold:
  - start: 2027-03-16 17:00
    slut: 2027-03-16 21:00
    sted:
      navn: Fælleshuset Møllevangen
      adresse: Møllevangs Allé 100
      postnr: "8210"
      by: Aarhus V
    region: midtjylland
    tilmeldingsfrist: 2027-02-16
    tilmelding: https://tilmelding.example.dk/budgetopfoelgning/aarhus
    status: venteliste
    pladser: 18
"""


def test_a_file_as_decap_writes_it_comes_back_in_the_contracts_shape() -> None:
    assert formatted(DECAP) == CANONICAL
    assert yaml.safe_load(CANONICAL) == yaml.safe_load(DECAP)
    assert formatted(CANONICAL) == CANONICAL


@pytest.mark.parametrize("path", sorted((REPO / "courses").glob("*.yml")), ids=lambda p: p.stem)
def test_a_course_written_by_hand_is_left_exactly_as_it_is(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert formatted(text) == text


@pytest.mark.parametrize("path", sorted((REPO / "content" / "vaerktoejskasse").rglob("*.md")), ids=lambda p: p.stem)
def test_a_toolkit_page_written_by_hand_is_left_exactly_as_it_is(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert formatted_page(text) == text


def test_comments_and_quotes_are_kept_when_keys_move() -> None:
    """No comment is lost. A comment line stays under the key above it (ruamel.yaml keeps it there), so in a
    file written by hand out of order it may end up above another key; Decap's files have no comments."""
    text = ('# Et kursus\ntitel: "Økonomi"\n# Prisen er uden moms\npris: 0\nintro: Kort.\nhold: []\n'
            'beskrivelse: |\n  Tekst.\n')
    assert formatted(text) == ('# Et kursus\ntitel: "Økonomi"\n# Prisen er uden moms\nintro: Kort.\n'
                               'beskrivelse: |\n  Tekst.\npris: 0\nhold: []\n')


def test_a_toolkit_pages_front_matter_is_reordered_and_its_text_kept() -> None:
    page = ("---\ntype: skabelon\ntitel: Referat\nintro: En skabelon.\nemner:\n  - kommunikation\n"
            "revideret: 2026-01-05\n---\nReferatet er bestyrelsens hukommelse.\n\n- punkt\n")
    assert formatted_page(page) == ("---\ntitel: Referat\ntype: skabelon\nintro: En skabelon.\n"
                                    "emner: [kommunikation]\nrevideret: 2026-01-05\n---\n"
                                    "Referatet er bestyrelsens hukommelse.\n\n- punkt\n")


def test_a_file_it_cannot_read_is_left_as_it_is_with_checks_problem(project: Path) -> None:
    broken = project / "courses" / "budgetopfoelgning.yml"
    text = broken.read_text(encoding="utf-8").replace("form: fysisk", "form fysisk:\n  - [")
    broken.write_text(text, encoding="utf-8")
    result = format_project(Project(project))
    assert [d.path for d in result.problems] == ["courses/budgetopfoelgning.yml"] and result.changed == []
    assert broken.read_text(encoding="utf-8") == text


def test_the_command_checks_then_rewrites(project: Path) -> None:
    course = project / "courses" / "budgetopfoelgning.yml"
    course.write_text(DECAP, encoding="utf-8")
    checked = run_build(project, "fmt", "--tjek")
    assert (checked.returncode, checked.lines) == (1, ["courses/budgetopfoelgning.yml"])
    assert checked.stderr.strip() == "1 fil er ikke skrevet i kontraktens rækkefølge; kør 'make fmt'."
    assert course.read_text(encoding="utf-8") == DECAP
    rewritten = run_build(project, "fmt")
    assert (rewritten.returncode, rewritten.lines, rewritten.stderr.strip()) == (
        0, ["courses/budgetopfoelgning.yml"], "1 fil skrevet om.")
    assert course.read_text(encoding="utf-8") == CANONICAL
    assert run_build(project, "fmt", "--tjek").returncode == 0


# A learning path as Decap's form may write it: the steps' keys in its own order, the audience as a block list, the
# description folded, a long line wrapped.
DECAP_PATH = """\
titel: Formand for afdelingsbestyrelsen
intro: Du er blevet formand, eller du overvejer det. Forløbet samler det, en
  formand skal kunne.
beskrivelse: >
  Som formand leder du bestyrelsens møder.


  Begynd med introduktionen.
målgruppe:
  - afdelingsbestyrelse
trin:
  - hvornaar: Når du er valgt som formand
    kursus: moedeledelse-for-formaend
  - note: Gennemgå forretningsordenen med bestyrelsen.
    materiale: vaerktoejskasse/skabeloner/forretningsorden-afdelingsbestyrelse.md
    hvornaar: På det første møde som formand
"""

CANONICAL_PATH = """\
titel: Formand for afdelingsbestyrelsen
intro: Du er blevet formand, eller du overvejer det. Forløbet samler det, en formand skal kunne.
beskrivelse: |
  Som formand leder du bestyrelsens møder.

  Begynd med introduktionen.
målgruppe: [afdelingsbestyrelse]
trin:
  - kursus: moedeledelse-for-formaend
    hvornaar: Når du er valgt som formand
  - materiale: vaerktoejskasse/skabeloner/forretningsorden-afdelingsbestyrelse.md
    hvornaar: På det første møde som formand
    note: Gennemgå forretningsordenen med bestyrelsen.
"""


def test_a_learning_path_as_decap_writes_it_comes_back_in_the_contracts_shape() -> None:
    assert formatted_path(DECAP_PATH) == CANONICAL_PATH
    assert yaml.safe_load(CANONICAL_PATH) == yaml.safe_load(DECAP_PATH)
    assert formatted_path(CANONICAL_PATH) == CANONICAL_PATH


@pytest.mark.parametrize("path", sorted((REPO / "forloeb").glob("*.yml")), ids=lambda p: p.stem)
def test_a_learning_path_written_by_hand_is_left_exactly_as_it_is(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert formatted_path(text) == text


def test_the_command_rewrites_a_learning_path_and_leaves_evaluations_alone(project: Path) -> None:
    path = project / "forloeb" / "formand-for-afdelingsbestyrelsen.yml"
    path.write_text(DECAP_PATH, encoding="utf-8")
    evaluation = next((project / "evalueringer").glob("*.yml"))
    before = evaluation.read_text(encoding="utf-8")
    checked = run_build(project, "fmt", "--tjek")
    assert (checked.returncode, checked.lines) == (1, ["forloeb/formand-for-afdelingsbestyrelsen.yml"])
    assert run_build(project, "fmt").returncode == 0
    assert path.read_text(encoding="utf-8") == CANONICAL_PATH
    assert evaluation.read_text(encoding="utf-8") == before


# ---------------------------------------------------------------------------
# What fmt reads and writes: the files check reads, each written whole or not at all
# ---------------------------------------------------------------------------

TOOLKIT_PAGE = ("---\ntype: skabelon\ntitel: Referat\nintro: En skabelon.\nemner:\n  - kommunikation\n"
                "revideret: 2026-01-05\n---\nReferatet er bestyrelsens hukommelse.\n")
TOOLKIT_PAGE_IN_SHAPE = ("---\ntitel: Referat\ntype: skabelon\nintro: En skabelon.\nemner: [kommunikation]\n"
                         "revideret: 2026-01-05\n---\nReferatet er bestyrelsens hukommelse.\n")


@pytest.mark.parametrize("folder, name, text, what", [
    ("forloeb", "formand-for-afdelingsbestyrelsen.yml", DECAP_PATH, "mappen"),  # a folder fmt reads
    ("content/vaerktoejskasse", "skabeloner/referat.md", TOOLKIT_PAGE, "stien"),  # a folder in one it reads
], ids=["forloeb", "vaerktoejskasse"])
def test_a_folder_linked_to_outside_the_repository_is_reported_and_nothing_there_written(
        project: Path, tmp_path: Path, folder: str, name: str, text: str, what: str) -> None:
    outside = tmp_path / "udenfor"
    shutil.move(project / folder, outside)
    (project / folder).symlink_to(outside, target_is_directory=True)
    (outside / name).write_text(text, encoding="utf-8")
    for arguments in (["fmt", "--tjek"], ["fmt"]):
        result = run_build(project, *arguments)
        assert (result.returncode, result.lines) == (1, [])
        assert result.stderr.splitlines()[0] == f"{folder}:1:1: fejl: {what} {LINK}"
        assert (outside / name).read_text(encoding="utf-8") == text


def test_a_file_linked_is_reported_and_not_written(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "kursus.yml"
    outside.write_text(DECAP, encoding="utf-8")
    (project / "courses" / "genvej.yml").symlink_to(outside)
    for arguments in (["fmt", "--tjek"], ["fmt"]):
        result = run_build(project, *arguments)
        assert (result.returncode, result.lines) == (1, [])
        assert result.stderr.splitlines()[0] == f"courses/genvej.yml:1:1: fejl: filen {LINK}"
        assert outside.read_text(encoding="utf-8") == DECAP
        assert (project / "courses" / "genvej.yml").is_symlink()


def test_a_file_written_with_crlf_keeps_its_line_breaks(project: Path) -> None:
    course = project / "courses" / "budgetopfoelgning.yml"
    page = project / "content" / "vaerktoejskasse" / "skabeloner" / "referat.md"
    course.write_bytes(DECAP.replace("\n", "\r\n").encode())
    page.write_bytes(TOOLKIT_PAGE.replace("\n", "\r\n").encode())
    result = run_build(project, "fmt")
    assert (result.returncode, result.lines) == (
        0, ["courses/budgetopfoelgning.yml", "content/vaerktoejskasse/skabeloner/referat.md"])
    assert course.read_bytes() == CANONICAL.replace("\n", "\r\n").encode()
    assert page.read_bytes() == TOOLKIT_PAGE_IN_SHAPE.replace("\n", "\r\n").encode()
    assert run_build(project, "fmt", "--tjek").returncode == 0  # in shape with CRLF: nothing to do


def test_a_rewritten_file_keeps_its_permissions(project: Path) -> None:
    course = project / "courses" / "budgetopfoelgning.yml"
    course.write_text(DECAP, encoding="utf-8")
    course.chmod(0o664)
    assert run_build(project, "fmt").lines == ["courses/budgetopfoelgning.yml"]
    assert course.read_text(encoding="utf-8") == CANONICAL
    assert stat.S_IMODE(course.stat().st_mode) == 0o664


def test_a_line_of_5000_characters_is_not_wrapped(project: Path) -> None:
    course = project / "courses" / "budgetopfoelgning.yml"
    intro = " ".join(["afvigelser"] * 500)[:5000]
    course.write_text(DECAP.replace("titel: Budgetopfølgning\n", f"intro: {intro}\ntitel: Budgetopfølgning\n", 1)
                      .replace("intro: En aften", "pris_note: En aften"), encoding="utf-8")
    assert run_build(project, "fmt").lines == ["courses/budgetopfoelgning.yml"]
    lines = course.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["titel: Budgetopfølgning", f"intro: {intro}"]


def test_an_impossible_date_is_checks_to_report_and_the_file_is_still_formatted() -> None:
    assert formatted(DECAP.replace("2027-02-16", "2027-02-30")) == CANONICAL.replace("2027-02-16", "2027-02-30")


def _problems_of(result: Result, path: str) -> list[str]:
    return [line for line in (result.stdout + result.stderr).splitlines() if line.startswith(f"{path}:")]


def test_a_file_that_cannot_be_checked_is_reported_as_check_reports_it_and_the_rest_formatted(project: Path) -> None:
    broken = project / "courses" / "budgetopfoelgning.yml"
    text = broken.read_text(encoding="utf-8").replace("form: fysisk", "form fysisk:\n  - [")
    broken.write_text(text, encoding="utf-8")
    said = _problems_of(run_build(project, "check", "--dato", REFERENCE_DATE), "courses/budgetopfoelgning.yml")
    assert said and all(": fejl: " in line for line in said)
    path = project / "forloeb" / "formand-for-afdelingsbestyrelsen.yml"
    path.write_text(DECAP_PATH, encoding="utf-8")

    checked = run_build(project, "fmt", "--tjek")
    assert (checked.returncode, checked.lines) == (1, ["forloeb/formand-for-afdelingsbestyrelsen.yml"])
    assert _problems_of(checked, "courses/budgetopfoelgning.yml") == said
    assert checked.stderr.splitlines()[-1] == ("1 fil er ikke skrevet i kontraktens rækkefølge; kør 'make fmt'. "
                                               "1 fil kunne ikke tjekkes; se ovenfor.")
    written = run_build(project, "fmt")
    assert (written.returncode, written.lines) == (1, ["forloeb/formand-for-afdelingsbestyrelsen.yml"])
    assert _problems_of(written, "courses/budgetopfoelgning.yml") == said
    assert path.read_text(encoding="utf-8") == CANONICAL_PATH
    assert broken.read_text(encoding="utf-8") == text
    assert (run_build(project, "fmt", "--tjek").returncode, broken.read_text(encoding="utf-8")) == (1, text)


def test_a_write_that_fails_leaves_the_file_as_it_was_and_nothing_beside_it(project: Path) -> None:
    """The disk "fills up" at 512 bytes: the kernel refuses to let build.py write any file past that size
    (RLIMIT_FSIZE; Python ignores SIGXFSZ, so the write fails with EFBIG as it would with ENOSPC)."""
    course = project / "courses" / "budgetopfoelgning.yml"
    course.write_text(DECAP, encoding="utf-8")
    before = sorted(os.listdir(course.parent))

    def full_at_512_bytes() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (512, 512))

    completed = subprocess.run([sys.executable, str(project / "build.py"), "fmt"], cwd=project, capture_output=True,
                               text=True, timeout=300, preexec_fn=full_at_512_bytes)
    assert completed.returncode == 1 and completed.stdout == ""
    assert completed.stderr.splitlines()[0] == ("courses/budgetopfoelgning.yml:1:1: fejl: filen kan ikke skrives om "
                                                "(filen bliver større, end der er lov til her); den er, som den var")
    assert course.read_text(encoding="utf-8") == DECAP
    assert sorted(os.listdir(course.parent)) == before
