"""Python-Markdown at linear cost (issue 28, finding 5): the patterns it was quadratic over are rendered by the
linear processors, never by its own scans, and every text gets the same HTML as from Python-Markdown itself; the
check's own scans, rewritten to be linear, find what they found before. Speed itself is measured by
bench/hostile.py, not here."""

from __future__ import annotations

import random
import re
from typing import Callable

import markdown
import pytest
import yaml
from conftest import REPO
from markdown.extensions.tables import TableProcessor
from markdown.inlinepatterns import BacktickInlineProcessor, LinkInlineProcessor

import catalogue.linear_markdown as linear_markdown
from catalogue.diagnostics import key_on_line
from catalogue.safehtml import EditorMarkdown, _blank_code, unsafe_html

# The site's Markdown extensions (mkdocs.yml's, MkDocs' own first), and a course description's length at most.
SITE_EXTENSIONS = ("toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html")
COURSE_TEXT = 10_000


def run(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


# The patterns Python-Markdown took quadratic time over, each a run as long as a course description may be.
RUNS = {
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


# Inputs each of the quadratic scans of Python-Markdown meets, at the course limit.
QUADRATIC = {
    **RUNS,
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
