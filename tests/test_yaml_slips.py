"""YAML slips: each one reported at the line the editor broke, naming its key, with advice that fixes exactly it.

A YAML parser fails where it gives up, often lines after the slip. These files are what editors
write by mistake (found by trying the format as a new editor would); all of them are checked in
one run of the real ``build.py check``, and each must print exactly its line.
"""

from __future__ import annotations

import random
import re
import sys

import pytest
from conftest import REPO, Result, copy_project, run_build

sys.path.insert(0, str(REPO))
from catalogue.validation import COURSE_KEYS  # noqa: E402
from catalogue.yamlsource import load_yaml_file  # noqa: E402

# Two sessions, the second with its venue as a nested mapping, as editors write both.
VALID = """\
titel: Det gode bestyrelsesmøde
intro: Få styr på dagsorden, mødeledelse og referat.
beskrivelse: |
  Vi gennemgår hele mødet fra indkaldelse til referat.
emner: [bestyrelsesarbejde, kommunikation]
niveau: [ny]
form: fysisk
målgruppe: [afdelingsbestyrelse]
pris: 1200
kontakt: kursus@example.dk
hold:
  - start: 2027-03-06 09:30
    slut: 2027-03-06 15:30
    sted: {navn: Kursuscenter Valby, adresse: Eksempelvej 1, postnr: "2500", by: Valby}
    region: hovedstaden
    tilmeldingsfrist: 2027-02-05
    tilmelding: mailto:kursus@example.dk
  - start: 2027-06-12 09:30
    slut: 2027-06-12 15:30
    sted:
      navn: Fælleshuset Vestergården
      adresse: Vestergade 30
      postnr: "8230"
      by: Åbyhøj
    region: midtjylland
    tilmeldingsfrist: 2027-05-14
    tilmelding: mailto:kursus@example.dk
"""


def variant(old: str, new: str) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, 1)


