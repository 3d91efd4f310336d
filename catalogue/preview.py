"""The live preview's error pages: a file with an error is shown at its own address, with its lines.

While a file has an error, the preview leaves what the file would make out of the site and shows, at the
course's or page's address, the problems ``check`` prints and the lines they are on. Every page of the
preview then carries a banner that leads there. A published build never gets here: ``build`` and
``check`` stop at the first file with an error.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import PurePosixPath

from .diagnostics import Diagnostic, capped
from .fields import SLUG_PATTERN
from .project import Project
from .urls import RESERVED_PATHS, RESERVED_SLUGS, course_src, is_generated, page_url, path_src

# The preview's own pages: every file with errors, and the error page of a file without a page of its own.
OVERVIEW = "forhaandsvisning/fejl.md"
ERROR_FOLDER = "forhaandsvisning/fejl/"

# An error page's heading, by what the file would have made.
ERROR_TITLES = {"kursus": "Kurset har fejl", "forløb": "Forløbet har fejl", "side": "Siden har fejl",
                "fil": "Filen har fejl"}

AROUND = 2  # lines shown before and after the line with the problem
LONGEST_LINE = 300  # characters of one line shown; the rest as '…'
LARGEST_FILE = 2_000_000  # bytes: a larger file is named, not shown

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True)
class SourceLine:
    number: int
    text: str
    marked: bool  # the line the problem is on


@dataclass(frozen=True)
class Excerpt:
    """The lines around one line with problems, and those problems."""

    line: int
    problems: tuple[Diagnostic, ...]
    lines: tuple[SourceLine, ...]


@dataclass(frozen=True)
class BrokenFile:
    """A file with at least one error, and where the preview shows it."""

    path: str  # as editors see it: courses/<slug>.yml, content/vaerktoejskasse/….md
    src_uri: str  # where its error page is, as if under content/
    kind: str  # 'kursus', 'forløb', 'side' or 'fil': what cannot be shown until it is fixed
    problems: tuple[Diagnostic, ...]  # as `check` prints them (at most so many per file)
    excerpts: tuple[Excerpt, ...]
    errors: int  # all of them, also those past the ones printed

    @property
    def url(self) -> str:
        return page_url(self.src_uri)


def broken_files(project: Project, diagnostics: list[Diagnostic]) -> list[BrokenFile]:
    """Every file with an error, in the order `check` prints them, each with its error page's address."""
    with_errors: dict[str, int] = {}
    for diagnostic in diagnostics:
        if diagnostic.is_error:
            with_errors[diagnostic.path] = with_errors.get(diagnostic.path, 0) + 1
    by_file: dict[str, list[Diagnostic]] = {}
    for diagnostic in capped(d for d in diagnostics if d.path in with_errors):
        by_file.setdefault(diagnostic.path, []).append(diagnostic)
    taken: set[str] = {OVERVIEW}
    found = []
    for path, problems in by_file.items():
        src_uri, kind = _address(project, path)
        if src_uri is None or src_uri in taken:
            src_uri, kind = _fallback(path, taken), kind if src_uri is None else "fil"
        taken.add(src_uri)
        found.append(BrokenFile(path, src_uri, kind, tuple(problems), _excerpts(project, path, problems),
                                with_errors[path]))
    return found


def error_addresses(broken: list[BrokenFile]) -> frozenset[str]:
    """Where the preview's error pages are: each broken file's, and the list of them all."""
    return frozenset([file.src_uri for file in broken] + ([OVERVIEW] if broken else []))


def banner(broken: list[BrokenFile]) -> dict[str, str] | None:
    """What the banner on every page says and where it leads (a URL under the site), or None: no errors."""
    if not broken:
        return None
    count = len(broken)
    text = f"{count} {'fil har' if count == 1 else 'filer har'} fejl — se her"
    return {"tekst": text, "side": broken[0].url if count == 1 else page_url(OVERVIEW)}


def _address(project: Project, path: str) -> tuple[str | None, str]:
    """The page a file makes (courses/x.yml → kurser/x.md, forloeb/x.yml → forloeb/x.md, content/a/b.md → a/b.md),
    if it makes one."""
    content = project.display(project.content_dir) + "/"
    name = PurePosixPath(path)
    for folder, kind, reserved, src in ((project.courses_dir, "kursus", RESERVED_SLUGS, course_src),
                                        (project.paths_dir, "forløb", RESERVED_PATHS, path_src)):
        if name.parent.as_posix() == project.display(folder) and name.suffix == ".yml":
            slug = name.stem
            if re.fullmatch(SLUG_PATTERN, slug) and slug not in reserved:
                return src(slug), kind
            return None, kind
    if path.startswith(content) and name.suffix == ".md":
        relative = path[len(content):]
        if not is_generated(relative):
            return relative, "side"
    return None, "fil"


def _fallback(path: str, taken: set[str]) -> str:
    """A preview-only address for a file without a page of its own: forhaandsvisning/fejl/<path>/."""
    stem = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "fil"
    src_uri, number = f"{ERROR_FOLDER}{stem}.md", 1
    while src_uri in taken:
        number += 1
        src_uri = f"{ERROR_FOLDER}{stem}-{number}.md"
    return src_uri


def _excerpts(project: Project, path: str, problems: list[Diagnostic]) -> tuple[Excerpt, ...]:
    lines = _read_lines(project, path)
    if not lines:
        return ()
    by_line: dict[int, list[Diagnostic]] = {}
    for problem in problems:
        if not problem.message.startswith("… og "):
            by_line.setdefault(min(max(problem.line, 1), len(lines)), []).append(problem)
    excerpts = []
    for line, here in sorted(by_line.items()):
        first, last = max(1, line - AROUND), min(len(lines), line + AROUND)
        excerpts.append(Excerpt(line, tuple(here), tuple(
            SourceLine(number, _shown(lines[number - 1]), number == line) for number in range(first, last + 1))))
    return tuple(excerpts)


def _read_lines(project: Project, path: str) -> list[str]:
    """The file's lines, when it is a regular file inside the project reached without a link; else none.

    A symbolic link is an error at its own path: what it points to (a secret outside the project, say)
    is never read, not even for the preview.
    """
    root = project.root.resolve()
    file = root / path
    try:
        if file.resolve() != file or not file.is_relative_to(root):
            return []
        status = file.lstat()
        if not stat.S_ISREG(status.st_mode) or status.st_size > LARGEST_FILE:
            return []
        data = file.read_bytes()
    except (OSError, RuntimeError, ValueError):
        return []
    # Lines as the checks count them; splitlines() would also break at form feeds and U+2028.
    lines = _LINE_BREAK.split(data.decode("utf-8", errors="replace").removeprefix("\ufeff"))
    return lines[:-1] if lines and not lines[-1] else lines


def _shown(line: str) -> str:
    """A line as it can be shown: control characters written out, a very long line cut short."""
    line = _UNPRINTABLE.sub(lambda m: repr(m.group(0))[1:-1], line)
    return line if len(line) <= LONGEST_LINE else line[:LONGEST_LINE] + " …"
