"""What an editor writes is what residents see (FORMAT.md 2.1): a value that looks like a number to YAML 1.1 ('0700',
'20:00', '1_000', '1.50') stays the text written wherever text is expected, and the numbers are the ones written.

The wrong readings these guard against were published before: 'varighed: 1.50' showed "1.5", 'note: 0700' showed
"448", 'pris_note: 20:00' showed "1200" and 'postnr: 0555' was refused as '365'.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from conftest import REFERENCE_DATE, copy_project, run_build

COURSE = """\
titel: 2027
intro: Et kursus, hvis værdier ligner tal.
beskrivelse: |
  Indhold.
emner: [bestyrelsesarbejde]
niveau: [ny]
form: fysisk
målgruppe: [afdelingsbestyrelse]
varighed: 1.50
pris: 1450
pris_note: 20:00
forplejning: 1_000
undervisere:
  - {navn: 0x10, rolle: 0o7}
hold:
  - start: 2027-03-06 09:30
    slut: 2027-03-06 15:30
    sted: {navn: 010, adresse: Eksempelvej 1e3, postnr: 0555, by: .inf}
    region: hovedstaden
    tilmeldingsfrist: 2027-02-05
    tilmelding: mailto:kursus@example.dk
    pladser: 20
    note: 0700
"""

WRITTEN = ["1.50", "20:00", "1_000", "0x10", "0o7", "010", "Eksempelvej 1e3", "0555 .inf", "0700"]


@pytest.fixture(scope="module")
def course_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    project = copy_project(tmp_path_factory.mktemp("exact") / "project", with_sample_courses=False)
    (project / "courses" / "tal-som-tekst.yml").write_text(COURSE, encoding="utf-8")
    built = run_build(project, "build", "--dato", REFERENCE_DATE)
    assert built.returncode == 0, built.stdout + built.stderr
    soup = BeautifulSoup((project / "site" / "kurser" / "tal-som-tekst" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    return re.sub(r"\s+", " ", soup.select_one("article").get_text(" "))


@pytest.mark.parametrize("written", WRITTEN)
def test_text_that_looks_like_a_number_is_shown_as_written(course_page: str, written: str) -> None:
    assert written in course_page


def test_the_numbers_are_the_ones_written(course_page: str) -> None:
    assert "1.450 kr." in course_page
    assert "20 pladser" in course_page
    for misread in ("1.5 ", "448", "1200", "1000", " 16 ", " 8 ", "365"):  # what YAML 1.1 makes of the values
        assert misread not in course_page