# (file name, content, the one line `check` must print for it)
SLIPS: list[tuple[str, str, str]] = [
    ("kolon-glemt", variant("form: fysisk", "form fysisk"),
     "7:5: fejl: form: der mangler et kolon efter 'form'; skriv 'form: fysisk'"),
    ("kolon-glemt-i-foerste-linje", variant("titel: Det", "titel Det"),
     "1:6: fejl: titel: der mangler et kolon efter 'titel'; skriv 'titel: Det gode bestyrelsesmøde'"),
    ("kolon-glemt-efter-liste", variant("hold:\n", "hold\n"),
     "11:5: fejl: hold: der mangler et kolon efter 'hold'; skriv 'hold:'"),
    ("ukendt-noegle-uden-kolon", variant("pris: 1200", "prisen 1200"),
     "9:1: fejl: prisen: linjen har intet kolon, og 'prisen' er ikke en nøgle; mente du 'pris: 1200'?"),
    ("mellemrum-mangler-efter-kolon", variant("pris: 1200", "pris:1200"),
     "9:5: fejl: pris: der mangler et mellemrum efter kolonet; skriv 'pris: 1200'"),
    ("haardt-mellemrum-efter-kolon", variant("pris: 1200", "pris:\u00a01200"),
     "9:6: fejl: pris: efter kolonet står et hårdt mellemrum (ofte kopieret fra Word); skift det ud med et "
     "almindeligt mellemrum"),
    ("haardt-mellemrum-i-indrykningen", variant("    region: hovedstaden", "\u00a0\u00a0  region: hovedstaden"),
     "15:1: fejl: region: indrykningen indeholder et hårdt mellemrum (ofte kopieret fra Word); skriv indrykningen "
     "forfra med almindelige mellemrum"),
    ("tabulator-efter-kolon", variant("pris: 1200", "pris:\t1200"),
     "9:6: fejl: pris: tabulatortegn kan ikke bruges i filen; skriv et almindeligt mellemrum"),
    ("kontroltegn", variant("navn: Kursuscenter Valby", "navn: Kursuscenter\x1bValby"),
     "14:30: fejl: sted: linjen indeholder et usynligt kontroltegn (U+001B); skriv teksten igen uden at kopiere den "
     "ind"),
    ("anfoerselstegn-ikke-lukket", variant("titel: Det gode bestyrelsesmøde", 'titel: "Det gode bestyrelsesmøde'),
     "1:8: fejl: titel: anførselstegnet (\") foran teksten bliver ikke lukket; sæt også et \" til sidst i teksten"),
    ("enkelt-anfoerselstegn-ikke-lukket", variant("titel: Det gode", "titel: 'Det gode"),
     "1:8: fejl: titel: anførselstegnet (') foran teksten bliver ikke lukket; sæt også et ' til sidst i teksten"),
    ("anfoerselstegn-ikke-lukket-sidst", variant("by: Åbyhøj", 'by: "Åbyhøj'),
     "24:11: fejl: by: anførselstegnet (\") foran teksten bliver ikke lukket; sæt også et \" til sidst i teksten"),
    ("typografiske-anfoerselstegn", variant("titel: Det gode bestyrelsesmøde", "titel: ”Det gode: bestyrelsesmøde”"),
     "1:8: fejl: titel: teksten står i typografiske anførselstegn (”), som ikke kan bruges her; skriv almindelige "
     "anførselstegn (\") i begge ender af teksten i stedet"),
    ("typografiske-anfoerselstegn-uden-kolon", variant("titel: Det gode bestyrelsesmøde",
                                                       "titel: ”Det gode bestyrelsesmøde”"),
     "1:8: advarsel: titel: teksten står i typografiske anførselstegn (”…”), og de kommer med på siden; slet dem, hvis "
     "de ikke skal ses der"),
    ("kolon-i-teksten", variant("intro: Få styr på dagsorden", "intro: Få styr på: dagsorden"),
     "2:8: fejl: intro: teksten indeholder ': ', som læses som en ny nøgle; sæt hele teksten i anførselstegn: "
     "intro: \"Få styr på: dagsorden, mødeledelse og referat.\""),
    ("kolon-og-omvendt-skraastreg", variant("intro: Få styr på dagsorden, mødeledelse og referat.",
                                            "intro: Se mappen: C:\\kurser"),
     "2:8: fejl: intro: teksten indeholder ': ', som læses som en ny nøgle; sæt hele teksten i anførselstegn: "
     "intro: 'Se mappen: C:\\kurser'"),
    ("to-vaerdier", variant("form: fysisk", "form: fysisk: online"),
     "7:7: fejl: form: efter 'form:' står 'fysisk: online', og en værdi kan ikke indeholde ': '; skriv kun én værdi, "
     "fx 'form: fysisk', eller sæt teksten i anførselstegn, hvis den skal stå sådan"),
    ("mailto-med-mellemrum", variant("    tilmelding: mailto:kursus@example.dk\n  - start",
                                     "    tilmelding: mailto: kursus@example.dk\n  - start"),
     "17:24: fejl: tilmelding: der står et mellemrum efter 'mailto:'; fjern det, så der står "
     "'mailto:kursus@example.dk'"),
    ("https-med-mellemrum", variant("    tilmelding: mailto:kursus@example.dk\n  - start",
                                    "    tilmelding: https: //example.dk/tilmeld\n  - start"),
     "17:23: fejl: tilmelding: der står et mellemrum efter 'https:'; fjern det, så der står "
     "'https://example.dk/tilmeld'"),
    ("hold-uden-streg", variant("  - start: 2027-06-12 09:30", "    start: 2027-06-12 09:30"),
     "18:5: fejl: start: står allerede i 1. hold (linje 12); tilføj '- ' foran 'start', så det bliver et nyt hold: "
     "skriv linjen som '  - start: 2027-06-12 09:30', med '-' lige under '-' i linje 12"),
    ("hold-uden-streg-rykket-ud", variant("  - start: 2027-06-12 09:30", "  start: 2027-06-12 09:30"),
     "18:3: fejl: start: der mangler '- ' foran 'start' (se linje 12); tilføj '- ' foran 'start', så det bliver et "
     "nyt hold: skriv linjen som '  - start: 2027-06-12 09:30'"),
    ("streg-uden-mellemrum", variant("  - start: 2027-06-12 09:30", "  -start: 2027-06-12 09:30"),
     "18:4: fejl: start: der mangler et mellemrum efter '-'; skriv '- start: 2027-06-12 09:30'"),
    ("punkt-uden-mellemrum", variant("emner: [bestyrelsesarbejde, kommunikation]",
                                     "emner:\n  - bestyrelsesarbejde\n  -kommunikation"),
     "7:4: fejl: emner: der mangler et mellemrum efter '-'; skriv '- kommunikation'"),
    ("listepunkt-uden-mellemrum-alene", variant("niveau: [ny]", "niveau:\n  -ny"),
     "7:3: fejl: niveau: skal være en liste; skriv fx [ny]"),
    ("noegle-rykket-for-lidt-ind", variant("    region: hovedstaden", "  region: hovedstaden"),
     "15:3: fejl: region: linjen er rykket 2 mellemrum ind, men 'sted' i linje 14 er rykket 4 ind; ryk 'region' "
     "ind med 4 mellemrum, så den står lige under 'sted'"),
    ("noegle-rykket-for-langt-ind", variant("    region: hovedstaden", "      region: hovedstaden"),
     "15:7: fejl: region: linjen er rykket 6 mellemrum ind, men 'sted' i linje 14 er rykket 4 ind; ryk 'region' "
     "ind med 4 mellemrum, så den står lige under 'sted'"),
    ("noegle-i-sted-rykket-forkert", variant("      by: Åbyhøj", "     by: Åbyhøj"),
     "24:6: fejl: by: linjen er rykket 5 mellemrum ind, men 'postnr' i linje 23 er rykket 6 ind; ryk 'by' ind med 6 "
     "mellemrum, så den står lige under 'postnr'"),
    ("foerste-noegle-rykket-ind", variant("titel: Det", " titel: Det"),
     "1:2: fejl: titel: linjen er rykket 1 mellemrum ind, men 'intro' under den (linje 2) står helt ude til venstre; "
     "flyt 'titel' helt ud til venstre, så den står lige over 'intro'"),
    ("titel-over-to-linjer", variant("titel: Det gode bestyrelsesmøde", "titel: Det gode\nbestyrelsesmøde"),
     "2:1: fejl: titel: linjen fortsætter vist teksten til 'titel' i linje 1; skriv hele teksten på linje 1 efter "
     "'titel:'"),
    ("vaerdi-under-noeglen", variant("intro: Få", "intro:\nFå"),
     "3:1: fejl: intro: værdien skal stå på samme linje som 'intro:' i linje 2 (eller rykkes to mellemrum længere "
     "ind end 'intro')"),
    ("beskrivelse-ikke-rykket-ind", variant("  Vi gennemgår", "Vi gennemgår"),
     "4:1: fejl: beskrivelse: teksten under 'beskrivelse: |' i linje 3 skal rykkes ind; skriv to mellemrum foran "
     "hver linje i teksten"),
]

