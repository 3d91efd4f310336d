"""What an editor's Markdown may cost (issue 28, finding 5): size limits and the refused shapes at their exact line;
the patterns Python-Markdown was quadratic over rendered by the linear processors, never by its own scans, with the
same HTML as Python-Markdown's and shown on the built page as written; the build's own guard; and the check's own
scans, rewritten to be linear, finding what they found before. Speed itself is measured by bench/hostile.py, not
here."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Callable

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REFERENCE_DATE, REPO, Result, copy_project, run_build
from markdown.extensions.tables import TableProcessor
from markdown.inlinepatterns import BacktickInlineProcessor, LinkInlineProcessor

import catalogue.linear_markdown as linear_markdown
from catalogue.diagnostics import key_on_line
from catalogue.linear_markdown import TooCostly
from catalogue.markdown_rules import COURSE_TEXT, SITE_EXTENSIONS, TOOLKIT_TEXT
from catalogue.safehtml import EditorMarkdown, _blank_code, unsafe_html

COURSE = """\
titel: Det gode bestyrelsesmøde
intro: Få styr på dagsorden, mødeledelse og referat.
beskrivelse: |2
{text}
emner: [bestyrelsesarbejde]
niveau: [ny]
form: fysisk
målgruppe: [afdelingsbestyrelse]
pris: 1200
"""

PAGE = """\
---
titel: En side i værktøjskassen
type: vejledning
intro: En side med en lang tekst.
emner: [bestyrelsesarbejde]
revideret: 2026-09-01
---
{text}
"""

PATH = """\
titel: Et forløb
intro: Et forløb med en lang beskrivelse.
beskrivelse: |
  {text}
målgruppe: [afdelingsbestyrelse]
trin:
  - kursus: det-gode-bestyrelsesmoede
  - materiale: vaerktoejskasse/vejledninger/ny-i-afdelingsbestyrelsen.md
