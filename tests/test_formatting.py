# ruff: noqa: E501 - the expected files hold lines as long as the editors write them
"""`build.py fmt`: files as Decap CMS writes them, back in the contract's shape, and nothing else changed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, run_build

sys.path.insert(0, str(REPO))
from catalogue.formatting import format_project, formatted, formatted_page, formatted_path  # noqa: E402
from catalogue.project import Project  # noqa: E402

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


def test_a_file_it_cannot_read_is_left_for_check(project: Path) -> None:
    broken = project / "courses" / "budgetopfoelgning.yml"
    text = broken.read_text(encoding="utf-8").replace("form: fysisk", "form fysisk:\n  - [")
    broken.write_text(text, encoding="utf-8")
    result = format_project(Project(project))
    assert result.skipped == [broken] and result.changed == []
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