# A toolkit page: its front matter starts on line 2, after '---'.
TOOLKIT_PAGE = """\
---
titel: Referat af bestyrelsesmøde
type: skabelon
intro: En skabelon til beslutningsreferat.
emner: [bestyrelsesarbejde]
revideret: 2026-10-01
---
Referatet er bestyrelsens hukommelse.
"""
TOOLKIT_SLIPS: list[tuple[str, str, str]] = [
    ("type-uden-kolon", TOOLKIT_PAGE.replace("type: skabelon", "type skabelon"),
     "3:5: fejl: type: der mangler et kolon efter 'type'; skriv 'type: skabelon'"),
    ("intro-med-kolon", TOOLKIT_PAGE.replace("intro: En skabelon", "intro: Skabelon: En skabelon"),
     "4:8: fejl: intro: teksten indeholder ': ', som læses som en ny nøgle; sæt hele teksten i anførselstegn: "
     "intro: \"Skabelon: En skabelon til beslutningsreferat.\""),
]

ENGLISH = re.compile(r"\b(expected|found|while|scanning|parsing|mapping|allowed|could|document|stream|token|"
                     r"indicator|character)\b")


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Result:
    root = copy_project(tmp_path_factory.mktemp("slips") / "projekt", with_sample_courses=False)
    for name, content, _ in SLIPS:
        (root / "courses" / f"{name}.yml").write_text(content, encoding="utf-8")
    (root / "courses" / "gyldig.yml").write_text(VALID, encoding="utf-8")
    folder = root / "content" / "vaerktoejskasse" / "skabeloner"
    for name, content, _ in TOOLKIT_SLIPS:
        (folder / f"{name}.md").write_text(content, encoding="utf-8")
    return run_build(root, "check", "--dato", "2027-01-15")