"""


def course(text: str) -> str:
    return COURSE.format(text="\n".join(f"  {line}" if line else "" for line in text.split("\n")))


# (file, content, the exact lines `check` prints for it); each file breaks one rule, or none.
REFUSED: list[tuple[str, str, list[str]]] = [
    ("courses/lang-beskrivelse.yml", course("Ord " * 2500 + "x"),
     ["courses/lang-beskrivelse.yml:3:14: fejl: beskrivelse: er for lang (10.001 tegn); højst 10.000 tegn er "
      "tilladt, så gør teksten kortere"]),
    ("courses/lige-nok.yml", course(("Ord " * 2500)[:COURSE_TEXT]), []),
    ("forloeb/lang-beskrivelse.yml", PATH.format(text="Ord " * 2500 + "x"),
     ["forloeb/lang-beskrivelse.yml:3:14: fejl: beskrivelse: er for lang (10.001 tegn); højst 10.000 tegn er "
      "tilladt, så gør teksten kortere"]),
    ("content/vaerktoejskasse/vejledninger/lang.md", PAGE.format(text="Ord " * 12500 + "x"),
     ["content/vaerktoejskasse/vejledninger/lang.md:8:1: fejl: sidens tekst: er for lang (50.001 tegn); højst "
      "50.000 tegn er tilladt, så gør teksten kortere eller del den op i flere sider"]),
    ("content/vaerktoejskasse/vejledninger/lige-nok.md", PAGE.format(text="\n\n".join(
        [("Ord " * 5000)[:19_999]] * 2 + [("Ord " * 3000)[:TOOLKIT_TEXT - 2 * 19_999 - 4]])), []),
    ("content/om/lang.md", "# Lang\n\n" + "Ord " * 25000 + "x\n",
     ["content/om/lang.md:1:1: fejl: sidens tekst: er for lang (100.009 tegn); højst 100.000 tegn er tilladt, så "
      "gør teksten kortere eller del den op i flere sider"]),
    ("content/vaerktoejskasse/vejledninger/langt-afsnit.md", PAGE.format(text="Start.\n\n" + "Ord " * 5000 + "x"),
     ["content/vaerktoejskasse/vejledninger/langt-afsnit.md:10:1: fejl: sidens tekst: afsnittet, der begynder her, "
      "er 20.001 tegn langt; højst 20.000 tegn er tilladt i ét afsnit, så del det op med tomme linjer"]),
    ("courses/overskrifter.yml", course("Indhold.\n\n" + "\n".join(["# Overskrift"] * 201)),
     ["courses/overskrifter.yml:6:3: fejl: beskrivelse: afsnittet, der begynder her, har 201 linjer uden en tom linje "
      "imellem; højst 200 er tilladt, så del det op med tomme linjer (fx efter hver overskrift)"]),
    ("courses/fed.yml", course("*a " * 300 + "x" + " a*" * 300),
     ["courses/fed.yml:4:3: fejl: beskrivelse: afsnittet, der begynder her, har 600 '*' og '_'; højst 500 er tilladt "
      "i ét afsnit (de gør tekst fed og kursiv), så del afsnittet op eller fjern nogle af dem"]),
    ("courses/citater.yml", course("Indhold.\n\n" + "> " * 1000 + "x"),
     ["courses/citater.yml:6:3: fejl: beskrivelse: linjen ligger i mere end 20 niveauer af lister, citater eller "
      "bokse inde i hinanden (hver fjerde mellemrum foran den tæller som et niveau); højst 20 er tilladt"]),
    ("courses/lister.yml", course("- " * 1000 + "x"),
     ["courses/lister.yml:4:3: fejl: beskrivelse: linjen ligger i mere end 20 niveauer af lister, citater eller "
      "bokse inde i hinanden (hver fjerde mellemrum foran den tæller som et niveau); højst 20 er tilladt"]),
    ("courses/html-dybt.yml", course("Tekst\n\n" + "<div>" * 30),
     ["courses/html-dybt.yml:6:103: fejl: beskrivelse: HTML-elementer ligger her inde i hinanden i mere end 20 "
      "niveauer; luk elementerne (fx med '</div>'), før du åbner nye"]),
    ("courses/html-aabent.yml", course("Tekst\n\n" + "<a " * 11),
     ["courses/html-aabent.yml:6:3: fejl: beskrivelse: mere end 10 '<' i teksten begynder et HTML-element, som ikke "
      "lukkes med '>' (det første står her); skriv '&lt;', hvor '<' skal stå som tegn, eller luk elementerne med '>'"]),
    ("courses/html-ti-aabne.yml", course("Tekst\n\n" + "<a " * 10), []),
    # html.parser's marked sections failed on these with an AssertionError (a traceback of check)
    ("courses/cdata.yml", course("Tekst <![x og <![if mere, og <![CDATA[ til sidst"), []),
]


@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> Result:
    project = copy_project(tmp_path_factory.mktemp("dyrt") / "projekt", with_sample_courses=False)
    (project / "courses" / "det-gode-bestyrelsesmoede.yml").write_text(course("Indhold."), encoding="utf-8")
    (project / "forloeb").mkdir()
    for name, content, _ in REFUSED:
        (project / name).write_text(content, encoding="utf-8")
    return run_build(project, "check", "--dato", REFERENCE_DATE)


@pytest.mark.parametrize("name, content, expected", REFUSED, ids=[row[0] for row in REFUSED])
def test_limits_and_costly_shapes_are_errors_at_their_line(refused: Result, name: str, content: str,
                                                          expected: list[str]) -> None:
    assert "Traceback" not in refused.stdout + refused.stderr
    assert [line for line in refused.lines if line.startswith(f"{name}:")] == expected


def test_a_sign_up_rule_has_its_limit(empty_project: Path) -> None:
    department = empty_project / "config" / "department.yml"
    text = department.read_text(encoding="utf-8")
    department.write_text(text.replace("      kurset; du lægger ikke selv ud.\n",
                                       "      kurset; du lægger ikke selv ud." + " Og" * 600 + "\n"), encoding="utf-8")
    result = run_build(empty_project, "check")
    assert [line for line in result.lines if line.startswith("config/")] == [
        "config/department.yml:13:12: fejl: 1. tilmeldingsregel › tekst: er for lang (2.015 tegn); højst 2.000 "
        "tegn er tilladt, så gør teksten kortere"]


def run(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


# The patterns Python-Markdown took quadratic time over, each a run at the course limit that check accepts and a
# resident sees exactly as written: name → the text.
SHOWN_AS_WRITTEN = {
    "brace": run("{")(COURSE_TEXT),
    "image": run("![")(COURSE_TEXT),
    "bracket": run("[")(COURSE_TEXT),
    "address": run("](")(COURSE_TEXT),
    "backtick": run("`")(COURSE_TEXT),
    "charref": run("&#")(COURSE_TEXT),
    "bracket-a": run("[a")(COURSE_TEXT),
    "link-never-closed": run("[a](")(COURSE_TEXT),
    "image-never-closed": run("![a](b ")(COURSE_TEXT).strip(),
    "cdata": run("<![CDATA[")(COURSE_TEXT),
}


def description_text(page: Path) -> str:
    """What a resident reads of a course page's description: from 'Indhold' to the next heading of the page."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    heading = soup.find("h2", id="indhold")
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(sibling.get_text())
    return " ".join("".join(parts).split())


