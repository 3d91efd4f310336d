"""build.py stavning: the Danish words the dictionary does not know, at their line and column, with suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_project, run_build

from catalogue import spelling
from catalogue.project import Project

COURSE = "courses/det-gode-bestyrelsesmoede.yml"
PAGE = "content/vaerktoejskasse/vejledninger/aarshjul-for-afdelingsbestyrelsen.md"
PATH = "forloeb/ny-i-afdelingsbestyrelsen.yml"


def plant(project: Path, relative: str, old: str, new: str) -> tuple[int, int]:
    """Write ``new`` for the first ``old`` in the file; the line and column (1-based) where ``new`` now starts."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[int, int]]]:
    """A copy of the project with a slip in a course's title, inside its description ('beskrivelse: |'), in a toolkit
    page's body, and the same slip where nobody reads it as prose (code, addresses, link targets, HTML)."""
    project = copy_project(tmp_path_factory.mktemp("stavning") / "projekt")
    at = {
        "titel": plant(project, COURSE, "Det gode bestyrelsesmøde\n", "Det gode bestyrelsesmøde for Bestyrelesen\n"),
        "beskrivelse": plant(project, COURSE, "fra indkaldelse til", "fra indkaldlese til"),
        "side": plant(project, PAGE, "Skriv jeres egne datoer", "Skriv jeres egne datore"),
    }
    at["titel"] = (at["titel"][0], at["titel"][1] + len("Det gode bestyrelsesmøde for "))
    at["beskrivelse"] = (at["beskrivelse"][0], at["beskrivelse"][1] + len("fra "))
    at["side"] = (at["side"][0], at["side"][1] + len("Skriv jeres egne "))
    page = project / PAGE
    page.write_text(page.read_text(encoding="utf-8") + (
        "\nSkriv `Bestyrelesen` og se [siden](https://example.dk/Bestyrelesen) eller www.bestyrelesen.dk, skriv til "
        "bestyrelesen@example.dk, <span title=\"Bestyrelesen\">her</span>, Bestyrelesen2 og {: #Bestyrelesen }.\n\n"
        "```\nBestyrelesen indkaldlese\n```\n"), encoding="utf-8")
    return project, at


def test_a_slip_is_found_at_its_line_and_column_with_a_suggestion(planted) -> None:
    project, at = planted
    result = run_build(project, "stavning")
    assert result.returncode == 0  # never blocks
    assert result.lines == [
        f"{COURSE}:{at['titel'][0]}:{at['titel'][1]}: stavning: ukendt ord 'Bestyrelesen' – mente du 'Bestyrelsen'?",
        f"{COURSE}:{at['beskrivelse'][0]}:{at['beskrivelse'][1]}: stavning: ukendt ord 'indkaldlese' – mente du "
        "'indkaldelse'?",
        f"{PAGE}:{at['side'][0]}:{at['side'][1]}: stavning: ukendt ord 'datore' – mente du 'datoer', 'datere' eller "
        "'dato re'?",
    ]
    assert result.stderr == ("3 ukendte ord i 2 filer. Er et ord stavet rigtigt, så skriv det i "
                             "config/ordliste.txt.\n")


def test_only_the_files_named_are_checked(planted) -> None:
    project, at = planted
    result = run_build(project, "stavning", PAGE, PATH, "README.md", "findes-ikke.yml")
    assert [line.split(": ")[0] for line in result.lines] == [f"{PAGE}:{at['side'][0]}:{at['side'][1]}"]
    assert result.stderr == "1 ukendt ord i 1 fil. Er et ord stavet rigtigt, så skriv det i config/ordliste.txt.\n"


def test_a_word_in_the_word_list_is_known(planted, tmp_path: Path) -> None:
    project, _ = planted
    word_list = project / spelling.WORD_LIST
    before = word_list.read_text(encoding="utf-8")
    try:
        word_list.write_text(before + "Bestyrelesen  # sådan staves det hos os\ndatore\n", encoding="utf-8")
        result = run_build(project, "stavning", COURSE, PAGE)
    finally:
        word_list.write_text(before, encoding="utf-8")
    assert [line.split("'")[1] for line in result.lines] == ["indkaldlese"]


def test_the_sample_has_no_unknown_words() -> None:
    result = run_build(Path(__file__).resolve().parent.parent, "stavning")
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr.startswith("Ingen ukendte ord i ") and result.stderr.endswith(" filer.\n")