@pytest.mark.parametrize("name, content, expected", SLIPS, ids=[s[0] for s in SLIPS])
def test_slip_is_reported_at_its_own_line(checked: Result, name: str, content: str, expected: str) -> None:
    prefix = f"courses/{name}.yml:"
    assert [line[len(prefix):] for line in checked.lines if line.startswith(prefix)] == [expected]


@pytest.mark.parametrize("name, content, expected", TOOLKIT_SLIPS, ids=[s[0] for s in TOOLKIT_SLIPS])
def test_slip_in_a_toolkit_page_is_reported_at_its_own_line(checked: Result, name: str, content: str,
                                                             expected: str) -> None:
    prefix = f"content/vaerktoejskasse/skabeloner/{name}.md:"
    assert [line[len(prefix):] for line in checked.lines if line.startswith(prefix)] == [expected]


def test_the_valid_file_passes_and_no_advice_deletes(checked: Result) -> None:
    assert checked.returncode == 1
    assert "Traceback" not in checked.stdout + checked.stderr
    assert not [line for line in checked.lines if line.startswith("courses/gyldig.yml:")]
    assert [line for line in checked.errors if "slet" in line] == []


def test_following_the_advice_fixes_the_slip() -> None:
    """Where the advice says what the line should be, writing that (at the line's indentation) makes it valid."""
    followed = 0
    for name, content, expected in SLIPS:
        number = int(expected.split(":", 1)[0])
        lines = content.split("\n")
        slip = lines[number - 1]
        whole = re.search(r"skriv linjen som '(?P<line>[^'…]+)'", expected)  # the line with its indentation
        advice = re.search(r"; skriv '(?P<line>[^'…]+)'$", expected)  # what follows the line's indentation
        if whole is not None:
            lines[number - 1] = whole["line"]
        elif advice is not None:
            lines[number - 1] = slip[:len(slip) - len(slip.lstrip(" "))] + advice["line"]
        else:
            continue
        document, problems = load_yaml_file("\n".join(lines).encode(), "x.yml", COURSE_KEYS)
        assert (document is not None, problems) == (True, []), name
        followed += 1
    assert followed >= 8


def _mutations(seed: int, count: int) -> list[tuple[int, str]]:
    """Single-line slips at random places in the valid file: (line number, text)."""
    rng = random.Random(seed)
    found = []
    lines = VALID.split("\n")
    for _ in range(count):
        number = rng.randrange(len(lines) - 1)
        line = lines[number]
        if rng.random() < 0.5 and line:
            at = rng.randrange(len(line))
            line = line[:at] + rng.choice([":", " ", '"', "'", "\u00a0", "”", "-", "  ", "\t"]) + line[at:]
        elif line:
            at = rng.randrange(len(line))
            line = line[:at] + line[at + 1:]
        found.append((number + 1, "\n".join(lines[:number] + [line] + lines[number + 1:])))
    return found


def test_any_slip_gets_one_danish_line_mostly_at_the_line_broken() -> None:
    broken = at_the_line = 0
    for number, text in _mutations(seed=13, count=3000):
        document, problems = load_yaml_file(text.encode(), "x.yml", COURSE_KEYS)
        if document is None:
            assert problems, text
            broken += 1
            at_the_line += problems[0].line == number
        for problem in problems:
            assert not ENGLISH.search(problem.message), (text, str(problem))
            assert "\n" not in str(problem)
    # bench/yaml_slips.py prints the figure against where the parser itself points (about 74 %).
    assert broken > 500 and at_the_line / broken > 0.9