def test_the_quadratic_patterns_are_built_and_shown_as_written(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projekt", with_sample_courses=False)
    for name, text in SHOWN_AS_WRITTEN.items():
        (project / "courses" / f"moenster-{name}.yml").write_text(course(text), encoding="utf-8")
    page = PAGE.format(text="\n\n".join([run("[")(19_000), run("![")(19_000), run("{")(TOOLKIT_TEXT - 38_010)]))
    (project / "content/vaerktoejskasse/vejledninger/moenstre.md").write_text(page, encoding="utf-8")
    result = run_build(project, "build", "--dato", REFERENCE_DATE)
    assert result.returncode == 0, result.stdout + result.stderr
    for name, text in SHOWN_AS_WRITTEN.items():
        assert description_text(project / "site" / "kurser" / f"moenster-{name}" / "index.html") == text, name
    built = project / "site/vaerktoejskasse/vejledninger/moenstre/index.html"
    toolkit = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser")
    assert [p.get_text() for p in toolkit.find("article").find_all("p") if p.get_text()[:1] in "[!{"] == [
        run("[")(19_000), run("![")(19_000), run("{")(TOOLKIT_TEXT - 38_010)]


# Inputs each of the quadratic scans of Python-Markdown meets, at the course limit.
QUADRATIC = {
    **SHOWN_AS_WRITTEN,
    "nested-brackets": "[" * 5000 + "]" * 5000,
    "title-never-closed": run('[a](b "c) ')(COURSE_TEXT).strip(),
    "links-after-links": run("[a](b) [c](")(COURSE_TEXT),
    "code-spans-no-closer": "".join(f"{'`' * n}a" for n in range(1, 200))[:COURSE_TEXT],
    "table-backticks": "| a |\n|---|\n| " + run("``|`")(COURSE_TEXT - 20),
    "heading-braces": "# a" + " {" * 4000,
}


def test_the_linear_processors_render_them_without_pythonmarkdowns_scans(monkeypatch: pytest.MonkeyPatch) -> None:
    """The build's renderer (EditorMarkdown, with LinearMarkdown) never runs the scans that were quadratic: with them
    made to fail, every input still renders."""
    renderer = EditorMarkdown(SITE_EXTENSIONS)

    def never(*args: object) -> None:
        raise AssertionError("Python-Markdown's own scan ran")

    for cls, method in ((LinkInlineProcessor, "getText"), (LinkInlineProcessor, "getLink"),
                        (BacktickInlineProcessor, "find_code_spans"), (TableProcessor, "test"),
                        (TableProcessor, "_split")):
        monkeypatch.setattr(cls, method, never)
    for name, text in QUADRATIC.items():
        assert str(renderer(text)), name


def test_the_guard_stops_a_text_the_check_would_refuse() -> None:
    with pytest.raises(TooCostly):
        EditorMarkdown(SITE_EXTENSIONS)("Tekst\n\n" + "<a " * 2000)


def stock_and_linear() -> tuple[markdown.Markdown, markdown.Markdown]:
    return (markdown.Markdown(extensions=list(SITE_EXTENSIONS)),
            markdown.Markdown(extensions=linear_markdown.with_linear_markdown(SITE_EXTENSIONS)))


def sample_texts() -> list[tuple[str, str]]:
    texts = []
    for path in sorted([*REPO.glob("courses/*.yml"), *REPO.glob("forloeb/*.yml")]):
        description = yaml.safe_load(path.read_text(encoding="utf-8")).get("beskrivelse")
        if description:
            texts.append((path.name, description))
    texts += [(path.name, path.read_text(encoding="utf-8")) for path in sorted(REPO.glob("content/**/*.md"))]
    return texts


@pytest.mark.parametrize("quick", [linear_markdown._QUICK, 0], ids=["as-built", "everything-worked-out"])
def test_linear_markdown_gives_pythonmarkdowns_html(monkeypatch: pytest.MonkeyPatch, quick: int) -> None:
    """The same HTML as Python-Markdown for every sample text and thousands of generated ones made of the characters
    the replaced scans look at; ``quick=0`` works every answer out instead of looking a few characters ahead."""
    monkeypatch.setattr(linear_markdown, "_QUICK", quick)
    stock, linear = stock_and_linear()
    texts = sample_texts()
    assert len(texts) > 50
    pieces = ["[", "]", "(", ")", "'", '"', " ", "a", "](", "[a](", "![", "\n", ")'", '")', ' "t")', "`", "``", "```",
              "\\`", "\\", "|", "|---|\n", "| a | b |\n|---|---|\n", "{", "}", ":", ".x", "# ", "<b>", "](<", ">",
              "\n\n", "- ", "*"]
    rng = random.Random(28)
    texts += [("random", "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 150)))) for _ in range(4000)]
    for name, text in texts:
        assert linear.reset().convert(text) == stock.reset().convert(text), (name, text)


# What safehtml._blank_code did with a regular expression, which took time quadratic in a run of backticks.
_OLD_CODE = re.compile(r"^( {0,3})(`{3,}|~{3,}).*?^ {0,3}\2[^\n]*$|(`+)(?!`).+?(?<!`)\3(?!`)", re.MULTILINE | re.DOTALL)


def test_code_is_left_out_of_the_check_as_before() -> None:
    rng = random.Random(5)
    pieces = ["`", "``", "```", "````", "~~~", "a", " ", "\n", "   ", "    ", "\n```\n", "\n~~~\n", "\n````\n", "b`c"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 25)))
        before = _OLD_CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
        assert _blank_code(text) == before, text


def test_the_check_reads_markdown_as_the_site_is_written() -> None:
    """markdown_rules asks Python-Markdown's own HTML parser what the build would make of a text, with the
    extensions of mkdocs.yml (and MkDocs' own): they must be the same."""
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"))
    assert tuple(name for name in config.markdown_extensions if isinstance(name, str)) == SITE_EXTENSIONS


# What diagnostics.key_on_line matched, a key sought lazily before '\s*:' (quadratic in a run of spaces).
_OLD_KEY = re.compile(r"^\s*(?:-\s+)*([^\s:#\-\[\]{},'\"][^:#]*?)\s*:(?:\s|$)")


def test_the_key_of_a_line_is_found_as_before() -> None:
    rng = random.Random(6)
    pieces = [" ", "  ", "\t", "-", "- ", "a", "b c", ":", ": ", "#", "[", "'", "\u00a0", "x:y", "\u2003"]
    for _ in range(50000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
        before = _OLD_KEY.match(line)
        assert key_on_line(line) == (before.group(1) if before else None), line


def test_a_broken_marked_section_is_read_as_html_reads_it() -> None:
    """html.parser failed on '<![' followed by anything but a known keyword with an AssertionError: a traceback
    of the check. HTML (and Python-Markdown) read it as a comment."""
    assert unsafe_html("Tekst <![x og <![if mere <![ og <![CDATA[ til sidst") == []
