"""An editor's HTML cannot pass for a part of the site: every class of the site's own templates, stylesheets and
scripts is one the sanitizer removes from editors' text (safehtml.SITE_CLASS_BLOCKS), and none that Markdown makes
for editors is; and a copy of the primary sign-up button in the sign-up rules, which stand on every course page,
is published without the button's look."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REFERENCE_DATE, REPO, copy_project, run_build

from catalogue.safehtml import EditorMarkdown, site_class

TEMPLATES = REPO / "templates"
# Classes the site's templates write that Markdown's extensions also make for editors (an admonition written with
# '!!! tip', a fenced code block's language): theirs to use, and styled alike wherever they stand.
MARKDOWN_CLASSES = {"admonition", "admonition-title", "tip", "info", "language-markdown", "language-yaml"}


def _template_classes() -> set[str]:
    found = set()
    for path in TEMPLATES.rglob("*.html*"):
        for value in re.findall(r'class="([^"]*)"', path.read_text(encoding="utf-8")):
            value = re.sub(r"\{%.*?%\}|\{\{.*?\}\}", " ", value)  # Jinja: the written parts are whole classes
            found.update(name for name in value.split() if not name.endswith("-"))
    return found


def _stylesheet_classes() -> set[str]:
    found = set()
    for path in TEMPLATES.rglob("*.css"):
        text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
        text = re.sub(r"url\([^)]*\)|\"[^\"]*\"|'[^']*'", "", text)
        for selectors in re.findall(r"([^{}]+)\{", text):
            found.update(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", selectors))
    return found


def _script_classes() -> set[str]:
    found = set()
    for path in TEMPLATES.rglob("*.js"):
        text = path.read_text(encoding="utf-8")
        for call in re.findall(r"""(?:classList\.\w+|className\s*=|querySelector(?:All)?)\(?\s*["']([^"']+)""", text):
            found.update(re.findall(r"(?:^|[\s.])(-?[_a-zA-Z][\w-]*)", call if " " in call or "." in call else
                                    f".{call}"))
    return found


def test_every_class_of_the_site_is_reserved() -> None:
    classes = _template_classes() | _stylesheet_classes() | _script_classes()
    assert len(classes) > 100  # the inventory reads what it should
    tags = {"a", "option", "button", "html", "input", "label", "p", "li", "ul", "div", "span"}
    assert sorted(name for name in classes - MARKDOWN_CLASSES - tags if not site_class(name)) == []


def test_no_class_markdown_makes_is_reserved() -> None:
    made = EditorMarkdown(["admonition", "attr_list", "md_in_html", "tables", "fenced_code"])(
        '!!! tip "Godt at vide"\n    Tekst.\n\n!!! info\n    Mere.\n\n```yaml\na: 1\n```\n')
    classes = set(re.findall(r'class="([^"]*)"', made))
    assert {"admonition tip", "admonition info", "admonition-title", "language-yaml"} <= classes
    assert not [name for value in classes for name in value.split() if site_class(name)]


LOOKALIKE = ('Se <a class="md-button md-button--primary" href="https://evil.example/">Tilmeld dig her</a> og '
             '[skriv](mailto:kursus@example.dk?bcc=spion@evil.example).')


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project = copy_project(tmp_path_factory.mktemp("lookalike") / "project")
    department = project / "config" / "department.yml"
    text = department.read_text(encoding="utf-8")
    first_rule = "    tekst: >-\n"
    assert first_rule in text
    department.write_text(text.replace(first_rule, f"    tekst: >-\n      {LOOKALIKE}\n", 1), encoding="utf-8")
    result = run_build(project, "build", "--dato", REFERENCE_DATE)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site", result.stdout


def test_the_check_warns_at_the_line(built: tuple[Path, str]) -> None:
    _, output = built
    line = next(number for number, text in enumerate(
        (REPO / "config" / "department.yml").read_text(encoding="utf-8").splitlines(), start=1)
        if text == "    tekst: >-") + 1
    warnings = [text for text in output.splitlines() if text.startswith(f"config/department.yml:{line}:")]
    assert any("klassen 'md-button--primary' bruges af sitet selv" in text for text in warnings), output
    assert any("et mailto:-link må kun have én modtager" in text for text in warnings), output


def test_no_copy_of_the_button_and_no_hidden_recipient(built: tuple[Path, str]) -> None:
    site, _ = built
    soup = BeautifulSoup((site / "kurser" / "det-gode-bestyrelsesmoede" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    copy = soup.find("a", string="Tilmeld dig her")
    assert copy is not None and copy.get("class") is None  # the text and the link stay, the look does not
    assert soup.find("a", string="skriv").get("href") is None
    assert "bcc" not in str(soup)
    primary = [a["href"] for a in soup.select("a.md-button--primary, a.knap--primaer")]
    assert primary and "https://evil.example/" not in primary
