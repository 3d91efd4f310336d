"""How long an editor's Markdown may be, and the few shapes of it the build would take more than linear time over.

Each Markdown text has a size limit (``COURSE_TEXT`` …, chosen from the longest text of its kind in the sample
content, times a wide margin) and, within it, ``LinearMarkdown`` (``catalogue/linear_markdown.py``) renders in time
linear in its length, but for these, which ``check`` refuses at their line (``markdown_problems``):

- a paragraph (text up to a blank line) of more than ``PARAGRAPH_LINES`` lines: Python-Markdown looks through the
  rest of a paragraph again for each heading, rule or link definition it takes off its top;
- a paragraph of more than ``PARAGRAPH_CHARACTERS`` characters: it copies a paragraph's whole text for each link,
  code span or emphasis it finds in it;
- a paragraph with more than ``EMPHASIS_SIGNS`` of '*' and '_': emphasis inside emphasis is rendered by a Python
  function calling itself, once per level, and too many levels stop the build;
- lists, quotes, boxes and HTML elements inside each other in more than ``NESTING`` levels: the same, and the HTML
  cleaner takes time for each level for each element;
- more than ``linear_markdown.UNFINISHED_HTML`` '<' that begin an HTML element never closed with '>': the HTML parser
  looks to the end of the text for each.

The editors' guide (content/om/redigering.md, "Hvor lang må en tekst være?") says the same in Danish;
``bench/hostile.py`` measures the texts at the limits.
"""

from __future__ import annotations

import functools
import html.parser
import re
from typing import Iterable

import markdown

from .danish import number
from .linear_markdown import UNFINISHED_HTML, TooCostly, Unfinished, with_linear_markdown
from .safehtml import Problem, _blank_code, html_part

# Size limits, in characters, from the longest text of each kind in the sample content (in brackets).
COURSE_TEXT = 10_000  # a course's or a learning path's description (752: grøn ambassadør)
RULE_TEXT = 2_000  # a sign-up rule in config/department.yml (215)
TOOLKIT_TEXT = 50_000  # a toolkit page's text (7,032: sådan holder I afdelingsmødet)
PAGE_TEXT = 100_000  # another page of content/ (the editors' guide, about 44,000)

PARAGRAPH_LINES = 200  # the sample's longest paragraph: 24 lines (a table)
PARAGRAPH_CHARACTERS = 20_000  # the sample's longest: 2,368
EMPHASIS_SIGNS = 500  # '*' and '_' in a paragraph; the sample's most: 52
NESTING = 20  # the sample's deepest: 2

# The Markdown extensions the site's pages are written with (mkdocs.yml's, with MkDocs' own first); a test keeps
# them the same. What a text costs depends on them: code blocks are set aside before HTML is looked for.
SITE_EXTENSIONS = ("toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html")

_BLANK = re.compile(r"[ \t\r]*")
_MARKER = re.compile(r"(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]*")
# A line inside more than NESTING levels starts with more than NESTING of these (each level takes one at least).
_DEEP = re.compile(rf"^[ \t>*+\-0-9.)]{{{NESTING + 1}}}", re.MULTILINE)


def markdown_problems(text: str, extensions: Iterable[str] = SITE_EXTENSIONS) -> list[Problem]:
    """The shapes of ``text`` the build would take more than linear time over, each at its line and column (the
    size is checked where the text is read). ``extensions``: those it is rendered with."""
    if (len(text) <= PARAGRAPH_CHARACTERS and text.count("\n") < PARAGRAPH_LINES
            and text.count("*") + text.count("_") <= EMPHASIS_SIGNS and not _DEEP.search(text) and "<" not in text):
        return []  # the whole text is within what a paragraph and a line may hold: most texts, found at once
    blanked = _blank_code(text)
    found = _paragraphs(blanked) + _nested_lines(blanked)
    if "<" in text:
        found += _html(text, blanked, tuple(extensions))
    return sorted(found)


def _html(text: str, blanked: str, extensions: tuple[str, ...]) -> list[Problem]:
    """HTML elements too deep inside each other, or too many that are never finished: the first as html.parser reads
    the text (code left out), the second also as the build's own parser reads it."""
    found = []
    depth = _HtmlDepth()
    unfinished: tuple[int, int] | None = None
    try:
        depth.feed(html_part(blanked))
        depth.close()
    except TooCostly as costly:
        unfinished = costly.line, costly.column
    except _DeepEnough:
        pass
    if depth.too_deep is not None:
        line, column = depth.too_deep
        found.append(Problem(line, column + 1, f"HTML-elementer ligger her inde i hinanden i mere end {NESTING} "
                                               "niveauer; luk elementerne (fx med '</div>'), før du åbner nye"))
    if unfinished is None:
        unfinished = _unfinished_html(text, extensions)
    if unfinished is not None:
        line, column = unfinished
        found.append(Problem(line, column + 1, f"mere end {UNFINISHED_HTML} '<' i teksten begynder et HTML-element, "
                                               "som ikke lukkes med '>' (det første står her); skriv '&lt;', hvor "
                                               "'<' skal stå som tegn, eller luk elementerne med '>'"))
    return found