def test_a_word_without_suggestions_says_how_to_add_it() -> None:
    unknown = spelling.Unknown(spelling.Word("courses/x.yml", 3, 7, "Qwxzy"), ())
    assert str(unknown) == ("courses/x.yml:3:7: stavning: ukendt ord 'Qwxzy'; er det stavet rigtigt, så skriv det i "
                            "config/ordliste.txt")


def test_prose_keeps_its_columns_and_drops_code_addresses_and_html() -> None:
    text = "Se `kode` på https://x.dk/a?b og <a href=\"y\">her</a>, mail a@b.dk\n```\nkode\n```\nslut"
    prose = spelling.prose_of_markdown(text)
    assert len(prose) == len(text) and prose.count("\n") == text.count("\n")
    assert [word for _, _, word in spelling.words_in(prose)] == ["Se", "på", "og", "her", "mail", "slut"]
    assert list(spelling.words_in("ab2 x_y bl.a. e-mail")) == [(0, 8, "bl.a."), (0, 14, "e-mail")]


def test_suggestions_are_asked_for_a_bounded_number_of_words(tmp_path: Path, monkeypatch) -> None:
    """Many distinct unknown words (a pasted list, junk) cost one look-up each; suggestions, which cost far more,
    are worked out for the first SUGGESTED_WORDS only, and the summary says so."""
    project = copy_project(tmp_path / "projekt")
    junk = [f"zq{a}{b}x" for a in "bcdfghjk" for b in "bcdfghjk"]  # 64 distinct words no dictionary knows
    plant(project, PAGE, "Skriv jeres egne datoer", " ".join(junk))
    asked: list[str] = []
    suggest = spelling.Speller.suggestions
    monkeypatch.setattr(spelling.Speller, "suggestions",
                        lambda self, word, vocabulary: asked.append(word) or suggest(self, word, vocabulary))
    report = spelling.check_spelling(Project(project), [PAGE])
    assert [u.word.text for u in report.unknown] == junk
    assert asked == junk[:spelling.SUGGESTED_WORDS]
    assert report.unsuggested == len(junk) - spelling.SUGGESTED_WORDS
    assert report.summary().endswith(f"Forslag er kun givet til de første {spelling.SUGGESTED_WORDS} forskellige "
                                     "ord; ret dem, og kør stavekontrollen igen.")


def test_a_huge_word_is_reported_without_asking_the_dictionary(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt")
    line, column = plant(project, PAGE, "Skriv jeres egne datoer", "a" * 200_000)
    report = spelling.check_spelling(Project(project), [PAGE])
    assert [(u.word.line, u.word.column, u.suggestions) for u in report.unknown] == [(line, column, ())]
    assert f"ukendt ord '{'a' * spelling.SHOWN}…';" in str(report.unknown[0])


def test_a_missing_dictionary_is_a_danish_error(tmp_path: Path) -> None:
    with pytest.raises(spelling.DictionaryMissing, match="den danske ordbog er ikke installeret .*'make stavning'"):
        spelling.check_spelling(Project(copy_project(tmp_path / "projekt")), dictionary=tmp_path / "da_DK")


def test_a_word_list_that_is_a_link_is_not_read(tmp_path: Path) -> None:
    """config/ordliste.txt is the editors' file: a link to a file elsewhere (here one that would make a slip known)
    is refused with a warning at the file, the check runs on, and the slip is still reported."""
    project = copy_project(tmp_path / "projekt")
    line, column = plant(project, COURSE, "Det gode bestyrelsesmøde\n", "Det gode bestyrelsesmøde for Bestyrelesen\n")
    outside = tmp_path / "udenfor.txt"
    outside.write_text("Bestyrelesen\n", encoding="utf-8")
    word_list = project / spelling.WORD_LIST
    word_list.unlink(missing_ok=True)
    word_list.symlink_to(outside)
    result = run_build(project, "stavning")
    assert result.returncode == 0
    assert any(line.startswith("config/ordliste.txt:1:1:") for line in result.stderr.splitlines()), result.stderr
    assert f"{COURSE}:{line}:{column + len('Det gode bestyrelsesmøde for ')}: stavning: ukendt ord 'Bestyrelesen' " \
           "– mente du 'Bestyrelsen'?" in result.lines