def _paragraphs(blanked: str) -> list[Problem]:
    """Paragraphs (lines up to a blank one; code blocks are blank here) too long for ``PARAGRAPH_…``."""
    found: list[Problem] = []
    first = count = characters = signs = 0
    for number_, line in enumerate([*blanked.split("\n"), ""], start=1):
        if _BLANK.fullmatch(line):
            if count:
                found += _paragraph_problems(first, count, characters, signs)
            count = characters = signs = 0
            continue
        if not count:
            first = number_
        count += 1
        characters += len(line) + 1
        signs += line.count("*") + line.count("_")
    return found


def _paragraph_problems(first: int, lines: int, characters: int, signs: int) -> list[Problem]:
    found = []
    where = "afsnittet, der begynder her,"
    if lines > PARAGRAPH_LINES:
        found.append(Problem(first, 1, f"{where} har {number(lines)} linjer uden en tom linje imellem; højst "
                                       f"{PARAGRAPH_LINES} er tilladt, så del det op med tomme linjer (fx efter hver "
                                       "overskrift)"))
    if characters - 1 > PARAGRAPH_CHARACTERS:
        found.append(Problem(first, 1, f"{where} er {number(characters - 1)} tegn langt; højst "
                                       f"{number(PARAGRAPH_CHARACTERS)} tegn er tilladt i ét afsnit, så del det op "
                                       "med tomme linjer"))
    if signs > EMPHASIS_SIGNS:
        found.append(Problem(first, 1, f"{where} har {number(signs)} '*' og '_'; højst {EMPHASIS_SIGNS} er tilladt "
                                       "i ét afsnit (de gør tekst fed og kursiv), så del afsnittet op eller fjern "
                                       "nogle af dem"))
    return found


def _nested_lines(blanked: str) -> list[Problem]:
    """The first line inside more than ``NESTING`` lists, quotes and boxes: its indentation counts one level for
    every four spaces, and each '>', '-', '*', '+' or '1.' it starts with one more."""
    for number_, line in enumerate(blanked.split("\n"), start=1):
        if len(line) < NESTING or _BLANK.fullmatch(line):
            continue  # too short to be that deep
        spaces = len(line) - len(line.lstrip(" \t"))
        levels = len(line[:spaces].expandtabs(4)) // 4
        at = spaces
        while levels <= NESTING and (marker := _MARKER.match(line, at)):
            levels += 1
            at = marker.end()
        if levels > NESTING:
            return [Problem(number_, 1, f"linjen ligger i mere end {NESTING} niveauer af lister, citater eller bokse "
                                        f"inde i hinanden (hver fjerde mellemrum foran den tæller som et niveau); "
                                        f"højst {NESTING} er tilladt")]
    return []


# Elements that hold nothing, and elements whose end tag HTML lets out (the next one ends them): neither nests.
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"})
_ENDED_BY_NEXT = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup",
                            "colgroup", "caption", "rb", "rt", "rtc", "rp"})


class _HtmlDepth(Unfinished, html.parser.HTMLParser):
    """How deep an editor's HTML elements lie inside each other: where they first lie deeper than ``NESTING``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.too_deep: tuple[int, int] | None = None

    def parse_html_declaration(self, i: int) -> int:
        if self.rawdata.startswith("<![", i) and not self.rawdata.startswith("<![CDATA[", i):
            return self.parse_bogus_comment(i)  # as in safehtml._Finder
        return super().parse_html_declaration(i)

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _VOID or tag in _ENDED_BY_NEXT:
            return
        self.open.append(tag)
        if len(self.open) > NESTING:
            self.too_deep = self.getpos()
            raise _DeepEnough  # the rest need not be read

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open.pop() != tag:
                pass


class _DeepEnough(Exception):
    pass


def _unfinished_html(text: str, extensions: tuple[str, ...]) -> tuple[int, int] | None:
    """Where Python-Markdown's HTML parser, run as the build runs it, gives up on one '<' too many (more than
    ``UNFINISHED_HTML``), as (line, column from 0) in the text it was given, or None."""
    md = _preprocessing(extensions)
    md.reset()
    lines = text.split("\n")
    try:
        for preprocessor in md.preprocessors:  # what Markdown.convert runs first: the HTML parser among them
            lines = preprocessor.run(lines)
    except TooCostly as costly:
        return costly.line, costly.column
    return None


@functools.lru_cache(maxsize=4)
def _preprocessing(extensions: tuple[str, ...]) -> markdown.Markdown:
    """A Markdown instance made as the build makes one (its preprocessors are what the check runs)."""
    return markdown.Markdown(extensions=with_linear_markdown(extensions))
